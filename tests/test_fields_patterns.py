"""Field patterns of real reporting, each on sentences written for this test.

Reported orders ("X yêu cầu Y ..."), subjects after an introductory phrase,
lists of bodies, references and timeframes in the forms the press writes, and
places from the gazetteer (label guide, section 3). The names and sentences
here are made up for the pattern; none comes from a development set.
"""

from __future__ import annotations

import pytest

from pipeline.fields.places import place_values


@pytest.fixture(scope="module")
def fields():
    from pipeline.fields.extract import fields_from_doc
    from pipeline.nlp import vietnamese_nlp

    nlp = vietnamese_nlp()
    return lambda text: fields_from_doc(nlp(text))


# ------------------------------------------------------------ issuer, actor
@pytest.mark.parametrize(
    "text, issuer, actor",
    [
        # a body orders bodies
        ("Chủ tịch UBND tỉnh Lạng Sơn yêu cầu Sở Công Thương và các huyện biên giới kiểm tra hàng hóa nhập lậu.",
         ("Chủ tịch UBND tỉnh Lạng Sơn",), ("Sở Công Thương", "các huyện biên giới")),
        # a person with his titles in apposition, after an introductory phrase
        ("Phát biểu kết luận, ông Trần Minh Khoa, Phó Chủ tịch UBND tỉnh, đề nghị các sở, ngành rà soát quy hoạch.",
         ("ông Trần Minh Khoa",), ("các sở, ngành",)),
        # the order comes in a document sent to the actors
        ("UBND tỉnh vừa có Công văn số 1234/UBND-KT gửi các sở, ngành yêu cầu khẩn trương báo cáo tiến độ giải ngân.",
         ("UBND tỉnh",), ("các sở, ngành",)),
        # "chỉ đạo" after a subject reports an order
        ("Bộ Nông nghiệp và Phát triển nông thôn chỉ đạo các địa phương theo dõi chặt dịch tả lợn châu Phi.",
         ("Bộ Nông nghiệp và Phát triển nông thôn",), ("các địa phương",)),
        # several issuers
        ("Ban Thường vụ Tỉnh ủy, Thường trực HĐND tỉnh yêu cầu các cấp ủy tổ chức đại hội chi bộ đúng tiến độ.",
         ("Ban Thường vụ Tỉnh ủy", "Thường trực HĐND tỉnh"), ("các cấp ủy",)),
        # "theo chỉ đạo của X"
        ("Theo chỉ đạo của Bộ Y tế, các bệnh viện cần bố trí đủ giường điều trị.", ("Bộ Y tế",), ("các bệnh viện",)),
        # a comma inside the issuer's own name is not a list
        ("Chiều 9/5, Ban Chỉ đạo phòng, chống thiên tai và tìm kiếm cứu nạn tỉnh Yên Bái có văn bản đề nghị UBND các huyện rà soát điểm sạt lở.",
         ("Ban Chỉ đạo phòng, chống thiên tai và tìm kiếm cứu nạn tỉnh Yên Bái",), ("UBND các huyện",)),
        # the body whose document is quoted, without the verb that quotes it
        ("Quy định 11 của Ban Bí thư nêu rõ cấp ủy các cấp phải rà soát quy hoạch cán bộ trước tháng 9.", ("Ban Bí thư",), ()),
        # a quoted order attributed after it
        ('"Phải xử lý dứt điểm các đơn thư tồn đọng", đó là chỉ đạo của Thường trực Huyện ủy đối với Ủy ban Kiểm tra.',
         ("Thường trực Huyện ủy",), ()),
        # the one who spoke in the first clause orders in the next, which names no one before its cue
        ("Phát biểu tại hội nghị, đồng chí Bí thư Huyện ủy Quỳnh Nhai biểu dương các chi bộ; yêu cầu các đảng ủy xã nâng cao chất lượng sinh hoạt.",
         ("đồng chí Bí thư Huyện ủy Quỳnh Nhai",), ("các đảng ủy xã",)),
        # ... but a body that acts in its own clause stays the actor
        ("Sở Y tế tăng cường kiểm tra các cơ sở khám bệnh; yêu cầu các bệnh viện công khai giá dịch vụ.", (), ("Sở Y tế",)),
        # the order names who leads: "X yêu cầu Y chủ trì, phối hợp …"
        ("Giám đốc Công an tỉnh chỉ đạo Phòng Cảnh sát kinh tế chủ trì, phối hợp với Chi cục Thuế kiểm tra hóa đơn.",
         ("Giám đốc Công an tỉnh",), ("Phòng Cảnh sát kinh tế",)),
        # a district office: "Phòng" names a body here, not the verb "phòng" (prevent)
        ("Trưởng Công an huyện yêu cầu Phòng Giáo dục và Đào tạo huyện phối hợp tuyên truyền luật giao thông.",
         ("Trưởng Công an huyện",), ("Phòng Giáo dục và Đào tạo huyện",)),
        # the press's short names of a department hold a "và" that does not cut them in two
        ("Sở NN và PTNT đề nghị các xã ven biển rà soát đê bao trước mùa mưa.", ("Sở NN và PTNT",), ("các xã ven biển",)),
        # a document signed, then its order
        ("Chủ tịch UBND tỉnh vừa ký Công văn số 77/UBND-NC yêu cầu các huyện rà soát hồ sơ đất đai.",
         ("Chủ tịch UBND tỉnh",), ("các huyện",)),
        # the speaker in the first person, and a bare directive: no issuer
        ("Tôi đề nghị các đồng chí lãnh đạo huyện quan tâm hơn đến giáo dục vùng cao.", (), ("các đồng chí lãnh đạo huyện",)),
        ("Tăng cường kiểm tra an toàn thực phẩm tại các bếp ăn tập thể.", (), ()),
    ],
)  # fmt: skip
def test_issuer_and_actor(fields, text, issuer, actor):
    f = fields(text)
    assert (f.issuer, f.actor) == (issuer, actor)


