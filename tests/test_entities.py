"""Entity pages: places (with the search's facets, child units, agreements,
officials, the 2025 reform), the province overview, officials, agreements,
periods, cited documents; canonical links, redirects of merged or renamed
entities, and a bounded number of queries."""

import re
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from archive.curation import merge
from archive.models import Agreement, Citation, Document, Fact, Official, Organisation
from tests import factories as f

pytestmark = pytest.mark.django_db


def titles(response):
    return [article.title for article in response.context["page"]]


def count_queries(client, url, params=None):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params or {})
    assert response.status_code == 200, url
    return len(queries)


@pytest.fixture
def corpus():
    hue = f.locality("Thừa Thiên Huế", level="province")
    phong_dien = f.locality("Phong Điền", province="Thừa Thiên Huế")
    phong_hai = f.locality("Phong Hải", level="commune", province="Thừa Thiên Huế")
    vinh_tuong = f.locality("Vĩnh Tường", province="Vĩnh Phúc")
    articles = {
        "hue": f.article(
            "Ký kết chương trình phối hợp công tác dân vận giai đoạn 2021-2025",
            "Ban Dân vận Huyện ủy Phong Điền ký kết với UBND huyện.",
            published_on="2021-09-11", localities=[hue, phong_dien],
            officials=[("Trần Thị Diệu Minh", "Trưởng Ban Dân vận Huyện ủy")], periods=[(2021, 2025)],
            agreements=[("Chương trình phối hợp Phong Điền", "sign", (2021, 2025))],
            organisations=[("Ủy ban nhân dân huyện Phong Điền", "people_committee")],
        ),
        "commune": f.article(
            "Đồn Biên phòng Phong Hải sơ kết dân vận", "Sơ kết công tác dân vận ở xã Phong Hải.",
            published_on="2023-05-26", localities=[phong_hai], periods=[(2021, 2025)],
            officials=[("Trần Thị Diệu Minh", "Phó Bí thư Huyện ủy")],
            agreements=[("Chương trình phối hợp Phong Điền", "review", (2021, 2025))],
        ),
        "vinh_tuong": f.article(
            "Vĩnh Tường tổng kết và ký kết chương trình dân vận", "Tổng kết giai đoạn 2016-2021.",
            published_on="2022-04-05", localities=[vinh_tuong], periods=[(2022, 2026)],
            agreements=[("Chương trình Vĩnh Tường", "both", (2022, 2026))],
            officials=[("Lê Văn Hùng", "Chủ tịch UBND huyện")],
        ),
    }
    # The importer places roles and agreements at the article's main locality.
    from archive.models import Role
    Role.objects.filter(article=articles["hue"]).update(locality=phong_dien, seen_on=date(2021, 9, 11))
    Role.objects.filter(article=articles["commune"]).update(locality=phong_hai, seen_on=date(2023, 5, 26))
    Role.objects.filter(article=articles["vinh_tuong"]).update(locality=vinh_tuong)
    phong_dien_agreement = Agreement.objects.get(name="Chương trình phối hợp Phong Điền")
    Agreement.objects.filter(pk=phong_dien_agreement.pk).update(
        locality=phong_dien, level="district", signed_on=date(2021, 9, 10)
    )
    phong_dien_agreement.parties.add(
        Organisation.objects.get(name="Ủy ban nhân dân huyện Phong Điền"),
        Organisation.objects.create(name="Ban Dân vận Huyện ủy Phong Điền", kind="mass_mobilisation_commission"),
    )
    Agreement.objects.filter(name="Chương trình Vĩnh Tường").update(locality=vinh_tuong, level="district")
    province_agreement = f.article(
        "Tỉnh Thừa Thiên Huế ký kết chương trình phối hợp", "Ký kết cấp tỉnh.", published_on="2021-03-01",
        localities=[hue], agreements=[("Chương trình cấp tỉnh Huế", "sign", (2021, 2025))],
    )
    articles["province"] = province_agreement
    Agreement.objects.filter(name="Chương trình cấp tỉnh Huế").update(locality=hue, level="province")
    return articles


# -- Places ----------------------------------------------------------------------


