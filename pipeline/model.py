"""The sentence classifier: area (0-6) and commitment (0/1), scikit-learn style.

Text is folded (`normalize.fold_for_model`) before it reaches the estimators,
so the fitted objects hold only scikit-learn types and save with skops with no
untrusted type to review.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Sequence

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline

from pipeline.lexicon import AREA_TERMS
from pipeline.normalize import fold_for_model
from pipeline.records import Labels

# get_feature_names_out rebuilds a 100k-string array on every call (~0.2 s);
# label() runs once per document, so the names are kept per fitted vectorizer.
_FEATURE_NAMES: "weakref.WeakKeyDictionary[TfidfVectorizer, np.ndarray]" = weakref.WeakKeyDictionary()


def _feature_names(vectorizer: TfidfVectorizer) -> np.ndarray:
    names = _FEATURE_NAMES.get(vectorizer)
    if names is None:
        names = _FEATURE_NAMES[vectorizer] = vectorizer.get_feature_names_out()
    return names


BOS = "xxbos"  # marks the sentence start, where Vietnamese directives put their verb
_AREA_PATTERNS = {
    code: re.compile(r"(?<!\w)(?:" + "|".join(sorted(map(re.escape, terms), key=len, reverse=True)) + r")(?!\w)")
    for code, terms in AREA_TERMS.items()
}


def lexicon_tokens(folded: str) -> list[str]:
    """One "xxareaN" token per lexicon match: a prior toward area N."""
    return [f"xxarea{code}" for code, pattern in _AREA_PATTERNS.items() for _ in pattern.finditer(folded)]


def prepare(texts: Sequence[str], *, lexicon: bool = True) -> list[str]:
    """The classifier's view of each sentence: folded text, start marker, lexicon prior."""
    out = []
    for text in texts:
        folded = fold_for_model(text)
        prior = " ".join(lexicon_tokens(folded)) if lexicon else ""
        out.append(f"{BOS} {folded} {prior}".rstrip())
    return out


def build_estimator(*, C: float, char_ngrams: tuple[int, int], word_ngrams: tuple[int, int], class_weight: str | None) -> Pipeline:
    features = FeatureUnion(
        [
            (
                "words",
                TfidfVectorizer(
                    token_pattern=r"(?u)\b\w+\b", ngram_range=word_ngrams, sublinear_tf=True, min_df=1, lowercase=False
                ),
            ),
            (
                "chars",
                TfidfVectorizer(analyzer="char_wb", ngram_range=char_ngrams, sublinear_tf=True, min_df=2, lowercase=False),
            ),
        ]
    )
    return Pipeline([("features", features), ("clf", LogisticRegression(C=C, max_iter=3000, class_weight=class_weight))])


class SentenceClassifier(ClassifierMixin, BaseEstimator):
    """Two linear models over word and character n-grams.

    `fit(X, Y)`: X is a sequence of raw sentences, Y an (n, 2) array of
    [area, commitment]. `predict` returns the same shape.
    """

    def __init__(
        self,
        *,
        area_C: float = 8.0,
        commitment_C: float = 8.0,
        word_ngrams: tuple[int, int] = (1, 3),
        char_ngrams: tuple[int, int] = (2, 5),
        class_weight: str | None = "balanced",
        lexicon: bool = True,
    ) -> None:
        self.area_C = area_C
        self.commitment_C = commitment_C
        self.word_ngrams = word_ngrams
        self.char_ngrams = char_ngrams
        self.class_weight = class_weight
        self.lexicon = lexicon

    def _build(self, C: float) -> Pipeline:
        return build_estimator(
            C=C, char_ngrams=tuple(self.char_ngrams), word_ngrams=tuple(self.word_ngrams), class_weight=self.class_weight
        )

    def fit(self, X: Sequence[str], Y: np.ndarray) -> "SentenceClassifier":
        Y = np.asarray(Y, dtype=int)
        prepared = prepare(X, lexicon=self.lexicon)
        self.area_model_ = self._build(self.area_C).fit(prepared, Y[:, 0])
        self.commitment_model_ = self._build(self.commitment_C).fit(prepared, Y[:, 1])
        self.classes_ = [self.area_model_.classes_, self.commitment_model_.classes_]
        return self

    @classmethod
    def from_fitted(cls, area_model: Pipeline, commitment_model: Pipeline, **params: object) -> "SentenceClassifier":
        """Rebuild from the two fitted pipelines (what is saved on disk)."""
        self = cls(**params)  # type: ignore[arg-type]
        self.area_model_ = area_model
        self.commitment_model_ = commitment_model
        self.classes_ = [area_model.classes_, commitment_model.classes_]
        return self

    def predict(self, X: Sequence[str]) -> np.ndarray:
        prepared = prepare(X, lexicon=self.lexicon)
        return np.column_stack([self.area_model_.predict(prepared), self.commitment_model_.predict(prepared)])

    def label(self, X: Sequence[str], *, explain: int = 3) -> list[Labels]:
        """Labels with scores, the runner-up area and the terms behind the area."""
        if not len(X):
            return []
        prepared = prepare(X, lexicon=self.lexicon)
        area_p = self.area_model_.predict_proba(prepared)
        commit_p = self.commitment_model_.predict_proba(prepared)
        area_classes = self.area_model_.classes_
        positive = list(self.commitment_model_.classes_).index(1)
        order = np.argsort(-area_p, axis=1)
        why = self._why(prepared, order[:, 0], explain) if explain else [()] * len(X)
        out = []
        for i in range(len(X)):
            best, alt = order[i, 0], order[i, 1]
            p1 = float(commit_p[i, positive])
            out.append(
                Labels(
                    area=int(area_classes[best]),
                    area_score=round(float(area_p[i, best]), 4),
                    commitment=int(p1 >= 0.5),
                    commitment_score=round(p1, 4),
                    area_alt=int(area_classes[alt]),
                    area_alt_score=round(float(area_p[i, alt]), 4),
                    why=why[i],
                )
            )
        return out

    def _why(self, prepared: list[str], best: np.ndarray, k: int) -> list[tuple[str, ...]]:
        """The word n-grams that pushed each sentence hardest toward its area."""
        words = self.area_model_.named_steps["features"].transformer_list[0][1]
        clf = self.area_model_.named_steps["clf"]
        n_words = len(words.vocabulary_)
        X = self.area_model_.named_steps["features"].transform(prepared).tocsr()
        names = _feature_names(words)
        coef = clf.coef_
        result = []
        for i in range(X.shape[0]):
            row = X.getrow(i)
            idx = row.indices[row.indices < n_words]
            if not len(idx):
                result.append(())
                continue
            cls_row = best[i] if coef.shape[0] > 1 else 0
            contrib = row[0, idx].toarray().ravel() * coef[cls_row, idx]
            ranked = np.argsort(-contrib)[:k]
            result.append(tuple(str(names[idx[j]]) for j in ranked if contrib[j] > 0 and BOS not in names[idx[j]]))
        return result
