"""Pages as the data changes, not as requests come.

The data version (archive.models.DataVersion, moved on by a trigger with
every statement that changes the archive) and the code's own fingerprint
make a token that changes exactly when a public page may. For a reader
without a session (no session cookie: nobody signed in), `PageCacheMiddleware`

- answers a GET whose If-None-Match carries the current token with a 304;
- else serves the page rendered for this token, URL, scheme and host from
  the cache (settings.CACHES: the database's table by default, CACHE_URL);
- else renders it, and stores it if it is a plain 200: not streamed, no
  cookie set, no CSRF token used, not marked private or no-store, not a
  degraded answer (`dont_store`);
- and sends `ETag`, `Last-Modified` and `Cache-Control: public, no-cache`:
  a browser may keep the page but asks each time whether it is still
  current, so a curator's save shows at once.

A request with a session cookie (staff, curators) is never served from the
cache nor stored, and its response is `private, no-store`. The admin is
never cached. `cached(name, compute, *parts)` keeps an expensive fragment
(counts, charts, overviews) under the same token, for every reader.

The version is read on the database the request reads (after
danvan.replicas chose it): a replica's pages go with a replica's version.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from contextvars import ContextVar
from datetime import datetime
from functools import cache
from pathlib import Path

from django.conf import settings
from django.core.cache import cache as shared_cache
from django.db import DatabaseError
from django.http import HttpResponse, HttpResponseNotModified
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.http import http_date, parse_etags

logger = logging.getLogger(__name__)

_token: ContextVar[str | None] = ContextVar("danvan_data_token", default=None)
NEVER_STORED = "_danvan_dont_store"
CACHED_HEADERS = ("Content-Type", "Content-Length", "Content-Language", "Vary", "X-Frame-Options", "Link")


@cache
def code_fingerprint() -> str:
    """A hash of the code and templates that render the pages (read once
    per process): a new release never answers 304 with an old page nor
    serves one from the cache. The same files give the same hash on every
    machine."""
    digest = hashlib.blake2b(digest_size=6)
    base = Path(settings.BASE_DIR)
    for folder in ("archive", "danvan", "templates"):
        for path in sorted((base / folder).rglob("*")):
            if path.suffix in {".py", ".html", ".sql", ".txt", ".xml"} and "migrations" not in path.parts:
                digest.update(path.relative_to(base).as_posix().encode())
                digest.update(path.read_bytes())
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    if manifest.exists():  # the static files' hashed names, written into every page
        digest.update(manifest.read_bytes())
    return digest.hexdigest()


def data_version(using: str | None = None) -> tuple[int, datetime | None]:
    """(version, when it last moved on); one query."""
    from archive.models import DataVersion

    queryset = DataVersion.objects.using(using) if using else DataVersion.objects
    row = queryset.filter(pk=1).values_list("version", "changed_at").first()
    return row if row else (0, None)


def _token_of(version: int, changed_at: datetime | None) -> str:
    stamp = int(changed_at.timestamp() * 1_000_000) if changed_at else 0
    return f"{code_fingerprint()}-{version}-{stamp:x}"


def current_token() -> str:
    """The token of the request being answered, else read now."""
    return _token.get() or _token_of(*data_version())


def _cache_get(key: str):
    """The cached value, or None: a cache that fails (the database cache's
    server going down, Redis unreachable) costs a render, never the page."""
    try:
        return shared_cache.get(key)
    except Exception as error:  # any backend's own errors
        logger.warning("page cache unavailable: %s", error)
        return None


def _cache_set(key: str, value) -> None:
    try:
        shared_cache.set(key, value)
    except Exception as error:
        logger.warning("page cache unavailable: %s", error)


def cached(name: str, compute, *parts):
    """compute(), kept under the data token: the same value until the data
    or the code change. `parts` (str()-able) tell its variants apart."""
    if not settings.CACHE_PAGES:
        return compute()
    key = _key("fragment", name, current_token(), *map(str, parts))
    value = _cache_get(key)
    if value is None:
        value = compute()
        _cache_set(key, value)
    return value


def dont_store(request) -> None:
    """This answer (a degraded search, a page cut short) is not kept."""
    setattr(request, NEVER_STORED, True)


def _key(kind: str, *parts: str) -> str:
    return f"{kind}:" + hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def _matches(if_none_match: str, etag: str) -> bool:
    """If-None-Match's weak comparison (RFC 9110 13.1.2)."""
    return etag.removeprefix("W/") in {tag.removeprefix("W/") for tag in parse_etags(if_none_match)}


