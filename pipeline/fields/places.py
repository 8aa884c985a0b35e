"""Place names in a sentence, on its text: the `places` field.

Three ways a place is named:

* by a name of the gazetteer (`pipeline.fields.gazetteer`), wherever it sits,
  also inside an organisation or a title ("Sở Y tế Nghệ An" -> Nghệ An);
* after an administrative word ("huyện", "xã", "phường", "tỉnh", "TP" ...):
  the capitalised words that follow, known or not, and the list that goes on
  with "," / "và" ("các xã Tân Lập, Hòa Mỹ và Phú Sơn" -> three places); the
  administrative word is left out;
* after a generic word of a site ("Khu kinh tế", "cảng", "cửa khẩu", "thắng
  cảnh", "Quân khu 4"): kept with its word, since the name alone says less.

Runs of capitalised words that begin with a common family name are people
("Nguyễn Văn Bình"), not places. Every regex here runs in linear time.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from pipeline.fields.gazetteer import gazetteer, key
from pipeline.fields.lexicon import norm
from pipeline.text.normalize import canonical_tones


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
SITE_WORDS = frozenset(
    norm(w) for w in (
        "khu kinh tế", "khu công nghiệp", "khu du lịch", "khu chế xuất", "cụm công nghiệp", "cảng hàng không",
        "cảng biển", "cảng", "cửa khẩu quốc tế", "cửa khẩu", "vườn quốc gia", "khu bảo tồn", "sân bay",
        # heritage and landscape sites, which culture and tourism news names by their own names
        "khu di tích", "di tích", "thắng cảnh", "danh thắng", "khu danh thắng", "đèo", "vịnh", "bãi biển",
    )
)  # fmt: skip
NUMBERED_SITES = frozenset((norm("quân khu"), norm("vùng cảnh sát biển"), norm("hải đoàn")))
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
# Bounded runs of spaces: linear even when searched over a line of nothing but spaces.
_LIST_GLUE = re.compile(r"\s{0,5}(?:,\s{0,5}(?:và\s{1,5})?|(?<=\s)và\s{1,5}|;\s{0,5})")
_MAX_NAME = 5  # syllables of a name after an administrative word
# A full stop and a space between two words: a new sentence (a photo credit), not "TP.HCM".
_SENTENCE_GAP = re.compile(r"\.\s")


def _capital(word: str) -> bool:
    return word[:1].isupper()


def _first_words(phrases: frozenset[str] | tuple[str, ...]) -> dict[str, int]:
    out: dict[str, int] = {}
    for phrase in phrases:
        words = phrase.split()
        out[words[0]] = max(out.get(words[0], 0), len(words))
    return out


_SITE_FIRST = _first_words(SITE_WORDS)
_NUMBERED_FIRST = _first_words(NUMBERED_SITES)
_ADMIN_FIRST = _first_words(ADMIN_WORDS)
# "ở", "tại", "cư dân" before a name of two or more capitalised syllables: a place the gazetteer
# may not know ("lễ hội ở Bến Rồng", "tại Đồng Cỏ May"); one capital alone is too often a body or
# a word set in title case.
LOCATIVES = frozenset(norm(w) for w in ("ở", "tại", "cư dân"))
# Heads of a body, a building, a law, an event or a prize, which "tại" often precedes in title case;
# with NOT_NAMES ("Hội", "Nhà", "Trường", "Văn", "Công" …), which stops any name run.
NOT_LOCATIVE_HEADS = frozenset(
    norm(w) for w in (
        "Trạm", "Cung", "Luật", "Khoa", "Viện", "Phòng", "Giải", "Lễ", "Tuần", "Kỳ", "Phiên", "Trụ", "Học",
        "Nghị", "Điều", "Khoản", "Mục", "Chương", "Diễn", "Triển", "Chợ", "Siêu", "Sân", "Bảo", "Thư", "Quảng",
        "Cổng", "Chùa", "Đền", "Tòa",
    )
)  # fmt: skip
_LOCATIVE_FIRST = _first_words(LOCATIVES)
_STARTS = frozenset((*_SITE_FIRST, *_NUMBERED_FIRST, *_ADMIN_FIRST, *SURNAMES, *_LOCATIVE_FIRST))


def find_places(text: str) -> list[Place]:
    """Every place named in `text`, in order (one entry per mention)."""
    g = gazetteer()
    spans = [m.span() for m in _WORD.finditer(text)]
    n = len(spans)
    if not n:
        return []
    folded = canonical_tones(text.lower())
    if len(folded) != len(text):  # cannot happen for NFC text; keep offsets safe anyway
        folded = text.lower()
    low = [folded[s:e] for s, e in spans]
    cap = [text[s].isupper() for s, _ in spans]
    # run_end[k]: end of the run of words joined by a space, a hyphen or a dot that word k is in
    run_end = [n] * n
    for k in range(n - 2, -1, -1):
        run_end[k] = run_end[k + 1] if _JOIN.fullmatch(text[spans[k][1] : spans[k + 1][0]]) else k + 1
    run_end[n - 1] = n

    def joined(i: int, j: int) -> bool:
        """Words i..j-1 are one run."""
        return j <= run_end[i]

    def known(i: int, after_admin: bool = False) -> int:
        """End (word index) of the longest gazetteer name at word i, else i."""
        longest = g.first.get(low[i])
        if longest is None:
            return i
        for j in range(min(i + longest, run_end[i]), i, -1):
            name = " ".join(low[i:j])
            if name in g.names and (cap[i] or name in g.regions) and (after_admin or name not in PEOPLE):
                return j
        return i

    def phrase_at(i: int, phrases: frozenset[str] | tuple[str, ...], first: dict[str, int]) -> int:
        """End of the longest of `phrases` starting at word i, else i."""
        longest = first.get(low[i])
        if longest is None:
            return i
        for j in range(min(i + longest, run_end[i]), i, -1):
            if " ".join(low[i:j]) in phrases:
                return j
        return i

    def name_run(i: int, limit: int = _MAX_NAME) -> int:
        """End of the capitalised name starting at word i (unknown names too), else i."""
        j = known(i, after_admin=True)
        if j > i:
            return j
        if low[i] in SURNAMES or low[i] in NOT_NAMES:  # "tỉnh Phạm Văn A": a person after the title
            return i
        j = i
        while j < min(n, run_end[i]) and j - i < limit and cap[j]:
            if low[j] in NOT_NAMES or (j > i and low[j] in SURNAMES):
                break
            if j > i and _SENTENCE_GAP.match(text, spans[j - 1][1], spans[j][0]):  # "đèo X. Ảnh: …"
                break
            j += 1
        return j

    out: list[Place] = []
    i = 0
    while i < n:
        if low[i] not in g.first and low[i] not in _STARTS:  # most words start nothing
            i += 1
            continue
        j = known(i)
        if j > i + 1 or (j > i and low[i] not in ADMIN_WORDS):  # "TP.HCM" before "TP" + name
            out.append(Place(spans[i][0], spans[j - 1][1], spans[i][0]))
            i = j
            continue
        # site words: "Khu kinh tế Nghi Sơn", "Quân khu 4"
        site = phrase_at(i, SITE_WORDS, _SITE_FIRST)
        if i < site < n and joined(site - 1, site + 1):
            j = name_run(site)
            # one capital and the name goes on in lower case ("di tích Cố đô Huế"): not a name we can cut
            if j == site + 1 and j < n and not cap[j] and joined(site, j + 1):
                j = site
            if j > site:
                out.append(Place(spans[i][0], spans[j - 1][1], spans[i][0]))
                i = j
                continue
        numbered = phrase_at(i, NUMBERED_SITES, _NUMBERED_FIRST)
        if i < numbered < n and low[numbered].isdigit() and joined(numbered - 1, numbered + 1):
            out.append(Place(spans[i][0], spans[numbered][1], spans[i][0]))
            i = numbered + 1
            continue
        admin = phrase_at(i, ADMIN_WORDS, _ADMIN_FIRST)
        if i < admin < n and joined(admin - 1, admin + 1):
            j = name_run(admin) if cap[admin] else admin
            if j == admin and low[admin].isdigit() and low[i] in ("quận", "phường"):
                out.append(Place(spans[i][0], spans[admin][1], spans[i][0]))  # "Quận 1": the number needs its word
                i = admin + 1
                continue
            if j > admin:
                out.append(Place(spans[admin][0], spans[j - 1][1], spans[i][0]))
                i = j
                # the list goes on: "các xã A, B và C"
                while i < n:
                    if not cap[i] or low[i] in NOT_NAMES or low[i] in SURNAMES:
                        break
                    if not _LIST_GLUE.fullmatch(text[spans[i - 1][1] : spans[i][0]]):
                        break
                    k = name_run(i, limit=4)
                    if k == i or (k - i == 1 and low[i] not in g.units and low[i] not in g.names):
                        break
                    out.append(Place(spans[i][0], spans[k - 1][1], spans[i][0]))
                    i = k
                continue
        at = phrase_at(i, LOCATIVES, _LOCATIVE_FIRST)
        if (i < at < n and cap[at] and joined(at - 1, at + 1) and low[at] not in _STARTS
                and low[at] not in NOT_LOCATIVE_HEADS and known(at) == at
                and not (len(low[at]) > 1 and text[spans[at][0] : spans[at][1]].isupper())):  # "tại KCN …", "SEA Games"
            j = name_run(at)
            if j - at >= 2:
                out.append(Place(spans[at][0], spans[j - 1][1], spans[at][0]))
                i = j
                continue
        if low[i] in SURNAMES and cap[i] and i + 1 < n and cap[i + 1] and joined(i, i + 2):
            j = known(i)
            if j <= i + 2:  # a person: skip the name
                j = i + 1
                while j < n and cap[j] and joined(j - 1, j + 1):
                    j += 1
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
