"""Figures for issue 7 ("fast at a million articles"): `manage.py benchmark`.

Measures, on a synthetic corpus (archive.corpus) in the configured database:
- import throughput end to end (read, extract in worker processes, store);
- the search page's server time through the real view (Django's test client,
  template rendering included), for a fixed set of queries, repeated: p50/p95;
- name look-up latency (the entity box: archive.search.entities);
- database size per article;
- the same queries on SQLite FTS5 over the same documents (top 20 by bm25
  with snippets, plus the count): the embedded-search baseline.

Time is wall-clock on a shared machine: every figure is repeated and reported
with its spread; CPU time of the benchmark process is given beside it.
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import tempfile
import time
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Count
from django.test import Client
from django.urls import reverse

from archive import corpus, search
from archive.models import Article, Locality, Official


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
    """The commit measured, and the search files changed since (they move fast)."""
    import subprocess

    def git(*args):
        try:
            return subprocess.run(["git", *args], capture_output=True, text=True, timeout=10).stdout.strip()
        except OSError:
            return ""

    dirty = git("status", "--porcelain", "--", "archive/search.py", "archive/views.py", "archive/filters.py")
    return git("rev-parse", "--short", "HEAD") + (" + uncommitted: " + ", ".join(
        line[3:] for line in dirty.splitlines()) if dirty else "")


# --- Import ------------------------------------------------------------------------


def run_import(directory: str, workers: int) -> dict:
    from archive.importer import import_paths

    before = Article.objects.count()
    started, cpu = time.perf_counter(), time.process_time()
    run = import_paths([directory], workers=workers or None)
    seconds = time.perf_counter() - started
    return {
        "articles": run.created + run.updated + run.unchanged + run.failed,
        "created": run.created, "unchanged": run.unchanged, "failed": run.failed,
        "articles_before": before, "workers": workers, "seconds": round(seconds, 1),
        "articles_per_second": round((run.created + run.updated) / seconds, 1),
        "main_process_cpu_seconds": round(time.process_time() - cpu, 1),
    }


# --- The query set -------------------------------------------------------------------

COMMON_WORD = "biên giới"
DAN_VAN = "dân vận"
NO_DIACRITICS = "ky ket chuong trinh phoi hop"
DEEP_PAGE = 50


@dataclass
class Query:
    name: str
    params: dict  # for the search page
    fts: str | None  # the same query for FTS5 (None: no FTS equivalent)
    offset: int = 0


def rare_official() -> Official | None:
    """An official named in exactly two articles (deterministic)."""
    return (
        Official.objects.annotate(n=Count("roles__article", distinct=True)).filter(n=2).order_by("pk").first()
    )


def busiest_province() -> Locality | None:
    return (
        Locality.objects.filter(level=Locality.Level.PROVINCE, era=Locality.Era.PRE2025)
        .annotate(n=Count("article_facts")).order_by("-n", "pk").first()
    )


def query_set() -> list[Query]:
    official = rare_official()
    province = busiest_province()
    queries = [
        Query("common word", {"q": COMMON_WORD}, f'"{COMMON_WORD}"'),
        Query("rare official", {"q": official.name} if official else {"q": "Nguyễn Văn Không Có"},
              f'"{official.name}"' if official else '"Nguyễn Văn Không Có"'),
        Query("dân vận", {"q": DAN_VAN}, f'"{DAN_VAN}"'),
        Query("no diacritics", {"q": NO_DIACRITICS}, " ".join(NO_DIACRITICS.split())),
        Query("browse, no query", {}, None),
        Query("facet only", {"province": province.slug} if province else {}, None),
        Query(f"deep page {DEEP_PAGE}", {"q": DAN_VAN, "page": DEEP_PAGE}, f'"{DAN_VAN}"', offset=(DEEP_PAGE - 1) * 20),
    ]
    return queries


def time_search_page(queries: list[Query], repeat: int) -> list[Timing]:
    client = Client(HTTP_HOST="localhost")
    url = reverse("archive:search")
    results = []
    for query in queries:
        statuses = set()

        def get():
            response = client.get(url, query.params)
            statuses.add(response.status_code)

        timing = Timing(query.name, timed(get, repeat))
        timing.note = f"GET {url} {query.params} -> {sorted(statuses)}"
        results.append(timing)
    return results


def time_name_lookups(repeat: int) -> list[Timing]:
    official = rare_official()
    if official is None:
        return []
    client = Client(HTTP_HOST="localhost")
    parsed = search.parse(official.name)
    folded = search.parse(official.ascii_name)
    return [
        Timing("official name (entities)", timed(lambda: search.entities(parsed), repeat), official.name),
        Timing("official name folded (entities)", timed(lambda: search.entities(folded), repeat), official.ascii_name),
        Timing("official page", timed(lambda: client.get(official.get_absolute_url()), repeat), official.get_absolute_url()),
    ]


# --- Size ----------------------------------------------------------------------------


def database_size() -> dict:
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT c.relname, pg_total_relation_size(c.oid)
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind = 'r' AND n.nspname = current_schema() AND c.relname LIKE 'archive\\_%%'
            ORDER BY 2 DESC
            """
        )
        tables = cursor.fetchall()
        cursor.execute("SELECT pg_database_size(current_database())")
        (whole,) = cursor.fetchone()
        cursor.execute(
            "SELECT pg_relation_size('article_search_vector'), pg_total_relation_size('archive_article')"
        )
        gin, article_total = cursor.fetchone()
    articles = Article.objects.count()
    archive_bytes = sum(size for _, size in tables)
    return {
        "articles": articles,
        "archive_tables_bytes": archive_bytes,
        "bytes_per_article": round(archive_bytes / max(articles, 1)),
        "database_bytes": whole,
        "article_table_bytes": article_total,
        "search_gin_index_bytes": gin,
        "largest_tables": [{"table": name, "bytes": size} for name, size in tables[:8]],
    }


