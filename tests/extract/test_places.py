"""Place finding on sentences written the way provincial and district news sites write."""

from datetime import date
from pathlib import Path
import runpy

import pytest

from archive.extract.gazetteer import load_gazetteer
from archive.extract.places import find_localities, primary_locality, province_from_domain
from archive.text import normalize


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def find(gaz, title, body="", domain=None, year=None):
    return find_localities(normalize(title), normalize(body), source_domain=domain, gazetteer=gaz, year=year)


def keys(localities):
    return {(loc["level"], loc["code"]) for loc in localities if not loc["ambiguous"]}


def ambiguous(localities):
    return {(loc["level"], loc["name"]) for loc in localities if loc["ambiguous"]}


# -- unit-type words -----------------------------------------------------------


def test_typed_province(gaz):
    locs = find(gaz, "Tiếp tục triển khai công tác dân vận", "Đoàn công tác đến làm việc tại tỉnh Vĩnh Long.")
    assert keys(locs) == {("province", "86")}
    assert locs[0]["province"] == "Vĩnh Long" and locs[0]["era"] == "pre2025"


def test_typed_district_with_province_in_brackets(gaz):
    locs = find(gaz, "Ký kết chương trình phối hợp", "UBND huyện Châu Thành (Tiền Giang) tổ chức hội nghị.")
    assert keys(locs) == {("district", "821"), ("province", "82")}


def test_commune_district_province_chain(gaz):
    body = "Ngày 12/3, tại xã Ea Tiêu, huyện Cư Kuin, tỉnh Đắk Lắk, Ban Dân vận Huyện ủy tổ chức hội nghị."
    locs = find(gaz, "Hội nghị dân vận", body)
    assert keys(locs) == {("commune", "24547"), ("district", "657"), ("province", "66")}


def test_chain_resolves_a_common_commune_name(gaz):
    body = "Hội nghị được tổ chức tại xã Tân Lập, huyện Đồng Phú, tỉnh Bình Phước."
    locs = find(gaz, "Dân vận khéo", body)
    communes = [loc for loc in locs if loc["level"] == "commune"]
    assert len(communes) == 1 and not communes[0]["ambiguous"]
    assert communes[0]["province"] == "Bình Phước"


def test_district_name_with_trailing_letter(gaz):
    locs = find(gaz, "Sơ kết chương trình", "Huyện ủy Châu Thành A tổ chức sơ kết chương trình phối hợp.")
    assert keys(locs) == {("district", "932")}


def test_district_with_apostrophe_alias(gaz):
    locs = find(gaz, "Ký kết", "Ban Dân vận Huyện ủy Ia H'Drai ký kết chương trình phối hợp với UBND huyện.")
    assert keys(locs) == {("district", "618")}


def test_city_that_shares_its_province_name(gaz):
    locs = find(gaz, "Ký kết", "Thành ủy Kon Tum và UBND thành phố Kon Tum ký kết quy chế phối hợp.")
    assert keys(locs) == {("district", "608")}
    locs = find(gaz, "Ký kết", "Ban Dân vận Thành ủy phối hợp với UBND TP Vĩnh Long tổ chức hội nghị.")
    assert keys(locs) == {("district", "855")}


def test_central_city_is_a_province(gaz):
    locs = find(gaz, "Dân vận", "Ban Dân vận Thành ủy Hà Nội và UBND thành phố Đà Nẵng trao đổi kinh nghiệm.")
    assert keys(locs) == {("province", "01"), ("province", "48")}


def test_numbered_district_only_when_written_with_its_type(gaz):
    locs = find(gaz, "Dân vận", "Quận 3 (TP Hồ Chí Minh) có 3 phường đạt chuẩn, 12 tổ dân phố tiêu biểu.")
    assert ("district", "770") in keys(locs)
    assert ("province", "79") in keys(locs)
    assert all(loc["level"] != "commune" for loc in locs)


