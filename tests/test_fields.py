"""Commitment fields: the field table asserted field by field, the reference
speech, and spaCy conventions (add_pipe, text preserved, batch == one-by-one).

The table (tests/data/fields_table.jsonl) was written before the rules; its
conventions (README, "Commitment fields"): places count also inside an
organisation, without their administrative word (label guide, section 3); the
timeframe with a year wins over "trước mắt"/"thời gian tới", and the year of the
tasks a sentence sets is its timeframe ("kế hoạch diễn tập … năm 2024"); `action` runs from
the verb to clause punctuation or a new clause ("nhằm", ", để", ", nhất là" ...).
A single actor is written as a string in the table, several as a list.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import replace
from pathlib import Path

import pytest
import spacy

from pipeline.records import Labels, Sentence

TABLE = Path(__file__).parent / "data" / "fields_table.jsonl"
ROWS = [json.loads(line) for line in TABLE.read_text(encoding="utf-8").splitlines() if line.strip()]
FIELDS = ("cue", "commitment_type", "actor", "partners", "action", "actions", "timeframe", "deadline_year", "references", "places")
LIST_FIELDS = {"actor", "partners", "actions", "references", "places"}


def _expected(field, value):
    """The table writes a single actor as a string; `Fields.actor` holds one item per body."""
    if field in LIST_FIELDS and isinstance(value, str):
        return [value] if value else []
    return value
COMMITMENT = Labels(area=2, area_score=0.9, commitment=1, commitment_score=0.9)


@pytest.fixture(scope="session")
def nlp():
    from pipeline.nlp import vietnamese_nlp

    return vietnamese_nlp()


@pytest.fixture(scope="session")
def table_fields(nlp):
    from pipeline.fields.extract import extract_fields

    sentences = [Sentence("table", i + 1, 1, "speech", 0, len(r["text"]), r["text"], labels=COMMITMENT) for i, r in enumerate(ROWS)]
    return [s.fields for s in extract_fields(sentences, nlp)]


def test_table_covers_the_brief():
    assert len(ROWS) >= 80
    assert {r["area"] for r in ROWS} >= {1, 2, 3, 4, 5, 6}
    assert {r["commitment_type"] for r in ROWS} == {"directive", "request", "assignment", "pledge"}
    assert sum(len(r["actions"]) > 1 for r in ROWS) >= 5


def test_table_fields(table_fields):
    """Every field of every row of the table, as one table-driven test that lists all mismatches."""
    mismatches = []
    for index, (row, got) in enumerate(zip(ROWS, table_fields), 1):
        for field in FIELDS:
            value = getattr(got, field)
            value = list(value) if field in LIST_FIELDS else value
            expected = _expected(field, row[field])
            if value != expected:
                mismatches.append(f"row {index} {field}: expected {expected!r}, got {value!r}  ({row['text'][:60]}…)")
    assert not mismatches, f"{len(mismatches)} mismatch(es):\n" + "\n".join(mismatches)


def test_fields_eval_counts_each_disagreement(tmp_path, nlp):
    """`camket fields-eval` scores exactly what differs: the table with known changes made to
    its expected values loses exactly those items, field by field (a scorer that counted
    wrongly, or compared the wrong things, fails here whatever the components do)."""
    from pipeline.fields.evaluate import evaluate_table

    baseline = evaluate_table(TABLE, nlp)
    changed = [dict(r) for r in ROWS]
    actors = [r for r in changed if r["actor"]][:5]
    for r in actors:
        r["actor"] = r["actor"] + " khác"  # 5 wrong gold actors: 5 fewer true positives
    places = [r for r in changed if r["places"]][:3]
    for r in places:
        r["places"] = [*r["places"], "Nơi Không Có"]  # 3 more gold places nobody predicts
    years = [r for r in changed if r["deadline_year"]][:2]
    for r in years:
        r["deadline_year"] = None  # 2 fewer gold years; the predictions stay
    path = tmp_path / "changed.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in changed), encoding="utf-8")
    report = evaluate_table(path, nlp)
    assert len(actors) == 5 and len(places) == 3 and len(years) == 2
    assert report["actor"]["tp"] == baseline["actor"]["tp"] - 5
    assert report["actor"]["predicted"] == baseline["actor"]["predicted"]
    assert report["places"]["gold"] == baseline["places"]["gold"] + 3
    assert report["places"]["tp"] == baseline["places"]["tp"]
    assert report["places"]["recall"] < baseline["places"]["recall"]
    assert report["deadline_year"]["gold"] == baseline["deadline_year"]["gold"] - 2
    assert report["deadline_year"]["tp"] == baseline["deadline_year"]["tp"] - 2
    untouched = set(FIELDS) - {"actor", "places", "deadline_year"}
    assert {f: report[f] for f in untouched} == {f: baseline[f] for f in untouched}


# ------------------------------------------------------------ reference speech
@pytest.fixture(scope="session")
def reference_fields(reference_path, nlp):
    from pipeline.fields.extract import extract_fields
    from pipeline.ingest.read import read_document
    from pipeline.text.segment import sentences

    labelled = [replace(s, labels=COMMITMENT) for s in sentences(read_document(reference_path, "ref"))]
    return {s.text: s.fields for s in extract_fields(labelled, nlp)}


def _find(reference_fields, start):
    matches = [f for text, f in reference_fields.items() if text.startswith(start)]
    assert len(matches) == 1, start
    return matches[0]


def test_reference_cooperation_mechanism(reference_fields):
    f = _find(reference_fields, "Để việc liên kết")
    assert f.actor == ("Văn phòng Tỉnh ủy Thanh Hóa",)
    assert f.partners == ("Văn phòng Tỉnh ủy hai tỉnh Nghệ An, Hà Tĩnh",)
    assert f.timeframe == "hằng năm"
    assert f.commitment_type == "assignment"
    assert f.action == "xây dựng Biên bản ghi nhớ hợp tác và phát triển giữa 03 tỉnh"
    assert len(f.actions) == 2


def test_reference_regional_plan(reference_fields):
    f = _find(reference_fields, "Trước mắt, cần")
    assert f.references == ("Quyết định số 462/QĐ-TTg ngày 14/4/2022",)
    assert f.timeframe == "thời kỳ 2021 - 2030, tầm nhìn đến năm 2050"
    assert f.deadline_year == 2030
    assert (f.cue, f.commitment_type) == ("cần", "directive")


def test_reference_marine_economy(reference_fields):
    f = _find(reference_fields, "Đẩy mạnh liên kết, hợp tác phát triển kinh tế biển")
    assert f.places == ("Khu kinh tế Nghi Sơn", "Khu kinh tế Vũng Áng", "Khu kinh tế Đông Nam")
    assert len(f.actions) == 2


def test_reference_military_region(reference_fields):
    f = _find(reference_fields, "Thứ năm")
    assert f.places == ("Quân khu 4",)
    assert f.actor == ("các tỉnh",)


def test_only_commitments_get_fields(nlp):
    from pipeline.fields.extract import extract_fields

    text = "Tăng cường hợp tác giữa Nghệ An và Hà Tĩnh."
    plain = Sentence("d", 1, 1, "speech", 0, len(text), text, labels=replace(COMMITMENT, commitment=0))
    unlabelled = replace(plain, labels=None)
    committed = replace(plain, labels=COMMITMENT)
    out = extract_fields([plain, unlabelled, committed], nlp)
    assert [s.fields is None for s in out] == [True, True, False]
    assert out[2].fields.places == ("Nghệ An", "Hà Tĩnh")
    assert extract_fields([], nlp) == []


# ----------------------------------------------------------- spaCy conventions
# fmt: off
NAUGHTY = [
    "", " ", "  ", "\t", "\n", "\n\n", "a", "Thanhhoa.dcs.vn", "(Thanhhoa.dcs.vn): Tỉnh ủy",
    "Văn phòng  Tỉnh ủy\tThanh Hóa\nchủ trì", " Giao Sở Y tế chủ trì ", "Thanh Hoá và Thanh Hóa",
    unicodedata.normalize("NFD", "Giao Văn phòng Tỉnh ủy Thanh Hóa chủ trì, phối hợp với Sở Y tế."),
    "Đẩy mạnh du lịch 🚀🇻🇳 tại Nghệ An!!!", "Quyết định số 462/QĐ-TTg ngày 14/4/2022;;", "“Ba địa phương, một điểm đến”",
    "x\u200by", "Hà Nội\r\nHải Phòng", "Kết luận số 11-KL/TW...", "100%", "ĐẨY MẠNH CẢI CÁCH HÀNH CHÍNH",
]
# fmt: on


@pytest.mark.parametrize("text", NAUGHTY, ids=range(len(NAUGHTY)))
def test_text_and_offsets_preserved(nlp, text):
    doc = nlp(text)
    assert doc.text == text
    for token in doc:
        assert text[token.idx : token.idx + len(token.text)] == token.text


def test_tokens_are_words(nlp):
    doc = nlp.make_doc("Giao Văn phòng Tỉnh ủy Thanh Hóa chủ trì thực hiện Quyết định số 462/QĐ-TTg")
    words = [t.text for t in doc]
    assert "Thanh Hóa" in words and "462/QĐ-TTg" in words
    assert any(" " in w for w in words)


def test_old_style_tones_match(nlp):
    assert nlp("Đẩy mạnh du lịch tại Thanh Hoá.")._.camket_places == ("Thanh Hoá",)


def test_pipe_equals_one_at_a_time(nlp):
    from pipeline.fields.extract import fields_from_doc

    texts = [r["text"] for r in ROWS[:30]] + NAUGHTY
    assert [fields_from_doc(d) for d in nlp.pipe(texts, batch_size=7)] == [fields_from_doc(nlp(t)) for t in texts]


def test_add_pipe_on_a_blank_pipeline():
    import pipeline.fields.components  # noqa: F401  (registers the factories)
    from pipeline.nlp import FIELD_COMPONENTS, TOKENIZER_NAME

    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER_NAME}}})
    for name in FIELD_COMPONENTS:
        nlp.add_pipe(name)
    assert nlp.pipe_names == list(FIELD_COMPONENTS)
    doc = nlp("Đề nghị Bộ Y tế hỗ trợ tỉnh Quảng Trị trước ngày 30/9/2022.")
    assert (doc._.camket_actor, doc._.camket_commitment_type, doc._.camket_deadline_year) == (("Bộ Y tế",), "request", 2022)
    assert [e.label_ for e in doc.ents] == ["PLACE"]
    analysis = nlp.analyze_pipes()
    assert not any(analysis["problems"].values())


def test_add_pipe_on_syllable_tokens():
    """On spaCy's own Vietnamese tokenizer without pyvi the components still match.

    That tokenizer splits on white space only (punctuation stays on the word:
    "Anh."), so the sentence keeps its names away from punctuation.
    """
    import pipeline.fields.components  # noqa: F401

    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
    for name in ("camket_places", "camket_references", "camket_timeframe", "camket_orgs", "camket_cue", "camket_actor", "camket_action"):
        nlp.add_pipe(name)
    doc = nlp("Giao Sở Y tế chủ trì phối hợp với Công an tỉnh xây dựng kế hoạch tại huyện Kỳ Anh trong năm 2024")
    assert doc.text.startswith("Giao Sở Y tế")
    assert doc._.camket_commitment_type == "assignment"
    assert doc._.camket_timeframe == "trong năm 2024"
    assert doc._.camket_places == ("Kỳ Anh",)
    assert doc._.camket_actor == ("Sở Y tế",)


def test_config_round_trip(tmp_path):
    from pipeline.nlp import vietnamese_nlp

    nlp = vietnamese_nlp()
    nlp.to_disk(tmp_path / "nlp")
    import pipeline.fields.components  # noqa: F401

    loaded = spacy.load(tmp_path / "nlp")
    text = "Tỉnh Quảng Bình quyết tâm hoàn thành xây dựng nông thôn mới trước năm 2025."
    assert loaded(text)._.camket_actor == nlp(text)._.camket_actor == ("Tỉnh Quảng Bình",)


def test_importing_loads_nothing():
    import subprocess
    import sys

    code = "import pipeline.nlp, pipeline.fields.components, pipeline.fields.extract, sys; print('underthesea' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "False"