def test_review_regressions_of_the_issuer_and_actor_rules(fields):
    """Cases a review of the rules above found wrong, written as they should be."""
    # the verb that opens the clause stays the start of the action when the actor is named after it
    f = fields("Kiểm tra đột xuất các bếp ăn tập thể là yêu cầu được Chủ tịch UBND tỉnh Hà Nam đưa ra cho Ban Quản lý các khu công nghiệp.")
    assert f.action.startswith("Kiểm tra đột xuất") and f.actor == ("Ban Quản lý các khu công nghiệp",)
    # "phòng, chống" is part of a name only right after its head, not after a body that does it
    assert fields("Sở Y tế phòng, chống dịch hiệu quả, yêu cầu các huyện tăng cường giám sát.").issuer == ()
    assert fields("Ngày 2/8, Ban Chỉ đạo quốc gia phòng, chống dịch có văn bản đề nghị UBND các tỉnh rà soát.").issuer == (
        "Ban Chỉ đạo quốc gia phòng, chống dịch",
    )
    # two-syllable verbs that quote or give an order end the issuer's name
    assert fields("Kết luận số 12 của Bộ Chính trị chỉ rõ cần tăng cường kiểm tra.").issuer == ("Bộ Chính trị",)
    f = fields("Nâng cao chất lượng khám, chữa bệnh là nhiệm vụ đã được Bộ Y tế đặt ra cho các bệnh viện tuyến tỉnh.")
    assert (f.issuer, f.actor) == (("Bộ Y tế",), ("các bệnh viện tuyến tỉnh",))


def test_a_line_of_many_clauses_costs_linear_work(monkeypatch):
    """A list of bodies is carried over at most a few ";" (a review found a 100,000-character line of them
    quadratic): count the list splits instead of timing them."""
    from pipeline.fields import components

    calls = []
    real = components._split
    monkeypatch.setattr(components, "_split", lambda *a, **k: calls.append(1) or real(*a, **k))
    from pipeline.nlp import vietnamese_nlp

    nlp = vietnamese_nlp()
    clauses = 300
    nlp("Giám đốc Sở Nội vụ, Thủ trưởng các sở; " * clauses + "Chủ tịch UBND các huyện chịu trách nhiệm thi hành Quyết định này.")
    assert 0 < len(calls) < 5 * clauses


