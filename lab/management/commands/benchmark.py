import gc
import itertools
import json
import os
import tempfile
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from archive.models import Article, Locality
from lab.bench import fts5, grow, incremental, scale, timing
from lab.corpus import write_corpus


class Command(BaseCommand):
    help = (
        "Scale benchmark: import a synthetic corpus of N articles into the configured database, "
        "time the search page, name look-ups and database size, and the same queries on SQLite FTS5."
    )

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, required=True, metavar="N")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--json", metavar="FILE", help="also write the figures to FILE")
        parser.add_argument("--corpus", metavar="DIR", help="where the corpus is (generated there if missing)")
        parser.add_argument("--skip-import", action="store_true", help="measure the database as it is")
        parser.add_argument("--skip-fts", action="store_true", help="no SQLite FTS5 baseline")
        parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="import workers (0: one by one)")
        parser.add_argument("--repeat", type=int, default=10, help="timed runs per query (after one warm-up)")
        parser.add_argument(
            "--grow-to", type=int, metavar="N",
            help="after the import, copy the imported articles in SQL until there are N (see lab.bench.grow.replicate)",
        )
        parser.add_argument("--grow-only", action="store_true", help="with --grow-to: grow, then stop (no timings)")
        parser.add_argument(
            "--new-articles", type=int, default=100, metavar="N",
            help="after the pages, time importing N new articles (then deleted again); 0: skip",
        )

    def handle(self, *args, articles, seed, skip_import, skip_fts, workers, repeat, **options):
        check_database(needs_gazetteer=not skip_import)
        result = {
            "articles": articles, "seed": seed, "cpus": os.cpu_count(), "load_average": os.getloadavg(),
            "code": timing.code_version(), "cpu_reference_ms": timing.cpu_reference_ms(),
        }
        if not skip_import:
            directory = options["corpus"] or os.path.join(tempfile.gettempdir(), f"danvan-corpus-{articles}-{seed}")
            if not os.path.isdir(directory) or not os.listdir(directory):
                started = time.perf_counter()
                write_corpus(articles, seed, directory)
                result["corpus_seconds"] = round(time.perf_counter() - started, 1)
            self.stdout.write(f"importing {directory} with {workers} workers…")
            result["import"] = scale.run_import(directory, workers)
            self.stdout.write(f"  {result['import']}")
        if options["grow_to"]:
            self.stdout.write(f"growing to {options['grow_to']:,} articles by copying…")
            result["grow"] = grow.replicate(options["grow_to"], progress=self.stdout.write)
            self.stdout.write(f"  {result['grow']}")
            if options["grow_only"]:
                self.write_json(options["json"], result)
                return

        # The server's workers freeze what they made while starting (danvan/wsgi.py):
        # the pages are timed in a process that has done the same.
        gc.freeze()
        # Every request is worked out, none served from the page cache
        # (archive/caching.py): the figures are the uncached cost.
        settings.CACHE_PAGES = False
        queries = scale.query_set()
        result["search_page"] = [t.as_dict() for t in scale.time_search_page(queries, repeat)]
        result["search_core"] = [t.as_dict() for t in scale.time_search_core(queries, repeat)]
        district = next((q for q in queries if q.name.startswith("district")), None)
        if district is not None:
            result["district"] = scale.district_counts(district)
        result["name_lookup"] = [t.as_dict() for t in scale.time_name_lookups(repeat)]
        result["other_pages"] = [t.as_dict() for t in scale.time_pages(scale.browse_pages(), repeat)]
        if options["new_articles"]:
            result["new_articles"] = incremental.import_new_articles(options["new_articles"], seed)
        result["size"] = scale.database_size()
        result["search_vectors"] = scale.search_vectors_cost()
        if not skip_fts:
            path = fts5.fts_path(articles, seed)
            if not os.path.exists(path):
                result["fts5_build"] = fts5.build_fts(path)
            result["fts5"] = [t.as_dict() for t in fts5.time_fts(path, queries, repeat)]
        result["load_average_after"] = os.getloadavg()
        result["cpu_reference_ms_after"] = timing.cpu_reference_ms()
        self.print_table(result)
        self.write_json(options["json"], result)

    def write_json(self, path, result):
        if path:
            with open(path, "w", encoding="utf-8") as out:
                json.dump(result, out, indent=2, ensure_ascii=False, default=str)

    def print_table(self, result):
        write = self.stdout.write
        write(f"\ncode: {result['code']}")
        write(f"{result['articles']:,} articles (seed {result['seed']}), {result['cpus']} CPUs, "
              f"load average {result['load_average'][0]:.1f} → {result['load_average_after'][0]:.1f}, "
              f"CPU reference loop {result['cpu_reference_ms']} → {result['cpu_reference_ms_after']} ms")
        if imported := result.get("import"):
            write(f"import: {imported['articles_per_second']:,.0f} articles/s end to end "
                  f"({imported['created']:,} created in {imported['seconds']:,} s, {imported['workers']} workers)")
            cpu = {name: "–" if ms is None else f"{ms} ms" for name, ms in imported["cpu_ms_per_article"].items()}
            ceiling = scale.import_ceiling(imported["cpu_ms_per_article"], result["cpus"])
            write(f"  CPU per article: this process {cpu['main']}, extraction workers {cpu['workers']}, "
                  f"database server {cpu['database']}"
                  + (f": at most {ceiling:,.0f} articles/s on {result['cpus']} cores" if ceiling else ""))
        if new := result.get("new_articles"):
            parts = ", ".join(f"{name} {seconds} s" for name, seconds in new["after_import"].items())
            write(f"{new['created']} new articles into {new['articles_before']:,}: {new['seconds']} s end to end "
                  f"(storing {new['import_seconds']} s; after the import {new['after_import_seconds']} s: {parts})")
        if (vectors := result.get("search_vectors", {})).get("articles"):
            write(f"search vectors alone: {vectors['ms_per_article']} ms of database CPU per article "
                  f"(the three generated columns over {vectors['articles']:,} stored articles); the exact-spelling "
                  f"vector alone: {vectors['exact_ms_per_article']} ms")
        if build := result.get("fts5_build"):
            write(f"FTS5 build: {build['articles'] / max(build['seconds'], 1e-9):,.0f} articles/s, "
                  f"{build['bytes_per_article']:,} bytes/article")
        size = result["size"]
        write(f"database: {size['bytes_per_article']:,} bytes/article ({size['archive_tables_bytes'] / 1e9:.2f} GB "
              f"for {size['articles']:,} articles; GIN index {size['search_gin_index_bytes'] / 1e6:,.0f} MB)")
        articles = max(size["articles"], 1)
        for table, parts in itertools.groupby(size["parts"], key=lambda part: part["table"]):
            parts = [part for part in parts if part["bytes"] >= articles]  # one byte per article or more
            if parts:
                write(f"  {table}: " + ", ".join(f"{part['part']} {part['bytes'] / articles:,.0f}" for part in parts))
        write(f"exact-spelling vector: {size['exact_column_bytes_per_article']:,} bytes/article in the rows, its GIN "
              f"index {size['exact_gin_index_bytes'] / articles:,.0f} bytes/article "
              f"({size['exact_gin_index_bytes'] / 1e6:,.0f} MB)")
        if district := result.get("district"):
            shown = next((t["note"] for t in result.get("search_core", []) if t["name"].startswith("district")), "")
            write(f"district query {district['q']!r}: {district['containing']:,} articles contain the name; "
                  f"the page shows: {shown.rpartition('count ')[2]}")
        fts = {t["name"]: t for t in result.get("fts5", [])}
        core = {t["name"]: t for t in result.get("search_core", [])}

        def ratio(ours, other):
            return f"{ours['p50_ms'] / other['p50_ms']:.1f}×" if ours and other and other["p50_ms"] else "–"

        def cells(t, width=9):
            return f"{t['p50_ms']:>{width}.1f} {t['p95_ms']:>{width}.1f}" if t else f"{'–':>{width}} {'–':>{width}}"

        write("")
        write("Page: the whole search page (facets, entity box, HTML). Core: its results, snippets and count,")
        write("the work FTS5's figure covers. Ratios are p50 over FTS5's p50 (below 1: PostgreSQL is faster).")
        write(f"{'search page':<22} {'p50 ms':>9} {'p95 ms':>9} {'min':>8} {'max':>8} {'FTS5 p50':>9} {'FTS5 p95':>9} "
              f"{'page/FTS5':>9} {'core p50':>9} {'core p95':>9} {'core/FTS5':>9}")
        for t in result["search_page"]:
            other, ours = fts.get(t["name"]), core.get(t["name"])
            write(
                f"{t['name']:<22} {t['p50_ms']:>9.1f} {t['p95_ms']:>9.1f} {t['min_ms']:>8.1f} {t['max_ms']:>8.1f} "
                f"{cells(other)} {ratio(t, other):>9} {cells(ours)} {ratio(ours, other):>9}"
            )
        for t in result["name_lookup"]:
            write(f"{t['name']:<34} p50 {t['p50_ms']:>7.1f} ms  p95 {t['p95_ms']:>7.1f} ms  ({t['note']})")
        for t in result.get("other_pages", []):
            write(f"{t['name']:<34} p50 {t['p50_ms']:>7.1f} ms  p95 {t['p95_ms']:>7.1f} ms  ({t['note']})")
        for t in result["search_page"]:
            write(f"  page {t['name']}: {t['note']}")
        for t in result.get("search_core", []):
            write(f"  core {t['name']}: {t['note']}")
        for t in result.get("fts5", []):
            write(f"  FTS5 {t['name']}: {t['note']}")


def check_database(needs_gazetteer: bool) -> None:
    """Refuse, naming the fix, a database the benchmark cannot use."""
    database = connection.settings_dict["NAME"]
    if Article._meta.db_table not in connection.introspection.table_names():
        raise CommandError(
            f"database {database!r} has no archive tables: run `manage.py migrate` "
            "and `manage.py load_gazetteer` first (docs/performance.md, Tools)"
        )
    if needs_gazetteer and not Locality.objects.exists():
        raise CommandError(
            f"database {database!r} has no gazetteer, so the import would find no places: "
            "run `manage.py load_gazetteer` first"
        )
