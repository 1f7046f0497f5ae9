"""Threaded gunicorn workers and the embedded PostgreSQL server they start.

The workers' threads connect at the same time on their first requests;
the server may be stopped under them (`make stop`, a crash). Neither may give a
500: the first must all be answered, the second answered or refused with a
503 until the server is started again (a worker, like an import, never
restarts it behind the operator's back), then found at the next connection.

The module runs gunicorn (2 workers × 8 threads: threads and processes
race) against an embedded server of its own in a temporary directory, so
stopping that server touches neither the test database nor anyone else's. Waits are
bounded and fail with a message; nothing here measures time.
"""

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from danvan import embedded
from lab.replica import free_port

BASE_DIR = Path(__file__).resolve().parent.parent
WAIT_SECONDS = 180
THREADS = 8
PAGES = ["/", "/tim-kiem/?q=d%C3%A2n+v%E1%BA%ADn", "/tinh-thanh/", "/giai-doan/", "/api/articles/"]


def status_of(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def hammer(base: str, requests: int) -> list[int]:
    """`requests` GETs over the pages, 2 × THREADS at a time."""
    urls = [base + PAGES[number % len(PAGES)] for number in range(requests)]
    with ThreadPoolExecutor(2 * THREADS) as pool:
        return list(pool.map(status_of, urls))


def run(args: list[str], env: dict) -> None:
    result = subprocess.run([sys.executable, *args], cwd=BASE_DIR, env=env, capture_output=True, text=True,
                            timeout=WAIT_SECONDS)
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="module")
def worker():
    root = Path(tempfile.mkdtemp(prefix="danvan-threads-"))
    root.chmod(0o755)  # the server runs as another user under root
    pgdata = root / "pg"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DANVAN_", "DATABASE_", "SECRET_KEY"))}
    env.update(DANVAN_VAR_DIR=str(root), EMBEDDED_PG_DIR=str(pgdata), STATIC_ROOT=str(root / "static"))
    run(["manage.py", "migrate", "--noinput", "-v0"], env)
    run(["manage.py", "collectstatic", "--noinput", "-v0"], env)
    embedded.stop(pgdata)  # a cold start: the worker finds no server
    port = free_port()
    log = open(root / "gunicorn.log", "w")
    process = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "danvan.wsgi", "--bind", f"127.0.0.1:{port}",
         "--workers", "2", "--threads", str(THREADS), "--worker-class", "gthread"],
        cwd=BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + WAIT_SECONDS
        while True:  # a static file needs no database: the server stays stopped
            try:
                status_of(base + "/static/css/site.css")
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"gunicorn did not answer:\n{(root / 'gunicorn.log').read_text()}")
                time.sleep(0.3)
        assert not embedded.is_running(pgdata)
        yield base, pgdata, root, env
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=60)
        log.close()
        embedded.stop(pgdata)
        shutil.rmtree(root)


def test_a_cold_worker_hammered_by_its_threads_answers_every_request(worker):
    base, pgdata, root, _ = worker
    statuses = hammer(base, 6 * THREADS)
    assert statuses == [200] * len(statuses), (root / "gunicorn.log").read_text()[-3000:]
    assert embedded.is_running(pgdata)


def test_a_server_stopped_under_the_worker_gives_503_until_it_is_started_again(worker):
    base, pgdata, root, env = worker
    assert set(hammer(base, 2 * THREADS)) == {200}  # every thread holds a connection
    with ThreadPoolExecutor(1) as stopper:
        stopped = stopper.submit(embedded.stop, pgdata)
        during = hammer(base, 12 * THREADS)  # while the server goes down
        stopped.result()
    assert set(during) <= {200, 503}, (root / "gunicorn.log").read_text()[-3000:]

    # Not started again behind the operator's back (as for an import) ...
    stopped = hammer(base, 2 * THREADS)
    assert set(stopped) == {503}
    assert not embedded.is_running(pgdata)
    # ... but found as soon as it is.
    run(["-m", "danvan.embedded", "start"], env)
    after = hammer(base, 4 * THREADS)
    assert after == [200] * len(after), (root / "gunicorn.log").read_text()[-3000:]
