"""The priority areas: the one place that defines their codes, keys and names."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Area:
    code: int
    key: str
    name: str


AREAS: tuple[Area, ...] = (
    Area(0, "none", "Không thuộc lĩnh vực ưu tiên"),
    Area(1, "epidemic", "Phòng, chống dịch bệnh gắn với phát triển kinh tế - xã hội"),
    Area(2, "economy", "Hợp tác, liên kết phát triển kinh tế"),
    Area(3, "admin_digital", "Cải cách hành chính, môi trường đầu tư, chuyển đổi số"),
    Area(4, "society", "Văn hóa, giáo dục - đào tạo, y tế, nguồn nhân lực"),
    Area(5, "defence_security", "Quốc phòng, quân sự địa phương, an ninh, trật tự"),
    Area(6, "party_building", "Xây dựng, chỉnh đốn Đảng và hệ thống chính trị"),
)

AREA_CODES: tuple[int, ...] = tuple(a.code for a in AREAS)
_BY_CODE = {a.code: a for a in AREAS}


def area(code: int) -> Area:
    """The area with this code; ValueError listing the valid codes otherwise."""
    try:
        return _BY_CODE[int(code)]
    except (KeyError, ValueError, TypeError):
        raise ValueError(
            f"unknown area {code!r}; valid codes are {', '.join(map(str, AREA_CODES))}"
        ) from None


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


_BY_LABEL: dict[str, int] = {}
for _a in AREAS:
    _BY_LABEL[str(_a.code)] = _a.code
    _BY_LABEL[_fold(_a.key)] = _a.code
    _BY_LABEL[_fold(_a.name)] = _a.code


def parse_area(value: object) -> int:
    """Read an area as an analyst may write it: code, key or Vietnamese name.

    Tone-mark style and case do not matter ("Văn hoá" and "văn hóa" both work).
    """
    from pipeline.text.normalize import canonical_tones  # local: keeps this module dependency-free

    if isinstance(value, bool):
        raise ValueError(f"unknown area {value!r}")
    if isinstance(value, (int,)) or (isinstance(value, float) and value.is_integer()):
        return area(int(value)).code
    text = _fold(str(value))
    if text.endswith(".0") and text[:-2].isdigit():
        text = text[:-2]
    for candidate in (text, canonical_tones(text)):
        if candidate in _BY_LABEL:
            return _BY_LABEL[candidate]
        for label, code in _BY_LABEL.items():
            if canonical_tones(label) == candidate:
                return code
    valid = ", ".join(f"{a.code}/{a.key}" for a in AREAS)
    raise ValueError(f"unknown area {value!r}; use a code, key or name: {valid}")
