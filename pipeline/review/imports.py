"""Folding analysts' corrections back into the corpus (`camket review import`).

A reviewed row is one where the analyst filled `area_reviewed` or
`commitment_reviewed`. Reviews are stored in `corpora/reviewed/reviews.csv`,
one row per sentence, with where and when the review came from. Importing the
same files again changes nothing; a sentence reviewed again with other labels
takes the later review, and the report says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd

from pipeline import register
from pipeline.areas import parse_area
from pipeline.classify.corpus import sentence_key
from pipeline.errors import CamketError
from pipeline.atomic import atomic_write_bytes

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
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")


def _reviews_in(path: Path, report: ImportReport) -> list[dict[str, str]]:
    df = register.read(path)
    needed = {"text", "doc_id"}
    if not needed <= set(df.columns) or not ({"area_reviewed", "commitment_reviewed"} & set(df.columns)):
        raise CamketError(f"{path}: not a camket register (needs text, doc_id and area_reviewed / commitment_reviewed columns)")
    reviewed_at = datetime.fromtimestamp(path.stat().st_mtime, tz=timezone.utc).date().isoformat()
    out = []
    for i, row in enumerate(df.to_dict("records")):
        line = i + 2  # the header is row 1 in a spreadsheet
        area_text = str(row.get("area_reviewed", "")).strip()
        commit_text = str(row.get("commitment_reviewed", "")).strip()
        if not area_text and not commit_text:
            report.ignored += 1
            continue
        try:
            area = parse_area(area_text) if area_text else parse_area(row.get("area", ""))
        except ValueError as exc:
            report.problems.append(f"{path}:{line}: area_reviewed: {exc}")
            continue
        try:
            commitment = parse_commitment(commit_text) if commit_text else parse_commitment(row.get("commitment", ""))
        except ValueError as exc:
            report.problems.append(f"{path}:{line}: commitment_reviewed: {exc}")
            continue
        text = str(row["text"]).strip()
        if not text:
            report.problems.append(f"{path}:{line}: text: empty")
            continue
        out.append(
            {
                "doc_id": str(row["doc_id"]),
                "text": text,
                "area": str(area),
                "commitment": str(commitment),
                "source": "reviewed",
                "sentence_id": str(row.get("sentence_id", "")),
                "review_file": path.name,
                "reviewed_at": reviewed_at,
                "review_note": str(row.get("review_note", "")),
                "_where": f"{path}:{line}",
            }
        )
    return out


def import_reviews(paths: Sequence[str | Path], store: str | Path) -> ImportReport:
    """Add every reviewed row of the registers at `paths` to the review store."""
    store = Path(store)
    report = ImportReport()
    existing = read_store(store)
    rows = existing.to_dict("records")
    index = {sentence_key(r["text"]): i for i, r in enumerate(rows)}
    where: dict[str, str] = {}
    for path in map(Path, paths):
        if not path.is_file():
            raise CamketError(f"{path}: no such file")
        for review in _reviews_in(path, report):
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