def _is_private(request) -> bool:
    return settings.SESSION_COOKIE_NAME in request.COOKIES


def _cacheable_request(request) -> bool:
    return request.method in {"GET", "HEAD"} and not request.path_info.startswith(_admin_prefix())


@cache
def _admin_prefix() -> str:
    return reverse("admin:index")


def _storable(request, response) -> bool:
    control = response.get("Cache-Control", "")
    return (
        request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not getattr(request, NEVER_STORED, False)
        and "private" not in control
        and "no-store" not in control
    )


def _response_from(stored) -> HttpResponse:
    status, content, headers = stored
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    return response


# One render per page and process at a time: when the data has just
# changed (or after a restart), the threads asking for the same page wait
# for the first one's render instead of all rendering it at once.
_renders: dict[str, threading.Event] = {}
_renders_lock = threading.Lock()
RENDER_WAIT_SECONDS = 5.0


def _wait_or_lead(key: str):
    """(None, True) if this thread renders the page, none else being at it;
    else (the page another thread rendered and stored, waited for at most
    RENDER_WAIT_SECONDS, or None if it was not stored; False)."""
    with _renders_lock:
        running = _renders.get(key)
        if running is None:
            _renders[key] = threading.Event()
            return None, True
    running.wait(RENDER_WAIT_SECONDS)
    return _cache_get(key), False


def _rendered(key: str) -> None:
    with _renders_lock:
        done = _renders.pop(key, None)
    if done is not None:
        done.set()


class PageCacheMiddleware:
    """See the module's docstring. Placed after danvan.replicas' middleware
    (the version is read where the page is) and before the session's (its
    cookie and Vary headers are seen before a page is stored)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.CACHE_PAGES or not _cacheable_request(request):
            return self.get_response(request)
        if _is_private(request):
            response = self.get_response(request)
            patch_cache_control(response, private=True, no_store=True)
            return response
        try:
            version, changed_at = data_version()
        except DatabaseError:  # the view answers with its own error (danvan.unavailable)
            return self.get_response(request)
        token = _token_of(version, changed_at)
        etag = f'W/"{token}"'
        if _matches(request.headers.get("If-None-Match", ""), etag):
            return self._decorated(HttpResponseNotModified(), etag, changed_at)
        key = _key("page", token, request.build_absolute_uri())
        stored = _cache_get(key) if request.method == "GET" else None
        if stored is not None:
            return self._decorated(_response_from(stored), etag, changed_at)
        leader = False
        if request.method == "GET":
            stored, leader = _wait_or_lead(key)
            if stored is not None:
                return self._decorated(_response_from(stored), etag, changed_at)
        reset = _token.set(token)
        try:
            response = self.get_response(request)
            if _storable(request, response):
                headers = [(name, response[name]) for name in CACHED_HEADERS if response.has_header(name)]
                _cache_set(key, (response.status_code, response.content, headers))
                self._decorated(response, etag, changed_at)
        finally:
            _token.reset(reset)
            if leader:  # stored by now, if it could be: the waiting threads take it
                _rendered(key)
        return response

    @staticmethod
    def _decorated(response, etag: str, changed_at: datetime | None):
        response["ETag"] = etag
        if changed_at:
            response["Last-Modified"] = http_date(changed_at.timestamp())
        patch_cache_control(response, public=True, no_cache=True)
        return response
