"""Vietnamese cue words and patterns, kept in one place (textacy-style lexicon).

Everything here is matched against canonical text (NFC, canonical tone marks);
see `pipeline.normalize.canonical_tones`.
"""

from __future__ import annotations

import re
import unicodedata

# Upper-case letters, Vietnamese ones included, for patterns that must tell a name or an
# abbreviation ("Minh", "PV") from a word ("phòng"); used case-sensitively.
UPPER = "A-Z" + "".join(
    c for c in map(chr, range(0xC0, 0x1EFA)) if c.isupper() and unicodedata.name(c, "").startswith("LATIN CAPITAL")
)

# ---------------------------------------------------------------- page chrome
# A line that is wholly one of these is web-page furniture, not speech.
CHROME_LINE = re.compile(
    r"""^(?:
        liên\s+kết\s+(?:website|web)
      | lượt\s+(?:truy\s+cập|xem)(?:\s*+[:\-]?\s*+[\d.,]+)?
      | (?:thống\s+kê|truy\s+cập|đang\s+(?:truy\s+cập|online)|online|trực\s+tuyến|hôm\s+nay|hôm\s+qua
         |tuần\s+này|tháng\s+này|tổng(?:\s+(?:số|cộng))?(?:\s+lượt)?(?:\s+truy\s+cập)?|khách|thành\s+viên)
        \s*+:?\s*+[\d.,]*+
      | trang\s+chủ | về\s+trang\s+chủ | sơ\s+đồ\s+(?:trang|site) | giới\s+thiệu | liên\s+hệ | tìm\s+kiếm
      | chia\s+sẻ(?:\s+bài\s+viết)? | share | like | tweet | in\s+(?:bài(?:\s+viết)?|trang) | gửi\s+(?:email|bài\s+viết)
      | bình\s+luận | ý\s+kiến\s+bạn\s+đọc | gửi\s+ý\s+kiến | quay\s+lại | trở\s+về | về\s+đầu\s+trang | lên\s+đầu\s+trang
      | (?:các\s+)?tin\s+(?:liên\s+quan|khác|mới(?:\s+nhất)?|cùng\s+chuyên\s+mục|đã\s+đưa|nổi\s+bật|xem\s+nhiều)
      | bài\s+viết\s+liên\s+quan | xem\s+thêm | đọc\s+thêm | từ\s+khóa\s*:.* | tags?\s*:.* | chuyên\s+mục\s*:.*
      | bản\s+quyền.* | copyright.* | ©.* | ghi\s+rõ\s+nguồn.* | cỡ\s+chữ.* | a\s*[-+]?\s*a\s*[-+]?\s*a
      | facebook | twitter | zalo | youtube | rss | email | print | top
      | [\W_]+
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
# A menu: several short items joined by separators. Checked by splitting at the
# separators (see `is_menu_line`): the regex this replaces backtracked
# exponentially on a menu whose last item was long.
MENU_SEPARATOR = re.compile(r"[|•»>]")
MENU_ITEM_MAX = 30


def is_menu_line(line: str) -> bool:
    """Three or more items joined by |, •, » or >, each at most 30 characters (spaces around
    separators not counted), every item but the last non-empty. Linear in the line."""
    items = MENU_SEPARATOR.split(line)
    if len(items) < 3:
        return False
    first, *middle, last = items
    return (
        0 < len(first) and len(first.rstrip()) <= MENU_ITEM_MAX
        and all(0 < len(item) and len(item.strip()) <= MENU_ITEM_MAX for item in middle)
        and len(last.lstrip()) <= MENU_ITEM_MAX
    )  # fmt: skip

# A counter: a short label and a number ("Hôm nay: 1.234").
COUNTER_LINE = re.compile(r"^[^\W\d_][\w ]{0,30}:\s*+[\d.,]++$")
# A bare date or time ("07/08/2022 10:15", "Thứ bảy, 07/08/2022").
DATE_LINE = re.compile(
    r"^(?:(?:thứ\s+\w+|chủ\s+nhật)\s*+,?\s*+)?(?:ngày\s+)?\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}(?:\s*+[-|,]?\s*+\d{1,2}[:h]\d{2}(?:\s*+(?:gmt|am|pm)[+\d]*+)?)?$",
    re.IGNORECASE,
)
# Headers after which a list of related-news headlines follows.
RELATED_NEWS = re.compile(
    r"""^[>»›\s]{0,4}(?:
        (?:các\s+)?(?:tin|bài(?:\s+viết)?|tin\s+bài|tin,\s+bài)\s+
          (?:liên\s+quan|khác|cùng\s+(?:chuyên\s+mục|chủ\s+đề|danh\s+mục)|đã\s+đưa|mới(?:\s+nhất|\s+hơn)?|nổi\s+bật
           |xem\s+nhiều(?:\s+nhất)?|đọc\s+nhiều(?:\s+nhất)?|tiêu\s+điểm|cũ\s+hơn|mới\s+cập\s+nhật)
      | (?:xem|đọc)\s+(?:thêm|tiếp)(?:\s+(?:tin|bài|video|ảnh))? | cùng\s+chuyên\s+mục | video\s+liên\s+quan
      | có\s+thể\s+bạn\s+(?:quan\s+tâm|chưa\s+đọc) | bạn\s+có\s+thể\s+quan\s+tâm | đừng\s+bỏ\s+lỡ | tin\s+tức\s+khác
    )\s*[:>»›.…]{0,3}$""",
    re.IGNORECASE | re.VERBOSE,
)
# "Xem thêm: <headline>", ">> Tin liên quan: <headline>": a link line, whatever follows.
RELATED_INLINE = re.compile(
    r"^[>»›\s]{0,4}(?:xem\s+thêm|đọc\s+thêm|xem\s+tiếp|đọc\s+tiếp|tin\s+liên\s+quan|bài\s+liên\s+quan|bài\s+viết\s+liên\s+quan)"
    r"\s*(?::|>>|»|›|-|–)\s*\S",
    re.IGNORECASE,
)

# Pieces of a dateline or timestamp line ("Thứ Ba, 14/03/2023 - 09:15 (GMT+7)", "Cập nhật: 09:15
# ngày 14/3/2023", "04/03/2023, 09:36 - Lượt xem: 60"). A line made only of these (and perhaps a
# byline) is chrome when it holds a STAMP_STRONG piece: a date with its year, or a time of day.
STAMP_STRONG = re.compile(
    r"(?<!\d)(?:\d{1,2}\s{0,2}[/.-]\s{0,2}\d{1,2}\s{0,2}[/.-]\s{0,2}\d{2,4}"
    r"|\d{1,2}\s{0,2}tháng\s{1,2}\d{1,2}(?:\s{1,2}năm\s{1,2}\d{4})?"
    r"|\d{1,2}\s{0,2}(?::|h|g|giờ)\s{0,2}\d{2}(?::\d{2})?)(?!\d)",
    re.IGNORECASE,
)
STAMP_PART = re.compile(
    r"""(?<!\w)(?:
        \d{1,2}\s{0,2}[/.-]\s{0,2}\d{1,2}(?:\s{0,2}[/.-]\s{0,2}\d{2,4})?
      | \d{1,2}\s{0,2}tháng\s{1,2}\d{1,2}(?:\s{1,2}năm\s{1,2}\d{4})?
      | \d{1,2}\s{0,2}(?::|h|g|giờ)\s{0,2}\d{2}(?::\d{2})?(?:\s{0,2}(?:am|pm|sa|ch))?
      | (?:gmt|utc)\s{0,2}(?:[+-]\s{0,2}\d{1,2}(?::?\d{2})?)?
      | thứ\s{1,2}(?:hai|ba|tư|năm|sáu|bảy|[2-7]) | chủ\s{1,2}nhật | cn | t[2-7]
      | (?:ngày|lần)\s{1,2}(?:đăng|cập\s{1,2}nhật|xuất\s{1,2}bản|đưa\s{1,2}tin|sửa)
      | cập\s{1,2}nhật(?:\s{1,2}lần\s{1,2}cuối)? | đăng\s{1,2}(?:lúc|ngày|tải|tin) | xuất\s{1,2}bản | thời\s{1,2}gian
      | ngày | lúc | giờ | đăng | năm | (?:\d{1,2}\s{1,2})?(?:phút|giờ|ngày)\s{1,2}trước
      | (?:lượt\s{1,2}(?:xem|đọc|truy\s{1,2}cập|thích|chia\s{1,2}sẻ|nghe)|đã\s{1,2}xem|số\s{1,2}lượt\s{1,2}xem)\s{0,2}:?\s{0,2}[\d.,]{0,12}
      | [\d.,]{1,12}\s{1,2}(?:lượt\s{1,2}(?:xem|đọc|thích|chia\s{1,2}sẻ)|bình\s{1,2}luận)
    )(?!\w)""",
    re.IGNORECASE | re.VERBOSE,
)
# View, like and comment counters ("1.234 lượt xem", "Lượt đọc: 312", "Bình luận (0)"); a line made
# only of these is chrome.
COUNTER_PART = re.compile(
    r"""(?<!\w)(?:
        (?:số\s{1,2})?lượt\s{1,2}(?:xem|đọc|thích|chia\s{1,2}sẻ|nghe|truy\s{1,2}cập)\s{0,2}:?\s{0,2}\(?[\d.,]{1,12}\)?
      | (?:bình\s{1,2}luận|đã\s{1,2}xem|lượt\s{1,2}xem)\s{0,2}:?\s{0,2}\(?[\d.,]{1,12}\)?
      | [\d.,]{1,12}\s{1,2}(?:lượt\s{1,2}(?:xem|đọc|thích|chia\s{1,2}sẻ|nghe)|bình\s{1,2}luận|người\s{1,2}đọc|lượt)
    )(?!\w)""",
    re.IGNORECASE | re.VERBOSE,
)
# Share, print, comment, font-size and listen buttons; a line of nothing else is chrome.
BUTTON_PART = re.compile(
    r"""(?<!\w)(?:
        chia\s{1,2}sẻ(?:\s{1,2}(?:bài\s{1,2}viết|facebook|zalo))? | in\s{1,2}bài(?:\s{1,2}viết)? | in\s{1,2}trang | bản\s{1,2}in | in
      | bình\s{1,2}luận | gửi\s{1,2}(?:bài(?:\s{1,2}viết)?|email|e-mail|ý\s{1,2}kiến|bình\s{1,2}luận|cho\s{1,2}bạn\s{1,2}bè)
      | lưu(?:\s{1,2}(?:bài(?:\s{1,2}viết)?|tin))? | theo\s{1,2}dõi(?:\s{1,2}(?:chúng\s{1,2}tôi|trên))?
      | facebook | twitter | zalo | linkedin | telegram | youtube | tiktok | messenger | email | e-mail | rss
      | copy\s{1,2}link | sao\s{1,2}chép(?:\s{1,2}(?:liên\s{1,2}kết|link|đường\s{1,2}dẫn))? | link | url
      | (?:tăng\s{1,2}|giảm\s{1,2})?cỡ\s{1,2}chữ | phông\s{1,2}chữ | mặc\s{1,2}định | phóng\s{1,2}to | thu\s{1,2}nhỏ | kích\s{1,2}thước\s{1,2}chữ | font | size
      | a\s{0,2}[-+] | a | nghe(?:\s{1,2}(?:bài(?:\s{1,2}viết)?|đọc(?:\s{1,2}bài(?:\s{1,2}viết)?)?|audio|tin))? | đọc\s{1,2}bài
      | tạm\s{1,2}dừng | tải\s{1,2}về | tải\s{1,2}xuống | download | quay\s{1,2}lại | trở\s{1,2}về | trở\s{1,2}lại
      | về\s{1,2}đầu\s{1,2}trang | like | share | tweet | print | thích | báo\s{1,2}lỗi | góp\s{1,2}ý | phản\s{1,2}hồi | đóng
      | \d{1,6}
    )(?!\w)""",
    re.IGNORECASE | re.VERBOSE,
)
# Section names of news sites: a line of several is a category menu; one above the headline is its section.
CATEGORY_PART = re.compile(
    r"""(?<!\w)(?:
        thời\s{1,2}sự | chính\s{1,2}trị | kinh\s{1,2}tế | xã\s{1,2}hội | văn\s{1,2}hóa | thể\s{1,2}thao | giáo\s{1,2}dục
      | y\s{1,2}tế | sức\s{1,2}khỏe | pháp\s{1,2}luật | quốc\s{1,2}phòng | an\s{1,2}ninh | quốc\s{1,2}tế | thế\s{1,2}giới
      | đời\s{1,2}sống | du\s{1,2}lịch | khoa\s{1,2}học | công\s{1,2}nghệ | nông\s{1,2}nghiệp | nông\s{1,2}thôn(?:\s{1,2}mới)?
      | giải\s{1,2}trí | bạn\s{1,2}đọc | video | ảnh | media | multimedia | podcast | infographics? | e-?magazine | longform
      | tin\s{1,2}tức | trong\s{1,2}nước | địa\s{1,2}phương | doanh\s{1,2}nghiệp | tài\s{1,2}chính | bất\s{1,2}động\s{1,2}sản
      | xây\s{1,2}dựng\s{1,2}đảng | trang\s{1,2}chủ | tiêu\s{1,2}điểm | sự\s{1,2}kiện | chuyển\s{1,2}đổi\s{1,2}số
      | môi\s{1,2}trường | lao\s{1,2}động | việc\s{1,2}làm | quân\s{1,2}sự | biển\s{1,2}đảo | nội\s{1,2}chính | phóng\s{1,2}sự
      | ẩm\s{1,2}thực | giao\s{1,2}thông | kinh\s{1,2}doanh | chứng\s{1,2}khoán | quốc\s{1,2}hội | hoạt\s{1,2}động
      | chỉ\s{1,2}đạo\s{1,2}điều\s{1,2}hành | diễn\s{1,2}đàn | góc\s{1,2}nhìn | chuyên\s{1,2}đề | thông\s{1,2}báo
      | tin\s{1,2}(?:trong\s{1,2}tỉnh|trong\s{1,2}nước|quốc\s{1,2}tế|địa\s{1,2}phương|hoạt\s{1,2}động)
      | người\s{1,2}tốt\s{1,2}việc\s{1,2}tốt | cải\s{1,2}cách\s{1,2}hành\s{1,2}chính | dân\s{1,2}vận | mặt\s{1,2}trận
    )(?!\w)""",
    re.IGNORECASE | re.VERBOSE,
)
# Breadcrumb and menu separators between items ("Trang chủ > Thời sự > Chính trị", "Tin tức / Sự kiện").
CRUMB_SEPARATOR = re.compile(r"\s(?:>>?|»|›|/|\||•|→)\s")
# Site footers: tags, copyright, licence, address and contact lines.
FOOTER_LINE = re.compile(
    r"""^(?:
        (?:từ\s+khóa|tags?|chủ\s+đề|địa\s+chỉ|điện\s+thoại|đt|fax|hotline|email|e-mail|website|tổng\s+biên\s+tập
         |phó\s+tổng\s+biên\s+tập|cơ\s+quan\s+chủ\s+quản|chịu\s+trách\s+nhiệm(?:\s+(?:nội\s+dung|xuất\s+bản|chính))?
         |(?:trưởng\s+)?ban\s+biên\s+tập|đơn\s+vị\s+(?:quản\s+lý|thực\s+hiện|chủ\s+quản)|tòa\s+soạn|trụ\s+sở(?:\s+chính)?
         |liên\s+hệ\s+quảng\s+cáo|quảng\s+cáo|văn\s+phòng\s+đại\s+diện)\s*:
      | giấy\s+phép\s+(?:số|hoạt\s+động|xuất\s+bản|thiết\s+lập)
      | (?:bản\s+quyền|copyright|©|\(c\)\s|ghi\s+rõ\s+nguồn|thiết\s+kế\s+(?:bởi|và\s+phát\s+triển)|phát\s+triển\s+bởi
         |cấm\s+sao\s+chép|không\s+được\s+sao\s+chép|powered\s+by)
    ).{0,300}$""",
    re.IGNORECASE | re.VERBOSE,
)
# A line that only mentions a picture or a clip; the line after it is the caption.
IMAGE_MARK = re.compile(
    r"^[\[(]?\s*+(?:chú\s+thích\s+ảnh|(?:hình\s+)?ảnh|hình|photo|image|video|clip|infographic|xem\s+ảnh|phóng\s+to\s+ảnh"
    r"|bấm\s+vào\s+(?:ảnh|hình)\s+để\s+(?:phóng\s+to|xem))\s*+(?:\d{1,2}\s*+)?[\])]?\s*+:?$",
    re.IGNORECASE,
)
# A credit on a line of its own: "Ảnh: Minh Anh", "(Ảnh: TTXVN)", "Nguồn ảnh: …"; the caption is beside it.
CREDIT_LINE = re.compile(
    r"^\(?\s*(?:ảnh|nguồn\s+ảnh|ảnh\s+và\s+video|video|clip|đồ\s+họa|infographic)\s*:\s*[^.!?:;]{1,60}\)?\.?$",
    re.IGNORECASE,
)
# "Theo TTXVN", "Nguồn: Báo …": the source named at the foot of an article.
SOURCE_LINE = re.compile(r"^\(?(?:theo|nguồn(?:\s+tin)?)\s{0,2}:?\s{1,2}[^\s.][^!?:;]{0,70}$", re.IGNORECASE)
# Bylines: "Bài và ảnh: Minh Anh", "Minh Anh (thực hiện)", "Minh Anh - Thu Hà", "PV - CTV".
NAME_PREFIX = re.compile(
    r"^(?:bài\s*(?:và|,|&)\s*ảnh|tin\s*(?:và|,|&)\s*ảnh|bài|tin|ghi\s+chép|thực\s+hiện|tác\s+giả|biên\s+tập)\s*:\s*",
    re.IGNORECASE,
)
NAME_NOTE = re.compile(r"\s{0,3}\([^()]{1,30}\)\s*+$")  # bounded/possessive: linear when searched
NAME_SEPARATOR = re.compile(r"\s{0,3}(?:[-–—,/&]|\s(?:và|với)\s)\s{0,3}")  # bounded: linear when searched
NAME_TOKEN = re.compile(rf"(?:[{UPPER}]\.){{0,2}}[{UPPER}][^\W\d_{UPPER}]{{0,7}}\.?")
# Abbreviations that stand for reporters: "PV", "Nhóm PV", "PV - CTV".
PRESS_ABBREVIATIONS = frozenset({"PV", "CTV", "BTV", "NV", "TTXVN", "VNA", "TG", "P.V", "PTV", "KTV", "NPV", "BBT"})
# Words for the newsroom itself, a byline alone or with the abbreviations above.
PRESS_WORDS = frozenset({"Nhóm", "nhóm", "phóng", "viên", "Phóng", "Ban", "Biên", "biên", "tập", "Tòa", "soạn", "tòa"})

# ------------------------------------------------------------- parts of a page
SALUTATION = re.compile(r"^(?:kính\s+thưa|thưa|kính\s+gửi)\b", re.IGNORECASE)
# "(Thanhhoa.dcs.vn):", "(TTXVN) -", "(Báo Nghệ An) –", "HÀ NỘI -", "Baohatinh.vn -"
DATELINE = re.compile(
    r"^\(?\s*+(?:[\w-]+(?:\.[\w-]+)+|TTXVN|VOV|VTV|Báo\s[^)]{2,40}|Cổng\s[^)]{2,60}|ĐCSVN|Chinhphu\.vn)\s*+\)?\s*+[:\-–—]",
    re.IGNORECASE,
)
# A site tag before a news lead: "XYZO -", "(TTO) -", "HÀ NỘI -", "HÀ NỘI, 5/3 (TTXVN) -". Upper case
# only (case-sensitive), so a sentence that opens with a word and a dash is not taken for one.
SITE_TAG = re.compile(
    rf"^\(?\s{{0,3}}[{UPPER}][{UPPER}&]{{1,9}}(?:\s[{UPPER}]{{1,8}}){{0,2}}\s{{0,3}}\)?"
    r"(?:\s{0,3},\s{0,3}(?:ngày\s{1,3})?\d{1,2}\s{0,3}[/.-]\s{0,3}\d{1,2}(?:\s{0,3}[/.-]\s{0,3}\d{2,4})?)?(?:\s{0,3}\(\s{0,3}[^\W\d_]{2,10}\s{0,3}\))?"
    r"\s{0,2}[-–—:]\s{0,2}(?=[^\W\d_]|\()"
)
# A site name in brackets before a dash: "(Tiền Phong) -", "(Dân Sinh) –".
SITE_NAME_TAG = re.compile(rf"^\(\s{{0,3}}[{UPPER}][^\W\d_]{{0,12}}(?:\s[^\W\d_]{{1,12}}){{0,3}}\s{{0,3}}\)\s{{0,2}}[-–—]\s{{0,2}}(?=[^\W\d_])")
# A dated news opening: "Ngày 9-6,", "Sáng 5/3,", "Chiều ngày 12/4/2024,", "Sáng nay (5/3),",
# "Trong hai ngày 5 và 6/3,", "Tại hội nghị ngày 9/11/2023, …". Always with a date in figures:
# "Hôm nay, …" opens speeches too.
_TIME_OF_DAY = r"(?:sáng|trưa|chiều|tối|đêm|rạng\s{1,3}sáng|cuối\s{1,3}giờ\s{1,3}chiều|đầu\s{1,3}giờ\s{1,3}sáng|sáng\s{1,3}sớm)"
_DAY = r"\d{1,2}(?:\s{0,2}(?:và|-|–|,|đến)\s{0,2}\d{1,2}){0,3}\s{0,2}[/.-]\s{0,2}\d{1,2}(?:\s{0,2}[/.-]\s{0,2}\d{2,4})?"
DATED_OPENING = re.compile(
    rf"""^(?:
        (?:{_TIME_OF_DAY}\s{{1,3}})?(?:hôm\s{{1,3}}nay|hôm\s{{1,3}}qua|nay|qua|mai)?\s{{0,2}}\(\s{{0,3}}(?:thứ\s{{1,3}}\w+,?\s{{0,3}})?(?:ngày\s{{1,3}})?{_DAY}\s{{0,3}}\)
      | (?:{_TIME_OF_DAY}\s{{1,3}})?(?:(?:nay|qua|hôm\s{{1,3}}nay|hôm\s{{1,3}}qua|trong|từ|các)\s{{1,3}})?(?:(?:hai|ba|bốn|\d)\s{{1,3}})?(?:ngày\s{{1,3}})?{_DAY}(?:\s{{1,3}}(?:vừa\s{{1,3}}qua|tới|vừa\s{{1,3}}rồi))?
      | (?:{_TIME_OF_DAY}\s{{1,3}})?(?:ngày\s{{1,3}})?\d{{1,2}}\s{{1,3}}tháng\s{{1,3}}\d{{1,2}}(?:\s{{1,3}}năm\s{{1,3}}\d{{4}})?
      | [^,.;:]{{0,80}}?(?:ngày|sáng|trưa|chiều|tối)\s{{1,3}}{_DAY}
    )\s{{0,2}}[,:]""",
    re.IGNORECASE | re.VERBOSE,
)
# Matched against a stripped line.
CAPTION = re.compile(
    r"(?:^\(?\s{0,3}(?:ảnh(?:\s+minh\s+họa|\s+tư\s+liệu|\s{1,2}\d{1,2})?|nguồn\s+ảnh)\s*:"
    r"|\(\s*ảnh(?:\s+minh\s+họa|\s+tư\s+liệu|\s+internet)?\s*(?::[^)]{0,60})?\)\s{0,3}\.?$"
    rf"|\bảnh\s*:\s*(?-i:[{UPPER}])[\w .,/&-]{{0,60}}\.?$"
    r"|\bảnh\s*:\s*(?:internet|tư\s+liệu|minh\s+họa|sưu\s+tầm|st|nguồn\s+internet)\.?\)?$"
    r"|^ảnh\s+(?:minh\s+họa|tư\s+liệu|chụp\s+màn\s+hình)\b)",
    re.IGNORECASE,
)

# ---------------------------------------------------------- sentence splitting
# Tokens ending in "." that do not end a sentence (compared case-sensitively
# without the final dot). Single capital letters (initials) are handled apart.
ABBREVIATIONS = frozenset(
    """
    TP Tp tp TX Tx TT Tt TS Ts ThS Ths Th.S PGS PGS.TS GS GS.TS BS BSCKII BSCKI CKII CKI KS CN Q P H X
    Mr Mrs Ms Dr St Tr tr v.v vv v.v.v NXB Nxb Nđ ĐT Đt Sđd sđd tp.HCM TP.HCM Đ/c đ/c Ng Ô B.
    """.split()
)
LIST_MARKER = re.compile(
    r"^(?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđ]|(?:Điều|Mục|Chương|Phần|Khoản)\s+[\dIVXLC]+)$"
)
OPENERS = "\"“‘«([{'"
# A photo credit or source after the full stop belongs to the sentence before it.
CREDIT_AFTER = re.compile(r"\(\s*(?:ảnh|nguồn|theo|video|clip)\b", re.IGNORECASE)
CLOSERS = "\"”’»)]}'"

# ------------------------------------------------------------ area lexicon
# Phrases that point to an area, from the label guide and the way officials
# write about each field. The classifier sees matches as extra tokens
# ("xxarea2"), a prior that carries to words the corpus lacks. Lower case,
# canonical tones.
AREA_TERMS: dict[int, tuple[str, ...]] = {
    1: (
        "dịch bệnh", "covid", "sars-cov-0", "vắc-xin", "vắc xin", "vaccine", "tiêm chủng", "mũi tiêm", "liều tiêm",
        "phòng, chống dịch", "phòng chống dịch", "chống dịch", "ổ dịch", "bùng phát", "lây nhiễm", "lây lan",
        "cách ly", "giãn cách", "xét nghiệm", "truy vết", "ca mắc", "ca nhiễm", "dương tính", "f0", "f1",
        "thích ứng an toàn", "sốt xuất huyết", "tay chân miệng", "sởi", "bạch hầu", "cúm a", "h5n1", "đậu mùa khỉ",
        "bệnh dại", "ho gà", "dịch tễ", "khẩu trang", "khử khuẩn", "bình thường mới", "hậu covid", "điều trị bệnh nhân covid",
        "trạng thái bình thường mới", "ban chỉ đạo phòng, chống dịch", "biến chủng", "omicron", "delta", "đại dịch",
    ),
    2: (
        "kinh tế", "tăng trưởng", "grdp", "thu ngân sách", "đầu tư công", "giải ngân", "quy hoạch", "nông nghiệp",
        "nông, lâm nghiệp", "lâm nghiệp", "thủy sản", "nông thôn mới", "ocop", "thiên tai", "bão", "lũ", "ngập lụt",
        "sạt lở", "hạn hán", "xâm nhập mặn", "biến đổi khí hậu", "xúc tiến đầu tư", "thương mại", "xuất khẩu",
        "hạ tầng", "giao thông", "cao tốc", "quốc lộ", "cảng biển", "sân bay", "kinh tế biển", "khu kinh tế",
        "khu công nghiệp", "cụm công nghiệp", "công nghiệp", "du lịch", "dịch vụ", "nông sản", "tiêu thụ",
        "giải phóng mặt bằng", "doanh nghiệp", "dự án", "nguồn lực", "thu hút đầu tư", "năng lượng", "điện gió",
        "môi trường", "đất đai", "tài nguyên", "khoáng sản", "đô thị", "sản xuất", "chăn nuôi", "trồng rừng",
    ),
    3: (
        "cải cách hành chính", "thủ tục hành chính", "một cửa", "môi trường đầu tư", "môi trường kinh doanh",
        "năng lực cạnh tranh", "pci", "par index", "sipas", "papi", "chuyển đổi số", "chính quyền số",
        "chính phủ số", "chính quyền điện tử", "chính phủ điện tử", "kinh tế số", "xã hội số", "dịch vụ công trực tuyến",
        "dịch vụ công", "đô thị thông minh", "cơ sở dữ liệu", "dữ liệu", "đề án 06", "vneid", "định danh điện tử",
        "hồ sơ trực tuyến", "không dùng tiền mặt", "công nghệ thông tin", "nền tảng số", "số hóa", "hạ tầng số",
        "an toàn thông tin", "chữ ký số", "văn bản điện tử", "hành chính công", "trung tâm phục vụ hành chính công",
    ),
    4: (
        "văn hóa", "di tích", "di sản", "lễ hội", "giáo dục", "đào tạo", "trường học", "học sinh", "sinh viên",
        "giáo viên", "bỏ học", "thi tốt nghiệp", "y tế", "bệnh viện", "trạm y tế", "khám, chữa bệnh", "khám chữa bệnh",
        "bảo hiểm y tế", "bảo hiểm xã hội", "an toàn thực phẩm", "nguồn nhân lực", "lao động", "việc làm",
        "dạy nghề", "giáo dục nghề nghiệp", "an sinh xã hội", "giảm nghèo", "hộ nghèo", "người có công",
        "bảo trợ xã hội", "nhà ở xã hội", "đồng bào dân tộc", "thể thao", "thể dục", "khoa học", "công nghệ",
        "báo chí", "gia đình", "trẻ em", "người cao tuổi", "chăm sóc sức khỏe", "dân số", "nhà văn hóa",
    ),
    5: (
        "quốc phòng", "quân sự", "quân khu", "lực lượng vũ trang", "dân quân", "tự vệ", "dự bị động viên",
        "tuyển quân", "giao quân", "nghĩa vụ quân sự", "khu vực phòng thủ", "diễn tập", "biên giới", "biên phòng",
        "chủ quyền", "an ninh", "trật tự", "an toàn xã hội", "tội phạm", "ma túy", "buôn lậu", "gian lận thương mại",
        "hàng giả", "tín dụng đen", "vi phạm pháp luật", "công an", "quân đội", "bộ đội", "an toàn giao thông",
        "phòng cháy", "chữa cháy", "cháy, nổ", "xuất cảnh trái phép", "nhập cảnh trái phép", "khiếu kiện",
        "điểm nóng", "thế lực thù địch", "lừa đảo", "đánh bạc", "cờ bạc", "tệ nạn",
    ),
    6: (
        "xây dựng, chỉnh đốn đảng", "xây dựng đảng", "chỉnh đốn đảng", "hệ thống chính trị", "đảng viên",
        "chi bộ", "cấp ủy", "tổ chức đảng", "đảng bộ", "tinh gọn bộ máy", "tổ chức bộ máy", "tinh giản biên chế",
        "sắp xếp", "cán bộ", "công tác cán bộ", "quy hoạch cán bộ", "luân chuyển", "bổ nhiệm", "kiểm tra, giám sát",
        "ủy ban kiểm tra", "kỷ luật", "tư tưởng, đạo đức, phong cách hồ chí minh", "học tập và làm theo",
        "quan liêu", "tham nhũng", "lãng phí", "tiêu cực", "tự diễn biến", "tự chuyển hóa", "dân vận",
        "mặt trận tổ quốc", "đoàn thể", "dân chủ ở cơ sở", "nghị quyết đại hội", "đại hội đảng", "nền tảng tư tưởng",
        "kết nạp đảng", "sinh hoạt chi bộ", "tự phê bình và phê bình", "nêu gương", "công chức", "viên chức",
    ),
}

# ------------------------------------------------------- commitment cue prior
# Discourse openers that may precede a directive verb ("Thứ hai, đẩy mạnh …").
OPENER = re.compile(
    r"^(?:(?:thứ\s+(?:nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)|một\s+là|hai\s+là|ba\s+là|bốn\s+là|năm\s+là|sáu\s+là"
    r"|trước\s+mắt|đồng\s+thời|bên\s+cạnh\s+đó|ngoài\s+ra|mặt\s+khác|trong\s+thời\s+gian\s+tới|thời\s+gian\s+tới"
    r"|năm\s+0+|trong\s+năm\s+0+|giai\s+đoạn\s+[\d\s-]+|đặc\s+biệt|nhất\s+là|cùng\s+với\s+đó|tiếp\s+theo)\s*[,:]\s*"
    r"|[-–•+*]\s*|\(?[0-9a-zđ]{1,2}[.)]\s+|[ivx]+[.)]\s+)+"
)
# Verbs a subject-less directive starts with (lower case, canonical tones).
DIRECTIVE_VERBS = (
    "tăng cường", "đẩy mạnh", "tiếp tục", "tập trung", "chú trọng", "tạo điều kiện", "rà soát", "khẩn trương",
    "triển khai", "thực hiện", "xây dựng", "nâng cao", "phát huy", "quan tâm", "chỉ đạo", "tổ chức", "kiểm tra",
    "duy trì", "phối hợp", "chủ động", "tích cực", "mở rộng", "hoàn thiện", "đổi mới", "bảo đảm", "đảm bảo",
    "kiên quyết", "thường xuyên", "làm tốt", "thúc đẩy", "huy động", "ưu tiên", "phấn đấu", "quyết tâm", "không để",
    "phải", "cần", "đề nghị", "yêu cầu", "giao", "củng cố", "siết chặt", "xử lý", "đấu tranh", "ngăn chặn",
    "phòng ngừa", "sẵn sàng", "theo dõi", "đôn đốc", "hướng dẫn", "tuyên truyền", "vận động", "khuyến khích",
    "hỗ trợ", "bố trí", "cải thiện", "phát triển", "quán triệt", "nghiên cứu", "đề xuất", "chuẩn bị", "rà soát",
    "sớm", "kịp thời", "nghiêm túc", "quản lý chặt chẽ", "tranh thủ", "khắc phục", "tháo gỡ", "đầu tư", "hoàn thành",
    "giữ vững", "chăm lo", "làm rõ", "cụ thể hóa", "đa dạng hóa", "lãnh đạo", "thống nhất", "cam kết", "kiện toàn",
    "phát động", "bổ sung", "tăng", "giảm", "nhân rộng", "chấn chỉnh", "xem xét", "tuyệt đối không",
)
DIRECTIVE_START = re.compile(
    r"^(?:" + "|".join(sorted(map(re.escape, set(DIRECTIVE_VERBS)), key=len, reverse=True)) + r")(?!\w)"
)
# Cues anywhere in the sentence: a directive, a request, an assignment, a pledge; and report markers.
COMMITMENT_CUES = re.compile(
    r"(?<!\w)(?:đề nghị|yêu cầu|giao|chủ trì|phấn đấu|quyết tâm|cam kết|cần|phải|chỉ đạo|nhấn mạnh|lưu ý|không để)(?!\w)"
)
REPORT_CUES = re.compile(
    r"(?<!\w)(?:đã|được|đạt|hoàn thành|tăng 0|giảm 0|ước đạt|so với|kết quả|tuy nhiên|còn|chưa|vừa|đang)(?!\w)"
)
WISH_CUES = re.compile(r"^(?:chúc|xin chúc|kính chúc|tôi tin|tin tưởng|xin trân trọng|trân trọng|thưa|kính thưa)(?!\w)")
