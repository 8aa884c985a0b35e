"""The register's one schema: its columns, in order, their types, and a sentence as a row.

Every reader and writer takes its column names and types from here: `conform`
turns whatever a file gave back (text from a CSV, numbers from a spreadsheet,
typed columns from Parquet) into the register's types, and `pandera_schema()`
checks them, so a register read, merged and written again keeps numbers as
numbers and an empty year as an empty nullable integer. The field columns are
the fields of `pipeline.records.Fields`, in their order, so a new field is a new
column without touching this module.
"""

from __future__ import annotations

import functools

from collections.abc import Iterable, Sequence
from dataclasses import fields as dataclass_fields
from typing import Any

import datetime as dt
import math

import pandas as pd

from pipeline.areas import AREA_CODES, area
from pipeline.errors import CamketError
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

# Sheets camket writes in an .xlsx (and rewrites on --update); any other sheet is the analyst's.
REGISTER_SHEET, SENTENCES_SHEET = "Register", "Sentences"
DERIVED_SHEETS = ("Summary", "Actors", "Places")
OWN_SHEETS = (REGISTER_SHEET, SENTENCES_SHEET) + DERIVED_SHEETS

# Whole numbers that may be missing (a sentence without labels has no area; most have no year).
INTEGER_COLUMNS = ("sentence_id", "paragraph", "area", "commitment", "deadline_year", "needs_review", "area_alt", "start", "end")
SCORE_COLUMNS = ("area_score", "commitment_score", "area_alt_score")
TEXT_COLUMNS = tuple(c for c in COLUMNS if c not in INTEGER_COLUMNS + SCORE_COLUMNS)
# What an analyst types into: a register with any of these filled holds work that must not be lost.
ANALYST_COLUMNS = ("area_reviewed", "commitment_reviewed", "review_note")

@functools.lru_cache(maxsize=1)
def pandera_schema():
    """The register's pandera schema: each column's type and the values it may hold.

    Built on first use, with pandera imported here: most runs only write a register
    (`conform` types it exactly), and importing pandera costs a second of start-up.
    """
    import pandera.pandas as pa
    
    codes = [int(c) for c in AREA_CODES]
    checks = {
        "area": [pa.Check.isin(codes, error=f"area must be one of {codes}")],
        "area_alt": [pa.Check.isin(codes, error=f"area_alt must be one of {codes}")],
        "commitment": [pa.Check.isin([0, 1], error="commitment must be 0 or 1")],
        "needs_review": [pa.Check.isin([0, 1], error="needs_review must be 0 or 1")],
        "sentence_id": [pa.Check.ge(1)],
        **{c: [pa.Check.in_range(0.0, 1.0, error=f"{c} must be between 0 and 1")] for c in SCORE_COLUMNS},
    }
    return pa.DataFrameSchema(
        {
            **{c: pa.Column("Int64", checks.get(c, []), nullable=True, required=False) for c in INTEGER_COLUMNS},
            **{c: pa.Column("float64", checks.get(c, []), nullable=True, required=False) for c in SCORE_COLUMNS},
            **{c: pa.Column(str, nullable=False, required=False) for c in TEXT_COLUMNS},
        },
        strict=False,  # an analyst may add columns; they are kept as they are
        coerce=False,  # `conform` converts, exactly and with messages; the schema checks
    )


def _text(value: Any) -> str:
    """A cell of a text column as text: numbers a spreadsheet made of "5" back to "5", dates to ISO."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _missing(value: Any) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)) or (
        isinstance(value, str) and not value.strip()
    )


def _integer(value: Any) -> int | None:
    if _missing(value):
        return None
    if isinstance(value, (int,)) and not isinstance(value, bool):
        return int(value)
    number = float(str(value).strip()) if not isinstance(value, float) else value
    if not number.is_integer():
        raise ValueError("not a whole number")
    return int(number)


def _score(value: Any) -> float | None:
    if _missing(value):
        return None
    return float(str(value).strip().replace(",", ".")) if isinstance(value, str) else float(value)


def conform(df: pd.DataFrame, *, where: str = "register", check: bool = True) -> pd.DataFrame:
    """The register's columns in the register's types; other columns as they are.

    Numbers are parsed exactly (Python's own parser: a score written and read
    back is the same float), so nothing changes on a round trip. A cell that is
    not what its column holds is an error naming `where`, the row (as a
    spreadsheet counts them: the header is row 1) and the column, never a
    silently emptied cell.
    """
    df = df.copy()
    problems: list[str] = []
    for column in df.columns:
        name = str(column)
        if name in INTEGER_COLUMNS or name in SCORE_COLUMNS:
            parse = _integer if name in INTEGER_COLUMNS else _score
            values = []
            for i, value in enumerate(df[column].tolist()):
                try:
                    values.append(parse(value))
                except (TypeError, ValueError):
                    values.append(None)
                    problems.append(f"{where}: row {i + 2}: {name}: {value!r} is not a number")
            dtype = "Int64" if name in INTEGER_COLUMNS else "float64"
            df[column] = pd.array(values, dtype=dtype) if dtype == "Int64" else pd.Series(values, index=df.index, dtype=float).to_numpy()
        elif name in TEXT_COLUMNS:
            df[column] = pd.Series([_text(v) for v in df[column].tolist()], index=df.index, dtype="str")
    if problems:
        raise RegisterError(problems)
    if check:  # what was read from a file; rows the pipeline made are typed, not re-checked
        validate(df, where=where)
    return df


def validate(df: pd.DataFrame, *, where: str = "register") -> pd.DataFrame:
    """Check a typed register against `pandera_schema()`; every problem in one error."""
    from pandera.errors import SchemaErrors

    try:
        return pandera_schema().validate(df, lazy=True)
    except SchemaErrors as exc:
        problems = []
        for case in exc.failure_cases.itertuples():
            row = f"row {int(case.index) + 2}: " if pd.notna(case.index) else ""
            problems.append(f"{where}: {row}{case.column}: {case.check} (got {case.failure_case!r})")
        raise RegisterError(problems) from None


class RegisterError(CamketError):
    """A register whose cells are not what their columns hold; lists every problem."""

    def __init__(self, problems: Sequence[str]) -> None:
        shown = list(problems[:20])
        text = "not a valid register:\n  " + "\n  ".join(shown)
        if len(problems) > len(shown):
            text += f"\n  … and {len(problems) - len(shown)} more"
        super().__init__(text)
        self.problems = list(problems)


def needs_review(sentence: Sentence, *, min_score: float = 0.6, min_margin: float = 0.15) -> bool:
    """The model is unsure (a weak area or commitment score, or two close areas), or a rule overrode
    its commitment decision (a reported order the fields stage found, `pipeline.fields.orders`)."""
    lab = sentence.labels
    if lab is None:
        return False
    return (
        lab.area_score < min_score
        or lab.area_score - lab.area_alt_score < min_margin
        or abs(lab.commitment_score - 0.5) < (min_score - 0.5)
        or (lab.commitment == 1) != (lab.commitment_score >= 0.5)
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
    """Rows (from `row`) as a register in the schema's types."""
    return conform(pd.DataFrame(list(rows), columns=list(COLUMNS)), check=False)


