"""Vietnamese names and cue words for the commitment-field components.

Kept apart from `pipeline.text.lexicon` (which serves cleaning and segmentation) so
the field rules can be read and extended in one place. Everything is written
in canonical form (NFC, canonical tones, as in `pipeline.text.normalize`); matching
is case-insensitive unless noted.
"""

from __future__ import annotations

import re

from pipeline.text.normalize import canonical_tones

# `doc.user_data` key of the Doc's text: `Doc.text` joins every token anew on each read.
DOC_TEXT_KEY = "camket.text"


def norm(text: str) -> str:
    """The matching form of a token or phrase: canonical tones, lower case, single spaces."""
    return " ".join(canonical_tones(text).lower().split())

# ------------------------------------------------------------------ places
# Names the tokenizer keeps whole, so that organisation patterns ("UBND tỉnh
# Nghệ An") see one token per name. The `places` field itself comes from the
# gazetteer (`pipeline.fields.gazetteer`, `pipeline.fields.places`).
# The 63 provinces and centrally-run cities before 2025 (without "tỉnh").
PROVINCES = (
    "Hà Nội", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Thành phố Hồ Chí Minh", "An Giang",
    "Bà Rịa - Vũng Tàu", "Bạc Liêu", "Bắc Giang", "Bắc Kạn", "Bắc Ninh", "Bến Tre", "Bình Dương",
    "Bình Định", "Bình Phước", "Bình Thuận", "Cà Mau", "Cao Bằng", "Đắk Lắk", "Đắk Nông", "Điện Biên",
    "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam", "Hà Tĩnh", "Hải Dương", "Hậu Giang",
    "Hòa Bình", "Hưng Yên", "Khánh Hòa", "Kiên Giang", "Kon Tum", "Lai Châu", "Lâm Đồng", "Lạng Sơn",
    "Lào Cai", "Long An", "Nam Định", "Nghệ An", "Ninh Bình", "Ninh Thuận", "Phú Thọ", "Phú Yên",
    "Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La",
    "Tây Ninh", "Thái Bình", "Thái Nguyên", "Thanh Hóa", "Thừa Thiên Huế", "Tiền Giang", "Trà Vinh",
    "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái",
)  # fmt: skip
REGIONS = (
    "Bắc Trung Bộ", "duyên hải miền Trung", "duyên hải Trung Bộ", "duyên hải Nam Trung Bộ", "Nam Trung Bộ",
    "Tây Nguyên", "đồng bằng sông Cửu Long", "đồng bằng sông Hồng", "miền núi phía Bắc", "Đông Nam Bộ",
    "Tây Bắc", "Đông Bắc",
)  # fmt: skip
# A generic word followed by capitalised words names a place: "huyện Hương Sơn",
# "Khu kinh tế Nghi Sơn", "Cảng Vũng Áng".
PLACE_PREFIXES = (
    "huyện", "thị xã", "thành phố", "quận", "thị trấn", "xã", "phường", "đảo",
    "khu kinh tế", "khu công nghiệp", "khu du lịch", "cảng", "cảng hàng không", "cửa khẩu",
    "cửa khẩu quốc tế", "vườn quốc gia",
)  # fmt: skip
# "Quân khu 4"
NUMBERED_PLACES = ("quân khu",)

