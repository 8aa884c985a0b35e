"""Document metadata from the text itself: title from the headline, date and speaker from the lead or caption."""

from __future__ import annotations

import re
from collections.abc import Iterable

from pipeline.records import Document

# "sáng ngày 07/8/2022", "ngày 7-8-2022", "Chiều 12/4/2024"
_DATE = re.compile(r"(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*((?:19|20)\d{2})(?!\d)")
_SURNAMES = (
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đào Đoàn Trịnh Đinh Lâm Mai "
    "Trương Lương Hà Tô Vương Cao Lưu Tạ Chu Châu Quách Thái Đàm Lục Hầu Tống Triệu Kiều Giang Nông Lò Vi "
    "Hứa Mạc Tăng Thân La Từ Đồng Khúc Lại Phùng Nghiêm Âu Tôn Văn Lã Ninh Doãn Quan Ông Hoàng Thạch Y"
).split()
_SYLLABLE = r"[A-ZÀ-ỸĐ][a-zà-ỹđ]+"
# A name right after "đồng chí/ông/bà", or followed by a title or by "phát biểu".
_SPEAKER = re.compile(
    r"(?:(?:[Đđ]ồng chí|[Ôô]ng|[Bb]à)\s+(?P<a>(?:" + "|".join(_SURNAMES) + rf")(?:\s{_SYLLABLE}){{1,3}})(?=\s*[,(]|\s+(?:phát biểu|chủ trì|nhấn mạnh|yêu cầu|đề nghị|kết luận)))"
    r"|(?P<b>(?:" + "|".join(_SURNAMES) + rf")(?:\s{_SYLLABLE}){{1,3}})(?=\s+(?:phát biểu|chủ trì|kết luận|nhấn mạnh|yêu cầu|đề nghị|chỉ đạo))"
)


def find_date(texts: Iterable[str]) -> str:
    """The first date stated, as YYYY-MM-DD, or ""."""
    for text in texts:
        for day, month, year in _DATE.findall(text):
            d, m = int(day), int(month)
            if 1 <= d <= 31 and 1 <= m <= 12:
                return f"{year}-{m:02d}-{d:02d}"
    return ""


def find_speaker(texts: Iterable[str]) -> str:
    for text in texts:
        match = _SPEAKER.search(text)
        if match:
            return match.group("a") or match.group("b")
    return ""


# A headline: a short line in sentence case that ends without punctuation.
HEADLINE_MAX_CHARS = 200
HEADLINE_MIN_WORDS = 3
HEADLINE_MAX_WORDS = 35


def find_headline(paragraphs: list[str]) -> str:
    """The first line when it reads as a headline (and more text follows), else ""."""
    if len(paragraphs) < 2:
        return ""
    line = " ".join(paragraphs[0].split())
    words = line.split()
    if not (HEADLINE_MIN_WORDS <= len(words) <= HEADLINE_MAX_WORDS) or len(line) > HEADLINE_MAX_CHARS:
        return ""
    if line[-1] in ".!?…;:,)" or not line[0].isupper() or _DATE.fullmatch(line):
        return ""
    return line


def describe(doc: Document, *, title: str = "", date: str = "") -> dict[str, str]:
    """Title, date and speaker of a document; file metadata first, then the headline, lead and captions.

    The title is the headline cleaning found, else a first line that reads as one. The date
    comes from the lead, then from the page header cleaning dropped (its timestamp line:
    "Thứ Ba, 14/03/2023 - 09:15"), then from the file's metadata.
    """
    front = [doc.text[p.start : p.end] for p in doc.paragraphs if p.part in ("lead", "caption")]
    first = [doc.text[p.start : p.end] for p in doc.paragraphs[:3]]
    headline = next((doc.text[p.start : p.end] for p in doc.paragraphs if p.part == "headline"), "")
    body = next((p.start for p in doc.paragraphs if p.part in ("lead", "speech")), 0)
    header = doc.text[:body]
    return {
        "title": title.strip() or headline or find_headline(first),
        "date": find_date(front or first) or find_date([header]) or date.strip()[:10],
        "speaker": find_speaker(front or first),
    }
