"""The reference speech, labeled exactly as the label guide says."""

import pytest

THU = {"Thứ nhất": 1, "Thứ hai": 2, "Thứ ba": 3, "Thứ tư": 4, "Thứ năm": 5, "Thứ sáu": 6}


def sentences_by_heading(sentences):
    """Each "Thứ …" heading's sentences: from the heading to the next heading or salutation."""
    out, current = {}, None
    for s in sentences:
        heading = next((h for h in THU if s.text.startswith(h + ",")), None)
        if heading:
            current = heading
        elif s.text.startswith("Thưa"):
            current = None
        if current:
            out.setdefault(current, []).append(s)
    return out


def test_each_priority_paragraph_is_its_area_and_a_commitment(reference_sentences):
    by_heading = sentences_by_heading(reference_sentences)
    assert {h: len(v) for h, v in by_heading.items()} == {
        "Thứ nhất": 2, "Thứ hai": 7, "Thứ ba": 2, "Thứ tư": 3, "Thứ năm": 3, "Thứ sáu": 1,
    }
    for heading, sents in by_heading.items():
        for s in sents:
            assert (s.labels.area, s.labels.commitment) == (THU[heading], 1), (heading, s.text[:80])


# fmt: off
NOT_COMMITMENTS = [
    "Thưa các đồng chí Ủy viên Trung ương Đảng!", "Thưa toàn thể Hội nghị!",
    "Xin trân trọng cảm ơn!", "Tôi tuyên bố bế mạc Hội nghị!",
    "Tại Hội nghị này, chúng ta đã được xem", "Một lần nữa, xin chúc", "Chúc cho mối quan hệ hợp tác",
    "Tôi tin tưởng chắc chắn rằng", "Thay mặt lãnh đạo tỉnh Thanh Hóa, xin trân trọng cảm ơn",
    "Hội nghị trao đổi kinh nghiệm và hợp tác phát triển giữa 03 tỉnh Thanh Hóa - Nghệ An - Hà Tĩnh đã thành công",
]
# fmt: on


@pytest.mark.parametrize("start", NOT_COMMITMENTS)
def test_greetings_thanks_wishes_are_area_0_not_commitments(reference_sentences, start):
    matches = [s for s in reference_sentences if s.text.startswith(start)]
    assert matches
    for s in matches:
        assert (s.labels.area, s.labels.commitment) == (0, 0), s.text


def test_lead_and_caption_are_not_commitments(reference_sentences):
    for s in reference_sentences:
        if s.part in ("lead", "caption"):
            assert s.labels.commitment == 0, s.text


def test_old_and_new_tone_styles_get_the_same_labels(bundled_model, reference_sentences):
    from pipeline.text.normalize import canonical_tones

    texts = [s.text for s in reference_sentences]
    old_style = [t.replace("Hóa", "Hoá").replace("hóa", "hoá").replace("hòa", "hoà").replace("thủy", "thuỷ") for t in texts]
    assert old_style != texts
    from dataclasses import replace

    def decisions(labels):  # reasons quote the text as written, so they differ in style only
        return [replace(lab, why=(), why_commitment=()) for lab in labels]

    old, new = bundled_model.label(old_style), bundled_model.label([canonical_tones(t) for t in texts])
    assert decisions(old) == decisions(new)
    assert [[canonical_tones(w) for w in lab.why] for lab in old] == [list(lab.why) for lab in new]
