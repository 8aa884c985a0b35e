"""What a single line of a page looks like, whatever its place on the page.

Each predicate takes one stripped line as written (any tone-mark style) and
answers one question: is it a timestamp, a row of buttons, a menu, a footer,
a byline, a credit, a site-tagged or dated news lead? Where a line sits
(first line, last lines, after "Tin liên quan") is decided in `clean`.
Every pattern is linear: bounded repetitions, no nested unbounded ones; the
"made only of X" tests remove X with one `sub` and look at what is left.
"""

from __future__ import annotations

import re

from pipeline.text import lexicon
from pipeline.text.normalize import canonical_tones

_SEPARATORS = re.compile(r"[\W_]+")
_WORDS = re.compile(r"[^\W\d_]+")
_CAPITALS = re.compile(rf"[{lexicon.UPPER}]{{1,8}}")
MAX_BYLINE_CHARS = 90
MAX_HEADLINE_WORDS = 40


def _only(pattern: re.Pattern[str], line: str) -> tuple[bool, int]:
    """Whether `line` is made only of `pattern` matches and separators; and how many matches."""
    count = 0

    def gone(match: re.Match[str]) -> str:
        nonlocal count
        count += 1
        return " "

    rest = pattern.sub(gone, line)
    return not _SEPARATORS.sub("", rest), count


def ends_like_sentence(line: str) -> bool:
    return line.rstrip().rstrip(lexicon.CLOSERS).endswith((".", "!", "?", "…", ":", ";"))


def is_timestamp(line: str) -> bool:
    """A dateline or timestamp, maybe with a view counter or a byline:
    "Thứ Ba, 14/03/2023 - 09:15", "Cập nhật: 09:15 ngày 14/3/2023 (GMT+7)", "Minh Anh 09:15, 14/3/2023"."""
    line = canonical_tones(line.strip())
    if len(line) > 160 or not lexicon.STAMP_STRONG.search(line):
        return False
    rest = lexicon.STAMP_PART.sub(" ", line)
    rest = lexicon.COUNTER_PART.sub(" ", rest)
    return not _SEPARATORS.sub("", rest) or is_byline(rest.strip(" ,;:-–—|/"), capitals=True)


def is_buttons(line: str) -> bool:
    """Share, print, comment, font-size or listen buttons, alone or in a row ("Cỡ chữ Nhỏ Mặc định Lớn")."""
    line = canonical_tones(line.strip())
    if len(line) > 120 or not _WORDS.search(line) or ends_like_sentence(line):
        return False
    only, _ = _only(lexicon.BUTTON_PART, line)
    return only


def is_counter(line: str) -> bool:
    """View, like or comment counters alone: "1.234 lượt xem", "Lượt xem: 1.245 | Bình luận: 0"."""
    line = canonical_tones(line.strip())
    if len(line) > 120:
        return False
    only, count = _only(lexicon.COUNTER_PART, line)
    return only and count >= 1


def is_menu(line: str) -> bool:
    """A category menu or breadcrumb: section names joined by separators, or three or more in a row."""
    line = canonical_tones(line.strip())
    if len(line) > 200 or ends_like_sentence(line):
        return False
    only, count = _only(lexicon.CATEGORY_PART, line)
    return only and (count >= 3 or (count >= 2 and bool(lexicon.CRUMB_SEPARATOR.search(line))))


def is_section_name(line: str) -> bool:
    """One or two section names ("Thời sự", "Kinh tế - Xã hội"): chrome above a headline only."""
    line = canonical_tones(line.strip())
    if len(line) > 60 or ends_like_sentence(line):
        return False
    only, count = _only(lexicon.CATEGORY_PART, line)
    return only and 1 <= count <= 2


def is_footer(line: str) -> bool:
    """Tags, copyright, licence, address and contact lines of the site."""
    return bool(lexicon.FOOTER_LINE.match(canonical_tones(line.strip())))


def is_related_marker(line: str) -> bool:
    """"Tin liên quan", "Xem thêm", "Bài liên quan": a list of related headlines follows."""
    return bool(lexicon.RELATED_NEWS.match(canonical_tones(line.strip())))


def is_related_link(line: str) -> bool:
    """"Xem thêm: <headline>" on one line."""
    return bool(lexicon.RELATED_INLINE.match(canonical_tones(line.strip())))


def is_image_mark(line: str) -> bool:
    """"Chú thích ảnh", "[Ảnh]", "Video": the picture itself; its caption is next to it."""
    return bool(lexicon.IMAGE_MARK.match(canonical_tones(line.strip())))


def is_credit(line: str) -> bool:
    """A photo or video credit on its own line: "Ảnh: Minh Anh", "(Ảnh: TTXVN)"."""
    return bool(lexicon.CREDIT_LINE.match(canonical_tones(line.strip())))


def is_caption(line: str) -> bool:
    """A photo caption or credit: "… (Ảnh: TTXVN)", "… Ảnh: Minh Anh", "Ảnh minh họa"."""
    return bool(lexicon.CAPTION.search(canonical_tones(line.strip())))


