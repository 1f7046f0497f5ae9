"""Every database test runs against real PostgreSQL: the embedded server
(PostgreSQL 18, under var/pg) unless DATABASE_URL names another one."""

from pathlib import Path

import pytest
from django.conf import settings


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database, migrated, with the gazetteer loaded once per session."""
    from archive import gazetteer

    with django_db_blocker.unblock():
        gazetteer.load()


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
