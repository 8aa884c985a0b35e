"""The fast path in `pipeline.fields.tokenizer` must segment exactly as underthesea's `word_tokenize` does.

It rebuilds underthesea's CRF features in Python for speed; if a new
underthesea release changes its features, tokenizer or model, this fails
before any register changes silently.
"""

import pandas as pd
import pytest


@pytest.fixture(scope="module")
def sentences(root):
    frames = [pd.read_csv(p, dtype=str, keep_default_na=False) for p in sorted((root / "corpora" / "written").glob("*.csv"))]
    texts = pd.concat(frames)["text"].tolist()
    # fmt: off
    odd = ["Thanh Hoá và Thanh Hóa", "  hai  khoảng   trắng ", "Tab\tvà\nxuống dòng", "Emoji 🎉 cuối câu!", "ð Ð đ",
           "Quyết định số 462/QĐ-TTg ngày 14/4/2022", "Thanhhoa.dcs.vn", "1.983.823 lượt", "“Ba địa phương, một điểm đến”",
           "ÂM LỊCH TẾT NGUYÊN ĐÁN", "x" * 300, "a", "", "Ω≈ç√∫ ˜µ≤≥÷"]
    # fmt: on
    # About 1,500 sentences spread over every batch, however large the corpus grows.
    return texts[:: max(1, len(texts) // 1500)] + odd


def test_fast_segmenter_equals_word_tokenize(sentences):
    from underthesea import word_tokenize

    from pipeline.fields.tokenizer import _CRFSegmenter, _underthesea_word_tokenize

    segment = _underthesea_word_tokenize()
    assert isinstance(segment, _CRFSegmenter), "the fast path is not in use: this test would compare word_tokenize with itself"
    mismatches = [s for s in sentences if segment(s) != word_tokenize(s)]
    assert not mismatches, mismatches[:3]


def test_falling_back_to_word_tokenize_warns(monkeypatch):
    from underthesea import word_tokenize

    import pipeline.fields.tokenizer as tokenizer

    def broken():
        raise ValueError("unknown feature template")

    monkeypatch.setattr(tokenizer, "_word_tokenize", None)
    monkeypatch.setattr(tokenizer, "_CRFSegmenter", broken)
    with pytest.warns(RuntimeWarning, match="internals changed"):
        segment = tokenizer._underthesea_word_tokenize()
    assert segment is word_tokenize