def test_town_and_ward_types(gaz):
    locs = find(gaz, "Dân vận", "UBND thị xã Phú Mỹ, tỉnh Bà Rịa - Vũng Tàu triển khai mô hình dân vận khéo.")
    assert keys(locs) == {("district", "754"), ("province", "77")}


def test_commune_type_word_picks_between_a_xa_and_a_phuong(gaz):
    locs = find(gaz, "Dân vận", "Đoàn công tác thăm xã Phong Hải, huyện Phong Điền.")
    assert ("commune", "19840") in keys(locs)


# -- headline prefixes and bare provinces ----------------------------------------


def test_headline_province_prefix(gaz):
    locs = find(gaz, "Kon Tum: Ban Dân vận Tỉnh ủy tăng cường phối hợp", "Hội nghị diễn ra sáng nay.")
    assert keys(locs) == {("province", "62")}


def test_headline_district_prefix_with_province(gaz):
    locs = find(gaz, "Vĩnh Tường (Vĩnh Phúc): Ký kết chương trình", "Hội nghị diễn ra sáng 26/5.")
    assert keys(locs) == {("district", "252"), ("province", "26")}


def test_headline_prefix_of_an_unknown_word_is_ignored(gaz):
    assert find(gaz, "Infographic: Kết quả công tác dân vận năm 2023") == []


def test_bare_province_names(gaz):
    body = "Ban Dân vận Tỉnh ủy Bình Định phối hợp với Sở Nội vụ Quảng Ngãi trao đổi kinh nghiệm."
    assert keys(find(gaz, "Dân vận", body)) == {("province", "52"), ("province", "51")}


def test_bare_province_after_a_body_word(gaz):
    assert keys(find(gaz, "Dân vận", "Theo Báo Tây Ninh, mô hình được nhân rộng.")) == {("province", "72")}


def test_hyphenated_province_name(gaz):
    assert keys(find(gaz, "Dân vận", "Tỉnh ủy Bà Rịa - Vũng Tàu ban hành kế hoạch.")) == {("province", "77")}


# -- false friends -------------------------------------------------------------


def test_person_name_containing_a_district_name_is_not_a_place(gaz):
    body = "Đồng chí Đặng Xuân Trường, Phó Chủ tịch Thường trực UBND tỉnh ký kết chương trình."
    assert find(gaz, "Ký kết", body) == []


def test_person_name_containing_a_province_name_is_not_a_place(gaz):
    body = "Ông Nguyễn Hòa Bình phát biểu. Bà Trần Thái Bình cho biết thêm. Ông Hà Nam đến dự."
    assert find(gaz, "Dân vận", body) == []


def test_title_place_then_person_name(gaz):
    body = "Bí thư Tỉnh ủy Long An Nguyễn Văn Được chủ trì hội nghị."
    assert keys(find(gaz, "Hội nghị", body)) == {("province", "80")}


def test_president_ho_chi_minh_is_not_the_city(gaz):
    body = "Thực hiện tư tưởng dân vận của Chủ tịch Hồ Chí Minh, học tập và làm theo tấm gương Hồ Chí Minh."
    assert find(gaz, "Dân vận", body) == []


def test_ho_chi_minh_city_written_as_a_city(gaz):
    for body in ("UBND TP Hồ Chí Minh triển khai.", "Tại TP.HCM, hội nghị diễn ra.", "Thành phố Hồ Chí Minh có 22 quận, huyện."):
        assert keys(find(gaz, "Dân vận", body)) == {("province", "79")}, body


def test_pacific_ocean_is_not_thai_binh(gaz):
    assert find(gaz, "Dân vận", "Bão hình thành trên Thái Bình Dương.") == []


def test_bare_numbers_are_not_districts(gaz):
    assert find(gaz, "Dân vận", "Năm 2023 có 3 hội nghị, 12 buổi đối thoại và 5 lớp tập huấn.") == []


