"""Read replicas: which database a request reads from.

With DATABASE_REPLICA_URLS unset there is no replica (settings.DATABASE_REPLICAS
is empty) and nothing here changes where anything goes. With replicas:

- Writes, migrations, and everything outside a web request (the import,
  merges, backup and restore, every management command) use the primary.
- A request that only reads (GET, HEAD, OPTIONS) outside the admin reads the
  archive's tables (the `archive` app) from one replica, picked at random
  among those that are up and not lagging: the public pages, feeds, exports
  and the API. Accounts, sessions and login attempts always come from the
  primary.
- Read-your-writes: a write request by a signed-in user (an admin save, a
  merge, a review, a login) sets a cookie that sends that browser's reads to
  the primary for pin_seconds(), long enough for every replica still in use
  to have replayed the write.
- Health: a process asks each replica at most every REPLICA_CHECK_SECONDS
  whether it is up, still a replica and how far behind the primary; one
  that is down or more than REPLICA_MAX_LAG_SECONDS behind is skipped, with
  a log line when it is skipped and one when it is back. A query that fails
  on a replica during a request answers that request from the primary.

The router follows a request through a context variable, which the
middleware sets for the request's duration; code that reads after the
response has left the view (a streamed export) pins its queryset with
`.using(queryset.db)` while the request is still being handled.
"""

from __future__ import annotations

import logging
import math
import random
import threading
import time
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, DatabaseError, InterfaceError, OperationalError, connections
from django.urls import reverse

logger = logging.getLogger(__name__)

PRIMARY = DEFAULT_DB_ALIAS
REPLICA_APPS = {"archive"}  # whose tables a replica serves; the rest is read from the primary
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
PIN_COOKIE = "danvan_primary"

_reading: ContextVar[str | None] = ContextVar("danvan_reading", default=None)


def reading() -> str | None:
    """The replica the current request reads from, or None (the primary)."""
    return _reading.get()


@contextmanager
def reading_from(alias: str | None):
    token = _reading.set(alias)
    try:
        yield
    finally:
        _reading.reset(token)


def pin_seconds() -> int:
    """How long a curator's reads stay on the primary after a write: a
    replica in use was at most REPLICA_MAX_LAG_SECONDS behind when it was
    last checked, at most REPLICA_CHECK_SECONDS ago."""
    return settings.REPLICA_MAX_LAG_SECONDS + settings.REPLICA_CHECK_SECONDS + 1


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        if model._meta.app_label not in REPLICA_APPS:
            return PRIMARY
        instance = hints.get("instance")
        if instance is not None and instance._state.db:
            return instance._state.db  # an object's related rows come from where it came from
        return _reading.get() or PRIMARY

    def db_for_write(self, model, **hints):
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints):
        return True  # every alias holds the same data

    def allow_migrate(self, db, app_label, **hints):
        return False if db in settings.DATABASE_REPLICAS else None


# -- Health ---------------------------------------------------------------------

# The replica's view of itself; %(primary)s is the primary's WAL position when
# it answered (NULL when it did not: then "caught up" means the replica has
# replayed all it has received, and its lag is unknown beyond that).
_STATUS_SQL = """
SELECT pg_is_in_recovery(),
       CASE WHEN %(primary)s::pg_lsn IS NULL THEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn()
            ELSE pg_last_wal_replay_lsn() >= %(primary)s::pg_lsn END,
       extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8
"""


def _query(alias: str, sql: str, params=None):
    with connections[alias].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()


def _first_line(error: Exception) -> str:
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__


