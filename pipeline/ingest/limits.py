"""Limits on what one input may cost: its size on disk and after decompression.

Sizes use decimal units in the command line and the library alike: 20MB is
20,000,000 bytes (MiB, KiB and GiB are the binary ones: 20MiB is 20,971,520).
"""

from __future__ import annotations

import math
import re

# The largest file read, and the most text or uncompressed content one file may
# expand to (a .docx or .pdf is compressed; a small file can hold gigabytes).
DEFAULT_MAX_SIZE = 20_000_000
# Paragraphs in one .docx: a long report has a few thousand; millions of empty
# ones are a decompression bomb that python-docx would build objects for.
MAX_DOCX_PARAGRAPHS = 200_000
# Pages of one PDF read for text.
MAX_PDF_PAGES = 5_000

_UNITS = {"": 1, "b": 1, "k": 10**3, "kb": 10**3, "m": 10**6, "mb": 10**6, "g": 10**9, "gb": 10**9,
          "kib": 2**10, "mib": 2**20, "gib": 2**30}  # fmt: skip
_SIZE = re.compile(r"(?<![\d.])(\d++(?:\.\d*+)?|\.\d++)\s*+([a-z]*+)")


def parse_size(value: str | int) -> int:
    """Bytes in "20MB", "500k", "1.5GiB" or "1000000"; ValueError with a message for anything else."""
    if isinstance(value, int) and not isinstance(value, bool):
        if value < 0:
            raise ValueError(f"{value!r} is negative")
        return value
    match = _SIZE.fullmatch(str(value).strip().lower())
    if not match or match.group(2) not in _UNITS:
        raise ValueError(f"{value!r} is not a size like 20MB, 500kB, 2MiB or 1000000")
    size = float(match.group(1)) * _UNITS[match.group(2)]
    if not math.isfinite(size) or size > 2**62:
        raise ValueError(f"{value!r} is too large")
    return int(size)


def describe_size(size: int) -> str:
    return f"{size / 1e6:.1f} MB"
