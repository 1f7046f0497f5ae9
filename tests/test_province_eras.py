"""One province list at a time: as each article was written (the default)
or today's 34 provinces (`era=post2025`), on the search facets, the
province overview, a place's page and the API. Each province once; an
article once per province; a facet's count is what choosing it lists."""

import json

import pytest
from django.urls import reverse

from archive.models import Locality
from archive.search.stored import refresh_facet_counts
from tests import factories as f
from tests.factories import plain_static  # noqa: F401 - fixture

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("plain_static")]
URL = reverse("archive:search")


def province(name, era="pre2025"):
    return f.locality(name, level="province", era=era)


def commune(province_name, era):
    return Locality.objects.filter(level="commune", era=era, province__name=province_name).order_by("code").first()


@pytest.fixture
def places():
    return {
        "quang_binh": province("Quảng Bình"),
        "quang_tri_old": province("Quảng Trị"),
        "quang_tri": province("Quảng Trị", "post2025"),
        "ha_noi_old": province("Hà Nội"),
        "ha_noi": province("Hà Nội", "post2025"),
    }


@pytest.fixture
def articles(places):
    return {
        "quang_binh": f.article("Quảng Bình ký kết dân vận", published_on="2024-03-01",
                                localities=[places["quang_binh"]]),
        "both_old": f.article("Quảng Bình và Quảng Trị giao lưu dân vận", published_on="2024-04-01",
                              localities=[places["quang_binh"], places["quang_tri_old"]]),
        "quang_tri": f.article("Tỉnh Quảng Trị mới sơ kết dân vận", published_on="2025-09-01",
                               localities=[commune("Quảng Trị", "post2025")]),
        "ha_noi_old": f.article("Hà Nội dân vận khéo", published_on="2024-05-01", localities=[places["ha_noi_old"]]),
        "ha_noi": f.article("Hà Nội dân vận sau sáp nhập", published_on="2025-08-01",
                            localities=[commune("Hà Nội", "post2025")]),
    }


def facet_rows(response):
    found = next(facet for facet in response.context["facets"] if facet.name == "province")
    return {value.value: (value.label, value.count) for value in found.values}


def titles(response):
    return {article.title for article in response.context["page"]}


@pytest.mark.parametrize("whole_archive", [False, True])
def test_as_written_each_province_is_listed_once_with_the_units_of_then(client, places, articles, whole_archive):
    if whole_archive:
        refresh_facet_counts()
    response = client.get(URL, {} if whole_archive else {"q": "dân vận"})
    rows = facet_rows(response)
    assert rows[places["quang_binh"].slug] == ("Tỉnh Quảng Bình", 2)
    assert rows[places["quang_tri_old"].slug] == ("Tỉnh Quảng Trị", 1)
    assert rows[places["quang_tri"].slug] == ("Tỉnh Quảng Trị (từ 1/7/2025)", 1)
    # Hà Nội is one province before and after the reform: listed once.
    assert rows[places["ha_noi_old"].slug] == ("Thành phố Hà Nội", 2)
    assert places["ha_noi"].slug not in rows


@pytest.mark.parametrize("whole_archive", [False, True])
def test_today_each_province_takes_in_the_ones_it_absorbed_and_counts_an_article_once(
    client, places, articles, whole_archive
):
    if whole_archive:
        refresh_facet_counts()
    response = client.get(URL, {"era": "post2025"} if whole_archive else {"q": "dân vận", "era": "post2025"})
    rows = facet_rows(response)
    assert rows == {
        places["quang_tri"].slug: ("Tỉnh Quảng Trị (gồm Quảng Bình cũ)", 3),
        places["ha_noi"].slug: ("Thành phố Hà Nội", 2),
    }


@pytest.mark.parametrize("era", ["", "post2025"])
def test_choosing_a_province_lists_the_articles_its_count_promised(client, places, articles, era):
    rows = facet_rows(client.get(URL, {"q": "dân vận", "era": era}))
    for slug, (_label, count) in rows.items():
        response = client.get(URL, {"q": "dân vận", "era": era, "province": slug})
        assert response.context["page"].paginator.count == count, slug
        assert facet_rows(response)[slug][1] == count