def test_a_sentence_of_many_commas_costs_linear_work(monkeypatch):
    """The subject before each cue is looked for among the last commas only (a 20,000-character sentence of
    repeated directives took seconds): count the noun phrases tried instead of timing them."""
    from pipeline.fields import components
    from pipeline.nlp import vietnamese_nlp

    calls = []
    real = components._noun_phrase
    monkeypatch.setattr(components, "_noun_phrase", lambda *a, **k: calls.append(1) or real(*a, **k))
    nlp = vietnamese_nlp()
    parts = 300
    nlp("Các sở phải hoàn thành nhiệm vụ năm 2024 đúng hạn, " * parts)
    assert 0 < len(calls) < 40 * parts  # before: about parts² / 2


@pytest.mark.parametrize(
    "text, actor",
    [
        ("Sở Tài chính thẩm định, trình UBND tỉnh phê duyệt dự toán trước ngày 15/11.", ("Sở Tài chính",)),
        ("Để bảo đảm an toàn cho học sinh, các trường học cần chủ động phương án sơ tán.", ("các trường học",)),
        ("Sở Xây dựng, Công an tỉnh và UBND các huyện phối hợp kiểm tra công trình xây dựng trái phép.",
         ("Sở Xây dựng", "Công an tỉnh", "UBND các huyện")),
        ("Người đứng đầu cơ quan, đơn vị phải chịu trách nhiệm về kết quả cải cách hành chính.", ("Người đứng đầu cơ quan, đơn vị",)),
        ("Trong thời gian tới, tỉnh Cao Bằng đã nỗ lực thu hút đầu tư vào nông nghiệp công nghệ cao.", ("tỉnh Cao Bằng",)),
        ("Giao bà Lê Thị Hoa, Phó Giám đốc Sở Nội vụ, phụ trách công tác thi đua khen thưởng.", ("bà Lê Thị Hoa",)),
        # a list of bodies that runs over ";" before its verb; "tổ chức" after "các" is a noun, not the verb
        ("Giám đốc Sở Nội vụ, Thủ trưởng các sở, ngành cấp tỉnh; Chủ tịch UBND các huyện và các tổ chức, cá nhân có liên quan "
         "chịu trách nhiệm thi hành Quyết định này.",
         ("Giám đốc Sở Nội vụ", "Thủ trưởng các sở, ngành cấp tỉnh", "Chủ tịch UBND các huyện", "các tổ chức, cá nhân có liên quan")),
        # an order reported in the passive, given to someone
        ("Kiểm tra đột xuất các bếp ăn tập thể là yêu cầu được Chủ tịch UBND tỉnh Hà Nam đưa ra cho Sở Công Thương "
         "tại cuộc họp sáng 3/6.", ("Sở Công Thương",)),
    ],
)  # fmt: skip
def test_subject_first_actors_and_lists(fields, text, actor):
    assert fields(text).actor == actor


def test_partners_in_a_later_clause(fields):
    f = fields("Bộ Chỉ huy Quân sự tỉnh chủ trì diễn tập; phối hợp với Công an tỉnh, các huyện ven biển bảo đảm an ninh.")
    assert f.actor == ("Bộ Chỉ huy Quân sự tỉnh",)
    assert f.partners == ("Công an tỉnh", "các huyện ven biển")


def test_named_bodies_joined_by_va_are_two_partners(fields):
    f = fields("Tỉnh Sơn La sẵn sàng phối hợp với tỉnh Điện Biên và tỉnh Lai Châu phát triển du lịch.")
    assert f.partners == ("tỉnh Điện Biên", "tỉnh Lai Châu")


# --------------------------------------------------------------- references
@pytest.mark.parametrize(
    "written",
    [
        "Chỉ thị số 08/CT - UBND ngày3/2/2023", "Kết luận số 45-KL/TW, ngày 1.2.2023", "Nghị quyết 68", "Đề án 10",
        "Công điện số 15/CĐ-TTg ngày 5-3-2024", "Thông báo kết luận số 210-TB/TU", "Quy định 189",
        "Luật số 45/2019/QH14", "Công văn khẩn số 771/BNN-TY", "Quyết định số 12/QĐ – UBND ngày 7 tháng 5 năm 2024",
        "Hướng dẫn số 33-HD/BTCTW", "Kế hoạch số 90/KH-UBND ngày 30/3/2025", "Thông tư 12/2021",
    ],
)  # fmt: skip
def test_reference_forms(fields, written):
    assert fields(f"Các sở, ngành khẩn trương triển khai {written} của cấp trên.").references == (written,)


