"""Reading a transcript file into a cleaned `Document`."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from pipeline.clean import paragraphs
from pipeline.decode import decode
from pipeline.errors import InputError
from pipeline.records import Document

TEXT_SUFFIXES = (".txt", ".md", ".text", "")


def slug(text: str) -> str:
    """ASCII slug for ids: "Thanh Hoá 2022" -> "thanh-hoa-2022"."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "doc"


def document_from_text(text: str, doc_id: str, source: str = "") -> Document:
    """Clean decoded text into a Document (no file involved)."""
    paras = paragraphs(text)
    if not paras:
        raise InputError(source or doc_id, "no text left after removing page chrome")
    return Document(doc_id=doc_id, text=text, source=source, paragraphs=paras)


def read_bytes(data: bytes, doc_id: str, source: str) -> Document:
    return document_from_text(decode(data, source), doc_id, source)


def read_document(path: str | Path, doc_id: str | None = None) -> Document:
    """Read, decode and clean one transcript file."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(str(path), "no such file") from None
    except IsADirectoryError:
        raise InputError(str(path), "is a folder, not a file") from None
    except OSError as exc:
        raise InputError(str(path), f"cannot read ({exc.strerror})") from None
    return read_bytes(data, doc_id or slug(path.stem), str(path))
