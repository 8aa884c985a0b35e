"""Folding analysts' corrections back into the corpus (`camket review import`).

A reviewed row is one where the analyst filled `area_reviewed` or
`commitment_reviewed`. Reviews are stored in `corpora/reviewed/reviews.csv`,
one row per sentence, with where and when the review came from. Importing the
same files again changes nothing; a sentence reviewed again with other labels
takes the later review, and the report says so.

Nothing goes into the store silently: a label typed as a formula is a problem
(its row is not stored), a note typed as one is kept as its text and reported,
and a reviewed sentence that no document has (its text is not in the
transcript its `source` names, or, with that transcript out of reach, it has no
document or sentence number: a row typed in by hand) is a problem. The store
must be a corpus file: a register given as the store is refused.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd

from pipeline import register
from pipeline.areas import parse_area
from pipeline.atomic import atomic_write_bytes
from pipeline.classify.corpus import COLUMNS as CORPUS_COLUMNS
from pipeline.classify.corpus import sentence_key
from pipeline.errors import CamketError, InputError
from pipeline.register.schema import ANALYST_COLUMNS, BASE_COLUMNS

STORE_COLUMNS = ("doc_id", "text", "area", "commitment", "source", "sentence_id", "review_file", "reviewed_at", "review_note")
_YES = {"1", "1.0", "có", "co", "yes", "y", "x", "true", "đúng", "cam kết"}
_NO = {"0", "0.0", "không", "khong", "no", "n", "false", "sai"}


@dataclass
class ImportReport:
    added: int = 0
    changed: int = 0
    unchanged: int = 0
    ignored: int = 0
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"reviews: {self.added} added, {self.changed} changed, {self.unchanged} unchanged; "
            f"{self.ignored} row(s) not reviewed; {len(self.problems)} problem(s)"
        )


def parse_commitment(value: str) -> int:
    text = " ".join(str(value).strip().casefold().split())
    if text in _YES:
        return 1
    if text in _NO:
        return 0
    raise ValueError(f"unknown commitment {value!r}; use 1/0 (or có/không, yes/no)")


def read_store(path: Path) -> pd.DataFrame:
    if not path.exists():
        return pd.DataFrame(columns=list(STORE_COLUMNS))
    try:
        df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError, OSError) as exc:
        raise CamketError(f"{path}: cannot read the review store ({exc}); repair it or choose another --store") from None
    missing = [c for c in ("doc_id", "text", "area", "commitment") if c not in df.columns]
    if missing:
        raise CamketError(f"{path}: the review store has no {', '.join(missing)} column; repair it or choose another --store")
    return df


def _text(value: object) -> str:
    return "" if value is None or value is pd.NA or (isinstance(value, float) and value != value) else str(value)


def check_store(store: Path, inputs: Sequence[Path]) -> None:
    """Refuse a store that is not a review store: one of the registers read, a non-CSV, or a register."""
    if store.resolve() in {p.resolve() for p in inputs}:
        raise CamketError(f"{store}: the store is one of the registers being imported; give --store a corpus file "
                          "(default corpora/reviewed/reviews.csv)")
    if store.suffix.lower() != ".csv":
        raise CamketError(f"{store}: the store is a corpus CSV file; {store.suffix or 'a file without extension'} is not")
    if not store.exists():
        return
    try:
        header = pd.read_csv(store, nrows=0, encoding="utf-8-sig").columns
    except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError, OSError) as exc:
        raise CamketError(f"{store}: cannot read the review store ({exc}); repair it or choose another --store") from None
    columns = {str(c).strip() for c in header}
    register_only = (set(BASE_COLUMNS) | set(ANALYST_COLUMNS)) - set(STORE_COLUMNS)
    if columns & register_only or not set(CORPUS_COLUMNS) <= columns:
        raise CamketError(f"{store}: this looks like a register, not a review store (columns: {', '.join(sorted(columns)[:8])} …); "
                          "importing into it would overwrite it. Give --store a corpus file (default corpora/reviewed/reviews.csv)")


class _Documents:
    """The transcripts registers point to, read once each, to check that a reviewed sentence is in one."""

    def __init__(self) -> None:
        self._texts: dict[str, str | None] = {}

    def text(self, source: str, register_path: Path) -> str | None:
        if source not in self._texts:
            from pipeline.ingest.read import read_document

            found = None
            for candidate in (Path(source), register_path.parent / source):
                if source and candidate.is_file():
                    try:
                        found = sentence_key(read_document(candidate).text)
                    except InputError:
                        found = None
                    break
            self._texts[source] = found
        return self._texts[source]


def _unknown_sentence(row: dict, path: Path, documents: _Documents) -> str | None:
    """Why no document has this row's sentence, or None when one does (or it cannot be told)."""
    doc_id, text = _text(row.get("doc_id")).strip(), _text(row.get("text")).strip()
    source = _text(row.get("source")).strip()
    transcript = documents.text(source, path) if source else None
    if transcript is not None:
        if sentence_key(text) not in transcript:
            return f"text is not in {source} (edited, or typed in?); fix it to the transcript's words"
        return None
    if not doc_id or ("sentence_id" in row and not _text(row.get("sentence_id")).strip()):
        return "no document: doc_id or sentence_id is empty (a row typed in by hand?)"
    return None


