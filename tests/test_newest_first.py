"""Newest-first lists put the articles of unknown date last, under one
"Không rõ ngày" heading, on the search page, a place's page and an entity's
page alike; the indexes that serve the order hold it."""

import pytest
from django.db import connection
from django.urls import reverse

from tests import factories as f
from tests.factories import plain_static  # noqa: F401 - fixture

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("plain_static")]


@pytest.fixture
def mixed():
    hue = f.locality("Thừa Thiên Huế", level="province")
    rows = [
        f.article("Không ngày một", published_on=None, localities=[hue], officials=["Trần Thị Diệu Minh"]),
        f.article("Tin năm 2021", published_on="2021-03-01", localities=[hue], officials=["Trần Thị Diệu Minh"]),
        f.article("Không ngày hai", published_on=None, localities=[hue], officials=["Trần Thị Diệu Minh"]),
        f.article("Tin năm 2024", published_on="2024-05-01", localities=[hue], officials=["Trần Thị Diệu Minh"]),
    ]
    return hue, rows


EXPECTED = ["Tin năm 2024", "Tin năm 2021", "Không ngày hai", "Không ngày một"]


def titles(response):
    return [article.title for article in response.context["page"]]


def test_the_search_page_newest_first_lists_undated_articles_last_under_one_heading(client, mixed):
    response = client.get(reverse("archive:search"), {"sort": "date"})
    assert titles(response) == EXPECTED
    page = response.content.decode()
    assert page.count("Không rõ ngày") == 1
    assert page.index("Tin năm 2021") < page.index("Không rõ ngày") < page.index("Không ngày hai")


def test_a_place_page_lists_undated_articles_last(client, mixed):
    hue, _rows = mixed
    response = client.get(hue.get_absolute_url())
    assert titles(response) == EXPECTED
    assert response.content.decode().count("Không rõ ngày") == 1


def test_an_official_page_lists_undated_articles_last(client, mixed):
    official = f.official("Trần Thị Diệu Minh")
    response = client.get(official.get_absolute_url())
    assert titles(response) == EXPECTED
    page = response.content.decode()
    articles = page[page.index('<ol class="articles">'):]
    assert articles.count("Không rõ ngày") == 1


def test_a_relevance_list_names_each_undated_article(client, mixed):
    response = client.get(reverse("archive:search"), {"q": "không ngày"})
    assert set(titles(response)) == {"Không ngày một", "Không ngày hai"}
    assert response.content.decode().count("Không rõ ngày") == 2


@pytest.mark.parametrize("index", ["article_published", "article_place_newest"])
def test_the_date_indexes_hold_undated_rows_last(index):
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_get_indexdef(%s::regclass)", [index])
        assert "published_on DESC NULLS LAST" in cursor.fetchone()[0]