def test_lowercase_words_after_type_words_are_not_places(gaz):
    body = "Phát triển kinh tế - xã hội, các tỉnh Tây Nguyên và các huyện miền núi phía Bắc."
    assert find(gaz, "Dân vận", body) == []


def test_glued_related_headlines_are_noise(gaz):
    body = (
        "Sáng 26/5, UBND huyện Vĩnh Tường (Vĩnh Phúc) tổ chức hội nghị.\n"
        "Vĩnh Phúc: Tường nhà sập khiến 3 người tử vongVĩnh Phúc: Gần 150 học sinh tham gia giải bơi trên địa bàn huyện Bình Xuyên\n"
    )
    assert ("district", "249") not in keys(find(gaz, "Ký kết", body))


def test_places_after_a_related_news_marker_are_noise(gaz):
    body = "Ban Dân vận Huyện ủy Krông Pắc tổ chức hội nghị.\nTin liên quan\nQuảng Nam: Ra quân hưởng ứng phong trào\n"
    assert keys(find(gaz, "Dân vận", body)) == {("district", "654")}


# -- disambiguation --------------------------------------------------------------


def test_undecidable_name_is_ambiguous(gaz):
    locs = find(gaz, "Hội nghị", "Huyện ủy Châu Thành tổ chức hội nghị tổng kết.")
    assert keys(locs) == set()
    assert ambiguous(locs) == {("district", "Châu Thành")}
    (loc,) = locs
    assert loc["code"] is None and loc["province"] is None
    assert len(loc["candidates"]) >= 9
    assert {"code", "province"} <= set(loc["candidates"][0])


def test_source_domain_resolves_a_clash(gaz):
    locs = find(gaz, "Hội nghị", "Huyện ủy Châu Thành tổ chức hội nghị tổng kết.", domain="baotayninh.vn")
    assert keys(locs) == {("district", "708")}
    locs = find(gaz, "Hội nghị", "Huyện ủy Phong Điền tổ chức hội nghị.", domain="cantho.gov.vn")
    assert keys(locs) == {("district", "926")}


def test_province_named_in_the_text_resolves_a_clash(gaz):
    body = "Huyện ủy Châu Thành tổ chức hội nghị. Đây là huyện đầu tiên của tỉnh Bến Tre hoàn thành."
    assert keys(find(gaz, "Hội nghị", body)) == {("district", "831"), ("province", "83")}


def test_a_border_post_names_the_commune_that_settles_the_district(gaz):
    body = (
        "Ban Dân vận Huyện ủy Phong Điền ký kết chương trình phối hợp với UBND huyện; "
        "Công an huyện, Đồn Biên phòng Phong Hải."
    )
    locs = find(gaz, "Ký kết", body)
    assert keys(locs) == {("district", "476"), ("commune", "19840")}
    assert primary_locality(locs)["code"] == "476"


def test_the_same_name_is_resolved_alike_everywhere(gaz):
    body = "UBND huyện Phong Điền (Thừa Thiên Huế) tổ chức hội nghị. Huyện ủy Phong Điền chỉ đạo."
    locs = find(gaz, "Ký kết", body)
    assert keys(locs) == {("district", "476"), ("province", "46")}


def test_ambiguous_border_post_alone_is_dropped(gaz):
    assert find(gaz, "Dân vận", "Đồn Biên phòng Tân Lập tặng quà cho học sinh.") == []


# -- era ---------------------------------------------------------------------


def test_pre_reform_by_default(gaz):
    locs = find(gaz, "Dân vận", "UBND tỉnh Phú Thọ tổ chức hội nghị.")
    assert locs[0]["era"] == "pre2025"


def test_post_reform_commune_without_district(gaz):
    locs = find(gaz, "Dân vận", "Ngày 15/8, UBND xã Vĩnh Tường, tỉnh Phú Thọ tổ chức hội nghị.", year=2025)
    communes = [loc for loc in locs if loc["level"] == "commune"]
    assert communes and communes[0]["era"] == "post2025" and communes[0]["code"] == "09076"


