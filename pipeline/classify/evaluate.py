"""Metrics and document-grouped cross-validation.

Scoring a saved model needs no scikit-learn (the metrics are counts, computed here as
scikit-learn's `precision_recall_fscore_support` and `confusion_matrix` compute them);
only cross-validation, which trains, imports it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from pipeline.areas import AREA_CODES, area
from pipeline.classify.corpus import read_corpus, sample_weights
from pipeline.classify.labeller import Labeller
from pipeline.classify.persist import default_model_dir, load_meta, load_model
from pipeline.errors import CamketError
from pipeline.records import Labels, table_rows


def precision_recall_f1(
    true: Sequence[int], pred: Sequence[int], labels: Sequence[int]
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Per label: precision, recall, F1 (0 where undefined) and support, as arrays in `labels` order."""
    true, pred = np.asarray(true), np.asarray(pred)
    tp = np.array([np.sum((true == c) & (pred == c)) for c in labels], dtype=float)
    true_sum = np.array([np.sum(true == c) for c in labels])
    pred_sum = np.array([np.sum(pred == c) for c in labels])

    def divide(a: np.ndarray, b: np.ndarray) -> np.ndarray:
        return np.divide(a, b, out=np.zeros(len(a)), where=b > 0)

    return divide(tp, pred_sum), divide(tp, true_sum), divide(2 * tp, (true_sum + pred_sum).astype(float)), true_sum


def confusion(true: Sequence[int], pred: Sequence[int], labels: Sequence[int]) -> np.ndarray:
    """Counts of (true, predicted) pairs, rows and columns in `labels` order; other values ignored."""
    true, pred = np.asarray(true), np.asarray(pred)
    return np.array([[int(np.sum((true == a) & (pred == b))) for b in labels] for a in labels], dtype=np.int64)


def score(areas_true: Sequence[int], areas_pred: Sequence[int], commit_true: Sequence[int], commit_pred: Sequence[int]) -> dict[str, Any]:
    """Per-area precision/recall/F1, macro-F1, confusion matrix; commitment P/R/F1."""
    labels = list(AREA_CODES)
    p, r, f, support = precision_recall_f1(areas_true, areas_pred, labels)
    present = [i for i, s in enumerate(support) if s > 0]
    cp, cr, cf, _ = precision_recall_f1(commit_true, commit_pred, [1])
    return {
        "n": int(len(areas_true)),
        "area": {
            "per_class": {
                str(c): {"precision": round(float(p[i]), 4), "recall": round(float(r[i]), 4), "f1": round(float(f[i]), 4), "support": int(support[i])}
                for i, c in enumerate(labels)
            },
            "macro_f1": round(float(np.mean([f[i] for i in present])), 4) if present else 0.0,
            "accuracy": round(float(np.mean(np.asarray(areas_true) == np.asarray(areas_pred))), 4),
            "confusion": confusion(areas_true, areas_pred, labels).tolist(),
        },
        "commitment": {
            "precision": round(float(cp[0]), 4),
            "recall": round(float(cr[0]), 4),
            "f1": round(float(cf[0]), 4),
            "accuracy": round(float(np.mean(np.asarray(commit_true) == np.asarray(commit_pred))), 4),
            "support": int(np.sum(np.asarray(commit_true) == 1)),
        },
    }


def evaluate(classifier: Labeller, corpus: pd.DataFrame) -> dict[str, Any]:
    pred = classifier.predict(corpus["text"].tolist(), groups=corpus["doc_id"].tolist())
    return score(corpus["area"], pred[:, 0], corpus["commitment"], pred[:, 1])


GROUPINGS = ("doc_id", "batch")


def cv_groups(corpus: pd.DataFrame, by: str = "doc_id") -> np.ndarray:
    """What a fold keeps together: a document, or a whole batch of documents
    (the doc_id prefix before the first "-": one writer, one kind of source),
    the harder test of how the model does on text unlike its training data."""
    if by == "doc_id":
        return corpus["doc_id"].to_numpy()
    if by == "batch":
        return corpus["doc_id"].str.split("-", n=1).str[0].to_numpy()
    raise ValueError(f"unknown grouping {by!r}; use one of: {', '.join(GROUPINGS)}")


def cross_validate(
    corpus: pd.DataFrame, k: int = 5, params: dict[str, Any] | None = None, seed: int = 0, *, group_by: str = "doc_id"
) -> dict[str, Any]:
    """K folds grouped by document (or batch), so sentences of one document never straddle train and test."""
    from sklearn.model_selection import GroupKFold  # training: here, not at import

    from pipeline.classify.model import SentenceClassifier
    from pipeline.classify.prepare import memoized

    folds_by = cv_groups(corpus, group_by)
    groups = corpus["doc_id"].to_numpy()
    n_docs = len(set(folds_by))
    if k < 2 or k > n_docs:
        raise ValueError(f"--cv needs 2 <= K <= number of groups ({n_docs} by {group_by}); got {k}")
    texts = corpus["text"].to_numpy()
    Y = corpus[["area", "commitment"]].to_numpy()
    pred = np.zeros_like(Y)
    weights = np.asarray(sample_weights(corpus))
    with memoized():  # each sentence is prepared once, not once per fold
        for train_idx, test_idx in GroupKFold(n_splits=k, shuffle=True, random_state=seed).split(texts, Y, folds_by):
            model = SentenceClassifier(**(params or {})).fit(
                texts[train_idx].tolist(), Y[train_idx], groups=groups[train_idx], sample_weight=weights[train_idx]
            )
            pred[test_idx] = model.predict(texts[test_idx].tolist(), groups=groups[test_idx])
    result = score(Y[:, 0], pred[:, 0], Y[:, 1], pred[:, 1])
    result["cv"] = {"folds": k, "grouped_by": group_by, "documents": int(len(set(groups))), "groups": n_docs, "seed": seed}
    return result


