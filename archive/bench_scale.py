"""Figures for issue 7 ("fast at a million articles"): `manage.py benchmark`.

Measures, on a synthetic corpus (archive.corpus) in the configured database:
- import throughput end to end (read, extract in worker processes, store);
- the search page's server time through the real view (Django's test client,
  template rendering included), for a fixed set of queries, repeated: p50/p95;
- the same queries' search core (results, snippets, count: what FTS5 does);
- name look-up latency (the entity box: archive.search.entities);
- the other pages that read many articles (overviews, the biggest lists);
- database size per article;
- the same queries on SQLite FTS5 over the database's own articles (top 20
  by bm25 with snippets, plus the count): the embedded-search baseline.
Beyond what can be imported in an afternoon, `replicate` grows the database
to N articles by copying the imported ones in SQL (`benchmark --grow-to N`).

Time is wall-clock on a shared machine: every figure is repeated and reported
with its spread; CPU time of the benchmark process is given beside it.
"""

from __future__ import annotations

import os
import resource
import sqlite3
import statistics
import tempfile
import time
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.db.models import Count, F, Func, IntegerField, Sum
from django.db.models.functions import Abs, Left, Length
from django.test import Client
from django.urls import reverse

from archive import corpus, search
from archive.models import Article, Locality, Official, Role


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
            return subprocess.run(["git", *args], capture_output=True, text=True, timeout=10).stdout
        except OSError:
            return ""

    dirty = git("status", "--porcelain", "--", "archive/search.py", "archive/views.py", "archive/filters.py")
    return git("rev-parse", "--short", "HEAD").strip() + (" + uncommitted: " + ", ".join(
        line[3:] for line in dirty.splitlines()) if dirty else "")


def cpu_reference_ms() -> int:
    """Milliseconds for a fixed pure-Python loop (5 million additions), best
    of 3: how fast this machine's cores were at the time. On a shared machine
    it varied 2-3x within an hour (docs/performance.md, session 4), so
    figures of different runs compare only with this beside them."""
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        total = 0
        for number in range(5_000_000):
            total += number
        best = min(best, time.perf_counter() - started)
    return round(best * 1000)


# --- Import ------------------------------------------------------------------------


def run_import(directory: str, workers: int) -> dict:
    """Import `directory` as `manage.py import_articles` does (the articles,
    then the home page's stored facet counts); the throughput, and the CPU
    the import took per stored article in this process, in the extraction
    workers and in the database server (when it runs on this machine, as
    the embedded one does)."""
    from archive.importer import after_import, import_paths

    before = Article.objects.count()
    server_before = _server_cpu_seconds()
    started, cpu, children = time.perf_counter(), time.process_time(), _children_cpu_seconds()
    run = import_paths([directory], workers=workers or None)
    if run.created or run.updated:
        after_import()
    seconds = time.perf_counter() - started
    main_cpu, workers_cpu = time.process_time() - cpu, _children_cpu_seconds() - children
    server_after = _server_cpu_seconds()
    stored = max(run.created + run.updated, 1)

    def per_article(cpu_seconds):
        return round(1000 * cpu_seconds / stored, 2) if cpu_seconds is not None else None

    return {
        "articles": run.created + run.updated + run.unchanged + run.failed,
        "created": run.created, "unchanged": run.unchanged, "failed": run.failed,
        "articles_before": before, "workers": workers, "seconds": round(seconds, 1),
        "articles_per_second": round((run.created + run.updated) / seconds, 1),
        "main_process_cpu_seconds": round(main_cpu, 1),
        "cpu_ms_per_article": {
            "main": per_article(main_cpu),
            "workers": per_article(workers_cpu),
            "database": per_article(server_after - server_before if None not in (server_before, server_after) else None),
        },
    }


def import_ceiling(cpu_ms_per_article: dict, cores: int) -> float | None:
    """The most articles per second `cores` could import if they did nothing
    but this import's work: the CPU an article costs in all processes
    together, spread over every core. None when a share is unknown."""
    if None in cpu_ms_per_article.values():
        return None
    return round(cores * 1000 / sum(cpu_ms_per_article.values()), 1)


