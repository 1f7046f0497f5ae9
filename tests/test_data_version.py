"""The data version and the page cache keyed on it (archive.caching,
archive/sql/data_version.sql): every change moves the version on, so a page
that shows it gets a new ETag and is rendered again; an unchanged page is a
304 or comes from the cache; staff always get a fresh, private page."""

import threading
import time

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.db import connection
from django.test import Client

from archive import caching, views
from archive.curation.merge import merge_officials
from archive.importer import import_paths
from archive.models import Article, DataVersion, Official, Role
from tests import factories as f

pytestmark = pytest.mark.django_db

ARTICLE = """Thứ Ba, 14/3/2023
Quỳnh Lưu: Ký kết chương trình phối hợp về công tác dân vận

Sáng 14/3, Ban Dân vận Huyện ủy và UBND huyện Quỳnh Lưu (Nghệ An) tổ chức hội nghị ký kết
chương trình phối hợp về công tác dân vận giai đoạn 2023-2025. Đồng chí Hồ Thị Lan – Trưởng Ban
Dân vận Huyện ủy ký kết chương trình.
"""


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.CACHE_PAGES = True  # tests/conftest.py turns it off for the other tests


@pytest.fixture
def official_article():
    return f.article("Dân vận khéo ở Quỳnh Lưu", "Công tác dân vận.", published_on="2023-03-14",
                     officials=[("Hồ Thị Lan", "Trưởng Ban Dân vận")])


def version() -> int:
    return DataVersion.objects.get(pk=1).version


def etag(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response["ETag"]


def test_every_archive_table_but_history_and_import_runs_moves_the_version_on():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename LIKE 'archive\\_%'"
            " AND tablename NOT LIKE 'archive\\_historical%'"
            " AND tablename NOT IN ('archive_dataversion', 'archive_importrun')"
        )
        tables = {name for (name,) in cursor.fetchall()}
        cursor.execute("SELECT DISTINCT event_object_table FROM information_schema.triggers"
                       " WHERE trigger_name = 'archive_data_version'")
        watched = {name for (name,) in cursor.fetchall()}
    assert {"archive_article", "archive_role", "archive_official", "archive_mergerecord"} <= tables
    assert tables - watched == set(), "a migration adding these tables must install data_version.sql again"


def test_an_import_moves_the_version_on_and_an_unchanged_reimport_does_not(tmp_path):
    (tmp_path / "quynh-luu.txt").write_text(ARTICLE, encoding="utf-8")
    before = version()
    import_paths([str(tmp_path)])
    after = version()
    assert after > before
    import_paths([str(tmp_path)])  # "0 created, 0 updated, 1 unchanged"
    assert version() == after


def test_a_curators_edit_changes_the_etag_of_the_pages_that_show_the_fact(client, official_article):
    official = Official.objects.get(name="Hồ Thị Lan")
    pages = [f"/bai-viet/{official_article.pk}/", official.get_absolute_url(), "/tim-kiem/?q=H%E1%BB%93+Th%E1%BB%8B+Lan"]
    before = {url: etag(client, url) for url in pages}
    assert "Hồ Thị Lan" in client.get(pages[0]).content.decode()

    editor = User.objects.create_superuser("bientap", "bientap@example.org", "mat-khau-dai-123")
    client.force_login(editor)
    role = Role.objects.get(article=official_article)
    response = client.post("/admin/archive/role/", {"action": "hide_selected", "_selected_action": [role.pk]})
    assert response.status_code == 302
    client.logout()

    after = {url: etag(client, url) for url in pages}
    assert all(after[url] != before[url] for url in pages)
    assert "Hồ Thị Lan" not in client.get(pages[0]).content.decode()  # visible at once


def test_a_merge_and_a_hidden_article_move_the_version_on(official_article):
    before = version()
    survivor, duplicate = f.official("Hồ Thị Lan"), f.official("Hồ Thị Lan (2)")
    merge_officials(survivor, duplicate)
    merged = version()
    assert merged > before
    Article.objects.filter(pk=official_article.pk).update(hidden=True)
    assert version() > merged


def test_an_unchanged_page_is_a_304_with_its_etag(client, official_article):
    url = f"/bai-viet/{official_article.pk}/"
    first = client.get(url)
    assert first["Cache-Control"] == "public, no-cache" or set(first["Cache-Control"].split(", ")) == {"public", "no-cache"}
    assert first.has_header("Last-Modified")
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again["ETag"] == first["ETag"]
    assert not again.content

    official_article.title = "Dân vận khéo, đổi tên"
    official_article.save()
    changed = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200
    assert "đổi tên" in changed.content.decode()


