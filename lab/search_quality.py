"""Search quality over a set of queries with the articles they should find
(`manage.py evaluate_search`, tests/relevance/queries.json)."""

import json
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from archive.models import Article
from archive.search.matching import search

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
        keys = search(Article.objects.all(), query["q"]).values_list("source_key", flat=True)[:depth]
        outcomes.append(Outcome(query["q"], query["expected"], [article_name(k) for k in keys]))
    return outcomes


def mean_reciprocal_rank(outcomes: list[Outcome]) -> float:
    return sum(1 / o.rank for o in outcomes if o.rank) / len(outcomes) if outcomes else 0.0
