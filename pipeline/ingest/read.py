"""Reading a transcript (any supported format) into a cleaned `Document`."""

from __future__ import annotations

import re
import sys
import unicodedata
from dataclasses import replace
from pathlib import Path

from pipeline.text.clean import paragraphs
from pipeline.errors import InputError
from pipeline.ingest.formats import extract_text
from pipeline.ingest.metadata import describe
from pipeline.records import Document

DEFAULT_MAX_SIZE = 20 * 1024 * 1024
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


def read_bytes(data: bytes, doc_id: str, source: str, suffix: str = ".txt") -> Document:
    extracted = extract_text(data, suffix, source)
    return document_from_text(extracted.text, doc_id, source, title=extracted.title, date=extracted.date)


def _read(path: Path, max_size: int | None) -> bytes:
    if str(path) == STDIN:
        return sys.stdin.buffer.read()
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise InputError(str(path), "is a folder, not a file")
        if max_size is not None and size > max_size:
            raise InputError(str(path), f"too large ({size / 1e6:.1f} MB > {max_size / 1e6:.1f} MB); raise --max-size to read it")
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(str(path), "no such file") from None
    except PermissionError:
        raise InputError(str(path), "permission denied") from None
    except OSError as exc:
        raise InputError(str(path), f"cannot read ({exc.strerror})") from None


def read_document(path: str | Path, doc_id: str | None = None, *, max_size: int | None = DEFAULT_MAX_SIZE) -> Document:
    """Read, extract, decode and clean one transcript file ("-" reads standard input)."""
    path = Path(path)
    data = _read(path, max_size)
    source = "<stdin>" if str(path) == STDIN else str(path)
    suffix = ".txt" if str(path) == STDIN else path.suffix
    return read_bytes(data, doc_id or slug(path.stem if str(path) != STDIN else "stdin"), source, suffix)