def test_province_page_lists_its_units_articles_with_the_search_facets(client, corpus):
    response = client.get("/dia-phuong/thua-thien-hue/")
    assert set(titles(response)) == {corpus["hue"].title, corpus["commune"].title, corpus["province"].title}
    assert {facet.name for facet in response.context["facets"]} >= {"province", "year", "period", "kind", "official"}
    children = {unit.name: unit.article_count for unit in response.context["children"]}
    assert children["Phong Điền"] == 2  # the district's article and its commune's
    assert children["Phong Điền"] == max(children.values())
    assert "Từ 1/7/2025 thuộc" in response.text and 'href="/dia-phuong/hue/"' in response.text
    # Agreements signed there, by period; officials seen there with their titles.
    assert [a.name for a in response.context["agreements"]] == ["Chương trình cấp tỉnh Huế", "Chương trình phối hợp Phong Điền"]
    assert "Giai đoạn 2021–2025" in response.text
    officials = {(row["official__name"], row["title"]) for _term, rows in response.context["officials"] for row in rows}
    assert officials == {("Trần Thị Diệu Minh", "Trưởng Ban Dân vận Huyện ủy"), ("Trần Thị Diệu Minh", "Phó Bí thư Huyện ủy")}


def test_a_places_officials_count_the_articles_of_each_title(corpus):
    from archive import stats
    from archive.models import Role

    district = f.locality("Phong Điền", province="Thừa Thiên Huế")
    for day in (1, 2):
        article = f.article(f"Tin {day}", published_on=f"2024-01-0{day}", localities=[district],
                            officials=[("Lê Thị Hoa", "Bí thư Huyện ủy"), ("Lê Thị Hoa", "Chủ tịch HĐND huyện")])
        Role.objects.filter(article=article).update(seen_on=date(2024, 1, day))
    hidden = f.article("Tin ẩn", published_on="2024-01-03", localities=[district],
                       officials=[("Lê Thị Hoa", "Bí thư Huyện ủy")])
    Role.objects.filter(official__name="Lê Thị Hoa").update(locality=district)
    Role.objects.filter(article=hidden).update(hidden=True)
    rows = {(r["official__name"], r["title"]): (r["articles"], r["last_seen"]) for r in stats.officials_in(district)}
    assert rows[("Lê Thị Hoa", "Bí thư Huyện ủy")] == (2, date(2024, 1, 2))
    assert rows[("Lê Thị Hoa", "Chủ tịch HĐND huyện")] == (2, date(2024, 1, 2))
    assert rows[("Trần Thị Diệu Minh", "Trưởng Ban Dân vận Huyện ủy")] == (1, date(2021, 9, 11))
    assert list(rows)[:2] == [("Lê Thị Hoa", "Bí thư Huyện ủy"), ("Lê Thị Hoa", "Chủ tịch HĐND huyện")]


def test_facets_on_a_place_page_narrow_within_the_place(client, corpus):
    response = client.get("/dia-phuong/thua-thien-hue/", {"year": "2023"})
    assert titles(response) == [corpus["commune"].title]
    response = client.get("/dia-phuong/thua-thien-hue/", {"q": "biên phòng"})
    assert titles(response) == [corpus["commune"].title]


def test_post_2025_province_names_the_units_it_absorbed_and_includes_their_articles(client, corpus):
    response = client.get("/dia-phuong/hue/")
    assert [unit.name for unit in response.context["absorbed"]] == ["Thừa Thiên Huế"]
    assert "Hình thành ngày 1/7/2025 từ" in response.text
    assert set(titles(response)) == {corpus["hue"].title, corpus["commune"].title, corpus["province"].title}
    assert "Từ 1/7/2025 thuộc" not in response.text


def test_district_page_counts_its_communes(client, corpus):
    response = client.get("/dia-phuong/phong-dien-thua-thien-hue/")
    assert set(titles(response)) == {corpus["hue"].title, corpus["commune"].title}
    children = {unit.name: unit.article_count for unit in response.context["children"]}
    assert children["Phong Hải"] == 1 and sum(children.values()) == 1
    assert response.context["entity"].parent.name == "Thừa Thiên Huế"


