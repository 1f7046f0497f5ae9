"""Relevance of the search: MRR over a set of queries with expected articles.

    python manage.py evaluate_search [--queries tests/relevance/queries.json] [ARTICLE_PATH ...]

The articles (by default fixtures/articles, the gold set fixtures/gold and
tests/relevance/articles) are imported through the importer inside a
transaction that is rolled back at the end: the database is left as it was.
Prints one line per query that misses and the mean reciprocal rank.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from archive.importer import import_paths
from lab.search_quality import (
    DEFAULT_ARTICLES,
    DEFAULT_QUERIES,
    article_paths,
    evaluate,
    load_queries,
    mean_reciprocal_rank,
)


class _Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "Import the relevance articles (rolled back afterwards), run the queries, print MRR and misses."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", help="article files or folders (default: the fixture sets)")
        parser.add_argument("--queries", default=str(DEFAULT_QUERIES))

    def handle(self, *args, **options):
        try:
            queries = load_queries(options["queries"])
        except (OSError, ValueError) as error:
            raise CommandError(f"{options['queries']}: {error}") from None
        paths = article_paths(options["paths"] or [p for p in DEFAULT_ARTICLES if p.exists()])
        try:
            with transaction.atomic():
                run = import_paths(paths)
                if options["verbosity"] > 1:
                    self.stderr.write(f"imported: {run.summary}")
                outcomes = evaluate(queries)
                raise _Rollback
        except _Rollback:
            pass
        misses = [o for o in outcomes if not o.hit]
        for outcome in misses:
            self.stdout.write(
                f"MISS  {outcome.q!r}: expected {', '.join(outcome.expected)}; "
                f"rank {outcome.rank or '-'}; top {', '.join(outcome.found[:3]) or '(nothing)'}"
            )
        self.stdout.write(
            f"{len(outcomes)} queries, {len(outcomes) - len(misses)} with the expected articles on top, "
            f"MRR {mean_reciprocal_rank(outcomes):.3f}"
        )
