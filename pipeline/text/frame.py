"""The reporting frame of a news sentence: who said it, with which titles.

Real reports wrap every directive in a frame ("Phát biểu kết luận, đồng chí
Nguyễn Văn An, Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch UBND tỉnh yêu cầu
…"). The label guide says the frame never decides the area, yet its words
("Tỉnh ủy", "Bí thư", a person's name) are strong cues for a bag of n-grams.
`mask_frame` replaces a person's full name and the chain of titles after it
with one placeholder each, so the classifier reads the content and only knows
that a frame was there.

Every pattern here has bounded repetition: linear time on any line.
"""

from __future__ import annotations

import re

NAME_TOKEN = "xxname"
TITLE_TOKEN = "xxtitle"

_SURNAMES = (
    "Nguyễn|Trần|Lê|Phạm|Hoàng|Huỳnh|Phan|Vũ|Võ|Đặng|Bùi|Đỗ|Hồ|Ngô|Dương|Lý|Đinh|Trịnh|Đoàn|Lâm|Mai|Tô|Hà|"
    "Lương|Tạ|Cao|Chu|Lò|Lục|Nông|Triệu|Thái|Quách|Kiều|Tôn|Đào|Vương|Trương|Lưu|Châu|Giang|Khổng|La|Đàm|Y|H'"
)
_CAP = r"[A-ZÀ-ỸĐ][a-zà-ỹđ]+"
# A full name: a surname and two or three more capitalised syllables ("Nguyễn Văn An").
PERSON = re.compile(rf"(?<![\w\-])(?:{_SURNAMES}) {_CAP}(?: {_CAP}){{1,2}}(?![\w])")
# Names of a person that are also the names of places, streets and schools.
NOT_PERSONS = frozenset({"Hồ Chí Minh"})

_TITLE_START = (
    r"(?:Ủy viên|Uỷ viên|Bí thư|Phó Bí thư|Tổng Bí thư|Chủ tịch|Phó Chủ tịch|Thủ tướng|Phó Thủ tướng|Bộ trưởng|"
    r"Thứ trưởng|Trưởng ban|Phó Trưởng ban|Trưởng đoàn|Phó Trưởng đoàn|Giám đốc|Phó Giám đốc|Chánh|Phó Chánh|"
    r"Tư lệnh|Phó Tư lệnh|Chính ủy|Chỉ huy trưởng|Cục trưởng|Tổng cục trưởng|Vụ trưởng|Viện trưởng|Đại biểu|"
    r"Trưởng|Phó)"
)
# A title runs until the verb of the sentence: a reporting verb or an auxiliary
# ("yêu cầu", "cho biết", "đã", "sẽ") is never part of one.
_STOP = (
    r"(?:yêu|chỉ|đề|nhấn|cho|lưu|khẳng|phát|kết|giao|nêu|đánh|chủ|trao|dự|đã|cũng|vừa|sẽ|đang|thăm|làm|chia|"
    r"biểu|ghi|kiến|thông|quán|trả|tặng|chúc|đồng|thì|là|có|được|tại|khi|trong|về|cùng|nói|mong|tin|gửi|ký|"
    r"trình|báo|khảo|tiếp|điều|thay|đại|nhận|bày|tham|dẫn|đến|đi|mới)"
)
_TITLE_WORD = rf"(?!{_STOP}(?![\w]))[^\s,;:.]{{1,40}}"
# ", Title words" repeated after a name, at most 6 titles of at most 12 words. The press
# also sets titles off with a dash ("đồng chí Lê Văn Tám - Bí thư Tỉnh ủy", "Tám– Chủ tịch …").
TITLES = re.compile(rf"(?:\s{{0,3}}[,\-–—]\s{{0,3}}{_TITLE_START}(?:\s{{1,3}}{_TITLE_WORD}){{0,12}}){{1,6}}")


def persons(text: str) -> list[re.Match[str]]:
    """Full names of people in `text`, leaving out names that are also places."""
    return [m for m in PERSON.finditer(text) if m.group(0) not in NOT_PERSONS]


def mask_frame(text: str) -> str:
    """`text` with each person's full name, and the titles right after it, as placeholders."""
    out, last = [], 0
    for match in persons(text):
        if match.start() < last:
            continue
        out.append(text[last : match.start()])
        out.append(NAME_TOKEN)
        last = match.end()
        titles = TITLES.match(text, last)
        if titles and titles.end() > last:
            out.append(f", {TITLE_TOKEN}")
            last = titles.end()
    out.append(text[last:])
    return "".join(out)


