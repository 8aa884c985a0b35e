"""Parts of news pages: headline, lead, caption and speech kept; page chrome dropped.

The pages (tests/pages.py) are written for these tests in the shapes of the provincial and
national press; no line comes from a real page.
"""

from __future__ import annotations

import time

import pandas as pd
import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.ingest.read import document_from_text
from pipeline.text import lines
from pipeline.text.clean import is_chrome, paragraphs
from pipeline.text.segment import sentences
from tests.pages import PAGES, SPEECH, page_text


def parts_of(text: str) -> list[tuple[str, str]]:
    return [(p.part, text[p.start : p.end]) for p in paragraphs(text)]


@pytest.mark.parametrize("name", sorted(PAGES))
def test_every_line_of_a_page_gets_its_part_and_chrome_is_dropped(name):
    page = PAGES[name]
    assert parts_of(page_text(page)) == [(kind, line) for kind, line in page if kind != "chrome"]


@pytest.mark.parametrize("name", sorted(PAGES))
def test_no_line_that_ends_like_a_sentence_is_dropped_for_its_place(name):
    # Lines dropped only because of where they stand (bylines, related headlines, section
    # names) never end like a sentence; whatever does is chrome by its shape alone.
    text = page_text(PAGES[name])
    kept = {line for _, line in parts_of(text)}
    for _, line in PAGES[name]:
        if line not in kept and lines.ends_like_sentence(line):
            assert is_chrome(line), line


def test_lines_after_a_related_marker_stop_being_dropped_at_a_sentence():
    text = page_text([
        ("speech", "Các địa phương phải hoàn thành kế hoạch trước ngày 30/6."),
        ("chrome", "Tin liên quan"),
        ("chrome", "Hội nghị xúc tiến đầu tư vào khu kinh tế ven biển"),
        ("speech", "Sở Tài chính cân đối nguồn vốn cho các công trình cấp bách."),
        ("speech", "Chúng ta cần làm ngay"),
    ])
    assert parts_of(text) == [
        ("speech", "Các địa phương phải hoàn thành kế hoạch trước ngày 30/6."),
        ("speech", "Sở Tài chính cân đối nguồn vốn cho các công trình cấp bách."),
        ("speech", "Chúng ta cần làm ngay"),
    ]


def test_a_plain_speech_keeps_every_line_as_speech():
    text = "\n".join([
        "Hôm nay, chúng ta họp để bàn kế hoạch năm tới.",
        "Ngành giáo dục phải chuẩn bị đủ phòng học trước năm học mới.",
        "Xin cảm ơn các đồng chí",
    ])
    assert [p for p, _ in parts_of(text)] == ["speech"] * 3


def test_a_lead_is_recognised_without_a_headline():
    for first in (
        "(Baobinhson.vn) – Sáng 5/3, Sở Y tế tổ chức tập huấn phòng, chống dịch sốt xuất huyết.",
        "BSO - Chiều qua, Công an tỉnh ra quân bảo đảm trật tự an toàn giao thông dịp lễ.",
        "Ngày 9-6, UBND tỉnh ban hành kế hoạch phòng, chống thiên tai năm 2024.",
        "Trong hai ngày 12 và 13/4, Tỉnh ủy tổ chức hội nghị quán triệt nghị quyết.",
    ):
        text = first + "\nCác sở, ngành triển khai ngay các nhiệm vụ được giao."
        assert [p for p, _ in parts_of(text)] == ["lead", "speech"], first


def test_paragraphs_before_a_late_salutation_are_not_all_lead():
    body = [f"Đoạn báo cáo thứ {i} nêu kết quả của ngành trong năm qua." for i in range(1, 7)]
    text = "\n".join(["Ngày 7/5, Hội đồng nhân dân tỉnh khai mạc kỳ họp thứ tám.", *body, "Thưa các vị đại biểu!"])
    parts = [p for p, _ in parts_of(text)]
    assert parts == ["lead"] + ["speech"] * 7