def test_year_hint_after_the_reform(gaz):
    locs = find(gaz, "Dân vận", "Đảng ủy phường Kon Tum ra mắt mô hình dân vận khéo.", year=2026)
    assert [(loc["era"], loc["code"]) for loc in locs] == [("post2025", "23293")]


def test_pre_reform_unit_links_to_its_successor_province(gaz):
    (loc,) = find(gaz, "Dân vận", "Đoàn công tác làm việc tại tỉnh Kon Tum.")
    assert loc["successor_province"] == "Quảng Ngãi" and loc["successor_province_code"] == "51"


# -- domains -----------------------------------------------------------------


@pytest.mark.parametrize(
    "domain, province",
    [
        ("baokontum.com.vn", "Kon Tum"),
        ("thainguyen.gov.vn", "Thái Nguyên"),
        ("https://www.baovinhlong.com.vn/thoi-su/", "Vĩnh Long"),
        ("dantoc.thuathienhue.gov.vn", "Thừa Thiên Huế"),
        ("baobariavungtau.com.vn", "Bà Rịa - Vũng Tàu"),
        ("baodaklak.vn", "Đắk Lắk"),
        ("hanoimoi.vn", "Hà Nội"),
        ("phongdien.cantho.gov.vn", "Cần Thơ"),
    ],
)
def test_province_from_domain(gaz, domain, province):
    assert province_from_domain(domain, gaz).name == province


def test_domain_of_no_province(gaz):
    assert province_from_domain("dangcongsan.vn", gaz) is None
    assert province_from_domain(None, gaz) is None


# -- primary ---------------------------------------------------------------------


def test_primary_is_the_most_specific_resolved_unit(gaz):
    body = "Ban Dân vận Huyện ủy Krông Pắc (Đắk Lắk) tổ chức hội nghị. Tỉnh Đắk Lắk có 15 huyện."
    locs = find(gaz, "Dân vận", body)
    assert primary_locality(locs)["code"] == "654"


def test_primary_of_nothing(gaz):
    assert primary_locality([]) is None
    assert primary_locality(find(gaz, "Hội nghị", "Huyện ủy Châu Thành tổ chức hội nghị.")) is None


def test_locality_dict_has_the_contract_keys(gaz):
    (loc,) = find(gaz, "Dân vận", "Đoàn công tác làm việc tại tỉnh Kon Tum.")
    assert {
        "name", "level", "unit_type", "province", "code", "province_code", "era", "ambiguous", "candidates", "evidence"
    } <= set(loc)
    assert loc["evidence"] == "Đoàn công tác làm việc tại tỉnh Kon Tum."


def test_primary_is_the_district_of_the_headline_not_a_commune_listed_in_passing(gaz):
    title = "Kon Plông: Tổng kết phong trào Dân vận khéo"
    body = (
        "Huyện ủy Kon Plông tổ chức tổng kết. Mô hình được nhân rộng ở các xã Hiếu, Măng Cành. "
        "Ông A Hmon ở xã Hiếu chia sẻ. UBND huyện Kon Plông khen thưởng 15 tập thể."
    )
    assert primary_locality(find(gaz, title, body))["code"] == "613"


def test_primary_prefers_the_more_specific_unit_on_a_tie(gaz):
    locs = find(gaz, "Vĩnh Tường (Vĩnh Phúc): Ký kết", "UBND huyện Vĩnh Tường (Vĩnh Phúc) tổ chức hội nghị.")
    assert primary_locality(locs)["code"] == "252"


# -- invented articles -------------------------------------------------------------

ARTICLES = runpy.run_path(str(Path(__file__).parent / "data" / "articles.py"))["ARTICLES"]


