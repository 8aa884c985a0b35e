"""Text normalisation: Unicode form and tone-mark placement.

The register keeps text as written (NFC); the classifier and the matchers see a
canonical form so that "Thanh Hoá" and "Thanh Hóa", or NFD input, never change
a label.
"""

from __future__ import annotations

import re
import unicodedata

# Old-style ("hoá", "thuỷ") puts the tone on the second vowel of an open
# syllable ending in oa/oe/uy; the canonical form puts it on the first ("hóa",
# "thủy"), the form used by the label guide.
_TONES = {
    "\u0301": "acute",
    "\u0300": "grave",
    "\u0309": "hook",
    "\u0303": "tilde",
    "\u0323": "dot",
}
_OLD_STYLE = re.compile(
    r"(?<![qQ])([oOuU])([\u0301\u0300\u0309\u0303\u0323]?)([aAeEyY])([\u0301\u0300\u0309\u0303\u0323])(?![^\W\d_]|[\u0300-\u036f])"
)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def nfc_with_offsets(text: str) -> tuple[str, list[int]]:
    """NFC text and, for each of its characters plus the end, the offset in `text`.

    What lets a stage work on NFC text and still point into text as written.
    """
    if unicodedata.is_normalized("NFC", text):
        return text, list(range(len(text) + 1))
    out: list[str] = []
    offsets: list[int] = []
    start = 0
    for i in range(1, len(text) + 1):
        # a cluster is a base character and the combining marks after it
        if i == len(text) or not unicodedata.combining(text[i]):
            piece = unicodedata.normalize("NFC", text[start:i])
            out.append(piece)
            offsets.extend([start] * len(piece))
            start = i
    offsets.append(len(text))
    return "".join(out), offsets


def canonical_tones(text: str) -> str:
    """Move old-style tone marks to the canonical vowel; returns NFC text.

    Only open syllables are touched ("hoàn", "khuyến" keep their marks), and
    "qu" + y is left alone since there u is part of the consonant ("quý").
    """
    decomposed = unicodedata.normalize("NFD", text)

    def move(match: re.Match[str]) -> str:
        first, first_mark, second, tone = match.groups()
        if first_mark:
            return match.group(0)
        return f"{first}{tone}{second}"

    return unicodedata.normalize("NFC", _OLD_STYLE.sub(move, decomposed))


def fold_for_model(text: str) -> str:
    """The form the classifier sees: NFC, canonical tones, lower case, digits as 0."""
    text = canonical_tones(text).lower()
    text = re.sub(r"\d", "0", text)
    return " ".join(text.split())
