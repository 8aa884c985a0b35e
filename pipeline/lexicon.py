"""Vietnamese cue words and patterns, kept in one place (textacy-style lexicon).

Everything here is matched against canonical text (NFC, canonical tone marks);
see `pipeline.normalize.canonical_tones`.
"""

from __future__ import annotations

import re

# ---------------------------------------------------------------- page chrome
# A line that is wholly one of these is web-page furniture, not speech.
CHROME_LINE = re.compile(
    r"""^(?:
        liên\s+kết\s+(?:website|web)
      | lượt\s+(?:truy\s+cập|xem)(?:\s*[:\-]?\s*[\d.,]+)?
      | (?:thống\s+kê|truy\s+cập|đang\s+(?:truy\s+cập|online)|online|trực\s+tuyến|hôm\s+nay|hôm\s+qua
         |tuần\s+này|tháng\s+này|tổng(?:\s+(?:số|cộng))?(?:\s+lượt)?(?:\s+truy\s+cập)?|khách|thành\s+viên)
        \s*:?\s*[\d.,]*
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
# A menu: several short items joined by separators.
MENU_LINE = re.compile(r"^(?:[^|•»>]{1,30}\s*[|•»>]\s*){2,}[^|•»>]{0,30}$")
# A counter: a short label and a number ("Hôm nay: 1.234").
COUNTER_LINE = re.compile(r"^[^\W\d_][\w ]{0,30}:\s*[\d.,]+$")
# A bare date or time ("07/08/2022 10:15", "Thứ bảy, 07/08/2022").
DATE_LINE = re.compile(
    r"^(?:(?:thứ\s+\w+|chủ\s+nhật)\s*,?\s*)?(?:ngày\s+)?\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}(?:\s*[-|,]?\s*\d{1,2}[:h]\d{2}(?:\s*(?:gmt|am|pm)[+\d]*)?)?$",
    re.IGNORECASE,
)
# Headers after which a list of related-news headlines follows.
RELATED_NEWS = re.compile(
    r"^(?:các\s+)?(?:tin|bài(?:\s+viết)?)\s+(?:liên\s+quan|khác|cùng\s+chuyên\s+mục|đã\s+đưa)\s*:?$",
    re.IGNORECASE,
)

# ------------------------------------------------------------- parts of a page
SALUTATION = re.compile(r"^(?:kính\s+thưa|thưa|kính\s+gửi)\b", re.IGNORECASE)
# "(Thanhhoa.dcs.vn):", "(TTXVN) -", "(Báo Nghệ An) –", "HÀ NỘI -", "Baohatinh.vn -"
DATELINE = re.compile(
    r"^\(?\s*(?:[\w-]+(?:\.[\w-]+)+|TTXVN|VOV|VTV|Báo\s[^)]{2,40}|Cổng\s[^)]{2,60}|ĐCSVN|Chinhphu\.vn)\s*\)?\s*[:\-–—]",
    re.IGNORECASE,
)
CAPTION = re.compile(
    r"(?:^\s*\(?\s*ảnh(?:\s+minh\s+họa)?\s*:|\(\s*ảnh\s*:[^)]*\)\s*$|\bảnh\s*:\s*[\w .,-]{1,60}$|^\s*ảnh\s+minh\s+họa\b)",
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
CLOSERS = "\"”’»)]}'"
