"""The search page's parameters: the query text, the facets, the sort order,
and how the text is read.

Lenient (archive.params): an unknown or malformed value is dropped, never an
error. Several values of one facet combine with OR, facets with AND; every
facet filter is an EXISTS over the fact table it reads, a join on
ArticlePlace's unique rows for a single place, or an overlap of the facet
keys, so no filter duplicates rows and hidden facts never count.

The query is read strictly (archive/search/query.py); when that finds nothing
under the chosen facets, the next, wider reading is taken, and the page says
so. A query that is an entity's name lists the entity's articles; the same
words quoted are read as a phrase only.
"""

from functools import cached_property

from archive.params import LenientFilterSet, QueryFilter, SortFilter
from archive.models import Article
from archive.scopes import PROVINCE_ERAS, Provinces, era_of, newest_first
from archive.search.facets import FACETS, FacetDef
from archive.search import listing
from archive.search.entities import ArchiveLexicon, named_officials
from archive.search.matching import place_reading
from archive.search.matching import search
from archive.search.query import ParsedQuery, parse

SORTS = [("relevance", "Liên quan nhất"), ("date", "Mới nhất")]


class ArticleFilter(LenientFilterSet):
    """`q` and `sort`, and one parameter per facet of FACETS."""

    q = QueryFilter()
    sort = SortFilter(choices=SORTS)
    era = SortFilter(choices=PROVINCE_ERAS)  # which provinces `province` names and the facet lists

    class Meta:
        model = Article
        fields = []

    @classmethod
    def get_filters(cls):
        filters = super().get_filters()
        filters.update({facet.name: facet.parameter() for facet in FACETS})
        return filters

    @property
    def values(self) -> dict:
        """The cleaned parameters, the chosen provinces as the chosen era
        lists them (a pre-2025 province today: the one that took it over)."""
        values = super().values
        if not getattr(self, "_provinces_in_era", False):
            self._provinces_in_era = True
            if chosen := values.get("province"):
                known = Provinces.of(values)
                era = era_of(values.get("era"))
                values["province"] = list({unit.pk: unit for unit in (known.in_era(p, era) for p in chosen)}.values())
        return values

    @cached_property
    def parsed(self) -> ParsedQuery:
        """The query as read: strictly, or the first wider reading that finds
        something under the chosen facets (one bounded query per reading
        tried; none when the strict one finds something)."""
        parsed = parse(self.values.get("q") or "", lexicon=ArchiveLexicon())
        if named_officials(parsed) or place_reading(parsed):
            return parsed  # a name the archive knows: read as that entity, never widened
        while parsed.has_text and (wider := parsed.wider()) is not None:
            if self._narrowed(self.queryset.all(), parsed=parsed, ranked=False).order_by().exists():
                break
            parsed = wider
        return parsed

    @property
    def sort_order(self) -> str:
        return self.values.get("sort") or ("relevance" if self.parsed.has_text else "date")

    def filter_queryset(self, queryset):
        queryset = self._narrowed(queryset)
        if self.sort_order == "date":
            queryset = newest_first(queryset)
        return queryset

    def _narrowed(self, queryset, ignored: tuple[str, ...] = (), parsed: ParsedQuery | None = None, ranked=None):
        """`queryset` narrowed to the query (`parsed`, else the query as
        read) and the chosen facets but `ignored`."""
        values = self.values
        if values.get("q"):
            if parsed is None:
                parsed, ranked = self.parsed, self.sort_order == "relevance"
            queryset = search(queryset, parsed, ranked=ranked)
        for facet in FACETS:
            if facet.name not in ignored and facet.active(values) and (chosen := values.get(facet.name)):
                queryset = facet.narrow(queryset, chosen, values)
        return queryset

    def plainly_read(self):
        """The matches newest first with the query read from the dictionary
        alone: no look-up of names, no entity, no widening. What a page out
        of time lists (archive.results), when those look-ups may be what
        took the time."""
        parsed = parse(self.values.get("q") or "", entity_reading=False)
        return newest_first(self._narrowed(self.queryset.all(), parsed=parsed, ranked=False))

    def queryset_without(self, facet: FacetDef):
        """The results as they would be without the filters `facet` ignores:
        what that facet counts over (unordered)."""
        return self._narrowed(self.queryset.all(), facet.ignores).order_by()

    def export_queryset(self):
        """The matches as an export (archive.exports) writes them: in the
        page's order, except that a broad query ranked by relevance is written
        newest first, as "Mới nhất" lists it. Ranking every match of a broad
        query before the first row takes minutes at 1M, and the statement
        timeout would end the download midway; the page itself ranks only
        the newest WINDOW matches of such a query (archive.search.listing)."""
        matches = self.qs
        if self.sort_order == "relevance" and self.parsed.has_text and listing.estimate(matches) > listing.BROAD:
            data = self.data.copy()
            data["sort"] = "date"
            return type(self)(data, queryset=self.queryset).qs
        return matches