# ----------------------------------------------------------- organisations
_FIELDS_OF_GOVERNMENT = (
    "Y tế", "Giáo dục và Đào tạo", "Kế hoạch và Đầu tư", "Giao thông vận tải", "Công Thương",
    "Nông nghiệp và Phát triển nông thôn", "Tài nguyên và Môi trường", "Nội vụ", "Tài chính", "Tư pháp",
    "Thông tin và Truyền thông", "Văn hóa, Thể thao và Du lịch", "Lao động - Thương binh và Xã hội",
    "Khoa học và Công nghệ", "Xây dựng", "Ngoại vụ", "Du lịch", "Văn hóa và Thể thao",
    # the press's short forms, whose "và" must not cut one body in two
    "Nông nghiệp và PTNT", "NN và PTNT", "NN&PTNT", "Tài nguyên và MT", "TN và MT", "TN&MT", "Giáo dục và ĐT",
    "GD và ĐT", "GD&ĐT", "GDĐT", "Kế hoạch và ĐT", "KH và ĐT", "KH&ĐT", "Khoa học và CN", "KH và CN", "KH&CN",
    "Thông tin và TT", "TT và TT", "TT&TT", "LĐ-TB&XH", "LĐTB&XH", "Lao động - TB&XH", "VH-TT&DL", "VHTT&DL",
    "VH, TT&DL", "GTVT", "VH&TT",
)  # fmt: skip
_PARTY_COMMITTEES = ("Tỉnh ủy", "Thành ủy", "Huyện ủy", "Đảng ủy")
# Named bodies: an organisation wherever it appears.
ORG_HEADS = (
    *(f"Sở {f}" for f in _FIELDS_OF_GOVERNMENT),
    *(f"Bộ {f}" for f in _FIELDS_OF_GOVERNMENT if f not in ("Ngoại vụ", "Du lịch", "Văn hóa và Thể thao")),
    # a district's offices ("Phòng Giáo dục và Đào tạo huyện …")
    *(f"Phòng {f}" for f in _FIELDS_OF_GOVERNMENT), "Phòng Tài chính - Kế hoạch", "Phòng Kinh tế - Hạ tầng",
    "Phòng Kinh tế", "Phòng Văn hóa và Thông tin", "Phòng Văn hóa - Thông tin", "Phòng Quản lý đô thị",
    "Bộ Quốc phòng", "Bộ Công an", "Bộ Ngoại giao", "Bộ Chính trị", "Ban Bí thư",
    *(f"{p}{c}" for c in _PARTY_COMMITTEES for p in (
        "", "Ban Thường vụ ", "Ban Chấp hành ", "Văn phòng ", "Ban Tổ chức ", "Ban Tuyên giáo ",
        "Ban Dân vận ", "Ban Nội chính ", "Ủy ban Kiểm tra ", "Ban Kinh tế ")),
    "Ban Chấp hành Đảng bộ", "Đảng bộ", "Ban Chỉ đạo", "Ban Chỉ đạo phòng, chống dịch",
    "Ban Chỉ đạo chuyển đổi số", "Ban Quản lý", "Ban Quản lý Khu kinh tế Nghi Sơn và các khu công nghiệp",
    "UBND", "Ủy ban nhân dân", "HĐND", "Hội đồng nhân dân", "Văn phòng UBND", "Văn phòng Ủy ban nhân dân",
    "Chủ tịch UBND", "Chủ tịch Ủy ban nhân dân", "Thường trực Tỉnh ủy", "Thường trực HĐND",
    "Công an", "Bộ Chỉ huy Quân sự", "Bộ Chỉ huy Bộ đội Biên phòng", "Bộ đội Biên phòng",
    "Ủy ban Mặt trận Tổ quốc Việt Nam", "Mặt trận Tổ quốc Việt Nam", "Tỉnh đoàn", "Hội Nông dân",
    "Hội Liên hiệp Phụ nữ", "Liên đoàn Lao động", "Chính phủ", "Thủ tướng Chính phủ", "Quốc hội",
    "Ngành Y tế", "Ngành Giáo dục", "Đài Phát thanh và Truyền hình",
)  # fmt: skip
# Groups that act only when they sit where an actor goes ("các tỉnh cần ...",
# "đề nghị các địa phương ..."); elsewhere "tỉnh Nghệ An" is a place.
GROUP_HEADS = (
    "tỉnh", "tỉnh ta", "các tỉnh", "hai tỉnh", "ba tỉnh", "02 tỉnh", "03 tỉnh", "các địa phương", "địa phương",
    "hai bên", "các bên", "chúng ta", "các sở, ngành", "các sở, ban, ngành", "các bộ, ngành",
    "các bộ, ngành Trung ương", "các cấp ủy, chính quyền", "các cấp ủy đảng, chính quyền", "các cấp, các ngành",
    "cán bộ, đảng viên", "người đứng đầu", "các lực lượng chức năng", "các cơ sở khám bệnh, chữa bệnh",
    "các đồng chí lãnh đạo", "các đơn vị", "các doanh nghiệp", "các cơ quan, đơn vị", "thành phố",
    "chủ đầu tư", "các chủ đầu tư",
)  # fmt: skip
# What may follow a head inside one organisation name ("UBND tỉnh", "Công an
# các huyện, thị xã, thành phố"); a place may follow these.
LEVELS = (
    "tỉnh", "huyện", "thị xã", "thành phố", "xã", "hai tỉnh", "ba tỉnh", "02 tỉnh", "03 tỉnh", "các tỉnh",
    "các huyện, thị xã, thành phố", "các huyện ven biển", "các huyện", "các cấp", "trên địa bàn",
    "trên địa bàn tỉnh",
)  # fmt: skip
ORG_SUFFIXES = ("liên quan", "có liên quan")
PARTNER_MARKERS = (
    "phối hợp với", "phối hợp chặt chẽ với", "phối kết hợp với", "phối hợp cùng", "cùng với", "hợp tác với",
    "liên kết với", "trao đổi với", "bàn bạc với", "liên hệ với", "làm việc với",
)

