"""`manage.py warm`: planner statistics where missing, the main pages
visited and kept in the page cache for the first visitors."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

from archive import warming
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.CACHE_PAGES = True


def test_warm_visits_the_main_pages_and_keeps_them_for_the_first_visitors(client, django_assert_max_num_queries):
    f.article("Dân vận khéo ở Quỳnh Lưu", published_on="2023-03-14",
              localities=[f.locality("Quỳnh Lưu", province="Nghệ An")], periods=[(2021, 2025)])
    out = StringIO()
    call_command("warm", "--entities", "3", stdout=out, verbosity=2)
    text = out.getvalue()
    assert "200" in text and "/tinh-thanh/" in text and "/giai-doan/2021" in text
    assert "warmed" in text

    with django_assert_max_num_queries(2):  # the version and the cache's row: no page rendered
        response = client.get("/tinh-thanh/", HTTP_HOST=warming.public_host())
    assert response.status_code == 200


def test_warm_analyses_the_tables_the_planner_knows_nothing_about():
    with connection.cursor() as cursor:
        # A table never analysed, as after a bulk load or a crash.
        cursor.execute("CREATE TABLE archive_warm_probe (id int)")
        cursor.execute("INSERT INTO archive_warm_probe SELECT generate_series(1, 1000)")
    assert "archive_warm_probe" in warming.analyse_missing()
    assert "archive_warm_probe" not in warming.analyse_missing()