def test_place_page_query_count_does_not_grow_with_the_data(client, corpus, django_assert_num_queries):
    url = "/dia-phuong/thua-thien-hue/"
    few = count_queries(client, url)
    phong_dien = f.locality("Phong Điền", province="Thừa Thiên Huế")
    for number in range(30):
        f.article(f"Dân vận {number}", "Công tác dân vận.", published_on=f"20{10 + number % 15}-01-01",
                  localities=[phong_dien], officials=[(f"Nguyễn Văn {chr(65 + number)}", "Bí thư")],
                  periods=[(2000 + number, 2005 + number)],
                  agreements=[(f"Chương trình {number}", "sign", (2000 + number, 2005 + number))])
    assert count_queries(client, url) == few
    # place, estimate, the facets' sample (which counts a short list), page,
    # places of the page, the facets (one count, the places' and the
    # officials' names), children + their counts, agreements, officials; the
    # time budget's savepoint and release (inside the test's transaction)
    with django_assert_num_queries(14):
        client.get(url)


def test_an_unknown_place_is_a_404(client, corpus):
    assert client.get("/dia-phuong/khong-co-noi-nay/").status_code == 404


def test_province_overview_charts_articles_and_agreements_and_tabulates_periods(client, corpus, django_assert_num_queries):
    # provinces, the stored counts (none yet: counted now), 2 GROUP BYs for the chart, 2 for the table
    with django_assert_num_queries(6):
        response = client.get("/tinh-thanh/")
    chart = response.context["chart"]
    assert len(chart.rows) == 63 + 34 - 11  # as written: each province once
    first = chart.rows[0]
    assert first.label == "Thừa Thiên Huế (nay Huế)" and [c.value for c in first.cells] == [3, 2]
    assert '<svg class="chart-svg"' in response.text and "<title id=\"provinces-chart-title\">" in response.text
    assert "<desc" in response.text and "Bảng số liệu" in response.text
    assert [period.key for period in response.context["periods"]] == ["2022-2026", "2021-2025"]
    table = {province.name: cells for province, _label, cells in response.context["table"]}
    assert table["Thừa Thiên Huế"] == [None, {"province": True, "districts": 1}]
    assert table["Vĩnh Phúc"] == [{"province": False, "districts": 1}, None]
    assert table["Kon Tum"] == [None, None]
    response = client.get("/tinh-thanh/", {"era": "post2025"})
    rows = {row.label: [c.value for c in row.cells] for row in response.context["chart"].rows}
    assert len(rows) == 34 and rows["Huế (gồm Thừa Thiên Huế cũ)"] == [3, 2]
    assert rows["Phú Thọ (gồm Hòa Bình, Vĩnh Phúc cũ)"] == [1, 1]


def test_the_overview_and_the_period_list_show_the_counts_stored_after_an_import(client, corpus, django_assert_num_queries):
    """Counting a million articles per province or period takes seconds: the
    pages show the counts refresh_facet_counts stored (after each
    import) and say when they were counted; until then they count live."""
    from archive.search.stored import refresh_facet_counts

    def chart(era):
        response = client.get("/tinh-thanh/", {"era": era})
        return {row.label: [c.value for c in row.cells] for row in response.context["chart"].rows}, response

    def period_counts():
        response = client.get("/giai-doan/")
        return {p.key: (p.article_count, p.agreement_count) for p in response.context["periods"]}, response

    live = {era: chart(era)[0] for era in ("pre2025", "post2025")}, period_counts()[0]
    assert "đếm lúc" not in chart("pre2025")[1].text
    refresh_facet_counts()
    with django_assert_num_queries(5):  # the stored counts replace the GROUP BY
        stored_chart, response = chart("pre2025")
    assert "Số bài viết đếm lúc" in response.text
    stored = {"pre2025": stored_chart, "post2025": chart("post2025")[0]}, period_counts()[0]
    assert stored == live
    assert "Số bài viết đếm lúc" in period_counts()[1].text

    f.article("Tin mới ở Huế", published_on="2024-02-02", localities=[f.locality("Thừa Thiên Huế", level="province")],
              periods=[(2021, 2025)])
    hue = "Thừa Thiên Huế (nay Huế)"
    assert chart("pre2025")[0][hue] == live[0]["pre2025"][hue]  # until refreshed
    refresh_facet_counts()
    assert chart("pre2025")[0][hue][0] == live[0]["pre2025"][hue][0] + 1
    assert period_counts()[0]["2021-2025"][0] == live[1]["2021-2025"][0] + 1


