"""The gazetteer index: loading, name look-ups, hierarchy."""

from pathlib import Path

import pytest

from archive.extract.gazetteer import DEFAULT_PATH, Gazetteer, load_gazetteer, load_gazetteer_file

MINI = Path(__file__).parent / "data" / "mini_localities.json"


@pytest.fixture(scope="module")
def mini():
    return load_gazetteer_file(MINI)


def test_lookup_returns_every_unit_of_a_name(mini):
    codes = {(u.era, u.level, u.code) for u in mini.lookup("Phong Điền")}
    assert {("pre2025", "district", "476"), ("pre2025", "district", "926")} <= codes
    assert ("post2025", "commune", "19819") in codes


def test_lookup_filters_by_era_and_level(mini):
    units = mini.lookup("Phong Điền", era="pre2025", levels={"district"})
    assert sorted(u.code for u in units) == ["476", "926"]
    assert mini.lookup("Phong Điền", era="post2025", levels={"district"}) == []


def test_lookup_ignores_case_tone_placement_and_accents(mini):
    assert [u.code for u in mini.lookup("vĩnh tường", levels={"district"})] == ["252"]
    assert [u.code for u in mini.lookup("Thanh Hóa")] == ["38"]  # file says "Thanh Hoá"
    assert [u.code for u in mini.lookup("Vinh Tuong", levels={"district"})] == ["252"]


def test_exact_spelling_wins_over_accent_folding(mini):
    # "Phong Hải" must not also return a unit whose name only folds alike.
    assert all(u.name == "Phong Hải" for u in mini.lookup("Phong Hải"))


def test_aliases_are_found(mini):
    (unit,) = mini.lookup("Huế", era="pre2025", levels={"province"})
    assert unit.code == "46"
    assert "thị xã" in mini.units[("pre2025", "district", "476")].types()


def test_unknown_name(mini):
    assert mini.lookup("Atlantis") == []
    assert not mini.has_name("Atlantis")


def test_hierarchy(mini):
    commune = mini.units[("pre2025", "commune", "19840")]
    district = mini.parent_of(commune)
    assert district.code == "476"
    assert mini.district_of(commune) is district
    assert mini.province(district.province).name == "Thừa Thiên Huế"
    assert commune in mini.children(district)


def test_successor_province(mini):
    district = mini.units[("pre2025", "district", "252")]
    assert mini.successor_province(district).name == "Phú Thọ"
    post = mini.units[("post2025", "commune", "09076")]
    assert mini.successor_province(post).name == "Phú Thọ"


def test_codes_are_keyed_with_era_and_level(mini):
    # 46 is Tỉnh Thừa Thiên Huế before the reform and Thành phố Huế after it.
    assert mini.province("46", "pre2025").name == "Thừa Thiên Huế"
    assert mini.province("46", "post2025").name == "Huế"


def test_default_gazetteer_is_cached_and_complete():
    if not DEFAULT_PATH.exists():
        pytest.skip("fixtures/localities.json not generated")
    first = load_gazetteer()
    assert load_gazetteer() is first
    assert len(first.provinces("pre2025")) == 63
    assert len(first.provinces("post2025")) == 34


def test_empty_gazetteer_finds_nothing():
    assert Gazetteer().lookup("Hà Nội") == []


def test_a_final_i_or_y_spelt_the_other_way_finds_the_unit():
    gaz = load_gazetteer()
    assert {u.code for u in gaz.lookup("Kì Anh", levels={"district"})} == {u.code for u in gaz.lookup("Kỳ Anh", levels={"district"})}
    assert [u.name for u in gaz.lookup("Ga Ry", levels={"commune"})] == ["Ga Ri"]


def test_the_other_spelling_is_only_a_fallback():
    gaz = load_gazetteer()
    assert all(u.name == "Mỹ Hào" for u in gaz.lookup("Mỹ Hào"))
