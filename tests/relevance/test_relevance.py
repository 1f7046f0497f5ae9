"""Relevance: each query of queries.json finds its expected articles on top.
The articles go through the real importer (extraction included), as in
`manage.py evaluate_search`."""

import pytest

from archive.importer import import_paths
from lab.search_quality import (
    DEFAULT_ARTICLES,
    DEFAULT_QUERIES,
    article_paths,
    evaluate,
    load_queries,
    mean_reciprocal_rank,
)

QUERIES = load_queries(DEFAULT_QUERIES)


def test_there_are_at_least_25_queries_of_every_kind():
    assert len(QUERIES) >= 25
    assert all(q["expected"] for q in QUERIES)


@pytest.mark.django_db
def test_every_query_finds_its_expected_articles_on_top():
    run = import_paths(article_paths([p for p in DEFAULT_ARTICLES if p.exists()]))
    assert run.failed == 0, run.failures
    outcomes = evaluate(QUERIES)
    misses = [f"{o.q!r}: expected {o.expected}, got {o.found[:4]}" for o in outcomes if not o.hit]
    assert not misses, "\n".join(misses)
    assert mean_reciprocal_rank(outcomes) == 1.0
