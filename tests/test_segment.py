from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.text.clean import is_chrome, paragraphs
from pipeline.text.lines import ends_like_sentence
from pipeline.ingest.read import document_from_text
from pipeline.records import Document
from pipeline.text.segment import sentences, split_span


def split(text: str) -> list[str]:
    return [text[s:e] for s, e in split_span(text, 0, len(text))]


# fmt: off
CASES = [
    # domain names, URLs, numbers and document codes never split
    ("(Thanhhoa.dcs.vn): Sau 01 thời gian làm việc. Đồng chí phát biểu.",
     ["(Thanhhoa.dcs.vn): Sau 01 thời gian làm việc.", "Đồng chí phát biểu."]),
    ("Xem tại https://baothanhhoa.vn/tin-tuc. Trân trọng.", ["Xem tại https://baothanhhoa.vn/tin-tuc.", "Trân trọng."]),
    ("Thống kê 1.983.823 lượt, ngày 07/8/2022 theo Quyết định số 462/QĐ-TTg. Tiếp theo là.",
     ["Thống kê 1.983.823 lượt, ngày 07/8/2022 theo Quyết định số 462/QĐ-TTg.", "Tiếp theo là."]),
    # sentence ends: "!", "...", "…", closing quote
    ("Thưa các đồng chí! Thưa toàn thể Hội nghị!", ["Thưa các đồng chí!", "Thưa toàn thể Hội nghị!"]),
    ("phát triển kinh tế số, xã hội số... Thứ tư, tăng cường.", ["phát triển kinh tế số, xã hội số...", "Thứ tư, tăng cường."]),
    ("Còn nhiều việc… Chúng ta phải làm.", ["Còn nhiều việc…", "Chúng ta phải làm."]),
    ("bảo đảm “Thích ứng an toàn, linh hoạt, kiểm soát hiệu quả dịch Covid-19”. Duy trì trao đổi.",
     ["bảo đảm “Thích ứng an toàn, linh hoạt, kiểm soát hiệu quả dịch Covid-19”.", "Duy trì trao đổi."]),
    ("Ông nói: “Phải làm ngay.” Sau đó hội nghị bế mạc.", ["Ông nói: “Phải làm ngay.”", "Sau đó hội nghị bế mạc."]),
    # abbreviations and initials don't end sentences
    ("Hội nghị tại TP. Hồ Chí Minh có PGS.TS. Nguyễn Văn An dự.", ["Hội nghị tại TP. Hồ Chí Minh có PGS.TS. Nguyễn Văn An dự."]),
    ("Báo cáo của TS. Lê Minh và ThS. Trần Hà về giáo dục, y tế, v.v. Đoàn đã làm việc.",
     ["Báo cáo của TS. Lê Minh và ThS. Trần Hà về giáo dục, y tế, v.v. Đoàn đã làm việc."]),
    ("Ông Nguyễn V. An phát biểu. Bà Lê Thị B. Hoa trả lời.", ["Ông Nguyễn V. An phát biểu.", "Bà Lê Thị B. Hoa trả lời."]),
    # a lower-case continuation is not a new sentence; list markers stay attached
    ("Kết quả đạt 95,5%. còn lại chuyển sang năm sau.", ["Kết quả đạt 95,5%. còn lại chuyển sang năm sau."]),
    ("II. Nhiệm vụ trọng tâm năm 2024.", ["II. Nhiệm vụ trọng tâm năm 2024."]),
    ("Điều 1. Phê duyệt đề án.", ["Điều 1. Phê duyệt đề án."]),
    ("Có hỏi không? Có.", ["Có hỏi không?", "Có."]),
    # a photo credit stays with its caption
    ("Quang cảnh phiên họp. (Ảnh: Thanh Hải)", ["Quang cảnh phiên họp. (Ảnh: Thanh Hải)"]),
    ("Quang cảnh hội nghị. (Nguồn: baothanhhoa.vn)", ["Quang cảnh hội nghị. (Nguồn: baothanhhoa.vn)"]),
]
# fmt: on


@pytest.mark.parametrize("text,expected", CASES)
def test_split_cases(text, expected):
    assert split(text) == expected


def test_paragraph_break_always_ends_a_sentence():
    text = "Các địa phương tập trung vào các nhiệm vụ trọng tâm là:\nThứ nhất, tăng cường phòng, chống dịch"
    doc = document_from_text(text, "d")
    assert [s.text for s in sentences(doc)] == [
        "Các địa phương tập trung vào các nhiệm vụ trọng tâm là:",
        "Thứ nhất, tăng cường phòng, chống dịch",
    ]


# fmt: off
CHROME = ["Liên kết website", " Lượt truy cập", "Thống kê: 1.983.823", "Online: 38", "Đang truy cập: 120",
          "Trang chủ | Giới thiệu | Tin tức | Liên hệ", "Chia sẻ", "In bài viết", "07/08/2022 10:15", "Bản quyền thuộc về Tỉnh ủy",
          "Tin liên quan", "***"]
