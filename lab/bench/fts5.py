"""The embedded-search baseline: the benchmark's queries on SQLite FTS5 over
the database's own articles (top 20 by bm25 with snippets, plus the count)."""

from __future__ import annotations

import os
import sqlite3
import tempfile
import time

from django.db import transaction

from archive.models import Article
from lab.bench.scale import Query
from lab.bench.timing import Timing, timed


def build_fts(path: str) -> dict:
    """An FTS5 table over the database's own articles (title + body), so that
    both sides search the same documents: at 1M, the copies `replicate` made.
    Read inside a transaction: outside one, Django's server-side cursor is
    declared WITH HOLD and Postgres would gather all rows before the first."""
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode=OFF")
    db.execute("PRAGMA synchronous=OFF")
    db.execute("CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2')")
    started = time.perf_counter()
    articles, batch = 0, []
    with transaction.atomic():
        for row in Article.objects.order_by("pk").values_list("title", "body").iterator(chunk_size=5000):
            batch.append(row)
            if len(batch) == 5000:
                db.executemany("INSERT INTO docs (title, body) VALUES (?, ?)", batch)
                articles, batch = articles + len(batch), []
    if batch:
        db.executemany("INSERT INTO docs (title, body) VALUES (?, ?)", batch)
        articles += len(batch)
    db.commit()
    db.execute("INSERT INTO docs(docs) VALUES ('optimize')")
    db.commit()
    seconds = time.perf_counter() - started
    db.close()
    return {"articles": articles, "seconds": round(seconds, 1), "bytes": os.path.getsize(path),
            "bytes_per_article": round(os.path.getsize(path) / max(articles, 1))}


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


def fts_path(articles: int, seed: int) -> str:
    """Where the FTS5 copy of a benchmark database is kept between runs."""
    return os.path.join(tempfile.gettempdir(), f"danvan-fts5-{articles}-{seed}.sqlite3")
