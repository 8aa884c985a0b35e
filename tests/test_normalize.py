import unicodedata

import pytest

from pipeline.areas import AREAS, parse_area
from pipeline.text.normalize import canonical_tones, fold_for_model

# fmt: off
TONES = [
    ("hoá", "hóa"), ("Thanh Hoá", "Thanh Hóa"), ("thuỷ sản", "thủy sản"), ("hoà bình", "hòa bình"),
    ("khoẻ", "khỏe"), ("tuỳ", "tùy"), ("hoạ", "họa"), ("Hoà Bình", "Hòa Bình"),
    # left alone: closed syllables, qu+y, already canonical
    ("hoàn thành", "hoàn thành"), ("khuyến khích", "khuyến khích"), ("quý", "quý"), ("hóa", "hóa"),
    ("thuế", "thuế"), ("hoặc", "hoặc"), ("người", "người"),
]
# fmt: on


@pytest.mark.parametrize("text,expected", TONES)
def test_canonical_tones(text, expected):
    assert canonical_tones(text) == expected
    assert canonical_tones(unicodedata.normalize("NFD", text)) == expected


def test_fold_for_model_ignores_form_and_case():
    a = fold_for_model("Tỉnh ủy Thanh Hoá năm 2022")
    b = fold_for_model(unicodedata.normalize("NFD", "TỈNH ỦY Thanh Hóa năm 2023"))
    assert a == b == "tỉnh ủy thanh hóa năm 0000"


@pytest.mark.parametrize("area", AREAS)
def test_parse_area_accepts_code_key_and_name(area):
    assert parse_area(area.code) == area.code
    assert parse_area(str(area.code)) == area.code
    assert parse_area(area.key.upper()) == area.code
    assert parse_area(area.name.replace("hóa", "hoá")) == area.code


@pytest.mark.parametrize("bad", ["7", "kinh tế", "", -1, True])
def test_parse_area_rejects_unknown(bad):
    with pytest.raises(ValueError, match="area"):
        parse_area(bad)
