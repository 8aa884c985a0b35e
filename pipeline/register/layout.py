"""How much room text takes in a spreadsheet cell: column widths and the row heights that show wrapped text.

Excel and LibreOffice Calc keep the row heights a generated file gives them, so
a row must be made tall enough here. The widths are Arial's (LibreOffice uses
the metric-compatible Liberation Sans): each character is measured on its base
letter, so "Ằ" takes the room of "A", and lines are broken at spaces and
hyphens as both applications do. The estimate errs on the tall side.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

FONT_NAME = "Arial"  # Windows and macOS have it; LibreOffice draws it with Liberation Sans; both have every Vietnamese letter
FONT_SIZE = 10
LINE_HEIGHT = 12.75  # points per line of 10-point Arial in Excel; LibreOffice needs a little less
ROW_PADDING = 4.0
MIN_ROW_HEIGHT = 15.0

# Advance widths of Arial, in thousandths of the font size.
_ADVANCE = {
    **dict.fromkeys("ijl", 222), **dict.fromkeys(" !,./:;I[]\\ft|", 278), **dict.fromkeys("()-r`", 333),
    '"': 355, "*": 389, "^": 469, "J": 500, **dict.fromkeys("cksvxyz", 500),
    **dict.fromkeys("0123456789abdeghnopqu$#_?L", 556), **dict.fromkeys("+<=>~", 584),
    **dict.fromkeys("FTZ", 611), **dict.fromkeys("ABEKPSVXY&", 667), **dict.fromkeys("CDHNRUw", 722),
    **dict.fromkeys("GOQ", 778), **dict.fromkeys("Mm%", 833), "W": 944, "@": 1015,
}
_WIDE = 1000  # CJK and other full-width characters
_OTHER = 600  # anything not in the table: a little wider than an average letter
_BOLD = 1.08


def _advance(char: str) -> int:
    if char in _ADVANCE:
        return _ADVANCE[char]
    if char in "đĐ":
        return _ADVANCE["d" if char == "đ" else "D"]
    base = unicodedata.normalize("NFD", char)[0]
    if base in _ADVANCE:
        # ơ, ư carry a horn that sticks out to the right
        return _ADVANCE[base] + (60 if char in "ơưƠƯờởỡớợừửữứự" else 0)
    if unicodedata.east_asian_width(char) in "WF":
        return _WIDE
    return _OTHER


def text_width(text: str, *, bold: bool = False) -> float:
    """Width of `text` in points at the register's font size."""
    return sum(_advance(c) for c in text) * FONT_SIZE / 1000 * (_BOLD if bold else 1.0)


# Excel draws with glyph widths rounded to whole pixels, a few percent off the font's own: leave room.
HINTING_ALLOWANCE = 0.95


def usable_width(width: float) -> float:
    """Points of text a column `width` characters wide holds: 7 pixels per character, less the cell's margins."""
    return max(1.0, (7 * width - 8) * 0.75 * HINTING_ALLOWANCE)


def _pieces(line: str) -> list[str]:
    """Where a line may break: after spaces and after hyphens, as the applications break."""
    pieces, current = [], ""
    for char in line:
        current += char
        if char in " -–/":
            pieces.append(current)
            current = ""
    if current:
        pieces.append(current)
    return pieces


@lru_cache(maxsize=1 << 16)
def _piece(piece: str, bold: bool) -> tuple[float, float]:
    """Width of a piece of a line, and of its trailing space (which may hang past the edge)."""
    return text_width(piece, bold=bold), (text_width(" ", bold=bold) if piece.endswith(" ") else 0.0)


def line_count(text: str, width: float, *, bold: bool = False) -> int:
    """Lines `text` takes in a wrapped cell `width` characters wide."""
    room = usable_width(width)
    lines = 0
    for paragraph in str(text).split("\n"):
        lines += 1
        used = 0.0
        for piece in _pieces(paragraph):
            size, trailing = _piece(piece, bold)
            if used and used + size - trailing > room:
                lines += 1
                used = 0.0
            while size - trailing > room:  # a word longer than the column is broken inside
                lines += 1
                size -= room
            used += size
    return max(1, lines)


def row_height(texts: Sequence[str], widths: Sequence[float], *, bold: bool = False) -> float:
    """Points a row needs so that every wrapped cell in it shows all its lines."""
    lines = max((line_count(t, w, bold=bold) for t, w in zip(texts, widths) if t), default=1)
    return max(MIN_ROW_HEIGHT, round(lines * LINE_HEIGHT + ROW_PADDING, 1))


def column_width(header: str, values: Sequence[str], *, maximum: float, wrap_header: bool = False) -> tuple[float, bool]:
    """Characters wide a column should be, and whether its header is turned upright to allow that.

    The width follows the content, up to `maximum` (longer text wraps). A header
    wider than a narrow column's content (``commitment_reviewed`` over a column
    of "1"s) is turned upright instead of widening the column: the sheet then
    fits a page at a larger scale. With `wrap_header` the header wraps at its
    spaces instead.
    """
    longest = max((text_width(line) for v in values for line in str(v).split("\n")), default=0.0)
    content = min(longest / 5.25 + 2, maximum)  # characters of 7 pixels (5.25 points), plus the margins
    words = header.split() if wrap_header else [header]
    header_chars = max((text_width(w, bold=True) for w in words), default=0.0) / 5.25 + 2
    if header_chars <= max(content, 6.0) or wrap_header:
        return round(max(6.0, content, min(header_chars, maximum)), 1), False
    if content < 12:
        return round(max(4.0, content), 1), True
    return round(max(content, min(header_chars, maximum)), 1), False


def header_height(headers: Sequence[str], widths: Sequence[float], upright: Sequence[bool]) -> float:
    """Points the header row needs: the longest upright header, or the most wrapped lines."""
    tall = max((text_width(h, bold=True) + 10 for h, up in zip(headers, upright) if up), default=0.0)
    return max(tall, row_height([h for h, up in zip(headers, upright) if not up],
                                [w for w, up in zip(widths, upright) if not up], bold=True))
