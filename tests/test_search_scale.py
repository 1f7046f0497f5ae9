"""How the search page stays bounded as the archive grows (archive.search,
"Lists at scale" and "A time budget per page"): broad lists are ranked and
faceted over their newest matches and counted by estimate, and a page that
runs out of time answers in date order instead of failing.

The thresholds are lowered here so that a handful of articles is "broad";
at their real values the same code paths serve a million articles."""

import pytest
from django.db import connection
from django.urls import reverse

from archive.search.listing import Listing, estimate
from archive.search.stored import refresh_facet_counts
from archive.search import listing as search_listing
from archive.models import Article
from tests import factories as f
from tests.factories import plain_static  # noqa: F401 - fixture

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("plain_static")]
URL = reverse("archive:search")


def titles(response):
    return [article.title for article in response.context["page"]]


@pytest.fixture
def years():
    """Six articles on "dân vận", one per year 2019–2024; the oldest says it
    best (the phrase twice in its title)."""
    province = f.locality("Quảng Trị", level="province")
    made = {}
    for year in range(2019, 2025):
        title = "Dân vận khéo, dân vận giỏi" if year == 2019 else f"Hội nghị năm {year} bàn công tác dân vận"
        made[year] = f.article(title, f"Công tác dân vận năm {year}.", published_on=f"{year}-06-01",
                               localities=[province] if year % 2 else [])
    return made


@pytest.fixture
def broad(monkeypatch):
    """Every list is broad (the planner never estimates fewer than 1 row);
    windows hold the newest 3 matches."""
    monkeypatch.setattr(search_listing, "BROAD", 0)
    monkeypatch.setattr(search_listing, "WINDOW", 3)


def test_a_narrow_list_is_ranked_counted_and_faceted_whole(client, years):
    response = client.get(URL, {"q": "dân vận"})
    listing = response.context["listing"]
    assert not listing.broad and not listing.ranked_window
    assert titles(response)[0] == years[2019].title  # the best, however old
    assert response.context["page"].paginator.count == 6
    assert listing.facets_exact
    assert "bài mới nhất khớp" not in response.content.decode()


def test_a_broad_query_is_ranked_within_its_newest_matches(client, years, broad):
    response = client.get(URL, {"q": "dân vận"})
    listing = response.context["listing"]
    assert listing.broad and listing.ranked_window
    assert set(titles(response)) == {years[y].title for y in (2022, 2023, 2024)}
    page = response.content.decode()
    assert "Khoảng" in page and "Xếp theo mức liên quan trong 3 bài mới nhất" in page


def test_a_ranked_window_pages_in_the_order_the_database_ranks_it(client, monkeypatch):
    """The window is ranked in Python from the ranks its query returns (ties:
    newer first, undated last, then the larger id); each page reads only its
    rows. The order is the one `Listing.results` gives in SQL."""
    monkeypatch.setattr(search_listing, "BROAD", 0)
    monkeypatch.setattr(search_listing, "WINDOW", 12)
    for number in range(14):
        body = "Công tác dân vận." if number % 3 else "Dân vận khéo: công tác dân vận, dân vận giỏi."
        f.article(f"Hội nghị dân vận số {number}", body,
                  published_on=None if number % 5 == 0 else f"20{10 + number % 4}-0{1 + number % 2}-01")
    response = client.get(URL, {"q": "dân vận"})
    listing = response.context["listing"]
    assert listing.ranked_window and len(listing.window) == 12
    assert titles(response) == [article.title for article in listing.results]
    assert len(set(titles(response))) == 12


def test_a_ranked_window_puts_words_side_by_side_and_matches_the_spelling_typed(client, monkeypatch):
    """The window's cheaper rank (ts_rank for the side-by-side part) keeps
    what the whole rank rewards; the worse match is the newer one, so date
    order alone would get it wrong. Typed with diacritics, a word matches
    its spelling only, in a window too."""
    monkeypatch.setattr(search_listing, "BROAD", 0)
    f.article("Rời rạc", "Công tác dân vận được nâng lên, kết quả tốt.", published_on="2024-01-02")
    f.article("Liền nhau", "Làm công tác dân vận tốt trong năm.", published_on="2024-01-01")
    f.article("Đang", "Công việc đang làm dở, đang chờ.", published_on="2024-02-02")
    f.article("Đảng", "Công tác xây dựng Đảng ở cơ sở.", published_on="2024-02-01")
    response = client.get(URL, {"q": "dân vận tốt"})
    assert response.context["listing"].ranked_window
    assert titles(response) == ["Liền nhau", "Rời rạc"]
    assert titles(client.get(URL, {"q": "Đảng"})) == ["Đảng"]
    assert titles(client.get(URL, {"q": "dang"})) == ["Đang", "Đảng"]


