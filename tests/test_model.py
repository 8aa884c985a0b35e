"""The classifier as an estimator: overfit tiny data, save, reload, same answers."""

import json

import numpy as np
import pytest

from pipeline.classify.model import SentenceClassifier
from pipeline.classify.persist import load_model, save_model

# fmt: off
TINY = [
    ("Tăng cường tiêm vắc-xin phòng Covid-19 cho người dân.", 1, 1),
    ("Năm 2021 toàn tỉnh đã tiêm 2 triệu liều vắc-xin Covid-19.", 1, 0),
    ("Đẩy mạnh thu hút đầu tư vào khu kinh tế.", 2, 1),
    ("Tăng trưởng kinh tế năm 2023 đạt 8,5%.", 2, 0),
    ("Đẩy mạnh chuyển đổi số, cải cách thủ tục hành chính.", 3, 1),
    ("Chỉ số cải cách hành chính tăng 5 bậc.", 3, 0),
    ("Chăm lo giáo dục, y tế cơ sở.", 4, 1),
    ("Tỷ lệ học sinh bỏ học giảm còn 0,5%.", 4, 0),
    ("Giữ vững quốc phòng, an ninh biên giới.", 5, 1),
    ("Lực lượng công an đã triệt phá 20 đường dây ma túy.", 5, 0),
    ("Tăng cường xây dựng, chỉnh đốn Đảng.", 6, 1),
    ("Ủy ban Kiểm tra đã kỷ luật 12 đảng viên.", 6, 0),
    ("Xin trân trọng cảm ơn!", 0, 0),
    ("Chúc các đồng chí mạnh khỏe!", 0, 0),
]
# fmt: on


PLACES = ("Thanh Hóa", "Nghệ An", "Hà Tĩnh")


@pytest.fixture(scope="module")
def tiny_model():
    # Three variants of each sentence: enough per label for 3-fold score calibration.
    X = [f"{t[:-1]} ở {place}{t[-1]}" for t, _, _ in TINY for place in PLACES]
    Y = np.array([[a, c] for _, a, c in TINY for _ in PLACES])
    return SentenceClassifier(char_ngrams=(2, 4), area_C=10.0, commitment_C=10.0).fit(X, Y), X, Y


def test_estimator_conventions():
    clf = SentenceClassifier(area_C=2.0)
    assert clf.get_params()["area_C"] == 2.0
    assert not hasattr(clf, "area_model_")  # learned attributes appear only after fit


def test_overfits_tiny_data(tiny_model):
    model, X, Y = tiny_model
    assert (model.predict(X) == Y).all()


def test_save_reload_same_predictions_and_batch_equals_single(tiny_model, tmp_path):
    model, X, _ = tiny_model
    save_model(tmp_path / "m", model, {"name": "m"}, "# card\n")
    assert sorted(p.name for p in (tmp_path / "m").iterdir()) == ["README.md", "meta.json", "model.npz"]
    assert json.loads((tmp_path / "m" / "meta.json").read_text())["name"] == "m"
    reloaded = load_model(tmp_path / "m")
    batch = reloaded.label(X)
    assert batch == model.label(X)
    assert [reloaded.label([x])[0] for x in X] == batch


def test_labels_carry_scores_alternative_and_reasons(tiny_model):
    model, X, _ = tiny_model
    for lab in model.label(X):
        assert 0 <= lab.area_score <= 1 and 0 <= lab.commitment_score <= 1
        assert lab.area_alt != lab.area and lab.area_alt_score <= lab.area_score
        assert lab.commitment == int(lab.commitment_score >= 0.5)
    text = "Tăng cường tiêm vắc-xin phòng Covid-19."
    lab = model.label([text])[0]
    assert lab.why and lab.why_commitment
    assert all(phrase in text for phrase in lab.why + lab.why_commitment)


def _why_outside_the_sentence(model, texts):
    bad = []
    for text, lab in zip(texts, model.label(texts)):
        for phrase in lab.why + lab.why_commitment:
            if not phrase or phrase not in text:
                bad.append((text[:60], phrase))
    return bad


def test_why_is_words_of_the_sentence_on_the_reference_speech(bundled_model, reference_sentences):
    texts = [s.text for s in reference_sentences]
    assert _why_outside_the_sentence(bundled_model, texts) == []
    labels = bundled_model.label(texts)
    assert sum(bool(lab.why) for lab in labels) > len(texts) / 2  # reasons are given, not left out


def test_why_is_words_of_the_sentence_on_real_text(bundled_model, realdev):
    import pandas as pd

    texts = pd.read_csv(realdev / "sentences.csv", dtype=str, keep_default_na=False)["text"].tolist()
    assert _why_outside_the_sentence(bundled_model, texts) == []


def test_missing_model_is_a_clear_error(tmp_path):
    from pipeline.errors import CamketError

    with pytest.raises(CamketError, match="no model file"):
        load_model(tmp_path)


