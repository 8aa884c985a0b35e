"""Precision and recall of the commitment fields against a table of expected values.

Two table formats:

* JSON lines, ``{"text": ..., "cue": ..., "partners": [...], ...}`` with the
  `Fields` names as keys (`tests/data/fields_table.jsonl`);
* CSV with a ``text`` column and one column per field, several items of a list
  field joined by ``" | "`` (the realdev format:
  ``id,text,actor,issuer,partners,timeframe,references,places``).

Only the fields the table has are scored. Scalar fields count one prediction
when the value is not empty and one gold item when the expected value is not
empty; list fields are scored item by item. Two matches are reported:

* ``exact``: the item as written (surrounding space and a leading capital aside);
* ``overlap``: a predicted item matches a gold item when one holds the other at
  word boundaries or they share more than half the syllables of the longer one.
  Each gold item is matched at most once.

Two modes:

* ``fields``: the fields stage alone, every row treated as a commitment;
* ``end-to-end``: as in a register, the classifier first, then the fields stage
  (which also marks the reported orders the classifier missed,
  `pipeline.fields.orders`); only rows marked as commitments get fields, the
  others predict nothing.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from spacy.language import Language

from pipeline.errors import CamketError
from pipeline.records import FIELD_NAMES, Fields, table_rows

# Fields that hold several items, scored item by item: the tuple-typed ones.
LIST_FIELDS = frozenset(name for name, value in vars(Fields()).items() if isinstance(value, tuple))
DEFAULT_TABLE = Path(__file__).resolve().parents[2] / "tests" / "data" / "fields_table.jsonl"
LIST_SEPARATOR = " | "
MODES = ("fields", "end-to-end")
MATCHES = ("exact", "overlap")


def default_table() -> Path:
    """The field table of this checkout (`tests/data/fields_table.jsonl`)."""
    if not DEFAULT_TABLE.exists():
        raise CamketError("no field table found; pass one: camket fields-eval TABLE.jsonl")
    return DEFAULT_TABLE


def read_table(path: str | Path) -> list[dict[str, Any]]:
    """Rows of a JSON-lines or CSV field table, each with ``text`` and the fields it gives."""
    path = Path(path)
    try:
        rows = _read_csv(path) if path.suffix.lower() == ".csv" else _read_jsonl(path)
    except UnicodeDecodeError:
        raise CamketError(f"{path}: not UTF-8") from None
    if not rows or any(not isinstance(r, dict) or "text" not in r for r in rows):
        raise CamketError(f"{path}: expected rows with a 'text' field")
    return rows


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    rows = []
    with path.open(encoding="utf-8-sig") as handle:
        for number, line in enumerate(handle, 1):
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise CamketError(f"{path}:{number}: not JSON ({exc.msg})") from None
    return rows


def _read_csv(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        columns = [c for c in reader.fieldnames or () if c in FIELD_NAMES]
        if "text" not in (reader.fieldnames or ()):
            raise CamketError(f"{path}: no 'text' column")
        rows = []
        for record in reader:
            row: dict[str, Any] = {"text": record["text"] or ""}
            for name in columns:
                cell = (record.get(name) or "").strip()
                if name in LIST_FIELDS:
                    row[name] = [item.strip() for item in cell.split(LIST_SEPARATOR) if item.strip()]
                elif name == "deadline_year":
                    row[name] = int(cell) if cell.isdigit() else None
                else:
                    row[name] = cell
            rows.append(row)
    return rows


def _items(name: str, value: Any) -> list[str]:
    if value in ("", None):
        return []
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value if str(v).strip()]
    return [str(value)]


def _exact_key(item: str) -> str:
    item = item.strip()
    return item[:1].lower() + item[1:]


_SYLLABLE = re.compile(r"\w+(?:[./&-]\w+)*")


def _syllables(item: str) -> list[str]:
    return _SYLLABLE.findall(item.lower())


def overlaps(a: str, b: str) -> bool:
    """Lenient match: one item holds the other at word boundaries, or they share more than half the longer one's syllables."""
    x, y = _syllables(a), _syllables(b)
    if not x or not y:
        return False
    short, long_ = (x, y) if len(x) <= len(y) else (y, x)
    joined = " " + " ".join(long_) + " "
    if " " + " ".join(short) + " " in joined:
        return True
    shared = 0
    pool = list(long_)
    for s in short:
        if s in pool:
            pool.remove(s)
            shared += 1
    return shared * 2 > len(long_)


def _matched(gold: list[str], pred: list[str], match: str) -> int:
    free = list(gold)
    tp = 0
    for p in pred:
        for i, g in enumerate(free):
            if _exact_key(p) == _exact_key(g) or (match == "overlap" and overlaps(p, g)):
                del free[i]
                tp += 1
                break
    return tp


