"""Organisations: expanded names, the article's locality applied to bare scopes, kinds."""

import pytest

from archive.extract.gazetteer import load_gazetteer
from archive.extract.organisations import find_organisations, normalise_party
from archive.extract.places import find_localities
from archive.text import normalize


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def orgs(gaz, body, title="Hội nghị", domain=None):
    title, body = normalize(title), normalize(body)
    localities = find_localities(title, body, source_domain=domain, gazetteer=gaz)
    return {o["name"]: o["kind"] for o in find_organisations(title, body, localities=localities, gazetteer=gaz)}


def localities_of(gaz, body, title="Hội nghị", domain=None):
    return find_localities(normalize(title), normalize(body), source_domain=domain, gazetteer=gaz)


def test_bare_scope_gets_the_article_district(gaz):
    body = "Sáng 26/5, Ban Dân vận Huyện ủy và UBND huyện Vĩnh Tường (Vĩnh Phúc) tổ chức hội nghị."
    assert orgs(gaz, body) == {
        "Ban Dân vận Huyện ủy Vĩnh Tường": "mass_mobilisation_commission",
        "Ủy ban nhân dân huyện Vĩnh Tường": "people_committee",
    }


def test_partner_bodies_of_a_district_programme(gaz):
    body = (
        "Ban Dân vận Huyện ủy Phong Điền đã ký kết Chương trình phối hợp với các cơ quan gồm UBND huyện; "
        "UBMTTQVN huyện; Ban Chỉ huy Quân sự huyện; Công an huyện, Đồn Biên phòng Phong Hải."
    )
    assert orgs(gaz, body) == {
        "Ban Dân vận Huyện ủy Phong Điền": "mass_mobilisation_commission",
        "Ủy ban nhân dân huyện Phong Điền": "people_committee",
        "Ủy ban Mặt trận Tổ quốc Việt Nam huyện Phong Điền": "fatherland_front",
        "Ban Chỉ huy Quân sự huyện Phong Điền": "military",
        "Công an huyện Phong Điền": "police",
        "Đồn Biên phòng Phong Hải": "border_guard",
    }


def test_province_level_bodies(gaz):
    body = (
        "Ban Cán sự đảng UBND tỉnh và Ban Dân vận Tỉnh ủy ký kết chương trình. Dự có các đồng chí Ủy viên BTV "
        "Tỉnh ủy; lãnh đạo Ủy ban MTTQ tỉnh, HĐND tỉnh Thái Nguyên."
    )
    found = orgs(gaz, body)
    assert found["Ban cán sự đảng Ủy ban nhân dân tỉnh Thái Nguyên"] == "party_committee"
    assert found["Ban Dân vận Tỉnh ủy Thái Nguyên"] == "mass_mobilisation_commission"
    assert found["Ban Thường vụ Tỉnh ủy Thái Nguyên"] == "party_committee"
    assert found["Ủy ban Mặt trận Tổ quốc tỉnh Thái Nguyên"] == "fatherland_front"
    assert found["Hội đồng nhân dân tỉnh Thái Nguyên"] == "people_council"


def test_province_of_a_district_article_scopes_tinh_bodies(gaz):
    body = "Huyện ủy Krông Pắc báo cáo với Ban Dân vận Tỉnh ủy về kết quả thực hiện."
    found = orgs(gaz, body)
    assert found["Ban Dân vận Tỉnh ủy Đắk Lắk"] == "mass_mobilisation_commission"
    assert found["Huyện ủy Krông Pắc"] == "party_committee"


def test_central_bodies(gaz):
    body = (
        "Đoàn kiểm tra của BCĐ Trung ương về tổng kết Quyết định 290-QĐ/TW của Bộ Chính trị. "
        "Phó Trưởng Ban Dân vận Trung ương phát biểu. Thủ tướng Chính phủ ban hành Chỉ thị. "
        "BCH Trung ương Đảng họp."
    )
    assert orgs(gaz, body) == {
        "Ban Chỉ đạo Trung ương": "other",
        "Bộ Chính trị": "government",
        "Ban Dân vận Trung ương": "mass_mobilisation_commission",
        "Thủ tướng Chính phủ": "government",
        "Ban Chấp hành Trung ương Đảng": "party_committee",
    }