def test_a_window_ranks_only_the_matches_it_keeps(years, broad):
    """The window's rank is computed above its LIMIT, on the WINDOW rows it
    keeps. Below it, Postgres ranked every match whenever it read them
    through the GIN index and sorted them by date (4,765 matches at 10k:
    119 ms instead of 43)."""
    from django.http import QueryDict
    from django.test.utils import CaptureQueriesContext

    from archive.search.filters import ArticleFilter

    filterset = ArticleFilter(QueryDict("q=dân vận"), queryset=Article.objects.all())
    with CaptureQueriesContext(connection) as queries:
        assert Listing(filterset).ranked_window
    [window_sql] = [query["sql"] for query in queries if "ts_rank" in query["sql"]]
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (VERBOSE, FORMAT JSON) " + window_sql)
        plan = cursor.fetchone()[0][0]["Plan"]

    def nodes(node):
        yield node
        for child in node.get("Plans", []):
            yield from nodes(child)

    def ranks(node):
        return [column for column in node.get("Output", []) if "ts_rank" in column]

    [limit] = [node for node in nodes(plan) if node["Node Type"] == "Limit"]
    assert ranks(plan)
    assert not any(ranks(node) for node in nodes(limit))


def test_a_list_in_date_order_computes_no_rank(client, years):
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL, {"q": "dân vận", "sort": "date"})
    assert titles(response) == [years[y].title for y in range(2024, 2018, -1)]
    assert not any("ts_rank" in query["sql"] for query in queries)


def test_sorting_a_broad_query_by_date_reaches_past_the_window(client, years, broad):
    response = client.get(URL, {"q": "dân vận", "sort": "date", "page": "1"})
    assert not response.context["listing"].ranked_window
    assert titles(response)[0] == years[2024].title


def test_the_window_is_taken_after_the_filters(client, years, broad):
    response = client.get(URL, {"q": "dân vận", "province": "quang-tri"})
    # Quảng Trị's articles are the odd years: its newest three, not the
    # newest three of the archive narrowed afterwards.
    assert set(titles(response)) == {years[y].title for y in (2019, 2021, 2023)}


def test_facets_of_a_broad_list_count_its_newest_matches_and_say_so(client, years, broad):
    response = client.get(URL, {"q": "dân vận"})
    year_facet = next(facet for facet in response.context["facets"] if facet.name == "year")
    assert {value.value: value.count for value in year_facet.values} == {"2024": 1, "2023": 1, "2022": 1}
    assert not response.context["listing"].facets_exact
    assert "Số đếm trên 3 bài mới nhất khớp" in response.content.decode()


def test_the_estimate_is_the_planners_and_rounded_for_display(years):
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE archive_article")
    assert estimate(Article.objects.all()) == 6

    class Estimated(Listing):
        def __init__(self, estimate):
            self.estimate = estimate

    assert Estimated(482_317).rounded_estimate == 480_000
    assert Estimated(57).rounded_estimate == 57


# -- The time budget -------------------------------------------------------------


@pytest.fixture
def official_table_locked(locked):
    locked("archive_official")  # read by the look-up of the query as a name, and the officials facet


def test_a_page_out_of_time_answers_in_date_order_without_counts(client, years, settings, official_table_locked):
    settings.SEARCH_BUDGET_MS = 300  # the look-up of the query as a name waits on the lock
    response = client.get(URL, {"q": "dân vận"})
    assert response.status_code == 200
    assert response.context["degraded"]
    assert titles(response) == [years[y].title for y in range(2024, 2018, -1)]
    page = response.content.decode()
    assert "quá rộng để xếp hạng và đếm kịp lúc" in page
    assert response.context["facets"] == []
    # The connection is usable afterwards: the budget's transaction was rolled back.
    assert Article.objects.count() == 6


def test_a_degraded_page_pages_without_a_count(client, years, settings, official_table_locked, monkeypatch):
    import archive.results

    monkeypatch.setattr(archive.results, "PAGE_SIZE", 4)
    settings.SEARCH_BUDGET_MS = 300
    first = client.get(URL, {"q": "dân vận"})
    assert len(titles(first)) == 4 and first.context["page"].has_next()
    second = client.get(URL, {"q": "dân vận", "page": "2"})
    assert titles(second) == [years[2020].title, years[2019].title] and not second.context["page"].has_next()
    assert client.get(URL, {"q": "dân vận", "page": "0"}).status_code == 404


def test_when_even_the_degraded_page_is_late_the_archive_says_it_is_busy(client, years, settings, official_table_locked):
    settings.SEARCH_BUDGET_MS = 300
    settings.SEARCH_DEGRADED_BUDGET_MS = 0
    response = client.get(URL, {"q": "dân vận"})
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "Máy chủ đang bận" in response.content.decode()


