"""The search page through the test client: facets, chips, escaping, errors,
and a bounded number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests import factories as f
from tests.factories import plain_static  # noqa: F401 - fixture

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("plain_static")]
URL = reverse("archive:search")


def result_titles(response):
    return [article.title for article in response.context["page"]]


def facet(response, name):
    found = [fct for fct in response.context["facets"] if fct.name == name]
    return {v.value: v.count for v in found[0].values} if found else None


@pytest.fixture
def corpus():
    hue = f.locality("Thừa Thiên Huế", level="province")
    phong_dien = f.locality("Phong Điền", province="Thừa Thiên Huế")
    phong_hai = f.locality("Phong Hải", level="commune", province="Thừa Thiên Huế")
    vinh_tuong = f.locality("Vĩnh Tường", province="Vĩnh Phúc")
    kon_tum = f.locality("Kon Tum", level="province")
    return {
        "hue": f.article(
            "Ký kết chương trình phối hợp công tác dân vận giai đoạn 2021-2025",
            "Ban Dân vận Huyện ủy Phong Điền ký kết với UBND huyện. Đồng chí Trần Thị Diệu Minh phát biểu.",
            published_on="2021-09-11", localities=[hue, phong_dien],
            officials=[("Trần Thị Diệu Minh", "Trưởng Ban Dân vận Huyện ủy")], periods=[(2021, 2025)],
            agreements=[("Chương trình phối hợp Phong Điền", "sign", (2021, 2025))],
            organisations=[("Ủy ban nhân dân huyện Phong Điền", "people_committee")],
        ),
        "commune": f.article(
            "Đồn Biên phòng Phong Hải sơ kết dân vận", "Sơ kết công tác dân vận ở xã Phong Hải.",
            published_on="2023-05-26", localities=[phong_hai], periods=[(2021, 2025)],
            agreements=[("Chương trình phối hợp Phong Điền", "review", (2021, 2025))],
            organisations=[("Đồn Biên phòng Phong Hải", "border_guard")],
        ),
        "vinh_tuong": f.article(
            "Vĩnh Tường tổng kết và ký kết chương trình dân vận", "Tổng kết giai đoạn 2016-2021, ký kết giai đoạn 2022-2026.",
            published_on="2022-04-05", localities=[vinh_tuong], periods=[(2016, 2021), (2022, 2026)],
            agreements=[("Chương trình Vĩnh Tường", "both", (2022, 2026))],
            officials=[("Lê Văn Hùng", "Chủ tịch UBND huyện")],
        ),
        "kon_tum": f.article(
            "Kon Tum: kế hoạch dân vận năm 2024", "Kế hoạch công tác dân vận năm 2024 của tỉnh.",
            published_on="2024-01-10", localities=[kon_tum], periods=[(2024, 2024)],
            agreements=[("Kế hoạch Kon Tum 2024", "plan", (2024, 2024))],
            hidden=[("locality", hue), ("official", "Trần Thị Diệu Minh")],
        ),
    }


def test_search_page_lists_results_with_snippet_date_and_place(client, corpus):
    response = client.get(URL, {"q": "tran thi dieu minh"})
    assert result_titles(response) == [corpus["hue"].title]
    assert "<mark>Trần</mark>" in response.text
    assert "11/09/2021" in response.text and "Huyện Phong Điền (Thừa Thiên Huế)" in response.text
    assert 'href="/can-bo/tran-thi-dieu-minh/"' in response.text  # the entity box



def test_a_result_names_its_visible_places_only(client):
    hue = f.locality("Thừa Thiên Huế", level="province")
    phong_dien = f.locality("Phong Điền", province="Thừa Thiên Huế")
    phong_hai = f.locality("Phong Hải", level="commune", province="Thừa Thiên Huế")
    f.article("Sơ kết dân vận", "Sơ kết công tác dân vận.", published_on="2023-05-26",
              localities=[hue, phong_hai], hidden=[("locality", phong_dien)])
    meta = client.get(URL, {"q": "sơ kết"}).text.split('class="meta"')[1].split("</div>")[0]
    assert "Tỉnh Thừa Thiên Huế" in meta and "Xã Phong Hải (Thừa Thiên Huế)" in meta
    assert "Phong Điền" not in meta  # hidden by a curator

def test_home_is_the_search_page_without_a_query(client, corpus):
    response = client.get(reverse("archive:home"))
    assert result_titles(response) == [a.title for a in sorted(corpus.values(), key=lambda a: a.published_on, reverse=True)]


def test_province_facet_counts_districts_communes_in_one_era_at_a_time(client, corpus):
    """As written (the default) an article counts for its units' provinces
    then; with era=post2025 for today's provinces, each once."""
    response = client.get(URL, {"q": "dân vận"})
    provinces = facet(response, "province")
    assert provinces["thua-thien-hue"] == 2  # the province itself, a district and a commune of it
    assert provinces["vinh-phuc"] == 1
    assert "hue" not in provinces and "phu-tho-tinh" not in provinces  # today's provinces are the other list
    response = client.get(URL, {"q": "dân vận", "era": "post2025"})
    provinces = facet(response, "province")
    # Huế continues Thừa Thiên Huế; Vĩnh Phúc went to Phú Thọ, Kon Tum to Quảng Ngãi.
    assert provinces == {"hue": 2, "phu-tho-tinh": 1, "quang-ngai-tinh": 1}
    labels = {value.value: value.label for value in response.context["facets"][0].values}
    assert labels["phu-tho-tinh"] == "Tỉnh Phú Thọ (gồm Hòa Bình, Vĩnh Phúc cũ)"
    response = client.get(URL, {"q": "dân vận", "era": "post2025", "province": "phu-tho-tinh"})
    assert result_titles(response) == [corpus["vinh_tuong"].title]


