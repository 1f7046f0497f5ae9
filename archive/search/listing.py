"""A filtered list of articles as a page shows it, planned so that its cost
does not grow with the archive, and the time budget every search page runs in.

Ranking, counting and faceting every match costs time in proportion to the
matches: seconds for "dân vận", which is in nearly every article of a
million. So a list is planned first from the planner's estimate (EXPLAIN, no
rows read). A list expected to hold more than BROAD articles is "broad":
relevance is ranked among its newest WINDOW matches only (sorting by date
still reaches every match, through the date index), and the count shown is
the estimate ("khoảng 480.000"). Facets count the newest WINDOW matches of
any list (all of them when there are fewer), and the page says when that
is a sample.
"""

from __future__ import annotations

import time
from contextlib import contextmanager

from django.db import OperationalError, connections, transaction
from psycopg.errors import QueryCanceled

from archive.models import Article
from archive.scopes import date_order, newest_first
from archive.search.facets import stored_facet_counts
from archive.search.matching import rank_expression
from archive.search.sql import estimate, pk_array, read_alias, run

BROAD = 2_000
WINDOW = 1_000


def newest_pks(queryset) -> list[int]:
    """The ids of the newest WINDOW articles of `queryset`: one bounded
    query, through the date index when the list is broad."""
    return list(newest_first(queryset).values_list("pk", flat=True)[:WINDOW])


class Listing:
    """A filtered list of articles as a page shows it: its results in order,
    its count and the samples its facets count over, planned once per request
    so that none of it grows with the archive (see above)."""

    def __init__(self, filterset, whole_archive: bool = False):
        """`whole_archive`: the list is every article (no query, no filter),
        so the stored FacetCount rows answer its count and facets."""
        self.filterset = filterset
        self.parsed = filterset.parsed
        self.matches = filterset.qs  # ordered by rank or date
        self.stored, self.total, self.counted_at = stored_facet_counts() if whole_archive else (None, None, None)
        self.estimate = estimate(self.matches)
        self.broad = max(self.estimate, self.total or 0) > BROAD
        self.ranked_window = self.broad and self.parsed.has_text and filterset.sort_order == "relevance"
        self.window: list[int] = []  # a ranked window's ids, newest first
        self.ranked: list[int] = []  # the same, best first
        self.results = self.matches
        self._samples: dict[str, list[int]] = {}
        if self.ranked_window:
            self.window, self.ranked = self._rank_window()
            self._samples[_key(self.matches)] = self.window  # the facets' sample
            self.results = (
                Article.objects.filter(pk__in=pk_array(self.window))
                .annotate(rank=rank_expression(self.parsed, whole_body=False))
                .order_by("-rank", *date_order())
            )

    def _rank_window(self) -> tuple[list[int], list[int]]:
        """The newest WINDOW matches (the facets' sample), and the same ids
        best first. One query in two levels: the inner one takes the newest
        matches with their small rank vector, the outer one ranks only those.
        The rank is computed on the rows the walk down the date index reads
        anyway, so a page then reads only its own rows (PlannedPaginator),
        not the window's 1,000 again. Ranked in the inner query, the rank
        would be computed for every match whenever the planner reads them
        through the GIN index and sorts them by date, as it does for a few
        thousand matches (docs/performance.md, "Ranking a window")."""
        newest = newest_first(self.matches).values_list("id", "published_on", "search_rank")[:WINDOW]
        newest_sql, newest_params = newest.query.sql_with_params()
        query = Article.objects.all().query
        rank = rank_expression(self.parsed, whole_body=False).resolve_expression(query)
        rank_sql, rank_params = query.get_compiler(self.matches.db).compile(rank)
        # The outer query's alias is the table's name, so that the rank's
        # column references ("archive_article"."search_rank") name the inner rows.
        rows = run(
            f'SELECT "archive_article"."id", {rank_sql}, "archive_article"."published_on" '
            f'FROM ({newest_sql}) AS "archive_article"',
            (*rank_params, *newest_params),
            using=self.matches.db,
        )  # plain tuples: the ORM's rows cost ~2 ms more
        # As `results` orders: rank, then date (no date last), then id, all descending.
        best_first = sorted(rows, key=lambda row: (
            -row[1], row[2] is None, -(row[2].toordinal() if row[2] else 0), -row[0]
        ))
        return [pk for pk, _rank, _date in rows], [pk for pk, _rank, _date in best_first]

    @property
    def approximate(self) -> bool:
        """Whether the count shown is the planner's estimate."""
        return self.broad and self.total is None

    @property
    def rounded_estimate(self) -> int:
        """The estimate to two significant digits: it is no more precise."""
        digits = max(len(str(self.estimate)) - 2, 0)
        return round(self.estimate, -digits)

    def page_count(self, result_cap: int) -> int:
        """How many results the pages reach: the ranked window, else every
        match up to `result_cap` (the estimate when broad: pages past the
        real end come out empty)."""
        if self.ranked_window:
            return len(self.window)
        if self.broad and self.total is None:
            return min(self.estimate, result_cap)
        # Exact up to the cap. For the whole archive too: the stored total
        # may be older than the last article, and counting 10,000 rows of
        # the date index without a condition takes milliseconds.
        if not self.broad:
            # The facets' sample (fetched once) holds every match of a
            # short list: no query of its own to count it.
            sample = self.sample(self.matches)
            if len(sample) < WINDOW:
                return len(sample)
        return self.matches.order_by().values("pk")[:result_cap].count()

    def sample(self, queryset) -> list[int]:
        """The newest WINDOW ids of `queryset` (the matches, or the matches
        without one facet's filter), fetched once per distinct query."""
        key = _key(queryset)
        if key not in self._samples:
            self._samples[key] = newest_pks(queryset)
        return self._samples[key]

    @property
    def facets_exact(self) -> bool:
        """Whether every facet counted all its matches, not the newest WINDOW."""
        return self.stored is not None or all(len(pks) < WINDOW for pks in self._samples.values())

    @property
    def facet_basis(self) -> int:
        return WINDOW