# ------------------------------------------------------------------- cues
REQUEST_CUES = ("đề nghị", "yêu cầu", "kiến nghị")
ASSIGNMENT_CUES = ("giao", "giao cho")
LEAD_CUE = "chủ trì"  # "Sở Y tế chủ trì, phối hợp với ..."
PLEDGE_CUES = ("phấn đấu", "quyết tâm", "cam kết", "sẽ", "thống nhất", "sẵn sàng")
MODAL_CUES = ("cần phải", "cần", "phải", "có nhiệm vụ", "có trách nhiệm", "chịu trách nhiệm")
# Directive verbs: a cue at the head of a clause ("Tăng cường ...") or right
# after its actor ("Sở Công Thương khẩn trương ...").
DIRECTIVE_VERBS = (
    "tăng cường", "đẩy mạnh", "đẩy nhanh", "tiếp tục", "tập trung", "chú trọng", "tạo điều kiện", "mở rộng",
    "duy trì", "phối hợp", "nâng cao", "xây dựng", "triển khai", "thực hiện", "rà soát", "hoàn thiện",
    "hoàn thành", "thường xuyên", "tích cực", "chủ động", "khẩn trương", "quan tâm", "ưu tiên", "đổi mới",
    "phát huy", "kiện toàn", "bảo đảm", "đảm bảo", "thúc đẩy", "huy động", "kiểm tra", "đôn đốc", "tổ chức",
    "nghiên cứu", "quán triệt", "siết chặt", "làm tốt", "phát triển", "hỗ trợ", "củng cố", "sắp xếp",
    "giữ vững", "kiên quyết", "cải thiện", "bảo tồn", "luân phiên", "chỉ đạo", "theo dõi", "xử lý",
    "đấu tranh", "sớm", "khuyến khích", "vận động", "nắm chắc", "bảo vệ", "đầu tư", "hướng dẫn",
    "ban hành", "tháo gỡ", "công khai", "giải quyết", "tuyên truyền", "đào tạo", "bố trí", "cải cách",
    "ứng dụng", "giám sát", "khai thác", "ngăn chặn", "phòng ngừa", "sửa đổi", "bổ sung", "nâng cấp",
    "kết nối", "thu hút", "tranh thủ", "đánh giá", "tổng kết", "sơ kết", "chấn chỉnh", "phổ biến",
    "tham mưu", "chuẩn bị", "phát động", "đa dạng hóa", "mở", "lập", "duy tu", "nhân rộng", "trao đổi",
)  # fmt: skip
# "X chỉ đạo Y ...": after a subject, these cues report an order given to Y.
ISSUE_CUES = (
    "chỉ đạo", "chỉ thị", "giao nhiệm vụ cho", "giao nhiệm vụ", "động viên", "kêu gọi", "lưu ý", "nhấn mạnh",
    "khẳng định", "đề ra", "đồng ý cho", "đồng ý",
)  # fmt: skip
# Verbs and adverbs that open a verb phrase: where a subject or an addressee ends.
OTHER_VERBS = (
    "trình", "báo cáo", "kiểm soát", "thành lập", "truy vết", "sàng lọc", "áp dụng", "tiến hành", "gửi", "làm",
    "đưa", "có", "là", "được", "bị", "nắm", "đề ra", "điều tra", "ký", "tham gia", "lãnh đạo", "quản lý",
    "tiếp nhận", "cung cấp", "kịp thời", "nghiêm túc", "nghiêm", "quyết liệt", "đồng loạt", "khẩn cấp", "ngay",
    "không", "chưa", "đã", "đang", "vẫn", "luôn", "cùng", "vừa", "mới", "cũng", "còn", "quyết định", "đồng ý", "nỗ lực", "tuyệt đối", "dừng", "tạm dừng", "cấm",
    "nghiêm cấm", "hạn chế", "yêu cầu", "ra quân", "giữ", "thông báo", "công bố", "chuẩn bị", "xác minh",
    "phân công", "cử", "bàn giao", "thu hồi", "xem xét", "cân nhắc", "thanh tra", "cập nhật", "lắp đặt",
    "phát hiện", "ngừng", "chịu trách nhiệm", "nâng", "giảm", "tăng", "vận hành", "chấp hành", "tuân thủ",
    "đề xuất", "tập huấn", "diễn tập", "tuần tra", "kiểm soát", "truy quét", "ra soát", "giáo dục", "chăm lo",
    "chăm sóc", "cứu hộ", "cứu nạn", "sơ tán", "di dời", "ứng phó", "khắc phục", "phòng", "chống", "phòng chống",
    "phòng, chống", "chú ý", "lưu ý", "quán triệt", "bám sát", "nắm bắt", "đánh giá", "điều chỉnh", "tạo",
    "hoàn tất", "thống kê", "cải tạo", "sửa chữa", "thi công", "bàn", "thảo luận", "tổng hợp", "phê duyệt",
    "coi", "xác định", "nhận", "trao", "đón", "hướng tới", "đạt", "giúp", "góp phần", "thay đổi", "chia sẻ",
    "triệt phá", "trấn áp", "thẩm định", "thẩm tra", "đấu tranh", "kiểm tra", "vào cuộc", "bảo đảm", "đảm bảo",
)  # fmt: skip
# Words after which a noun phrase stops: prepositions and conjunctions of a new phrase.
NP_STOPS = (
    "để", "nhằm", "khi", "nếu", "theo", "về", "đối với", "với", "do", "vì", "trong", "từ", "bằng", "qua", "mà", "thì",
    "nhất là", "đặc biệt là", "trong đó", "kể cả", "bao gồm",
)
# Adverbs between a subject and its cue ("Sở A đã khẩn trương triển khai").
SUBJECT_ADVERBS = (
    "đã", "đang", "sẽ", "vừa", "cũng", "mới", "còn", "luôn", "vẫn", "đều", "cần", "phải", "tiếp tục", "gấp rút",
    "khẩn trương", "nỗ lực", "tích cực", "chủ động", "quyết liệt", "đồng loạt", "kịp thời", "nghiêm túc",
    "thường xuyên", "cần phải", "sẵn sàng", "quyết tâm",
)
# A noun phrase that names who acts starts with one of these (or a capitalised word).
ACTOR_STARTS = (
    "các", "tất cả", "tất cả các", "cả", "mọi", "những", "toàn", "toàn bộ", "từng", "mỗi", "hai", "ba", "bộ", "sở",
    "ban", "ngành", "cấp ủy", "chính quyền", "lực lượng", "đơn vị", "cơ quan", "địa phương", "doanh nghiệp",
    "người", "người dân", "nhân dân", "cán bộ", "đảng viên", "chủ đầu tư", "nhà thầu", "trường", "bệnh viện",
    "học sinh", "sinh viên", "giáo viên", "thanh niên", "hội viên", "đoàn viên", "thủ trưởng", "giám đốc",
    "chủ tịch", "lãnh đạo", "người đứng đầu", "chiến sĩ", "đại diện", "tổ", "đội", "cấp", "ngành chức năng",
    "cơ sở", "hộ", "gia đình", "thí sinh", "cử tri", "công chức", "viên chức", "người lao động", "công an", "ủy ban", "hội đồng", "thành viên", "bí thư", "trưởng", "phó",
    "chánh", "bộ trưởng", "chủ nhiệm", "tổng cục", "cục", "chi cục", "phòng", "trung tâm", "nhà trường",
    "đoàn", "hội", "ngân hàng", "công ty", "tập đoàn", "ubnd", "hđnd", "tỉnh", "thành phố", "huyện", "xã",
)  # fmt: skip
# Words that name a person or body giving an order ("Thủ tướng", "ông", "UBND tỉnh").
ISSUER_STARTS = (
    "thủ tướng", "phó thủ tướng", "chủ tịch", "phó chủ tịch", "bộ trưởng", "thứ trưởng", "bí thư", "phó bí thư",
    "tổng bí thư", "chủ nhiệm", "giám đốc", "phó giám đốc", "trưởng ban", "phó trưởng ban", "chánh văn phòng",
    "tư lệnh", "chính ủy", "đại tướng", "thượng tướng", "trung tướng", "thiếu tướng", "đại tá", "thượng tá",
    "ông", "bà", "đồng chí", "thủ trưởng", "lãnh đạo", "cục trưởng", "tổng cục trưởng", "viện trưởng",
    "hiệu trưởng", "trưởng đoàn", "tổ trưởng", "người phát ngôn", "chủ tịch nước", "tổng thư ký",
    "bộ", "sở", "ban", "cục", "chi cục", "tổng cục", "ubnd", "ủy ban", "hđnd", "hội đồng", "văn phòng",
    "chính phủ", "quốc hội", "tỉnh ủy", "thành ủy", "huyện ủy", "đảng ủy", "công an", "bộ chỉ huy", "bộ chqs",
    "bộ đội", "cảng vụ", "tổ công tác", "đoàn", "trung tâm", "bệnh viện", "trường", "viện", "ngân hàng",
    "mặt trận", "liên đoàn", "hội", "thường trực", "ban thường vụ", "bộ chính trị", "ban bí thư",
    "ban chấp hành", "thanh tra", "tòa án", "viện kiểm sát", "bộ tư lệnh", "phòng", "tỉnh", "thành phố",
    "huyện", "xã", "phường", "ban chỉ đạo", "trưởng", "phó", "người đứng đầu", "cử tri",
)  # fmt: skip
# Titles of a person: what follows them are appositions, not more issuers.
PERSON_TITLES = (
    "thủ tướng", "phó thủ tướng", "chủ tịch", "phó chủ tịch", "bộ trưởng", "thứ trưởng", "bí thư", "phó bí thư",
    "tổng bí thư", "chủ nhiệm", "giám đốc", "phó giám đốc", "trưởng ban", "phó trưởng ban", "chánh văn phòng",
    "tư lệnh", "chính ủy", "đại tướng", "thượng tướng", "trung tướng", "thiếu tướng", "đại tá", "thượng tá",
    "cục trưởng", "tổng cục trưởng", "viện trưởng", "hiệu trưởng", "trưởng đoàn", "chủ tịch nước",
)  # fmt: skip
# Words that open a sentence before its subject ("Để ...", "Theo ...", "Thực hiện ..."): never a name.
INTRO_WORDS = (
    "để", "nhằm", "theo", "trong", "đối với", "về", "việc", "công tác", "đồng thời", "trên", "tuy nhiên", "do đó",
    "nếu", "khi", "sau", "trước", "với", "tại", "từ", "qua", "cùng", "bên cạnh", "ngoài ra", "mặt khác", "đây",
    "đó", "điều", "này", "nay", "hiện nay", "dự kiến", "mục tiêu", "nhiệm vụ", "giải pháp", "nội dung",
    "trước đó", "sau đó", "vì vậy", "do vậy", "như vậy", "ở", "dịp", "nhân dịp", "mới đây", "hôm nay",
)  # fmt: skip
# "Theo chỉ đạo của X, ...": X is quoted.
QUOTED_ORDER = re.compile(
    r"theo\s+(?:ý\s+kiến\s+)?(?:chỉ\s+đạo|yêu\s+cầu|đề\s+nghị|kết\s+luận|chỉ\s+thị)\s+của\s+",
    re.IGNORECASE,
)
# "<the task> là yêu cầu vừa được X đưa ra": X gave the order.
# '"<quoted task>", đó là chỉ đạo của X …': X likewise.
PASSIVE_ORDER = re.compile(
    r"(?<!\w)là\s+(?:yêu\s+cầu|chỉ\s+đạo|đề\s+nghị|nhiệm\s+vụ)\s+(?:(?:vừa|đã|mới)\s+)?được\s+"
    r"|(?<!\w)(?:đó|đây)\s+(?:cũng\s+)?là\s+(?:yêu\s+cầu|chỉ\s+đạo|đề\s+nghị|kết\s+luận)\s+của\s+",
    re.IGNORECASE,
)
OF = re.compile(r"\s{0,10},?\s{0,10}của\s+")  # bounded: linear when searched over a run of spaces
# Who speaks for himself: no issuer.
FIRST_PERSON = ("tôi", "chúng tôi", "chúng ta", "tỉnh ta", "ta", "mình", "chúng tôi cũng")
# Words between an issuer and its cue that are not part of the issuer's name.
ISSUER_STOPS = (
    "đã", "cũng", "vừa", "tiếp tục", "đồng thời", "có", "khi", "tại", "trong", "sau khi", "đang", "còn", "thì", "luôn",
    "mới", "vẫn", "sẽ", "liên tục", "nhiều lần", "trực tiếp",
    # what a quoted document does: "Quy định 05 của Ban Bí thư nêu rõ: …"; "… được X đặt ra cho Y"
    "nêu", "nêu rõ", "chỉ rõ", "ghi rõ", "xác định", "đặt ra", "đưa ra",
)  # fmt: skip
# Pairs written with a comma inside one body's name ("Ban Chỉ đạo phòng, chống thiên tai"): not a list.
# Only right after the head of such a name ("Ban Chỉ đạo (quốc gia) phòng, chống …", "Cục Quản lý khám, chữa
# bệnh"), so that "Sở Y tế phòng, chống dịch hiệu quả" keeps its verbs. The second word by its first syllable,
# however the tokenizer joined it ("chữa bệnh", "cứu nạn").
NAME_PAIR_HEADS = ("chỉ đạo", "chỉ huy", "quản lý", "trung tâm", "đội", "tổ", "hội đồng", "ban", "tiểu ban")
NAME_COMMA_PAIRS = (("phòng", "chống"), ("khám", "chữa"), ("phòng", "chữa"), ("cứu hộ", "cứu"), ("tìm kiếm", "cứu"))
# A word before "đề nghị"/"yêu cầu" that makes it a noun ("theo đề nghị của").
NOUN_MARKERS = ("theo", "đáp ứng", "các", "những", "mọi", "với", "là")

