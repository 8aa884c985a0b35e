"""The reporting frame: names and titles as placeholders, and how a sentence reports."""

from __future__ import annotations

import time

import pytest

from pipeline.text.frame import frame_tokens, mask_frame, persons
from pipeline.text.normalize import fold_for_model

# fmt: off
MASKS = [
    ("Kết luận buổi làm việc, đồng chí Lò Văn Khánh, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh đề nghị Sở Xây dựng hoàn thành quy hoạch.",
     "Kết luận buổi làm việc, đồng chí xxname, xxtitle đề nghị Sở Xây dựng hoàn thành quy hoạch."),
    ("Bà Đinh Thị Hồng Nhung, Giám đốc Sở Lao động - Thương binh và Xã hội cho biết toàn tỉnh có 1.200 lao động đi làm việc ở nước ngoài.",
     "Bà xxname, xxtitle cho biết toàn tỉnh có 1.200 lao động đi làm việc ở nước ngoài."),
    ("Phó Thủ tướng Trịnh Quang Vinh vừa ký Công điện gửi các tỉnh ven biển.",
     "Phó Thủ tướng xxname vừa ký Công điện gửi các tỉnh ven biển."),
    # titles set off with a dash, as much of the press writes them
    ("Chiều 12/4, ông Hoàng Minh Đức - Phó Chủ tịch HĐND huyện, Trưởng Ban Pháp chế đề nghị các xã hoàn thành di dời dân.",
     "Chiều 12/4, ông xxname, xxtitle đề nghị các xã hoàn thành di dời dân."),
    ("Bà Lý Thị Hạnh– Giám đốc Sở Y tế cho biết sẽ mở thêm hai điểm tiêm.",
     "Bà xxname, xxtitle cho biết sẽ mở thêm hai điểm tiêm."),
    # a dash followed by anything but a title is left as written
    ("Anh Trần Văn Bình - người dân xã Tân Lập cho biết nước đã rút.",
     "Anh xxname - người dân xã Tân Lập cho biết nước đã rút."),
    # places and the leader's name in institutions are not people to hide
    ("Học tập và làm theo tư tưởng Hồ Chí Minh; phối hợp với TP Hồ Chí Minh, Hà Tĩnh và Cao Bằng.",
     "Học tập và làm theo tư tưởng Hồ Chí Minh; phối hợp với TP Hồ Chí Minh, Hà Tĩnh và Cao Bằng."),
]
REPORTS = [
    ("Chiều qua, Chủ tịch UBND tỉnh vừa chỉ đạo Sở Giao thông vận tải khắc phục ngay điểm sạt lở trên quốc lộ 12.", "xxdirreported"),
    ("Bộ trưởng Bộ Nội vụ cũng đã chỉ đạo các địa phương rà soát biên chế.", "xxdirreported"),
    ("Năm 2024, huyện Mường Tè đã tăng cường kiểm tra việc sử dụng đất công ở các xã biên giới.", "xxworkreported"),
    ("Ban quản lý dự án đang phối hợp với xã Nậm Ty hoàn thiện mặt bằng khu tái định cư.", "xxworkreported"),
    ("Cải cách thủ tục hành chính là một trong những nhiệm vụ trọng tâm của năm 2024.", "xximportance"),
    ("UBND tỉnh Kon Tum vừa ban hành Kế hoạch về phát triển du lịch cộng đồng.", "xxissued"),
    ("Sở Tài chính vừa có Công văn số 215/STC-NS gửi các huyện về việc tăng cường quản lý chi ngân sách cuối năm.",
     "xxtitled"),
    ("Ban Thường vụ Huyện ủy ban hành Kết luận số 08-KL/HU ngày 2/3/2025 về đẩy mạnh công tác dân vận.", "xxtitled"),
]
# fmt: on


@pytest.mark.parametrize("text, expected", MASKS)
def test_mask_frame(text, expected):
    assert mask_frame(text) == expected


@pytest.mark.parametrize("text, token", REPORTS)
def test_frame_tokens_name_how_a_sentence_reports(text, token):
    assert token in frame_tokens(fold_for_model(text))


def test_a_plain_directive_has_no_report_token():
    assert frame_tokens(fold_for_model("Tăng cường kiểm tra an toàn thực phẩm tại các bếp ăn tập thể.")) == []


def test_reporting_about_a_subject_is_not_a_document_title():
    # "báo cáo về" after an order is the verb, not a document's subject
    text = "Giám đốc Sở Tài chính yêu cầu các phòng báo cáo về tiến độ giải ngân trước ngày 15/10."
    assert "xxtitled" not in frame_tokens(fold_for_model(text))


def test_persons_leave_places_alone():
    assert [m.group(0) for m in persons("Ông Nguyễn Hữu Thắng làm việc tại Hà Nội và TP Hồ Chí Minh.")] == ["Nguyễn Hữu Thắng"]


@pytest.mark.parametrize("line", [
    "Ông " + "Nguyễn Văn An, " * 20000,
    "đồng chí Lê Văn Tám" + ", Ủy viên Ban Thường vụ Tỉnh ủy" * 20000,
    "đã " * 50000 + "yêu cầu",
    "là nhiệm vụ " * 30000,
    "công văn " * 30000 + "về việc",
    "chỉ thị " + "x" * 200000 + " về",
])
def test_patterns_run_in_linear_time_on_hostile_lines(line):
    start = time.perf_counter()
    mask_frame(line)
    frame_tokens(fold_for_model(line))
    assert time.perf_counter() - start < 20  # generous: a backtracking pattern takes hours here


def test_memoized_prepare_gives_the_same_text_and_forgets_it_after_the_block():
    from pipeline.classify import prepare as P

    texts = ["Sáng 5/3, đồng chí Nguyễn Văn An, Chủ tịch UBND tỉnh yêu cầu các sở rà soát hồ sơ.",
             "Thời gian qua, huyện đã đẩy mạnh ứng dụng chữ ký số."] * 3
    plain = P.prepare(texts, frame=True, position_words=3)
    with P.memoized():
        first = P.prepare(texts, frame=True, position_words=3)
        with P.memoized():  # a nested block shares the outer memo
            again = P.prepare(texts, frame=True, position_words=3)
            assert len(P._memo) == 2
        other = P.prepare(texts, frame=False)  # other settings are other entries
        assert len(P._memo) == 4
    assert first == again == plain and other == P.prepare(texts, frame=False) and other != plain
    assert P._memo is None
