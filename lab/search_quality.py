"""Search quality (`manage.py evaluate_search`): the articles each query
should put on top (tests/relevance/queries.json: mean reciprocal rank), and
the whole set of articles each query should list (tests/relevance/sets.json:
precision, recall and MRR per query, with and without diacritics)."""

import json
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

from django.conf import settings
from django.http import QueryDict

from archive.models import Article
from archive.search.filters import ArticleFilter
from archive.search.matching import search
from archive.search.query import has_diacritics

BASE = Path(settings.BASE_DIR)
DEFAULT_QUERIES = BASE / "tests" / "relevance" / "queries.json"
# The articles each query file was written for: the top queries, the sample
# and gold articles; the set queries, every extraction set but fixtures/final
# (kept unread).
TOP_ARTICLES = [BASE / "fixtures" / name for name in ("articles", "gold")]
ARTICLES = [BASE / "fixtures" / name for name in ("articles", "gold", "holdout", "realistic", "realistic_holdout")]



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


# -- Result sets ----------------------------------------------------------------------

DEFAULT_SETS = BASE / "tests" / "relevance" / "sets.json"


@dataclass
class SetOutcome:
    """What the search page lists for one query, against the articles it
    should list."""

    q: str
    relevant: set[str]
    found: list[str]  # every article listed, in the page's order, by name
    reading: str

    @property
    def true_positives(self) -> int:
        return len(self.relevant & set(self.found))

    @property
    def precision(self) -> float:
        return self.true_positives / len(self.found) if self.found else float(not self.relevant)

    @property
    def recall(self) -> float:
        return self.true_positives / len(self.relevant) if self.relevant else 1.0

    @property
    def reciprocal_rank(self) -> float:
        return next((1 / rank for rank, name in enumerate(self.found, 1) if name in self.relevant), 0.0)

    @property
    def with_diacritics(self) -> bool:
        return has_diacritics(self.q)


def evaluate_sets(queries: list[dict]) -> list[SetOutcome]:
    """Every query through the search page's reading (ArticleFilter: the
    strict reading, widened when it finds nothing), all its matches."""
    outcomes = []
    for query in queries:
        filterset = ArticleFilter(QueryDict(urlencode({"q": query["q"]})), queryset=Article.objects.all())
        keys = list(filterset.qs.values_list("source_key", flat=True))
        outcomes.append(SetOutcome(query["q"], set(query["relevant"]), [article_name(k) for k in keys],
                                   filterset.parsed.reading))
    return outcomes


@dataclass
class Summary:
    queries: int
    precision: float  # the mean over the queries
    recall: float
    mrr: float


def summarize(outcomes: list[SetOutcome]) -> Summary:
    n = len(outcomes) or 1
    return Summary(
        len(outcomes),
        sum(o.precision for o in outcomes) / n,
        sum(o.recall for o in outcomes) / n,
        sum(o.reciprocal_rank for o in outcomes) / n,
    )
