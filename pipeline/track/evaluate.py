"""Linking precision and recall against gold links (`camket track eval`).

The gold file (CSV: from_doc, from_snippet, to_doc, to_snippet, kind) names each sentence by
its document and a piece of its text, so it does not depend on ids or on the model: the
transcripts go through the whole pipeline (classifier, fields) into a fresh tracker, and
the links it finds are compared with the gold ones. A link counts when source, target and
kind all match (`strict`); `pairs` ignores the kind.
"""

from __future__ import annotations

import csv
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pipeline
from pipeline.classify.corpus import sentence_key
from pipeline.errors import CamketError

DEFAULT_COLLECTION = Path(pipeline.__file__).resolve().parent.parent / "tests" / "data" / "track"
GOLD_NAME = "gold_links.csv"


@dataclass
class LinkScores:
    gold: int
    predicted: int
    correct: int

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Evaluation:
    strict: LinkScores
    pairs: LinkScores
    per_kind: dict[str, LinkScores]
    missed: list[tuple[str, str, str]] = field(default_factory=list)
    wrong: list[tuple[str, str, str, float]] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)


def _find(texts: dict[str, tuple[str, str]], doc_id: str, snippet: str, line: int, gold: Path) -> str:
    key = sentence_key(snippet)
    hits = [sid for sid, (doc, text) in texts.items() if doc == doc_id and key in sentence_key(text)]
    if len(hits) != 1:
        found = "no sentence" if not hits else f"{len(hits)} sentences"
        raise CamketError(f"{gold}:{line}: {found} of {doc_id} contain {snippet!r}; the snippet must name one")
    return hits[0]


def _scores(gold: set[tuple], predicted: set[tuple]) -> LinkScores:
    return LinkScores(len(gold), len(predicted), len(gold & predicted))


def collection_files(folder: str | Path) -> tuple[list[Path], Path]:
    """The transcripts of a collection folder, and its gold file."""
    folder = Path(folder)
    gold_path = folder / GOLD_NAME
    if not gold_path.is_file():
        raise CamketError(f"{gold_path}: no gold file (CSV: from_doc, from_snippet, to_doc, to_snippet, kind)")
    transcripts = sorted(p for p in folder.iterdir() if p.suffix.lower() in (".txt", ".md", ".docx", ".pdf", ".html", ".htm"))
    if not transcripts:
        raise CamketError(f"{folder}: no transcripts")
    return transcripts, gold_path


def evaluate_collection(folder: str | Path = DEFAULT_COLLECTION, *, model_dir: str | Path | None = None) -> Evaluation:
    """Add the transcripts of `folder` to a fresh tracker and score its links against `folder/gold_links.csv`."""
    from pipeline.track.add import add_to_tracker

    transcripts, gold_path = collection_files(folder)
    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "eval.db"
        report = add_to_tracker(db_path, transcripts, model_dir=model_dir)
        if report.failures:
            raise CamketError("; ".join(f"{f.source}: {f.problem}" for f in report.failures))
        return score_links(db_path, gold_path)


def score_links(db_path: str | Path, gold_path: str | Path) -> Evaluation:
    """Score the links of a tracker database against a gold file."""
    from pipeline.track.store import open_db

    gold_path = Path(gold_path)
    db = open_db(db_path, create=False)
    texts = {s["id"]: (s["doc_id"], s["text"]) for s in db.query("select id, doc_id, text from sentences")}
    predicted_rows = list(db.query("select from_id, to_id, kind, score from links"))
    db.close()
    with gold_path.open(encoding="utf-8-sig", newline="") as handle:
        gold_rows = list(csv.DictReader(handle))
    gold: set[tuple[str, str, str]] = set()
    for line, row in enumerate(gold_rows, start=2):
        try:
            gold.add((_find(texts, row["from_doc"], row["from_snippet"], line, gold_path),
                      _find(texts, row["to_doc"], row["to_snippet"], line, gold_path), row["kind"].strip()))
        except KeyError as exc:
            raise CamketError(f"{gold_path}: missing column {exc}") from None
    predicted = {(r["from_id"], r["to_id"], r["kind"]) for r in predicted_rows}
    scores = {r["from_id"] + ">" + r["to_id"]: r["score"] for r in predicted_rows}
    kinds = sorted({k for *_, k in gold | predicted})
    return Evaluation(
        strict=_scores(gold, predicted),
        pairs=_scores({g[:2] for g in gold}, {p[:2] for p in predicted}),
        per_kind={k: _scores({g for g in gold if g[2] == k}, {p for p in predicted if p[2] == k}) for k in kinds},
        missed=sorted(gold - predicted),
        wrong=sorted((*p, scores[p[0] + ">" + p[1]]) for p in predicted - gold),
        texts={sid: text for sid, (_, text) in texts.items()},
    )


def format_evaluation(result: Evaluation, *, title: str = "") -> str:
    def line(name: str, s: LinkScores) -> str:
        return f"{name:<12} {s.precision:>9.3f} {s.recall:>7.3f} {s.f1:>7.3f} {s.gold:>5} {s.predicted:>9} {s.correct:>7}"

    out = [title] if title else []
    out.append(f"{'':<12} {'precision':>9} {'recall':>7} {'f1':>7} {'gold':>5} {'predicted':>9} {'correct':>7}")
    out.append(line("strict", result.strict))
    out.append(line("pairs", result.pairs))
    out.extend(line(k, s) for k, s in result.per_kind.items())

    def short(sid: str) -> str:
        return f"{sid.split(':')[0]}: {result.texts.get(sid, '')[:70]}"

    for f, t, k in result.missed:
        out.append(f"missed {k}: {short(f)}  ->  {short(t)}")
    for f, t, k, s in result.wrong:
        out.append(f"wrong {k} ({s:.3f}): {short(f)}  ->  {short(t)}")
    return "\n".join(out)