# ------------------------------------------------------------------ clauses
# A clause opens with these before its verb ("Thứ hai, đẩy mạnh ...").
_INTRO = r"(?:thứ\s+(?:nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)|trước\s+mắt|bên\s+cạnh\s+đó|đồng\s+thời|ngoài\s+ra|mặt\s+khác|trong\s+đó|cụ\s+thể|theo\s+đó|do\s+đó|vì\s+vậy|vì\s+thế|cùng\s+với\s+đó|tới\s+đây|sắp\s+tới|bên\s+cạnh|mặt\s+khác|tiếp\s+đó|sau\s+đó|qua\s+đó|từ\s+đó|trên\s+cơ\s+sở\s+đó|như\s+vậy)\s*,\s*|(?:[-–•+]|\d{1,2}[.)]|[a-zđ]\))\s+"
INTRO = re.compile(_INTRO, re.IGNORECASE)
# The leading verb phrase ends at clause punctuation or where a new clause of
# purpose, focus or manner begins.
ACTION_END = re.compile(
    r"(?:[;:!?]|\.(?=\s|$)|…|(?<!\s)\s++nhằm\s|,\s*+(?:để|góp\s+phần|gắn\s+với|nhất\s+là|đặc\s+biệt\s+là|trong\s+đó|"
    r"trọng\s+tâm\s+là|bảo\s+đảm|đảm\s+bảo|với\s+phương\s+châm|trên\s+cơ\s+sở|qua\s+đó|từ\s+đó|phấn\s+đấu|"
    r"quyết\s+tâm|trước\s+hết)\b)",
    re.IGNORECASE,
)
# A ";"-segment that only announces a list ("trọng tâm là:") holds no action.
LIST_INTRO = re.compile(r"^\s*(?:trọng\s+tâm|cụ\s+thể|bao\s+gồm|gồm)\b.{0,20}$", re.IGNORECASE)

