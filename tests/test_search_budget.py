"""A page out of time, where the slow statement reads a table written by
triggers (archive.search.listing.time_budget).

Another session holds a lock on a table the page reads, so the statement
waits until its statement_timeout cancels it: a slow query, made
deterministic. The facet keys are written by triggers that read every fact
table when an article is stored; inside a test's transaction those tables
would stay share-locked and the other session could not lock them, so these
tests commit their data (transactional) and load the gazetteer again after
the flush."""

import pytest
from django.urls import reverse

from tests import factories as f


@pytest.fixture
def years(gazetteer_loaded_afterwards, transactional_db):
    """Six articles on "dân vận", one per year 2019–2024; the odd years in Quảng Trị."""
    province = f.locality("Quảng Trị", level="province")
    return {
        year: f.article(f"Hội nghị năm {year} bàn công tác dân vận", f"Công tác dân vận năm {year}.",
                        published_on=f"{year}-06-01", localities=[province] if year % 2 else [])
        for year in range(2019, 2025)
    }


def test_a_place_page_out_of_time_is_degraded_too(years, client, settings, locked):
    locked("archive_articlefacetkeys")  # read by the facets only
    settings.SEARCH_BUDGET_MS = 300
    response = client.get(reverse("archive:locality", args=["quang-tri"]))
    assert response.status_code == 200 and response.context["degraded"]
    assert [article.title for article in response.context["page"]] == [years[y].title for y in (2023, 2021, 2019)]


def test_the_api_answers_503_when_out_of_time(years, client, settings, locked):
    locked("archive_articleperiod")  # the API lists each article's periods
    settings.SEARCH_BUDGET_MS = 300
    response = client.get("/api/articles/", {"q": "dân vận"})
    assert response.status_code == 503 and response["Retry-After"] == "30"
    assert "thu hẹp" in response.json()["detail"]
