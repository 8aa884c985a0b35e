"""The .xlsx register as an analyst opens and prints it: layout, page setup, the Actors and Places
sheets, and a check in a real spreadsheet application (LibreOffice, headless) that every row shows
its text and every sheet prints one page wide."""

from __future__ import annotations

import os
import random
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pandas as pd
import pytest

from pipeline import register
from pipeline.records import Document, Fields, Labels, Sentence
from pipeline.register.layout import FONT_NAME, line_count, text_width

# Phrases written for these tests; sentences are drawn from them with a fixed seed.
PHRASES = [
    "tăng cường phối hợp giữa các sở, ban, ngành", "đẩy mạnh chuyển đổi số trong cơ quan nhà nước",
    "hoàn thành tuyến đường ven biển nối các huyện", "nâng cao chất lượng khám, chữa bệnh tuyến cơ sở",
    "bảo đảm an ninh, trật tự trên địa bàn khu dân cư", "xây dựng Đảng bộ trong sạch, vững mạnh",
    "thu hút đầu tư vào khu công nghiệp phía tây", "đào tạo nghề cho lao động nông thôn",
    "giải phóng mặt bằng các dự án trọng điểm", "kiểm soát dịch bệnh trên đàn gia súc, gia cầm",
    "Ủy ban nhân dân huyện Đông Sơn", "phát triển du lịch cộng đồng gắn với bảo tồn văn hóa",
    "rà soát, sửa đổi các thủ tục hành chính còn rườm rà", "chỉ đạo quyết liệt, đồng bộ, hiệu quả",
]
ACTORS = ["Sở Giao thông vận tải", "Công an tỉnh", "Sở Y tế", "Ủy ban nhân dân các huyện, thị xã, thành phố", ""]
PLACES = [(), ("Khu kinh tế Đông Nam",), ("huyện Quỳnh Lưu", "thị xã Hoàng Mai"), ("Bắc Trung Bộ",)]


def _sentences(seed: int = 7, docs: int = 3, per_doc: int = 14) -> list[tuple[Sentence, Document]]:
    rng = random.Random(seed)
    out = []
    for d in range(docs):
        doc = Document(doc_id=f"hoi-nghi-tong-ket-cong-tac-nam-2024-so-{d + 1:02d}", text="", source=f"inbox/{d}.txt",
                       title="Hội nghị tổng kết", date="2024-12-20", speaker="Nguyễn Văn An")
        for i in range(1, per_doc + 1):
            n = rng.choice([1, 1, 2, 3, 5, 9])
            text = "; ".join(rng.choice(PHRASES) for _ in range(n)).capitalize() + "."
            commitment = int(rng.random() < 0.8)
            labels = Labels(area=rng.randint(1, 6), area_score=round(rng.random(), 4), commitment=commitment,
                            commitment_score=round(rng.random(), 4), area_alt=0, area_alt_score=0.01, why=("tăng cường",))
            fields = Fields(cue="giao", commitment_type="assignment", actor=rng.choice(ACTORS), action=rng.choice(PHRASES),
                            timeframe=rng.choice(["", "trong năm 2025", "giai đoạn 2025 - 2030"]),
                            deadline_year=rng.choice([None, 2025, 2030]), places=rng.choice(PLACES)) if commitment else None
            out.append((Sentence(doc_id=doc.doc_id, sentence_id=i, paragraph=i, part="speech", start=i * 400,
                                 end=i * 400 + len(text), text=text, labels=labels, fields=fields), doc))
    return out


def _registers(seed: int = 7) -> tuple[pd.DataFrame, pd.DataFrame]:
    every = register.frame([register.row(s, d) for s, d in _sentences(seed)])
    return every[every["commitment"] == 1].reset_index(drop=True), every


@pytest.fixture(scope="module")
def workbook_path(tmp_path_factory) -> Path:
    commitments, every = _registers()
    return register.write(commitments, tmp_path_factory.mktemp("xlsx") / "register.xlsx", sentences=every)


# ---------------------------------------------------------------- layout


def _font_file() -> Path | None:
    found = shutil.which("fc-match") and subprocess.run(["fc-match", "-f", "%{file}", FONT_NAME], capture_output=True, text=True).stdout
    return Path(found) if found and Path(found).is_file() else None


