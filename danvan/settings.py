"""Settings for Danvan Archive: one module, configured by environment variables.

Every variable is read here, through the helpers below, which fail loudly on
bad values. Two modes:
- local (default): `make run` needs no configuration; a secret key is generated
  once under var/; the embedded PostgreSQL is used unless DATABASE_URL is set.
- production (DANVAN_ENV=production): SECRET_KEY and ALLOWED_HOSTS are required,
  HTTPS-only cookies and HSTS are on, and `manage.py check --deploy` is clean.
"""

import os
import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name)
    return default if value is None or value == "" else value


def env_bool(name: str, default: bool = False) -> bool:
    value = env_str(name)
    if value is None:
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false), got {value!r}")


def env_int(name: str, default: int) -> int:
    value = env_str(name)
    if value is None:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be an integer, got {value!r}") from None


def env_list(name: str, default: list[str]) -> list[str]:
    value = env_str(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


DANVAN_ENV = env_str("DANVAN_ENV", "local")
if DANVAN_ENV not in {"local", "production"}:
    raise ImproperlyConfigured(f"DANVAN_ENV must be 'local' or 'production', got {DANVAN_ENV!r}")
PRODUCTION = DANVAN_ENV == "production"

VAR_DIR = Path(env_str("DANVAN_VAR_DIR", str(BASE_DIR / "var")))
DEBUG = env_bool("DJANGO_DEBUG", False)


def _local_secret_key() -> str:
    path = VAR_DIR / "secret_key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = env_str("SECRET_KEY")
if SECRET_KEY is None:
    if PRODUCTION:
        raise ImproperlyConfigured("SECRET_KEY must be set when DANVAN_ENV=production")
    SECRET_KEY = _local_secret_key()
if SECRET_KEY.startswith("CHANGE-ME"):
    raise ImproperlyConfigured("SECRET_KEY is still the placeholder of deploy/danvan.env.example: set a real one")

if PRODUCTION:
    ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [])
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured("ALLOWED_HOSTS must be set when DANVAN_ENV=production")
else:
    ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "django_filters",
    "simple_history",
    "axes",
    "archive",
    "lab",  # benchmarks and evaluations: management commands only
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "danvan.unavailable.DatabaseUnavailableMiddleware",
    "danvan.replicas.ReplicaMiddleware",
    "archive.caching.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

# Failed logins are counted in the database (django-axes), so every gunicorn
# worker sees them: after 5 failures for a username from one address, that
# pair is locked out for 15 minutes.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]

ROOT_URLCONF = "danvan.urls"
WSGI_APPLICATION = "danvan.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# DATABASE_URL selects the database; without it, the embedded PostgreSQL under
# var/pg (or EMBEDDED_PG_DIR) is started on first connection.
EMBEDDED_PG_DIR = env_str("EMBEDDED_PG_DIR", str(VAR_DIR / "pg"))
DATABASE_URL = env_str("DATABASE_URL")


def database_from_url(name: str, url: str) -> dict:
    """One DATABASES entry from a postgres:// URL read from variable `name`."""
    try:
        database = dj_database_url.parse(url, conn_max_age=60)
    except ValueError as error:
        raise ImproperlyConfigured(f"{name} is not a valid database URL: {error}") from None
    if database["ENGINE"] != "django.db.backends.postgresql":
        raise ImproperlyConfigured(f"{name} must point at PostgreSQL (postgres://…)")
    database["CONN_HEALTH_CHECKS"] = True
    return database


if DATABASE_URL:
    DATABASES = {"default": database_from_url("DATABASE_URL", DATABASE_URL)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "danvan.embedded_pg",
            "NAME": "postgres",
            "USER": "postgres",
            "HOST": "",
            "EMBEDDED_DIR": EMBEDDED_PG_DIR,
            "CONN_MAX_AGE": 60,
            # A persistent connection is checked before a request reuses it:
            # one cut since the last request (a server restarted) is replaced.
            "CONN_HEALTH_CHECKS": True,
        }
    }
DATABASES["default"].setdefault("OPTIONS", {})
# No request may hang: every statement is cut after this many milliseconds.
DATABASES["default"]["OPTIONS"].setdefault(
    "options", f"-c statement_timeout={env_int('DANVAN_STATEMENT_TIMEOUT_MS', 30000)}"
)

# Read replicas (docs/deploy.md): streaming replicas of the primary, one alias
# each ("replica1", …). danvan.replicas routes the public pages' reads to one
# that is up and no more than DATABASE_REPLICA_MAX_LAG_SECONDS behind,
# checked at most every DATABASE_REPLICA_CHECK_SECONDS per process; every
# write, the admin and a curator's next pages read the primary.
DATABASE_REPLICAS = []
for number, url in enumerate(env_list("DATABASE_REPLICA_URLS", []), start=1):
    replica = database_from_url("DATABASE_REPLICA_URLS", url)
    # The primary's statement timeout; a replica that does not answer in 3 s
    # counts as down (the URL's own ?connect_timeout= wins).
    replica["OPTIONS"] = {
        "options": DATABASES["default"]["OPTIONS"]["options"], "connect_timeout": 3, **replica.get("OPTIONS", {})
    }
    # Under the test runner a replica is the test database itself.
    replica["TEST"] = {"MIRROR": "default"}
    DATABASES[f"replica{number}"] = replica
    DATABASE_REPLICAS.append(f"replica{number}")