def replica_problem(alias: str) -> str | None:
    """Why `alias` should not be read from now, or None when it may. Two
    small queries: the primary's WAL position, then the replica's status.
    Lag is the age of the last transaction the replica replayed, counted
    only when it has not replayed all the primary had written: an idle
    primary does not make its replicas look late."""
    try:
        (primary_lsn,) = _query(PRIMARY, "SELECT pg_current_wal_lsn()::text")
    except DatabaseError:
        primary_lsn = None
    for attempt in (1, 2):
        stale = connections[alias].connection is not None
        try:
            in_recovery, caught_up, seconds = _query(alias, _STATUS_SQL, {"primary": primary_lsn})
            break
        except DatabaseError as error:
            connections[alias].close()
            if attempt == 2 or not stale:  # a kept connection may just be old: one more try on a new one
                return f"cannot be reached ({_first_line(error)})"
    if not in_recovery:
        return "is not in recovery, so not a replica of the primary"
    if caught_up:
        return None
    limit = settings.REPLICA_MAX_LAG_SECONDS
    if seconds is None:
        return "is behind the primary and has replayed nothing since it started"
    if seconds > limit:
        return f"is {seconds:.1f} s behind the primary (limit {limit} s)"
    return None


@dataclass
class _State:
    checked_at: float = -math.inf
    usable: bool | None = None  # None: never checked


class Health:
    """Each replica's last known state in this process, checked again when
    older than REPLICA_CHECK_SECONDS by whichever request needs it first
    (the others use the last state meanwhile)."""

    def __init__(self):
        self._states: dict[str, _State] = {}
        self._lock = threading.Lock()

    def usable(self, alias: str) -> bool:
        state = self._states.setdefault(alias, _State())
        if time.monotonic() - state.checked_at >= settings.REPLICA_CHECK_SECONDS and self._lock.acquire(False):
            try:
                self.check(alias)
            finally:
                self._lock.release()
        return bool(state.usable)

    def check(self, alias: str) -> bool:
        """Ask `alias` now; log when it becomes unusable or usable again."""
        state = self._states.setdefault(alias, _State())
        problem = replica_problem(alias)
        state.checked_at = time.monotonic()
        usable = problem is None
        if not usable and state.usable is not False:
            logger.warning("read replica %s skipped: it %s; reading from the primary", alias, problem)
        elif usable and state.usable is False:
            logger.warning("read replica %s is back in use", alias)
        state.usable = usable
        return usable

    def forget(self) -> None:
        """Check every replica again at its next use."""
        self._states.clear()


health = Health()


# -- Requests -------------------------------------------------------------------


@cache
def _admin_prefix() -> str:
    return reverse("admin:index")


def replica_for(request) -> str | None:
    """The replica `request` reads from, or None for the primary."""
    replicas = settings.DATABASE_REPLICAS
    if (
        not replicas
        or request.method not in SAFE_METHODS
        or PIN_COOKIE in request.COOKIES
        or request.path_info.startswith(_admin_prefix())
    ):
        return None
    for alias in random.sample(replicas, len(replicas)):
        if health.usable(alias):
            return alias
    return None


class ReplicaMiddleware:
    """Routes a request's reads (see the module's docstring) and pins a
    curator's reads to the primary after a write."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with reading_from(replica_for(request)):
            response = self.get_response(request)
        user = getattr(request, "user", None)
        if settings.DATABASE_REPLICAS and request.method not in SAFE_METHODS and user and user.is_authenticated:
            response.set_cookie(
                PIN_COOKIE, "1", max_age=pin_seconds(), httponly=True, samesite="Lax",
                secure=settings.SESSION_COOKIE_SECURE,
            )
        return response

    def process_exception(self, request, exception):
        """A replica failing during a read request: the same view again, on
        the primary (a GET only reads), rather than a 500."""
        alias = reading()
        if alias is None or not isinstance(exception, (OperationalError, InterfaceError)):
            return None
        logger.warning("%s %s failed on read replica %s (%s); answered from the primary",
                       request.method, request.path, alias, _first_line(exception))
        health.check(alias)
        _reading.set(None)  # the request's own setting is restored by __call__
        match = request.resolver_match
        return match.func(request, *match.args, **match.kwargs)
