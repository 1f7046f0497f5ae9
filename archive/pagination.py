"""Pages of lists that may be long: counted within a cap, never row by row.

Every list of the site (pages, the API, the admin) pages through one of
these. A count stops at CAP rows, so a page costs the same whatever the
archive's size; the pages past the cap are not offered (the exports have
every row).
"""

from functools import cached_property

from django.core.paginator import InvalidPage, Paginator
from django.db import connections, router
from django.http import Http404

PAGE_SIZE = 20
RESULT_CAP = 10_000  # rows counted, and so rows reachable through pages


class CappedPaginator(Paginator):
    """Counts at most CAP + 1 rows (`COUNT(*)` over a `LIMIT` subquery): past
    CAP, `count` is CAP and `capped` is true ("Hơn 10000").

    With `estimate_whole_table`, a capped count of a whole table (no
    condition) is the planner's estimate (pg_class.reltuples) instead, and
    not capped: the admin's lists show how big a table is."""

    CAP = RESULT_CAP
    estimate_whole_table = False
    capped = False
    total = None  # the whole length where it is known (StoredCountPaginator)

    @cached_property
    def count(self) -> int:
        counted = self.object_list.order_by().values("pk")[: self.CAP + 1].count()
        self.capped = counted > self.CAP
        if self.capped and self.estimate_whole_table and not self.object_list.query.where:
            estimate = estimated_rows(self.object_list.model)
            if estimate > self.CAP:
                self.capped = False
                return estimate
        return min(counted, self.CAP)



class StoredCountPaginator(CappedPaginator):
    """A list whose length is known without counting its rows: a stored
    figure (KeyTotal), or a count read from a narrow index (a document's
    citations). `total` is the whole length, shown as is; past CAP rows the
    pages are not offered, as for a counted list."""

    def __init__(self, object_list, per_page, total: int):
        super().__init__(object_list, per_page)
        self.total = total

    @cached_property
    def count(self) -> int:
        self.capped = self.total > self.CAP
        return min(self.total, self.CAP)

def estimated_rows(model) -> int:
    """The planner's idea of how many rows `model`'s table holds (one query)."""
    with connections[router.db_for_read(model)].cursor() as cursor:
        cursor.execute("SELECT reltuples::bigint FROM pg_class WHERE oid = %s::regclass", [model._meta.db_table])
        row = cursor.fetchone()
    return max(int(row[0]), 0) if row else 0


class PlannedPaginator(Paginator):
    """Pages of an archive.search.listing.Listing: the count is the
    listing's (no extra query when the list is broad)."""

    def __init__(self, listing, object_list, per_page):
        super().__init__(object_list, per_page)
        self.listing = listing

    @cached_property
    def count(self):
        return self.listing.page_count(RESULT_CAP)

    @property
    def capped(self) -> bool:
        return not self.listing.approximate and self.count >= RESULT_CAP

    def page(self, number):
        """A ranked window's page reads only its own rows, in the order the
        listing ranked the window (Listing.ranked)."""
        if not self.listing.ranked_window:
            return super().page(number)
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        ids = self.listing.ranked[bottom : bottom + self.per_page]
        rows = {row.pk: row for row in self.object_list.filter(pk__in=ids)}
        return self._get_page([rows[pk] for pk in ids if pk in rows], number, self)


class DegradedPage:
    """A page of results that was not counted: it knows only whether a next
    page exists (one row more was fetched)."""

    paginator = None

    def __init__(self, rows: list, number: int, per_page: int):
        self.object_list = rows[:per_page]
        self.number = number
        self._has_next = len(rows) > per_page

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self):
        return len(self.object_list)

    def has_next(self):
        return self._has_next

    def has_previous(self):
        return self.number > 1

    def has_other_pages(self):
        return self.has_next() or self.has_previous()

    def next_page_number(self):
        return self.number + 1

    def previous_page_number(self):
        return self.number - 1


def paginate(request, queryset, per_page: int = PAGE_SIZE, paginator=None):
    """The requested page of `queryset` (or of `paginator`); a page number
    that is not a page is a 404."""
    paginator = paginator or CappedPaginator(queryset, per_page)
    try:
        return paginator.page(int(request.GET.get("page", "1")))
    except (ValueError, InvalidPage):
        raise Http404("Không có trang này") from None