def test_a_province_chosen_in_one_era_is_read_in_the_other(client, places, articles):
    # Quảng Bình today is the new Quảng Trị; today's Hà Nội as written is Hà Nội.
    response = client.get(URL, {"era": "post2025", "province": places["quang_binh"].slug})
    assert titles(response) == {articles[k].title for k in ("quang_binh", "both_old", "quang_tri")}
    assert [chip.value for chip in response.context["chips"]] == [places["quang_tri"].slug]
    response = client.get(URL, {"province": places["ha_noi"].slug})
    assert titles(response) == {articles["ha_noi_old"].title, articles["ha_noi"].title}
    # As written, the new Quảng Trị is its own articles only.
    response = client.get(URL, {"province": places["quang_tri"].slug})
    assert titles(response) == {articles["quang_tri"].title}


def test_the_era_switch_carries_the_chosen_provinces_over(client, places, articles):
    response = client.get(URL, {"q": "dân vận", "province": places["quang_binh"].slug})
    switch = next(facet for facet in response.context["facets"] if facet.name == "province").switch
    (written, written_url, written_current), (today, today_url, today_current) = switch
    assert written_current and not today_current
    assert f"province={places['quang_tri'].slug}" in today_url and "era=post2025" in today_url
    assert titles(client.get(URL + today_url)) == {articles[k].title for k in ("quang_binh", "both_old", "quang_tri")}


def test_the_province_overview_lists_one_era(client, places, articles):
    def rows(era):
        response = client.get(reverse("archive:provinces"), {"era": era, "format": "json"})
        lines = json.loads(b"".join(response.streaming_content))
        return {row["slug"]: (row["name"], row["articles"]) for row in lines}

    written, today = rows(""), rows("post2025")
    assert written[places["quang_binh"].slug] == ("Tỉnh Quảng Bình", 2)
    assert written[places["quang_tri"].slug] == ("Tỉnh Quảng Trị (từ 1/7/2025)", 1)
    assert written[places["ha_noi_old"].slug] == ("Thành phố Hà Nội", 2) and places["ha_noi"].slug not in written
    assert len(today) == 34 and today[places["quang_tri"].slug] == ("Tỉnh Quảng Trị (gồm Quảng Bình cũ)", 3)
    assert len(written) == 63 + 34 - 11  # the 11 provinces the reform left alone, once
    page = client.get(reverse("archive:provinces"), {"era": "post2025"}).text
    assert "Quảng Trị (gồm Quảng Bình cũ)" in page


def test_a_province_formed_by_the_reform_lists_its_own_articles_unless_asked_for_today(client, places, articles):
    url = places["quang_tri"].get_absolute_url()
    assert titles(client.get(url)) == {articles["quang_tri"].title}
    assert titles(client.get(url, {"era": "post2025"})) == {
        articles[k].title for k in ("quang_binh", "both_old", "quang_tri")
    }


def test_the_api_reads_the_same_era(client, places, articles):
    url = reverse("api:articles")
    assert client.get(url, {"province": places["quang_tri"].slug}).json()["count"] == 1
    assert client.get(url, {"province": places["quang_tri"].slug, "era": "post2025"}).json()["count"] == 3


@pytest.mark.parametrize("era", ["", "post2025", "pre2025", "x" * 500, "<b>"])
def test_any_era_value_answers(client, articles, era):
    assert client.get(URL, {"era": era, "province": "quang-binh"}).status_code == 200
    assert client.get(reverse("archive:provinces"), {"era": era}).status_code == 200


@pytest.mark.parametrize("era", ["", "post2025"])
def test_agreements_per_province_are_those_placed_in_its_units(places, era):
    """The overview's and the map's programmes per province, counted per
    place first, against the rule counted in Python from each agreement."""
    from archive import stats
    from archive.models import Agreement
    from archive.scopes import Provinces

    new_commune = commune("Quảng Trị", "post2025")
    for i, place in enumerate([places["quang_binh"], places["quang_binh"], places["quang_tri_old"], new_commune, None]):
        Agreement.objects.create(key=f"chuong-trinh-{i}", name="Chương trình phối hợp", locality=place)
    known = Provinces()
    expected = {}
    for agreement in Agreement.objects.select_related("locality"):
        unit = agreement.locality
        if unit is None:
            continue
        province = unit.successor_id if era and unit.era != "post2025" else unit.province_id
        key = known.in_era(known.by_id[province], era).pk
        expected[key] = expected.get(key, 0) + 1
    assert stats.agreements_per_province(era) == expected
    assert sum(expected.values()) == 4


def test_the_province_facet_lists_every_province_with_articles(client):
    """Not only the 30 largest: the province a reader looks for is often small."""
    for unit in Locality.objects.filter(level="province", era="pre2025").order_by("code")[:40]:
        f.article(f"Dân vận ở {unit.name}", published_on="2023-01-01", localities=[unit])
    assert len(facet_rows(client.get(URL, {"q": "dân vận"}))) == 40
