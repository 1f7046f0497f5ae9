"""`make loadtest`: gunicorn on loopback, 50 locust users for 60 s, figures out.

Prints throughput, p50/p95/p99, errors and the workers' memory over the run,
and exits non-zero if any request failed or memory kept growing.
Only 127.0.0.1 is ever targeted.

--cold starts from nothing: the page cache cleared and the embedded
PostgreSQL stopped (with DATABASE_URL unset), so the workers' threads start
it together at the first requests; --warm runs `manage.py warm` first, as
`make run` and the deploy units do.

    .venv/bin/python scripts/loadtest/run.py [--users 50] [--seconds 60] [--port 8089] [--cold] [--warm]
"""

import argparse
import csv
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children (the gunicorn workers), in MB."""
    import psutil

    parent = psutil.Process(pid)
    return sum(p.memory_info().rss for p in [parent, *parent.children(recursive=True)]) / 2**20


def wait_until_up(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"gunicorn did not answer at {url} within {seconds:.0f} s")


def locust_program() -> str:
    """locust beside this Python (the `load` extra), else on PATH."""
    beside = BIN / "locust"
    return str(beside) if beside.exists() else shutil.which("locust") or str(beside)


def manage(*args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, check=True)


def start_cold() -> None:
    """The page cache emptied, then the embedded server stopped."""
    manage("shell", "-c", "from django.core.cache import cache; cache.clear()")
    if not os.environ.get("DATABASE_URL"):
        subprocess.run([sys.executable, "-m", "danvan.embedded", "stop"], cwd=ROOT, check=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--port", type=int, default=8089)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--cold", action="store_true", help="clear the page cache and stop the embedded server first")
    parser.add_argument("--warm", action="store_true", help="run manage.py warm before serving")
    args = parser.parse_args()
    if args.cold:
        start_cold()
    if args.warm:  # pages kept for the host the users ask for
        manage("warm", "--host", f"127.0.0.1:{args.port}")
    args.load = os.getloadavg()[0]

    host = f"http://127.0.0.1:{args.port}"
    server = subprocess.Popen(
        [str(BIN / "gunicorn"), "danvan.wsgi", "--bind", f"127.0.0.1:{args.port}",
         "--workers", str(args.workers), "--threads", str(args.threads), "--log-level", "warning"],
        cwd=ROOT, start_new_session=True,
    )
    try:
        wait_until_up(host + "/static/css/site.css")  # no database: a cold start stays cold
        memory = [rss_mb(server.pid)]
        out = Path(tempfile.mkdtemp(prefix="loadtest-"))
        locust = subprocess.Popen(
            [locust_program(), "-f", str(ROOT / "scripts/loadtest/locustfile.py"), "--headless",
             "-u", str(args.users), "-r", "10", "-t", f"{args.seconds}s", "--host", host,
             "--csv", str(out / "run"), "--only-summary", "--loglevel", "WARNING"],
            cwd=ROOT,
        )
        while locust.poll() is None:
            time.sleep(5)
            memory.append(rss_mb(server.pid))
        memory.append(rss_mb(server.pid))
        return report(out / "run_stats.csv", memory, args)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def report(stats_path: Path, memory: list[float], args) -> int:
    rows = list(csv.DictReader(stats_path.open()))
    total = next(row for row in rows if row["Name"] == "Aggregated")
    requests, failures = int(total["Request Count"]), int(total["Failure Count"])
    start = "cold (cache cleared, server stopped)" if args.cold else "as found"
    print(f"\nload test: {args.users} users, {args.seconds} s, gunicorn {args.workers} workers × {args.threads} threads "
          f"on 127.0.0.1; start {start}{', warmed' if args.warm else ''}; load average {args.load:.1f} → "
          f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"{'endpoint':<22}{'requests':>9}{'errors':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}")
    for row in rows:
        print(f"{row['Name'][:21]:<22}{row['Request Count']:>9}{row['Failure Count']:>8}"
              f"{row['50%']:>9}{row['95%']:>9}{row['99%']:>9}")
    print(f"throughput {float(total['Requests/s']):.1f} requests/s, {failures} errors of {requests}")
    half = len(memory) // 2
    early, late = max(memory[: half or 1]), max(memory[half:])
    print(f"memory (gunicorn, all workers): start {memory[0]:.0f} MB, peak first half {early:.0f} MB, "
          f"peak second half {late:.0f} MB, end {memory[-1]:.0f} MB")
    growing = late > early * 1.25 + 20
    if growing:
        print("memory kept growing in the second half of the run")
    return 1 if failures or growing or not requests else 0


if __name__ == "__main__":
    sys.exit(main())
