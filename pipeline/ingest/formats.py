"""File formats to plain text: .txt/.md, .docx, .pdf (text layer), .html/.htm.

Each reader returns the text (paragraphs one per line) and whatever metadata
the file carries. Decoding of plain text is `pipeline.ingest.decode`'s job; removing
page chrome is `pipeline.text.clean`'s.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

from pipeline.ingest.decode import decode, sniff_binary
from pipeline.errors import InputError
from pipeline.text.normalize import nfc

TEXT_SUFFIXES = (".txt", ".md", ".text")
SUFFIXES = TEXT_SUFFIXES + (".docx", ".pdf", ".html", ".htm")


@dataclass(frozen=True)
class Extracted:
    text: str
    title: str = ""
    date: str = ""


def supported(path: Path) -> bool:
    return path.suffix.lower() in SUFFIXES or str(path) == "-"


def extract_text(data: bytes, suffix: str, source: str) -> Extracted:
    """Text and metadata of a file's bytes, by its suffix."""
    suffix = suffix.lower()
    if suffix in TEXT_SUFFIXES or suffix == "":
        return Extracted(decode(data, source))
    if not data.strip():
        raise InputError(source, "the file is empty")
    try:
        if suffix == ".docx":
            return _docx(data, source)
        if suffix == ".pdf":
            return _pdf(data, source)
        if suffix in (".html", ".htm"):
            return _html(data, source)
    except InputError:
        raise
    except Exception as exc:  # the readers raise many types for a damaged file
        raise InputError(source, f"cannot extract text from this {suffix} file ({type(exc).__name__}: {exc})") from None
    raise InputError(source, f"unsupported file type {suffix!r}; supported: {', '.join(SUFFIXES)}")


def _docx(data: bytes, source: str) -> Extracted:
    import docx

    if not data.startswith(b"PK"):
        raise InputError(source, "not a Word .docx file")
    document = docx.Document(io.BytesIO(data))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append(" ".join(cell.text for cell in row.cells))
    props = document.core_properties
    created = props.created.date().isoformat() if props.created else ""
    return Extracted(_finish("\n\n".join(lines), source), title=props.title or "", date=created)


_PDF_DATE = re.compile(r"D:(\d{4})(\d{2})(\d{2})")


def _pdf(data: bytes, source: str) -> Extracted:
    from pypdf import PdfReader

    if not data.startswith(b"%PDF"):
        raise InputError(source, "not a PDF file")
    reader = PdfReader(io.BytesIO(data))
    pages = [page.extract_text() or "" for page in reader.pages]
    text = unwrap_lines("\n".join(pages))
    if not text.strip():
        raise InputError(source, "the PDF has no text layer (a scanned image?); run OCR first")
    meta = reader.metadata or {}
    date = ""
    match = _PDF_DATE.match(str(meta.get("/CreationDate", "") or ""))
    if match:
        date = "-".join(match.groups())
    return Extracted(_finish(text, source), title=str(meta.get("/Title", "") or ""), date=date)


_SENTENCE_END = re.compile(r"[.!?…:;”\"»)]\s*$")


def unwrap_lines(text: str) -> str:
    """Join lines a PDF wrapped: a line that does not end a sentence continues on the next."""
    paragraphs: list[str] = []
    current: list[str] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            if current:
                paragraphs.append(" ".join(current))
                current = []
            continue
        current.append(line)
        if _SENTENCE_END.search(line):
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return "\n\n".join(paragraphs)


def _html(data: bytes, source: str) -> Extracted:
    import trafilatura

    if sniff_binary(data):
        raise InputError(source, f"not an HTML file (it looks like {sniff_binary(data)})")
    html = decode(data, source)
    text = trafilatura.extract(
        html, include_comments=False, include_tables=False, include_images=False, favor_precision=True, deduplicate=False
    )
    if not text or not text.strip():
        raise InputError(source, "no main text found in this web page")
    meta = trafilatura.extract_metadata(html)
    title = (meta.title or "") if meta else ""
    date = (meta.date or "") if meta else ""
    return Extracted(_finish(text, source), title=title, date=date)


def _finish(text: str, source: str) -> str:
    text = nfc(text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0c", "\n"))
    if not text.strip():
        raise InputError(source, "no text in this file")
    return text
