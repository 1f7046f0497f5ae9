"""Every database test runs against real PostgreSQL: the embedded server
(PostgreSQL 18, under var/pg) unless DATABASE_URL names another one."""

from pathlib import Path

import psycopg
import pytest
from django.conf import settings


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database, migrated, with the gazetteer loaded once per session."""
    from archive import gazetteer

    with django_db_blocker.unblock():
        gazetteer.load()


@pytest.fixture
def gazetteer_loaded_afterwards(django_db_setup, django_db_blocker):
    """For transactional tests: requested before `transactional_db`, so it
    runs after that fixture's flush, which empties every table."""
    yield
    from archive import gazetteer

    with django_db_blocker.unblock():
        gazetteer.load()


@pytest.fixture
def locked():
    """lock(table): another session holds an exclusive lock on `table` until
    the test ends, so a statement reading it waits until its
    statement_timeout cancels it: a slow query, made deterministic."""
    from django.db import connection

    sessions = []

    def lock(table):
        params = connection.get_connection_params()
        params.pop("cursor_factory", None)
        params.pop("context", None)
        other = psycopg.connect(**params, autocommit=False)
        other.execute(f"LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE")
        sessions.append(other)

    yield lock
    for other in sessions:
        other.rollback()
        other.close()


@pytest.fixture(autouse=True)
def _no_read_replicas(settings):
    """Tests read the test database, whatever DATABASE_REPLICA_URLS says: a
    replica alias is a test mirror of it, another connection that would not
    see a test's uncommitted rows. tests/test_replicas.py sets up its own."""
    settings.DATABASE_REPLICAS = []


@pytest.fixture(autouse=True)
def _full_pages_on_a_busy_machine(settings):
    """A loaded CI machine must not turn a page into its degraded form (the
    search's time budget, 1.2 s in production): the tests of the budget
    set their own."""
    settings.SEARCH_BUDGET_MS = 60_000


@pytest.fixture(autouse=True)
def _pages_rendered_every_time(settings):
    """Tests look at a page's context and count its queries: the page cache
    (archive.caching) is off but in tests/test_data_version.py."""
    settings.CACHE_PAGES = False


@pytest.fixture(autouse=True)
def _static_files_without_collectstatic(settings):
    """Production serves hashed names from collectstatic's manifest; tests
    don't run collectstatic, so they use the plain storage."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


def pytest_sessionfinish(session, exitstatus):
    if not settings.DATABASE_URL:
        from danvan import embedded

        embedded.stop_if_started_here(Path(settings.EMBEDDED_PG_DIR))
