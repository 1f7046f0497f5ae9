"""Growing a benchmark database to N articles by copying the imported ones in
SQL (`benchmark --grow-to N`): beyond what can be imported in an afternoon."""

from __future__ import annotations

import time

from django.db import connection, transaction

from lab import corpus


COPY_MARK = "#bench-copy-"  # appended to source_key (and source_url) of a copy
DROPPED_INDEXES = "bench_scale_dropped_index"  # what replicate() dropped, until it is rebuilt


def replicate(target: int, *, workers: int = 2, chunk: int = 5000, maintenance_work_mem: str = "2GB",
              progress=print) -> dict:
    """Grow the article table to `target` rows by copying the imported articles in SQL.

    Importing a million articles takes hours (~80 articles/s, docs/performance.md);
    the search figures at scale need a million rows, not a million different
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

