import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from danvan import settings as project_settings

ROOT = Path(__file__).resolve().parent.parent


def run_manage(*args, env_overrides):
    env = {
        k: v for k, v in os.environ.items()
        if not k.startswith(("DANVAN_", "SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_POOL_", "DATABASE_REPLICA_"))
    }
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize("value", ["yes please", "2", "enabled"])
def test_env_bool_rejects_unclear_values(monkeypatch, value):
    monkeypatch.setenv("SOME_FLAG", value)
    with pytest.raises(ImproperlyConfigured, match="SOME_FLAG"):
        project_settings.env_bool("SOME_FLAG")


def test_env_int_names_the_variable(monkeypatch):
    monkeypatch.setenv("SOME_NUMBER", "ten")
    with pytest.raises(ImproperlyConfigured, match="SOME_NUMBER"):
        project_settings.env_int("SOME_NUMBER", 1)


def test_debug_is_off_unless_asked():
    from django.conf import settings

    assert settings.DEBUG is False


def test_production_requires_a_secret_key():
    result = run_manage("check", env_overrides={"DANVAN_ENV": "production", "ALLOWED_HOSTS": "example.org"})
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_requires_allowed_hosts():
    result = run_manage("check", env_overrides={"DANVAN_ENV": "production", "SECRET_KEY": "x" * 60})
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set" in result.stderr


def test_check_deploy_is_clean_in_production():
    result = run_manage(
        "check", "--deploy", "--fail-level", "WARNING",
        env_overrides={
            "DANVAN_ENV": "production",
            "SECRET_KEY": "k3y-" + "abcdefghijklmnopqrstuvwxyz0123456789" * 2,
            "ALLOWED_HOSTS": "archive.example.org",
        },
    )
    assert result.returncode == 0, result.stdout + result.stderr


SHOW_TIMEOUT = "from django.conf import settings; print(settings.DATABASES['default']['OPTIONS']['options'])"


def test_web_processes_have_a_statement_timeout_and_commands_do_not():
    web = subprocess.run(
        [sys.executable, "-c", "import django, os; os.environ['DJANGO_SETTINGS_MODULE'] = 'danvan.settings'; "
         "django.setup(); " + SHOW_TIMEOUT],
        cwd=ROOT, env={k: v for k, v in os.environ.items() if not k.startswith("DANVAN_")},
        capture_output=True, text=True, timeout=120,
    )
    assert web.stdout.strip() == "-c statement_timeout=30000", web.stderr
    command = run_manage("shell", "-v0", "-c", SHOW_TIMEOUT, env_overrides={})
    assert command.stdout.strip() == "-c statement_timeout=0", command.stderr
    asked = run_manage("shell", "-v0", "-c", SHOW_TIMEOUT, env_overrides={"DANVAN_STATEMENT_TIMEOUT_MS": "5000"})
    assert asked.stdout.strip() == "-c statement_timeout=5000", asked.stderr


def test_web_workers_keep_what_they_made_at_start_out_of_full_collections():
    """danvan.wsgi freezes the objects of a worker's start, so the garbage
    collector's full collections no longer scan them during requests."""
    worker = subprocess.run(
        [sys.executable, "-c", "import gc, danvan.wsgi; print(gc.get_freeze_count(), len(gc.get_objects()))"],
        cwd=ROOT, env={k: v for k, v in os.environ.items() if not k.startswith("DANVAN_")},
        capture_output=True, text=True, timeout=120,
    )
    frozen, tracked = map(int, worker.stdout.split())
    assert frozen > 10 * tracked, worker.stderr


def test_bad_database_url_is_reported():
    result = run_manage("check", env_overrides={"DATABASE_URL": "mysql://u@h/db"})
    assert result.returncode != 0
    assert "DATABASE_URL must point at PostgreSQL" in result.stderr


@pytest.mark.django_db
def test_pages_carry_a_content_security_policy_without_inline_script(client):
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"


SHOW_DATABASES = (
    "import json; from django.conf import settings; "
    "print(json.dumps({'databases': settings.DATABASES, 'replicas': settings.DATABASE_REPLICAS}, default=str))"
)


def web_process(code: str, **env) -> subprocess.CompletedProcess:
    """`code` run after django.setup() in a process started as gunicorn's are."""
    environment = {
        k: v for k, v in os.environ.items() if not k.startswith(("DANVAN_", "DATABASE_POOL_", "DATABASE_REPLICA_"))
    }
    return subprocess.run(
        [sys.executable, "-c", "import django, os; os.environ['DJANGO_SETTINGS_MODULE'] = 'danvan.settings'; "
         "django.setup(); " + code],
        cwd=ROOT, env={**environment, **env}, capture_output=True, text=True, timeout=120,
    )


