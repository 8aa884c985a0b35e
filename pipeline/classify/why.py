"""The phrases behind a decision: the runs of a sentence's own words that pushed its area
and its commitment decision most, quoted as written.

Shared by the estimator and the saved-model predictor, so both give the same reasons.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import numpy as np

from pipeline.text.normalize import fold_for_model, nfc_with_offsets

_WORD = re.compile(r"\w+")

Reasons = tuple[tuple[str, ...], tuple[str, ...]]


def explain(
    texts: Sequence[str],
    rows: Sequence[Mapping[int, float]],
    vocabulary: Mapping[str, int],
    n_max: int,
    *,
    area_coef: np.ndarray,
    area_classes: Sequence[int],
    commitment_coef: np.ndarray,
    commitment_classes: Sequence[int],
    areas: Sequence[int],
    commitments: Sequence[int],
    k: int,
) -> list[Reasons]:
    """For each sentence, up to `k` phrases behind its area and `k` behind its commitment decision.

    `rows[i]` maps feature index → TF-IDF value of sentence i; `vocabulary` maps the word
    n-grams (folded, joined by " ") to their feature index; the coefficients are the linear
    models' (a binary model has one row, pointing at its classes[1]).
    """
    # Row of the weights and their sign for each area: a binary model has one row, for classes[1].
    if len(area_coef) == 1:
        area_rows = {int(area_classes[0]): (0, -1.0), int(area_classes[1]): (0, 1.0)}
    else:
        area_rows = {int(c): (i, 1.0) for i, c in enumerate(area_classes)}
    positive = 1.0 if list(commitment_classes).index(1) == 1 else -1.0
    out = []
    for text, value, area, commitment in zip(texts, rows, areas, commitments):
        spans = _token_spans(text)
        grams = _ngram_positions([fold_for_model(text[s:e]) for s, e in spans], n_max, vocabulary)
        row, area_sign = area_rows.get(int(area), (None, 1.0))
        sign = positive if commitment == 1 else -positive
        out.append((
            _phrases(text, spans, grams, value, area_coef[row], area_sign, k) if row is not None else (),
            _phrases(text, spans, grams, value, commitment_coef[0], sign, k),
        ))
    return out


def _token_spans(text: str) -> list[tuple[int, int]]:
    """The words of `text` as the vectorizer sees them (`\\w+` on NFC), as offsets into `text`."""
    nfc, offsets = nfc_with_offsets(text)
    return [(offsets[m.start()], offsets[m.end()]) for m in _WORD.finditer(nfc)]


def _ngram_positions(folded: list[str], n_max: int, vocabulary: Mapping[str, int]) -> list[tuple[int, int, int]]:
    """(feature index, first word, last word + 1) of every n-gram of the sentence the model knows.

    N-grams with the start marker or the lexicon tokens are never formed here:
    they are not words of the sentence.
    """
    found = []
    for n in range(1, n_max + 1):
        for start in range(len(folded) - n + 1):
            index = vocabulary.get(" ".join(folded[start : start + n]))
            if index is not None:
                found.append((index, start, start + n))
    return found


def _phrases(text: str, spans: list[tuple[int, int]], grams: list[tuple[int, int, int]], value: Mapping[int, float],
             weights: np.ndarray, sign: float, k: int) -> tuple[str, ...]:
    """Runs of adjacent words that pushed toward the decision, as written, strongest first.

    `sign` (±1) turns the weights toward the decision taken; multiplying by it is exact.
    Each word's score is summed in plain floats (the same additions, in the same order,
    as on an array, at a fraction of the cost for a sentence's few dozen words); a run's
    total is NumPy's sum, as it always was, so ties between runs break the same way.
    """
    score = [0.0] * len(spans)
    for index, start, end in grams:
        share = value.get(index, 0.0) * (float(weights[index]) * sign) / (end - start)
        for j in range(start, end):
            score[j] += share
    if not score:
        return ()
    top = max(score)
    if top <= 0:
        return ()
    floor = 0.25 * top
    runs: list[tuple[float, int, int]] = []
    start = None
    for j, s in enumerate(score):
        if s > floor:
            start = j if start is None else start
        elif start is not None:
            runs.append((start, j))
            start = None
    if start is not None:
        runs.append((start, len(score)))
    totals = np.array(score)
    ranked = sorted(((float(totals[a:b].sum()), a, b) for a, b in runs), key=lambda r: -r[0])
    return tuple(text[spans[a][0] : spans[b - 1][1]] for _, a, b in ranked[:k])
