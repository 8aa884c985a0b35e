"""Cleaning: drop page chrome and tell lead, caption and speech paragraphs apart.

Cleaning never rewrites text. It returns paragraph spans into the document
text, so every later offset still points into what was read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pipeline.text import lexicon
from pipeline.text.normalize import canonical_tones
from pipeline.records import Paragraph, Part

_LINE = re.compile(r"[^\n]+")


def _lines(text: str) -> Iterator[tuple[int, int]]:
    """Spans of the non-blank lines, without surrounding whitespace."""
    for match in _LINE.finditer(text):
        line = match.group(0)
        stripped = line.strip()
        if not stripped:
            continue
        start = match.start() + (len(line) - len(line.lstrip()))
        yield start, start + len(stripped)


def is_chrome(line: str) -> bool:
    """Whether a whole line is web-page furniture (menus, counters, share buttons)."""
    line = canonical_tones(line.strip())
    return bool(
        lexicon.CHROME_LINE.match(line)
        or lexicon.is_menu_line(line)
        or lexicon.COUNTER_LINE.match(line)
        or lexicon.DATE_LINE.match(line)
    )


def _ends_like_sentence(line: str) -> bool:
    return line.rstrip(lexicon.CLOSERS).endswith((".", "!", "?", "…", ":", ";"))


def paragraphs(text: str) -> tuple[Paragraph, ...]:
    """The paragraphs worth reading, each a span of `text` with its part.

    A line is a paragraph: transcripts and scraped pages put one paragraph per
    line, and readers for wrapped formats (PDF) join lines before this step.
    """
    kept: list[tuple[int, int, bool]] = []  # start, end, is_caption
    in_related = False
    for start, end in _lines(text):
        line = text[start:end]
        folded = canonical_tones(line)
        if lexicon.RELATED_NEWS.match(folded):
            in_related = True
            continue
        if in_related:
            # Headlines under "Tin liên quan" carry no final punctuation.
            if not _ends_like_sentence(line):
                continue
            in_related = False
        if is_chrome(line):
            continue
        kept.append((start, end, bool(lexicon.CAPTION.search(folded))))

    first_salutation = next(
        (
            i
            for i, (s, e, caption) in enumerate(kept)
            if not caption and lexicon.SALUTATION.match(canonical_tones(text[s:e]))
        ),
        None,
    )
    result = []
    for i, (start, end, caption) in enumerate(kept):
        part: Part
        if caption:
            part = "caption"
        elif first_salutation is not None and i < first_salutation:
            part = "lead"
        elif first_salutation is None and i == 0 and lexicon.DATELINE.match(text[start:end]):
            part = "lead"
        else:
            part = "speech"
        result.append(Paragraph(number=i + 1, start=start, end=end, part=part))
    return tuple(result)
