"""The directories: officials, places, organisations and cited documents,
A–Z in Vietnamese order, filtered, paginated, exported, linked from the
header, in a bounded number of queries whatever the archive holds."""

import csv
import io

import pytest
from django.urls import reverse

from archive.models import Citation, Document, Fact, Locality, Official
from tests import factories as f
from tests.factories import plain_static  # noqa: F401 - fixture

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("plain_static")]

OFFICIALS, PLACES = reverse("archive:officials"), reverse("archive:localities")
ORGANISATIONS, DOCUMENTS = reverse("archive:organisations"), reverse("archive:documents")


def names(response):
    return [row.name for row in response.context["page"]]


def read_csv(response):
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))


@pytest.fixture
def archive():
    hue = f.locality("Thừa Thiên Huế", level="province")
    phong_dien = f.locality("Phong Điền", province="Thừa Thiên Huế")
    vinh_tuong = f.locality("Vĩnh Tường", province="Vĩnh Phúc")
    rows = [
        f.article("Phong Điền ký kết", published_on="2021-09-11", localities=[phong_dien],
                  officials=[("Trần Thị Diệu Minh", "Trưởng Ban Dân vận Huyện ủy")],
                  organisations=[("Ban Dân vận Huyện ủy Phong Điền", "mass_mobilisation_commission")]),
        f.article("Phong Điền sơ kết", published_on="2023-05-26", localities=[phong_dien],
                  officials=[("Trần Thị Diệu Minh", "Phó Bí thư Huyện ủy")]),
        f.article("Vĩnh Tường tổng kết", published_on="2022-04-05", localities=[vinh_tuong],
                  officials=[("Đặng Văn Hùng", "Chủ tịch UBND huyện"), ("Dương Thị Lan", "Bí thư Huyện ủy")],
                  organisations=[("Công an huyện Vĩnh Tường", "police")]),
        f.article("Huế dân vận", published_on="2024-01-10", localities=[hue],
                  officials=[("Trấn Văn Thi", "Bí thư Tỉnh ủy")]),
    ]
    for official in Official.objects.filter(name__in=["Trần Thị Diệu Minh", "Dương Thị Lan"]):
        official.roles.update(locality=phong_dien if official.name.startswith("Trần") else vinh_tuong)
    chi_thi = Document.objects.create(number="33/CT-TTg", kind="Chỉ thị")
    ke_hoach = Document.objects.create(number="120/2022/KH-UBND", kind="Kế hoạch")
    Citation.objects.create(article=rows[0], document=chi_thi, origin=Fact.Origin.IMPORT)
    Citation.objects.create(article=rows[1], document=chi_thi, origin=Fact.Origin.IMPORT)
    Citation.objects.create(article=rows[2], document=ke_hoach, origin=Fact.Origin.IMPORT)
    return rows


def test_officials_are_listed_a_to_z_in_vietnamese_order_with_articles_and_latest_title(client, archive):
    response = client.get(OFFICIALS)
    assert names(response) == ["Dương Thị Lan", "Đặng Văn Hùng", "Trần Thị Diệu Minh", "Trấn Văn Thi"]
    minh = next(o for o in response.context["page"] if o.name == "Trần Thị Diệu Minh")
    assert minh.article_count == 2 and minh.latest.title == "Phó Bí thư Huyện ủy"
    assert "Phó Bí thư Huyện ủy" in response.text and "Huyện Phong Điền" in response.text
    assert names(client.get(OFFICIALS, {"chu": "Đ"})) == ["Đặng Văn Hùng"]
    assert names(client.get(OFFICIALS, {"chu": "D"})) == ["Dương Thị Lan"]


