"""The bundled model is what `camket train corpora -o models/default` makes from the bundled corpus."""

import json
from pathlib import Path

import numpy as np
import pytest

from pipeline.classify.corpus import corpus_files, file_hashes, read_corpus
from pipeline.classify.evaluate import evaluate


@pytest.fixture(scope="module")
def meta(root):
    return json.loads((root / "models" / "default" / "meta.json").read_text(encoding="utf-8"))


def test_trained_on_the_corpus_as_it_is_now(root, meta, monkeypatch):
    monkeypatch.chdir(root)
    current = {str(Path(p).relative_to(root)): h for p, h in file_hashes([root / "corpora"]).items()}
    assert meta["corpus"]["files"] == current, "the corpus changed: retrain with `camket train corpora -o models/default`"


def test_meta_records_what_the_issue_asks(meta):
    assert {"versions", "corpus", "labels", "params", "metrics"} <= set(meta)
    assert meta["versions"]["scikit-learn"] and meta["versions"]["numpy"]
    assert set(meta["labels"]["area"]) == {str(c) for c in range(7)}
    assert meta["metrics"]["cv"]["grouped_by"] == "doc_id"


def test_cross_validated_quality(root, meta):
    """The issue's bar, measured now: 3-fold cross-validation grouped by document, with the
    bundled model's hyperparameters, on every third document of the corpus as it is (a
    third of the time of the whole corpus, and smaller training folds only make it harder;
    the 5-fold figures on the whole corpus in meta.json are what `camket train` printed)."""
    from pipeline.classify.evaluate import cross_validate

    params = {k: tuple(v) if isinstance(v, list) else v for k, v in meta["params"].items()}
    corpus = read_corpus([root / "corpora"])
    documents = corpus["doc_id"].drop_duplicates().tolist()
    third = corpus[corpus["doc_id"].isin(set(documents[::3]))]
    measured = cross_validate(third, k=3, params=params)
    assert measured["cv"]["grouped_by"] == "doc_id" and measured["n"] > 8000
    assert measured["area"]["macro_f1"] >= 0.90, measured["area"]
    assert measured["commitment"]["f1"] >= 0.93, measured["commitment"]


def test_retraining_reproduces_the_bundled_model(root, bundled_model, tmp_path, monkeypatch):
    from pipeline.classify.persist import load_model
    from pipeline.classify.train import train

    monkeypatch.chdir(root)
    train([root / "corpora"], tmp_path / "m", cv=0)
    fresh = load_model(tmp_path / "m")
    corpus = read_corpus([root / "corpora"]).iloc[::10]  # every tenth sentence: every batch, a tenth of the time
    a, b = evaluate(bundled_model, corpus), evaluate(fresh, corpus)
    assert abs(a["area"]["macro_f1"] - b["area"]["macro_f1"]) <= 0.005
    assert abs(a["commitment"]["f1"] - b["commitment"]["f1"]) <= 0.005
    texts = corpus["text"].tolist()[:500]
    same = np.mean([x == y for x, y in zip(bundled_model.predict(texts).tolist(), fresh.predict(texts).tolist())])
    assert same >= 0.99


def test_corpus_files_exclude_document_metadata(root):
    assert not any("documents" in p.parts for p in corpus_files([root / "corpora"]))


# Floors on real text the model never saw (../shared/realdev): a change that makes the bundled
# model worse on real sentences fails here, whatever cross-validation on the corpus says.
REALDEV_AREA_MACRO_F1 = 0.899  # measured 0.910 when the bundled model was trained
REALDEV_COMMITMENT_F1 = 0.919  # measured 0.931
REALDEV_REGISTER_COMMITMENT_F1 = 0.922  # measured 0.934: the classifier plus the reported orders (pipeline.fields.orders)


def test_real_text_floor(bundled_model, realdev):
    dev = read_corpus([realdev / "sentences.csv"])
    metrics = evaluate(bundled_model, dev)
    assert metrics["n"] == len(dev) > 400
    assert metrics["area"]["macro_f1"] >= REALDEV_AREA_MACRO_F1
    assert metrics["commitment"]["f1"] >= REALDEV_COMMITMENT_F1


def test_real_text_floor_of_the_registers_decision(bundled_model, realdev):
    from pipeline.classify.evaluate import register_commitment

    dev = read_corpus([realdev / "sentences.csv"])
    register = register_commitment(dev, bundled_model.label(dev["text"].tolist(), groups=dev["doc_id"].tolist(), explain=0))
    assert register["f1"] >= REALDEV_REGISTER_COMMITMENT_F1
    # the rule only adds commitments the classifier doubted: recall cannot fall below the classifier's
    assert register["recall"] >= evaluate(bundled_model, dev)["commitment"]["recall"]
