"""Precision and recall of the commitment fields against a table of expected values.

The table is JSON lines: ``{"text": ..., "cue": ..., "partners": [...], ...}``
with the `Fields` names as keys. Scalar fields count one prediction when the
value is not empty and one gold item when the expected value is not empty; a
true positive is an exact match. List fields are scored item by item.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from spacy.language import Language

from pipeline.errors import CamketError
from pipeline.records import FIELD_NAMES, Fields

# Fields that hold several items, scored item by item: the tuple-typed ones.
LIST_FIELDS = frozenset(name for name, value in vars(Fields()).items() if isinstance(value, tuple))
DEFAULT_TABLE = Path(__file__).resolve().parents[2] / "tests" / "data" / "fields_table.jsonl"


def default_table() -> Path:
    """The field table of this checkout (`tests/data/fields_table.jsonl`)."""
    if not DEFAULT_TABLE.exists():
        raise CamketError("no field table found; pass one: camket fields-eval TABLE.jsonl")
    return DEFAULT_TABLE


def read_table(path: str | Path) -> list[dict[str, Any]]:
    rows = []
    with Path(path).open(encoding="utf-8-sig") as handle:
        for number, line in enumerate(handle, 1):
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise CamketError(f"{path}:{number}: not JSON ({exc.msg})") from None
    if not rows or any("text" not in r for r in rows):
        raise CamketError(f"{path}: expected JSON lines with a 'text' key")
    return rows


def _items(name: str, value: Any) -> Counter:
    if name in LIST_FIELDS:
        return Counter(value or ())
    return Counter([value]) if value not in ("", None) else Counter()


def score(expected: Sequence[dict[str, Any]], predicted: Sequence[Fields]) -> dict[str, dict[str, float]]:
    """Per field: tp, predicted, gold, precision, recall, f1 (empty fields on both sides count as nothing)."""
    report: dict[str, dict[str, float]] = {}
    for name in FIELD_NAMES:
        tp = n_pred = n_gold = 0
        for row, got in zip(expected, predicted):
            if name not in row:
                continue
            gold, pred = _items(name, row[name]), _items(name, getattr(got, name))
            tp += sum((gold & pred).values())
            n_pred += sum(pred.values())
            n_gold += sum(gold.values())
        p = tp / n_pred if n_pred else 1.0
        r = tp / n_gold if n_gold else 1.0
        report[name] = {
            "tp": tp, "predicted": n_pred, "gold": n_gold, "precision": p, "recall": r,
            "f1": 2 * p * r / (p + r) if p + r else 0.0,
        }  # fmt: skip
    return report


def evaluate_table(path: str | Path, nlp: Language | None = None) -> dict[str, dict[str, float]]:
    from pipeline.fields.extract import default_nlp, fields_from_doc

    rows = read_table(path)
    nlp = nlp or default_nlp()
    predicted = [fields_from_doc(doc) for doc in nlp.pipe(r["text"] for r in rows)]
    return score(rows, predicted)


def format_report(report: dict[str, dict[str, float]], title: str) -> str:
    lines = [title, f"{'field':<16}{'precision':>10}{'recall':>8}{'f1':>7}{'tp':>6}{'pred':>6}{'gold':>6}"]
    for name, m in report.items():
        lines.append(
            f"{name:<16}{m['precision']:>10.3f}{m['recall']:>8.3f}{m['f1']:>7.3f}{m['tp']:>6}{m['predicted']:>6}{m['gold']:>6}"
        )
    return "\n".join(lines)
