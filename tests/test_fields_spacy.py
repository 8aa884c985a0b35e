"""The field components as spaCy components: serialisable Docs, several processes,
namespaced extensions, predict without side effects, and the error handler."""

from __future__ import annotations

import subprocess
import sys
import warnings

import pytest
from spacy.tokens import Doc

from pipeline.records import FIELD_NAMES

TEXTS = [
    "Chủ tịch UBND tỉnh Hà Giang yêu cầu Sở Y tế phối hợp với Công an tỉnh kiểm tra các nhà thuốc trước ngày 30/6.",
    "Giao Sở Nội vụ chủ trì thực hiện Kế hoạch số 45/KH-UBND ngày 2/3/2024 tại huyện Mèo Vạc; báo cáo trong quý III.",
    "Tỉnh Bến Tre quyết tâm hoàn thành chương trình nông thôn mới trong năm 2026.",
    "",
]


@pytest.fixture(scope="module")
def nlp():
    from pipeline.nlp import vietnamese_nlp

    return vietnamese_nlp()


def fields(doc):
    from pipeline.fields.extract import fields_from_doc

    return fields_from_doc(doc)


def test_every_field_is_a_namespaced_extension():
    import pipeline.fields.components  # noqa: F401

    assert all(Doc.has_extension(f"camket_{name}") for name in FIELD_NAMES)
    assert not any(Doc.has_extension(name) for name in ("actor", "issuer", "places", "clauses"))


def test_a_clash_with_another_extension_raises():
    code = (
        "from spacy.tokens import Doc; Doc.set_extension('camket_actor', default='someone else');"
        "import pipeline.fields.components"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.returncode != 0 and "camket_actor" in run.stderr


def test_doc_to_bytes_round_trip(nlp):
    for text in TEXTS:
        doc = nlp(text)
        again = Doc(nlp.vocab).from_bytes(doc.to_bytes())
        assert fields(again) == fields(doc)
        assert {k: [(s.start, s.end, s.label_) for s in v] for k, v in again.spans.items()} == {
            k: [(s.start, s.end, s.label_) for s in v] for k, v in doc.spans.items()
        }


def test_two_processes_give_the_same_fields(nlp):
    one = [fields(d) for d in nlp.pipe(TEXTS)]
    two = [fields(d) for d in nlp.pipe(TEXTS, n_process=2, batch_size=1)]
    assert two == one
    assert one[0].issuer == ("Chủ tịch UBND tỉnh Hà Giang",)


def test_predict_changes_nothing(nlp):
    doc = nlp.make_doc(TEXTS[1])
    for name, proc in nlp.pipeline:
        before = ({k: list(v) for k, v in doc.spans.items()}, [doc._.get(f"camket_{n}") for n in FIELD_NAMES], doc.ents)
        result = proc.predict(doc)
        after = ({k: list(v) for k, v in doc.spans.items()}, [doc._.get(f"camket_{n}") for n in FIELD_NAMES], doc.ents)
        assert after == before, name
        proc.set_annotations(doc, result)
    assert fields(doc) == fields(nlp(TEXTS[1]))


def test_one_failing_sentence_does_not_stop_the_batch(monkeypatch):
    from pipeline.fields import extract
    from pipeline.fields.components import ActorFinder

    real = ActorFinder.predict

    def odd(self, doc):
        if "ODD" in doc.text:
            raise RuntimeError("an odd sentence")
        return real(self, doc)

    monkeypatch.setattr(ActorFinder, "predict", odd)
    extract.default_nlp.cache_clear()
    try:
        nlp = extract.default_nlp()
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            docs = list(nlp.pipe([TEXTS[0], "ODD Giao Sở Y tế kiểm tra.", TEXTS[2]]))
        assert len(docs) == 3 and any("an odd sentence" in str(w.message) for w in caught)
        assert fields(docs[0]).actor == ("Sở Y tế",) and fields(docs[2]).actor == ("Tỉnh Bến Tre",)
        assert fields(docs[1]).actor == ()
    finally:
        extract.default_nlp.cache_clear()


def test_the_default_handler_raises_as_in_spacy(monkeypatch):
    from pipeline.fields.components import ActorFinder
    from pipeline.nlp import vietnamese_nlp

    def broken(self, doc):
        raise RuntimeError("broken")

    monkeypatch.setattr(ActorFinder, "predict", broken)
    with pytest.raises(RuntimeError, match="broken"):
        vietnamese_nlp()(TEXTS[0])


def test_tokens_are_underthesea_words():
    """The tokenizer's words are underthesea's `word_tokenize` words (no lexicon phrases asked for)."""
    from spacy.vocab import Vocab
    from underthesea import word_tokenize

    from pipeline.fields.lexicon import norm
    from pipeline.fields.tokenizer import UndertheseaTokenizer

    tokenizer = UndertheseaTokenizer(Vocab(), fixed_words=[])
    for text in ("Sở Giáo dục và Đào tạo tổ chức tập huấn cho giáo viên vùng cao.", "Thanh Hoá và Thanh Hóa"):
        words = [t.norm_ for t in tokenizer(text) if not t.is_space]  # the text as written, compared by NORM
        assert words == [norm(w) for w in word_tokenize(text)]
