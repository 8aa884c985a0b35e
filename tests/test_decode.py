import codecs
import unicodedata

import pytest

from pipeline.ingest.decode import decode
from pipeline.errors import InputError
from tests.fixtures import to_cp1258

TEXT = "Thứ năm, tăng cường hợp tác trong lĩnh vực quốc phòng, an ninh ở Thanh Hóa.\nXin trân trọng cảm ơn!"


# fmt: off
@pytest.mark.parametrize("data", [
    TEXT.encode("utf-8"),
    codecs.BOM_UTF8 + TEXT.encode("utf-8"),
    TEXT.encode("utf-16"),                       # with BOM
    codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
    TEXT.replace("\n", "\r\n").encode("utf-8"),
    unicodedata.normalize("NFD", TEXT).encode("utf-8"),
    to_cp1258(TEXT),  # legacy Windows code page
], ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "crlf", "nfd", "cp1258"])
# fmt: on
def test_decodes_every_supported_encoding_to_nfc(data):
    assert decode(data, "x.txt") == TEXT


# fmt: off
@pytest.mark.parametrize("data,problem", [
    (b"", "empty"),
    (b"  \n\n ", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
    (b"%PDF-1.7\n", "PDF"),
    (b"abc\x00def\x00", "NUL"),
    (bytes(range(1, 32)) * 20, "control"),
])
# fmt: on
def test_refuses_what_is_not_text_naming_the_file(data, problem):
    with pytest.raises(InputError) as info:
        decode(data, "speech.txt")
    assert "speech.txt" in str(info.value)
    assert problem in str(info.value)


def test_pdf_lines_wrapped_after_a_semicolon_are_joined_but_list_items_are_not():
    """A PDF wraps long sentences anywhere, also right after ";" or ":"; a clause that goes on in
    lower case belongs to the sentence before it, while a dash, a number or a letter item
    starts a paragraph of its own."""
    from pipeline.ingest.formats import unwrap_lines

    wrapped = ["Các ý kiến tại hội nghị đã phân tích kinh nghiệm chỉ đạo, điều hành;",
               "những tiềm năng và lợi thế so sánh của hai tỉnh cũng được làm rõ."]
    # a lead-in and its items, each ending in ":" or ";", each a paragraph of its own
    items = ["Chủ tịch UBND tỉnh yêu cầu:", "- Sở Y tế chủ trì triển khai;", "- Sở Tài chính bố trí kinh phí.",
             "Nội dung kiểm tra gồm:", "a) hồ sơ thủ tục hành chính;", "b) việc công khai xin lỗi người dân."]
    broken = ["Đợt kiểm tra kéo dài hai tuần, từ", "ngày 5/3 đến ngày 19/3."]
    text = "\n".join(wrapped + items + broken)
    assert unwrap_lines(text).split("\n\n") == [" ".join(wrapped), *items, " ".join(broken)]