# Neither "đã" nor "sẽ" decides whether a sentence commits (label guide, section 2):
# a directive reported in the past still directs ("Chủ tịch đã yêu cầu các sở rà soát hồ sơ"),
# and work reported as done or under way does not ("Thời gian qua, huyện đã đẩy mạnh ứng dụng
# chữ ký số").
# On folded text (lower case, canonical tones), so the classifier sees these as two
# different signals instead of one "đã".
REPORTED_DIRECTIVE = re.compile(
    r"(?<!\w)(?:đã|vừa|cũng|mới|đồng thời)\s+(?:có\s+(?:văn bản|công điện|công văn|chỉ thị|thông báo|ý kiến chỉ đạo|"
    r"ý kiến|quyết định|kết luận)(?:\s+(?:khẩn|số\s+\S+|ngày\s+\S+)){0,3}\s+)?(?:yêu cầu|chỉ đạo|đề nghị|giao|"
    r"chỉ thị|lưu ý|quyết định giao|kêu gọi)(?!\w)"
)
REPORTED_WORK = re.compile(
    r"(?<!\w)(?:đã|đang|được|đã được|đang được|hiện đang|từng bước)\s+(?:\w+\s+){0,2}?(?:tập trung|đẩy mạnh|"
    r"tăng cường|triển khai|quan tâm|chú trọng|nỗ lực|phối hợp|thực hiện|chỉ đạo|lãnh đạo|xây dựng|hoàn thành|"
    r"tổ chức|phát huy|duy trì|đẩy nhanh)(?!\w)"
)
STATEMENT_OF_IMPORTANCE = re.compile(
    r"(?<!\w)là\s+(?:một\s+(?:trong\s+(?:những\s+)?)?)?(?:nhiệm vụ|giải pháp|khâu|yếu tố|điều kiện|vấn đề|"
    r"nội dung|động lực|mục tiêu)\s+(?:\w+\s+){0,2}?(?:quan trọng|trọng tâm|then chốt|cấp bách|hàng đầu|"
    r"thường xuyên|cần thiết|đột phá|lâu dài|cốt lõi)(?!\w)"
)


# Kinds of document the press cites (folded); each pattern below adds the kinds of its own.
_DOCUMENT_KINDS = (
    "nghị quyết", "chỉ thị", "kế hoạch", "quyết định", "công văn", "công điện", "hướng dẫn", "thông báo", "đề án",
    "chương trình", "quy định", "văn bản", "nghị định", "thông tư",
)  # fmt: skip


def _kinds(*extra: str) -> str:
    return "(?:" + "|".join(_DOCUMENT_KINDS + extra) + ")"


# A document reported as issued: a commitment only when the sentence goes on to state
# the action it directs ("… vừa ban hành Công điện số 5 yêu cầu các địa phương …").
DOCUMENT_ISSUED = re.compile(
    r"(?<!\w)(?:vừa|đã|mới|cũng đã|đã chính thức)\s+(?:ký\s+)?(?:ban hành|ký|có|phê duyệt|gửi)\s+(?:\w+\s+){0,2}?"
    + _kinds("luật") + r"(?!\w)"
)


# A document named by its subject ("Công điện số 12 về việc tăng cường …", "Kế hoạch 40 về đẩy
# mạnh …"): the label guide says cue words inside a cited document's title do not
# count, and such subjects are full of them. Marking the subject lets the model learn how
# little they weigh; whether the sentence goes on to order is left to its other words.
# "báo cáo" is left out: after "yêu cầu" it is mostly the verb ("yêu cầu báo cáo về …").
DOCUMENT_SUBJECT = re.compile(
    r"(?<!\w)" + _kinds("kết luận", "tờ trình") + r"(?:\s[^\s,;:.]{1,40}){0,8}?\svề(?:\s+việc)?\s+\w"
)


def frame_tokens(folded: str) -> list[str]:
    """Placeholder tokens for how the sentence reports: a directive, work done, importance, a document
    issued, a document named by its subject."""
    tokens = ["xxdirreported"] * len(REPORTED_DIRECTIVE.findall(folded))
    tokens += ["xxworkreported"] * len(REPORTED_WORK.findall(folded))
    tokens += ["xximportance"] * len(STATEMENT_OF_IMPORTANCE.findall(folded))
    tokens += ["xxissued"] * len(DOCUMENT_ISSUED.findall(folded))
    tokens += ["xxtitled"] * len(DOCUMENT_SUBJECT.findall(folded))
    return tokens