NOT_CHROME = ["Thưa các đồng chí!", "Tôi tuyên bố bế mạc Hội nghị!", "Xin trân trọng cảm ơn!",
              "Tổng kết công tác năm 2023 và triển khai nhiệm vụ năm 2024.", "Liên kết vùng là động lực phát triển."]
# fmt: on


@pytest.mark.parametrize("line", CHROME)
def test_chrome_lines(line):
    assert is_chrome(line)


@pytest.mark.parametrize("line", NOT_CHROME)
def test_speech_lines_are_not_chrome(line):
    assert not is_chrome(line)


def test_related_news_headlines_are_dropped():
    text = "Thưa các đồng chí!\nXin cảm ơn!\nTin liên quan\nThanh Hóa tổ chức hội nghị xúc tiến đầu tư\nNghệ An khởi công cao tốc"
    doc = document_from_text(text, "d")
    assert [s.text for s in sentences(doc)] == ["Thưa các đồng chí!", "Xin cảm ơn!"]


def test_reference_speech_parts_and_count(reference_text):
    doc = document_from_text(reference_text, "ref")
    sents = sentences(doc)
    parts = Counter(s.part for s in sents)
    assert parts == {"lead": 3, "caption": 1, "speech": 37}
    texts = [s.text for s in sents]
    assert not any(t.startswith(("Liên kết", "Lượt truy", "Thống kê", "Online")) for t in texts)
    assert texts[0].startswith("(Thanhhoa.dcs.vn): Sau 01 thời gian")
    assert [s for s in sents if s.part == "caption"][0].text.endswith("(Ảnh:baothanhhoa.vn)")
    assert texts[-1] == "Xin trân trọng cảm ơn!"
    # the splits underthesea gets wrong
    assert any(t.endswith("trọng tâm là:") for t in texts)
    assert any(t.endswith("xã hội số...") for t in texts)
    assert sum(t.startswith("Thứ ") for t in texts) == 6


# ------------------------------------------------------------ properties
WORDS = ["Thưa", "các", "đồng", "chí", "tỉnh", "Thanh", "Hóa", "TP.", "PGS.TS.", "v.v.", "1.983.823", "07/8/2022",
         "462/QĐ-TTg", "baothanhhoa.vn", "Online:", "38", "“Ba", "địa", "phương”", "Covid-19", "-", "=", "@",
         "Ảnh:", "PV", "Sáng", "5/3,", "09:15", "TTO", "Theo", "(Ảnh", "TTXVN)"]
ENDS = [".", "!", "?", "...", "…", "”.", ".”", ":", ";", ","]
chunk = st.tuples(st.lists(st.sampled_from(WORDS), min_size=1, max_size=8), st.sampled_from(ENDS + [""]))
text_strategy = st.lists(
    st.one_of(chunk.map(lambda c: " ".join(c[0]) + c[1]), st.sampled_from(["\n", "\n\n", "  ", "\t", "Liên kết website", "Lượt truy cập", "\nTin liên quan\n", "\nXem thêm\n", "\nChú thích ảnh\n"])),
    min_size=1,
    max_size=25,
).map(" ".join)


def _check_offsets(doc: Document) -> None:
    sents = sentences(doc)
    covered = [False] * len(doc.text)
    previous_end = 0
    for i, s in enumerate(sents, start=1):
        assert s.sentence_id == i
        assert doc.text[s.start : s.end] == s.text
        assert s.text == s.text.strip() and s.text
        assert s.start >= previous_end  # ordered, no overlap
        previous_end = s.end
        for k in range(s.start, s.end):
            covered[k] = True
    kept_paragraph = [False] * len(doc.text)
    for p in doc.paragraphs:
        for k in range(p.start, p.end):
            kept_paragraph[k] = True
    for k, ch in enumerate(doc.text):
        if kept_paragraph[k]:
            # inside a kept paragraph only white space between sentences is dropped
            assert covered[k] or ch.isspace(), (k, ch)
        elif not ch.isspace():
            # outside kept paragraphs: only whole chrome lines
            line_start = doc.text.rfind("\n", 0, k) + 1
            line_end = doc.text.find("\n", k)
            line = doc.text[line_start : line_end if line_end >= 0 else len(doc.text)]
            # chrome by its shape, or dropped for its place (a byline, a related headline,
            # a section name): never a line that ends like a sentence.
            assert is_chrome(line) or not ends_like_sentence(line), line


@settings(max_examples=300, deadline=None)
@given(text_strategy)
def test_offsets_rebuild_text_and_only_chrome_or_space_is_dropped(text):
    if not text.strip():
        return
    doc = Document(doc_id="p", text=text, paragraphs=paragraphs(text))
    _check_offsets(doc)


def test_reference_offsets(reference_text):
    _check_offsets(document_from_text(reference_text, "ref"))