def test_mass_organisations_and_departments(gaz):
    body = (
        "Hội Nông dân huyện, Hội LHPN huyện, Hội CCB huyện, Đoàn Thanh niên xã và Liên đoàn Lao động tỉnh "
        "cùng Sở Nội vụ, Phòng Văn hóa và Thông tin huyện tham gia. Tòa án nhân dân huyện và VKSND huyện "
        "ký quy chế. Bộ Chỉ huy Bộ đội Biên phòng tỉnh Kon Tum cử cán bộ."
    )
    found = orgs(gaz, body)
    assert found["Hội Nông dân huyện"] == "mass_organisation"
    assert found["Hội Liên hiệp Phụ nữ huyện"] == "mass_organisation"
    assert found["Hội Cựu chiến binh huyện"] == "mass_organisation"
    assert "Đoàn Thanh niên xã" not in found  # any commune's, in an article about the province
    assert found["Liên đoàn Lao động tỉnh Kon Tum"] == "mass_organisation"
    assert found["Sở Nội vụ tỉnh Kon Tum"] == "department"  # a bare department is the province's
    assert found["Phòng Văn hóa và Thông tin huyện"] == "department"
    assert found["Tòa án nhân dân huyện"] == "court"
    assert found["Viện Kiểm sát nhân dân huyện"] == "procuracy"
    assert found["Bộ Chỉ huy Bộ đội Biên phòng tỉnh Kon Tum"] == "border_guard"


def test_city_article_applies_the_city(gaz):
    body = "Thành ủy Kon Tum chỉ đạo UBND thành phố và Công an thành phố phối hợp."
    found = orgs(gaz, body)
    assert "Ủy ban nhân dân thành phố Kon Tum" in found
    assert "Công an thành phố Kon Tum" in found


def test_bare_scope_without_a_known_locality_stays_bare(gaz):
    assert orgs(gaz, "Ban Dân vận Huyện ủy phối hợp với UBND huyện.") == {
        "Ban Dân vận Huyện ủy": "mass_mobilisation_commission",
        "Ủy ban nhân dân huyện": "people_committee",
    }


def test_plural_scopes_are_not_one_body(gaz):
    assert orgs(gaz, "UBND các huyện, thành phố triển khai thực hiện.") == {}


def test_person_name_after_a_scope_is_not_a_place(gaz):
    body = "Chủ tịch UBND huyện Lê Nguyễn Thành Trung chứng kiến. Huyện ủy Vĩnh Tường chỉ đạo."
    assert "Ủy ban nhân dân huyện Vĩnh Tường" in orgs(gaz, body)


def test_organisations_are_unique_by_folded_name(gaz):
    body = "Ban Dân vận Huyện ủy Phong Điền. Ban dân vận Huyện ủy Phong Điền. Ban Dân vận HU Phong Điền."
    assert list(orgs(gaz, body)) == ["Ban Dân vận Huyện ủy Phong Điền"]


def test_organisation_dict_has_the_contract_keys(gaz):
    (org,) = find_organisations("Hội nghị", "UBND tỉnh Kon Tum họp.", localities=[], gazetteer=gaz)
    assert org == {
        "name": "Ủy ban nhân dân tỉnh Kon Tum",
        "as_written": "UBND tỉnh Kon Tum",
        "kind": "people_committee",
        "evidence": "UBND tỉnh Kon Tum họp.",
    }


# -- normalise_party -----------------------------------------------------------


@pytest.mark.parametrize(
    "span, name, kind",
    [
        ("UBND huyện", "Ủy ban nhân dân huyện Phong Điền", "people_committee"),
        ("Ban CHQS huyện", "Ban Chỉ huy Quân sự huyện Phong Điền", "military"),
        ("Đồn Biên phòng Phong Hải", "Đồn Biên phòng Phong Hải", "border_guard"),
        ("Ban Dân vận Huyện ủy", "Ban Dân vận Huyện ủy Phong Điền", "mass_mobilisation_commission"),
        ("UBMTTQVN huyện", "Ủy ban Mặt trận Tổ quốc Việt Nam huyện Phong Điền", "fatherland_front"),
        ("Công an huyện", "Công an huyện Phong Điền", "police"),
        ("Ban cán sự đảng UBND tỉnh", "Ban cán sự đảng Ủy ban nhân dân tỉnh Thừa Thiên Huế", "party_committee"),
    ],
)
def test_normalise_party(gaz, span, name, kind):
    localities = localities_of(gaz, "Huyện ủy Phong Điền và Đồn Biên phòng Phong Hải.")
    party = normalise_party(span, localities=localities, gazetteer=gaz)
    assert party == {"name": name, "kind": kind, "as_written": span}


