"""Reported orders the classifier doubted: the fields stage marks them (pipeline.fields.orders).

The label guide: a directive reported in news style is a commitment when the sentence
states the future action. The sentences here are written for these tests; the labels
stand in for a classifier that was outvoted by a long opening.
"""

from __future__ import annotations

import pytest

from pipeline.fields.orders import ORDER_FLOOR, WHY, is_reported_order, may_be_order
from pipeline.records import Fields, Labels, Sentence
from pipeline.register.schema import needs_review

# A long opening of report words, then an order with its issuer and its addressee.
ORDER = (
    "Nghe báo cáo kết quả 5 năm thực hiện Nghị quyết số 26 của Tỉnh ủy Kon Tum tại buổi làm việc chiều 9/4, "
    "đồng chí Hà Văn Lực, Thứ trưởng Bộ Nội vụ đề nghị Ban Thường vụ Tỉnh ủy tiếp tục rà soát, "
    "bổ sung quy hoạch cán bộ các cấp."
)
# A request with nobody named to carry it out: the parse finds no actor.
NO_ADDRESSEE = "Trước kiến nghị của cử tri xã ven sông Đà về sạt lở bờ bãi, Bộ Nông nghiệp và PTNT yêu cầu khẩn trương khắc phục."
# A report of an official presiding: no order at all.
PRESIDING = "Sáng 9/4, đồng chí Hà Văn Lực, Thứ trưởng Bộ Nội vụ chủ trì hội nghị."


def _doubted(text: str, score: float, commitment: int = 0, i: int = 1) -> Sentence:
    labels = Labels(area=6, area_score=0.8, commitment=commitment, commitment_score=score, area_alt=0, area_alt_score=0.1,
                    why_commitment=("kết quả",))
    return Sentence("doc", i, 1, "speech", 0, len(text), text, labels=labels)


@pytest.fixture(scope="module")
def nlp():
    from pipeline.nlp import vietnamese_nlp

    return vietnamese_nlp()


def test_a_doubted_reported_order_becomes_a_commitment_with_its_fields(nlp):
    from pipeline.fields.extract import extract_fields

    [out] = extract_fields([_doubted(ORDER, 0.23)], nlp)
    assert out.labels.commitment == 1
    assert out.labels.commitment_score == 0.23  # the model's own score is kept ...
    assert needs_review(out)  # ... so the row asks an analyst to look
    assert out.labels.why_commitment[0] == WHY
    assert "đồng chí Hà Văn Lực" in out.labels.why_commitment
    assert out.fields.issuer == ("đồng chí Hà Văn Lực",)
    assert out.fields.actor == ("Ban Thường vụ Tỉnh ủy",)
    assert out.fields.places == ("Kon Tum",)


def test_what_the_rule_leaves_alone(nlp):
    from pipeline.fields.extract import extract_fields

    sentences = [
        _doubted(ORDER, ORDER_FLOOR / 2, i=1),  # the classifier all but ruled it out
        _doubted(NO_ADDRESSEE, 0.3, i=2),  # a request, but nobody named to act
        _doubted(PRESIDING, 0.3, i=3),  # no cue of an order given to someone
    ]
    out = extract_fields(sentences, nlp)
    assert [s.labels for s in out] == [s.labels for s in sentences]
    assert [s.fields for s in out] == [None, None, None]


def test_the_rule_can_be_turned_off(nlp):
    from pipeline.fields.extract import extract_fields

    [out] = extract_fields([_doubted(ORDER, 0.23)], nlp, reported_orders=False)
    assert out.labels.commitment == 0 and out.fields is None


def test_a_commitment_the_classifier_found_keeps_its_labels(nlp):
    from pipeline.fields.extract import extract_fields

    sentence = _doubted(ORDER, 0.81, commitment=1)
    [out] = extract_fields([sentence], nlp)
    assert out.labels == sentence.labels
    assert out.fields.actor == ("Ban Thường vụ Tỉnh ủy",)


def test_only_doubted_sentences_with_the_cue_of_an_order_are_parsed():
    assert may_be_order(_doubted(ORDER, 0.23))
    assert not may_be_order(_doubted(ORDER, 0.01))
    assert not may_be_order(_doubted(ORDER, 0.81, commitment=1))
    assert not may_be_order(_doubted(PRESIDING.replace("chủ trì", "dự"), 0.3))
    assert may_be_order(_doubted("Giao Sở Y tế rà soát.", 0.3))  # an assignment cue, at any case


@pytest.mark.parametrize(
    "fields, expected",
    [
        (Fields(commitment_type="request", issuer=("Thủ tướng",), actor=("các bộ",)), True),
        (Fields(commitment_type="assignment", issuer=("UBND tỉnh",), actor=("Sở Y tế",)), True),
        (Fields(commitment_type="request", issuer=(), actor=("các bộ",)), False),  # who orders is not named
        (Fields(commitment_type="request", issuer=("Bộ Y tế",), actor=()), False),  # nor who must act
        (Fields(commitment_type="directive", issuer=("Tỉnh ủy",), actor=("các cấp ủy",)), False),  # "nhấn mạnh", "chỉ đạo"
    ],
)
def test_a_reported_order_names_who_orders_and_who_acts(fields, expected):
    assert is_reported_order(fields) is expected
