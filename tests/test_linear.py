"""Saved models as plain arrays (issue 13, latency): the NumPy predictor a saved model loads
into computes what the fitted scikit-learn estimator computes, and a crafted model file is
one clear message, never a traceback or code that runs."""

from __future__ import annotations

import io
import json
import zipfile

import numpy as np
import pytest

from pipeline.classify.corpus import read_corpus
from pipeline.classify.linear import LinearModel, char_wb_ngrams, word_ngrams
from pipeline.classify.model import SentenceClassifier, _vectorizers
from pipeline.classify.persist import MODEL_FILE, load_model, save_model
from pipeline.errors import CamketError


@pytest.fixture(scope="module")
def corpus(root):
    return read_corpus([root / "corpora" / "written"])


def _documents(corpus, first: int, count: int):
    """Documents `first` to `first + count`, whole, in corpus order."""
    docs = corpus["doc_id"].drop_duplicates().tolist()
    return corpus[corpus["doc_id"].isin(set(docs[first : first + count]))]


def _split(corpus, train: int, test: int):
    """Whole documents in corpus order: the first holding at least `train` sentences, then `test` more."""
    sizes = corpus.groupby("doc_id", sort=False).size()
    ends = sizes.cumsum()
    cut = int((ends < train).sum()) + 1
    stop = int((ends < ends.iloc[cut - 1] + test).sum()) + 1
    return _documents(corpus, 0, cut), _documents(corpus, cut, stop - cut)


# Every setting the estimator offers that changes what is computed: the default; character
# n-grams beside the words (a FeatureUnion) without the context step or the commitment blend;
# word 1-3 n-grams without the lexicon and frame tokens; and only two areas (binary models and
# calibrators everywhere).
SETTINGS = {
    "default": ({}, None),
    "chars-no-context": ({"char_ngrams": (2, 4), "context": False, "commitment_blend_C": None}, None),
    "trigrams-bare": ({"word_ngrams": (1, 3), "lexicon": False, "frame": False}, None),
    "two-areas": ({}, (2, 5)),
}


@pytest.mark.parametrize("name", list(SETTINGS))
def test_a_saved_model_labels_as_the_fitted_estimator(corpus, tmp_path, name):
    params, areas = SETTINGS[name]
    data = corpus if areas is None else corpus[corpus["area"].isin(areas)]
    train, test = _split(data, 400, 300)
    assert len(train) >= 400 and len(test) >= 300 and not set(train["doc_id"]) & set(test["doc_id"])
    estimator = SentenceClassifier(**params).fit(
        train["text"].tolist(), train[["area", "commitment"]].to_numpy(), groups=train["doc_id"].tolist())
    save_model(tmp_path / "m", estimator, {"name": name}, "# card\n")
    loaded = load_model(tmp_path / "m")
    assert isinstance(loaded, LinearModel)

    texts, groups = test["text"].tolist(), test["doc_id"].tolist()
    _, area_p, area_classes, commit_p = estimator._probabilities(texts, groups)
    _, area_q, commit_q = loaded._probabilities(texts, groups)
    assert np.array_equal(loaded.area_calibrator.classes, area_classes)
    assert np.allclose(area_p, area_q, rtol=0, atol=1e-12)
    assert np.allclose(commit_p, commit_q, rtol=0, atol=1e-12)
    assert (loaded.predict(texts, groups) == estimator.predict(texts, groups)).all()
    expected = estimator.label(texts, groups)
    assert loaded.label(texts, groups) == expected  # areas, rounded scores, runner-up and `why` phrases
    assert sum(bool(lab.why) for lab in expected) > len(texts) / 2  # the phrases were compared, not empty
    if areas:
        assert {lab.area for lab in expected} <= set(areas)


def test_the_analyzers_are_scikit_learns(corpus):
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = corpus["text"].tolist()[:300] + ["", "a", "  hai   từ\tđây ", "Covid-19 và 2.000 tỷ"]
    for low, high in ((1, 1), (1, 2), (2, 3)):
        analyze = TfidfVectorizer(token_pattern=r"(?u)\b\w+\b", ngram_range=(low, high), lowercase=False).build_analyzer()
        assert all(sorted(word_ngrams(t, low, high)) == sorted(analyze(t)) for t in texts)
    for low, high in ((1, 3), (2, 4), (3, 5)):
        analyze = TfidfVectorizer(analyzer="char_wb", ngram_range=(low, high), lowercase=False).build_analyzer()
        assert all(sorted(char_wb_ngrams(t, low, high)) == sorted(analyze(t)) for t in texts)