# fmt: off
TIMESTAMPS = ["Thứ Ba, 14/03/2023 - 09:15", "14/03/2023 09:15 GMT+7", "Cập nhật: 09:15 ngày 14/3/2023",
              "Thứ hai, 06/03/2023, 10:20 (GMT+7)", "Cập nhật, 10:20, Thứ Hai, 06/03/2023 (GMT+7)",
              "06/03/2023 | 10:20", "Đăng lúc 15h30 ngày 28/12/2023", "Chủ nhật, Ngày 10/09/2023 -",
              "Ngày đăng: 08/09/2023 07:45", "05/04/2023, 10:20 - Lượt xem: 1.245", "Thứ 3, 14/3/2023 | 9:15",
              "MINH ANH (thực hiện) 08:30, 02/02/2024", "Minh Anh 08:30, 02/02/2024", "Thứ Tư, 5 tháng 6 năm 2024"]
NOT_TIMESTAMPS = ["Ngày 14/3/2023, UBND tỉnh ban hành kế hoạch phòng, chống dịch.",
                  "Từ 07:00 ngày 5/3, các chốt kiểm soát được dỡ bỏ.", "Năm 2023 là năm bản lề", "Thứ hai, tăng cường quốc phòng."]
BYLINES = ["Minh Anh", "Q.Hải", "T.Hà - V.Long", "PV", "Nhóm PV", "PV - CTV", "Minh Anh - Thu Hà", "Lan Chi, Hoàng Nam và Thu Hà",
           "Bài và ảnh: Lan Chi", "Minh Anh (thực hiện)", "Hồng Vân - Trung tâm Văn hóa - Thông tin huyện",
           "Đức Toàn - Văn phòng Tỉnh ủy", "Nhóm phóng viên", "Minh Anh/TTXVN", "Văn Dũng (Báo Bình Sơn)"]
NOT_BYLINES = ["Xin cảm ơn các đồng chí", "Thưa các đồng chí!", "Kinh tế tăng trưởng khá", "Minh Anh.",
               "NHỮNG NHIỆM VỤ TRỌNG TÂM NĂM 2024", "Kết", "Phát biểu của Bí thư Tỉnh ủy tại Hội nghị tổng kết năm 2023"]
SITE_TAGS = ["(Baobinhson.vn) – Sáng 5/3, Sở Y tế họp.", "BSO - Chiều qua, Công an tỉnh ra quân.",
             "TTO - Ngày 9/6, Bộ Tài chính họp.", "(Chinhphu.vn) - Thủ tướng vừa ký công điện.",
             "VOV.VN - Sáng nay, Quốc hội thảo luận.", "HÀ NỘI, 5/3 (TTXVN) - Bộ Y tế vừa có văn bản.",
             "(TTXVN) - Bộ Công Thương họp.", "(Tiền Phong) - Bộ Công an vừa ra quân."]
NOT_SITE_TAGS = ["Covid-19 - một thách thức lớn với toàn ngành.", "COVID-19 vẫn diễn biến phức tạp.",
                 "UBND tỉnh - cơ quan thường trực - báo cáo.", "Thưa các đồng chí!", "Kinh tế - xã hội tiếp tục phục hồi."]
DATED = ["Ngày 9-6, UBND tỉnh họp.", "Sáng 5/3, Sở Y tế họp.", "Chiều ngày 12/4/2024, Tỉnh ủy họp.",
         "Sáng nay (5/3), Quốc hội họp.", "Trong hai ngày 12 và 13/4, Tỉnh ủy họp.", "Tối 1.5, Công an tỉnh ra quân.",
         "Tại lễ ra quân sáng ngày 07/9/2023, huyện giao chỉ tiêu.", "TTO - Chiều 14/3, Thủ tướng chủ trì họp.",
         "Ngày 5 tháng 3 năm 2024, Sở Nội vụ họp.", "Sáng nay 5/3, Tỉnh ủy họp.", "Ngày 5/3 vừa qua, Sở Y tế họp."]