REPLICA_MAX_LAG_SECONDS = env_int("DATABASE_REPLICA_MAX_LAG_SECONDS", 10)
REPLICA_CHECK_SECONDS = env_int("DATABASE_REPLICA_CHECK_SECONDS", 5)
if REPLICA_MAX_LAG_SECONDS < 0:
    raise ImproperlyConfigured(f"DATABASE_REPLICA_MAX_LAG_SECONDS must be ≥ 0, got {REPLICA_MAX_LAG_SECONDS}")
if REPLICA_CHECK_SECONDS < 1:
    raise ImproperlyConfigured(f"DATABASE_REPLICA_CHECK_SECONDS must be ≥ 1, got {REPLICA_CHECK_SECONDS}")
DATABASE_ROUTERS = ["danvan.replicas.ReplicaRouter"]

# A pool of connections per process and database (psycopg_pool), shared by
# a gunicorn worker's threads, instead of one persistent connection per
# thread: each process holds at most DATABASE_POOL_MAX_SIZE connections to
# each database. 0 (the default): no pool, one persistent connection per
# thread (CONN_MAX_AGE 60 s).
POOL_MAX_SIZE = env_int("DATABASE_POOL_MAX_SIZE", 0)
POOL_MIN_SIZE = env_int("DATABASE_POOL_MIN_SIZE", min(POOL_MAX_SIZE, 1))
POOL_TIMEOUT = env_int("DATABASE_POOL_TIMEOUT", 10)
if POOL_MAX_SIZE < 0:
    raise ImproperlyConfigured(f"DATABASE_POOL_MAX_SIZE must be ≥ 0, got {POOL_MAX_SIZE}")
if POOL_MAX_SIZE:
    if not 0 <= POOL_MIN_SIZE <= POOL_MAX_SIZE:
        raise ImproperlyConfigured(
            f"DATABASE_POOL_MIN_SIZE must be between 0 and DATABASE_POOL_MAX_SIZE ({POOL_MAX_SIZE}), "
            f"got {POOL_MIN_SIZE}"
        )
    if POOL_TIMEOUT < 1:
        raise ImproperlyConfigured(f"DATABASE_POOL_TIMEOUT must be ≥ 1 second, got {POOL_TIMEOUT}")
    for database in DATABASES.values():
        # A pooled connection goes back to the pool at the end of each request.
        database["CONN_MAX_AGE"] = 0
        database["OPTIONS"]["pool"] = {"min_size": POOL_MIN_SIZE, "max_size": POOL_MAX_SIZE, "timeout": POOL_TIMEOUT}

# The cache of rendered public pages and expensive fragments (archive.caching),
# shared by every process; its keys carry the data version, so nothing in it
# is ever stale. CACHE_URL picks the backend:
#   db:// (default)       the database's danvan_cache table (made by migrate)
#   file:///var/cache/dv  files in that directory (one machine only)
#   redis://host:6379/1   Redis (pip install redis)
#   memcached://host:11211  Memcached (pip install pymemcache)
#   locmem://  dummy://   this process only / nothing (tests, debugging)
CACHE_URL = env_str("CACHE_URL", "db://")
# Off: every page rendered for every request, without ETag (tests, debugging).
CACHE_PAGES = env_bool("DANVAN_CACHE_PAGES", True)
CACHE_TIMEOUT = env_int("CACHE_TIMEOUT_SECONDS", 86400)


def cache_from_url(url: str) -> dict:
    scheme, _, rest = url.partition("://")
    backends = {
        "db": ("django.core.cache.backends.db.DatabaseCache", "danvan_cache"),
        "file": ("django.core.cache.backends.filebased.FileBasedCache", rest),
        "redis": ("django.core.cache.backends.redis.RedisCache", url),
        "memcached": ("django.core.cache.backends.memcached.PyMemcacheCache", rest),
        "locmem": ("django.core.cache.backends.locmem.LocMemCache", "danvan"),
        "dummy": ("django.core.cache.backends.dummy.DummyCache", ""),
    }
    if "://" not in url or scheme not in backends or (scheme in {"file", "memcached"} and not rest):
        raise ImproperlyConfigured(
            f"CACHE_URL must be db://, file:///path, redis://…, memcached://host:port, locmem:// or dummy://, got {url!r}"
        )
    backend, location = backends[scheme]
    cache = {"BACKEND": backend, "LOCATION": location, "TIMEOUT": CACHE_TIMEOUT, "KEY_PREFIX": "danvan"}
    if scheme in {"db", "file", "locmem"}:
        # Old versions' pages are never asked for again: culled when full.
        cache["OPTIONS"] = {"MAX_ENTRIES": env_int("CACHE_MAX_ENTRIES", 20000), "CULL_FREQUENCY": 4}
    return cache


CACHES = {"default": cache_from_url(CACHE_URL)}

# A search page (query, count, facets) gets this long; past it the page is
# answered in date order without counts or facets (archive.search.time_budget).
SEARCH_BUDGET_MS = env_int("DANVAN_SEARCH_BUDGET_MS", 1200)
# ... and that answer gets this long before the page says the archive is busy.
SEARCH_DEGRADED_BUDGET_MS = env_int("DANVAN_SEARCH_DEGRADED_BUDGET_MS", 400)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt")]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

LOGIN_URL = "admin:login"

# Article text is untrusted: no inline script, nothing loaded from elsewhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
if PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}