@pytest.mark.parametrize("span", ["các cơ quan liên quan", "đại diện lãnh đạo", "nhân dân", ""])
def test_normalise_party_rejects_what_is_not_a_body(gaz, span):
    assert normalise_party(span, localities=[], gazetteer=gaz) is None


def test_issuer_inside_a_document_number_is_not_a_body(gaz):
    assert orgs(gaz, "Theo Quyết định số 1234/QĐ-UBND ngày 5/10/2023, huyện được công nhận.") == {}


def test_numbered_units_keep_their_type(gaz):
    body = "Quận ủy Quận 8 và UBND quận 8 họp. Quận ủy chỉ đạo UBND quận."
    assert list(orgs(gaz, body)) == ["Quận ủy Quận 8", "Ủy ban nhân dân quận 8"]


def test_central_city_written_with_tp(gaz):
    assert "Thường trực Thành ủy Thành phố Hồ Chí Minh" in orgs(gaz, "Thường trực Thành ủy TP Hồ Chí Minh dự.")


def test_undecided_district_still_names_the_bodies(gaz):
    body = "Huyện ủy Châu Thành tổ chức hội nghị. Huyện ủy chỉ đạo UBND huyện triển khai."
    assert list(orgs(gaz, body)) == ["Huyện ủy Châu Thành", "Ủy ban nhân dân huyện Châu Thành"]


def test_a_head_without_scope_is_not_a_body(gaz):
    assert orgs(gaz, "Lực lượng Công an tham gia. Bộ Công an chỉ đạo.") == {"Bộ Công an": "police"}


def test_standing_deputy_title_is_not_a_standing_committee(gaz):
    body = "Đồng chí Đỗ Xuân Trường, Phó Bí thư Thường trực Huyện ủy Yên Lạc dự. Thường trực Huyện ủy chỉ đạo."
    assert list(orgs(gaz, body)) == ["Huyện ủy Yên Lạc", "Thường trực Huyện ủy Yên Lạc"]


def test_party_committee_of_provincial_agencies(gaz):
    body = "Đảng ủy Khối các cơ quan tỉnh Hà Tĩnh tổ chức sơ kết."
    assert orgs(gaz, body) == {"Đảng ủy Khối các cơ quan tỉnh Hà Tĩnh": "party_committee"}


# -- post-2025 bodies, bodies inside bodies, central prefixes, generic scopes --


def orgs_dated(gaz, body, published_on, title="Hội nghị"):
    from datetime import date

    title, body = normalize(title), normalize(body)
    localities = find_localities(
        title, body, source_domain=None, gazetteer=gaz, year=published_on[0], published_on=date(*published_on)
    )
    return {o["name"]: o["kind"] for o in find_organisations(title, body, localities=localities, gazetteer=gaz)}


def test_post_reform_provincial_commissions(gaz):
    body = (
        "Chiều 14/10, Ban Tuyên giáo và Dân vận Tỉnh ủy Lào Cai và Đảng ủy UBND tỉnh ký kết quy chế phối hợp. "
        "Dự có đại diện Đảng ủy các cơ quan Đảng tỉnh và Ban Xây dựng Đảng Đảng ủy phường Cam Đường."
    )
    found = orgs_dated(gaz, body, (2025, 10, 15))
    assert found["Ban Tuyên giáo và Dân vận Tỉnh ủy Lào Cai"] == "mass_mobilisation_commission"
    assert found["Đảng ủy Ủy ban nhân dân tỉnh Lào Cai"] == "party_committee"
    assert found["Đảng ủy các cơ quan Đảng tỉnh Lào Cai"] == "party_committee"
    assert found["Ban Xây dựng Đảng Đảng ủy phường Cam Đường"] == "party_committee"
    assert "Tỉnh ủy Lào Cai" not in found and "Ủy ban nhân dân tỉnh Lào Cai" not in found


def test_bare_city_committee_after_the_reform_is_the_central_citys(gaz):
    body = (
        "Ngày 2/12, Ban Tuyên giáo và Dân vận Thành ủy làm việc với Đảng ủy phường Hải Châu, thành phố Đà Nẵng. "
        "Phường được thành lập từ các phường của quận Hải Châu (cũ)."
    )
    found = orgs_dated(gaz, body, (2025, 12, 3))
    assert "Ban Tuyên giáo và Dân vận Thành ủy Đà Nẵng" in found
    assert not any("Thành ủy Hải Châu" in name for name in found)