def test_the_training_char_vectorizer_fits_what_scikit_learns_fits(corpus):
    """`CharVectorizer` lists each word's n-grams once; vocabulary, idf and rows stay scikit-learn's."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    from pipeline.classify.model import CharVectorizer

    texts = corpus["text"].tolist()[:400] + ["a", "  hai   từ\tđây\u00a0nữa ", "Covid-19 và 2.000 tỷ", "từ từ từ"]
    settings = dict(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=1, lowercase=False)
    ours, theirs = CharVectorizer(**settings), TfidfVectorizer(**settings)
    X, Y = ours.fit_transform(texts), theirs.fit_transform(texts)
    assert ours.vocabulary_ == theirs.vocabulary_ and len(ours.vocabulary_) > 1000
    assert np.array_equal(ours.idf_, theirs.idf_)
    assert (X != Y).nnz == 0 and (ours.transform(texts[::-1]) != theirs.transform(texts[::-1])).nnz == 0
    assert ours.get_params() == theirs.get_params()


def test_settings_the_arrays_cannot_rebuild_are_refused_at_save(corpus, tmp_path):
    train = _documents(corpus, 0, 20)
    estimator = SentenceClassifier().fit(train["text"].tolist(), train[["area", "commitment"]].to_numpy())
    _vectorizers(estimator.features_)[0].set_params(sublinear_tf=False)  # the word n-grams
    with pytest.raises(ValueError, match="sublinear_tf"):
        save_model(tmp_path / "m", estimator, {}, "")
    assert not (tmp_path / "m" / MODEL_FILE).exists()


# ------------------------------------------------------------------ hostile model files
@pytest.fixture(scope="module")
def arrays(corpus):
    train = _documents(corpus, 0, 20)
    estimator = SentenceClassifier().fit(train["text"].tolist(), train[["area", "commitment"]].to_numpy())
    return LinearModel.from_estimator(estimator).to_arrays()


def _header(arrays) -> dict:
    return json.loads(arrays["header"].tobytes().decode("utf-8"))


def _with_header(arrays, **changes):
    header = _header(arrays) | changes
    return arrays | {"header": np.frombuffer(json.dumps(header).encode(), dtype=np.uint8)}


def _crafted(arrays, name: str) -> dict:
    n_features = arrays["area.coef"].shape[1]
    return {
        "coef of the wrong width": arrays | {"area.coef": arrays["area.coef"][:, :-1]},
        "coef as float32": arrays | {"commitment.coef": arrays["commitment.coef"].astype(np.float32)},
        "classes as floats": arrays | {"area.classes": arrays["area.classes"].astype(float)},
        "area classes out of range": arrays | {"area.classes": arrays["area.classes"] + 7},
        "a NaN coefficient": arrays | {"area.coef": np.where(np.arange(n_features) == 3, np.nan, arrays["area.coef"])},
        "an idf too short": arrays | {"terms0.idf": arrays["terms0.idf"][:-1]},
        "an array missing": {k: v for k, v in arrays.items() if k != "commitment_calibrator.intercept"},
        "an array more": arrays | {"extra": np.zeros(3)},
        "garbled header JSON": arrays | {"header": np.frombuffer(b'{"format": "camket-lin', dtype=np.uint8)},
        "header of another format": _with_header(arrays, format="something-else"),
        "header of a later version": _with_header(arrays, version=99),
        "params not booleans": _with_header(arrays, params={"lexicon": "yes", "frame": True, "context": True}),
        "a huge n-gram range": _with_header(arrays, terms=[{"analyzer": "word", "ngram_range": [1, 10**9]}]),
        "vocabulary not UTF-8": arrays | {"terms0.vocabulary": np.frombuffer(b"\xff\xfe\n" * 3, dtype=np.uint8)},
        "calibrator for another width": arrays | {"area_calibrator.coef": arrays["area_calibrator.coef"][:, :5]},
    }[name]


CRAFTED = ["coef of the wrong width", "coef as float32", "classes as floats", "area classes out of range",
           "a NaN coefficient", "an idf too short", "an array missing", "an array more", "garbled header JSON",
           "header of another format", "header of a later version", "params not booleans", "a huge n-gram range",
           "vocabulary not UTF-8", "calibrator for another width"]


def _write(folder, arrays) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(folder / MODEL_FILE, **arrays)


def test_the_arrays_as_saved_load(arrays, tmp_path):
    _write(tmp_path / "m", arrays)
    assert load_model(tmp_path / "m").predict(["Đẩy mạnh chuyển đổi số."]).shape == (1, 2)


@pytest.mark.parametrize("name", CRAFTED)
def test_a_crafted_model_file_is_one_clear_error(arrays, tmp_path, name):
    _write(tmp_path / "m", _crafted(arrays, name))
    with pytest.raises(CamketError) as caught:
        load_model(tmp_path / "m")
    message = str(caught.value)
    assert "\n" not in message and "not a camket model" in message, message


class _Marker:
    """Unpickling this writes a file: proof that code ran."""

    def __init__(self, path: str) -> None:
        self.path = path

    def __reduce__(self):
        return (open, (self.path, "w"))


def test_an_object_array_is_refused_and_runs_nothing(arrays, tmp_path):
    marker = tmp_path / "code-ran"
    evil = np.empty(1, dtype=object)
    evil[0] = _Marker(str(marker))
    folder = tmp_path / "m"
    folder.mkdir()
    np.savez(folder / MODEL_FILE, **(arrays | {"area.classes": evil}))  # numpy pickles object arrays
    with pytest.raises(CamketError, match="not a readable camket model file") as caught:
        load_model(folder)
    assert "\n" not in str(caught.value)
    assert not marker.exists()


@pytest.mark.parametrize("content", [b"", b"not a zip at all", b"PK\x03\x04" + b"\x00" * 40])
def test_a_file_that_is_not_an_npz_is_one_clear_error(tmp_path, content):
    (tmp_path / MODEL_FILE).write_bytes(content)
    with pytest.raises(CamketError, match="not a readable camket model file") as caught:
        load_model(tmp_path)
    assert "\n" not in str(caught.value)


def test_a_member_that_is_not_an_array_is_refused(arrays, tmp_path):
    buffer = io.BytesIO()
    np.savez(buffer, **arrays)
    with zipfile.ZipFile(buffer, "a") as archive:
        archive.writestr("notes.txt", "plain text, not .npy")
    (tmp_path / MODEL_FILE).write_bytes(buffer.getvalue())
    with pytest.raises(CamketError, match="not a camket model"):
        load_model(tmp_path)


def test_arrays_larger_than_a_model_are_refused_before_they_are_read(arrays, tmp_path, monkeypatch):
    import pipeline.classify.persist as persist

    _write(tmp_path / "m", arrays)
    unpacked = sum(a.nbytes for a in arrays.values())
    monkeypatch.setattr(persist, "MAX_MODEL_BYTES", unpacked // 2)
    with pytest.raises(CamketError, match="too large for a camket model"):
        load_model(tmp_path / "m")


def test_a_folder_with_the_old_format_says_to_retrain(tmp_path):
    (tmp_path / "model.skops").write_bytes(b"PK")
    with pytest.raises(CamketError, match="model.skops, a format this camket no longer reads; retrain"):
        load_model(tmp_path)


# ------------------------------------------------------------------ metrics without scikit-learn
def test_the_metrics_are_scikit_learns():
    """`camket evaluate` counts with NumPy; the figures are scikit-learn's, absent and unpredicted classes included."""
    from sklearn.metrics import confusion_matrix, precision_recall_fscore_support

    from pipeline.classify.evaluate import confusion, precision_recall_f1

    rng = np.random.default_rng(0)
    labels = list(range(7))
    for trial in range(20):
        true = rng.choice([0, 1, 2, 4, 6], size=200)  # 3 and 5 never true
        pred = np.where(rng.random(200) < 0.6, true, rng.choice([0, 1, 2, 5], size=200))  # 3 never predicted
        ours = precision_recall_f1(true, pred, labels)
        theirs = precision_recall_fscore_support(true, pred, labels=labels, zero_division=0)
        for a, b in zip(ours, theirs):
            assert np.allclose(a, b, rtol=0, atol=1e-15), (trial, a, b)
        assert (confusion(true, pred, labels) == confusion_matrix(true, pred, labels=labels)).all()
        binary = precision_recall_f1(true == 1, pred == 1, [1])
        assert np.allclose(binary[:3], precision_recall_fscore_support(true == 1, pred == 1, labels=[1], zero_division=0)[:3])
