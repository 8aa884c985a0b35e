"""The register's one schema: its columns, in order, and a sentence as a row.

Every reader and writer takes its column names from here. The field columns
are the fields of `pipeline.records.Fields`, in their order, so a new field is
a new column without touching this module.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import fields as dataclass_fields
from typing import Any

import pandas as pd

from pipeline.areas import area
from pipeline.records import Document, Fields, Sentence

BASE_COLUMNS = (
    "doc_id",
    "sentence_id",
    "paragraph",
    "part",
    "text",
    "area",
    "area_key",
    "area_name",
    "area_score",
    "commitment",
    "commitment_score",
)
FIELD_COLUMNS = tuple(f.name for f in dataclass_fields(Fields))
REVIEW_COLUMNS = ("needs_review", "area_alt", "area_alt_score", "why", "why_commitment", "area_reviewed", "commitment_reviewed", "review_note")
DOCUMENT_COLUMNS = ("source", "title", "date", "speaker", "start", "end")
COLUMNS = BASE_COLUMNS + FIELD_COLUMNS + REVIEW_COLUMNS + DOCUMENT_COLUMNS

LIST_SEPARATOR = " | "


def needs_review(sentence: Sentence, *, min_score: float = 0.6, min_margin: float = 0.15) -> bool:
    """The model is unsure: a weak area or commitment score, or two close areas."""
    lab = sentence.labels
    if lab is None:
        return False
    return (
        lab.area_score < min_score
        or lab.area_score - lab.area_alt_score < min_margin
        or abs(lab.commitment_score - 0.5) < (min_score - 0.5)
    )


def _join(values: Iterable[str]) -> str:
    return LIST_SEPARATOR.join(values)


def _cell(value: Any) -> Any:
    """A field as a register cell: lists joined, a missing year empty."""
    if isinstance(value, tuple):
        return _join(value)
    return "" if value is None else value


def row(sentence: Sentence, doc: Document | None = None) -> dict[str, Any]:
    lab = sentence.labels
    out: dict[str, Any] = {
        "doc_id": sentence.doc_id,
        "sentence_id": sentence.sentence_id,
        "paragraph": sentence.paragraph,
        "part": sentence.part,
        "text": sentence.text,
    }
    if lab is not None:
        a = area(lab.area)
        out.update(
            area=a.code,
            area_key=a.key,
            area_name=a.name,
            area_score=lab.area_score,
            commitment=lab.commitment,
            commitment_score=lab.commitment_score,
        )
    if sentence.fields is not None:
        out.update({name: _cell(getattr(sentence.fields, name)) for name in FIELD_COLUMNS})
    if lab is not None:
        out.update(
            needs_review=int(needs_review(sentence)),
            area_alt=lab.area_alt,
            area_alt_score=lab.area_alt_score,
            why=_join(lab.why),
            why_commitment=_join(lab.why_commitment),
            area_reviewed="",
            commitment_reviewed="",
            review_note="",
        )
    out.update(
        source=doc.source if doc else "",
        title=doc.title if doc else "",
        date=doc.date if doc else "",
        speaker=doc.speaker if doc else "",
        start=sentence.start,
        end=sentence.end,
    )
    return out


def frame(rows: Sequence[dict[str, Any]]) -> pd.DataFrame:
    df = pd.DataFrame(list(rows), columns=list(COLUMNS))
    # A year or nothing: nullable integers keep .parquet and .jsonl typed.
    years = pd.to_numeric(df["deadline_year"].replace("", None), errors="coerce").astype("Int64")
    df = df.drop(columns="deadline_year")
    for column in df.columns[df.isna().any()]:
        # Empty cells stay empty text; typed columns without gaps keep their type.
        df[column] = df[column].astype(object).where(df[column].notna(), "")
    df.insert(list(COLUMNS).index("deadline_year"), "deadline_year", years)
    return df