@pytest.mark.parametrize(
    "body, name",
    [
        ("Hội nghị có đại diện Trung ương Hội Nông dân Việt Nam.", "Trung ương Hội Nông dân Việt Nam"),
        ("Đồng chí là Phó Chủ tịch Trung ương Hội LHPN Việt Nam.", "Trung ương Hội Liên hiệp Phụ nữ Việt Nam"),
        ("Dự có lãnh đạo Đoàn Chủ tịch UBTW MTTQ Việt Nam.",
         "Đoàn Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam"),
        ("Đảng ủy Đồn Biên phòng Cửa khẩu Quốc tế Lao Bảo ký kết với Đảng ủy xã.",
         "Đảng ủy Đồn Biên phòng Cửa khẩu Quốc tế Lao Bảo"),
        ("Ban Chấp hành Đảng bộ huyện Mường Khương họp phiên thường kỳ.", "Ban Chấp hành Đảng bộ huyện Mường Khương"),
        ("Ban Thường trực Ủy ban MTTQ Việt Nam huyện Mường Khương chủ trì.",
         "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam huyện Mường Khương"),
    ],
)
def test_bodies_named_inside_or_under_another(gaz, body, name):
    assert name in orgs(gaz, body)


def test_a_standing_committee_member_belongs_to_the_committee_named_after_the_titles(gaz):
    body = "Dự có đồng chí Giàng A Lử - Ủy viên Ban Thường vụ, Trưởng Ban Dân vận Huyện ủy Mường Khương."
    assert "Ban Thường vụ Huyện ủy Mường Khương" in orgs(gaz, body)


def test_bare_mass_organisations_and_front_take_the_articles_unit(gaz):
    body = (
        "Ban Dân vận Huyện ủy Bảo Thắng phối hợp với Ủy ban MTTQ, Hội Nông dân, Hội LHPN và Sở Nội vụ "
        "tỉnh Lào Cai triển khai mô hình."
    )
    found = orgs(gaz, body)
    assert "Hội Nông dân huyện Bảo Thắng" in found
    assert "Hội Liên hiệp Phụ nữ huyện Bảo Thắng" in found
    assert "Ủy ban Mặt trận Tổ quốc huyện Bảo Thắng" in found
    assert "Hội Nông dân" not in found


def test_a_communes_body_in_a_district_article_is_generic(gaz):
    body = "Ban Dân vận Huyện ủy Bảo Thắng đề nghị lực lượng Công an xã bám sát địa bàn."
    assert "Công an xã" not in orgs(gaz, body)


@pytest.mark.parametrize(
    "body, name",
    [
        ("Ông là Bí thư Chi bộ thôn Pà Xua, xã Trà Leng.", "Chi bộ thôn Pà Xua"),
        ("Chi hội Phụ nữ bản Nà Hẩu ra mắt mô hình dân vận khéo.", "Chi hội Phụ nữ bản Nà Hẩu"),
        ("Ban Dân vận Tỉnh ủy Lâm Đồng ký kết với Ban Dân tộc tỉnh.", "Ban Dân tộc tỉnh Lâm Đồng"),
        ("Khối Dân vận xã Bản Lầu triển khai kế hoạch năm 2024.", "Khối Dân vận xã Bản Lầu"),
        ("Ban Dân vận Trung ương và Ủy ban Dân tộc ký kết chương trình phối hợp.", "Ủy ban Dân tộc"),
    ],
)
def test_village_bodies_and_other_named_bodies(gaz, body, name):
    assert name in orgs(gaz, body)


def test_a_party_cell_without_its_village_is_not_a_body(gaz):
    assert not any(name.startswith("Chi bộ") for name in orgs(gaz, "Các chi bộ và Chi bộ đã học tập nghị quyết."))


def test_a_special_zone_is_a_commune_level_scope(gaz):
    body = "Ngày 19/8, Đảng ủy đặc khu Vân Đồn và UBND đặc khu tổ chức ra mắt mô hình."
    found = orgs_dated(gaz, body, (2025, 8, 20))
    assert "Đảng ủy đặc khu Vân Đồn" in found and "Ủy ban nhân dân đặc khu Vân Đồn" in found