def format_report(metrics: dict[str, Any], title: str = "") -> str:
    """Plain-text report: per-area table, macro-F1, confusion matrix, commitment scores."""
    lines = [title] if title else []
    a = metrics["area"]
    lines.append(f"sentences: {metrics['n']}")
    lines.append("")
    lines.append(f"{'area':<20}{'precision':>10}{'recall':>10}{'f1':>10}{'support':>10}")
    for code, row in a["per_class"].items():
        name = f"{code} {area(int(code)).key}"
        lines.append(f"{name:<20}{row['precision']:>10.3f}{row['recall']:>10.3f}{row['f1']:>10.3f}{row['support']:>10}")
    lines.append(f"{'macro-F1':<20}{a['macro_f1']:>30.3f}")
    lines.append(f"{'accuracy':<20}{a['accuracy']:>30.3f}")
    lines.append("")
    lines.append("confusion matrix (rows: true area, columns: predicted)")
    lines.append("     " + "".join(f"{c:>6}" for c in AREA_CODES))
    for code, row in zip(AREA_CODES, a["confusion"]):
        lines.append(f"{code:>5}" + "".join(f"{v:>6}" for v in row))
    c = metrics["commitment"]
    lines.append("")
    lines.append(f"commitment  precision {c['precision']:.3f}  recall {c['recall']:.3f}  F1 {c['f1']:.3f}  accuracy {c['accuracy']:.3f}  (positives: {c['support']})")
    if "register_commitment" in metrics:
        r = metrics["register_commitment"]
        lines.append(f"register    precision {r['precision']:.3f}  recall {r['recall']:.3f}  F1 {r['f1']:.3f}  "
                     "(the classifier plus the reported orders the fields stage finds)")
    if "cv" in metrics:
        cv = metrics["cv"]
        lines.append(
            f"({cv['folds']}-fold cross-validation grouped by {cv['grouped_by']}: {cv.get('groups', cv['documents'])} groups, "
            f"{cv['documents']} documents)"
        )
    return "\n".join(lines)


def evaluate_corpus(
    corpus_paths: Sequence[str | Path],
    *,
    model_dir: str | Path | None = None,
    cv: int = 0,
    group_by: str = "doc_id",
    sources: Sequence[str] = (),
) -> tuple[dict[str, Any], str]:
    """Metrics and a title: a saved model scored on the corpus, or (`cv` > 1) K-fold CV.

    Cross-validation reuses the hyperparameters of the model folder when there is one.
    """
    data = read_corpus(corpus_paths)
    if sources:
        data = data[data["source"].isin(sources)].reset_index(drop=True)
        if data.empty:
            raise CamketError(f"no sentences with source {', '.join(sources)}")
    folder = Path(model_dir) if model_dir else default_model_dir()
    if cv:
        params = load_meta(folder).get("params", {}) if folder.exists() else {}
        params = {k: tuple(v) if isinstance(v, list) else v for k, v in params.items()}
        try:
            metrics = cross_validate(data, k=cv, params=params, group_by=group_by)
        except ValueError as exc:
            raise CamketError(str(exc)) from None
        return metrics, f"{cv}-fold cross-validation grouped by {group_by}"
    # One pass of the classifier for both decisions: its own, and the register's built on it.
    labels = load_model(model_dir).label(data["text"].tolist(), groups=data["doc_id"].tolist(), explain=0)
    metrics = score(data["area"], [lab.area for lab in labels], data["commitment"], [lab.commitment for lab in labels])
    metrics["register_commitment"] = register_commitment(data, labels)
    return metrics, f"model {folder}"


def register_commitment(corpus: pd.DataFrame, labels: Sequence[Labels]) -> dict[str, float]:
    """Commitment precision, recall and F1 of a register's decision given the classifier's `labels`:
    theirs, plus the reported orders the fields stage finds among the sentences it doubted
    (`pipeline.fields.orders`)."""
    from pipeline.fields.extract import extract_fields
    from pipeline.fields.orders import may_be_order

    decided = [lab.commitment for lab in labels]
    doubted = [s for s in table_rows(corpus["text"].tolist(), labels) if may_be_order(s)]
    for s in extract_fields(doubted):  # only the doubted: the classifier's commitments need no parse here
        decided[s.sentence_id - 1] = s.labels.commitment
    p, r, f, _ = precision_recall_f1(corpus["commitment"], decided, [1])
    return {"precision": round(float(p[0]), 4), "recall": round(float(r[0]), 4), "f1": round(float(f[0]), 4)}