def _as_found(loc):
    if loc["ambiguous"]:
        return ("ambiguous", loc["name"])
    name = loc["name"].lstrip("0") or loc["name"]  # "Phường 04" is "Phường 4"
    return (loc["level"], name, loc["province"])


@pytest.mark.parametrize("article", ARTICLES, ids=[a["title"][:40] for a in ARTICLES])
def test_invented_article_localities(gaz, article):
    locs = find(gaz, article["title"], article["body"], domain=article.get("domain"), year=article.get("year"))
    assert {_as_found(loc) for loc in locs} == article["localities"]
    if article.get("post2025"):
        assert all(loc["era"] == "post2025" for loc in locs if not loc["ambiguous"])


def test_commune_named_under_its_province_in_2025_is_post_reform(gaz):
    locs = find(gaz, "Dân vận", "Ngày 25/8, Đảng ủy xã Ea Kly, tỉnh Đắk Lắk ra mắt mô hình.", year=2025)
    assert {(loc["era"], loc["level"]) for loc in locs} == {("post2025", "commune"), ("post2025", "province")}


def test_a_district_keeps_a_2025_article_pre_reform(gaz):
    body = "Ngày 5/3, UBND xã Ea Kly, huyện Krông Pắc, tỉnh Đắk Lắk ra mắt mô hình."
    locs = find(gaz, "Dân vận", body, year=2025)
    assert {loc["era"] for loc in locs} == {"pre2025"}


def test_units_listed_after_a_plural_type_and_a_few_words(gaz):
    body = "Đồng chí đề nghị quan tâm các xã vùng cao như Bản Thi, Xuân Lạc của huyện Chợ Đồn."
    assert {loc["name"] for loc in find(gaz, "Dân vận", body)} == {"Bản Thi", "Xuân Lạc", "Chợ Đồn"}


def test_site_of_a_merged_province_still_resolves_after_the_reform(gaz):
    # Kon Tum became part of Quảng Ngãi; after 2025 there is a xã Sơn Thủy there and in two other provinces.
    locs = find(gaz, "Dân vận", "Đảng ủy xã Sơn Thủy ra mắt mô hình.", domain="baokontum.com.vn", year=2026)
    assert [(loc["era"], loc["province"], loc["ambiguous"]) for loc in locs] == [("post2025", "Quảng Ngãi", False)]


def test_site_footer_addresses_are_noise(gaz):
    body = (
        "Ban Dân vận Huyện ủy Krông Pắc tổ chức hội nghị.\n"
        "Địa chỉ: 58 Lê Lợi, phường Thống Nhất, TP Buôn Ma Thuột\n"
        "Giấy phép số 12/GP-BTTTT do Bộ Thông tin cấp. Trụ sở: xã Ea Kly\n"
    )
    assert keys(find(gaz, "Dân vận", body)) == {("district", "654")}


@pytest.mark.parametrize("written", ["Đắc Lắc", "Daklak", "tỉnh Đắc Lắc", "tỉnh Đăk Lăk", "Đắk Lắk"])
def test_province_spellings(gaz, written):
    assert keys(find(gaz, "Dân vận", f"Hội nghị diễn ra tại {written}.")) == {("province", "66")}


def test_province_spelling_with_a_dash(gaz):
    assert keys(find(gaz, "Dân vận", "Ban Dân vận Tỉnh ủy Thừa Thiên - Huế tổ chức hội nghị.")) == {("province", "46")}


def test_person_name_after_a_type_word_is_not_a_place(gaz):
    # Đinh Văn is a town in Lâm Đồng; here it starts a chairman's name.
    assert find(gaz, "Dân vận", "Chủ tịch UBND xã Đinh Văn Hùng phát biểu.") == []


def test_abbreviation_dots_do_not_cut_a_sentence(gaz):
    locs = find(gaz, "Dân vận", "Chủ tịch UBND TP. Buôn Ma Thuột dự. Tại TX. Buôn Hồ, hội nghị diễn ra.")
    assert keys(locs) == {("district", "643"), ("district", "644")}