def test_an_unchanged_page_comes_from_the_cache(client, official_article, django_assert_max_num_queries):
    url = f"/bai-viet/{official_article.pk}/"
    first = client.get(url)
    with django_assert_max_num_queries(2):  # the version, the cache's row
        second = client.get(url)
    assert second.status_code == 200
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]
    assert second["Content-Type"] == first["Content-Type"]


def test_the_cache_tells_hosts_schemes_and_query_strings_apart(client, official_article):
    url = f"/bai-viet/{official_article.pk}/"
    plain = client.get(url).content.decode()
    other_host = client.get(url, HTTP_HOST="localhost").content.decode()
    assert 'href="http://testserver/bai-viet/' in plain
    assert 'href="http://localhost/bai-viet/' in other_host
    raw = client.get(url + "?raw=1").content.decode()
    assert raw != plain


def test_staff_never_get_a_cached_page(client, official_article, monkeypatch):
    url = f"/bai-viet/{official_article.pk}/"
    client.get(url)  # cached for readers
    client.force_login(User.objects.create_user("canbo", password="mat-khau-dai-123", is_staff=True))

    used = []
    monkeypatch.setattr(cache, "get", lambda *args, **kwargs: used.append(args))
    monkeypatch.setattr(cache, "set", lambda *args, **kwargs: used.append(args))
    response = client.get(url)
    assert response.status_code == 200
    assert used == [], "a signed-in reader's page went through the page cache"
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert not response.has_header("ETag")


def test_errors_redirects_cookies_and_degraded_answers_are_not_kept(client, official_article, monkeypatch):
    stored = []
    monkeypatch.setattr(cache, "set", lambda key, value, *args, **kwargs: stored.append(key))
    assert client.get("/bai-viet/999999/").status_code == 404
    assert client.get("/admin/login/").status_code == 200  # a CSRF token
    assert stored == []

    from archive import results

    real = results.results_context

    def degraded(request, *args, **kwargs):
        caching.dont_store(request)
        return real(request, *args, **kwargs)

    monkeypatch.setattr("archive.views.results_context", degraded)
    assert client.get("/tim-kiem/?q=d%C3%A2n+v%E1%BA%ADn").status_code == 200
    assert stored == []
    assert client.get(f"/bai-viet/{official_article.pk}/").status_code == 200
    assert len(stored) == 1


def test_fragments_are_kept_under_the_data_version(official_article):
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    assert caching.cached("test-fragment", compute, "a") == 1
    assert caching.cached("test-fragment", compute, "a") == 1
    assert caching.cached("test-fragment", compute, "b") == 2
    official_article.save()
    assert caching.cached("test-fragment", compute, "a") == 3


@pytest.mark.django_db(transaction=True)
def test_threads_asking_for_the_same_uncached_page_wait_for_one_render(
    gazetteer_loaded_afterwards, official_article, monkeypatch
):
    """Each thread has its own connection: the article is committed."""
    renders = []
    started, release = threading.Event(), threading.Event()
    real = views.render

    def slow_render(request, *args, **kwargs):  # the view's own render, looked up when called
        renders.append(request.path)
        started.set()
        release.wait(10)
        return real(request, *args, **kwargs)

    monkeypatch.setattr(views, "render", slow_render)
    asked = []
    real_wait_or_lead = caching._wait_or_lead

    def wait_or_lead(key):
        asked.append(key)
        return real_wait_or_lead(key)

    monkeypatch.setattr(caching, "_wait_or_lead", wait_or_lead)
    url = f"/bai-viet/{official_article.pk}/"
    results = []

    def fetch():
        results.append(Client().get(url))

    first = threading.Thread(target=fetch)
    first.start()
    started.wait(10)
    others = [threading.Thread(target=fetch) for _ in range(3)]
    for thread in others:
        thread.start()
    deadline = time.monotonic() + 30
    while len(asked) < 4 and time.monotonic() < deadline:  # all four past the cache, the first rendering
        time.sleep(0.01)
    release.set()
    for thread in [first, *others]:
        thread.join(30)
    assert len(renders) == 1
    assert [r.status_code for r in results] == [200] * 4
    assert len({r.content for r in results}) == 1
