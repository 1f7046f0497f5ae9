"""`make prod-local`: the archive served as production serves it (deploy/),
on loopback, answers with DEBUG off and production's headers.

The target runs on a free port with its own embedded PostgreSQL in a
temporary directory, then is stopped as a user would (Ctrl-C). Waits are
bounded and fail with a message; nothing here measures time.
"""

import os
import re
import shutil
import signal
import subprocess
import tempfile
import time
import urllib.error
from concurrent.futures import ThreadPoolExecutor
import urllib.request
from pathlib import Path

import pytest

from danvan import embedded
from lab.replica import free_port

BASE_DIR = Path(__file__).resolve().parent.parent
WAIT_SECONDS = 300  # migrate, the gazetteer, the sample articles, collectstatic, gunicorn


def get(url: str, **headers) -> tuple[int, dict, str]:
    """Status, headers and body of a GET, redirects not followed."""
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.build_opener(NoRedirect).open(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode("utf-8", "replace")


@pytest.fixture
def served():
    root = Path(tempfile.mkdtemp(prefix="danvan-prod-local-"))
    root.chmod(0o755)  # the embedded server runs as another user under root
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DANVAN_", "DATABASE_", "SECRET_KEY"))}
    env.update(DANVAN_VAR_DIR=str(root), PORT=str(port), WORKERS="1")
    log = open(root / "make.log", "w+")
    process = subprocess.Popen(
        ["make", "-s", "prod-local"], cwd=BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + WAIT_SECONDS
        while True:
            try:
                get(base + "/robots.txt")
                break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                log.seek(0)
                pytest.fail(f"make prod-local did not serve within {WAIT_SECONDS} s:\n{log.read()}")
            time.sleep(0.5)
        yield base, process, log, root
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGINT)  # Ctrl-C
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        embedded.stop(root / "pg")
        log.close()
        shutil.rmtree(root)


def test_make_prod_local_serves_the_sample_archive_as_production_does(served):
    base, process, log, root = served
    # The worker's first requests, at once: its threads connect together.
    with ThreadPoolExecutor(8) as threads:
        statuses = list(threads.map(lambda _: get(base + "/", **{"X-Forwarded-Proto": "https"})[0], range(16)))
    assert statuses == [200] * 16
    status, headers, home = get(base + "/", **{"X-Forwarded-Proto": "https"})  # as the proxy says
    assert status == 200
    assert "Ký kết" in home  # the sample articles are there
    assert headers["Strict-Transport-Security"].startswith("max-age=31536000")

    # DEBUG is off: a missing page is the site's 404, not Django's debug page.
    status, _, missing = get(base + "/khong-co-trang-nay/", **{"X-Forwarded-Proto": "https"})
    assert status == 404
    assert "URLconf" not in missing and "Traceback" not in missing

    # Static files come from collectstatic's hashed names, through whitenoise.
    stylesheet = re.search(r'href="(/static/[^"]+\.[0-9a-f]{12}\.css)"', home)
    assert stylesheet, "no hashed stylesheet link on the home page"
    status, headers, _ = get(base + stylesheet.group(1))
    assert status == 200 and "immutable" in headers["Cache-Control"]

    log.seek(0)
    started = log.read()
    assert "System check identified no issues (0 silenced)." in started  # check --deploy, as deployed
    assert "Using worker: gthread" in started

    # Ctrl-C stops gunicorn and the embedded PostgreSQL.
    os.killpg(process.pid, signal.SIGINT)
    process.wait(timeout=60)
    assert not embedded.is_running(root / "pg")