def test_pages_have_no_inline_style_or_script_and_plain_svg_numbers(client, corpus):
    for url in ["/", "/tinh-thanh/", "/dia-phuong/thua-thien-hue/", "/chuong-trinh/", "/giai-doan/"]:
        text = client.get(url).text
        assert not re.search(r"\sstyle=", text) and "<script" not in text, url
        # LANGUAGE_CODE "vi" writes 1,5 for 1.5: SVG geometry must not be localised
        for value in re.findall(r'\s(?:x|y|x1|x2|y1|y2|width|height)="([^"]*)"', text):
            assert re.fullmatch(r"-?\d+(\.\d+)?", value), (url, value)


# -- Timeline charts -----------------------------------------------------------


def test_home_page_charts_every_article_per_year(client, corpus):
    response = client.get("/")
    chart = response.context["timeline"]
    assert {c.label: c.value for c in chart.columns} == {"2021": 2, "2022": 1, "2023": 1}
    assert not chart.partial
    assert 'aria-labelledby="timeline-title timeline-desc"' in response.text
    assert 'href="?year=2021"' in response.text


def test_search_timeline_counts_the_results_and_links_each_year(client, corpus):
    response = client.get("/tim-kiem/", {"q": "dân vận", "year": "2021"})
    chart = response.context["timeline"]
    assert {c.label: c.value for c in chart.columns if c.value} == {"2021": 1, "2022": 1, "2023": 1}
    assert [c.label for c in chart.columns if c.selected] == ["2021"]


# -- Officials -------------------------------------------------------------------


def test_official_page_shows_aliases_title_timeline_places_and_articles(client, corpus):
    Official.objects.filter(name="Trần Thị Diệu Minh").update(aliases=["Diệu Minh"])
    response = client.get("/can-bo/tran-thi-dieu-minh/")
    text = response.text
    assert "Tên khác: Diệu Minh" in text
    roles = [(role.title, role.date) for role in response.context["roles"]]
    assert roles == [("Trưởng Ban Dân vận Huyện ủy", date(2021, 9, 11)), ("Phó Bí thư Huyện ủy", date(2023, 5, 26))]
    assert text.index("Trưởng Ban Dân vận Huyện ủy") < text.index("Phó Bí thư Huyện ủy")
    assert f'href="{corpus["commune"].get_absolute_url()}"' in text
    assert {place.name for place in response.context["places"]} == {"Phong Điền", "Phong Hải"}
    assert set(titles(response)) == {corpus["hue"].title, corpus["commune"].title}


def test_official_page_query_count(client, corpus, django_assert_num_queries):
    with django_assert_num_queries(6):  # official, titles, places counted, places, stored total, page
        client.get("/can-bo/tran-thi-dieu-minh/")


def test_merged_officials_old_url_redirects_to_the_survivor(client, corpus):
    survivor = Official.objects.get(name="Trần Thị Diệu Minh")
    duplicate = Official.objects.create(name="Trần Thị Diệu Mình")
    merge.merge_officials(survivor, duplicate)
    response = client.get(f"/can-bo/{duplicate.slug}/", {"page": "1"})
    assert response.status_code == 301 and response["Location"] == "/can-bo/tran-thi-dieu-minh/?page=1"


def test_renamed_slug_redirects_to_the_new_one(client, corpus):
    official = Official.objects.get(name="Lê Văn Hùng")
    official.slug = "le-van-hung-ubnd"
    official.save()  # history keeps the old slug
    response = client.get("/can-bo/le-van-hung/")
    assert response.status_code == 301 and response["Location"] == "/can-bo/le-van-hung-ubnd/"
    assert client.get("/can-bo/khong-ai-ca/").status_code == 404


def test_merged_organisation_and_agreement_ids_redirect(client, corpus):
    kept = Organisation.objects.get(name="Ủy ban nhân dân huyện Phong Điền")
    gone = Organisation.objects.create(name="UBND huyện Phong Điền", kind="people_committee")
    gone_pk = gone.pk  # delete() forgets it
    merge.merge_organisations(kept, gone)
    response = client.get(f"/co-quan/{gone_pk}/")
    assert response.status_code == 301 and response["Location"] == kept.get_absolute_url()
    agreement = Agreement.objects.get(name="Chương trình phối hợp Phong Điền")
    duplicate = Agreement.objects.create(key="dup", name="Chương trình Phong Điền (trùng)")
    duplicate_pk = duplicate.pk
    merge.merge_agreements(agreement, duplicate)
    response = client.get(f"/chuong-trinh/{duplicate_pk}/")
    assert response.status_code == 301 and response["Location"] == agreement.get_absolute_url()
    assert client.get("/chuong-trinh/999999/").status_code == 404


