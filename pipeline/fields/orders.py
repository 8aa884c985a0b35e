"""Reported orders the classifier missed: the fields stage can see them.

The label guide makes a directive reported in news style a commitment when the
sentence states the future action: "Thủ tướng yêu cầu các địa phương rà soát …".
The classifier reads a bag of n-grams, and a long opening full of report words
("Nghe báo cáo kết quả 5 năm thực hiện nghị quyết …", "Sau đợt mưa lớn đã làm sạt
lở …") can outvote the order that follows it. The fields stage parses the sentence: an
order that names who gives it (`issuer`), who must act (`actor`) and a request
or an assignment as its cue is a reported order whatever came before it.

A sentence the classifier all but rules out is left alone: in the corpus, out of
fold, the few below `ORDER_FLOOR` that this rule would have taken were ceremony
("đề nghị … dành một phút mặc niệm") or an official attending ("dự và chỉ đạo
hội nghị"), while every one above it was a commitment.
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.fields import lexicon as lex
from pipeline.records import Fields, Labels, Sentence

ORDER_FLOOR = 0.05  # the classifier's commitment probability below which no rule overrides it
ORDER_TYPES = ("request", "assignment")  # commitment types of the cues that give an order to someone
# Cheap test before the parse: the cues of those types. Word-bounded alternation: linear time.
_ORDER_CUE = re.compile(
    r"(?<!\w)(?:" + "|".join(sorted({*lex.REQUEST_CUES, *lex.ASSIGNMENT_CUES, lex.LEAD_CUE}, key=len, reverse=True)) + r")(?!\w)",
    re.IGNORECASE,
)
WHY = "reported order"  # first phrase of `why_commitment` on a row this rule marked


def may_be_order(sentence: Sentence) -> bool:
    """Worth parsing: the classifier said no, but not firmly, and a cue of an order is there."""
    lab = sentence.labels
    return (
        lab is not None
        and lab.commitment != 1
        and lab.commitment_score >= ORDER_FLOOR
        and _ORDER_CUE.search(sentence.text) is not None
    )


def is_reported_order(fields: Fields) -> bool:
    """Someone named orders someone named: a request or an assignment with its issuer and its actor."""
    return fields.commitment_type in ORDER_TYPES and bool(fields.issuer) and bool(fields.actor)


def as_order(labels: Labels, fields: Fields) -> Labels:
    """`labels` marked as a commitment, saying why; the model's own score is kept, so the row asks for review."""
    why = (WHY, *fields.issuer, fields.cue, *fields.actor)
    return replace(labels, commitment=1, why_commitment=why)