def test_text_widths_match_the_font_applications_draw_with():
    """The width table the row heights rest on agrees with the font (Arial, or Liberation Sans in LibreOffice)."""
    font = _font_file()
    if font is None or "liberation" not in font.name.lower() and "arial" not in font.name.lower():
        pytest.skip(f"no {FONT_NAME} or metric-compatible font here (fc-match: {font})")
    from matplotlib.ft2font import FT2Font, LoadFlags

    face = FT2Font(str(font))
    letters = "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"
    if any(ord(c) not in face.get_charmap() for c in letters + letters.upper()):
        pytest.skip(f"{font} lacks Vietnamese letters (Liberation Sans 1.x); install fonts-liberation2")
    face.set_size(100, 72)
    for text in PHRASES + [p.upper() for p in PHRASES]:
        face.set_text(text, flags=LoadFlags.NO_HINTING)
        real = face.get_width_height()[0] / 64 / 10  # points at 10 pt
        assert real * 0.97 <= text_width(text) <= real * 1.05, text


def test_line_count_breaks_at_spaces_like_the_applications():
    assert line_count("ngắn", 20) == 1
    long = " ".join(PHRASES)
    assert line_count(long, 60) < line_count(long, 30) < line_count(long, 15)
    assert line_count("a\nb\nc", 40) == 3
    assert line_count("x" * 400, 10) > 5  # a word longer than the column breaks inside


def test_every_sheet_prints_landscape_a4_one_page_wide_with_header_and_footer(workbook_path):
    from openpyxl import load_workbook

    book = load_workbook(workbook_path)
    assert book.sheetnames == ["Register", "Summary", "Actors", "Places", "Sentences"]
    for sheet in book.worksheets:
        assert sheet.page_setup.orientation == "landscape", sheet.title
        assert int(sheet.page_setup.paperSize) == int(sheet.PAPERSIZE_A4)
        assert sheet.sheet_properties.pageSetUpPr.fitToPage and int(sheet.page_setup.fitToWidth) == 1
        assert int(sheet.page_setup.fitToHeight) == 0
        assert sheet.print_title_rows == "$1:$1"
        assert "&A" in sheet.oddFooter.left.text and "&P" in sheet.oddFooter.right.text
        assert sheet.page_margins.left <= 0.3
        fonts = {(c.font.name, c.font.sz) for row in sheet.iter_rows(max_row=4) for c in row}
        assert fonts == {(FONT_NAME, 10.0)}, sheet.title
    reg = book["Register"]
    header = [c.value for c in reg[1]]
    doc_id = reg.column_dimensions["A"].width
    longest = max(len(str(c.value)) for c in reg["A"][1:])
    assert doc_id * 2 >= longest  # the id shows whole: on one line, or wrapped once at its hyphens
    assert all(reg.cell(row=r, column=header.index("text") + 1).alignment.wrap_text for r in range(2, 6))
    summary = book["Summary"]
    assert all(c.alignment.wrap_text for c in summary[1])


def test_row_heights_grow_with_the_text(workbook_path):
    from openpyxl import load_workbook

    sheet = load_workbook(workbook_path)["Register"]
    header = [c.value for c in sheet[1]]
    text_col = header.index("text") + 1
    rows = [(len(sheet.cell(row=r, column=text_col).value), sheet.row_dimensions[r].height) for r in range(2, sheet.max_row + 1)]
    shortest, longest = min(rows), max(rows)
    assert longest[1] > 2 * shortest[1]


# ---------------------------------------------------------------- Actors and Places


def _sheet(path: Path, name: str) -> pd.DataFrame:
    return pd.read_excel(path, sheet_name=name, dtype=str, keep_default_na=False)


def test_actors_and_places_sheets_agree_with_the_register(workbook_path):
    reg = register.read(workbook_path)
    expected_actors, expected_places = set(), set()
    for row in reg[reg["commitment"] == 1].itertuples():
        year = "" if pd.isna(row.deadline_year) else str(row.deadline_year)
        key = (row.area_name, row.action, row.timeframe, year, row.doc_id, str(row.sentence_id))
        if row.actor:
            expected_actors.add((row.actor, *key))
        for place in filter(None, row.places.split(" | ")):
            expected_places.add((place, *key))
    actors = _sheet(workbook_path, "Actors")
    places = _sheet(workbook_path, "Places")
    found_actors = set(actors[["actor", "area_name", "action", "timeframe", "deadline_year", "doc_id", "sentence_id"]].itertuples(index=False, name=None))
    found_places = set(places[["place", "area_name", "action", "timeframe", "deadline_year", "doc_id", "sentence_id"]].itertuples(index=False, name=None))
    assert expected_actors and found_actors == expected_actors and len(actors) == len(expected_actors)
    assert expected_places and found_places == expected_places and len(places) == len(expected_places)
    # grouped: every actor's commitments together, by area
    assert actors["actor"].tolist() == sorted(actors["actor"], key=str.casefold)
    assert "" not in set(actors["actor"])


