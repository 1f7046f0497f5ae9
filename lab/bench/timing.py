"""Timing on a shared machine: repeated samples, the commit measured and how
fast the cores were at the time, so figures of different runs compare."""

from __future__ import annotations

import statistics
import subprocess
import time
from dataclasses import dataclass, field


@dataclass
class Timing:
    name: str
    samples_ms: list[float] = field(default_factory=list)
    note: str = ""

    @property
    def p50(self) -> float:
        return statistics.median(self.samples_ms)

    @property
    def p95(self) -> float:
        ordered = sorted(self.samples_ms)
        return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]

    def as_dict(self) -> dict:
        return {
            "name": self.name, "note": self.note, "p50_ms": round(self.p50, 2), "p95_ms": round(self.p95, 2),
            "min_ms": round(min(self.samples_ms), 2), "max_ms": round(max(self.samples_ms), 2),
            "samples": len(self.samples_ms),
        }


def timed(function, repeat: int, warmup: int = 1) -> list[float]:
    for _ in range(warmup):
        function()
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def code_version() -> str:
    """The commit measured, and the production files changed since."""

    def git(*args):
        try:
            return subprocess.run(["git", *args], capture_output=True, text=True, timeout=10).stdout
        except OSError:
            return ""

    dirty = git("status", "--porcelain", "--", "archive/")
    return git("rev-parse", "--short", "HEAD").strip() + (" + uncommitted: " + ", ".join(
        line[3:] for line in dirty.splitlines()) if dirty else "")


def cpu_reference_ms() -> int:
    """Milliseconds for a fixed pure-Python loop (5 million additions), best
    of 3: how fast this machine's cores were at the time. On a shared machine
    it varies 2-3x within an hour (docs/performance.md), so
    figures of different runs compare only with this beside them."""
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        total = 0
        for number in range(5_000_000):
            total += number
        best = min(best, time.perf_counter() - started)
    return round(best * 1000)