# -- Stored counts for the home page ------------------------------------------------


def facet_counts(response):
    return {facet.name: {v.value: v.count for v in facet.values} for facet in response.context["facets"]}


def test_the_home_page_shows_the_stored_counts_of_the_whole_archive(client, years):
    live = client.get(URL)
    assert live.context["listing"].stored is None  # never counted: counted per visit
    assert refresh_facet_counts() == 6
    stored = client.get(URL)
    listing = stored.context["listing"]
    assert listing.stored is not None and listing.total == 6 and listing.facets_exact
    assert facet_counts(stored) == facet_counts(live)
    assert titles(stored) == titles(live)
    assert "Số đếm của toàn bộ kho, cập nhật lúc" in stored.content.decode()


def test_stored_counts_change_only_when_refreshed(client, years):
    refresh_facet_counts()
    f.article("Dân vận năm 2018", "Công tác dân vận.", published_on="2018-06-01")
    response = client.get(URL)
    assert response.context["listing"].total == 6 and "2018" not in facet_counts(response)["year"]
    assert "Dân vận năm 2018" in titles(response)  # the list itself is live
    assert "year=2018" not in response.content.decode()
    refresh_facet_counts()
    response = client.get(URL)
    assert facet_counts(response)["year"]["2018"] == 1
    assert "year=2018" in response.content.decode()  # the page's rendered facets too (cached per count)


def test_a_query_or_a_filter_never_uses_the_stored_counts(client, years):
    refresh_facet_counts()
    assert client.get(URL, {"q": "dân vận"}).context["listing"].stored is None
    assert client.get(URL, {"year": "2024"}).context["listing"].stored is None


def test_an_import_that_changes_something_refreshes_the_stored_counts(tmp_path):
    from django.core.management import call_command

    from archive.models import FacetCount, Period

    source = tmp_path / "bai.txt"
    source.write_text(
        "Ban Dân vận Tỉnh ủy Quảng Trị ký kết chương trình phối hợp\n\n"
        "Ngày 12/3/2024, Ban Dân vận Tỉnh ủy và UBND tỉnh Quảng Trị ký kết chương trình phối hợp "
        "công tác dân vận giai đoạn 2024-2029.\n",
        encoding="utf-8",
    )
    call_command("import_articles", str(source), verbosity=0)
    assert FacetCount.objects.get(facet="").count == 1
    with connection.cursor() as cursor:  # the entity tables were analysed: their row counts are known
        cursor.execute("SELECT reltuples FROM pg_class WHERE relname = 'archive_period'")
        assert cursor.fetchone()[0] == Period.objects.count() == 1
    FacetCount.objects.all().delete()
    call_command("import_articles", str(source), verbosity=0)  # unchanged: nothing to count again
    assert not FacetCount.objects.exists()


def test_the_api_plans_broad_queries_like_the_page(client, years, broad):
    data = client.get("/api/articles/", {"q": "dân vận"}).json()
    assert data["count_estimated"] is True and data["ranked_within_newest"] == 3
    assert {a["title"] for a in data["results"]} == {years[y].title for y in (2022, 2023, 2024)}


def test_a_broad_list_offers_no_did_you_mean(client, years, monkeypatch):
    f.official("Dương Văn Dân")
    response = client.get(URL, {"q": "duong van dann"})
    assert not response.context["listing"].broad
    assert [o.name for o in response.context["entities"].suggestions] == ["Dương Văn Dân"]
    monkeypatch.setattr(search_listing, "BROAD", 0)
    response = client.get(URL, {"q": "duong van dann"})
    assert response.context["listing"].broad
    assert not response.context["entities"].suggestions


def test_a_province_list_in_date_order_reads_the_place_index(years, broad):
    """The single-place filter carries the article's date from ArticlePlace,
    and date order uses it (the index (place, date) answers it in order)."""
    from django.http import QueryDict

    from archive.search.filters import ArticleFilter

    province = f.locality("Quảng Trị", level="province")
    filterset = ArticleFilter(QueryDict(f"province={province.slug}"), queryset=Article.objects.all())
    order = [str(term) for term in filterset.qs.query.order_by]
    assert order == ["OrderBy(F(place_date), descending=True)", "OrderBy(F(id), descending=True)"]
    assert filterset.qs.query.order_by[0].nulls_last
    assert "archive_articleplace" in str(filterset.qs.query)
    assert [a.published_on.year for a in filterset.qs] == [2023, 2021, 2019]
    assert Listing(filterset).sample(filterset.qs) == [years[y].pk for y in (2023, 2021, 2019)]
