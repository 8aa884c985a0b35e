"""The sentence classifier: area (0-6) and commitment (0/1), scikit-learn style.

Text is folded (`pipeline.classify.prepare`) before it reaches the estimators. This
estimator is what trains and cross-validates; what is saved is its arrays, and saved
models run in `pipeline.classify.linear`, which computes the same with NumPy alone.

Area is decided in two steps. A linear model reads the sentence alone; a small
context model then weighs its probabilities with those of the sentences before
and after it in the same document. Speeches state an area once ("Thứ năm, ...
quốc phòng") and then go on about it ("Thường xuyên trao đổi thông tin về tình
hình địa bàn"); the second step is what lets such a sentence keep its area.
The context model is trained on out-of-fold probabilities, grouped by document,
so it learns how much to trust a neighbour's guess rather than its training label.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import sklearn
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold
from sklearn.pipeline import FeatureUnion
from sklearn.svm import LinearSVC

from pipeline.classify.labeller import predictions, to_labels
from pipeline.classify.linear import per_word, word_char_grams
from pipeline.classify.prepare import BOS, context_features, lexicon_tokens, prepare
from pipeline.classify.why import Reasons, explain
from pipeline.records import Labels

__all__ = ["BOS", "SentenceClassifier", "build_features", "context_features", "lexicon_tokens", "prepare"]


def build_features(
    *, word_ngrams: tuple[int, int], char_ngrams: tuple[int, int] | None, min_df: int = 2
) -> TfidfVectorizer | FeatureUnion:
    """Syllable n-grams, plus character n-grams (inside words) when asked for.

    Character 4-5-grams lifted the commitment decision on real sentences while leaving
    cross-validation where it was; the area model reads the syllable n-grams alone
    (`SentenceClassifier.area_chars`), see the model card.
    """
    words = TfidfVectorizer(
        token_pattern=r"(?u)\b\w+\b", ngram_range=tuple(word_ngrams), sublinear_tf=True, lowercase=False, min_df=min_df
    )
    if not char_ngrams:
        return words
    chars = CharVectorizer(analyzer="char_wb", ngram_range=tuple(char_ngrams), sublinear_tf=True, min_df=2, lowercase=False)
    return FeatureUnion([("words", words), ("chars", chars)])


class CharVectorizer(TfidfVectorizer):
    """`TfidfVectorizer(analyzer="char_wb")` that computes each distinct word's n-grams once.

    A word's character n-grams do not depend on its neighbours and the same syllables recur in
    every sentence, so the terms, their counts and the fitted vocabulary are scikit-learn's,
    at a fraction of the cost (the analyzer was a third of a fit). Same parameters, same saved
    model; only how the terms are listed differs.
    """

    def build_analyzer(self):
        if self.analyzer != "char_wb" or self.lowercase or self.preprocessor is not None or self.strip_accents is not None:
            return super().build_analyzer()
        low, high = self.ngram_range
        decode = self.decode
        cache: dict[str, list[str]] = {}

        def grams_of(word: str) -> list[str]:
            return word_char_grams(word, low, high)

        def analyze(doc: str) -> list[str]:
            grams: list[str] = []
            for word in decode(doc).split():  # scikit-learn collapses runs of spaces, then splits
                grams += per_word(cache, word, grams_of)
            return grams

        return analyze


def _vectorizers(features: TfidfVectorizer | FeatureUnion) -> list[TfidfVectorizer]:
    """The vectorizers inside, word n-grams first."""
    if isinstance(features, FeatureUnion):
        return [v for _, v in features.transformer_list]
    return [features]


def _decisions(model: LinearSVC, F, classes: np.ndarray) -> np.ndarray:
    """Decision values in `classes` order; a class the model never saw scores very low."""
    raw = model.decision_function(F)
    if raw.ndim == 1:  # binary: one column, positive = classes_[1]
        raw = np.column_stack([-raw, raw])
    out = np.full((raw.shape[0], len(classes)), -10.0)
    index = {c: i for i, c in enumerate(classes)}
    for j, c in enumerate(model.classes_):
        out[:, index[c]] = raw[:, j]
    return out


def nb_ratio(F, y: np.ndarray, alpha: float = 1.0) -> np.ndarray:
    """Naive Bayes log-count ratio of each feature for the positive class (Wang & Manning 2012).

    Scaling the TF-IDF columns by it before a linear SVM ("NBSVM") lets a term that
    is frequent in one class and rare in the other count for more than its TF-IDF
    weight alone; on real sentences it lifted commitment recall (see the model card).
    """
    present = F > 0
    positive = alpha + np.asarray(present[y == 1].sum(axis=0)).ravel()
    negative = alpha + np.asarray(present[y != 1].sum(axis=0)).ravel()
    return np.log((positive / positive.sum()) / (negative / negative.sum()))


def _scaled(F, ratio: np.ndarray | None):
    """F (CSR) with each column multiplied by `ratio` (None: F as it is).

    Scales the stored values in place of `F.multiply(ratio)`: the same products, without
    the conversions and the re-sorting of indices that cost more than the SVM fit.
    """
    if ratio is None:
        return F
    scaled = F.copy()
    scaled.data *= ratio[scaled.indices]
    return scaled


class SentenceClassifier(ClassifierMixin, BaseEstimator):
    """Area and commitment of each sentence.

    `fit(X, Y, groups=None)`: X raw sentences in document order, Y an (n, 2)
    array of [area, commitment], groups the document of each sentence (None:
    every sentence stands alone). `predict` returns the same shape as Y.

    The commitment decision is an NBSVM (`commitment_nb`) plus, with `commitment_blend_C`,
    a share of a logistic regression on the unscaled features: NB scaling lets rare terms
    that lean one way speak loudly, the logistic regression keeps the plain evidence in the
    sum (Wang & Manning interpolate the same two kinds of weights). The share is learnt out
    of fold, and the sum folds into one weight vector, so saved models are unchanged.
    """

    def __init__(
        self,
        *,
        area_C: float = 1.0,
        commitment_C: float = 1.0,
        word_ngrams: tuple[int, int] = (1, 2),
        char_ngrams: tuple[int, int] | None = (4, 5),
        area_chars: bool = False,
        min_df: int = 2,
        class_weight: str | None = "balanced",
        lexicon: bool = True,
        frame: bool = True,
        position_words: int = 3,
        commitment_nb: bool = True,
        commitment_blend_C: float | None = 10.0,
        context: bool = True,
        context_C: float = 1.0,
        random_state: int = 0,
    ) -> None:
        self.area_C = area_C
        self.commitment_C = commitment_C
        self.word_ngrams = word_ngrams
        self.char_ngrams = char_ngrams
        self.area_chars = area_chars
        self.min_df = min_df
        self.class_weight = class_weight
        self.lexicon = lexicon
        self.frame = frame
        self.position_words = position_words
        self.commitment_nb = commitment_nb
        self.commitment_blend_C = commitment_blend_C
        self.context = context
        self.context_C = context_C
        self.random_state = random_state

    # ------------------------------------------------------------ fitting
    def fit(
        self,
        X: Sequence[str],
        Y: np.ndarray,
        groups: Sequence[object] | None = None,
        sample_weight: Sequence[float] | None = None,
    ) -> "SentenceClassifier":
        """Fit the text models, then calibrate them on out-of-fold decision values.

        The calibrators are logistic regressions (Platt scaling): for the area
        over the sentence's own decision values and, with `context`, those of
        its neighbours; for the commitment over its single decision value.
        """
        Y = np.asarray(Y, dtype=int)
        groups = list(range(len(X))) if groups is None else list(groups)
        w = np.ones(len(X)) if sample_weight is None else np.asarray(sample_weight, dtype=float)
        self.features_ = build_features(word_ngrams=self.word_ngrams, char_ngrams=self.char_ngrams, min_df=self.min_df)
        F = self.features_.fit_transform(self._prepare(X)).tocsr()
        for vectorizer in _vectorizers(self.features_):
            # The terms min_df dropped: only for introspection, and most of the file size.
            vectorizer.stop_words_ = None
        A = self._area_columns(F)
        areas, commits = np.unique(Y[:, 0]), np.unique(Y[:, 1])
        if len(areas) < 2 or len(commits) < 2:
            raise ValueError("training needs at least two areas and both commitment labels")
        area_oof = np.zeros((len(X), len(areas)))
        commit_oof = np.zeros((len(X), 2))
        n_splits = min(5, len(set(groups)))
        for train, test in GroupKFold(n_splits=n_splits, shuffle=True, random_state=self.random_state).split(F, Y, groups):
            if len(np.unique(Y[train, 0])) > 1:
                area_oof[test] = _decisions(self._svm(self.area_C).fit(A[train], Y[train, 0], w[train]), A[test], areas)
            if len(np.unique(Y[train, 1])) > 1:
                ratio = nb_ratio(F[train], Y[train, 1]) if self.commitment_nb else None
                commit_oof[test, 0] = self._svm(self.commitment_C).fit(
                    _scaled(F[train], ratio), Y[train, 1], w[train]).decision_function(_scaled(F[test], ratio))
                if self.commitment_blend_C:
                    commit_oof[test, 1] = self._blend_model().fit(F[train], Y[train, 1], w[train]).decision_function(F[test])
        self.area_model_ = self._svm(self.area_C).fit(A, Y[:, 0], w)
        self.commitment_ratio_ = nb_ratio(F, Y[:, 1]) if self.commitment_nb else None
        self.commitment_model_ = self._svm(self.commitment_C).fit(_scaled(F, self.commitment_ratio_), Y[:, 1], w)
        self.commitment_blend_model_ = self._blend_model().fit(F, Y[:, 1], w) if self.commitment_blend_C else None
        self.commitment_blend_weight_ = self._blend_weight(commit_oof, Y[:, 1], w)
        self.area_calibrator_ = self._fit_area_calibrator(area_oof, groups, Y[:, 0], w)
        blended = commit_oof[:, :1] + self.commitment_blend_weight_ * commit_oof[:, 1:]
        self.commitment_calibrator_ = self._calibrator().fit(blended, Y[:, 1], w)
        self.classes_ = [self.area_calibrator_.classes_, self.commitment_calibrator_.classes_]
        return self

    def _prepare(self, X: Sequence[str]) -> list[str]:
        return prepare(X, lexicon=self.lexicon, frame=self.frame, position_words=self.position_words)

    def _area_columns(self, F):
        """The columns the area model reads: all, or with `area_chars=False` the word n-grams only.

        Character n-grams help the commitment decision on real sentences but blur the area
        one (see the model card), so the area model can leave them out.
        """
        if self.area_chars or not self.char_ngrams:
            return F
        return F[:, : len(_vectorizers(self.features_)[0].vocabulary_)]

    def area_coef(self) -> np.ndarray:
        """The area SVM's weights over every feature: zero on the columns it does not read.

        Saved models and the explanations use these, so they need not know which columns
        the area model was fitted on.
        """
        coef = self.area_model_.coef_
        n = sum(len(v.vocabulary_) for v in _vectorizers(self.features_))
        return coef if coef.shape[1] == n else np.hstack([coef, np.zeros((coef.shape[0], n - coef.shape[1]))])

    def commitment_coef(self) -> np.ndarray:
        """The commitment SVM's weights on the unscaled TF-IDF features.

        With `commitment_nb` the SVM was fitted on features times their NB ratio r,
        so on plain features its weights are w * r: (F * r) · w = F · (w * r). With
        `commitment_blend_C` the logistic regression's weights v are added as w * r + β v
        (β from `_blend_weight`): a sum of linear decisions is one linear decision. Both
        this estimator and saved models predict with these, so they agree exactly.
        """
        coef = self.commitment_model_.coef_
        coef = coef if self.commitment_ratio_ is None else coef * self.commitment_ratio_
        if self.commitment_blend_model_ is not None:
            coef = coef + self.commitment_blend_weight_ * self.commitment_blend_model_.coef_
        return coef

    def commitment_intercept(self) -> np.ndarray:
        """The intercept that goes with `commitment_coef`: the SVM's, plus the blended model's share."""
        intercept = self.commitment_model_.intercept_
        if self.commitment_blend_model_ is not None:
            intercept = intercept + self.commitment_blend_weight_ * self.commitment_blend_model_.intercept_
        return intercept

    def _blend_model(self) -> LogisticRegression:
        return LogisticRegression(C=self.commitment_blend_C, max_iter=3000, class_weight=self.class_weight)

    def _blend_weight(self, oof: np.ndarray, y: np.ndarray, w: np.ndarray) -> float:
        """How much of the logistic regression's decision to add to the SVM's, learnt out of fold.

        A logistic regression over both out-of-fold decisions weighs them a and b; the blend
        is svm + (b / a) * logistic, which the calibrator then scales like a single decision.
        No blend (0.0) when it is off or when the SVM's own weight comes out non-positive.
        """
        if not self.commitment_blend_C:
            return 0.0
        a, b = self._calibrator().fit(oof, y, w).coef_[0]
        return float(b / a) if a > 0 else 0.0

    def _svm(self, C: float) -> LinearSVC:
        return LinearSVC(C=C, class_weight=self.class_weight, random_state=self.random_state)

    def _calibrator(self) -> LogisticRegression:
        return LogisticRegression(C=self.context_C, max_iter=2000, class_weight=self.class_weight)

    def _area_inputs(self, decisions: np.ndarray, groups: Sequence[object]) -> np.ndarray:
        return context_features(decisions, groups) if self.context else decisions

    def _fit_area_calibrator(self, decisions: np.ndarray, groups: Sequence[object], y: np.ndarray,
                             w: np.ndarray) -> LogisticRegression:
        """The area calibrator, fitted on each sentence in its document and, with `context`, alone.

        In a document only headlines and bylines lack a neighbour, so a calibrator fitted
        on documents alone learns "no neighbour: area 0" and then pushes every sentence
        classified on its own (a labelled CSV, `camket classify`) towards area 0. Each
        sentence also seen without neighbours teaches it what standing alone means.
        """
        if not self.context:
            return self._calibrator().fit(decisions, y, w)
        alone = list(range(len(y)))
        inputs = np.vstack([context_features(decisions, groups), context_features(decisions, alone)])
        return self._calibrator().fit(inputs, np.concatenate([y, y]), np.concatenate([w, w]))

    # --------------------------------------------------------- predicting
    def _probabilities(self, X: Sequence[str], groups: Sequence[object] | None):
        with sklearn.config_context(assume_finite=True, skip_parameter_validation=True):
            return self._probabilities_unchecked(X, groups)

    def _probabilities_unchecked(self, X: Sequence[str], groups: Sequence[object] | None):
        # The inputs are ours (TF-IDF rows, calibrated scores): skip scikit-learn's
        # per-call validation, which costs more than the prediction on a short document.
        groups = list(range(len(X))) if groups is None else list(groups)
        F = self.features_.transform(self._prepare(X)).tocsr()
        areas = self.area_model_.classes_
        area_d = _decisions(self.area_model_, self._area_columns(F), areas)
        area_p = self.area_calibrator_.predict_proba(self._area_inputs(area_d, groups))
        # The folded commitment weights (NB scaling, blend) times the sparse rows, as LinearSVC.decision_function: (n, 1).
        commit_d = np.asarray(F @ self.commitment_coef().T) + self.commitment_intercept()
        commit_p = self.commitment_calibrator_.predict_proba(commit_d)
        positive = list(self.commitment_calibrator_.classes_).index(1)
        return F, area_p, self.area_calibrator_.classes_, commit_p[:, positive]

    def predict(self, X: Sequence[str], groups: Sequence[object] | None = None) -> np.ndarray:
        _, area_p, area_classes, commit_p = self._probabilities(X, groups)
        return predictions(area_p, area_classes, commit_p)

    def label(self, X: Sequence[str], groups: Sequence[object] | None = None, *, explain: int = 3) -> list[Labels]:
        """Labels with scores, the runner-up area and the phrases behind both decisions.

        `why` / `why_commitment`: up to `explain` phrases of the sentence itself,
        as written, that pushed the area / the commitment decision most.

        Pass `groups` (the document of each sentence, in document order) to let
        neighbouring sentences inform the area; without it each stands alone.
        """
        if not len(X):
            return []
        F, area_p, area_classes, commit_p = self._probabilities(X, groups)
        reasons = (lambda areas, commitments: self._why(X, F, areas, commitments, explain)) if explain else None
        return to_labels(area_p, area_classes, commit_p, reasons)

    def _why(self, X: Sequence[str], F, areas: np.ndarray, commitments: np.ndarray, k: int) -> list[Reasons]:
        """For each sentence, the phrases of its own text that pushed the area and the commitment decision most."""
        words = _vectorizers(self.features_)[0]
        F = F.tocsr()
        rows = [dict(zip(F.indices[a:b].tolist(), F.data[a:b].tolist())) for a, b in zip(F.indptr[:-1], F.indptr[1:])]
        return explain(X, rows, words.vocabulary_, max(words.ngram_range),
                       area_coef=self.area_coef(), area_classes=self.area_model_.classes_,
                       commitment_coef=self.commitment_coef(), commitment_classes=self.commitment_model_.classes_,
                       areas=areas, commitments=commitments, k=k)