@pytest.mark.parametrize("body", ["Tại tỉnh Bà Rịa – Vũng Tàu, hội nghị diễn ra.", "Tỉnh ủy Bà Rịa – Vũng Tàu chỉ đạo."])
def test_en_dash_inside_a_province_name(gaz, body):
    assert keys(find(gaz, "Dân vận", body)) == {("province", "77")}


def test_province_after_an_abbreviated_body(gaz):
    assert keys(find(gaz, "Dân vận", "Đồn Biên phòng Ma Lù Thàng, BĐBP Lai Châu tổ chức.")) >= {("province", "12")}


@pytest.mark.parametrize(
    "body", ["Thôn Thái Bình có 300 hộ.", "Nước sông Đồng Nai dâng cao.", "Đường Hà Nội được mở rộng.", "Chợ Bình Dương đông vui."]
)
def test_a_province_name_naming_something_else_is_not_the_province(gaz, body):
    assert find(gaz, "Dân vận", body) == []


# -- era from the article's date, former units, lists and counts --------------


def find_dated(gaz, title, body, published_on, domain=None):
    return find_localities(
        normalize(title), normalize(body), source_domain=domain, gazetteer=gaz,
        year=published_on.year, published_on=published_on,
    )


def eras(locs):
    return {(loc["level"], loc["name"], loc["era"]) for loc in locs}


def test_an_article_dated_after_the_reform_names_post_reform_units(gaz):
    # A former district named for context does not pull the article back before the reform.
    body = (
        "Ngày 20/9, Ban Xây dựng Đảng Đảng ủy xã Bom Bo, tỉnh Đồng Nai ký kết quy chế phối hợp. "
        "Xã Bom Bo được thành lập trên cơ sở sáp nhập các xã của huyện Bù Đăng (cũ)."
    )
    locs = find_dated(gaz, "Dân vận", body, date(2025, 9, 21))
    assert eras(locs) == {
        ("commune", "Bom Bo", "post2025"), ("province", "Đồng Nai", "post2025"), ("district", "Bù Đăng", "pre2025"),
    }


def test_an_article_dated_before_july_2025_keeps_pre_reform_units(gaz):
    locs = find_dated(gaz, "Dân vận", "Ngày 5/3, UBND xã Ea Kly, tỉnh Đắk Lắk ra mắt mô hình.", date(2025, 3, 6))
    assert {loc["era"] for loc in locs} == {"pre2025"}


def test_a_province_written_as_former_is_pre_reform(gaz):
    body = "Đồng chí từng công tác tại tỉnh Bình Phước (cũ), nay là Ủy viên Ban Thường vụ Tỉnh ủy Đồng Nai."
    locs = find_dated(gaz, "Dân vận", body, date(2025, 10, 2))
    assert ("province", "Bình Phước", "pre2025") in eras(locs)
    assert ("province", "Đồng Nai", "post2025") in eras(locs)


def test_a_ward_that_exists_only_after_the_reform(gaz):
    body = "Sáng 3/12, đoàn công tác làm việc với Đảng ủy phường Hội An Đông, thành phố Đà Nẵng."
    locs = find_dated(gaz, "Dân vận", body, date(2025, 12, 3))
    assert eras(locs) == {("commune", "Hội An Đông", "post2025"), ("province", "Đà Nẵng", "post2025")}


def test_a_former_unit_without_date_makes_the_article_post_reform(gaz):
    body = "Đảng ủy xã Lâm Bình, tỉnh Tuyên Quang (trước đây thuộc huyện Lâm Bình cũ) tổ chức hội nghị."
    locs = find(gaz, "Dân vận", body, year=2025)
    assert ("commune", "Lâm Bình", "post2025") in eras(locs)