@pytest.mark.parametrize("typed, expected", [
    ("tran thi", ["Trần Thị Diệu Minh"]),  # the words side by side
    ("TRAN", ["Trần Thị Diệu Minh", "Trấn Văn Thi"]),
    ("thi", ["Dương Thị Lan", "Trần Thị Diệu Minh", "Trấn Văn Thi"]),
    ("Thị", ["Dương Thị Lan", "Trần Thị Diệu Minh"]),
    ("Trần thi", ["Trần Thị Diệu Minh"]),
    ("trần thị diệu", ["Trần Thị Diệu Minh"]),
    ("dieu minh", ["Trần Thị Diệu Minh"]),
    ("nobody", []),
])
def test_the_name_is_found_with_or_without_diacritics(client, archive, typed, expected):
    assert names(client.get(OFFICIALS, {"q": typed})) == expected


def test_officials_are_filtered_by_province_and_kind_of_title(client, archive):
    assert names(client.get(OFFICIALS, {"province": "thua-thien-hue"})) == ["Trần Thị Diệu Minh"]
    # Today's Phú Thọ took in Vĩnh Phúc.
    assert names(client.get(OFFICIALS, {"province": "phu-tho-tinh"})) == ["Dương Thị Lan"]
    assert names(client.get(OFFICIALS, {"title": "bi-thu"})) == ["Dương Thị Lan", "Trấn Văn Thi"]
    assert names(client.get(OFFICIALS, {"title": ["chu-tich", "pho-bi-thu"]})) == [
        "Đặng Văn Hùng", "Trần Thị Diệu Minh"
    ]


def test_a_province_and_a_kind_of_title_are_one_role(client, archive):
    """A "bí thư" of a province held that title there, not elsewhere."""
    minh = Official.objects.get(name="Trần Thị Diệu Minh")
    elsewhere = f.article("Vĩnh Phúc", published_on="2019-03-01", officials=[(minh.name, "Bí thư Huyện ủy")])
    elsewhere.roles.update(locality=f.locality("Vĩnh Tường", province="Vĩnh Phúc"))
    assert names(client.get(OFFICIALS, {"province": "thua-thien-hue", "title": "bi-thu"})) == []
    assert names(client.get(OFFICIALS, {"province": "vinh-phuc", "title": "bi-thu"})) == [
        "Dương Thị Lan", "Trần Thị Diệu Minh"
    ]


def test_the_officials_directory_exports_every_row(client, archive):
    rows = read_csv(client.get(OFFICIALS, {"q": "tran", "format": "csv"}))
    assert [row["name"] for row in rows] == ["Trần Thị Diệu Minh", "Trấn Văn Thi"]
    assert rows[0]["latest_title"] == "Phó Bí thư Huyện ủy" and rows[0]["articles"] == "2"


def test_the_places_directory_opens_provinces_districts_and_communes_in_both_eras(client, archive):
    response = client.get(PLACES)
    units = {unit.slug: unit.article_count for unit in response.context["page"]}
    assert len(units) == 63 and units["thua-thien-hue"] == 3 and units["vinh-phuc"] == 1
    response = client.get(PLACES, {"era": "post2025"})
    units = {unit.slug: unit.article_count for unit in response.context["page"]}
    assert len(units) == 34 and units["hue"] == 3 and units["phu-tho-tinh"] == 1
    response = client.get(PLACES, {"tinh": "thua-thien-hue"})
    units = {unit.slug: unit.article_count for unit in response.context["page"]}
    assert units["phong-dien-thua-thien-hue"] == 2
    response = client.get(PLACES, {"tinh": "thua-thien-hue", "huyen": "phong-dien-thua-thien-hue"})
    assert all(unit.level == "commune" for unit in response.context["page"])
    response = client.get(PLACES, {"era": "post2025", "tinh": "hue"})
    assert {unit.level for unit in response.context["page"]} == {"commune"}
    assert client.get(PLACES, {"tinh": "hue"}).status_code == 404  # Huế after the reform is not a pre-2025 unit
    assert client.get(PLACES, {"tinh": "thua-thien-hue", "huyen": "vinh-tuong"}).status_code == 404
    rows = read_csv(client.get(PLACES, {"era": "post2025", "format": "csv"}))
    assert len(rows) == 34