def test_numbers_that_are_not_references(fields):
    assert fields("Xây dựng kế hoạch 5 năm và chương trình 2 tỷ đồng cho vùng cao.").references == ()


# --------------------------------------------------------------- timeframes
@pytest.mark.parametrize(
    "written",
    [
        "trước ngày 20/10", "chậm nhất ngày 5/12/2024", "từ ngày 15/6 đến hết ngày 30/9/2025", "trong quý IV",
        "6 tháng đầu năm", "từ nay đến cuối năm", "trong đợt cao điểm", "kể từ ngày 1/1/2026", "trong tháng 8/2025",
        "từ tháng 3 đến tháng 6/2026", "trong vòng 24 giờ", "trước Tết Nguyên đán",
        "trong dịp nghỉ lễ 30/4 - 1/5 (5 ngày)", "dịp Giỗ Tổ Hùng Vương", "ngay sau khi kết thúc mùa mưa bão",
    ],
)  # fmt: skip
def test_timeframe_forms(fields, written):
    assert fields(f"Các địa phương hoàn thành việc rà soát hộ nghèo {written}.").timeframe == written


def test_a_congress_term_is_not_a_timeframe(fields):
    f = fields("Tại Đại hội Đảng bộ tỉnh nhiệm kỳ 2025 - 2030, đồng chí Bí thư đề nghị các cấp ủy tăng cường kiểm tra.")
    assert f.timeframe == ""


def test_a_bare_year_opens_the_sentence(fields):
    assert fields("Năm 2026, tỉnh phấn đấu giảm 2% hộ nghèo.").timeframe == "năm 2026"
    assert fields("Tỉnh phấn đấu thực hiện Luật Đất đai năm 2024 hiệu quả.").timeframe == ""


def test_the_year_of_the_tasks_set(fields):
    """"chỉ tiêu / nhiệm vụ / kế hoạch / mục tiêu … năm X" dates the tasks; a cited document's year or title does not."""
    assert fields("Các huyện phấn đấu hoàn thành vượt mức các chỉ tiêu kinh tế - xã hội năm 2025.").timeframe == "năm 2025"
    assert fields("Bộ đội Biên phòng tỉnh tập trung hoàn thành nhiệm vụ huấn luyện năm 2026.").timeframe == "năm 2026"
    assert fields("Các sở hoàn thành kế hoạch đầu tư công năm 2025 trước ngày 15/12.").timeframe == "trước ngày 15/12"
    # a title ends at the comma before the main clause's subject
    assert fields(
        "Thực hiện Kế hoạch số 15/KH-UBND về phát triển du lịch, UBND các huyện phải hoàn thành các chỉ tiêu năm 2024."
    ).timeframe == "năm 2024"
    # a year whose tasks are reviewed is not when the order is to be carried out
    assert fields(
        "Sau khi nghe báo cáo kết quả thực hiện kế hoạch năm 2023, Chủ tịch UBND tỉnh yêu cầu các sở triển khai nhiệm vụ trong thời gian tới."
    ).timeframe == "trong thời gian tới"
    assert fields(
        "Tổng kết nhiệm vụ năm 2023, đồng chí Bí thư Huyện ủy yêu cầu các chi bộ thực hiện tốt nhiệm vụ năm 2024."
    ).timeframe == "năm 2024"
    assert fields("Tiếp tục thực hiện Kế hoạch số 88/KH-UBND năm 2023 của UBND tỉnh về du lịch.").timeframe == ""
    assert fields(
        "Thực hiện Chỉ thị số 07-CT/TU ngày 2/3/2022 của Tỉnh ủy về tăng cường các nhiệm vụ chính trị năm 2022, "
        "các sở, ngành phải rà soát lại chương trình công tác."
    ).timeframe == ""