def test_tone_style_and_unicode_form_do_not_change_labels(tiny_model):
    import unicodedata

    model, _, _ = tiny_model
    a = "Tăng cường hợp tác văn hóa, giáo dục giữa Thanh Hóa và Hòa Bình."
    b = "Tăng cường hợp tác văn hoá, giáo dục giữa Thanh Hoá và Hoà Bình."
    from dataclasses import replace

    from pipeline.text.normalize import canonical_tones

    labels = [model.label([t])[0] for t in (a, b, unicodedata.normalize("NFD", a))]
    # The reasons quote each text as written; folded, they are the same words.
    assert len({replace(lab, why=(), why_commitment=()) for lab in labels}) == 1
    assert len({tuple(canonical_tones(w) for w in lab.why + lab.why_commitment) for lab in labels}) == 1


def test_a_sentence_on_its_own_is_not_pushed_towards_area_0(root):
    """In documents only headlines and bylines lack a neighbour; a calibrator that learnt "no
    neighbour: area 0" would push every sentence labelled on its own (a CSV, realdev) there.
    Fitted on 300 written documents, scored on 150 others: alone, area 0 is predicted about as
    often as it is true (before the fix: 21% predicted against 16% true on this split)."""
    from pipeline.classify.corpus import read_corpus

    corpus = read_corpus([root / "corpora" / "written"])
    docs = np.array(sorted(corpus["doc_id"].unique()))
    np.random.RandomState(0).shuffle(docs)
    train, test = corpus[corpus["doc_id"].isin(docs[:300])], corpus[corpus["doc_id"].isin(docs[300:450])]
    # The area model reads no character n-grams (area_chars=False): leaving them out changes
    # no area decision (test_character_ngrams_reach_the_commitment_model_only) and saves their cost.
    model = SentenceClassifier(char_ngrams=None).fit(train["text"].tolist(), train[["area", "commitment"]].to_numpy(),
                                                     groups=train["doc_id"].tolist())
    alone = model.predict(test["text"].tolist())[:, 0]
    in_documents = model.predict(test["text"].tolist(), groups=test["doc_id"].tolist())[:, 0]
    truth = test["area"].to_numpy()
    assert (alone == 0).mean() <= (truth == 0).mean() + 0.02
    assert (alone == truth).mean() >= (in_documents == truth).mean() - 0.03


def test_character_ngrams_reach_the_commitment_model_only(tiny_model, tmp_path):
    """With `area_chars=False` the area decision is the word-only model's, to the last digit,
    while the commitment decision reads the character n-grams too; a saved model keeps that."""
    _, X, Y = tiny_model
    with_chars = SentenceClassifier(char_ngrams=(2, 4), area_chars=False).fit(X, Y)
    words_only = SentenceClassifier(char_ngrams=None).fit(X, Y)
    _, area_p, _, commit_p = with_chars._probabilities(X, None)
    _, area_q, _, commit_q = words_only._probabilities(X, None)
    assert np.allclose(area_p, area_q, rtol=0, atol=1e-12)
    assert not np.allclose(commit_p, commit_q, rtol=0, atol=1e-6)

    n_words = len(words_only.features_.vocabulary_)
    coef = with_chars.area_coef()
    assert coef.shape[1] > n_words and not coef[:, n_words:].any() and coef[:, :n_words].any()
    assert with_chars.commitment_coef()[:, n_words:].any()
    save_model(tmp_path / "m", with_chars, {"name": "m"}, "# card\n")
    assert load_model(tmp_path / "m").label(X) == with_chars.label(X)


def test_the_commitment_decision_is_the_svm_plus_its_learnt_share_of_the_logistic_regression(tiny_model):
    """The folded weights give what the two fitted models give separately, and turning
    the blend off leaves the NBSVM's own decision."""
    model, X, Y = tiny_model
    F = model.features_.transform(model._prepare(X)).tocsr()
    svm = model.commitment_model_.decision_function(F.multiply(model.commitment_ratio_).tocsr())
    blend = model.commitment_blend_model_.decision_function(F)
    folded = np.asarray(F @ model.commitment_coef().T)[:, 0] + model.commitment_intercept()[0]
    assert model.commitment_blend_weight_ != 0.0
    assert np.allclose(folded, svm + model.commitment_blend_weight_ * blend, rtol=0, atol=1e-9)

    plain = SentenceClassifier(char_ngrams=(2, 4), area_C=10.0, commitment_C=10.0, commitment_blend_C=None).fit(X, Y)
    assert plain.commitment_blend_model_ is None and plain.commitment_blend_weight_ == 0.0
    assert np.allclose(plain.commitment_coef(), plain.commitment_model_.coef_ * plain.commitment_ratio_, rtol=0, atol=0)
    assert np.array_equal(plain.commitment_intercept(), plain.commitment_model_.intercept_)
