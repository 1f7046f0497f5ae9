"""Relevance of the search: MRR over a set of queries with expected articles.

    python manage.py evaluate_search [--queries tests/relevance/queries.json] [ARTICLE_PATH ...]

The articles (by default fixtures/articles, the gold set fixtures/gold and
tests/relevance/articles) are imported through the importer inside a
transaction that is rolled back at the end: the database is left as it was.
Prints one line per query that misses and the mean reciprocal rank.
"""

import json
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from archive.importer import import_paths
from archive.models import Article

BASE = Path(settings.BASE_DIR)
DEFAULT_QUERIES = BASE / "tests" / "relevance" / "queries.json"
DEFAULT_ARTICLES = [BASE / "fixtures" / "articles", BASE / "fixtures" / "gold", BASE / "tests" / "relevance" / "articles"]


@dataclass
class Outcome:
    q: str
    expected: list[str]
    found: list[str]  # the top results, by article name

    @property
    def rank(self) -> int | None:
        """1-based rank of the first expected article, None if absent."""
        for position, name in enumerate(self.found, 1):
            if name in self.expected:
                return position
        return None

    @property
    def hit(self) -> bool:
        """Every expected article is above every other one."""
        return set(self.found[: len(self.expected)]) == set(self.expected)


def article_paths(roots) -> list[str]:
    """The .txt articles under `roots` (the gold set's .json files are facts, not input)."""
    paths = []
    for root in map(Path, roots):
        paths += sorted(str(p) for p in root.glob("*.txt")) if root.is_dir() else [str(root)]
    return paths


def article_name(source_key: str) -> str:
    return Path(source_key).stem


def load_queries(path) -> list[dict]:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def evaluate(queries: list[dict], depth: int = 10) -> list[Outcome]:
    """Runs every query against the articles in the database (one query each)."""
    outcomes = []
    for query in queries:
        keys = Article.objects.search(query["q"]).values_list("source_key", flat=True)[:depth]
        outcomes.append(Outcome(query["q"], query["expected"], [article_name(k) for k in keys]))
    return outcomes


def mean_reciprocal_rank(outcomes: list[Outcome]) -> float:
    return sum(1 / o.rank for o in outcomes if o.rank) / len(outcomes) if outcomes else 0.0


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