def _reviews_in(path: Path, report: ImportReport, documents: _Documents | None = None) -> list[dict[str, str]]:
    found = register.load(path)
    df = found.register
    needed = {"text", "doc_id"}
    if not needed <= set(df.columns) or not ({"area_reviewed", "commitment_reviewed"} & set(df.columns)):
        raise CamketError(f"{path}: not a camket register (needs text, doc_id and area_reviewed / commitment_reviewed columns)")
    documents = documents or _Documents()
    formulas = {(f.row, f.column): f.formula for f in found.formulas if f.sheet == "Register"}
    reviewed_at = datetime.fromtimestamp(path.stat().st_mtime, tz=timezone.utc).date().isoformat()
    out = []
    for i, row in enumerate(df.to_dict("records")):
        line = i + 2  # the header is row 1 in a spreadsheet
        area_text = _text(row.get("area_reviewed")).strip()
        commit_text = _text(row.get("commitment_reviewed")).strip()
        if not area_text and not commit_text:
            report.ignored += 1
            continue
        typed_as_formula = [c for c in ("area_reviewed", "commitment_reviewed") if (line, c) in formulas]
        if typed_as_formula:
            for column in typed_as_formula:
                report.problems.append(f"{path}:{line}: {column}: typed as a formula ({formulas[(line, column)]}); type the label itself")
            continue
        unknown = _unknown_sentence(row, path, documents)
        if unknown:
            report.problems.append(f"{path}:{line}: {unknown}")
            continue
        if (line, "review_note") in formulas:
            report.notes.append(f"{path}:{line}: review_note typed as a formula ({formulas[(line, 'review_note')]}); kept as text")
        try:
            area = parse_area(area_text) if area_text else parse_area(_text(row.get("area")))
        except ValueError as exc:
            report.problems.append(f"{path}:{line}: area_reviewed: {exc}")
            continue
        try:
            commitment = parse_commitment(commit_text) if commit_text else parse_commitment(_text(row.get("commitment")))
        except ValueError as exc:
            report.problems.append(f"{path}:{line}: commitment_reviewed: {exc}")
            continue
        text = _text(row["text"]).strip()
        if not text:
            report.problems.append(f"{path}:{line}: text: empty")
            continue
        out.append(
            {
                "doc_id": _text(row["doc_id"]),
                "text": text,
                "area": str(area),
                "commitment": str(commitment),
                "source": "reviewed",
                "sentence_id": _text(row.get("sentence_id")),
                "review_file": path.name,
                "reviewed_at": reviewed_at,
                "review_note": _text(row.get("review_note")),
                "_where": f"{path}:{line}",
            }
        )
    return out


def import_reviews(paths: Sequence[str | Path], store: str | Path) -> ImportReport:
    """Add every reviewed row of the registers at `paths` to the review store."""
    store = Path(store)
    paths = [Path(p) for p in paths]
    check_store(store, paths)
    report = ImportReport()
    documents = _Documents()
    existing = read_store(store)
    rows = existing.to_dict("records")
    index = {sentence_key(r["text"]): i for i, r in enumerate(rows)}
    where: dict[str, str] = {}
    for path in paths:
        if not path.is_file():
            raise CamketError(f"{path}: no such file")
        for review in _reviews_in(path, report, documents):
            key = sentence_key(review["text"])
            position = review.pop("_where")
            if key not in index:
                index[key] = len(rows)
                rows.append(review)
                report.added += 1
            else:
                old = rows[index[key]]
                if (old["area"], old["commitment"]) == (review["area"], review["commitment"]):
                    report.unchanged += 1
                    continue
                report.changed += 1
                report.notes.append(
                    f"{position}: reviewed again with other labels "
                    f"(area {old['area']}→{review['area']}, commitment {old['commitment']}→{review['commitment']}; "
                    f"earlier: {where.get(key, old.get('review_file', 'store'))}); the later review wins"
                )
                rows[index[key]] = review
            where[key] = position
    if report.added or report.changed:
        # A corpus file, not a register: plain UTF-8, no formula guard, so texts stay exact.
        data = pd.DataFrame(rows, columns=list(STORE_COLUMNS)).to_csv(index=False, lineterminator="\n").encode("utf-8")
        atomic_write_bytes(store, data)
    return report

