"""Importing articles: documents in, extracted facts stored, curator edits kept.

`import_paths` drives a whole run: it walks the inputs (archive.extract's
sources), extracts facts (archive.extract, the only door into extraction),
and stores each article in its own transaction (`store`), so a failed item
never leaves a half-written row and the rest of the batch goes on.

Identity: an input whose raw text was seen before is "unchanged"; an input
from a known source (URL, else file path) with new content updates that
article; anything else creates one.

Speed (`import_paths(..., workers=N)`, what `import_articles` does by default,
`parallel`): N processes extract while this one stores; documents whose
source and content are both new are created a batch at a time (entities
looked up and created in bulk, `entities`; then bulk inserts, `bulk`), in one
transaction per batch; if the database refuses the batch, its articles are
stored again one by one, so a bad article still fails alone. Anything else
(a known source with new content, the same content twice) goes through the
one-by-one path.
"""

import time
from collections.abc import Callable, Iterable, Iterator

from django.db import Error, InterfaceError, OperationalError, connection
from django.utils import timezone

from archive.extract import Document, Failure, iter_documents, reread
from archive.importer.parallel import import_parallel
from archive.importer.store import DatabaseUnavailable, Importer, Outcome
from archive.models import Agreement, Article, Document as CitedDocument, ImportRun, Official, Organisation, Period

__all__ = [
    "DatabaseUnavailable", "ImportInterrupted", "Importer", "Outcome", "after_import", "import_paths", "reextract",
]


class ImportInterrupted(KeyboardInterrupt):
    """Ctrl-C (SIGINT) stopped the run; `run` is recorded as interrupted.

    Every article stored before it is complete (one transaction each), so a
    re-run skips those as unchanged and imports the rest."""

    def __init__(self, run: ImportRun):
        super().__init__(run.summary)
        self.run = run


def import_paths(
    paths: list[str],
    *,
    progress: Callable[[Outcome], None] | None = None,
    documents: Iterable[Document | Failure] | None = None,
    workers: int | None = None,
    reextract: bool = False,
) -> ImportRun:
    """Import every document under `paths`; returns the recorded ImportRun.

    `workers`: extract in that many processes and create new articles in
    batches (same result, several times faster); None: one by one, here.
    `reextract`: extract again the documents whose text was imported before
    (after the extractor changed) and store what changed, curators'
    corrections kept; the run counts the facts that changed.

    Raises DatabaseUnavailable if the database goes away mid-run, and
    ImportInterrupted on Ctrl-C. Either way what was stored until then is
    whole articles only, and a re-run skips them as unchanged."""
    run = ImportRun.objects.create(paths=[str(p) for p in paths])
    importer = Importer(run)
    # Source key (URL, else path) → the input that claimed it in this run. A
    # second input with the same key would overwrite the first, and the two
    # would overwrite each other again on every re-run: it fails instead.
    claimed: dict[str, str] = {}

    def screened(items):
        for item in items:
            if isinstance(item, Document) and (first := claimed.setdefault(item.url or item.source, item.source)) != item.source:
                yield Failure(item.source, f"same source URL as {first}, read earlier in this run")
            else:
                yield item

    outcomes: Iterator[Outcome] | None = None
    try:
        items = screened(documents if documents is not None else iter_documents(paths))
        if workers:
            outcomes = import_parallel(importer, items, workers, reextract=reextract)
        else:
            outcomes = (
                Outcome("failed", item.source, item.reason) if isinstance(item, Failure)
                else importer.import_document(item, force=reextract)
                for item in items
            )
        for outcome in outcomes:
            run.count(outcome)
            if progress:
                progress(outcome)
    except (OperationalError, InterfaceError) as error:
        # Lost anywhere in the loop (the unchanged check, an entity look-up),
        # not only while storing an article.
        raise DatabaseUnavailable(str(error).strip()) from error
    except KeyboardInterrupt:
        # The article being stored, if any, was rolled back by its atomic block.
        run.interrupted = True
        raise ImportInterrupted(run) from None
    finally:
        if outcomes is not None:
            outcomes.close()  # a parallel import stops its workers
        run.finished_at = timezone.now()
        try:
            run.save()
        except Error:  # DatabaseError, or InterfaceError on a closed connection
            pass  # the database is gone; DatabaseUnavailable is already on its way
    return run


def reextract(article: Article) -> Outcome:
    """Run the current extractor again on a stored article, even though its
    text is unchanged. Curator edits are kept as on any re-import."""
    document = reread(article.source_key, article.raw_text, url=article.source_url or None)
    if isinstance(document, Failure):
        return Outcome("failed", article.source_key, document.reason, article_id=article.pk)
    return Importer(article.import_run).import_document(document, force=True)


def after_import() -> dict[str, float]:
    """What a run that stored articles leaves for the pages: the stored
    whole-archive counts (archive.search.stored) and fresh planner
    statistics for the entity tables. Autovacuum analyses a table once a
    tenth of it plus 50 rows changed, so the 50 periods of an archive filled
    from empty would stay planned as 5 rows, and the province overview's
    programme table would run as nested loops. The articles' and facts'
    tables, large and growing, are left to autovacuum. Returns the seconds each part took."""
    from archive.search.stored import refresh_facet_counts

    started = time.perf_counter()
    refresh_facet_counts()
    counted = time.perf_counter()
    tables = [model._meta.db_table for model in (Period, Agreement, Official, Organisation, CitedDocument)]
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {', '.join(tables)}")
    return {"stored counts": counted - started, "planner statistics": time.perf_counter() - counted}
