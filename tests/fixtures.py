"""Builders for the input formats analysts receive, made from the reference speech."""

from __future__ import annotations

import html
import unicodedata
from pathlib import Path

TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def speech_paragraphs(text: str) -> list[str]:
    """The paragraphs of a transcript without its page chrome (first 4 lines)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[4:]


def to_cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese Windows wrote it: hats and horns precomposed, tones combining."""
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in parts if c in TONE_MARKS)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONE_MARKS))
        out.append(base + tones)
    return "".join(out).encode("cp1258")


def write_docx(paragraphs: list[str], path: Path, title: str = "") -> Path:
    import docx

    document = docx.Document()
    document.core_properties.title = title
    for p in paragraphs:
        document.add_paragraph(p)
    document.save(path)
    return path


def _font() -> Path:
    import matplotlib

    return Path(matplotlib.__file__).parent / "mpl-data" / "fonts" / "ttf" / "DejaVuSans.ttf"


def write_pdf(paragraphs: list[str], path: Path) -> Path:
    """A PDF with a text layer; lines wrap as a word processor wraps them."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", fname=str(_font()))
    pdf.set_font("DejaVu", size=11)
    pdf.add_page()
    for p in paragraphs:
        pdf.multi_cell(0, 6, p)
        pdf.ln(4)
    pdf.output(str(path))
    return path


def write_html(paragraphs: list[str], path: Path, title: str) -> Path:
    """A saved portal page: menus, a visitor counter, related news around the article."""
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    nav = "".join(f'<li><a href="/m{i}">{name}</a></li>' for i, name in enumerate(
        ["Trang chủ", "Giới thiệu", "Tin tức - Sự kiện", "Văn bản", "Liên hệ"]))
    related = "".join(f'<li><a href="/t{i}">{t}</a></li>' for i, t in enumerate(
        ["Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 10", "Khai mạc lễ hội du lịch biển năm 2022", "Tập huấn công tác dân vận"]))
    page = f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{html.escape(title)}</title></head>
<body><header><nav><ul>{nav}</ul></nav><div class="search">Tìm kiếm</div></header>
<main><article><h1>{html.escape(title)}</h1>
{body}
</article></main>
<aside><h3>Tin liên quan</h3><ul>{related}</ul></aside>
<footer><div>Liên kết website</div><div>Lượt truy cập</div><div>Thống kê: 1.983.823</div><div>Online: 38</div>
<p>Bản quyền thuộc về Tỉnh ủy. Ghi rõ nguồn khi phát hành lại thông tin từ website này.</p></footer></body></html>"""
    path.write_text(page, encoding="utf-8")
    return path
