"""Cleaning: drop page chrome and tell headline, lead, caption and speech paragraphs apart.

Cleaning never rewrites text. It returns paragraph spans into the document
text, so every later offset still points into what was read.

A news page as the provincial and national press publish it reads, top to
bottom: section name or breadcrumb, headline, timestamp and byline, share and
font-size buttons, the lead ("(Baoxyz.vn) – Sáng 5/3, …", "TTO - …", "Ngày
9-6, …"), a photo with its caption, the body (a report or the speech itself),
the byline or source, related headlines ("Tin liên quan", "Xem thêm"), tags,
copyright and contact lines. A line is chrome either by its shape alone
(`is_chrome`) or by its shape and its place: a name under the headline or at
the foot is a byline, short lines without a full stop after "Tin liên quan"
are related headlines. A line that ends like a sentence is never dropped for
its place, so nothing of the speech is lost.
"""

from __future__ import annotations

from collections.abc import Iterator
import re

from pipeline.records import Paragraph, Part
from pipeline.text import lexicon, lines
from pipeline.text.normalize import canonical_tones

_LINE = re.compile(r"[^\n]+")
# Lines before the first salutation are the news introduction only if there are this few.
MAX_LEAD_BEFORE_SALUTATION = 4
MAX_RELATED_HEADLINE_WORDS = 30
MAX_CAPTION_WORDS = 60
# How many byline or source lines a page may end with.
MAX_FOOT_LINES = 3

_DROP, _TEXT, _CAPTION = "drop", "text", "caption"


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
    """Whether a whole line is web-page furniture, wherever it stands on the page:
    menus, breadcrumbs, counters, timestamps, share and font-size buttons, "Xem thêm: …" links,
    picture marks, tags, copyright and contact lines, reporters' abbreviations ("PV", "Nhóm PV")."""
    line = line.strip()
    folded = canonical_tones(line)
    return bool(
        lexicon.CHROME_LINE.match(folded)
        or lexicon.is_menu_line(folded)
        or lexicon.COUNTER_LINE.match(folded)
        or lexicon.DATE_LINE.match(folded)
        or lines.is_timestamp(line)
        or lines.is_buttons(line)
        or lines.is_menu(line)
        or lines.is_footer(line)
        or lines.is_related_marker(line)
        or lines.is_related_link(line)
        or lines.is_image_mark(line)
        or lines.is_counter(line)
        or lines.is_press_byline(line)
    )


def _shapes(text: str, spans: list[tuple[int, int]]) -> list[str]:
    """Drop, caption or text for each line by its shape, and the related-news lists by their marker."""
    kinds: list[str] = []
    in_related = False
    for start, end in spans:
        line = text[start:end]
        if lines.is_related_marker(line):
            in_related = True
            kinds.append(_DROP)
            continue
        if in_related:
            # Headlines under "Tin liên quan" are short and carry no final punctuation.
            if not lines.ends_like_sentence(line) and len(line.split()) <= MAX_RELATED_HEADLINE_WORDS:
                kinds.append(_DROP)
                continue
            in_related = False
        if is_chrome(line):
            kinds.append(_DROP)
        elif lines.is_caption(line) or lines.is_credit(line):
            kinds.append(_CAPTION)
        else:
            kinds.append(_TEXT)
    return kinds


def _captions_by_position(text: str, spans: list[tuple[int, int]], kinds: list[str]) -> None:
    """The line after a picture mark, and the line before a credit on its own, are captions."""
    for i, (start, end) in enumerate(spans):
        line = text[start:end]
        if lines.is_image_mark(line):
            nxt = i + 1
            if nxt < len(spans) and kinds[nxt] == _TEXT and _caption_sized(text, spans[nxt]):
                kinds[nxt] = _CAPTION
        elif kinds[i] == _CAPTION and lines.is_credit(line):
            prev = i - 1
            if prev > 0 and kinds[prev] == _TEXT and _caption_sized(text, spans[prev]):
                kinds[prev] = _CAPTION


def _repeated_captions(text: str, spans: list[tuple[int, int]], kinds: list[str]) -> None:
    """A short line without a full stop, twice in a row: a picture's alt text and its caption."""
    for i in range(1, len(spans)):
        line = text[spans[i][0] : spans[i][1]]
        if (
            kinds[i] == kinds[i - 1] == _TEXT
            and line == text[spans[i - 1][0] : spans[i - 1][1]]
            and lines.is_headline_shape(line)
        ):
            kinds[i] = kinds[i - 1] = _CAPTION


