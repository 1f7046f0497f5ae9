"""What every facet of the search page is (FacetDef; the list of them is
archive.search.facets.FACETS)."""

from __future__ import annotations

FACET_SIZE = 30  # values shown per facet (all of them for short facets)

Rows = list[tuple[str, str, int]]  # (value, label, articles), in the order shown


class FacetDef:
    """One facet of the search page. `counted` names what it counts in the
    facet keys; `ignores` the filters its counts do not apply (its own: a
    facet offers the other values of itself too)."""

    name = ""  # the URL parameter
    title = ""  # the heading
    counted = ""
    stored = True  # counted over the whole archive after each import
    key = ""  # what its stored counts are kept under (FacetCount.facet), when not `name`

    @property
    def stored_as(self) -> str:
        return self.key or self.name

    def active(self, values: dict) -> bool:
        """Whether the facet reads its parameter under these values (two
        facets may read one parameter, in different eras)."""
        return True

    @property
    def ignores(self) -> tuple[str, ...]:
        return (self.name,)

    def shown(self, values: dict) -> bool:
        return True

    def parameter(self):
        """The django-filter Filter that reads the URL parameter."""
        raise NotImplementedError

    def narrow(self, queryset, chosen, values: dict):
        """`queryset` narrowed to the articles with any of `chosen` (the
        cleaned values); `values` holds every cleaned parameter."""
        raise NotImplementedError

    def url_values(self, chosen) -> list[str]:
        return list(chosen)

    def labels(self, chosen) -> dict[str, str]:
        """Labels of chosen values, for those the counts do not list."""
        return {}

    def count_sql(self) -> tuple[str, list]:
        """A branch of the counting query over the sample `s`: rows
        ('<counted>', key, articles)."""
        return f"SELECT '{self.counted}', k::text, count(*) FROM s, unnest(s.{self.counted}) AS k GROUP BY k", []

    def rows(self, counts: list[tuple[str, int]], values: dict) -> Rows:
        raise NotImplementedError

    def from_totals(self, totals: list[tuple[str, int]]) -> list[tuple[str, int]]:
        """What count_sql would count over the whole archive, from the keys'
        totals (KeyTotal: articles per key of `counted`)."""
        return totals
