"""`make prod-local`: the archive served as production serves it (deploy/),
on loopback: with DEBUG off and production's headers, and behind the nginx
site of deploy/ over HTTPS.

The target runs once for the module, on a free port, with its own embedded
PostgreSQL in a temporary directory; the last test stops it as a user would
(Ctrl-C). Waits are bounded and fail with a message; nothing here measures
time.
"""

import os
import re
import shutil
import signal
import ssl
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from danvan import embedded
from lab.replica import free_port

BASE_DIR = Path(__file__).resolve().parent.parent
WAIT_SECONDS = 300  # migrate, the gazetteer, the sample articles, collectstatic, gunicorn
PROXIED = {"X-Forwarded-Proto": "https"}  # what the proxy in front says


def get(url: str, **headers) -> tuple[int, dict, str]:
    """Status, headers and body of a GET; redirects are not followed, and
    the test's self-signed certificate is accepted."""
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    context = ssl.create_default_context()
    context.check_hostname, context.verify_mode = False, ssl.CERT_NONE
    opener = urllib.request.build_opener(NoRedirect, urllib.request.HTTPSHandler(context=context))
    try:
        with opener.open(urllib.request.Request(url, headers=headers), timeout=30) as response:
            return response.status, dict(response.headers), response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode("utf-8", "replace")


def wait_until_answering(url: str, process: subprocess.Popen, log_path: Path, what: str) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while True:
        try:
            get(url)
            return
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            pytest.fail(f"{what} did not answer within {WAIT_SECONDS} s:\n{log_path.read_text()}")
        time.sleep(0.5)


@dataclass
class Served:
    base: str
    port: int
    process: subprocess.Popen
    root: Path

    def log(self) -> str:
        return (self.root / "make.log").read_text()


