"""Saved models at run time: the fitted `SentenceClassifier` as plain arrays, run with NumPy.

A camket model is linear from end to end: TF-IDF features, two linear SVMs, two
logistic-regression calibrators. What it computes needs no scikit-learn (whose import
is most of `camket extract`'s start-up), and arrays need no pickle to be saved:
`LinearModel.from_estimator` takes the arrays out of a fitted estimator, `to_arrays`
and `from_arrays` are what `pipeline.classify.persist` writes and reads (an `.npz`
loaded with `allow_pickle=False`), and `label` / `predict` rebuild the estimator's
computation step by step, in the same order of operations, so the probabilities are
the estimator's to the last bits (checked by `tests/test_linear.py`):

- the analyzer of `TfidfVectorizer`: `(?u)\\b\\w+\\b` tokens and word n-grams joined by
  " " (and, with `char_ngrams`, `char_wb` n-grams), counted per known term;
- `TfidfTransformer`: sublinear tf (log + 1), times idf, rows divided by their L2 norm
  (summed in index order, as scikit-learn's sparse normalisation does);
- `LinearSVC.decision_function`: the sparse row times the coefficients, accumulated in
  index order as SciPy's sparse product does, plus the intercept;
- `LogisticRegression.predict_proba`: softmax of the decisions for more than two
  classes, the logistic function for two.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

import numpy as np

from pipeline.classify.labeller import predictions, to_labels
from pipeline.classify.prepare import context_features, prepare
from pipeline.classify.why import Reasons, explain
from pipeline.records import Labels

FORMAT = "camket-linear"
VERSION = 1
_TOKEN = re.compile(r"(?u)\b\w+\b")  # TfidfVectorizer's token_pattern as camket builds it
N_AREAS = 7
MAX_NGRAM = 8  # far beyond what camket trains; bounds the work a crafted file can ask for
MAX_POSITION_WORDS = 20


# --------------------------------------------------------------- the analyzers
def word_ngrams(text: str, low: int, high: int) -> list[str]:
    """`TfidfVectorizer(analyzer="word", token_pattern=r"(?u)\\b\\w+\\b", lowercase=False)`'s terms."""
    tokens = _TOKEN.findall(text)
    grams = list(tokens) if low == 1 else []
    for n in range(max(low, 2), min(high, len(tokens)) + 1):
        grams += [" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1)]
    return grams


def char_wb_ngrams(text: str, low: int, high: int) -> list[str]:
    """`TfidfVectorizer(analyzer="char_wb", lowercase=False)`'s terms: n-grams inside words padded with spaces."""
    grams = []
    for w in text.split():  # split() also collapses the runs of spaces scikit-learn collapses first
        grams += word_char_grams(w, low, high)
    return grams


def word_char_grams(word: str, low: int, high: int) -> list[str]:
    """One word's char_wb terms: the word padded with a space each side, cut into n-grams."""
    w = f" {word} "
    grams = []
    for n in range(low, high + 1):
        grams += [w[i : i + n] for i in range(max(1, len(w) - n + 1))]
        if len(w) <= n:  # a short word is counted once, at its first size that covers it
            break
    return grams


WORD_CACHE_SIZE = 100_000  # distinct words whose known char n-grams are kept; a sentence has few new ones
_T = TypeVar("_T")


def per_word(cache: dict[str, _T], word: str, compute: Callable[[str], _T]) -> _T:
    """`compute(word)`, computed once and kept in `cache`, which is emptied when it holds WORD_CACHE_SIZE words.

    A word's character n-grams do not depend on its neighbours, and the same syllables recur in every
    sentence: training (`CharVectorizer`) and labelling (`Terms`) both list them per distinct word.
    """
    known = cache.get(word)
    if known is None:
        if len(cache) >= WORD_CACHE_SIZE:
            cache.clear()
        known = cache[word] = compute(word)
    return known


@dataclass(frozen=True)
class Terms:
    """One vectorizer: its analyzer, n-gram range, terms (index = position) and idf."""

    analyzer: str  # "word" or "char_wb"
    ngram_range: tuple[int, int]
    vocabulary: Mapping[str, int]
    idf: np.ndarray
    # char_wb: each word's known terms, as indices. A word's character n-grams do not depend
    # on its neighbours, and the same syllables recur in every sentence.
    _by_word: dict[str, tuple[int, ...]] = field(default_factory=dict, compare=False, repr=False)

    def _known(self, text: str) -> list[int]:
        """The index of every known term of `text`, once per occurrence."""
        vocabulary = self.vocabulary
        low, high = self.ngram_range
        if self.analyzer != "char_wb":
            return [j for j in map(vocabulary.get, word_ngrams(text, low, high)) if j is not None]

        def ids(word: str) -> tuple[int, ...]:
            return tuple(j for j in map(vocabulary.get, word_char_grams(word, low, high)) if j is not None)

        by_word = self._by_word
        known: list[int] = []
        for word in text.split():  # what char_wb_ngrams splits on
            known += by_word.get(word) or per_word(by_word, word, ids)  # a hit stays inline: labelling's hot loop
        return known

    def row(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """The TF-IDF row of `text`: sorted feature indices and their L2-normalised values."""
        index, counts = np.unique(np.array(self._known(text), dtype=np.int64), return_counts=True)
        value = counts.astype(np.float64)
        np.log(value, out=value)
        value += 1.0
        value *= self.idf[index]
        total = 0.0
        for v in value.tolist():  # in index order, as scikit-learn's inplace_csr_row_normalize_l2
            total += v * v
        if total != 0.0:
            value /= math.sqrt(total)
        return index, value


@dataclass(frozen=True)
class Linear:
    """A fitted linear model's arrays: coef (k, n_features), intercept (k,), classes."""

    coef: np.ndarray
    intercept: np.ndarray
    classes: np.ndarray


# --------------------------------------------------------------- the model
class LinearModel:
    """A saved camket model, ready to label sentences: what `SentenceClassifier` computes,
    from its arrays, with NumPy alone. Built by `from_estimator` or `from_arrays`."""

    def __init__(self, params: Mapping[str, Any], terms: Sequence[Terms], area: Linear, commitment: Linear,
                 area_calibrator: Linear, commitment_calibrator: Linear) -> None:
        self.params = dict(params)
        self.terms = tuple(terms)
        self.area, self.commitment = area, commitment
        self.area_calibrator, self.commitment_calibrator = area_calibrator, commitment_calibrator
        self.classes_ = [area_calibrator.classes, commitment_calibrator.classes]
        self._offsets = np.cumsum([0] + [len(t.idf) for t in self.terms])
        # The area model may read the word n-grams alone (`area_chars=False`: zero weights on
        # the character terms); its decisions then skip those terms, which are most of a row.
        words_only = len(self.terms) > 1 and not area.coef[:, self._offsets[1]:].any()
        self._area_width = int(self._offsets[1] if words_only else self._offsets[-1])
        # (n_features, k), rows gathered per sentence: one contiguous read per feature.
        self._area_coef_t = np.ascontiguousarray(area.coef[:, : self._area_width].T)
        self._commitment_coef_t = np.ascontiguousarray(commitment.coef.T)

    # ------------------------------------------------------------ labelling
    def predict(self, X: Sequence[str], groups: Sequence[object] | None = None) -> np.ndarray:
        _, area_p, commit_p = self._probabilities(X, groups)
        return predictions(area_p, self.area_calibrator.classes, commit_p)

    def label(self, X: Sequence[str], groups: Sequence[object] | None = None, *, explain: int = 3) -> list[Labels]:
        """As `SentenceClassifier.label`: labels, scores, runner-up area and the phrases behind them."""
        if not len(X):
            return []
        rows, area_p, commit_p = self._probabilities(X, groups)
        reasons = (lambda areas, commitments: self._why(X, rows, areas, commitments, explain)) if explain else None
        return to_labels(area_p, self.area_calibrator.classes, commit_p, reasons)

    def _probabilities(self, X: Sequence[str], groups: Sequence[object] | None):
        groups = list(range(len(X))) if groups is None else list(groups)
        prepared = prepare(X, lexicon=self.params["lexicon"], frame=self.params["frame"],
                           position_words=self.params.get("position_words", 0))
        parts = [[t.row(text) for t in self.terms] for text in prepared]
        rows = [self._joined(p) for p in parts]
        area_rows = rows if self._area_width == self._offsets[-1] else [p[0] for p in parts]
        area_d = _svm_decisions(area_rows, self._area_coef_t, self.area.intercept)
        if self.params["context"]:
            area_d = context_features(area_d, groups)
        area_p = _predict_proba(area_d, self.area_calibrator)
        commit_d = _svm_decisions(rows, self._commitment_coef_t, self.commitment.intercept)
        commit_p = _predict_proba(commit_d[:, 1:], self.commitment_calibrator)
        positive = list(self.commitment_calibrator.classes).index(1)
        return rows, area_p, commit_p[:, positive]

    def _joined(self, parts: Sequence[tuple[np.ndarray, np.ndarray]]) -> tuple[np.ndarray, np.ndarray]:
        """A sentence's rows of each vectorizer side by side (FeatureUnion's hstack)."""
        if len(parts) == 1:
            return parts[0]
        return (np.concatenate([index + offset for (index, _), offset in zip(parts, self._offsets)]),
                np.concatenate([value for _, value in parts]))

    def _why(self, X: Sequence[str], rows, areas: np.ndarray, commitments: np.ndarray, k: int) -> list[Reasons]:
        words = self.terms[0]
        values = [dict(zip(index.tolist(), value.tolist())) for index, value in rows]
        return explain(X, values, words.vocabulary, words.ngram_range[1],
                       area_coef=self.area.coef, area_classes=self.area.classes,
                       commitment_coef=self.commitment.coef, commitment_classes=self.commitment.classes,
                       areas=areas, commitments=commitments, k=k)

    # ------------------------------------------------------------ the arrays
    @classmethod
    def from_estimator(cls, estimator: Any) -> "LinearModel":
        """The arrays of a fitted `SentenceClassifier`; refuses settings this module does not rebuild."""
        features = estimator.features_
        if hasattr(features, "transformer_list"):  # a FeatureUnion: words, then characters
            if features.transformer_weights is not None:
                raise ValueError("weighted feature unions are not supported")
            vectorizers = [v for _, v in features.transformer_list]
        else:
            vectorizers = [features]
        terms = []
        for vectorizer in vectorizers:
            _check_vectorizer(vectorizer)
            names = [""] * len(vectorizer.vocabulary_)
            for term, j in vectorizer.vocabulary_.items():
                names[j] = term
            terms.append(Terms(vectorizer.analyzer, tuple(vectorizer.ngram_range), _index(names),
                               np.asarray(vectorizer.idf_, dtype=np.float64)))
        params = {k: list(v) if isinstance(v, tuple) else v for k, v in estimator.get_params().items()}
        # The SVMs' weights as the estimator predicts with them: the area's zero on the
        # columns it does not read, the commitment's with its NB scaling and its blend folded in.
        return cls(params, terms, _linear_of(estimator.area_model_, estimator.area_coef()),
                   _linear_of(estimator.commitment_model_, estimator.commitment_coef(), estimator.commitment_intercept()),
                   _linear_of(estimator.area_calibrator_), _linear_of(estimator.commitment_calibrator_))

    def to_arrays(self) -> dict[str, np.ndarray]:
        """Everything as numeric arrays: the header (JSON) and the terms as UTF-8 bytes."""
        header = {"format": FORMAT, "version": VERSION, "params": self.params,
                  "terms": [{"analyzer": t.analyzer, "ngram_range": list(t.ngram_range)} for t in self.terms]}
        arrays = {"header": _utf8(json.dumps(header, ensure_ascii=False, sort_keys=True))}
        for i, t in enumerate(self.terms):
            names = sorted(t.vocabulary, key=t.vocabulary.__getitem__)  # position = feature index
            if any("\n" in name for name in names):
                raise ValueError("a term holds a line break; cannot save it one per line")
            arrays[f"terms{i}.vocabulary"] = _utf8("\n".join(names))
            arrays[f"terms{i}.idf"] = t.idf
        for name, part in self._parts():
            arrays[f"{name}.coef"], arrays[f"{name}.intercept"], arrays[f"{name}.classes"] = part.coef, part.intercept, part.classes
        return arrays

    def _parts(self) -> Iterator[tuple[str, Linear]]:
        yield from (("area", self.area), ("commitment", self.commitment),
                    ("area_calibrator", self.area_calibrator), ("commitment_calibrator", self.commitment_calibrator))

    @classmethod
    def from_arrays(cls, arrays: Mapping[str, np.ndarray]) -> "LinearModel":
        """Rebuild from `to_arrays`' output, checking every name, dtype, shape and value it relies on.

        Raises ValueError naming the first thing wrong; nothing in the arrays is ever executed.
        """
        header = _header(_array(arrays, "header", np.uint8, ndim=1))
        params = header["params"]
        specs = header["terms"]
        expected = {"header"} | {f"terms{i}.{x}" for i in range(len(specs)) for x in ("vocabulary", "idf")}
        expected |= {f"{p}.{x}" for p in ("area", "commitment", "area_calibrator", "commitment_calibrator")
                     for x in ("coef", "intercept", "classes")}
        if set(arrays) != expected:
            raise ValueError(f"arrays {sorted(set(arrays) ^ expected)} missing or unexpected")
        terms = []
        for i, spec in enumerate(specs):
            names = _text(_array(arrays, f"terms{i}.vocabulary", np.uint8, ndim=1), f"terms{i}.vocabulary").split("\n")
            idf = _finite(arrays, f"terms{i}.idf", (len(names),))
            if not (idf > 0).all():
                raise ValueError(f"terms{i}.idf: idf values must be positive")
            vocabulary = _index(names)
            if len(vocabulary) != len(names):
                raise ValueError(f"terms{i}.vocabulary: repeated terms")
            terms.append(Terms(spec["analyzer"], tuple(spec["ngram_range"]), vocabulary, idf))
        n_features = sum(len(t.idf) for t in terms)
        area = _linear(arrays, "area", n_features, allowed=range(N_AREAS))
        commitment = _linear(arrays, "commitment", n_features, allowed=(0, 1))
        if list(commitment.classes) != [0, 1]:
            raise ValueError("commitment.classes: expected [0, 1]")
        k = len(area.classes)
        area_calibrator = _linear(arrays, "area_calibrator", 3 * k + 2 if params["context"] else k, allowed=area.classes)
        if list(area_calibrator.classes) != list(area.classes):
            raise ValueError("area_calibrator.classes: not the area model's classes")
        commitment_calibrator = _linear(arrays, "commitment_calibrator", 1, allowed=(0, 1))
        if list(commitment_calibrator.classes) != [0, 1]:
            raise ValueError("commitment_calibrator.classes: expected [0, 1]")
        return cls(params, terms, area, commitment, area_calibrator, commitment_calibrator)


def _linear_of(model: Any, coef: np.ndarray | None = None, intercept: np.ndarray | None = None) -> Linear:
    """A fitted scikit-learn linear model's arrays, with `coef` / `intercept` in place of its own when given."""
    return Linear(np.asarray(model.coef_ if coef is None else coef, dtype=np.float64),
                  np.asarray(model.intercept_ if intercept is None else intercept, dtype=np.float64),
                  np.asarray(model.classes_, dtype=np.int64))


# --------------------------------------------------------------- computing


def _svm_decisions(rows: Sequence[tuple[np.ndarray, np.ndarray]], coef_t: np.ndarray, intercept: np.ndarray) -> np.ndarray:
    """`LinearSVC.decision_function` in `_decisions`' layout: (n, k), or (n, 2) as [-d, d] for a binary model.

    Sums each row's products in index order, as SciPy's sparse-times-dense product does,
    all rows at once: step p adds every row's p-th term (rows with fewer add 0.0).
    """
    n = len(rows)
    width = max((len(index) for index, _ in rows), default=0)
    index = np.zeros((n, width), dtype=np.int64)
    value = np.zeros((n, width))
    for i, (ix, v) in enumerate(rows):
        index[i, : len(ix)], value[i, : len(v)] = ix, v
    out = np.zeros((n, coef_t.shape[1]))
    for p in range(width):
        out += value[:, p, None] * coef_t[index[:, p]]
    out += intercept
    if out.shape[1] == 1:
        return np.column_stack([-out[:, 0], out[:, 0]])
    return out


def _predict_proba(X: np.ndarray, model: Linear) -> np.ndarray:
    """`LogisticRegression.predict_proba`: softmax over more than two classes, else the logistic function."""
    decision = X @ model.coef.T + model.intercept
    if len(model.classes) <= 2:
        p = 1.0 / (1.0 + np.exp(-decision[:, 0]))
        return np.column_stack([1 - p, p])
    decision -= decision.max(axis=1, keepdims=True)
    np.exp(decision, out=decision)
    decision /= decision.sum(axis=1, keepdims=True)
    return decision


# --------------------------------------------------------------- checking the arrays
def _check_vectorizer(v: Any) -> None:
    """The settings `Terms` rebuilds; anything else would be computed differently, so it is refused."""
    expected = {"binary": False, "lowercase": False, "max_df": 1.0, "norm": "l2", "preprocessor": None,
                "smooth_idf": True, "stop_words": None, "strip_accents": None, "sublinear_tf": True,
                "tokenizer": None, "use_idf": True, "dtype": np.float64, "input": "content"}
    if v.analyzer == "word":
        expected["token_pattern"] = _TOKEN.pattern
    elif v.analyzer != "char_wb":
        raise ValueError(f"analyzer {v.analyzer!r} is not supported")
    params = v.get_params()
    wrong = {k: params.get(k) for k, want in expected.items() if params.get(k) != want}
    if wrong:
        raise ValueError(f"vectorizer settings not supported by the saved-model format: {wrong}")


def _index(names: Sequence[str]) -> dict[str, int]:
    return {name: j for j, name in enumerate(names)}


def _utf8(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-8"), dtype=np.uint8)


def _text(array: np.ndarray, name: str) -> str:
    try:
        return array.tobytes().decode("utf-8")
    except UnicodeDecodeError:
        raise ValueError(f"{name}: not UTF-8 text") from None


def _array(arrays: Mapping[str, np.ndarray], name: str, dtype: type, *, ndim: int) -> np.ndarray:
    if name not in arrays:
        raise ValueError(f"no array {name!r}")
    array = arrays[name]
    if not isinstance(array, np.ndarray) or array.dtype != dtype or array.ndim != ndim:
        raise ValueError(f"{name}: expected a {ndim}-d {np.dtype(dtype).name} array, "
                         f"found {getattr(array, 'ndim', '?')}-d {getattr(array, 'dtype', type(array).__name__)}")
    return array


def _finite(arrays: Mapping[str, np.ndarray], name: str, shape: tuple[int, ...]) -> np.ndarray:
    array = _array(arrays, name, np.float64, ndim=len(shape))
    if array.shape != shape:
        raise ValueError(f"{name}: shape {array.shape}, expected {shape}")
    if not np.isfinite(array).all():
        raise ValueError(f"{name}: holds NaN or infinite values")
    return array


def _linear(arrays: Mapping[str, np.ndarray], name: str, n_features: int, *, allowed: Sequence[int]) -> Linear:
    classes = _array(arrays, f"{name}.classes", np.int64, ndim=1)
    if len(classes) < 2 or list(classes) != sorted(set(classes.tolist())) or not set(classes.tolist()) <= set(allowed):
        raise ValueError(f"{name}.classes: {classes.tolist()[:10]} are not sorted distinct labels out of {list(allowed)}")
    k = 1 if len(classes) == 2 else len(classes)  # a binary model has one row, for classes[1]
    return Linear(_finite(arrays, f"{name}.coef", (k, n_features)), _finite(arrays, f"{name}.intercept", (k,)), classes)


def _header(array: np.ndarray) -> dict[str, Any]:
    try:
        header = json.loads(_text(array, "header"))
    except json.JSONDecodeError as exc:
        raise ValueError(f"header: not valid JSON ({exc})") from None
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise ValueError(f"header: not a {FORMAT} model")
    if header.get("version") != VERSION:
        raise ValueError(f"header: format version {header.get('version')!r}; this camket reads version {VERSION}")
    params, specs = header.get("params"), header.get("terms")
    if not isinstance(params, dict) or not all(isinstance(params.get(k), bool) for k in ("lexicon", "frame", "context")):
        raise ValueError("header: params must give lexicon, frame and context as true/false")
    position_words = params.get("position_words", 0)
    if type(position_words) is not int or not 0 <= position_words <= MAX_POSITION_WORDS:
        raise ValueError(f"header: position_words must be a whole number from 0 to {MAX_POSITION_WORDS}")
    if not isinstance(specs, list) or not specs or not all(isinstance(s, dict) for s in specs):
        raise ValueError("header: terms must be a non-empty list of objects")
    for i, spec in enumerate(specs):
        analyzer, ngrams = spec.get("analyzer"), spec.get("ngram_range")
        if analyzer != ("word" if i == 0 else "char_wb"):
            raise ValueError(f"header: terms {i} has analyzer {analyzer!r}; expected word n-grams, then char_wb")
        if not (isinstance(ngrams, list) and len(ngrams) == 2 and all(type(n) is int for n in ngrams)
                and 1 <= ngrams[0] <= ngrams[1] <= MAX_NGRAM):
            raise ValueError(f"header: terms {i} ngram_range {ngrams!r}; expected [low, high] with 1 <= low <= high <= {MAX_NGRAM}")
    if len(specs) > 2:
        raise ValueError("header: at most word and char_wb terms")
    return header
