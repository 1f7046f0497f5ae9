"""Extraction speed, for ``manage.py benchmark_extraction``: plain Python, one core."""

import time

from archive.extract import extract


def benchmark(texts: list[str], seconds: float = 5.0) -> dict:
    """Run ``extract`` over the texts, round after round, for about ``seconds``.

    The first call (which loads the gazetteer) is timed apart as ``warmup_ms`` and
    not counted. Returns articles per second and mean/max milliseconds per article,
    by the wall clock and by this process's CPU time (``cpu_articles_per_second``:
    the one-core figure when other work shares the machine).
    """
    if not texts:
        raise ValueError("benchmark needs at least one text")
    started = time.perf_counter()
    extract(texts[0])
    warmup = time.perf_counter() - started

    count, slowest = 0, 0.0
    deadline = time.perf_counter() + seconds
    started, cpu_started = time.perf_counter(), time.process_time()
    while True:
        for text in texts:
            before = time.perf_counter()
            extract(text)
            slowest = max(slowest, time.perf_counter() - before)
            count += 1
        if time.perf_counter() >= deadline:
            break
    elapsed = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    return {
        "articles": count,
        "distinct_texts": len(texts),
        "seconds": round(elapsed, 3),
        "articles_per_second": round(count / elapsed, 1),
        "mean_ms": round(1000 * elapsed / count, 3),
        "max_ms": round(1000 * slowest, 3),
        "cpu_seconds": round(cpu, 3),
        "cpu_articles_per_second": round(count / cpu, 1) if cpu else None,
        "warmup_ms": round(1000 * warmup, 1),
    }