def is_source(line: str) -> bool:
    """"Theo TTXVN", "Nguồn: Báo …" (the source of a reprinted article)."""
    line = line.strip()
    return len(line) <= 80 and bool(lexicon.SOURCE_LINE.match(canonical_tones(line))) and not ends_like_sentence(line)


def _is_name(piece: str, capitals: bool) -> bool:
    tokens = piece.split()
    if not 1 <= len(tokens) <= 4:
        return False
    if " ".join(tokens) in lexicon.PRESS_ABBREVIATIONS or "".join(tokens) in lexicon.PRESS_ABBREVIATIONS:
        return True
    if all(t in lexicon.PRESS_WORDS or t in lexicon.PRESS_ABBREVIATIONS for t in tokens):
        return True
    return all(
        lexicon.NAME_TOKEN.fullmatch(t) or t in lexicon.PRESS_ABBREVIATIONS or (capitals and _CAPITALS.fullmatch(t))
        for t in tokens
    )


def _is_office(pieces: list[str]) -> bool:
    """An office after a reporter's name ("Văn phòng Tỉnh ủy", "Trung tâm Văn hóa - Thông tin huyện")."""
    words = " ".join(pieces).split()
    return 1 <= len(words) <= 9 and bool(lexicon.NAME_TOKEN.match(words[0])) and not any(c in p for p in pieces for c in ".!?:;")


def is_byline(line: str, *, capitals: bool = False) -> bool:
    """One to three reporters' names, maybe with an office or a note:
    "Minh Anh", "T.Hà", "PV", "Nhóm PV", "PV - CTV", "Minh Anh - Thu Hà", "Bài và ảnh: Minh Anh",
    "Minh Anh (thực hiện)", "Thu Hà - Trung tâm Truyền thông tỉnh".

    Only capitalised names qualify ("Minh Anh"), and nothing that ends like a sentence. Names in
    capitals ("MINH ANH") only with a prefix, a note or a timestamp (`capitals`): alone they
    could be a heading.
    """
    line = canonical_tones(line.strip())
    if not line or len(line) > MAX_BYLINE_CHARS or ends_like_sentence(line):
        return False
    prefixed = lexicon.NAME_PREFIX.match(line)
    body = line[prefixed.end() :] if prefixed else line
    unnoted = lexicon.NAME_NOTE.sub("", body).strip()
    capitals = capitals or bool(prefixed) or unnoted != body
    body = unnoted
    if not body:
        return False
    pieces = [p for p in lexicon.NAME_SEPARATOR.split(body) if p.strip()]
    if not 1 <= len(pieces) <= 6:
        return False
    names = [_is_name(p, capitals) for p in pieces]
    if all(names):
        # A lone capitalised word could be a heading ("Kết"); a byline is two syllables, an
        # abbreviation, an initial ("Q.Nhân"), or has a prefix or note.
        return len(body.split()) >= 2 or len(pieces) > 1 or body in lexicon.PRESS_ABBREVIATIONS or "." in body or bool(prefixed) or body != line
    # "Name - Office": one to three names, then the office (which may hold a dash itself).
    first_other = names.index(False)
    return 1 <= first_other <= 3 and _is_office(pieces[first_other:])


def has_site_tag(line: str) -> bool:
    """A lead that opens with the site's tag: "(Baoxyz.vn) –", "XYZO -", "TTO -", "(TTXVN) -", "(Tiền Phong) -"."""
    return bool(lexicon.DATELINE.match(line) or lexicon.SITE_TAG.match(line) or lexicon.SITE_NAME_TAG.match(line))


def is_press_byline(line: str) -> bool:
    """A byline that can be nothing else, wherever it stands: "PV", "Nhóm PV", "PV - CTV",
    "Nhóm phóng viên", "Bài và ảnh: …", "… (thực hiện)"."""
    folded = canonical_tones(line.strip())
    if not is_byline(folded):
        return False
    words = {w for w in re.split(r"[\s\-–,/]+", folded) if w}
    if words <= lexicon.PRESS_ABBREVIATIONS | lexicon.PRESS_WORDS and words & (lexicon.PRESS_ABBREVIATIONS | {"viên", "tập"}):
        return True
    return bool(lexicon.NAME_PREFIX.match(folded)) or folded.endswith(("(thực hiện)", "(ghi)"))


def strip_site_tag(line: str) -> str:
    for pattern in (lexicon.DATELINE, lexicon.SITE_TAG, lexicon.SITE_NAME_TAG):
        match = pattern.match(line)
        if match:
            return line[match.end() :].lstrip(" -–—:")
    return line


def has_dated_opening(line: str) -> bool:
    """A news lead's dated opening, after any site tag: "Ngày 9-6, …", "Sáng 5/3, …", "Chiều nay (5/3), …"."""
    return bool(lexicon.DATED_OPENING.match(canonical_tones(strip_site_tag(line.strip()))))


def is_headline_shape(line: str) -> bool:
    """A headline: a line of a few words with no full stop at the end."""
    words = line.split()
    return 2 <= len(words) <= MAX_HEADLINE_WORDS and not ends_like_sentence(line)
