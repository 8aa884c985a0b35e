"""Place names in a sentence, on its text: the `places` field.

Three ways a place is named:

* by a name of the gazetteer (`pipeline.fields.gazetteer`), wherever it sits,
  also inside an organisation or a title ("Sở Y tế Nghệ An" -> Nghệ An);
* after an administrative word ("huyện", "xã", "phường", "tỉnh", "TP" ...):
  the capitalised words that follow, known or not, and the list that goes on
  with "," / "và" ("các xã Tân Lập, Hòa Mỹ và Phú Sơn" -> three places); the
  administrative word is left out;
* after a generic word of a site ("Khu kinh tế", "cảng", "cửa khẩu",
  "Quân khu 4"): kept with its word, since the name alone says less.

Runs of capitalised words that begin with a common family name are people
("Nguyễn Văn Bình"), not places. Every regex here runs in linear time.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from pipeline.fields.gazetteer import gazetteer, key
from pipeline.fields.lexicon import norm


class Place(NamedTuple):
    start: int  # the value's characters in the text
    end: int
    mention_start: int  # with its generic word ("huyện Lâm Sơn")


_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)?")
# What may sit between two syllables of one name.
_JOIN = re.compile(r"\s{1,2}|\s*[-–]\s*|\.\s?")
# Administrative words: the name follows, the word is dropped.
ADMIN_WORDS = frozenset(
    norm(w) for w in (
        "tỉnh", "thành phố", "tp", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn", "đặc khu", "huyện đảo",
        "đảo", "xã đảo", "thủ đô", "vùng", "khu vực", "ấp", "thôn", "bản", "làng", "sông", "núi",
    )
)  # fmt: skip
# Site words: the name follows, the word is kept.
SITE_WORDS = tuple(
    norm(w) for w in (
        "khu kinh tế", "khu công nghiệp", "khu du lịch", "khu chế xuất", "cụm công nghiệp", "cảng hàng không",
        "cảng biển", "cảng", "cửa khẩu quốc tế", "cửa khẩu", "vườn quốc gia", "khu bảo tồn", "sân bay",
    )
)  # fmt: skip
NUMBERED_SITES = (norm("quân khu"), norm("vùng cảnh sát biển"), norm("hải đoàn"))
# Capitalised words that start an organisation or a title, never a place name.
NOT_NAMES = frozenset(
    norm(w).split()[0] for w in (
        "Sở", "Bộ", "Ban", "Cục", "Chi cục", "UBND", "HĐND", "Ủy", "Ủy ban", "Công an", "Văn phòng", "Tỉnh ủy",
        "Thành ủy", "Huyện ủy", "Đảng", "Đảng ủy", "Chủ tịch", "Bí thư", "Giám đốc", "Trường", "Bệnh viện", "Trung tâm",
        "Hội", "Đoàn", "Công ty", "Tổng", "Thủ tướng", "Nhà", "Khu", "Cảng", "Quân", "Đồn", "Đội", "Tổ", "Các",
        "Những", "Tại", "Theo", "Trong", "Ngày", "Năm", "Tháng", "Ông", "Bà", "Covid", "COVID", "Phó", "Trưởng",
        "Chánh", "Tư lệnh", "Thường trực", "Thường vụ", "Ủy viên", "Uỷ viên", "Đại tá", "Thượng tá",
    )
)  # fmt: skip
SURNAMES = frozenset(
    norm(w) for w in (
        "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Ngô",
        "Dương", "Lý", "Đinh", "Trịnh", "Đoàn", "Lương", "Trương", "Mai", "Tô", "Lưu", "Chu", "Lại", "Tạ",
    )
)  # fmt: skip
# Names of a place that name a person more often: a place only after "TP"/"thành phố".
PEOPLE = frozenset({key("Hồ Chí Minh")})
_LIST_GLUE = re.compile(r"\s*(?:,\s*(?:và\s+)?|\s+và\s+|\s*;\s*)")
_MAX_NAME = 5  # syllables of a name after an administrative word


def _capital(word: str) -> bool:
    return word[:1].isupper()


def find_places(text: str) -> list[Place]:
    """Every place named in `text`, in order (one entry per mention)."""
    g = gazetteer()
    words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    n = len(words)
    low = [text[s:e].lower() for s, e in words]

    def joined(i: int, j: int) -> bool:
        """Words i..j-1 are one run (no punctuation but a hyphen or a dot between them)."""
        return all(_JOIN.fullmatch(text[words[k][1] : words[k + 1][0]]) for k in range(i, j - 1))

    def known(i: int, after_admin: bool = False) -> int:
        """End (word index) of the longest gazetteer name at word i, else i."""
        first_capital = _capital(text[words[i][0]])
        for j in range(min(n, i + g.longest), i, -1):
            if not joined(i, j):
                continue
            name = key(text[words[i][0] : words[j - 1][1]])
            if name in g.names and (first_capital or name in g.regions) and (after_admin or name not in PEOPLE):
                return j
        return i

    def phrase_at(i: int, phrases) -> int:
        """End of the longest of `phrases` (normed) starting at word i, else i."""
        best = i
        for j in range(i + 1, min(n, i + 4) + 1):
            if joined(i, j) and " ".join(low[i:j]) in phrases:
                best = j
        return best

    def name_run(i: int, limit: int = _MAX_NAME) -> int:
        """End of the capitalised name starting at word i (unknown names too), else i."""
        j = known(i, after_admin=True)
        if j > i:
            return j
        if low[i] in SURNAMES or low[i] in NOT_NAMES:  # "tỉnh Phạm Văn A": a person after the title
            return i
        j = i
        while j < n and j - i < limit and _capital(text[words[j][0]]) and (j == i or joined(j - 1, j + 1)):
            if low[j] in NOT_NAMES or (j > i and low[j] in SURNAMES):
                break
            j += 1
        return j

    out: list[Place] = []
    seen_until = 0
    i = 0
    while i < n:
        if words[i][0] < seen_until:
            i += 1
            continue
        j = known(i)
        if j > i + 1 or (j > i and low[i] not in ADMIN_WORDS):  # "TP.HCM" before "TP" + name
            out.append(Place(words[i][0], words[j - 1][1], words[i][0]))
            i = j
            continue
        # site words: "Khu kinh tế Nghi Sơn", "Quân khu 4"
        site = phrase_at(i, SITE_WORDS)
        if site > i and site < n and joined(site - 1, site + 1):
            j = name_run(site)
            if j > site:
                out.append(Place(words[i][0], words[j - 1][1], words[i][0]))
                i = j
                continue
        numbered = phrase_at(i, NUMBERED_SITES)
        if numbered > i and numbered < n and low[numbered].isdigit() and joined(numbered - 1, numbered + 1):
            out.append(Place(words[i][0], words[numbered][1], words[i][0]))
            i = numbered + 1
            continue
        admin = phrase_at(i, ADMIN_WORDS)
        if admin > i and admin < n and joined(admin - 1, admin + 1):
            j = name_run(admin) if _capital(text[words[admin][0]]) else admin
            if j == admin and low[admin].isdigit() and low[i] in ("quận", "phường"):
                out.append(Place(words[i][0], words[admin][1], words[i][0]))  # "Quận 1": the number needs its word
                i = admin + 1
                continue
            if j > admin:
                out.append(Place(words[admin][0], words[j - 1][1], words[i][0]))
                i = j
                # the list goes on: "các xã A, B và C"
                while i < n:
                    glue = _LIST_GLUE.fullmatch(text[words[i - 1][1] : words[i][0]])
                    if not glue or not _capital(text[words[i][0]]) or low[i] in NOT_NAMES or low[i] in SURNAMES:
                        break
                    k = name_run(i, limit=4)
                    if k == i or (k - i == 1 and key(text[words[i][0] : words[k - 1][1]]) not in g.units | g.names):
                        break
                    out.append(Place(words[i][0], words[k - 1][1], words[i][0]))
                    i = k
                continue
        if low[i] in SURNAMES and _capital(text[words[i][0]]) and i + 1 < n and _capital(text[words[i + 1][0]]) and joined(i, i + 2):
            j = known(i)
            if j <= i + 2:  # a person: skip the name
                j = i + 1
                while j < n and _capital(text[words[j][0]]) and joined(j - 1, j + 1):
                    j += 1
                i = j
                continue
        j = known(i)
        if j > i:
            out.append(Place(words[i][0], words[j - 1][1], words[i][0]))
            i = j
            continue
        i += 1
    return out


def place_values(text: str) -> tuple[str, ...]:
    """The distinct place names of `text`, as written, in order."""
    values: list[str] = []
    for p in find_places(text):
        value = text[p.start : p.end]
        if value not in values:
            values.append(value)
    return tuple(values)
