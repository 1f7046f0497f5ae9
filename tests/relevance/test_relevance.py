"""Relevance: each query of queries.json finds its expected articles on top,
and each query of sets.json lists the articles it should, through the
search page's reading. The articles go through the real importer
(extraction included), as in `manage.py evaluate_search`. The figures of
both sets are printed by that command (docs/search.md, "Relevance")."""

import pytest

from archive.importer import import_paths
from lab.search_quality import (
    ARTICLES,
    DEFAULT_QUERIES,
    DEFAULT_SETS,
    TOP_ARTICLES,
    article_paths,
    evaluate,
    evaluate_sets,
    load_queries,
    mean_reciprocal_rank,
    summarize,
)

QUERIES = load_queries(DEFAULT_QUERIES)
SETS = load_queries(DEFAULT_SETS)


def test_there_are_at_least_25_top_queries_and_40_set_queries():
    assert len(QUERIES) >= 25 and all(q["expected"] for q in QUERIES)
    assert len(SETS) >= 40 and all(q["relevant"] for q in SETS)


@pytest.mark.django_db
def test_every_query_finds_its_expected_articles_on_top():
    run = import_paths(article_paths([p for p in TOP_ARTICLES if p.exists()]))
    assert run.failed == 0, run.failures
    outcomes = evaluate(QUERIES)
    misses = [f"{o.q!r}: expected {o.expected}, got {o.found[:4]}" for o in outcomes if not o.hit]
    assert not misses, "\n".join(misses)
    assert mean_reciprocal_rank(outcomes) == 1.0


@pytest.mark.django_db
def test_the_result_sets_reach_their_targets():
    """The targets of docs/search.md on the development set: with
    diacritics, precision ≥ 0.95 and recall ≥ 0.98; without, recall ≥ 0.98
    and precision ≥ 0.85; MRR ≥ 0.95."""
    run = import_paths(article_paths([p for p in ARTICLES if p.exists()]))
    assert run.failed == 0, run.failures
    outcomes = evaluate_sets(SETS)
    exact = summarize([o for o in outcomes if o.with_diacritics])
    folded = summarize([o for o in outcomes if not o.with_diacritics])
    assert exact.precision >= 0.95 and exact.recall >= 0.98, exact
    assert folded.recall >= 0.98 and folded.precision >= 0.85, folded
    assert summarize(outcomes).mrr >= 0.95
