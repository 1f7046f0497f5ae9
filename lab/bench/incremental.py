"""An everyday import into a large archive (`manage.py benchmark`): N new
articles of the synthetic corpus, imported as `manage.py import_articles`
does, timed end to end and by part (storing, the stored counts, planner
statistics), then deleted, so the database is measured as it was.

The new articles are the corpus's from index FIRST on: no imported article
and no grown copy (lab.bench.grow) has their sources.
"""

from __future__ import annotations

import tempfile
import time

from archive.importer import after_import, import_paths
from archive.models import Article
from lab.corpus import ARTICLES_PER_FEED, _write_feed, _Writer

FIRST = 9_000_000  # corpus index of the first new article


def import_new_articles(n: int, seed: int, workers: int = 0) -> dict:
    """Import the corpus's articles FIRST … FIRST + n - 1 into the configured
    database, time it, then delete them. `workers`: as import_articles
    (0: one by one, the usual for a handful)."""
    before = Article.objects.count()
    with tempfile.TemporaryDirectory() as directory:
        _write_feed((directory, seed, FIRST, FIRST + n, "jsonl"))
        started = time.perf_counter()
        run = import_paths([directory], workers=workers or None)
        stored = time.perf_counter()
        timings = after_import() if run.created or run.updated else {}
        finished = time.perf_counter()
    result = {
        "articles": n, "created": run.created, "unchanged": run.unchanged, "failed": run.failed,
        "articles_before": before, "workers": workers,
        "seconds": round(finished - started, 2),
        "import_seconds": round(stored - started, 2),
        "after_import_seconds": round(finished - stored, 2),
        "after_import": {name: round(seconds, 2) for name, seconds in timings.items()},
    }
    Article.objects.filter(source_key__in=_sources(seed, n)).delete()
    after_import()
    return result


def _sources(seed: int, n: int) -> list[str]:
    writer = _Writer(seed)
    writer.start_feed(FIRST // ARTICLES_PER_FEED)
    return [writer.article(index).url for index in range(FIRST, FIRST + n)]