def test_organisations_are_filtered_by_kind_and_province(client, archive):
    for organisation in client.get(ORGANISATIONS).context["page"]:
        assert organisation.article_count == 1
    assert names(client.get(ORGANISATIONS, {"kind": "police"})) == ["Công an huyện Vĩnh Tường"]
    phong_dien = f.locality("Phong Điền", province="Thừa Thiên Huế")
    from archive.models import Organisation

    Organisation.objects.filter(name__contains="Phong Điền").update(locality=phong_dien)
    assert names(client.get(ORGANISATIONS, {"province": "thua-thien-hue"})) == ["Ban Dân vận Huyện ủy Phong Điền"]
    assert len(read_csv(client.get(ORGANISATIONS, {"format": "csv"}))) == 2


def test_documents_are_listed_by_issuer_and_year(client, archive):
    response = client.get(DOCUMENTS)
    rows = {d.number: (d.issuer, d.year, d.article_count) for d in response.context["page"]}
    assert rows == {"33/CT-TTg": ("TTg", None, 2), "120/2022/KH-UBND": ("UBND", 2022, 1)}
    assert ("TTg", 1) in response.context["issuers"] and (2022, 1) in response.context["years"]
    assert [d.number for d in client.get(DOCUMENTS, {"issuer": "TTg"}).context["page"]] == ["33/CT-TTg"]
    assert [d.number for d in client.get(DOCUMENTS, {"year": "2022"}).context["page"]] == ["120/2022/KH-UBND"]
    assert len(read_csv(client.get(DOCUMENTS, {"format": "json"}) and client.get(DOCUMENTS, {"format": "csv"}))) == 2


def test_the_header_links_every_directory(client):
    text = client.get(reverse("archive:home")).text
    for url in (OFFICIALS, PLACES, ORGANISATIONS, DOCUMENTS):
        assert f'href="{url}"' in text


@pytest.mark.parametrize("params", [
    {"chu": "Q"}, {"chu": "x" * 300}, {"chu": "ĐĐ"}, {"q": "\x00"}, {"q": "a" * 5000}, {"province": "nowhere"},
    {"title": "boss"}, {"issuer": "'; DROP"}, {"year": "20222"}, {"year": "abcd"}, {"page": "999"}, {"page": "x"},
    {"era": "<b>"}, {"tinh": "x" * 500}, {"kind": "nope"},
])
def test_no_parameter_is_an_error(client, archive, params):
    for url in (OFFICIALS, PLACES, ORGANISATIONS, DOCUMENTS):
        assert client.get(url, params).status_code in (200, 404), (url, params)


@pytest.mark.parametrize("url, params", [
    (OFFICIALS, {}), (OFFICIALS, {"q": "tran thi", "province": "thua-thien-hue", "title": "bi-thu", "chu": "T"}),
    (PLACES, {}), (PLACES, {"era": "post2025", "tinh": "hue"}),
    (PLACES, {"tinh": "thua-thien-hue", "huyen": "phong-dien-thua-thien-hue"}),
    (ORGANISATIONS, {}), (ORGANISATIONS, {"kind": "police", "province": "vinh-phuc", "q": "cong an"}),
    (DOCUMENTS, {}), (DOCUMENTS, {"issuer": "TTg", "year": "2021", "q": "33"}),
])
def test_each_directory_answers_an_empty_and_a_larger_archive_in_a_bounded_number_of_queries(
    client, django_assert_max_num_queries, url, params
):
    with django_assert_max_num_queries(8):
        assert client.get(url, params).status_code == 200
    for number in range(60):
        f.article(f"Bài {number}", published_on="2022-01-01",
                  localities=[Locality.objects.filter(level="commune", era="pre2025").order_by("pk")[number]],
                  officials=[(f"Trần Thị Số {number}", "Bí thư Đảng ủy")],
                  organisations=[(f"Cơ quan số {number}", "police")])
        Document.objects.create(number=f"{number}/CT-TTg", kind="Chỉ thị")
    with django_assert_max_num_queries(8):
        assert client.get(url, params).status_code == 200
