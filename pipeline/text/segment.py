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

_END = re.compile(r"(?:[.!?…]+)[" + re.escape(lexicon.CLOSERS) + r"]*(?=\s)")
_SPACE = re.compile(r"\s+")


def _starts_sentence(char: str) -> bool:
    return char.isupper() or char.isdigit() or char in lexicon.OPENERS or char in "-–•"


def _is_abbreviation(before: str, sentence_so_far: str) -> bool:
    """Whether the '.' after `before` (the word it ends) is not a full stop."""
    word = before.split()[-1] if before.split() else ""
    word = word.lstrip(lexicon.OPENERS)
    if word in lexicon.ABBREVIATIONS:
        return True
    if len(word) == 1 and word.isupper():  # an initial: "Nguyễn V. An"
        return True
    if re.fullmatch(r"(?:[A-ZĐ][a-zđ]{0,2}\.)+[A-ZĐ][A-Za-zđ]{0,2}", word):  # PGS.TS, Th.S
        return True
    return bool(lexicon.LIST_MARKER.match(sentence_so_far.strip()))


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
            if _is_abbreviation(text[sentence_start : match.start()], text[sentence_start : match.start()]):
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