def stop(process: subprocess.Popen, sig=signal.SIGINT) -> None:
    if process.poll() is None:
        os.killpg(process.pid, sig)
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@pytest.fixture(scope="module")
def served():
    root = Path(tempfile.mkdtemp(prefix="danvan-prod-local-"))
    root.chmod(0o755)  # the embedded server (and nginx's workers) run as other users under root
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DANVAN_", "DATABASE_", "SECRET_KEY"))}
    env.update(DANVAN_VAR_DIR=str(root), PORT=str(port), WORKERS="1")
    with open(root / "make.log", "w") as log:
        process = subprocess.Popen(
            ["make", "-s", "prod-local"], cwd=BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        wait_until_answering(f"http://127.0.0.1:{port}/robots.txt", process, root / "make.log", "make prod-local")
        yield Served(f"http://127.0.0.1:{port}", port, process, root)
    finally:
        stop(process)
        embedded.stop(root / "pg")
        shutil.rmtree(root)


def test_make_prod_local_serves_the_sample_archive_as_production_does(served):
    # The worker's first requests, at once: its threads connect together.
    with ThreadPoolExecutor(8) as threads:
        statuses = list(threads.map(lambda _: get(served.base + "/", **PROXIED)[0], range(16)))
    assert statuses == [200] * 16
    status, headers, home = get(served.base + "/", **PROXIED)
    assert status == 200
    assert "Ký kết" in home  # the sample articles are there
    assert headers["Strict-Transport-Security"].startswith("max-age=31536000")

    # DEBUG is off: a missing page is the site's 404, not Django's debug page.
    status, _, missing = get(served.base + "/khong-co-trang-nay/", **PROXIED)
    assert status == 404
    assert "URLconf" not in missing and "Traceback" not in missing

    # Static files come from collectstatic's hashed names, through whitenoise.
    stylesheet = re.search(r'href="(/static/[^"]+\.[0-9a-f]{12}\.css)"', home)
    assert stylesheet, "no hashed stylesheet link on the home page"
    status, headers, _ = get(served.base + stylesheet.group(1))
    assert status == 200 and "immutable" in headers["Cache-Control"]

    log = served.log()
    assert "System check identified no issues (0 silenced)." in log  # check --deploy, as deployed
    assert "Using worker: gthread" in log


# --- Behind deploy/nginx-danvan.conf -------------------------------------------------


def nginx_config(root: Path, site: str, app_port: int, http_port: int, https_port: int) -> Path:
    """deploy/'s site with this machine's ports, a self-signed certificate
    and prod-local's static files, inside a minimal nginx.conf."""
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
         "-days", "1", "-subj", "/CN=127.0.0.1", "-keyout", str(root / "key.pem"), "-out", str(root / "cert.pem")],
        check=True, capture_output=True,
    )
    replacements = {
        "    listen [::]:80;\n": "", "    listen [::]:443 ssl http2;\n": "",
        "listen 80;": f"listen 127.0.0.1:{http_port};",
        "listen 443 ssl http2;": f"listen 127.0.0.1:{https_port} ssl http2;",
        "/etc/letsencrypt/live/archive.example.org/fullchain.pem": str(root / "cert.pem"),
        "/etc/letsencrypt/live/archive.example.org/privkey.pem": str(root / "key.pem"),
        "server 127.0.0.1:8000;": f"server 127.0.0.1:{app_port};",
        "/srv/danvan/staticfiles/": f"{root}/static/",
    }
    for old, new in replacements.items():
        assert old in site, f"deploy/nginx-danvan.conf no longer has {old!r}"
        site = site.replace(old, new)
    (root / "site.conf").write_text(site)
    temp = root / "nginx-temp"
    temp.mkdir()
    temp.chmod(0o777)  # nginx's workers spool buffered responses here
    config = root / "nginx.conf"
    config.write_text(
        f"pid {root}/nginx.pid;\nerror_log {root}/nginx-error.log;\nevents {{}}\n"
        f"http {{\n  include /etc/nginx/mime.types;\n  access_log {root}/nginx-access.log;\n"
        + "".join(f"  {kind}_temp_path {temp}/{kind};\n" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
        + f"  include {root}/site.conf;\n}}\n"
    )
    return config


def test_the_nginx_site_serves_it_over_https_with_static_files_from_disk(served):
    nginx = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    if nginx is None:
        pytest.skip("nginx is not installed (apt-get install nginx-light; .ci/run installs it)")
    site = (BASE_DIR / "deploy" / "nginx-danvan.conf").read_text()
    http_port, https_port = free_port(), free_port()
    config = nginx_config(served.root, site, served.port, http_port, https_port)
    checked = subprocess.run([nginx, "-t", "-p", str(served.root), "-c", str(config)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr

    with open(served.root / "nginx.log", "w") as log:
        proxy = subprocess.Popen(
            [nginx, "-p", str(served.root), "-c", str(config), "-g", "daemon off;"],
            stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )
    try:
        https = f"https://127.0.0.1:{https_port}"
        wait_until_answering(https + "/robots.txt", proxy, served.root / "nginx.log", "nginx")
        status, headers, _ = get(f"http://127.0.0.1:{http_port}/tinh-thanh/")
        assert status == 301 and headers["Location"] == "https://127.0.0.1/tinh-thanh/"

        status, headers, home = get(https + "/")
        assert status == 200 and "Ký kết" in home
        assert headers["Strict-Transport-Security"].startswith("max-age=31536000")  # X-Forwarded-Proto came through

        stylesheet = re.search(r'href="(/static/[^"]+\.css)"', home).group(1)
        logged = len(served.log())
        status, headers, _ = get(https + stylesheet)
        assert status == 200 and headers["Cache-Control"] == "public, max-age=31536000, immutable"
        assert stylesheet not in served.log()[logged:], "the stylesheet was served by gunicorn, not from disk"

        status, headers, export = get(https + "/tim-kiem/?q=k%C3%BD+k%E1%BA%BFt&format=csv")
        assert status == 200 and headers["Content-Type"].startswith("text/csv")
        assert export.startswith("\ufeffid,url,title")
    finally:
        stop(proxy, signal.SIGQUIT)


def test_ctrl_c_stops_gunicorn_and_the_embedded_postgresql(served):
    stop(served.process)
    assert served.process.returncode is not None
    assert not embedded.is_running(served.root / "pg")