def score(expected: Sequence[dict[str, Any]], predicted: Sequence[Fields], match: str = "exact") -> dict[str, dict[str, float]]:
    """Per field the table gives: tp, predicted, gold, precision, recall, f1."""
    if match not in MATCHES:
        raise ValueError(f"match must be one of {MATCHES}")
    report: dict[str, dict[str, float]] = {}
    for name in FIELD_NAMES:
        if not any(name in row for row in expected):
            continue
        tp = n_pred = n_gold = 0
        for row, got in zip(expected, predicted):
            if name not in row:
                continue
            gold, pred = _items(name, row[name]), _items(name, getattr(got, name))
            tp += _matched(gold, pred, match)
            n_pred += len(pred)
            n_gold += len(gold)
        p = tp / n_pred if n_pred else 1.0
        r = tp / n_gold if n_gold else 1.0
        report[name] = {
            "tp": tp, "predicted": n_pred, "gold": n_gold, "precision": p, "recall": r,
            "f1": 2 * p * r / (p + r) if p + r else 0.0,
        }  # fmt: skip
    return report


def predict(
    rows: Sequence[dict[str, Any]], mode: str = "fields", nlp: Language | None = None, model_dir: str | Path | None = None
) -> tuple[list[Fields], list[bool]]:
    """The fields of each row, and which rows were treated as commitments.

    `mode` ``fields``: every row; ``end-to-end``: only rows a register marks as
    commitments: the classifier's (`model_dir`, default the bundled model; each
    sentence on its own) and the reported orders the fields stage finds.
    """
    from pipeline.fields.extract import default_nlp, extract_fields, fields_from_doc

    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}")
    texts = [str(r["text"]) for r in rows]
    nlp = nlp or default_nlp()
    if mode == "fields":
        return [fields_from_doc(doc) for doc in nlp.pipe(texts)], [True] * len(texts)
    from pipeline.classify.persist import load_model

    # The register's own path: the classifier, then the fields stage, which also marks the
    # reported orders the classifier missed (pipeline.fields.orders).
    done = extract_fields(table_rows(texts, load_model(model_dir).label(texts, explain=0)), nlp)
    chosen = [s.labels is not None and s.labels.commitment == 1 for s in done]
    return [s.fields if keep and s.fields is not None else Fields() for s, keep in zip(done, chosen)], chosen


def ceiling(rows: Sequence[dict[str, Any]], chosen: Sequence[bool]) -> dict[str, float]:
    """Per field, the recall a perfect fields stage would reach on the rows the classifier kept."""
    perfect = [_fields_of(row) if keep else Fields() for row, keep in zip(rows, chosen)]
    return {name: m["recall"] for name, m in score(rows, perfect, "exact").items()}


def _fields_of(row: dict[str, Any]) -> Fields:
    values = {}
    for name in FIELD_NAMES:
        if name in row:
            value = row[name]
            values[name] = tuple(_items(name, value)) if name in LIST_FIELDS else value
    return Fields(**values)


def evaluate_table(
    path: str | Path, nlp: Language | None = None, *, mode: str = "fields", match: str = "exact", model_dir: str | Path | None = None
) -> dict[str, dict[str, float]]:
    """Per-field scores of `path` (see `score`) in one mode and with one kind of match."""
    rows = read_table(path)
    predicted, _ = predict(rows, mode, nlp, model_dir)
    return score(rows, predicted, match)


def format_report(report: dict[str, dict[str, float]], title: str) -> str:
    lines = [title, f"{'field':<16}{'precision':>10}{'recall':>8}{'f1':>7}{'tp':>6}{'pred':>6}{'gold':>6}"]
    for name, m in report.items():
        lines.append(
            f"{name:<16}{m['precision']:>10.3f}{m['recall']:>8.3f}{m['f1']:>7.3f}{m['tp']:>6}{m['predicted']:>6}{m['gold']:>6}"
        )
    return "\n".join(lines)


def format_both(
    exact: dict[str, dict[str, float]], overlap: dict[str, dict[str, float]], title: str, reachable: dict[str, float] | None = None
) -> str:
    """One table: exact and overlap precision / recall side by side (and the recall the classifier leaves reachable)."""
    head = f"{'field':<16}{'exact P':>9}{'exact R':>9}{'overlap P':>11}{'overlap R':>11}{'pred':>6}{'gold':>6}"
    lines = [title, head + (f"{'reachable R':>13}" if reachable else "")]
    for name, e in exact.items():
        o = overlap[name]
        lines.append(
            f"{name:<16}{e['precision']:>9.3f}{e['recall']:>9.3f}{o['precision']:>11.3f}{o['recall']:>11.3f}{e['predicted']:>6}{e['gold']:>6}"
            + (f"{reachable[name]:>13.3f}" if reachable else "")
        )
    return "\n".join(lines)
