"""The register: sentences to rows, rows to CSV (and the other formats).

This is where records leave the pipeline, so this is where pandas comes in.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.areas import area
from pipeline.errors import CamketError
from pipeline.records import Document, Sentence
from pipeline.write import atomic_write

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
FIELD_COLUMNS = (
    "cue",
    "commitment_type",
    "actor",
    "partners",
    "action",
    "actions",
    "timeframe",
    "deadline_year",
    "references",
    "places",
)
REVIEW_COLUMNS = ("needs_review", "area_alt", "area_alt_score", "why", "area_reviewed", "commitment_reviewed", "review_note")
DOCUMENT_COLUMNS = ("source", "title", "date", "speaker", "start", "end")
COLUMNS = BASE_COLUMNS + FIELD_COLUMNS + REVIEW_COLUMNS + DOCUMENT_COLUMNS
LABEL_COLUMNS = ("area", "area_key", "area_score", "commitment", "commitment_score")

LIST_SEPARATOR = " | "
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


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
    f = sentence.fields
    if f is not None:
        out.update(
            cue=f.cue,
            commitment_type=f.commitment_type,
            actor=f.actor,
            partners=_join(f.partners),
            action=f.action,
            actions=_join(f.actions),
            timeframe=f.timeframe,
            deadline_year=f.deadline_year if f.deadline_year is not None else "",
            references=_join(f.references),
            places=_join(f.places),
        )
    if lab is not None:
        out.update(
            needs_review=int(needs_review(sentence)),
            area_alt=lab.area_alt,
            area_alt_score=lab.area_alt_score,
            why=_join(lab.why),
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
    return df.fillna("")


def formula_safe(value: Any) -> Any:
    """Text that a spreadsheet would run as a formula, quoted so it is shown as text."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def to_csv_bytes(df: pd.DataFrame) -> bytes:
    """UTF-8 with BOM (so Excel shows diacritics), formula-safe, CRLF-free."""
    safe = df.copy()
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(formula_safe)
    buffer = io.StringIO()
    safe.to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue().encode("utf-8-sig")


WRITERS = {".csv": "csv"}


def write(df: pd.DataFrame, path: str | Path) -> Path:
    """Write a frame to `path`, format chosen by the extension, atomically."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        data = to_csv_bytes(df)
        return atomic_write(path, lambda handle: handle.write(data))
    raise CamketError(f"{path}: unknown output format {suffix or '(none)'}; use one of: {', '.join(WRITERS)}")
