"""Reading a transcript (any supported format) into a cleaned `Document`."""

from __future__ import annotations

import os
import re
import stat
import sys
import unicodedata
from dataclasses import replace
from pathlib import Path

from pipeline.text.clean import paragraphs
from pipeline.errors import InputError
from pipeline.ingest.formats import extract_text
from pipeline.ingest.limits import DEFAULT_MAX_SIZE, describe_size
from pipeline.ingest.metadata import describe
from pipeline.records import Document

STDIN = "-"


def slug(text: str) -> str:
    """ASCII slug for ids: "Thanh Hoá 2022" -> "thanh-hoa-2022"."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "doc"


def document_from_text(text: str, doc_id: str, source: str = "", *, title: str = "", date: str = "") -> Document:
    """Clean decoded text into a Document with its metadata (no file involved)."""
    paras = paragraphs(text)
    if not paras:
        raise InputError(source or doc_id, "no text left after removing page chrome")
    doc = Document(doc_id=doc_id, text=text, source=source, paragraphs=paras)
    return replace(doc, **describe(doc, title=title, date=date))


def read_bytes(data: bytes, doc_id: str, source: str, suffix: str = ".txt", *, max_size: int | None = DEFAULT_MAX_SIZE) -> Document:
    extracted = extract_text(data, suffix, source, max_size=max_size)
    return document_from_text(extracted.text, doc_id, source, title=extracted.title, date=extracted.date)


def _too_large(source: str, size: int, max_size: int) -> InputError:
    return InputError(source, f"too large ({describe_size(size)} > {describe_size(max_size)}); raise --max-size to read it")



def _os_input_error(source: str, exc: OSError, doing: str) -> InputError:
    """An OS error while opening or reading a transcript, as one line naming the file."""
    if isinstance(exc, FileNotFoundError):
        return InputError(source, "no such file")
    if isinstance(exc, PermissionError):
        return InputError(source, "permission denied")
    if isinstance(exc, IsADirectoryError):
        return InputError(source, "is a folder, not a file")
    return InputError(source, f"cannot {doing} ({exc.strerror or exc})")


def _read(path: Path, max_size: int | None) -> bytes:
    """The bytes of a regular file (or standard input), never more than `max_size` of them.

    FIFOs, devices and sockets are refused before any read: /dev/zero never
    ends and a FIFO blocks until someone writes to it.
    """
    limit = -1 if max_size is None else max_size + 1
    if str(path) == STDIN:
        data = sys.stdin.buffer.read(limit)
        if max_size is not None and len(data) > max_size:
            raise InputError("<stdin>", f"too large (over {describe_size(max_size)}); raise --max-size to read it")
        return data
    source = str(path)
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; checked below, never read.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise _os_input_error(source, exc, "open") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(source, "is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise InputError(source, f"not a regular file ({_kind(info.st_mode)}); only regular files are read")
        if max_size is not None and info.st_size > max_size:
            raise _too_large(source, info.st_size, max_size)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=True) as handle:
            fd = -1
            data = handle.read(limit)
        if max_size is not None and len(data) > max_size:  # grew while we read it
            raise _too_large(source, len(data), max_size)
        return data
    except OSError as exc:
        raise _os_input_error(source, exc, "read") from None
    finally:
        if fd >= 0:
            os.close(fd)


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
                       (stat.S_ISSOCK, "a socket")):  # fmt: skip
        if test(mode):
            return name
    return "not a file"


def read_document(path: str | Path, doc_id: str | None = None, *, max_size: int | None = DEFAULT_MAX_SIZE) -> Document:
    """Read, extract, decode and clean one transcript file ("-" reads standard input)."""
    path = Path(path)
    data = _read(path, max_size)
    source = "<stdin>" if str(path) == STDIN else str(path)
    suffix = ".txt" if str(path) == STDIN else path.suffix
    return read_bytes(data, doc_id or slug(path.stem if str(path) != STDIN else "stdin"), source, suffix, max_size=max_size)