# ------------------------------------------------------------- timeframes
_YEAR = r"(?:19|20)\d\d"
_ROMAN = r"(?:I{1,3}|IV)"
_DATE = r"\d{1,2}/\d{1,2}/" + _YEAR
_SPAN = _YEAR + r"\s*[-–]\s*" + _YEAR
_VISION = r"(?:\s*,\s*(?:tầm\s+nhìn|định\s+hướng)\s+đến\s+năm\s+" + _YEAR + r")?"
_DAY = r"\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*" + _YEAR + r")?(?![\d/])"  # 30/6, 30/6/2024, 30.6.2024
_DAY_WORDS = r"\d{1,2}\s+tháng\s+\d{1,2}(?:\s+năm\s+" + _YEAR + r")?"  # 30 tháng 6 năm 2024
_ON_DAY = rf"(?:(?:\d{{1,2}}\s+giờ(?:\s+\d{{1,2}})?\s+)?ngày\s*(?:{_DAY}|{_DAY_WORDS}))"
_MONTH = rf"tháng\s+\d{{1,2}}(?:\s*/\s*{_YEAR}|\s+năm\s+{_YEAR})?"
_QUARTER = rf"quý\s+(?:{_ROMAN}|[1-4])(?:\s*/\s*{_YEAR}|\s+năm\s+{_YEAR})?"
_HALF = rf"\d{{1,2}}\s+tháng\s+(?:đầu|cuối)\s+năm(?:\s+{_YEAR})?|những\s+tháng\s+(?:đầu|cuối)\s+năm(?:\s+{_YEAR})?"
_YEAR_END = rf"(?:cuối|đầu|giữa)\s+năm(?:\s+{_YEAR})?"
_POINT = rf"(?:{_ON_DAY}|{_QUARTER}|{_HALF}|{_MONTH}|{_YEAR_END}|năm\s+{_YEAR}|{_DAY})"
# Dated timeframes first: when a sentence has several, the one with a date or year wins.
TIMEFRAME_DATED = re.compile(
    r"(?<!\w)(?:"
    rf"(?:thời\s+kỳ|giai\s+đoạn|nhiệm\s+kỳ)\s+{_SPAN}{_VISION}"
    rf"|(?:kể\s+)?từ\s+(?:nay|{_POINT})\s*(?:đến|tới|[-–])\s*(?:hết\s+|trước\s+)?{_POINT}"
    rf"|(?:kể\s+)?từ\s+{_ON_DAY}"
    rf"|chậm\s+nhất\s+(?:là\s+)?(?:(?:trước|vào|trong)\s+)?(?:{_POINT})"
    rf"|(?:trước|đến\s+hết|đến|trong|vào|sau|ngay\s+trong)\s+(?:{_ON_DAY}|{_QUARTER}|{_HALF}|{_MONTH}|{_YEAR_END}|năm\s+{_YEAR}{_VISION})"
    rf"|{_QUARTER}|{_HALF}"
    rf"|(?:(?<=^)|(?<=;\s))năm\s+{_YEAR}(?=\s*,)"  # "Năm 2025, ...": a year alone only where it opens the sentence
    r")(?!\w)",
    re.IGNORECASE,
)
# The year of the tasks or targets a sentence sets ("các chỉ tiêu kế hoạch năm 2024", "nhiệm vụ huấn
# luyện năm 2023"): group 1. Only after these nouns, so a document's or an event's year is not taken.
TIMEFRAME_PLAN_YEAR = re.compile(
    r"(?<!\w)(?:nhiệm\s+vụ|chỉ\s+tiêu|kế\s+hoạch|mục\s+tiêu)(?:\s+(?:[^\W\d]+|[-–])){0,6}?\s+(năm\s+" + _YEAR + r")(?![\w/])",
    re.IGNORECASE,
)
TITLE_OPENING = re.compile(r"(?<!\w)về(?!\w)", re.IGNORECASE)  # a cited document's title starts: "… số 12-CT/TU về …"
# Where a cited document's title has ended: ";" or "." (not inside a date), or a comma before the main
# clause's subject ("Thực hiện Kế hoạch số 15/KH-UBND về …, UBND các huyện phải …").
TITLE_END = re.compile(r"[;.](?!\d)|,\s+(?=(?:UBND|HĐND|Ủy ban|Sở|Bộ|Ban|Tỉnh ủy|Thành ủy|Huyện ủy|các|những|mỗi|toàn)(?!\w))")
# A year whose tasks are reviewed, not set: "kết quả thực hiện kế hoạch năm 2023", "tổng kết nhiệm vụ năm 2023".
PLAN_REVIEWED = re.compile(
    r"(?<!\w)(?:kết\s+quả|tổng\s+kết|sơ\s+kết|đánh\s+giá|báo\s+cáo|nghe)(?:\s+[^\W\d]+){0,3}\s*$", re.IGNORECASE
)
TIMEFRAME_VAGUE = re.compile(
    r"(?<!\w)(?:(?:hằng|hàng)\s+(?:năm|quý|tháng|tuần|ngày)|(?:trong\s+)?thời\s+gian\s+tới|trước\s+mắt"
    r"|định\s+kỳ\s+\d+\s+tháng(?:\s+một\s+lần)?|năm\s+tới|ngay\s+lập\s+tức|ngay\s+từ\s+đầu"
    r"|(?:trong\s+)?(?:đợt|dịp)\s+(?:cao\s+điểm|nghỉ\s+lễ|lễ|hè|quốc\s+khánh|giỗ\s+tổ)(?:\s+(?:này|[A-ZĐ]\w*(?:\s+[A-ZĐ0-9][\w/]*)*))?"
    # its days and length: "dịp nghỉ lễ 30/4 - 1/5 (5 ngày)"
    r"(?:\s+\d{1,2}/\d{1,2}(?:\s*[-–]\s*\d{1,2}/\d{1,2})?)?(?:\s*\(\d{1,2}\s+ngày\))?"
    r"|ngay\s+(?:sau|trước)\s+khi\s+(?:\w+\s+){0,5}?\w+(?=\s*[,.;]|\s*$)"
    r"|trước\s+\d+\s+(?:ngày|giờ|tuần|tháng)(?:\s+hết\s+hạn)?"
    r"|(?:trong\s+thời\s+hạn\s+)?chậm\s+nhất\s+(?:là\s+)?(?:\d+|một|hai|ba|năm|bảy|mười|15|30)\s+(?:ngày|giờ)(?:\s+làm\s+việc)?(?:\s+(?:trước|sau|kể\s+từ)\s+ngày\s+\w+(?:\s+\w+)?)?"
    r"|trong\s+suốt\s+(?:quá\s+trình|thời\s+gian)\s+\w+(?:\s+\w+){0,4}?(?=[,.;]|$)"
    r"|trong\s+(?:vòng\s+)?\d+\s+(?:giờ|ngày|tuần|tháng|năm)(?:\s+tới)?|từ\s+nay\s+đến\s+(?:cuối|hết)\s+năm"
    r"|(?:trong\s+)?(?:những\s+)?(?:tháng|ngày)\s+cuối\s+năm|(?:trước|sau|trong|dịp)\s+(?:dịp\s+)?Tết(?:\s+Nguyên\s+đán)?(?:\s+[A-ZĐ]\w*\s+[A-ZĐ]\w*)?(?:\s+" + _YEAR + r")?"
    r"|trong\s+(?:năm\s+nay|tháng\s+này|tuần\s+này|quý\s+này))(?!\w)",
    re.IGNORECASE,
)
# "Đại hội ... nhiệm kỳ 2025 - 2030": the term names a congress, not when to act.
EVENT_TERM = re.compile(r"(?:đại\s+hội|hội\s+nghị|kỳ\s+họp|phiên\s+họp)[^;:,]*,?[^;:,]*$", re.IGNORECASE)
YEAR = re.compile(r"(?<!\d)" + _YEAR + r"(?!\d)")
VISION = re.compile(r",\s*(?:tầm\s+nhìn|định\s+hướng)\b", re.IGNORECASE)