def _caption_sized(text: str, span: tuple[int, int]) -> bool:
    line = text[span[0] : span[1]]
    return len(line.split()) <= MAX_CAPTION_WORDS and not line.rstrip().endswith(":")


def _drop_foot(text: str, spans: list[tuple[int, int]], kinds: list[str]) -> None:
    """Bylines and sources at the foot of the page ("Minh Anh", "Theo TTXVN")."""
    dropped = 0
    for i in range(len(spans) - 1, -1, -1):
        if kinds[i] == _DROP:
            continue
        line = text[spans[i][0] : spans[i][1]]
        if kinds[i] == _TEXT and dropped < MAX_FOOT_LINES and (lines.is_byline(line) or lines.is_source(line)):
            kinds[i] = _DROP
            dropped += 1
            continue
        break


def _salutation_index(text: str, spans: list[tuple[int, int]], kinds: list[str]) -> int | None:
    for i, (start, end) in enumerate(spans):
        if kinds[i] == _TEXT and lexicon.SALUTATION.match(canonical_tones(text[start:end])):
            return i
    return None


def _front(text: str, spans: list[tuple[int, int]], kinds: list[str]) -> tuple[int | None, int | None]:
    """The headline and the first body line, dropping section names and bylines around the headline."""
    headline = None
    for i, (start, end) in enumerate(spans):
        if kinds[i] != _TEXT:
            continue
        line = text[start:end]
        if lexicon.SALUTATION.match(canonical_tones(line)):
            return headline, i
        if headline is None:
            if lines.is_section_name(line):
                kinds[i] = _DROP
                continue
            if (
                lines.is_headline_shape(line)
                and not lines.has_site_tag(line)
                and any(k != _DROP for k in kinds[i + 1 :])
            ):
                headline = i
                continue
            return None, i
        if lines.is_byline(line) or lines.is_section_name(line):
            kinds[i] = _DROP
            continue
        return headline, i
    return headline, None


def paragraphs(text: str) -> tuple[Paragraph, ...]:
    """The paragraphs worth reading, each a span of `text` with its part.

    A line is a paragraph: transcripts and scraped pages put one paragraph per
    line, and readers for wrapped formats (PDF) join lines before this step.
    Parts: `headline` (the first line, when it has no full stop and more follows),
    `lead` (the news introduction: paragraphs before the opening salutation of a
    speech, or the first paragraph after the headline, site tag or dated opening),
    `caption` (photo captions and credits) and `speech` (everything else).
    """
    spans = list(_lines(text))
    kinds = _shapes(text, spans)
    _captions_by_position(text, spans, kinds)
    _repeated_captions(text, spans, kinds)
    _drop_foot(text, spans, kinds)
    headline, body = _front(text, spans, kinds)

    parts: dict[int, Part] = {}
    salutation = _salutation_index(text, spans, kinds)
    before = [i for i in range(len(spans)) if kinds[i] == _TEXT and i != headline and salutation is not None and i < salutation]
    if salutation is not None and len(before) <= MAX_LEAD_BEFORE_SALUTATION:
        parts.update({i: "lead" for i in before})
    elif body is not None:
        line = text[spans[body][0] : spans[body][1]]
        if headline is not None or lines.has_site_tag(line) or lines.has_dated_opening(line):
            parts[body] = "lead"
            # The photo under the lead: a short line with no full stop, then the body.
            nxt = next((j for j in range(body + 1, len(spans)) if kinds[j] != _DROP), None)
            if (
                nxt is not None
                and kinds[nxt] == _TEXT
                and lines.is_headline_shape(text[spans[nxt][0] : spans[nxt][1]])
                and any(k != _DROP for k in kinds[nxt + 1 :])
            ):
                kinds[nxt] = _CAPTION

    result = []
    for i, (start, end) in enumerate(spans):
        if kinds[i] == _DROP:
            continue
        part: Part
        if kinds[i] == _CAPTION:
            part = "caption"
        elif i == headline:
            part = "headline"
        else:
            part = parts.get(i, "speech")
        result.append(Paragraph(number=len(result) + 1, start=start, end=end, part=part))
    return tuple(result)
