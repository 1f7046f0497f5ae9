"""Search quality: the articles each query should put on top, and the set of
articles each query should list.

    python manage.py evaluate_search [--queries Q.json] [--sets S.json] [--verbose] [ARTICLE_PATH ...]

The articles each file was written for (lab.search_quality), or those given,
are imported through the importer inside a transaction that is rolled back
at the end: the database is left as it was. Prints, for the top
queries, the misses and the mean reciprocal rank; for the set queries,
precision, recall and reciprocal rank per query, and their means with and
without diacritics.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from archive.importer import import_paths
from lab.search_quality import (
    DEFAULT_QUERIES,
    DEFAULT_SETS,
    TOP_ARTICLES,
    ARTICLES,
    article_paths,
    evaluate,
    evaluate_sets,
    load_queries,
    mean_reciprocal_rank,
    summarize,
)


class _Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "Import the relevance articles (rolled back afterwards); print MRR of the top queries and P/R/MRR of the set queries."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", help="article files or folders (default: the sets' own)")
        parser.add_argument("--queries", default=str(DEFAULT_QUERIES), help="queries with their top articles")
        parser.add_argument("--sets", default=str(DEFAULT_SETS), help="queries with every article they should list")
        parser.add_argument("--verbose", action="store_true", help="list the articles missed and found wrongly")

    def handle(self, *args, **options):
        try:
            queries = load_queries(options["queries"])
            sets = load_queries(options["sets"])
        except (OSError, ValueError) as error:
            raise CommandError(str(error)) from None
        paths = options["paths"]
        outcomes = self.rolled_back(paths or TOP_ARTICLES, lambda: evaluate(queries), options["verbosity"])
        set_outcomes = self.rolled_back(paths or ARTICLES, lambda: evaluate_sets(sets), options["verbosity"])
        self.report_top(outcomes)
        self.report_sets(set_outcomes, options["verbose"])

    def rolled_back(self, roots, measure, verbosity):
        """`measure()` over the articles of `roots`, imported in a
        transaction that is then rolled back."""
        try:
            with transaction.atomic():
                run = import_paths(article_paths([p for p in map(Path, roots) if p.exists()]))
                if verbosity > 1:
                    self.stderr.write(f"imported: {run.summary}")
                result = measure()
                raise _Rollback
        except _Rollback:
            return result

    def report_top(self, outcomes):
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

    def report_sets(self, outcomes, verbose: bool):
        write = self.stdout.write
        write("")
        write(f"{'set query':<34} {'found':>5} {'relev':>5} {'P':>6} {'R':>6} {'RR':>5}  reading")
        for o in outcomes:
            write(f"{o.q[:34]:<34} {len(o.found):>5} {len(o.relevant):>5} {o.precision:>6.2f} {o.recall:>6.2f} "
                  f"{o.reciprocal_rank:>5.2f}  {o.reading}")
            if verbose:
                if missed := sorted(o.relevant - set(o.found)):
                    write(f"    missed: {', '.join(missed)}")
                if wrong := [name for name in o.found if name not in o.relevant]:
                    write(f"    not relevant: {', '.join(wrong)}")
        for label, group in (
            ("with diacritics", [o for o in outcomes if o.with_diacritics]),
            ("without diacritics", [o for o in outcomes if not o.with_diacritics]),
            ("all", outcomes),
        ):
            summary = summarize(group)
            write(f"{label}: {summary.queries} queries, precision {summary.precision:.3f}, "
                  f"recall {summary.recall:.3f}, MRR {summary.mrr:.3f}")