# -- Agreements, periods, documents --------------------------------------------------


def test_agreement_page_shows_parties_period_signing_and_reviews(client, corpus):
    agreement = Agreement.objects.get(name="Chương trình phối hợp Phong Điền")
    response = client.get(agreement.get_absolute_url())
    text = response.text
    assert "Ban Dân vận Huyện ủy Phong Điền" in text and "Ủy ban nhân dân huyện Phong Điền" in text
    assert "10/09/2021" in text and 'href="/giai-doan/2021-2025/"' in text
    reports = dict(response.context["reports"])
    assert [fact.article.title for fact in reports["Bài đưa tin ký kết"]] == [corpus["hue"].title]
    assert [fact.article.title for fact in reports["Bài đưa tin sơ kết, tổng kết"]] == [corpus["commune"].title]


@pytest.mark.parametrize("params, expected", [
    ({}, {"Chương trình Vĩnh Tường", "Chương trình phối hợp Phong Điền", "Chương trình cấp tỉnh Huế"}),
    ({"period": "2022-2026"}, {"Chương trình Vĩnh Tường"}),
    ({"level": "province"}, {"Chương trình cấp tỉnh Huế"}),
    ({"province": "thua-thien-hue"}, {"Chương trình phối hợp Phong Điền", "Chương trình cấp tỉnh Huế"}),
    ({"province": "phu-tho-tinh"}, {"Chương trình Vĩnh Tường"}),  # Vĩnh Phúc went to Phú Thọ
    ({"party": "mass_mobilisation_commission"}, {"Chương trình phối hợp Phong Điền"}),
    ({"q": "vinh tuong"}, {"Chương trình Vĩnh Tường"}),
    ({"period": "x", "level": "nowhere", "province": "nowhere", "party": "aliens"},
     {"Chương trình Vĩnh Tường", "Chương trình phối hợp Phong Điền", "Chương trình cấp tỉnh Huế"}),
])
def test_agreement_list_filters(client, corpus, params, expected):
    response = client.get("/chuong-trinh/", params)
    assert {agreement.name for agreement in response.context["page"]} == expected


def test_agreement_list_query_count(client, corpus, django_assert_num_queries):
    # province lookup, count, page, parties, periods and provinces for the form
    with django_assert_num_queries(6):
        client.get("/chuong-trinh/", {"province": "thua-thien-hue"})


def test_period_pages(client, corpus):
    response = client.get("/giai-doan/2021-2025/")
    assert set(titles(response)) == {corpus["hue"].title, corpus["commune"].title}
    assert {a.name for a in response.context["agreements"]} == {"Chương trình phối hợp Phong Điền", "Chương trình cấp tỉnh Huế"}
    response = client.get("/giai-doan/")
    counts = {p.key: (p.article_count, p.agreement_count) for p in response.context["periods"]}
    assert counts["2021-2025"] == (2, 2) and counts["2022-2026"] == (1, 1)
    assert client.get("/giai-doan/2030-2035/").status_code == 404
    assert client.get("/giai-doan/abc/").status_code == 404


def test_document_page_lists_the_articles_citing_it(client, corpus):
    document = Document.objects.create(number="33/CT-TTg", kind="Chỉ thị")
    Citation.objects.create(article=corpus["hue"], document=document, as_written="Chỉ thị số 33/CT-TTg",
                            origin=Fact.Origin.IMPORT)
    Citation.objects.create(article=corpus["commune"], document=document, hidden=True)
    response = client.get(document.get_absolute_url())
    assert titles(response) == [corpus["hue"].title]
    assert "Chỉ thị 33/CT-TTg" in response.text and "“Chỉ thị số 33/CT-TTg”" in response.text


# -- Canonical links -------------------------------------------------------------


def test_entity_and_article_pages_carry_an_absolute_canonical_link(client, corpus):
    agreement = Agreement.objects.get(name="Chương trình phối hợp Phong Điền")
    for url in [corpus["hue"].get_absolute_url(), "/dia-phuong/thua-thien-hue/", "/can-bo/tran-thi-dieu-minh/",
                agreement.get_absolute_url(), "/giai-doan/2021-2025/", "/tinh-thanh/", "/chuong-trinh/"]:
        response = client.get(url, {"page": "1"})
        assert f'<link rel="canonical" href="http://testserver{url}">' in response.text, url