# ------------------------------------------------------------------- places
@pytest.mark.parametrize(
    "text, places",
    [
        ("Chủ tịch UBND huyện Bảo Lâm chỉ đạo các xã khắc phục sạt lở.", ("Bảo Lâm",)),  # inside a title
        ("Cục Hải quan Lạng Sơn phối hợp với Bộ đội Biên phòng tỉnh Cao Bằng.", ("Lạng Sơn", "Cao Bằng")),
        ("Hỗ trợ các xã Tân Phú, Hòa Bình và thị trấn Nam Phước.", ("Tân Phú", "Hòa Bình", "Nam Phước")),  # a list
        ("Phát triển đồng bằng sông Cửu Long và Tây Nguyên, hợp tác với Lào.", ("đồng bằng sông Cửu Long", "Tây Nguyên", "Lào")),
        ("Quân khu 2 và Khu kinh tế Dung Quất phối hợp.", ("Quân khu 2", "Khu kinh tế Dung Quất")),
        ("Tu bổ khu di tích Kim Liên và quảng bá danh thắng Tràng An, đèo Hải Vân.",
         ("khu di tích Kim Liên", "danh thắng Tràng An", "đèo Hải Vân")),  # heritage and landscape sites
        ("Công nhận đình làng là di tích lịch sử; di tích Nhà tù Côn Đảo được tu bổ.", ("Côn Đảo",)),
        ("Trùng tu di tích Cố đô theo quy hoạch; sạt lở trên đèo Khau Phạ. Ảnh: Minh Hà", ("đèo Khau Phạ",)),
        ("Đầu tư hạ tầng ở Mường Tè và Sìn Hồ.", ("Mường Tè", "Sìn Hồ")),  # districts before 2025, no generic word
        # after "ở", "tại", "cư dân": a name of two or more capitals the gazetteer does not know
        ("Khôi phục lễ rước nước ở Bến Đá Vàng; cư dân Khe Lau Hạ được hỗ trợ.", ("Bến Đá Vàng", "Khe Lau Hạ")),
        ("Họp tại Trạm Y tế xã, tại Cung Văn hóa và tại Luật Đất đai sửa đổi.", ()),  # bodies, buildings, laws
        ("Dự giải tại SEA Games, họp tại Đình làng cổ.", ()),  # an acronym; one capital, then lower case
        ("Khảo sát tại TP Hạ Long.", ("Hạ Long",)),  # the administrative word still decides
        ("Kết nối TP.HCM với Thừa Thiên Huế và thành phố Huế.", ("TP.HCM", "Thừa Thiên Huế", "Huế")),
        ("Ông Nguyễn Văn Bình học tập phong cách Hồ Chí Minh.", ()),  # people, not places
        ("Chủ tịch UBND tỉnh Phan Văn Hùng, Phó Trưởng ban thường trực, kiểm tra.", ()),
    ],
)  # fmt: skip
def test_places(text, places):
    assert place_values(text) == places


def test_gazetteer_covers_provinces_before_and_after_2025_and_districts():
    from pipeline.fields.gazetteer import gazetteer, key

    g = gazetteer()
    before = ("Hà Giang", "Bắc Kạn", "Bình Phước", "Đắk Nông", "Kon Tum", "Quảng Bình", "Hậu Giang")  # merged in 2025
    after = ("Tuyên Quang", "Thái Nguyên", "Gia Lai", "Huế", "Cà Mau")
    assert all(key(name) in g.names for name in before + after)
    assert len(g.names) > 700 and len(g.units) > 2500  # ~700 districts; the names of ~3,300 communes after 2025


@pytest.mark.parametrize(
    "text, issuer",
    [
        ("Rà soát toàn bộ hồ sơ tồn đọng trước ngày 30/6 là yêu cầu vừa được UBND tỉnh Bình Dương đưa ra tại phiên họp thường kỳ.",
         ("UBND tỉnh Bình Dương",)),
        ("Kiểm soát chặt người ra vào vùng dịch là nhiệm vụ được Ban Chỉ đạo tỉnh giao cho các huyện.", ("Ban Chỉ đạo tỉnh",)),
        ("Rà soát toàn bộ hồ sơ tồn đọng trước ngày 30/6 là việc các sở đã làm trong quý II.", ()),
    ],
)  # fmt: skip
def test_an_order_reported_in_the_passive_names_its_issuer(fields, text, issuer):
    assert fields(text).issuer == issuer


def test_investors_are_one_actor_not_a_verb(fields):
    """"chủ đầu tư" (investor) holds "đầu tư" (to invest), which must not end the actor."""
    f = fields("Tại buổi làm việc, Phó Chủ tịch UBND tỉnh lưu ý các chủ đầu tư đẩy nhanh giải ngân vốn.")
    assert f.actor == ("các chủ đầu tư",) and f.issuer == ("Phó Chủ tịch UBND tỉnh",)