NOT_DATED = ["Hôm nay, chúng ta họp bàn kế hoạch.", "Năm 2024, tỉnh phấn đấu tăng trưởng 8%.",
             "Sau 3 ngày làm việc, Hội nghị đã hoàn thành chương trình.", "Thưa các đồng chí!"]
CHROME = ["Trang chủ > Thời sự > Chính trị", "Tin tức / Sự kiện", "Xã hội | Giáo dục | Y tế", "Chính trị Kinh tế Xã hội Văn hóa",
          "Cỡ chữ Nhỏ Mặc định Lớn", "Cỡ chữ: A- A A+", "Chia sẻ Facebook Zalo", "Bình luận (0)", "In bài", "Nghe bài viết",
          "Lượt xem: 1.234", "1.234 lượt xem", "Xem thêm: Thủ tướng thăm khu công nghiệp mới", ">> Tin liên quan: Ra quân làm đường",
          "Tin liên quan", "Bài liên quan", "Tin cùng chuyên mục", "Xem thêm", "Có thể bạn quan tâm", "Chú thích ảnh", "[Ảnh]",
          "Từ khóa: nông nghiệp, nông thôn mới", "Tags: cao tốc", "© Bản quyền thuộc về Báo Bình Sơn",
          "Giấy phép số 123/GP-BTTTT do Bộ Thông tin và Truyền thông cấp.", "Tổng Biên tập: Trần Văn Bình",
          "Địa chỉ: 15 Lê Lợi, TP. Bình Sơn", "Điện thoại: (0237) 3.852.111", "Ghi rõ nguồn khi phát hành lại thông tin.",
          "Nhóm PV", "PV - CTV", "Bài và ảnh: Lan Chi", "14/03/2023 09:15 GMT+7", "Nhóm phóng viên",
          "Lượt xem: 1.245 | Bình luận: 0", "Phông chữ", "Xem thêm video", "Đọc tiếp"]
NOT_CHROME = ["Thưa các đồng chí!", "Xin cảm ơn các đồng chí", "Kinh tế - xã hội tiếp tục phục hồi.",
              "Y tế, giáo dục là hai lĩnh vực trọng tâm.", "Chia sẻ kinh nghiệm giữa các tỉnh là cần thiết.",
              "Theo dõi sát diễn biến của bão, chủ động sơ tán dân.", "Tin liên quan đến vụ việc đã được xác minh.",
              "Địa chỉ đỏ của phong trào thi đua là xã Tân Phú.", "Minh Anh", "Phóng viên hỏi Bộ trưởng về giá điện.",
              "Bình luận về dự thảo luật, nhiều đại biểu đồng tình.", "Kinh tế, xã hội, văn hóa.", "Chia sẻ."]
CAPTIONS = ["Quang cảnh hội nghị. (Ảnh: Thanh Hải)", "Đại biểu dự hội nghị. Ảnh: Minh Anh", "Ảnh minh họa",
            "(Ảnh: TTXVN)", "Lãnh đạo tỉnh thăm mô hình. Ảnh: Thanh Vân/TTXVN", "Người dân làm thủ tục (Ảnh minh họa)",
            "Cánh đồng lúa vào vụ thu hoạch. Ảnh: internet", "Ảnh 1: Đoàn công tác thăm nhà máy"]
NOT_CAPTIONS = ["Chúng ta phải xây dựng hình ảnh: thân thiện, chuyên nghiệp.", "Hình ảnh của tỉnh ngày càng đẹp."]
# fmt: on


SOURCES = ["Theo TTXVN", "(Theo TTXVN)", "Nguồn: baochinhphu.vn", "Theo Minh Anh (Báo Bình Sơn)", "Nguồn tin: Công an tỉnh"]
NOT_SOURCES = ["Theo đó, các sở phải báo cáo trước ngày 5/3.", "Theo kế hoạch, công trình hoàn thành trong năm nay."]


