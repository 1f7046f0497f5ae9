"""The scale benchmark's measures (`manage.py benchmark`, docs/performance.md),
on a synthetic corpus (lab.corpus) in the configured database:
- import throughput end to end (read, extract in worker processes, store),
  and the CPU it costs per article in each process;
- the search page's server time through the real view (Django's test client,
  template rendering included), for a fixed set of queries, repeated: p50/p95;
- the same queries' search core (results, snippets, count: what FTS5 does);
- name look-up latency (the entity box);
- the other pages that read many articles (overviews, the biggest lists);
- database size per article.

Time is wall-clock on a shared machine: every figure is repeated and reported
with its spread (lab.bench.timing).
"""

from __future__ import annotations

import resource
import time
from dataclasses import dataclass

from django.db import connection
from django.db.models import Count, F, Func, IntegerField, Sum
from django.db.models.functions import Abs, Left, Length
from django.http import QueryDict
from django.test import Client
from django.urls import reverse

from archive.importer import after_import, import_paths
from archive.models import (
    Agreement, Article, ArticleAgreement, ArticleOrganisation, ArticlePeriod, Citation, Document, Locality, Official,
    Organisation, Period, Role,
)
from archive.pagination import PAGE_SIZE, PlannedPaginator
from archive.results import LIST_FIELDS
from archive.search.entities import entities
from archive.search.filters import ArticleFilter
from archive.search.listing import Listing
from archive.search.matching import TsQuery, attach_snippets
from archive.search.query import parse
from archive.search.sql import pk_array
from archive.search.vectors import BODY_CHARS, exact_vector, folded_vector, rank_vector
from lab.bench.timing import Timing, timed


def run_import(directory: str, workers: int) -> dict:
    """Import `directory` as `manage.py import_articles` does (the articles,
    then the home page's stored facet counts); the throughput, and the CPU
    the import took per stored article in this process, in the extraction
    workers and in the database server (when it runs on this machine, as
    the embedded one does)."""
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
    """Database CPU per article for the generated search columns alone
    (Article.search_vector, search_exact and search_rank), and for the exact
    one apart (what matching the spelling typed costs an import): the same
    expressions over the newest `articles` stored articles, timed against
    reading the same text. Every import pays this, whatever else it does;
    one backend runs the query, so its wall time is its CPU time on an idle
    machine."""

    def lexemes(vector):
        return Func(vector, function="length", output_field=IntegerField())

    ids = list(Article.objects.order_by("-pk").values_list("pk", flat=True)[:articles])
    if not ids:
        return {"articles": 0}
    rows = Article.objects.filter(pk__in=pk_array(ids))
    text = Length("title") + Length(Left("body", BODY_CHARS))

    def best_ms(expression) -> float:
        times = []
        for _ in range(3):
            started = time.perf_counter()
            rows.aggregate(total=Sum(expression))
            times.append(time.perf_counter() - started)
        return 1000 * min(times)

    read = best_ms(text)
    vectors = best_ms(text + lexemes(folded_vector()) + lexemes(exact_vector()) + lexemes(rank_vector()))
    exact = best_ms(text + lexemes(exact_vector()))
    return {
        "articles": len(ids),
        "ms_per_article": round(max(vectors - read, 0) / len(ids), 3),
        "exact_ms_per_article": round(max(exact - read, 0) / len(ids), 3),
    }


def district_counts(query: Query) -> dict:
    """For a place's name: how many articles contain it as written (a phrase
    in the exact forms, what Postgres's parser reads as the name), against
    the count the search page shows for it (time_search_core)."""
    name = query.params.get("q", "")
    phrase = TsQuery("phraseto_tsquery('simple', archive_canonical(%s))", (name,))
    return {"q": name, "containing": Article.objects.filter(search_exact=phrase).count()}


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
    if document := busiest(Document, Citation, "document"):
        pages.append(Page("most cited document", document.get_absolute_url()))
    if agreement := busiest(Agreement, ArticleAgreement, "agreement"):
        pages.append(Page("most reported agreement", agreement.get_absolute_url()))
    return pages + directory_pages(province)


