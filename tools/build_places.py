"""Write `pipeline/fields/data/places_2024.tsv`: Vietnam's provinces and districts before the 2025 mergers.

The run-time gazetteer is the `vietnam-provinces` package (pinned in
pyproject.toml), whose current data are the 34 provinces and 3,321 communes
after the mergers of July 2025. The 63 provinces and 696 districts before
them are in that package's release 0.6.0 (data of 2025-01-04, from the General
Statistics Office); this script keeps their names only (no communes: bare
commune names are too ambiguous to match without "xã"/"phường"), so the
install carries ~10 KB instead of a second 5 MB copy.

    pip download --no-deps vietnam-provinces==0.6.0 -d /tmp/vp && unzip -o -q /tmp/vp/*.whl -d /tmp/vp
    python tools/build_places.py /tmp/vp/vietnam_provinces/data/nested-divisions.json
"""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "pipeline" / "fields" / "data" / "places_2024.tsv"
# "Thành phố Hà Nội" -> "Hà Nội"; "Quận Ba Đình" -> "Ba Đình"
PREFIXES = ("Thành phố ", "Tỉnh ", "Quận ", "Huyện ", "Thị xã ")


def bare(name: str) -> tuple[str, str]:
    for prefix in PREFIXES:
        if name.startswith(prefix):
            return prefix.strip().lower(), name[len(prefix):]
    return "", name


def main(path: str) -> None:
    provinces = json.loads(Path(path).read_text(encoding="utf-8"))
    rows = []
    for p in provinces:
        kind, name = bare(p["name"])
        rows.append(("province", name, ""))
        for d in p["districts"]:
            kind, dname = bare(d["name"])
            rows.append((kind or "huyện", dname, name))
    lines = ["# kind\tname\tprovince  (vietnam-provinces 0.6.0, GSO data of 2025-01-04; tools/build_places.py)"]
    lines += ["\t".join(unicodedata.normalize("NFC", c) for c in r) for r in rows]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(rows)} names -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
