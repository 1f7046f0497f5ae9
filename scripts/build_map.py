"""Build the map of Vietnam the province overview draws (archive/maps.py):
fixtures/province_map.json (each province's place on the map, both eras) and
static/map/vietnam-communes.svg (the country's shape: a dot at each of the
3,321 communes of 1 July 2025).

Run from anywhere with the project venv and the ``gazetteer`` extra:

    .venv/bin/python scripts/build_map.py

Source (build-time only): vietnamadminunits (MIT), `dataset.db`: the
provinces' coordinates in `admin_units_legacy` (the 63 before the reform)
and `admin_units` (the 34 after, with their communes'). Projected here
(equirectangular, longitude scaled by cos 16°) into the map's own units, so
nothing is computed or fetched at run time. Deterministic output.
"""

import json
import math
import sqlite3
import sys
from importlib import metadata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
POSITIONS = REPO / "fixtures" / "province_map.json"
SHAPE = REPO / "static" / "map" / "vietnam-communes.svg"

WEST, NORTH, SOUTH, EAST = 102.0, 23.6, 8.3, 114.8  # degrees, the islands included
SCALE = 40.0  # map units per degree of latitude
X_SCALE = SCALE * math.cos(math.radians(16))


def project(lat: float, lon: float) -> tuple[float, float]:
    return round((lon - WEST) * X_SCALE, 1), round((NORTH - lat) * SCALE, 1)


def main() -> int:
    package = metadata.distribution("vietnamadminunits")  # its data only: the module is not imported
    version = package.version
    path = package.locate_file("vietnamadminunits/data/dataset.db")
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as con:
        before = con.execute(
            "SELECT provinceCode, min(provinceLat), min(provinceLon) FROM admin_units_legacy GROUP BY provinceCode"
        ).fetchall()
        after = con.execute(
            "SELECT provinceCode, min(provinceLat), min(provinceLon) FROM admin_units GROUP BY provinceCode"
        ).fetchall()
        communes = con.execute("SELECT wardLat, wardLon FROM admin_units ORDER BY wardCode").fetchall()
    assert len(before) == 63 and len(after) == 34, (len(before), len(after))
    assert len(communes) == 3321, len(communes)
    width, height = math.ceil((EAST - WEST) * X_SCALE), math.ceil((NORTH - SOUTH) * SCALE)
    about = (
        f"Places of Vietnam's provinces on the archive's map, projected from the coordinates in "
        f"vietnamadminunits {version} (MIT licence, (c) 2025 Tran Ngoc Minh Hieu) by scripts/build_map.py"
    )
    positions = {
        "about": about, "width": width, "height": height,
        "provinces": {
            "pre2025": {code: project(lat, lon) for code, lat, lon in sorted(before)},
            "post2025": {code: project(lat, lon) for code, lat, lon in sorted(after)},
        },
    }
    POSITIONS.write_text(json.dumps(positions, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")

    dots = "".join(f"M{x} {y}h2.2v2.2h-2.2z" for x, y in (project(lat, lon) for lat, lon in communes))
    SHAPE.parent.mkdir(parents=True, exist_ok=True)
    SHAPE.write_text(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}">\n'
        f"<!-- {about}: a dot at each commune of 1 July 2025 -->\n"
        f'<path fill="#cbc3b6" d="{dots}"/>\n</svg>\n',
        encoding="utf-8",
    )
    print(f"{POSITIONS.relative_to(REPO)}: 63 + 34 provinces; {SHAPE.relative_to(REPO)}: {len(communes)} communes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
