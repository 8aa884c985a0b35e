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
from pipeline.ingest.limits import MAX_DOCX_PARAGRAPHS, MAX_PDF_PAGES, describe_size
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


def extract_text(data: bytes, suffix: str, source: str, *, max_size: int | None = None) -> Extracted:
    """Text and metadata of a file's bytes, by its suffix.

    `max_size` also bounds what the file expands to: the uncompressed parts of
    a .docx, the text extracted from any format.
    """
    suffix = suffix.lower()
    if suffix in TEXT_SUFFIXES or suffix == "":
        return Extracted(decode(data, source))
    if not data.strip():
        raise InputError(source, "the file is empty")
    try:
        if suffix == ".docx":
            extracted = _docx(data, source, max_size)
        elif suffix == ".pdf":
            extracted = _pdf(data, source, max_size)
        elif suffix in (".html", ".htm"):
            extracted = _html(data, source)
        else:
            raise InputError(source, f"unsupported file type {suffix!r}; supported: {', '.join(SUFFIXES)}")
    except InputError:
        raise
    except (MemoryError, RecursionError) as exc:
        raise InputError(source, f"too complex to read ({type(exc).__name__})") from None
    except Exception as exc:  # the readers raise many types for a damaged file
        raise InputError(source, f"cannot extract text from this {suffix} file ({type(exc).__name__}: {exc})") from None
    if max_size is not None and len(extracted.text) > max_size:
        raise InputError(source, f"the extracted text is too long ({len(extracted.text):,} characters > {max_size:,}); raise --max-size to read it")
    return extracted


def _check_docx_expansion(data: bytes, source: str, max_size: int | None) -> None:
    """Refuse a .docx whose parts expand beyond `max_size`, or that holds a bomb of paragraphs,
    before python-docx reads it (it builds every part and paragraph in memory)."""
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = archive.infolist()
        if max_size is not None:
            text_parts = sum(m.file_size for m in members if not m.filename.startswith("word/media/"))
            if text_parts > max_size:
                raise InputError(source, f"expands to {describe_size(text_parts)} of XML (> {describe_size(max_size)}); "
                                         "a decompression bomb? raise --max-size to read it")
            everything = sum(m.file_size for m in members)
            if everything > 4 * max_size:
                raise InputError(source, f"expands to {describe_size(everything)} (> 4 x {describe_size(max_size)}); raise --max-size to read it")
        try:
            body = archive.getinfo("word/document.xml")
        except KeyError:
            return  # python-docx says what is missing
        paragraphs, tail = 0, b""
        with archive.open(body) as handle:  # zipfile stops at the declared size
            while chunk := handle.read(1 << 20):
                window = tail + chunk
                paragraphs += window.count(b"<w:p>") + window.count(b"<w:p ") + window.count(b"<w:p/>")
                tail = window[-5:]
                paragraphs -= tail.count(b"<w:p>") + tail.count(b"<w:p ") + tail.count(b"<w:p/>")
                if paragraphs > MAX_DOCX_PARAGRAPHS:
                    raise InputError(source, f"more than {MAX_DOCX_PARAGRAPHS:,} paragraphs; not a transcript (a decompression bomb?)")


def _docx(data: bytes, source: str, max_size: int | None = None) -> Extracted:
    import docx

    if not data.startswith(b"PK"):
        raise InputError(source, "not a Word .docx file")
    _check_docx_expansion(data, source, max_size)
    document = docx.Document(io.BytesIO(data))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append(" ".join(cell.text for cell in row.cells))
    props = document.core_properties
    created = props.created.date().isoformat() if props.created else ""
    return Extracted(_finish("\n\n".join(lines), source), title=props.title or "", date=created)


_PDF_DATE = re.compile(r"D:(\d{4})(\d{2})(\d{2})")


def _pdf(data: bytes, source: str, max_size: int | None = None) -> Extracted:
    from pypdf import PdfReader

    if not data.startswith(b"%PDF"):
        raise InputError(source, "not a PDF file")
    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted and not reader.decrypt(""):
        raise InputError(source, "the PDF is encrypted with a password; save an unprotected copy")
    if len(reader.pages) > MAX_PDF_PAGES:
        raise InputError(source, f"{len(reader.pages):,} pages (limit {MAX_PDF_PAGES:,}); split it")
    pages, length = [], 0
    for page in reader.pages:
        pages.append(page.extract_text() or "")
        length += len(pages[-1])
        if max_size is not None and length > max_size:
            raise InputError(source, f"the extracted text is too long (over {max_size:,} characters); raise --max-size to read it")
    text = unwrap_lines("\n".join(pages))
    if not text.strip():
        raise InputError(source, "the PDF has no text layer (a scanned image?); run OCR first")
    meta = reader.metadata or {}
    date = ""
    match = _PDF_DATE.match(str(meta.get("/CreationDate", "") or ""))
    if match:
        date = "-".join(match.groups())
    return Extracted(_finish(text, source), title=str(meta.get("/Title", "") or ""), date=date)


_SENTENCE_END = re.compile(r"[.!?…”\"»)]\s*$")
_SOFT_END = re.compile(r"[:;]\s*$")
_LIST_LETTER = re.compile(r"\w[.)]\s")  # "a) …", "b. …" open list items


def _goes_on(line: str) -> bool:
    """A wrapped clause goes on in lower case; a lower-case list letter starts an item."""
    return line[:1].islower() and not _LIST_LETTER.match(line)


def unwrap_lines(text: str) -> str:
    """Join lines a PDF wrapped: a line that does not end a sentence continues on the next.

    A line ending in ";" or ":" is a clause of a long sentence when the next line goes on in
    lower case ("… nhiệm vụ chính trị;" / "những tiềm năng …"), and the end of a lead-in or of
    a list item when the next line starts an item or a new sentence ("- Sở Y tế …", "b) …").
    """
    paragraphs: list[str] = []
    current: list[str] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            if current:
                paragraphs.append(" ".join(current))
                current = []
            continue
        if current and _SOFT_END.search(current[-1]) and not _goes_on(line):
            paragraphs.append(" ".join(current))
            current = []
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