# -------------------------------------------------------------- references
DOCUMENT_TYPES = (
    "Quyết định", "Nghị quyết", "Kết luận", "Thông báo kết luận", "Chỉ thị", "Thông báo", "Kế hoạch", "Công văn",
    "Công điện", "Nghị định", "Thông tư", "Thông tư liên tịch", "Quy định", "Quy chế", "Chương trình hành động",
    "Chương trình", "Đề án", "Luật", "Pháp lệnh", "Hướng dẫn", "Văn bản", "Tờ trình", "Báo cáo",
)  # fmt: skip
_DOCTYPE = "|".join(sorted((re.escape(d).replace(r"\ ", r"\s+") for d in DOCUMENT_TYPES), key=len, reverse=True))
# Kinds cited by a short number alone: "Nghị quyết 57", "Đề án 05", "Chỉ thị 35".
_SHORT_KINDS = (
    r"Nghị\s+quyết|Nghị\s+định|Quyết\s+định|Chỉ\s+thị|Kết\s+luận|Quy\s+định|Đề\s+án|Chương\s+trình|Thông\s+tư"
    r"|Công\s+điện|Công\s+văn|Kế\s+hoạch|Luật"
)
# A document number: "462/QĐ-TTg", "21-KL/TW", "12/CT - UBND", "15/CT – TTg", "54/2015", "2.350", "06".
_CODE = r"\d+(?:\.\d{3})*[A-Za-zĐđ]*(?:[/-][0-9A-Za-zĐđ&]+|\s*[-–]\s*(?=[A-ZĐ])[A-Za-zĐđ&]+)*"
# Its date: "ngày 14/4/2022", "ngày5/4", ", ngày 20.9", "ngày 5-4-2019", "ngày 27 tháng 3 năm 2020".
_DOC_DATE = (
    r"(?:\s*,)?\s*ngày\s*\d{1,2}\s*(?:[/.-]\s*\d{1,2}(?:\s*[/.-]\s*(?:19|20)?\d\d)?(?!\d)"
    r"|\s+tháng\s+\d{1,2}(?:\s+năm\s+(?:19|20)\d\d)?)"
)
_NOT_A_COUNT = r"(?![\d/.]|\s*(?:năm|tháng|giờ|%|người|tỷ|triệu|nghìn|km|ha)(?!\w))"
# Numbered: "Quyết định số 462/QĐ-TTg ngày 14/4/2022", "Công điện khẩn số 06/CĐ-UBND", "Đề án 06",
# and a bare "số 2263/VPCP-KGVX ngày 12/4/2022" in a list of documents (a code with letters after "/").
REFERENCE_NUMBERED = re.compile(
    rf"(?<!\w)(?:"
    rf"(?i:{_DOCTYPE})(?:\s+(?:khẩn|hỏa\s+tốc|liên\s+tịch))?\s+(?:số\s*)?(?:{_CODE}){_NOT_A_COUNT}"
    rf"|(?:{_SHORT_KINDS})\s+(?:số\s+)?\d+{_NOT_A_COUNT}"
    rf"|số\s+\d+[A-Za-zĐđ]*(?:/(?:19|20)\d\d)?[/-][A-ZĐ][0-9A-Za-zĐđ&]*(?:[/-][0-9A-Za-zĐđ&]+)*"
    rf")(?:{_DOC_DATE})?(?![\w/])"
)
# Named (no number): "Luật Đất đai năm 2024", "Nghị quyết Đại hội Đảng bộ tỉnh
# lần thứ XVIII", "Đề án chuyển đổi số tỉnh Bình Dương". The head must be
# capitalised and (except "Đề án") followed by a capitalised word; the title
# runs to punctuation or to a word that opens a new phrase (TITLE_STOPS).
REFERENCE_NAMED_HEAD = re.compile(r"(?<![\w/])(?:Luật|Đề\s+án|Nghị\s+quyết|Chỉ\s+thị|Kết\s+luận)(?=\s+\w)")
TITLE_STOPS = frozenset(
    """của về và để nhằm trong tại cho theo đã được có là với thì đến từ trên vào giai_đoạn thời_kỳ nhiệm_kỳ
    hằng sẽ cần phải nay này""".split()
)