# ---------------------------------------------------------------- in LibreOffice

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_soffice = pytest.mark.skipif(SOFFICE is None or shutil.which("pdftotext") is None,
                                   reason="LibreOffice (soffice) or pdftotext not installed: "
                                          "apt-get install libreoffice-calc poppler-utils fonts-liberation2")


def to_pdf(xlsx: Path, outdir: Path) -> Path:
    """The workbook as LibreOffice Calc prints it (every sheet), with a private profile."""
    profile = outdir / "lo-profile"
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(outdir), str(xlsx)], check=True, capture_output=True, timeout=300)
    pdf = outdir / (xlsx.stem + ".pdf")
    assert pdf.is_file(), "LibreOffice wrote no PDF"
    return pdf


def pdf_pages(pdf: Path) -> list[dict]:
    """Per page: its sheet (from the footer), its words and its text lines with their boxes."""
    html = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    html = re.sub(r"<!DOCTYPE[^>]*>", "", html)
    root = ET.fromstring(html)
    ns = {"x": "http://www.w3.org/1999/xhtml"}
    pages = []
    for page in root.iter("{http://www.w3.org/1999/xhtml}page"):
        height = float(page.get("height"))
        lines = []
        for line in page.iterfind(".//x:line", ns):
            words = [w.text or "" for w in line.iterfind("x:word", ns)]
            box = tuple(float(line.get(k)) for k in ("xMin", "yMin", "xMax", "yMax"))
            lines.append((box, words))
        footer = [w for box, words in lines if box[1] > height - 40 for w in words]
        pages.append({"sheet": footer[0] if footer else "", "lines": lines,
                      "words": [w for _, words in lines for w in words]})
    return pages


def overlapping_lines(lines: list) -> list[tuple]:
    """Pairs of text lines drawn over each other (not merely touching, as a cell's lines do)."""
    found = []
    ordered = sorted(lines, key=lambda item: item[0][1])
    for i, (a, wa) in enumerate(ordered):
        for b, wb in ordered[i + 1:]:
            if b[1] >= a[3]:
                break
            vertical = min(a[3], b[3]) - max(a[1], b[1])
            horizontal = min(a[2], b[2]) - max(a[0], b[0])
            if horizontal > 1 and vertical > 0.4 * min(a[3] - a[1], b[3] - b[1]):
                found.append((" ".join(wa), " ".join(wb)))
    return found


def missing_words(pages: list[dict], texts: list[str]) -> list[str]:
    words = {w for page in pages for w in page["words"]}
    joined = "\x00".join(words)
    return [w for text in texts for w in text.split() if w not in words and w not in joined]


VISIBLE_EDGES = {"Register": ("doc_id", "review_note"), "Sentences": ("doc_id", "review_note"),
                 "Summary": ("doc_id", "Tổng"), "Actors": ("actor", "sentence_id"), "Places": ("place", "sentence_id")}


@pytest.fixture(scope="module")
def rendered(workbook_path, tmp_path_factory):
    if SOFFICE is None or shutil.which("pdftotext") is None:
        pytest.skip("LibreOffice (soffice) or pdftotext not installed")
    return pdf_pages(to_pdf(workbook_path, tmp_path_factory.mktemp("pdf")))


@needs_soffice
def test_libreoffice_prints_every_sheet_one_page_wide(rendered):
    sheets = [p["sheet"] for p in rendered]
    assert set(sheets) == set(VISIBLE_EDGES), sheets
    for number, page in enumerate(rendered, start=1):
        first, last = VISIBLE_EDGES[page["sheet"]]
        text = " ".join(page["words"])
        # the header row repeats on every page; a sheet wider than the page would leave one edge off
        assert first in text and last in text, f"page {number} ({page['sheet']}) lacks {first!r} or {last!r}"


@needs_soffice
def test_libreoffice_shows_every_line_of_every_row(rendered, workbook_path):
    for number, page in enumerate(rendered, start=1):
        assert not overlapping_lines(page["lines"]), f"page {number} ({page['sheet']}): lines drawn over each other"
    reg = register.read(workbook_path)
    assert not missing_words(rendered, reg["text"].tolist() + reg["action"].tolist())


@needs_soffice
def test_the_check_sees_rows_too_short_for_their_text(workbook_path, tmp_path):
    """The register as openpyxl writes it without computed heights overlaps in LibreOffice: the check above can fail."""
    from openpyxl import load_workbook

    book = load_workbook(workbook_path)
    for sheet in book.worksheets:
        for r in range(2, sheet.max_row + 1):
            sheet.row_dimensions[r].height = 13
    short = tmp_path / "short.xlsx"
    book.save(short)
    pages = pdf_pages(to_pdf(short, tmp_path))
    assert any(overlapping_lines(p["lines"]) for p in pages)