def test_hidden_facts_neither_filter_nor_count(client, corpus):
    response = client.get(URL, {"province": "thua-thien-hue"})
    assert corpus["kon_tum"].title not in result_titles(response)
    assert facet(client.get(URL), "official") == {"tran-thi-dieu-minh": 1, "le-van-hung": 1}


def test_values_of_one_facet_combine_with_or_facets_with_and(client, corpus):
    response = client.get(URL, {"province": ["vinh-phuc", "kon-tum"]})
    assert set(result_titles(response)) == {corpus["vinh_tuong"].title, corpus["kon_tum"].title}
    response = client.get(URL, {"province": ["vinh-phuc", "kon-tum"], "year": "2024"})
    assert result_titles(response) == [corpus["kon_tum"].title]


def test_each_facet_is_counted_under_the_other_facets_filters(client, corpus):
    response = client.get(URL, {"year": "2024"})
    assert facet(response, "year") == {"2021": 1, "2022": 1, "2023": 1, "2024": 1}  # its own filter ignored
    assert facet(response, "kind") == {"plan": 1}
    response = client.get(URL, {"kind": "sign"})
    assert set(result_titles(response)) == {corpus["hue"].title, corpus["vinh_tuong"].title}  # "both" signs too
    assert facet(response, "kind") == {"sign": 2, "review": 2, "plan": 1}


def test_district_facet_appears_once_a_province_is_chosen(client, corpus):
    assert facet(client.get(URL), "district") is None
    response = client.get(URL, {"province": "thua-thien-hue"})
    assert facet(response, "district") == {"phong-dien-thua-thien-hue": 2}
    response = client.get(URL, {"province": "thua-thien-hue", "district": "phong-dien-thua-thien-hue"})
    assert set(result_titles(response)) == {corpus["hue"].title, corpus["commune"].title}


def test_period_org_and_official_facets_filter(client, corpus):
    assert result_titles(client.get(URL, {"period": "2022-2026"})) == [corpus["vinh_tuong"].title]
    assert result_titles(client.get(URL, {"org": "border_guard"})) == [corpus["commune"].title]
    assert result_titles(client.get(URL, {"official": "le-van-hung"})) == [corpus["vinh_tuong"].title]


