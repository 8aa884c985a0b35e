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
    r"^(?:các\s+)?(?:tin|bài(?:\s+viết)?)\s+(?:liên\s+quan|khác|cùng\s+chuyên\s+mục|đã\s+đưa)\s*:?$",
    re.IGNORECASE,
)

# ------------------------------------------------------------- parts of a page
SALUTATION = re.compile(r"^(?:kính\s+thưa|thưa|kính\s+gửi)\b", re.IGNORECASE)
# "(Thanhhoa.dcs.vn):", "(TTXVN) -", "(Báo Nghệ An) –", "HÀ NỘI -", "Baohatinh.vn -"
DATELINE = re.compile(
    r"^\(?\s*+(?:[\w-]+(?:\.[\w-]+)+|TTXVN|VOV|VTV|Báo\s[^)]{2,40}|Cổng\s[^)]{2,60}|ĐCSVN|Chinhphu\.vn)\s*+\)?\s*+[:\-–—]",
    re.IGNORECASE,
)
CAPTION = re.compile(
    r"(?:^\s*+\(?\s*+ảnh(?:\s+minh\s+họa)?\s*+:|\(\s*+ảnh\s*+:[^()]*+\)\s*+$|\bảnh\s*+:\s*+[\w .,-]{1,60}$|^\s*+ảnh\s+minh\s+họa\b)",
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