# --- SQLite FTS5 baseline --------------------------------------------------------------


def build_fts(n: int, seed: int, path: str) -> dict:
    """An FTS5 table over the same articles (title + text as generated)."""
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode=OFF")
    db.execute("PRAGMA synchronous=OFF")
    db.execute("CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2')")
    started = time.perf_counter()
    batch = []
    for article in corpus.generate(n, seed):
        title, _, body = article.text.partition("\n")
        batch.append((title, body))
        if len(batch) == 5000:
            db.executemany("INSERT INTO docs (title, body) VALUES (?, ?)", batch)
            batch = []
    if batch:
        db.executemany("INSERT INTO docs (title, body) VALUES (?, ?)", batch)
    db.commit()
    db.execute("INSERT INTO docs(docs) VALUES ('optimize')")
    db.commit()
    seconds = time.perf_counter() - started
    db.close()
    return {"articles": n, "seconds": round(seconds, 1), "bytes": os.path.getsize(path),
            "bytes_per_article": round(os.path.getsize(path) / max(n, 1))}


def time_fts(path: str, queries: list[Query], repeat: int) -> list[Timing]:
    db = sqlite3.connect(path)
    results = []
    for query in queries:
        if query.fts is None:
            continue
        match = query.fts

        def page():
            rows = db.execute(
                "SELECT rowid, title, snippet(docs, 1, '<mark>', '</mark>', '…', 30) FROM docs "
                "WHERE docs MATCH ? ORDER BY bm25(docs) LIMIT 20 OFFSET ?",
                (match, query.offset),
            ).fetchall()
            (count,) = db.execute("SELECT count(*) FROM docs WHERE docs MATCH ?", (match,)).fetchone()
            return rows, count

        timing = Timing(query.name, timed(page, repeat))
        timing.note = f"MATCH {match!r}: {page()[1]} hits"
        results.append(timing)
    db.close()
    return results


def fts_path(n: int, seed: int) -> str:
    return os.path.join(tempfile.gettempdir(), f"danvan-fts5-{n}-{seed}.sqlite3")
