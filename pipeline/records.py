"""The records that flow from ingest to register.

A `Document` is what reading and cleaning produce. A `Sentence` is the one
record type a sentence keeps through every stage: segmentation fills its
position, classification adds `labels`, extraction adds `fields`. Stages never
mutate a record; they return a copy with one more part filled in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, fields as dataclass_fields
from typing import Literal

# headline: a news page's title line; lead: the news introduction; caption: photo captions
# and credits; speech: everything else (see pipeline.text.clean).
Part = Literal["headline", "lead", "caption", "speech"]
PARTS: tuple[str, ...] = ("headline", "lead", "caption", "speech")


@dataclass(frozen=True)
class Paragraph:
    number: int  # 1-based among the paragraphs kept after cleaning
    start: int
    end: int
    part: Part


@dataclass(frozen=True)
class Document:
    doc_id: str
    text: str  # the decoded text, NFC; every offset points into it
    source: str = ""
    paragraphs: tuple[Paragraph, ...] = ()
    title: str = ""
    date: str = ""
    speaker: str = ""


@dataclass(frozen=True)
class Labels:
    area: int
    area_score: float
    commitment: int
    commitment_score: float
    area_alt: int = 0
    area_alt_score: float = 0.0
    why: tuple[str, ...] = ()  # phrases of the sentence behind the area
    why_commitment: tuple[str, ...] = ()  # … and behind the commitment decision


@dataclass(frozen=True)
class Fields:
    cue: str = ""
    commitment_type: str = ""
    actor: tuple[str, ...] = ()  # one item per body
    issuer: tuple[str, ...] = ()  # who gives the order, when not the speaker
    partners: tuple[str, ...] = ()
    action: str = ""
    actions: tuple[str, ...] = ()
    timeframe: str = ""
    deadline_year: int | None = None
    references: tuple[str, ...] = ()
    places: tuple[str, ...] = ()


# The one list of field names: register columns, spaCy extensions and the
# field evaluation all take it from here.
FIELD_NAMES: tuple[str, ...] = tuple(f.name for f in dataclass_fields(Fields))


@dataclass(frozen=True)
class Failure:
    """A file a batch could not process (or skipped), and why."""

    source: str
    problem: str


@dataclass(frozen=True)
class Sentence:
    doc_id: str
    sentence_id: int  # 1-based position in the document
    paragraph: int
    part: Part
    start: int
    end: int
    text: str
    labels: Labels | None = None
    fields: Fields | None = field(default=None)


def table_rows(texts: Sequence[str], labels: Sequence[Labels]) -> list[Sentence]:
    """Sentences of no document (the rows of a labelled table), in order, each with its labels:
    what the extraction stage takes where no transcript was segmented (scoring against a table)."""
    return [Sentence("table", i + 1, 1, "speech", 0, len(t), t, labels=lab) for i, (t, lab) in enumerate(zip(texts, labels))]
