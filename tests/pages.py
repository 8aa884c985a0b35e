"""News pages written for the tests, in the shapes the provincial and national press publish.

Every line is written here (sites, names and events are invented). Each page is a list of
(kind, line): kind is the part cleaning must give the line (`headline`, `lead`, `caption`,
`speech`) or `chrome` for a line it must drop. `page_text` joins the lines as a scraped page
does (one blank line between paragraphs).
"""

from __future__ import annotations

H, L, C, S, X = "headline", "lead", "caption", "speech", "chrome"

# A provincial daily: breadcrumb, headline, timestamp, buttons, tagged and dated lead, a picture
# with its caption, the report, a byline of two names, related headlines, tags and the footer.
PROVINCIAL = [
    (X, "Trang chủ > Kinh tế > Nông nghiệp"),
    (H, "Thanh Sơn đẩy mạnh tiêu thụ nông sản vụ xuân"),
    (X, "Thứ Ba, 14/03/2023 - 09:15"),
    (X, "Mặc định A- A+"),
    (X, "Chia sẻ Facebook Zalo In bài"),
    (L, "(Baothanhson.vn) – Sáng 13/3, UBND tỉnh Thanh Sơn tổ chức hội nghị bàn giải pháp tiêu thụ nông sản vụ xuân năm 2023."),
    (X, "[Ảnh]"),
    (C, "Quang cảnh hội nghị tại hội trường UBND tỉnh"),
    (S, "Theo báo cáo của Sở Nông nghiệp, toàn tỉnh có khoảng 12.000 ha lúa và 3.500 ha cây ăn quả đến kỳ thu hoạch."),
    (S, "Phát biểu chỉ đạo, Phó Chủ tịch UBND tỉnh Lê Quang Vinh yêu cầu các sở, ngành phối hợp với doanh nghiệp "
        "mở rộng thị trường, không để nông sản ùn ứ trong mùa thu hoạch."),
    (S, "Đồng thời, các huyện rà soát diện tích liên kết sản xuất; hoàn thành việc cấp mã số vùng trồng trước ngày 30/6/2023."),
    (X, "Minh Khôi - Thu Trang"),
    (X, "Tin liên quan"),
    (X, "Nông dân Thanh Sơn được mùa dưa hấu"),
    (X, "Hội chợ nông sản an toàn thu hút hàng nghìn lượt khách (10/03/2023)"),
    (X, "Từ khóa: nông sản, tiêu thụ, vụ xuân"),
    (X, "© Bản quyền thuộc về Báo Thanh Sơn điện tử"),
    (X, "Địa chỉ: 15 đường Lê Lợi, TP. Thanh Sơn"),
    (X, "Điện thoại: (0237) 3.852.111 - Email: toasoan@baothanhson.vn"),
]

# A national daily: section name, headline, timestamp with GMT, tagged lead with "chiều nay (14/3)",
# a credit on its own line after its caption, "Xem thêm:" links, a byline of the desk, tags.
NATIONAL = [
    (X, "Thời sự"),
    (H, "Thủ tướng yêu cầu hoàn thành giải phóng mặt bằng cao tốc trước quý III"),
    (X, "14/03/2023 09:15 GMT+7"),
    (X, "Nghe bài viết"),
    (L, "TTO - Chiều nay (14/3), Thủ tướng chủ trì cuộc họp trực tuyến với các địa phương có dự án cao tốc đi qua."),
    (C, "Thủ tướng phát biểu tại cuộc họp"),
    (C, "Ảnh: NGỌC AN"),
    (S, "Thủ tướng đề nghị các địa phương tập trung giải phóng mặt bằng, bàn giao toàn bộ diện tích còn lại trước ngày 30/9."),
    (X, "Xem thêm: Cao tốc qua miền Trung về đích sớm hai tháng"),
    (S, "Bộ Giao thông vận tải được giao đôn đốc nhà thầu, bảo đảm chất lượng và an toàn lao động trên công trường!"),
    (X, "Nhóm PV"),
    (X, "Tags: cao tốc, giải phóng mặt bằng"),
]

# A government portal: site tag with no date, an update line, a view counter with the date,
# a reprinted source at the foot.
PORTAL = [
    (H, "Tăng cường phòng, chống cháy rừng mùa khô"),
    (X, "Cập nhật: 10:20 ngày 05/04/2023"),
    (X, "05/04/2023, 10:20 - Lượt xem: 1.245"),
    (L, "(Chinhphu.vn) - Phó Thủ tướng vừa ký công điện yêu cầu các địa phương chủ động phòng, chống cháy rừng."),
    (S, "Công điện nêu rõ, nắng nóng kéo dài làm nguy cơ cháy rừng ở nhiều nơi lên cấp cực kỳ nguy hiểm."),
    (S, "Chủ tịch UBND các tỉnh có rừng phải bố trí lực lượng trực 24/24 giờ tại các khu rừng trọng điểm."),
    (X, "Nguồn: Cổng thông tin điện tử Chính phủ"),
    (X, "Bài liên quan"),
    (X, "Nâng cao năng lực chữa cháy rừng cho lực lượng kiểm lâm"),
    (X, "In trang"),
]

