"""Place names of Vietnam for the `places` field.

Administrative units come from the `vietnam-provinces` package (pinned in
pyproject.toml: its data decide what is found): the 34 provinces and the
communes after the mergers of July 2025. The 63 provinces and 696 districts
before the mergers come from that package's release 0.6.0, kept as names in
`data/places_2024.tsv` (written by `tools/build_places.py`). Everything ships
with the install; nothing is downloaded.

What the package lacks is written here: the regions, the usual short forms of
cities ("TP.HCM"), and the countries the press names most. Economic zones,
industrial parks, ports, border gates and military regions are found by their
generic word ("Khu kinh tế Nghi Sơn", "Quân khu 4") in `pipeline.fields.places`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.fields.lexicon import norm

DISTRICTS_2024 = Path(__file__).with_name("data") / "places_2024.tsv"

REGIONS = (
    "Bắc Trung Bộ", "Nam Trung Bộ", "Trung Bộ", "Bắc Bộ", "Nam Bộ", "Đông Nam Bộ", "Tây Nam Bộ", "Tây Nguyên",
    "Tây Bắc", "Đông Bắc", "Đông Bắc Bộ", "Tây Bắc Bộ", "Duyên hải miền Trung", "Duyên hải Trung Bộ",
    "Duyên hải Nam Trung Bộ", "Đồng bằng sông Cửu Long", "Đồng bằng sông Hồng", "Đồng bằng Bắc Bộ",
    "Miền núi phía Bắc", "Trung du và miền núi phía Bắc", "Miền Trung", "Miền Bắc", "Miền Nam", "Miền Tây",
    "Biển Đông", "Vịnh Bắc Bộ", "Hoàng Sa", "Trường Sa",
)  # fmt: skip
# Written forms of cities and provinces the administrative names do not give
# (Thừa Thiên Huế became Huế city on 1 January 2025, before the 0.6.0 data).
ALIASES = (
    "TP.HCM", "TP. HCM", "TPHCM", "TP HCM", "TP.Hồ Chí Minh", "TP. Hồ Chí Minh", "TP Hồ Chí Minh", "Sài Gòn",
    "Hồ Chí Minh", "Thừa Thiên Huế", "Thừa Thiên - Huế", "Thừa Thiên-Huế", "Huế", "Bà Rịa-Vũng Tàu", "Bà Rịa - Vũng Tàu",
    "Vũng Tàu", "Thủ đô Hà Nội", "TP.Hà Nội", "TP. Hà Nội",
)  # fmt: skip
# Not "Anh", "Đức", "Nga": given names far more often than countries in this text.
COUNTRIES = (
    "Việt Nam", "Lào", "Campuchia", "Trung Quốc", "Thái Lan", "Myanmar", "Malaysia", "Singapore", "Indonesia",
    "Philippines", "Brunei", "Đông Timor", "Nhật Bản", "Hàn Quốc", "Triều Tiên", "Đài Loan", "Hồng Kông",
    "Ấn Độ", "Hoa Kỳ", "Mỹ", "Canada", "Úc", "Australia", "New Zealand", "Liên bang Nga", "Pháp", "CHLB Đức",
    "Vương quốc Anh", "Italy", "Tây Ban Nha", "Hà Lan", "Bỉ", "Thụy Sĩ", "Thụy Điển", "Na Uy", "Phần Lan", "Đan Mạch",
    "Ba Lan", "Séc", "Hungary", "Ukraine", "Belarus", "Cuba", "Brazil", "Argentina", "Chile", "Mexico",
    "Israel", "Ai Cập", "Nam Phi", "Thổ Nhĩ Kỳ", "Iran", "Qatar", "Ả Rập Xê Út", "Kazakhstan", "Mông Cổ",
)  # fmt: skip


@dataclass(frozen=True)
class Gazetteer:
    names: frozenset[str]  # matching forms (`key`) of every place name found without a generic word
    units: frozenset[str]  # matching forms of districts and communes, old and new (lists after "các huyện ...")
    regions: frozenset[str]  # names that may be written in lower case ("đồng bằng sông Cửu Long")
    first: dict[str, int]  # first word of a name -> words in the longest name it starts


WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)?")


def key(name: str) -> str:
    """Matching form: its words, canonical and lower case ("Thừa Thiên-Huế" == "thừa thiên huế", "TP.HCM" == "tp hcm")."""
    return " ".join(WORD.findall(norm(name)))


def _strip(name: str) -> str:
    for prefix in ("Thành phố ", "Tỉnh ", "Xã ", "Phường ", "Đặc khu ", "Thị trấn ", "Quận ", "Huyện ", "Thị xã "):
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


def _divisions_json() -> Path:
    """`vietnam_provinces.NESTED_DIVISIONS_JSON_PATH`, found without importing the package:
    its import builds enums of every ward (~0.2 s, a tenth of `camket extract`'s own time)
    and only this data file is read. Any other layout: the package's own constant."""
    from importlib.util import find_spec

    spec = find_spec("vietnam_provinces")
    path = Path(spec.origin).parent / "data" / "nested-divisions.json" if spec and spec.origin else None
    if path is not None and path.is_file():
        return path
    from vietnam_provinces import NESTED_DIVISIONS_JSON_PATH

    return Path(NESTED_DIVISIONS_JSON_PATH)


def _current() -> tuple[list[str], list[str]]:
    """Provinces and communes after July 2025, from `vietnam-provinces`."""
    provinces = json.loads(_divisions_json().read_text(encoding="utf-8"))
    names = [_strip(p["name"]) for p in provinces]
    communes = [_strip(w["name"]) for p in provinces for w in p.get("wards", ())]
    return names, communes


def _before_2025() -> tuple[list[str], list[str]]:
    provinces, districts = [], []
    for line in DISTRICTS_2024.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        kind, name, _ = (line.split("\t") + ["", ""])[:3]
        (provinces if kind == "province" else districts).append(_strip(name))
    return provinces, districts


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The names, read once per process."""
    provinces_now, communes = _current()
    provinces_then, districts = _before_2025()
    bare = [*provinces_now, *provinces_then, *districts, *REGIONS, *ALIASES, *COUNTRIES]
    # "Quận 1": a number alone is a place only after its generic word
    names = frozenset(key(n) for n in bare if not n.isdigit())
    units = frozenset(key(n) for n in (*districts, *communes) if not n.isdigit())
    regions = frozenset(key(n) for n in REGIONS)
    first: dict[str, int] = {}
    for name in names | units:
        words = name.split()
        first[words[0]] = max(first.get(words[0], 0), len(words))
    return Gazetteer(names=names, units=units, regions=regions, first=first)