def test_a_border_post_named_after_a_merged_commune_is_not_a_place_after_the_reform(gaz):
    body = "Ngày 9/10, Đảng ủy xã Lìa, tỉnh Quảng Trị ký kết quy chế với Đồn Biên phòng Thanh."
    locs = find_dated(gaz, "Dân vận", body, date(2025, 10, 10))
    assert eras(locs) == {("commune", "Lìa", "post2025"), ("province", "Quảng Trị", "post2025")}


@pytest.mark.parametrize(
    "body, names",
    [
        ("Mô hình được nhân rộng ở các xã vùng cao Pà Cò, Hang Kia của huyện Mai Châu.", {"Pà Cò", "Hang Kia", "Mai Châu"}),
        ("Hai xã biên giới Bản Lầu và Lùng Vai của huyện Mường Khương đã làm tốt.", {"Bản Lầu", "Lùng Vai", "Mường Khương"}),
        ("Đoàn đến thăm các xã đặc biệt khó khăn Ngọc Linh, Mường Hoong của huyện Đắk Glei.", {"Ngọc Linh", "Mường Hoong", "Đắk Glei"}),
    ],
)
def test_communes_listed_after_a_plural_type_and_describing_words(gaz, body, names):
    assert {loc["name"] for loc in find(gaz, "Dân vận", body)} == names


def test_the_words_placing_a_plural_type_do_not_start_a_list(gaz):
    body = "Lãnh đạo các xã của huyện Mai Châu cùng dự hội nghị."
    assert {(loc["level"], loc["name"]) for loc in find(gaz, "Dân vận", body)} == {("district", "Mai Châu")}


@pytest.mark.parametrize(
    "body",
    [
        "Ban Dân vận Huyện ủy Tam Nông chỉ đạo thị trấn Tràm Chim và 11 xã xây dựng mô hình.",
        "Huyện Ba Tơ có xã Ba Động, xã Ba Thành và 15 xã khác.",
    ],
)
def test_a_count_after_a_listed_unit_is_not_a_unit(gaz, body):
    assert not any(loc["name"].isdigit() or loc["ambiguous"] for loc in find(gaz, "Dân vận", body))


def test_units_merged_into_a_new_one_are_former(gaz):
    body = (
        "Ngày 14/9, Đảng ủy xã Y Tý, tỉnh Lào Cai tổ chức hội nghị. Xã Y Tý được thành lập trên cơ sở "
        "sáp nhập xã Y Tý và xã Dền Sáng của huyện Bát Xát."
    )
    locs = find_dated(gaz, "Dân vận", body, date(2025, 9, 15))
    assert ("commune", "Dền Sáng", "pre2025") in eras(locs)
    assert ("commune", "Y Tý", "post2025") in eras(locs)


def test_the_unit_after_a_merger_is_not_former(gaz):
    body = "Sau hợp nhất với tỉnh Bình Phước, tỉnh Đồng Nai có 95 xã, phường."
    locs = find_dated(gaz, "Dân vận", body, date(2025, 9, 15))
    assert ("province", "Đồng Nai", "post2025") in eras(locs)
    assert ("province", "Bình Phước", "pre2025") in eras(locs)


def test_units_a_new_commune_was_formed_from_are_former(gaz):
    body = (
        "Sáng 19/11, Đảng ủy xã Ba Vì, thành phố Hà Nội tổ chức hội nghị. Xã Ba Vì mới được thành lập từ "
        "các xã Ba Vì, Khánh Thượng và Minh Quang của huyện Ba Vì (cũ)."
    )
    found = {(loc["name"], loc["era"], loc["province"]) for loc in find_dated(gaz, "Dân vận", body, date(2025, 11, 20))}
    assert {("Khánh Thượng", "pre2025", "Hà Nội"), ("Minh Quang", "pre2025", "Hà Nội")} <= found
    assert ("Ba Vì", "post2025", "Hà Nội") in found