def databases(**env) -> dict:
    result = web_process(SHOW_DATABASES, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_without_replicas_or_a_pool_the_database_is_as_it_was():
    shown = databases()
    assert shown["replicas"] == []
    assert list(shown["databases"]) == ["default"]
    default = shown["databases"]["default"]
    assert default["CONN_MAX_AGE"] == 60
    assert "pool" not in default["OPTIONS"]


def test_replica_urls_add_one_alias_each_mirroring_the_primary_under_tests():
    shown = databases(
        DATABASE_URL="postgres://danvan@db.internal:5432/danvan",
        DATABASE_REPLICA_URLS="postgres://danvan@replica-a:5432/danvan, postgres://danvan@replica-b:5433/danvan",
    )
    assert shown["replicas"] == ["replica1", "replica2"]
    first, second = shown["databases"]["replica1"], shown["databases"]["replica2"]
    assert (first["HOST"], second["HOST"], second["PORT"]) == ("replica-a", "replica-b", 5433)
    assert first["TEST"]["MIRROR"] == "default"
    assert first["OPTIONS"] == {"options": "-c statement_timeout=30000", "connect_timeout": 3}


def test_a_bad_replica_url_is_reported():
    result = run_manage("check", env_overrides={"DATABASE_REPLICA_URLS": "mysql://u@h/db"})
    assert result.returncode != 0
    assert "DATABASE_REPLICA_URLS must point at PostgreSQL" in result.stderr


def test_a_pool_replaces_persistent_connections_on_every_database():
    shown = databases(
        DATABASE_REPLICA_URLS="postgres://danvan@replica-a/danvan", DATABASE_POOL_MAX_SIZE="8",
        DATABASE_POOL_MIN_SIZE="2",
    )
    for database in shown["databases"].values():
        assert database["CONN_MAX_AGE"] == 0
        assert database["OPTIONS"]["pool"] == {"min_size": 2, "max_size": 8, "timeout": 10}


def test_management_commands_never_pool():
    result = run_manage("shell", "-v0", "-c", SHOW_DATABASES, env_overrides={"DATABASE_POOL_MAX_SIZE": "8"})
    default = json.loads(result.stdout)["databases"]["default"]
    assert (default["CONN_MAX_AGE"], "pool" in default["OPTIONS"]) == (60, False), result.stderr


@pytest.mark.parametrize(("env", "message"), [
    ({"DATABASE_POOL_MAX_SIZE": "many"}, "DATABASE_POOL_MAX_SIZE must be an integer"),
    ({"DATABASE_POOL_MAX_SIZE": "-1"}, "DATABASE_POOL_MAX_SIZE must be ≥ 0"),
    ({"DATABASE_POOL_MAX_SIZE": "4", "DATABASE_POOL_MIN_SIZE": "5"}, "DATABASE_POOL_MIN_SIZE must be between 0 and"),
    ({"DATABASE_POOL_MAX_SIZE": "4", "DATABASE_POOL_TIMEOUT": "0"}, "DATABASE_POOL_TIMEOUT must be ≥ 1"),
    ({"DATABASE_REPLICA_MAX_LAG_SECONDS": "-2"}, "DATABASE_REPLICA_MAX_LAG_SECONDS must be ≥ 0"),
    ({"DATABASE_REPLICA_CHECK_SECONDS": "soon"}, "DATABASE_REPLICA_CHECK_SECONDS must be an integer"),
])
def test_bad_pool_and_replica_settings_are_reported(env, message):
    result = web_process("", **env)
    assert result.returncode != 0
    assert message in result.stderr


def test_the_deploy_templates_placeholder_secret_key_is_refused():
    placeholder = next(
        line.partition("=")[2] for line in (ROOT / "deploy" / "danvan.env.example").read_text().splitlines()
        if line.startswith("SECRET_KEY=")
    )
    result = run_manage("check", env_overrides={
        "DANVAN_ENV": "production", "SECRET_KEY": placeholder, "ALLOWED_HOSTS": "archive.example.org",
    })
    assert result.returncode != 0
    assert "SECRET_KEY is still the placeholder of deploy/danvan.env.example" in result.stderr


@pytest.mark.parametrize(
    ("url", "backend", "location"),
    [
        ("db://", "django.core.cache.backends.db.DatabaseCache", "danvan_cache"),
        ("file:///var/cache/danvan", "django.core.cache.backends.filebased.FileBasedCache", "/var/cache/danvan"),
        ("redis://cache.internal:6379/1", "django.core.cache.backends.redis.RedisCache", "redis://cache.internal:6379/1"),
        ("memcached://cache.internal:11211", "django.core.cache.backends.memcached.PyMemcacheCache",
         "cache.internal:11211"),
    ],
)
def test_cache_url_picks_the_shared_cache(url, backend, location):
    cache = project_settings.cache_from_url(url)
    assert (cache["BACKEND"], cache["LOCATION"]) == (backend, location)


@pytest.mark.parametrize("url", ["mysql://x", "file://", "redis"])
def test_a_bad_cache_url_is_reported(url):
    with pytest.raises(ImproperlyConfigured, match="CACHE_URL"):
        project_settings.cache_from_url(url)