def _key(queryset) -> str:
    sql, params = queryset.order_by().values("pk").query.sql_with_params()
    return sql + repr(params)


# -- A time budget per page ---------------------------------------------------


BUDGET_SLACK_MS = 100


class OverBudget(Exception):
    """The work under a time_budget did not finish in time."""


@contextmanager
def time_budget(milliseconds: int):
    """Run the block's queries in one read transaction that may take at most
    `milliseconds` in all (give or take BUDGET_SLACK_MS): the server's
    statement_timeout follows the time left, so a slow statement is
    cancelled by Postgres itself. Raises OverBudget when time runs out
    (the transaction is rolled back; the connection stays usable). The
    budget is kept on the database the request reads from (read_alias)."""
    connection = connections[read_alias()]
    deadline = time.monotonic() + milliseconds / 1000
    timeout_set = [None]

    def limit(execute, sql, params, many, context):
        left = int((deadline - time.monotonic()) * 1000)
        if left <= 0:
            raise OverBudget(f"time budget of {milliseconds} ms spent")
        # A round trip per statement would cost more than the statements of
        # a fast page: the timeout is lowered only when it would let a
        # statement overrun the budget by more than BUDGET_SLACK_MS.
        if timeout_set[0] is None or left < timeout_set[0] - BUDGET_SLACK_MS:
            context["cursor"].cursor.execute(f"SET LOCAL statement_timeout = {left}")
            timeout_set[0] = left
        return execute(sql, params, many, context)

    try:
        with transaction.atomic(using=connection.alias):
            with connection.execute_wrapper(limit):
                yield
            # Inside an outer transaction (tests) SET LOCAL would outlive
            # the block: give later statements the usual timeout back.
            connection.connection.execute("SET LOCAL statement_timeout = DEFAULT")
    except OperationalError as error:
        if isinstance(error.__cause__, QueryCanceled):
            raise OverBudget(str(error).strip()) from error
        raise