# -- real page shapes: abbreviated unit words, a unit said to be one, datelines --


def test_h_dot_stands_for_huyen(gaz):
    body = "Công an xã Ea Pô (H. Cư Jút, tỉnh Đắk Nông) tọa đàm với công an xã bạn."
    assert keys(find(gaz, "Tọa đàm vùng giáp ranh", body)) == {("commune", "24646"), ("district", "662"), ("province", "67")}


def test_an_abbreviation_glued_to_the_name(gaz):
    body = "Đoàn đến thăm các chùa Khmer thuộc TP.Kon Tum và huyện Đăk Hà."
    assert ("district", "608") in keys(find(gaz, "Thăm hỏi nhân dịp Tết", body))


def test_a_unit_said_to_be_one(gaz):
    body = "Ngày 2/3, Hội Nông dân huyện ký kết với các đồn biên phòng. Tân Kỳ là huyện miền núi có nhiều đồng bào."
    assert keys(find(gaz, "Ký kết chương trình phối hợp", body)) == {("district", "423")}


def test_a_person_said_to_be_a_member_is_no_place(gaz):
    body = "Ông Tân Kỳ là huyện ủy viên."
    assert keys(find(gaz, "Gặp mặt", body)) == set()


def test_the_place_a_lead_is_filed_from(gaz):
    body = "(PV) - NGHỆ AN - Sáng 3/4, Ban Dân vận Tỉnh ủy tổ chức hội nghị giao ban khối dân vận."
    assert keys(find(gaz, "Giao ban khối dân vận quý I", body)) == {("province", "40")}


def test_a_list_goes_on_after_a_commune_the_gazetteer_lacks(gaz):
    body = "Nhiều mô hình hay ở xã Bạch Mã Đông, Thượng Nhật đã được nhân rộng."
    assert keys(find(gaz, "Dân vận khéo", body)) == {("commune", "20191")}


def test_a_committee_written_in_lower_case_names_its_district(gaz):
    locs = find(gaz, "Hội nghị", "Ban Dân vận huyện ủy Quỳnh Lưu và Công an huyện ký kết chương trình phối hợp.")
    assert keys(locs) == {("district", "421")}


def test_bare_cities_listed_before_their_bracketed_province(gaz):
    body = (
        "Hội nghị có đại diện Ủy ban MTTQ các địa phương giáp ranh: Long Thành, Nhơn Trạch (tỉnh Đồng Nai), "
        "Bến Cát, Tân Uyên (tỉnh Bình Dương)."
    )
    assert {("district", "740"), ("district", "742"), ("district", "721"), ("district", "723")} <= keys(find(gaz, "Hội nghị", body))


def test_a_bare_name_with_its_province_in_brackets_is_the_district_not_its_ward(gaz):
    locs = find(gaz, "Hội nghị", "Đoàn công tác làm việc tại Dĩ An (Bình Dương).")
    assert ("district", "724") in keys(locs) and not ambiguous(locs)


def test_a_party_committee_after_a_listed_commune_is_no_unit(gaz):
    body = "Đảng ủy xã Tam Thanh và Đảng ủy xã Tam Hải ký kết quy chế phối hợp."
    assert all(loc["name"] != "Dang" for loc in find(gaz, "Hội nghị", body))


def test_a_district_in_brackets_after_a_commune(gaz):
    locs = find(gaz, "Hội nghị", "Đảng ủy xã Tà Bhing và Đảng ủy xã Zuôih (Nam Giang) ký quy chế phối hợp.")
    assert {("district", "510"), ("commune", "20710"), ("commune", "20701")} <= keys(locs)


def test_the_bracketed_district_settles_which_commune_is_meant(gaz):
    locs = find(gaz, "Hội nghị", "Đoàn công tác về thăm xã Thượng Long (Nam Đông).")
    assert keys(locs) == {("district", "483"), ("commune", "20188")}