def test_chosen_filters_show_as_removable_chips(client, corpus):
    response = client.get(URL, {"q": "dân vận", "province": "vinh-phuc", "year": "2022", "page": "1"})
    chips = {chip.label: chip.url for chip in response.context["chips"]}
    assert chips == {"Tỉnh Vĩnh Phúc": "?q=d%C3%A2n+v%E1%BA%ADn&year=2022", "2022": "?q=d%C3%A2n+v%E1%BA%ADn&province=vinh-phuc"}


def test_unknown_facet_values_are_ignored(client, corpus):
    everything = result_titles(client.get(URL))
    params = {"province": ["nowhere", "x" * 500, "'; drop"], "year": ["1800", "abc"], "period": ["2025-2021", "x"],
              "kind": "teleport", "org": "aliens", "official": "nobody", "district": "nowhere", "sort": "random"}
    response = client.get(URL, params)
    assert response.status_code == 200 and result_titles(response) == everything
    assert response.context["chips"] == []
    assert "nowhere" not in response.text


@pytest.mark.parametrize("page", ["0", "-1", "abc", "99", "1.5", "9" * 5000, ""])
def test_a_bad_page_number_is_a_404(client, corpus, page):
    assert client.get(URL, {"q": "dân vận", "page": page}).status_code == 404


@pytest.mark.parametrize("params", [
    {"q": "\x00"}, {"q": "a" * 20000}, {"q": '"'}, {"q": "-"}, {"q": "OR"}, {"q": "&|!:*()<->"},
    {"q": "\ue000\ue001"}, {"sort": ["date", "relevance", "x"]}, {"q": ["a", "b"]}, {"province": ""},
    {"year": "99999999999999999999"}, {"period": "2021-20255"}, {"q": "2021-2025 OR -2022"},
    {"q": "năm 1900 2100 2099-2100"}, {"official": "\x00"}, {"province": "\x00"},
])
def test_no_parameter_value_produces_an_error(client, corpus, params):
    assert client.get(URL, params).status_code == 200


def test_article_text_and_the_query_are_escaped(client):
    f.article("<script>alert('tiêu đề')</script> dân vận", "<img src=x onerror=alert(1)> dân vận &amp; <b>đậm</b>")
    response = client.get(URL, {"q": '<script>alert("q")</script> dân vận'})
    assert "<script>" not in response.text and "<img" not in response.text and "<b>" not in response.text
    assert "&lt;script&gt;alert(&#x27;tiêu đề&#x27;)&lt;/script&gt;" in response.text
    response = client.get(URL, {"q": "dân vận"})
    assert "<img" not in response.text and "<mark>" in response.text


def test_sorting_by_relevance_or_date(client, corpus):
    by_date = result_titles(client.get(URL, {"q": "dân vận", "sort": "date"}))
    assert by_date == [a.title for a in sorted(corpus.values(), key=lambda a: a.published_on, reverse=True)]
    assert client.get(URL, {"q": "dân vận"}).context["sort"] == "relevance"


def test_pagination_keeps_the_query_and_filters(client, corpus):
    for number in range(25):
        f.article(f"Tin dân vận số {number}", "Công tác dân vận.", published_on="2020-01-01",
                  localities=[f.locality("Vĩnh Tường", province="Vĩnh Phúc")])
    response = client.get(URL, {"q": "dân vận", "province": "vinh-phuc"})
    assert response.context["page"].paginator.num_pages == 2
    assert 'href="?q=d%C3%A2n+v%E1%BA%ADn&amp;province=vinh-phuc&amp;page=2"' in response.text
    assert len(result_titles(client.get(URL, {"q": "dân vận", "province": "vinh-phuc", "page": "2"}))) == 6


def count_queries(client, params):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(URL, params).status_code == 200
    return len(queries)


