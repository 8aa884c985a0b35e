"""Sentence segmentation built for Vietnamese speeches.

Replaces underthesea's `sent_tokenize`, which splits domain names
("Thanhhoa.dcs.vn"), merges "...trọng tâm là:" with the next paragraph and
moves closing quotes. Rules here: a paragraph always ends a sentence; inside a
paragraph a sentence ends at ".", "!", "?", "…" or "..." (with any closing
quotes) followed by white space and a capital, digit or opening quote, unless
the word before is an abbreviation, an initial or a list marker.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pipeline.text import lexicon
from pipeline.records import Document, Sentence

# The lookbehind starts a match only at the first mark of a run and the possessive
# quantifiers never give marks back: a run of dots is scanned once, not once per dot.
_END = re.compile(r"(?<![.!?…])[.!?…]++[" + re.escape(lexicon.CLOSERS) + r"]*+(?=\s)")
_SPACE = re.compile(r"\s+")
_INITIALS = re.compile(r"(?:[A-ZĐ][a-zđ]{0,2}\.)+[A-ZĐ][A-Za-zđ]{0,2}")  # PGS.TS, Th.S
# A list marker ("1.", "a.", "Điều 5.") is short; a longer sentence so far is never one.
_LIST_MARKER_MAX = 64


def _starts_sentence(char: str) -> bool:
    return char.isupper() or char.isdigit() or char in lexicon.OPENERS or char in "-–•"


def _last_word(text: str, start: int, stop: int) -> tuple[int, int]:
    """Span of the last white-space separated word of text[start:stop].

    Walks back from `stop` over that word only, so checking every dot of a
    paragraph costs time linear in the paragraph, not in the sentence so far.
    """
    end = stop
    while end > start and text[end - 1].isspace():
        end -= 1
    begin = end
    while begin > start and not text[begin - 1].isspace():
        begin -= 1
    return begin, end


def _is_abbreviation(text: str, sentence_start: int, dot: int) -> bool:
    """Whether the '.' at text[dot] (the sentence began at `sentence_start`) is not a full stop."""
    begin, end = _last_word(text, sentence_start, dot)
    word = text[begin:end].lstrip(lexicon.OPENERS)
    if word in lexicon.ABBREVIATIONS:
        return True
    if len(word) == 1 and word.isupper():  # an initial: "Nguyễn V. An"
        return True
    if _INITIALS.fullmatch(word):
        return True
    if end - sentence_start > _LIST_MARKER_MAX:
        return False
    return bool(lexicon.LIST_MARKER.match(text[sentence_start:end].strip()))


def split_span(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Sentence spans inside text[start:end], stripped of surrounding space."""
    sentence_start = start
    for match in _END.finditer(text, start, end):
        stop = match.end()
        nxt = _SPACE.match(text, stop, end)
        if nxt is None or nxt.end() >= end:
            continue
        if not _starts_sentence(text[nxt.end()]) or lexicon.CREDIT_AFTER.match(text, nxt.end()):
            continue
        punct = match.group(0)
        if punct.startswith(".") and len(punct.rstrip(lexicon.CLOSERS)) == 1:
            if _is_abbreviation(text, sentence_start, match.start()):
                continue
        yield sentence_start, stop
        sentence_start = nxt.end()
    if sentence_start < end:
        yield sentence_start, end


def sentences(doc: Document) -> list[Sentence]:
    """All sentences of a cleaned document, in order, with offsets into doc.text."""
    out: list[Sentence] = []
    for para in doc.paragraphs:
        for s, e in split_span(doc.text, para.start, para.end):
            out.append(
                Sentence(
                    doc_id=doc.doc_id,
                    sentence_id=len(out) + 1,
                    paragraph=para.number,
                    part=para.part,
                    start=s,
                    end=e,
                    text=doc.text[s:e],
                )
            )
    return out