# Each check with the lines it must recognise and the lines it must not.
SHAPES = [
    (lines.is_source, SOURCES, NOT_SOURCES),
    (lines.is_timestamp, TIMESTAMPS, NOT_TIMESTAMPS),
    (is_chrome, TIMESTAMPS + CHROME, NOT_TIMESTAMPS + NOT_CHROME),
    (lines.is_byline, BYLINES, NOT_BYLINES),
    (lines.has_site_tag, SITE_TAGS, NOT_SITE_TAGS),
    (lines.has_dated_opening, DATED, NOT_DATED),
    (lines.is_caption, CAPTIONS, NOT_CAPTIONS),
]


@pytest.mark.parametrize(("check", "line", "expected"), [
    pytest.param(check, line, expected, id=f"{check.__name__}-{expected}-{i}")
    for check, yes, no in SHAPES
    for expected, group in ((True, yes), (False, no))
    for i, line in enumerate(group)
])
def test_line_shapes(check, line, expected):
    assert bool(check(line)) is expected


def test_old_tone_marks_are_recognised_too():
    assert is_chrome("Từ khoá: văn hoá, thể thao")
    assert lines.is_caption("Ảnh minh hoạ")


# A budget against exponential backtracking on hostile lines, not a speed test.
HOSTILE = [
    "a | " * 3000 + "x" * 40,
    " " * 20000 + "x",
    "(" * 5000 + "Ảnh" + " " * 5000,
    "1/" * 5000,
    "Thứ hai, " * 2000 + "hôm nay",
    "Minh " * 4000 + ".",
    "Tại " + "a" * 20000 + " ngày 5/3",
    "AB" + " " * 10000 + "-",
    "Xem thêm" + " " * 10000 + "x",
    "ảnh:" + " A" * 8000 + "!",
    "(" + "Ab " * 5000 + ") - x",
    "Sáng nay " + "5/3 và " * 3000,
    "Lượt xem: 1 | " * 3000 + "x",
    "Minh Anh - " * 3000,
]


@pytest.mark.parametrize("line", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_lines_are_handled_in_linear_time(line):
    began = time.perf_counter()
    paragraphs(line + "\n" + line)
    for check in (lines.is_timestamp, lines.is_byline, lines.has_site_tag, lines.has_dated_opening, lines.is_caption, is_chrome):
        check(line)
    assert time.perf_counter() - began < 5.0


def test_headline_gives_the_title_and_the_header_gives_the_date():
    text = page_text([
        ("headline", "Bình Sơn khánh thành cầu vượt sông Lam"),
        ("chrome", "Thứ Sáu, 19/01/2024 - 10:05"),
        ("lead", "BSO - Sáng nay, tỉnh Bình Sơn khánh thành cầu vượt sông sau 18 tháng thi công."),
        ("speech", "Tỉnh yêu cầu chủ đầu tư hoàn thiện đường dẫn trong quý II."),
    ])
    doc = document_from_text(text, "d")
    assert doc.title == "Bình Sơn khánh thành cầu vượt sông Lam"
    assert doc.date == "2024-01-19"
    assert [s.part for s in sentences(doc)] == ["headline", "lead", "speech"]


def test_extract_writes_no_chrome_and_the_parts_of_a_page(tmp_path):
    source = tmp_path / "page.txt"
    source.write_text(page_text(SPEECH), encoding="utf-8")
    out = tmp_path / "register.jsonl"
    result = CliRunner().invoke(cli, ["extract", str(source), "-o", str(out), "--all", "--no-fields", "-w", "1", "-q"])
    assert result.exit_code == 0, result.output
    df = pd.read_json(out, lines=True)
    chrome = [line for kind, line in SPEECH if kind == "chrome"]
    assert not any(c in text for c in chrome for text in df["text"])
    assert df["part"].tolist() == ["headline", "lead", "caption"] + ["speech"] * 5
    assert set(df["title"]) == {"Phát biểu của Bí thư Tỉnh ủy tại Hội nghị tổng kết năm 2023"}
