"""What the classifier's models read: the prepared text of a sentence and, for the area's
second step, the decisions of its neighbours.

Shared by the trainable estimator (`pipeline.classify.model`) and the predictor that
runs saved models (`pipeline.classify.linear`), so both see exactly the same inputs;
nothing here needs scikit-learn.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import numpy as np

from pipeline.text import lexicon
from pipeline.text.frame import frame_tokens, mask_frame
from pipeline.text.lexicon import AREA_TERMS
from pipeline.text.normalize import fold_for_model

BOS = "xxbos"  # marks the sentence start, where Vietnamese directives put their verb
_WORD = re.compile(r"\w+")
_AREA_PATTERNS = {
    code: re.compile(r"(?<!\w)(?:" + "|".join(sorted(map(re.escape, terms), key=len, reverse=True)) + r")(?!\w)")
    for code, terms in AREA_TERMS.items()
}


def lexicon_tokens(folded: str) -> list[str]:
    """Priors the data alone learns slowly: one "xxareaN" per area-lexicon match,
    "xxverbfirst" when a directive verb opens the sentence (after "Thứ hai,",
    "Trước mắt,", a bullet …), "xxcue"/"xxreport"/"xxwish" per cue word."""
    tokens = [f"xxarea{code}" for code, pattern in _AREA_PATTERNS.items() for _ in pattern.finditer(folded)]
    body = lexicon.OPENER.sub("", folded, count=1)
    if lexicon.DIRECTIVE_START.match(body):
        tokens.append("xxverbfirst")
    if lexicon.WISH_CUES.match(body):
        tokens.append("xxwish")
    tokens += ["xxcue"] * len(lexicon.COMMITMENT_CUES.findall(folded))
    tokens += ["xxreport"] * len(lexicon.REPORT_CUES.findall(folded))
    return tokens


def position_tokens(folded: str, k: int) -> list[str]:
    """The first `k` words after an opener ("Thứ hai,", a bullet …), marked with their place.

    Whether a sentence directs is mostly said at its start: "Giao Sở …", "Phải …",
    "Đề nghị …" open a directive, while the same words inside a report of past work
    ("… đã đề nghị …") do not. A bag of n-grams cannot see where a word stands; these
    tokens can ("xxp0_giao" is "giao" as the first word).
    """
    body = lexicon.OPENER.sub("", folded, count=1)
    return [f"xxp{i}_{word}" for i, word in enumerate(_WORD.findall(body)[:k])]


# Memo of prepared sentences, on only inside `memoized()`: cross-validation prepares every
# sentence once per fold, and the regexes cost more than a fold's SVM fits.
_memo: dict[tuple[str, bool, bool, int], str] | None = None


@contextmanager
def memoized() -> Iterator[None]:
    """Within the block, `prepare` computes each (sentence, settings) once; the memo goes with the block."""
    global _memo
    outer, _memo = _memo, ({} if _memo is None else _memo)
    try:
        yield
    finally:
        _memo = outer


def prepare(texts: Sequence[str], *, lexicon: bool = True, frame: bool = False, position_words: int = 0) -> list[str]:
    """The classifier's view of each sentence: folded text, start marker, lexicon prior.

    With `frame`, people's names and the titles after them become placeholders
    (`pipeline.text.frame`): the reporting frame stays visible as a frame, not as
    words of an area. With `position_words`, the first words also appear as
    position tokens (`position_tokens`).
    """
    memo = _memo
    if memo is None:
        return [_prepare_one(text, lexicon, frame, position_words) for text in texts]
    out = []
    for text in texts:
        key = (text, lexicon, frame, position_words)
        if (done := memo.get(key)) is None:
            done = memo[key] = _prepare_one(text, lexicon, frame, position_words)
        out.append(done)
    return out


def _prepare_one(text: str, lexicon: bool, frame: bool, position_words: int) -> str:
    folded = fold_for_model(mask_frame(text) if frame else text)
    prior = lexicon_tokens(folded) + (frame_tokens(folded) if frame else []) if lexicon else []
    if position_words:
        prior += position_tokens(folded, position_words)
    return f"{BOS} {folded} {' '.join(prior)}".rstrip()


def context_features(P: np.ndarray, groups: Sequence[object]) -> np.ndarray:
    """[own probabilities, previous sentence's, next sentence's, has-previous, has-next]."""
    n, k = P.shape
    prev = np.zeros((n, k))
    nxt = np.zeros((n, k))
    flags = np.zeros((n, 2))
    for i in range(n):
        if i > 0 and groups[i - 1] == groups[i]:
            prev[i], flags[i, 0] = P[i - 1], 1.0
        if i < n - 1 and groups[i + 1] == groups[i]:
            nxt[i], flags[i, 1] = P[i + 1], 1.0
    return np.hstack([P, prev, nxt, flags])