def search_vectors_cost(articles: int = 5000) -> dict:
    """Database CPU per article for the two generated search columns
    (Article.search_vector and search_rank) alone: the same expressions over
    the newest `articles` stored articles, timed against reading the same
    text. Every import pays this, whatever else it does; one backend runs
    the query, so its wall time is its CPU time on an idle machine."""

    def lexemes(vector):
        return Func(vector, function="length", output_field=IntegerField())

    ids = list(Article.objects.order_by("-pk").values_list("pk", flat=True)[:articles])
    if not ids:
        return {"articles": 0}
    rows = Article.objects.filter(pk__in=search._pk_array(ids))
    text = Length("title") + Length(Left("body", search.BODY_CHARS))

    def best_ms(expression) -> float:
        times = []
        for _ in range(3):
            started = time.perf_counter()
            rows.aggregate(total=Sum(expression))
            times.append(time.perf_counter() - started)
        return 1000 * min(times)

    read = best_ms(text)
    vectors = best_ms(text + lexemes(search.folded_vector()) + lexemes(search.rank_vector()))
    return {"articles": len(ids), "ms_per_article": round(max(vectors - read, 0) / len(ids), 3)}


def _children_cpu_seconds() -> float:
    """CPU of this process's finished children: the import's workers, once it has stopped them."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _server_cpu_seconds() -> float | None:
    """CPU of the database server's processes so far (the postmaster of this
    connection's backend and its children), or None when the server is not a
    local PostgreSQL this process may read. Approximate: a backend that exits
    between two readings takes its CPU with it."""
    import psutil

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        backend = cursor.fetchone()[0]
    try:
        postmaster = psutil.Process(backend).parent()
        if postmaster is None or "postgres" not in postmaster.name():
            return None
        processes = [postmaster, *postmaster.children()]
    except psutil.Error:  # not on this machine, or not ours to read
        return None
    total = 0.0
    for process in processes:
        try:
            times = process.cpu_times()
        except psutil.Error:  # exited meanwhile
            continue
        total += times.user + times.system
    return total


# --- The query set -------------------------------------------------------------------

COMMON_WORD = "biên giới"
DAN_VAN = "dân vận"
NO_DIACRITICS = "ky ket chuong trinh phoi hop"
DEEP_PAGE = 50
# The mid-frequency query: a district named in about this share of the articles.
MID_SHARE = 0.01


@dataclass
class Query:
    name: str
    params: dict  # for the search page
    fts: str | None  # the same query for FTS5 (None: no FTS equivalent)
    offset: int = 0


def rare_official() -> Official | None:
    """An official named in exactly two articles (deterministic); in a database
    grown by copying (replicate), where every count is a multiple of the copies,
    one named in the fewest articles above one."""
    return (
        Official.objects.annotate(n=Count("roles__article", distinct=True)).filter(n__gte=2).order_by("n", "pk").first()
    )


def busiest_province() -> Locality | None:
    return (
        Locality.objects.filter(level=Locality.Level.PROVINCE, era=Locality.Era.PRE2025)
        .annotate(n=Count("article_facts")).order_by("-n", "pk").first()
    )


def mid_district(share: float = MID_SHARE) -> Locality | None:
    """The district (before the 2025 reform) whose articles are nearest to
    `share` of the archive: a query between the rare name and the words in
    half the archive. Its name as a text query is ranked whole at 100k
    (~1,000 articles) and through the ranked window at 1M (~10,000)."""
    target = Article.objects.count() * share
    return (
        Locality.objects.filter(level=Locality.Level.DISTRICT, era=Locality.Era.PRE2025)
        .annotate(n=Count("article_facts")).filter(n__gt=0)
        .order_by(Abs(F("n") - target), "pk").first()
    )


def query_set() -> list[Query]:
    official = rare_official()
    province = busiest_province()
    district = mid_district()
    queries = [
        Query("common word", {"q": COMMON_WORD}, f'"{COMMON_WORD}"'),
        Query("rare official", {"q": official.name} if official else {"q": "Nguyễn Văn Không Có"},
              f'"{official.name}"' if official else '"Nguyễn Văn Không Có"'),
        Query("dân vận", {"q": DAN_VAN}, f'"{DAN_VAN}"'),
        Query("no diacritics", {"q": NO_DIACRITICS}, " ".join(NO_DIACRITICS.split())),
        Query("district (~1 %)", {"q": district.name} if district else {"q": "Không Có"},
              f'"{district.name}"' if district else '"Không Có"'),
        Query("browse, no query", {}, None),
        Query("facet only", {"province": province.slug} if province else {}, None),
        Query(f"deep page {DEEP_PAGE}", {"q": DAN_VAN, "page": DEEP_PAGE}, f'"{DAN_VAN}"', offset=(DEEP_PAGE - 1) * 20),
    ]
    return queries


@dataclass
class Page:
    name: str
    url: str


def browse_pages() -> list[Page]:
    """The other pages that read many articles, each at its largest: the
    overviews counted over the whole archive, and the lists of a province,
    a period, an official and an organisation, where the one whose articles
    are old matters as much as the biggest (a list newest first must not
    walk past every newer article)."""
    from archive.models import ArticleOrganisation, ArticlePeriod, Organisation, Period

    def busiest(model, fact_model, field):
        counts = fact_model.objects.filter(hidden=False).values(field).annotate(n=Count("*")).order_by("-n", field)
        first = counts.first()
        return model.objects.get(pk=first[field]) if first else None

    articles = Article.objects.count()
    per_period = (
        ArticlePeriod.objects.filter(hidden=False).values("period").annotate(n=Count("*"))
        .filter(n__gte=max(articles // 100, 1))
    )
    old_period = Period.objects.filter(pk__in=per_period.values("period")).order_by("end", "start").first()
    pages = [Page("province overview", reverse("archive:provinces")), Page("period list", reverse("archive:periods"))]
    if province := busiest_province():
        pages.append(Page("province page", province.get_absolute_url()))
    if period := busiest(Period, ArticlePeriod, "period"):
        pages.append(Page("largest period", period.get_absolute_url()))
    if old_period:
        pages.append(Page("oldest period ≥ 1 %", old_period.get_absolute_url()))
        pages.append(Page("period facet, oldest", f"{reverse('archive:search')}?period={old_period.key}"))
    if official := busiest(Official, Role, "official"):
        pages.append(Page("busiest official", official.get_absolute_url()))
        pages.append(Page("official facet", f"{reverse('archive:search')}?official={official.slug}"))
    if organisation := busiest(Organisation, ArticleOrganisation, "organisation"):
        pages.append(Page("largest organisation", organisation.get_absolute_url()))
    return pages


def time_pages(pages: list[Page], repeat: int) -> list[Timing]:
    client = Client(HTTP_HOST="localhost")
    results = []
    for page in pages:
        statuses = set()
        timing = Timing(page.name, timed(lambda: statuses.add(client.get(page.url).status_code), repeat))
        timing.note = f"GET {page.url} -> {sorted(statuses)}"
        results.append(timing)
    return results


def time_search_page(queries: list[Query], repeat: int) -> list[Timing]:
    client = Client(HTTP_HOST="localhost")
    url = reverse("archive:search")
    results = []
    for query in queries:
        statuses = set()

        def get():
            response = client.get(url, query.params)
            # A degraded answer (out of time budget) is a 200 too: tell it apart.
            degraded = response.status_code == 200 and b'class="count degraded"' in response.content
            statuses.add(f"{response.status_code} degraded" if degraded else str(response.status_code))

        timing = Timing(query.name, timed(get, repeat))
        timing.note = f"GET {url} {query.params} -> {sorted(statuses)}"
        results.append(timing)
    return results


def time_search_core(queries: list[Query], repeat: int) -> list[Timing]:
    """The part of a search page that FTS5's baseline does too, for the
    queries with text: the page's 20 results in order (title, date) with
    their highlighted snippets, and the count shown. No facets, entity box
    or HTML: those are the page's own work, which FTS5's figure does not
    include (the search page's timing does)."""
    from django.http import QueryDict

    from archive.filters import ArticleFilter
    from archive.views import LIST_FIELDS, PAGE_SIZE, PlannedPaginator

    results = []
    for query in queries:
        if query.fts is None:
            continue
        params = QueryDict(mutable=True)
        params.update({name: str(value) for name, value in query.params.items()})
        found = {}

        def core():
            filterset = ArticleFilter(params, queryset=Article.objects.all())
            listing = search.Listing(filterset)
            paginator = PlannedPaginator(listing, listing.results.only(*LIST_FIELDS), PAGE_SIZE)
            page = paginator.page(int(params.get("page", 1)))
            search.attach_snippets(page.object_list, filterset.parsed)
            found["rows"] = len(page.object_list)
            found["count"] = listing.rounded_estimate if listing.approximate else paginator.count

        timing = Timing(query.name, timed(core, repeat))
        timing.note = f"{query.params}: {found['rows']} rows, count {found['count']}"
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


# --- Growing a database to N articles by copying ---------------------------------------

COPY_MARK = "#bench-copy-"  # appended to source_key (and source_url) of a copy
DROPPED_INDEXES = "bench_scale_dropped_index"  # what replicate() dropped, until it is rebuilt


def replicate(target: int, *, workers: int = 2, chunk: int = 5000, maintenance_work_mem: str = "2GB",
              progress=print) -> dict:
    """Grow the article table to `target` rows by copying the imported articles in SQL.

    Importing a million articles takes hours (~80 articles/s, docs/performance.md);
    the search figures of issue 7 need a million rows, not a million different
    texts. So: copy k (k = 1, 2, …) of imported article `id` gets the id
    `id + k * B` (B: the largest imported id), its source_key and source_url
    get "#bench-copy-k", its content_hash is a hash of the original's and k,
    its `published_on` moves by -14..+14 days (deterministic, never into another
    year, across the 1 July 2025 reform or past the newest imported date), and
    every other column is copied as is. Each fact row of every table with a
    foreign key to the article (localities, roles, organisations, agreements,
    periods, citations) is copied too, pointing at the copy (id `id + k * F`,
    F the table's largest id; a role's `seen_on` follows the article's date),
    and so is its ArticleFacetKeys row (the copy's year is the original's).
    Officials, organisations, localities, agreements and documents are shared,
    not copied. History tables get nothing: copies have no history rows.

    What this means for measuring: the copies repeat the imported texts, so a
    query's hit count grows with the copies (×10 from 100k to 1M) and a "rare"
    official named in 2 imported articles is named in 20; the years' spread,
    the facets' proportions and the sizes per article stay those of the
    imported corpus. A database grown this way is for timings, not relevance.

    The slow part is PostgreSQL computing the generated tsvector columns of
    every new row, so the non-unique secondary indexes of the article and fact
    tables (the GIN index among them) are dropped first and rebuilt at the end,
    with a large `maintenance_work_mem`; `workers` connections copy chunks of
    `chunk` articles in parallel (one transaction per chunk: articles and their
    facts together); triggers are off during the copy
    (session_replication_role = replica, superuser only): foreign keys, whose
    copied article ids are checked at the end, and ArticlePlace's, whose rows
    are copied like the other facts (with the copy's date); then VACUUM ANALYZE.

    Deterministic: the same imported articles and `target` give the same rows.
    Idempotent-ish: nothing is copied when the table already has `target` rows or
    more; an interrupted run is finished by running it again (chunks already
    copied are skipped; the dropped indexes are recorded in a table and rebuilt).
    Grow once, after the import: importing after growing changes B.
    """
    with connection.cursor() as cursor:
        cursor.execute("SET statement_timeout = 0")  # statements of minutes; the usual limit is back after
    try:
        return _replicate(target, workers, chunk, maintenance_work_mem, progress)
    finally:
        with connection.cursor() as cursor:
            cursor.execute("RESET statement_timeout")


def _replicate(target: int, workers: int, chunk: int, maintenance_work_mem: str, progress) -> dict:
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM archive_article")
        (before,) = cursor.fetchone()
        if before >= target:
            _rebuild_indexes(cursor, maintenance_work_mem, progress)
            progress(f"{before:,} articles already: nothing to copy")
            return {"target": target, "articles_before": before, "articles": before, "copied": 0}

        cursor.execute("SELECT id FROM archive_article WHERE strpos(source_key, %s) = 0 ORDER BY id", [COPY_MARK])
        sources = [row[0] for row in cursor.fetchall()]
        if not sources:
            raise ValueError("no imported article to copy")
        stride = sources[-1]  # B: every copy's id is above it
        cursor.execute("SELECT max(published_on) FROM archive_article WHERE id <= %s", [stride])
        (last_day,) = cursor.fetchone()
        facts = _fact_tables(cursor, stride)
        plan = _plan(sources, target, chunk)
        progress(f"{before:,} articles ({len(sources):,} imported): {len(plan)} chunks of up to {chunk:,} "
                 f"to copy for {target:,}, with {workers} connections")
        _drop_secondary_indexes(cursor, ["archive_article", *facts], progress)

    statements = {
        "article_columns": _columns("archive_article"),
        "facts": {table: (column, offset, _columns(table)) for table, (column, offset) in facts.items()},
        "stride": stride, "params": {"reform": corpus.REFORM, "last_day": last_day},
    }
    copy_started = time.perf_counter()
    copied = _copy_in_parallel(plan, statements, workers, progress, copy_started)
    copy_seconds = time.perf_counter() - copy_started

    with connection.cursor() as cursor:
        index_started = time.perf_counter()
        _rebuild_indexes(cursor, maintenance_work_mem, progress)
        index_seconds = time.perf_counter() - index_started
        for table in ["archive_article", *facts]:
            if facts.get(table, (None, 1))[1]:  # a table without ids (F = 0) has no sequence
                cursor.execute(
                    f"SELECT setval(pg_get_serial_sequence(%s, 'id'), (SELECT max(id) FROM {table}))", [table]
                )
        for table, (column, _) in facts.items():
            cursor.execute(
                f"SELECT count(*) FROM {table} f WHERE f.{column} > %s "
                f"AND NOT EXISTS (SELECT 1 FROM archive_article a WHERE a.id = f.{column})", [stride]
            )
            (dangling,) = cursor.fetchone()
            if dangling:
                raise RuntimeError(f"{dangling} rows of {table} point at no article")
        vacuum_started = time.perf_counter()
        cursor.execute(f"VACUUM (ANALYZE) archive_article, {', '.join(facts)}")
        vacuum_seconds = time.perf_counter() - vacuum_started
        cursor.execute("SELECT count(*) FROM archive_article")
        (after,) = cursor.fetchone()
    if after != target:
        raise RuntimeError(f"{after:,} articles after copying, not {target:,} (imported after an earlier grow?)")
    seconds = time.perf_counter() - started
    result = {
        "target": target, "articles_before": before, "articles": after, "imported": len(sources),
        "copied": copied["articles"], "facts_copied": copied["facts"], "workers": workers, "chunk": chunk,
        "copy_seconds": round(copy_seconds, 1), "index_seconds": round(index_seconds, 1),
        "vacuum_seconds": round(vacuum_seconds, 1), "seconds": round(seconds, 1),
        "articles_per_second": round(copied["articles"] / max(copy_seconds, 1e-9), 1),
    }
    progress(f"grown to {after:,} articles in {seconds:,.0f} s (copy {copy_seconds:,.0f} s, "
             f"indexes {index_seconds:,.0f} s, vacuum {vacuum_seconds:,.0f} s)")
    return result


def _fact_tables(cursor, stride: int) -> dict[str, tuple[str, int]]:
    """Every table with a foreign key to the article, its column, and its id
    offset F (largest id among the imported articles' rows; empty tables left out).
    History tables have no foreign key, so they are not among them."""
    cursor.execute(
        """
        SELECT c.conrelid::regclass::text, a.attname
        FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
        WHERE c.contype = 'f' AND c.confrelid = 'archive_article'::regclass AND cardinality(c.conkey) = 1
        ORDER BY 1
        """
    )
    tables = {}
    for table, column in cursor.fetchall():
        if "id" not in _columns(table):  # one row per article, keyed by it (ArticleFacetKeys): F is 0
            cursor.execute(f"SELECT count(*) FROM {table} WHERE {column} <= %s", [stride])
            if cursor.fetchone()[0]:
                tables[table] = (column, 0)
            continue
        cursor.execute(f"SELECT max(id) FROM {table} WHERE {column} <= %s", [stride])
        (largest,) = cursor.fetchone()
        if largest:
            tables[table] = (column, largest)
    return tables


def _columns(table: str) -> list[str]:
    """The stored columns (generated ones are computed by Postgres on insert)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attname FROM pg_attribute WHERE attrelid = %s::regclass AND attnum > 0 "
            "AND NOT attisdropped AND attgenerated = '' ORDER BY attnum", [table]
        )
        return [name for (name,) in cursor.fetchall()]


def _plan(sources: list[int], target: int, chunk: int) -> list[tuple[int, int, int]]:
    """(k, first id, last id) of each chunk to copy: whole rounds of every
    imported article, then the first ones by id for the rest. Chunk boundaries
    depend only on the imported ids, so a second run finds the same chunks."""
    rounds, rest = divmod(target - len(sources), len(sources))
    plan = []
    for k in range(1, rounds + 2):
        ids = sources if k <= rounds else sources[:rest]
        for start in range(0, len(ids), chunk):
            part = ids[start:start + chunk]
            plan.append((k, part[0], part[-1]))
    return plan


def _drop_secondary_indexes(cursor, tables: list[str], progress) -> None:
    """Drop the non-unique indexes of `tables`, recording each one's definition
    first (in the same transaction) so that an interrupted run can rebuild it.
    Unique indexes stay: they back the primary keys and unique constraints."""
    cursor.execute(f"CREATE TABLE IF NOT EXISTS {DROPPED_INDEXES} (name text PRIMARY KEY, definition text NOT NULL)")
    cursor.execute(
        """
        SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
        FROM pg_index i
        WHERE i.indrelid = ANY(%s::regclass[]) AND NOT i.indisunique
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid)
        ORDER BY 1
        """, [tables]
    )
    for name, definition in cursor.fetchall():
        with transaction.atomic():
            cursor.execute(f"INSERT INTO {DROPPED_INDEXES} VALUES (%s, %s)", [name, definition])
            cursor.execute(f"DROP INDEX {name}")
    cursor.execute(f"SELECT count(*) FROM {DROPPED_INDEXES}")
    progress(f"{cursor.fetchone()[0]} secondary indexes dropped until the copy is done")


def _rebuild_indexes(cursor, maintenance_work_mem: str, progress) -> None:
    cursor.execute("SELECT to_regclass(%s) IS NOT NULL", [DROPPED_INDEXES])
    if not cursor.fetchone()[0]:
        return
    cursor.execute(f"SET maintenance_work_mem = '{maintenance_work_mem}'")
    cursor.execute(f"SELECT name, definition FROM {DROPPED_INDEXES} ORDER BY name")
    for name, definition in cursor.fetchall():
        started = time.perf_counter()
        with transaction.atomic():
            cursor.execute(definition)
            cursor.execute(f"DELETE FROM {DROPPED_INDEXES} WHERE name = %s", [name])
        progress(f"  index {name} rebuilt in {time.perf_counter() - started:,.1f} s")
    cursor.execute(f"DROP TABLE {DROPPED_INDEXES}")
    cursor.execute("RESET maintenance_work_mem")


def _copy_in_parallel(plan, statements, workers: int, progress, started: float) -> dict:
    """Run the chunks of `plan` on `workers` connections of their own (threads:
    the work is in the Postgres backends). The first error stops every worker."""
    import threading

    from django.db import connections

    pending = iter(plan)
    lock = threading.Lock()
    totals = {"articles": 0, "facts": {table: 0 for table in statements["facts"]}, "chunks": 0}
    errors = []

    def work():
        try:
            with connections["default"].cursor() as cursor:
                cursor.execute("SET statement_timeout = 0")
                cursor.execute("SET synchronous_commit = off")
                cursor.execute("SELECT current_setting('is_superuser') = 'on'")
                if cursor.fetchone()[0]:
                    cursor.execute("SET session_replication_role = replica")  # no FK triggers
                while not errors:
                    with lock:
                        step = next(pending, None)
                    if step is None:
                        return
                    articles, facts = _copy_chunk(cursor, step, statements)
                    with lock:
                        totals["articles"] += articles
                        totals["chunks"] += 1
                        for table, n in facts.items():
                            totals["facts"][table] += n
                        seconds = time.perf_counter() - started
                        progress(f"  chunk {totals['chunks']}/{len(plan)} (copy {step[0]}, ids {step[1]}–{step[2]}): "
                                 f"{totals['articles']:,} articles copied, {totals['articles'] / seconds:,.0f}/s, "
                                 f"{seconds:,.0f} s")
        except BaseException as error:  # noqa: BLE001 - reported by the caller's thread
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=work, name=f"replicate-{n}") for n in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]
    return totals


def _copy_chunk(cursor, step: tuple[int, int, int], statements: dict) -> tuple[int, dict]:
    """Copy articles `first`..`last` (and their facts) as copy k, in one
    transaction. Rows whose copy exists already are skipped."""
    k, first, last = step
    mark = f"{COPY_MARK}{k}"
    offset = k * statements["stride"]
    params = {**statements["params"], "first": first, "last": last, "mark": mark}
    moved = f"a.published_on + (mod(a.id * 7 + {k * 13}, 29) - 14)::int"  # -14..+14 days
    special = {
        "id": f"a.id + {offset}",
        "source_key": "a.source_key || %(mark)s",
        "source_url": "CASE a.source_url WHEN '' THEN '' ELSE a.source_url || %(mark)s END",
        "content_hash": "encode(sha256(convert_to(a.content_hash || %(mark)s, 'UTF8')), 'hex')",
        "published_on": (
            f"CASE WHEN date_trunc('year', {moved}) = date_trunc('year', a.published_on) "
            f"AND ({moved} < %(reform)s) = (a.published_on < %(reform)s) AND {moved} <= %(last_day)s "
            f"THEN {moved} ELSE a.published_on END"
        ),
    }
    columns = statements["article_columns"]
    with transaction.atomic(using=cursor.db.alias):
        cursor.execute(
            f"INSERT INTO archive_article ({', '.join(columns)}) "
            f"SELECT {', '.join(special.get(c, f'a.{c}') for c in columns)} FROM archive_article a "
            f"WHERE a.id BETWEEN %(first)s AND %(last)s "
            f"AND NOT EXISTS (SELECT 1 FROM archive_article c WHERE c.id = a.id + {offset}) ORDER BY a.id",
            params,
        )
        articles = cursor.rowcount
        facts = {}
        for table, (column, fact_offset, fact_columns) in statements["facts"].items():
            copied = {"id": f"f.id + {k * fact_offset}", column: f"f.{column} + {offset}"}
            if "seen_on" in fact_columns:  # a role's date is the article's date, unless stated otherwise
                copied["seen_on"] = "CASE WHEN f.seen_on = a.published_on THEN copy.published_on ELSE f.seen_on END"
            if "published_on" in fact_columns:  # ArticlePlace: the article's date beside its place
                copied["published_on"] = "copy.published_on"
            joins = ""
            if "seen_on" in fact_columns or "published_on" in fact_columns:
                joins = (f"JOIN archive_article a ON a.id = f.{column} "
                         f"JOIN archive_article copy ON copy.id = f.{column} + {offset}")
            # A copy exists already: the same row id moved (facet keys: the same article moved).
            exists = f"c.id = f.id + {k * fact_offset}" if "id" in fact_columns else f"c.{column} = f.{column} + {offset}"
            cursor.execute(
                f"INSERT INTO {table} ({', '.join(fact_columns)}) "
                f"SELECT {', '.join(copied.get(c, f'f.{c}') for c in fact_columns)} FROM {table} f {joins} "
                f"WHERE f.{column} BETWEEN %(first)s AND %(last)s "
                f"AND NOT EXISTS (SELECT 1 FROM {table} c WHERE {exists})",
                params,
            )
            facts[table] = cursor.rowcount
    return articles, facts