def test_query_count_is_bounded_whatever_the_results_and_facets(client, corpus, django_assert_max_num_queries):
    params = {"q": "dân vận", "province": ["thua-thien-hue", "vinh-phuc"], "district": "phong-dien-thua-thien-hue",
              "year": ["2021", "2023"], "period": "2021-2025", "kind": ["sign", "review"],
              "org": ["people_committee", "border_guard"], "official": "tran-thi-dieu-minh"}
    few = count_queries(client, params)
    for number in range(30):
        f.article(f"Dân vận {number}", "Công tác dân vận ở Phong Điền.", published_on=f"20{10 + number % 15}-01-01",
                  localities=[f.locality("Phong Điền", province="Thừa Thiên Huế")],
                  officials=[f"Nguyễn Văn {chr(65 + number % 26)}"], periods=[(2000 + number, 2005 + number)])
    assert count_queries(client, params) == few
    # At most: 3 lookups of the chosen entities (province, district, official),
    # the estimate, count, page, places, snippets; for each facet its sample
    # (the sample's ids: 7 different ones when every facet is chosen) and one
    # count of the facet keys per sample, the counted places' and officials'
    # names; 3 for the entity box and suggestions here (fewer when there is no box
    # to fill); reading the query: the archive's names among its words, and
    # whether the strict reading finds anything; and here, inside the test's
    # transaction, the time budget's savepoint and its release. See docs/search.md.
    with django_assert_max_num_queries(31):
        response = client.get(URL, params)
    assert result_titles(response) == [corpus["hue"].title]
    with django_assert_max_num_queries(14):
        client.get(URL, {"q": "dân vận"})  # no filters: one sample, one count of its facet keys, no district


def test_an_official_name_lists_the_articles_that_official_appears_in(client):
    named = f.article(
        "Hội nghị tổng kết", "Đồng chí Dương Hồng Bình, Trưởng Ban Dân vận Tỉnh ủy, phát biểu.",
        published_on="2020-05-05", officials=[("Dương Hồng Bình", "Trưởng Ban Dân vận Tỉnh ủy")],
    )
    f.article(  # the three words, apart: not the name
        "Bình Dương ký kết", "Nhân dân phường Hồng Hà và tỉnh Bình Dương ký kết chương trình.",
        published_on="2024-01-01",
    )
    unlinked = f.article(  # the name in the text, but not extracted as an official
        "Gặp mặt", "Ông Dương Hồng Bình dự buổi gặp mặt.", published_on="2023-02-02",
    )
    hidden = f.article(
        "Bài đã loại", "Dương Hồng Bình", published_on="2024-02-02", hidden=[("official", "Dương Hồng Bình")],
    )
    for q in ["Dương Hồng Bình", "duong hong binh"]:
        response = client.get(URL, {"q": q})
        assert [a.pk for a in response.context["page"]] == [named.pk], q
        assert [o.name for o in response.context["named_officials"]] == ["Dương Hồng Bình"]
        assert "Tìm cụm từ trong toàn văn" in response.content.decode()
    # Quoted, the name is a phrase of the text like any other.
    response = client.get(URL, {"q": '"Dương Hồng Bình"'})
    assert {a.pk for a in response.context["page"]} == {named.pk, unlinked.pk, hidden.pk}
    assert not response.context["named_officials"]


def test_a_name_typed_with_other_diacritics_is_not_that_official(client):
    f.article("Hội nghị", "Đồng chí Dương Hồng Bình phát biểu.", published_on="2020-05-05",
              officials=[("Dương Hồng Bình", "Phó Chủ tịch")])
    response = client.get(URL, {"q": "Dương Hồng Bính"})
    assert not response.context["named_officials"]


def test_the_filters_are_behind_a_details_control_and_the_chosen_ones_are_chips_above_the_results(client, corpus):
    """On a phone the results come first: the facets sit in a <details>
    ("Bộ lọc", no script needed), the chosen values as chips at the top of
    the results, the year chart after them."""
    text = client.get(URL, {"q": "dân vận", "province": "thua-thien-hue"}).text
    panel = text.index('<details class="facets-panel">')
    assert text.index("<summary>Bộ lọc", panel) < text.index('<aside class="facets"', panel)
    results = text.index('<section class="results">')
    assert results < text.index('<ul class="chips"') < text.index('<ol class="articles">') < text.index("timeline-panel")
    assert "(1 đang chọn)" in text
