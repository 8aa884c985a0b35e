"""Bytes to text: BOMs, UTF-8, UTF-16, legacy Windows-1258, and refusing binaries."""

from __future__ import annotations

import codecs
import re

from pipeline.errors import InputError
from pipeline.text.normalize import nfc

_MAGIC = {
    b"\x89PNG\r\n\x1a\n": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"%PDF": "a PDF file",
    b"PK\x03\x04": "a ZIP archive (Word, Excel or similar)",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office file",
    b"\x7fELF": "a program",
}
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control characters other than tab, newline, carriage return, form feed.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def sniff_binary(data: bytes) -> str | None:
    """What kind of binary file this is, or None when it may be text."""
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            return kind
    return None


def decode(data: bytes, source: str = "<input>") -> str:
    """Decode a transcript's bytes to NFC text with '\\n' line ends.

    Tries a BOM first, then strict UTF-8, then Windows-1258 (the legacy code
    page for Vietnamese, which writes tone marks as combining characters).
    """
    if not data.strip():
        raise InputError(source, "the file is empty")
    kind = sniff_binary(data)
    if kind:
        raise InputError(source, f"not a text file (it looks like {kind})")
    text = None
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(source, f"starts with a {encoding} mark but is not valid {encoding} ({exc.reason})") from None
            break
    if text is None:
        if b"\x00" in data:
            raise InputError(source, "not a text file (it contains NUL bytes; UTF-16 needs a byte-order mark)")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1258")
            except UnicodeDecodeError:
                raise InputError(
                    source, "not UTF-8, UTF-16 or Windows-1258 text; re-save it as UTF-8"
                ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if len(_CONTROL.findall(text)) > max(8, len(text) // 200):
        raise InputError(source, "not a text file (too many control characters)")
    text = _CONTROL.sub(" ", text)
    if not text.strip():
        raise InputError(source, "the file has no text")
    return nfc(text)