def directory_pages(province) -> list[Page]:
    """The directories and the province list of today (with its map), the
    officials' at their broadest and narrowest."""
    search, officials, places = reverse("archive:search"), reverse("archive:officials"), reverse("archive:localities")
    pages = [
        Page("province overview today", f"{reverse('archive:provinces')}?era=post2025"),
        Page("officials directory", officials),
        Page("officials, typed name", f"{officials}?q=tran+thi"),
        Page("officials directory, letter T", f"{officials}?chu=T&page=2"),
        Page("places directory", places),
        Page("organisations directory", reverse("archive:organisations")),
        Page("documents directory", reverse("archive:documents")),
    ]
    if province:
        pages.append(Page("officials, province and title", f"{officials}?province={province.slug}&title=bi-thu"))
        pages.append(Page("places directory, a province", f"{places}?tinh={province.slug}"))
        if province.successor_id:
            pages.append(Page("province facet today", f"{search}?era=post2025&province={province.successor.slug}"))
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
    results = []
    for query in queries:
        if query.fts is None:
            continue
        params = QueryDict(mutable=True)
        params.update({name: str(value) for name, value in query.params.items()})
        found = {}

        def core():
            filterset = ArticleFilter(params, queryset=Article.objects.all())
            listing = Listing(filterset)
            paginator = PlannedPaginator(listing, listing.results.only(*LIST_FIELDS), PAGE_SIZE)
            page = paginator.page(int(params.get("page", 1)))
            attach_snippets(page.object_list, filterset.parsed)
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
    parsed = parse(official.name)
    folded = parse(official.ascii_name)
    return [
        Timing("official name (entities)", timed(lambda: entities(parsed), repeat), official.name),
        Timing("official name folded (entities)", timed(lambda: entities(folded), repeat), official.ascii_name),
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
            "SELECT pg_relation_size('article_search_vector'), pg_relation_size('article_search_exact'), "
            "pg_total_relation_size('archive_article')"
        )
        gin, exact_gin, article_total = cursor.fetchone()
        # What the exact vector takes in the rows (compressed, as stored), over a sample.
        cursor.execute(
            "SELECT avg(pg_column_size(search_exact)) FROM "
            "(SELECT search_exact FROM archive_article ORDER BY id DESC LIMIT 5000) AS newest"
        )
        (exact_column,) = cursor.fetchone()
    articles = Article.objects.count()
    archive_bytes = sum(size for _, size in tables)
    return {
        "articles": articles,
        "archive_tables_bytes": archive_bytes,
        "bytes_per_article": round(archive_bytes / max(articles, 1)),
        "database_bytes": whole,
        "article_table_bytes": article_total,
        "search_gin_index_bytes": gin,
        "exact_gin_index_bytes": exact_gin,
        "exact_column_bytes_per_article": round(exact_column or 0),
        "largest_tables": [{"table": name, "bytes": size} for name, size in tables[:8]],
        "parts": _parts(),
    }


def _parts() -> list[dict]:
    """Each archive table's parts: its rows ("table": the main fork with its
    free space and visibility maps), its TOAST (long values, with the TOAST
    index) and each of its indexes, largest table first."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT c.relname, 'table', pg_table_size(c.oid) - coalesce(pg_total_relation_size(c.reltoastrelid), 0)
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind = 'r' AND n.nspname = current_schema() AND c.relname LIKE 'archive\\_%%'
            UNION ALL
            SELECT c.relname, 'TOAST', pg_total_relation_size(c.reltoastrelid)
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind = 'r' AND n.nspname = current_schema() AND c.relname LIKE 'archive\\_%%'
              AND c.reltoastrelid <> 0
            UNION ALL
            SELECT c.relname, i.relname, pg_relation_size(i.oid)
            FROM pg_index x JOIN pg_class c ON c.oid = x.indrelid JOIN pg_class i ON i.oid = x.indexrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema() AND c.relname LIKE 'archive\\_%%'
            """
        )
        rows = cursor.fetchall()
    table_bytes = {}
    for table, _part, size in rows:
        table_bytes[table] = table_bytes.get(table, 0) + size
    rows.sort(key=lambda row: (-table_bytes[row[0]], row[0], -row[2]))
    return [{"table": table, "part": part, "bytes": size} for table, part, size in rows]
