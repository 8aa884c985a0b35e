"""What the pipeline asks of a sentence classifier, and how its probabilities become `Labels`.

Two classes answer it: the trainable estimator (`pipeline.classify.model`) and the
predictor of saved models (`pipeline.classify.linear`). Both turn probabilities into
labels here, so scores, runner-up areas and reasons are decided the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

import numpy as np

from pipeline.classify.why import Reasons
from pipeline.records import Labels


class Labeller(Protocol):
    def predict(self, X: Sequence[str], groups: Sequence[object] | None = None) -> np.ndarray:
        """(n, 2): [area, commitment] of each sentence."""
        ...

    def label(self, X: Sequence[str], groups: Sequence[object] | None = None, *, explain: int = 3) -> list[Labels]:
        """Labels with scores, the runner-up area and the phrases behind both decisions."""
        ...


def predictions(area_p: np.ndarray, area_classes: np.ndarray, commit_p: np.ndarray) -> np.ndarray:
    """(n, 2): the most probable area and the commitment flag (probability >= 0.5)."""
    return np.column_stack([area_classes[area_p.argmax(axis=1)], (commit_p >= 0.5).astype(int)])


def to_labels(
    area_p: np.ndarray,
    area_classes: np.ndarray,
    commit_p: np.ndarray,
    reasons: Callable[[np.ndarray, np.ndarray], list[Reasons]] | None,
) -> list[Labels]:
    """Labels from the area probabilities (columns in `area_classes` order) and the
    commitment probability; `reasons(areas, commitments)` gives each sentence's phrases."""
    order = np.argsort(-area_p, axis=1, kind="stable")
    commitments = (commit_p >= 0.5).astype(int)
    why = reasons(area_classes[order[:, 0]], commitments) if reasons else [((), ())] * len(commit_p)
    out = []
    for i in range(len(commit_p)):
        best, alt = order[i, 0], order[i, 1]
        out.append(
            Labels(
                area=int(area_classes[best]),
                area_score=round(float(area_p[i, best]), 4),
                commitment=int(commitments[i]),
                commitment_score=round(float(commit_p[i]), 4),
                area_alt=int(area_classes[alt]),
                area_alt_score=round(float(area_p[i, alt]), 4),
                why=why[i][0],
                why_commitment=why[i][1],
            )
        )
    return out