# ------------------------------------------------------------- tokenizer
# Strings the tokenizer keeps as one token whatever underthesea's CRF says:
# document numbers, dates, web addresses.
ATOMS = re.compile(
    r"(?<![\w/.-])(?:\d+[A-Za-zĐđ]*(?:[/-][0-9A-Za-zĐđ]+)+|(?:https?://)?[\w-]+(?:\.[\w-]+)*\.(?:vn|com|net|org|gov)(?:/\S*)?)(?![\w/])",
    re.IGNORECASE,
)


def fixed_words() -> tuple[str, ...]:
    """Every multi-word phrase the components look up, for the tokenizer to keep whole.

    Partner markers ("phối hợp với") are left out: "Phối hợp" must stay a
    token of its own to count as a verb-first directive.
    """
    phrases = {
        *PROVINCES, *REGIONS, *PLACE_PREFIXES, *NUMBERED_PLACES, *ORG_HEADS, *GROUP_HEADS, *LEVELS,
        *ORG_SUFFIXES, *REQUEST_CUES, *ASSIGNMENT_CUES, LEAD_CUE, *PLEDGE_CUES,
        *MODAL_CUES, *DIRECTIVE_VERBS, *DOCUMENT_TYPES,
    }  # fmt: skip
    return tuple(sorted(p for p in phrases if " " in p))