# A radio site: "VOV.VN -" and "Ngày 9-6," leads, comment and listen buttons, a picture mark,
# related headlines after "Bài liên quan", a source line.
RADIO = [
    (X, "Xã hội | Giáo dục | Y tế | Thể thao"),
    (H, "Hà Bắc chuẩn bị kỳ thi tốt nghiệp an toàn, nghiêm túc"),
    (X, "Thứ hai, 12/06/2023 | 16:40"),
    (X, "Bình luận (0)"),
    (L, "VOV.VN - Ngày 9-6, Ban Chỉ đạo thi tốt nghiệp tỉnh Hà Bắc họp triển khai nhiệm vụ trước kỳ thi."),
    (X, "Video"),
    (C, "Học sinh ôn tập tại trường trung học phổ thông thị xã"),
    (S, "Năm nay toàn tỉnh có hơn 15.000 thí sinh dự thi tại 40 điểm thi."),
    (S, "Ban Chỉ đạo yêu cầu ngành giáo dục phối hợp với công an, điện lực, y tế bảo đảm an ninh, an toàn cho kỳ thi."),
    (X, "Theo VOV"),
    (X, "Đọc thêm"),
    (X, "Hà Bắc dành 12 tỷ đồng hỗ trợ học sinh vùng khó"),
    (X, "Giáo viên vùng cao bám lớp, bám trường"),
]

# A speech page: a news introduction, a photo caption, the speech from its salutation to its
# thanks, and the byline. The speech has a heading in capitals and a line without a full stop,
# which are speech and must be kept.
SPEECH = [
    (X, "Trang chủ / Tin tức / Sự kiện"),
    (H, "Phát biểu của Bí thư Tỉnh ủy tại Hội nghị tổng kết năm 2023"),
    (X, "Đăng lúc 15:30 ngày 28/12/2023"),
    (L, "Chiều 28/12, Tỉnh ủy Hà Bắc tổ chức Hội nghị tổng kết công tác năm 2023, triển khai nhiệm vụ năm 2024."),
    (C, "Đồng chí Bí thư Tỉnh ủy phát biểu tại hội nghị. (Ảnh: Văn Thành)"),
    (S, "Kính thưa các đồng chí!"),
    (S, "NHỮNG NHIỆM VỤ TRỌNG TÂM NĂM 2024"),
    (S, "Thứ nhất, tập trung hoàn thành các chỉ tiêu kinh tế - xã hội, đẩy nhanh giải ngân vốn đầu tư công."),
    (S, "Thứ hai, tăng cường công tác kiểm tra, giám sát, giữ vững kỷ luật, kỷ cương trong Đảng."),
    (S, "Một lần nữa xin cảm ơn các đồng chí"),
    (X, "PV - CTV"),
]

# A news-agency report: "HÀ NỘI, 5/3 (TTXVN) -", a credit line after an unmarked caption,
# "Ảnh minh họa", a dated lead with a time of day and a byline prefixed "Bài và ảnh:".
AGENCY = [
    (H, "Bộ Y tế hướng dẫn tiêm chủng mở rộng năm 2024"),
    (X, "Bài và ảnh: Lan Chi"),
    (L, "HÀ NỘI, 5/3 (TTXVN) - Bộ Y tế vừa có văn bản gửi các tỉnh, thành phố hướng dẫn tiêm chủng mở rộng năm 2024."),
    (C, "Nhân viên y tế kiểm tra vắc xin trước buổi tiêm"),
    (C, "(Ảnh: TTXVN)"),
    (S, "Theo đó, các địa phương phải bảo đảm đủ vắc xin, tổ chức tiêm bù cho trẻ chưa được tiêm đủ mũi."),
    (C, "Ảnh minh họa"),
    (S, "Sở Y tế các tỉnh báo cáo kết quả về Bộ trước ngày 15 hằng tháng."),
    (X, "Lượt đọc: 312"),
    (X, "Lan Chi"),
]

# A district portal with a font-size row, a date line before the headline, a dated lead
# whose date sits inside its first clause, and a portrait caption scraped twice (alt text and caption).
DISTRICT = [
    (X, "Chủ nhật, Ngày 10/09/2023 -"),
    (H, "Huyện Tân Phú ra quân làm đường giao thông nông thôn"),
    (X, "Ngày đăng: 08/09/2023 07:45"),
    (X, "Cỡ chữ: A A A"),
    (L, "Tại lễ ra quân sáng ngày 07/9/2023, Chủ tịch UBND huyện Tân Phú giao các xã hoàn thành 20 km đường trong năm."),
    (C, "Lãnh đạo huyện cùng người dân ra quân làm đường"),
    (S, "Các xã cần huy động nhân dân hiến đất, góp công; mỗi thôn chọn một tuyến đường kiểu mẫu."),
    (C, "Bí thư Huyện ủy Tân Phú Đặng Minh Sơn"),
    (C, "Bí thư Huyện ủy Tân Phú Đặng Minh Sơn"),
    (S, "Năm nay, huyện dành 5 tỷ đồng hỗ trợ xi măng cho các thôn làm đường."),
    (X, "Hồng Vân - Trung tâm Văn hóa - Thông tin huyện"),
]

PAGES = {
    "provincial": PROVINCIAL,
    "national": NATIONAL,
    "portal": PORTAL,
    "radio": RADIO,
    "speech": SPEECH,
    "agency": AGENCY,
    "district": DISTRICT,
}


def page_text(page: list[tuple[str, str]]) -> str:
    return "\n\n".join(line for _, line in page) + "\n"
