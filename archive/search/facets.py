"""The search page's facets, declared once.

FACETS lists every facet: its URL parameter, its heading, how the parameter
is read and narrows the list (the filter, archive.search.filters), what it
counts in each article's facet keys (ArticleFacetKeys, kept by
archive/sql/facet_keys.sql) and whether its counts over the whole archive
are stored after each import (archive.search.stored). To add a facet: an
entry here, and its column in ArticleFacetKeys and facet_keys.sql.

Facets count the facet keys of a list's newest WINDOW articles (all of them
when there are fewer), each under the other facets' filters: one query per
distinct sample, reading one row per article (docs/search.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from urllib.parse import urlencode

from django.db.models import Exists, Q
from django.http import QueryDict

from archive.models import (
    ArticleAgreement,
    ArticleFacetKeys,
    ArticleOrganisation,
    FacetCount,
    Official,
    Organisation,
)
from archive.params import ChoicesFilter, EntitiesFilter, PeriodsFilter, YearsFilter
from archive.scopes import TODAY, WRITTEN, facts_of, with_facet_keys
from archive.search.facet_base import FACET_SIZE, FacetDef, Rows  # noqa: F401 - FacetDef, Rows: used by importers
from archive.search.place_facets import PlaceFacet, ProvinceFacet, era_switch
from archive.search.sql import ids_literal, pk_array, run


# What an article reports about an agreement, as the facet offers it: an
# article that reviews one programme and signs the next counts for both.
EVENT_KINDS = {
    "sign": ("Ký kết", [ArticleAgreement.Kind.SIGN, ArticleAgreement.Kind.BOTH]),
    "review": ("Sơ kết, tổng kết", [ArticleAgreement.Kind.REVIEW, ArticleAgreement.Kind.BOTH]),
    "plan": ("Kế hoạch năm", [ArticleAgreement.Kind.PLAN]),
}



# -- The facets ------------------------------------------------------------------


class YearFacet(FacetDef):
    name, title, counted = "year", "Năm", "year"

    def parameter(self):
        return YearsFilter()

    def narrow(self, queryset, chosen, values):
        when = Q()
        for year in chosen:
            when |= Q(published_on__year=year)
        return queryset.filter(when)

    def url_values(self, chosen):
        return [str(year) for year in chosen]

    def count_sql(self):
        return "SELECT 'year', year::text, count(*) FROM s WHERE year IS NOT NULL GROUP BY year", []

    def rows(self, counts, values):
        return [(year, year, n) for year, n in sorted(counts, key=lambda row: -int(row[0]))]


class PeriodFacet(FacetDef):
    """Periods are keyed start × 10000 + end (20212025) in the facet keys."""

    name, title, counted = "period", "Giai đoạn", "periods"

    def parameter(self):
        return PeriodsFilter()

    def narrow(self, queryset, chosen, values):
        return with_facet_keys(queryset, "periods", [start * 10000 + end for start, end in chosen])

    def url_values(self, chosen):
        return [f"{start}-{end}" for start, end in chosen]

    def rows(self, counts, values):
        spans = sorted(((int(key), n) for key, n in counts), key=lambda row: (-row[1], -row[0]))
        return [
            (f"{s}-{e}", f"{s}" if s == e else f"{s}–{e}", n)
            for s, e, n in ((span // 10000, span % 10000, n) for span, n in spans[:FACET_SIZE])
        ]


class EventKindFacet(FacetDef):
    name, title, counted = "kind", "Sự kiện", "kinds"

    def parameter(self):
        return ChoicesFilter(choices=[(key, label) for key, (label, _kinds) in EVENT_KINDS.items()])

    def narrow(self, queryset, chosen, values):
        stored = {kind for key in chosen for kind in EVENT_KINDS[key][1]}
        return queryset.filter(Exists(facts_of(ArticleAgreement, kind__in=stored)))

    def labels(self, chosen):
        return {key: label for key, (label, _kinds) in EVENT_KINDS.items()}

    def count_sql(self):
        branches, params = [], []
        for key, (_label, kinds) in EVENT_KINDS.items():
            branches.append("SELECT 'kinds', %s, count(*) FROM s WHERE s.kinds::text[] && %s::text[]")
            params += [key, [str(kind) for kind in kinds]]
        return " UNION ALL ".join(branches), params

    def rows(self, counts, values):
        n_of = dict(counts)
        return [(key, label, n_of[key]) for key, (label, _kinds) in EVENT_KINDS.items() if n_of.get(key)]

    def from_totals(self, totals):
        # Totals are per combination of kinds ("{both,sign}"): an article
        # counts for an event when any of its kinds is one of the event's.
        combinations = [(set(key.strip("{}").split(",")), n) for key, n in totals]
        counts = []
        for key, (_label, kinds) in EVENT_KINDS.items():
            wanted = {str(kind) for kind in kinds}
            counts.append((key, sum(n for combination, n in combinations if combination & wanted)))
        return counts


class OrganisationKindFacet(FacetDef):
    name, title, counted = "org", "Loại cơ quan", "org_kinds"

    def parameter(self):
        return ChoicesFilter(choices=Organisation.Kind.choices)

    def narrow(self, queryset, chosen, values):
        return queryset.filter(Exists(facts_of(ArticleOrganisation, organisation__kind__in=chosen)))

    def labels(self, chosen):
        return dict(Organisation.Kind.choices)

    def rows(self, counts, values):
        kinds = dict(Organisation.Kind.choices)
        return [(key, kinds.get(key, key), n) for key, n in sorted(counts, key=lambda row: (-row[1], row[0]))]


class OfficialFacet(FacetDef):
    """The FACET_SIZE officials named in most of the sample (ties at the cut
    go by id)."""

    name, title, counted = "official", "Cán bộ", "officials"

    def parameter(self):
        return EntitiesFilter(queryset=Official.objects.all(), to_field_name="slug")

    def narrow(self, queryset, chosen, values):
        return with_facet_keys(queryset, "officials", [official.pk for official in chosen])

    def url_values(self, chosen):
        return [official.slug for official in chosen]

    def labels(self, chosen):
        return {official.slug: official.name for official in chosen}

    def count_sql(self):
        return (
            "(SELECT 'officials', k::text, count(*) FROM s, unnest(s.officials) AS k "
            f"GROUP BY k ORDER BY count(*) DESC, k LIMIT {FACET_SIZE})"
        ), []

    def from_totals(self, totals):
        return sorted(totals, key=lambda total: (-total[1], int(total[0])))[:FACET_SIZE]

    def rows(self, counts, values):
        n_of = {int(key): n for key, n in counts}
        officials = Official.objects.filter(pk__in=list(n_of)).values_list("pk", "slug", "name")
        return sorted(((slug, name, n_of[pk]) for pk, slug, name in officials), key=lambda row: (-row[2], row[1]))


# In the order the page shows them and the filter applies them.
FACETS: list[FacetDef] = [
    ProvinceFacet(WRITTEN),
    ProvinceFacet(TODAY),
    PlaceFacet(),
    YearFacet(),
    PeriodFacet(),
    EventKindFacet(),
    OrganisationKindFacet(),
    OfficialFacet(),
]
FACET_NAMES = [facet.name for facet in FACETS]
STORED_FACETS = [facet.stored_as for facet in FACETS if facet.stored]


# -- Counting --------------------------------------------------------------------


def key_counts(sample: list[int] | None, facets: list[FacetDef]) -> dict[str, list[tuple[str, int]]]:
    """{counted: [(key, articles)]} for what `facets` count over the
    articles of `sample` (None: every article), from their ArticleFacetKeys
    rows: one query for all of them, reading one row per article."""
    by_counted = {facet.counted: facet for facet in facets}
    branches, params = [], []
    for facet in by_counted.values():
        sql, branch_params = facet.count_sql()
        branches.append(sql)
        params += branch_params
    table = ArticleFacetKeys._meta.db_table
    if sample is None:
        rows_of = f"SELECT * FROM {table}"
    else:
        rows_of = f"SELECT * FROM {table} WHERE article_id = ANY(%s::bigint[])"
        params.insert(0, ids_literal(sample))
    counts = {counted: [] for counted in by_counted}
    if branches:
        sql = f"WITH s AS MATERIALIZED ({rows_of}) " + " UNION ALL ".join(branches)
        for counted, key, n in run(sql, params):
            counts[counted].append((key, n))
    return counts


# -- What the page shows ----------------------------------------------------------


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False
    link: tuple = ()  # toggle_url's arguments for `url`

    @cached_property
    def url(self) -> str:
        """The page with this value toggled. Built when shown: the home page
        shows its facets from a cached fragment, and ~600 links cost ~12 ms."""
        return toggle_url(*self.link) if self.link else ""


@dataclass
class Facet:
    name: str  # the URL parameter
    title: str
    values: list[FacetValue]
    switch: list = field(default_factory=list)  # (label, url, current): the province list's eras

    @property
    def selected(self):
        return [v for v in self.values if v.selected]


def toggle_url(params, name: str, values: list[str]) -> str:
    """The current URL with parameter `name` set to `values`, back on page 1.
    (What {% querystring %} does, for a parameter named at run time.)"""
    pairs, placed = [], False
    for key, current in params.lists():  # QueryDict.copy() would deep-copy it, once per link
        if key == "page":
            continue
        if key == name:
            current, placed = values, True
        pairs += [(key, value) for value in current]
    if not placed and name != "page":
        pairs += [(name, value) for value in values]
    return "?" + urlencode(pairs)


def facets(listing, raw_params) -> list[Facet]:
    """Every facet shown for `listing` (archive.search.listing.Listing),
    each counted under the other facets' filters (and the query), over the
    listing's samples, or from the stored counts for the whole archive."""
    filterset = listing.filterset
    values = filterset.values
    stored = listing.stored
    shown = [facet for facet in FACETS if facet.active(values) and facet.shown(values)]

    # Which sample each facet counts over: the list's own, or the list
    # without the filters it ignores when one of them is chosen. Keyed by
    # the sample list itself (listing.sample returns the same list for the
    # same query): identity, not a comparison of 1,000 ids.
    by_sample: dict[int, tuple[list[int] | None, list[FacetDef]]] = {}
    sample_of = {}
    own = None  # the list's own sample, looked up once (its key is the query's SQL, compiled)
    for facet in shown:
        if stored and facet.stored:
            continue
        if any(values.get(name) for name in facet.ignores):
            pks = listing.sample(filterset.queryset_without(facet))
        else:
            pks = own = own if own is not None else listing.sample(listing.matches)
        by_sample.setdefault(id(pks), (pks, []))[1].append(facet)
        sample_of[facet.name] = id(pks)
    counts_of = {key: key_counts(pks, counted) for key, (pks, counted) in by_sample.items()}

    # Links are built from the understood parameters only: an unknown value
    # in the URL is not carried on.
    params = QueryDict(mutable=True)
    if values.get("q"):
        params["q"] = values["q"]
    if values.get("sort") and "sort" in raw_params:
        params["sort"] = values["sort"]
    if values.get("era"):
        params["era"] = values["era"]
    for facet in FACETS:
        if facet.active(values) and (chosen := values.get(facet.name)):
            params.setlist(facet.name, facet.url_values(chosen))

    result = []
    for facet in shown:
        if stored and facet.stored:
            rows = stored[facet.stored_as]
        else:
            rows = facet.rows(counts_of[sample_of[facet.name]][facet.counted], values)
        chosen = values.get(facet.name) or []
        selected = facet.url_values(chosen)
        counted = {value: (label, n) for value, label, n in rows}
        labels = facet.labels(chosen)
        for value in selected:  # chosen values stay visible, even at 0
            if value not in counted:
                counted[value] = (labels.get(value, value), 0)
        facet_values = []
        for value, (label, n) in counted.items():
            is_selected = value in selected
            toggled = [v for v in selected if v != value] if is_selected else [*selected, value]
            facet_values.append(FacetValue(value, label, n, is_selected, (params, facet.name, toggled)))
        switch = era_switch(params, values) if isinstance(facet, ProvinceFacet) else []
        result.append(Facet(facet.name, facet.title, facet_values, switch))
    return result


def stored_facet_counts():
    """({facet: [(value, label, count)]}, articles, when counted) from the
    FacetCount rows; (None, None, None) when they were never computed. One
    query."""
    # Tuples: ~150 model instances took ~10 ms.
    rows = list(
        FacetCount.objects.order_by("facet", "position").values_list("facet", "value", "label", "count", "computed_at")
    )
    if not rows:
        return None, None, None
    stored = {name: [] for name in STORED_FACETS}
    total = 0
    for facet, value, label, count, _computed_at in rows:
        if facet == "":
            total = count
        elif facet in stored:
            stored[facet].append((value, label, count))
    return stored, total, rows[0][4]
