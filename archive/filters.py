"""The search page's parameters: the query text, the facets, the sort order.

Every parameter is lenient: an unknown or malformed value is dropped, never an
error, so a stale or hand-edited URL still shows a page. Several values of one
facet combine with OR, facets with AND; every facet filter is an EXISTS over
the fact table it reads (or, for a single place, a join on ArticlePlace's
unique rows), so no filter duplicates rows and hidden facts (removed by a
curator) never count.
"""

import re
from functools import cached_property

import django_filters
from django import forms
from django.db.models import Exists, F, OuterRef, Q

from archive import search
from archive.models import (
    Article,
    ArticleAgreement,
    ArticleOrganisation,
    ArticlePlace,
    Locality,
    Official,
    Organisation,
)

MAX_VALUES = 20  # per facet: more is not a search anyone means
_SLUG = re.compile(r"[-a-zA-Z0-9_]{1,160}")
_PERIOD = re.compile(r"((?:19|20)\d\d)-((?:19|20)\d\d)")


def _as_list(value) -> list[str]:
    if value is None:
        return []
    values = value if isinstance(value, (list, tuple)) else [value]
    return list(dict.fromkeys(v for v in values if isinstance(v, str) and v))[:MAX_VALUES]


class LenientChoicesField(forms.MultipleChoiceField):
    """Keeps the known values, drops the others."""

    widget = forms.MultipleHiddenInput

    def clean(self, value):
        return [v for v in _as_list(value) if self.valid_value(v)]


class LenientEntitiesField(forms.ModelMultipleChoiceField):
    """The entities whose `to_field_name` is among the values (one query);
    unknown values are dropped."""

    widget = forms.MultipleHiddenInput

    def clean(self, value):
        values = [v for v in _as_list(value) if _SLUG.fullmatch(v)]
        if not values:
            return []
        return list(self.queryset.filter(**{f"{self.to_field_name}__in": values}))


class YearsField(LenientChoicesField):
    def valid_value(self, value):
        return value.isdecimal() and 1900 <= int(value) <= 2100  # not isdigit: "¹" is a digit int() refuses

    def clean(self, value):
        return sorted({int(v) for v in super().clean(value)})


class PeriodsField(LenientChoicesField):
    def valid_value(self, value):
        match = _PERIOD.fullmatch(value)
        return bool(match) and int(match.group(1)) <= int(match.group(2))

    def clean(self, value):
        return [tuple(int(part) for part in v.split("-")) for v in super().clean(value)]


class QueryField(forms.CharField):
    """Any text: control characters become spaces (Postgres refuses NUL),
    and a very long query is cut rather than refused."""

    def clean(self, value):
        value = value if isinstance(value, str) else ""
        return re.sub(r"[\x00-\x1f\x7f]", " ", value)[: search.MAX_QUERY_CHARS].strip()


class QueryFilter(django_filters.CharFilter):
    field_class = QueryField


class SortField(forms.ChoiceField):
    def clean(self, value):
        return value if isinstance(value, str) and self.valid_value(value) else ""


class EntitiesFilter(django_filters.ModelMultipleChoiceFilter):
    field_class = LenientEntitiesField


class ChoicesFilter(django_filters.MultipleChoiceFilter):
    field_class = LenientChoicesField


class YearsFilter(django_filters.Filter):
    field_class = YearsField


class PeriodsFilter(django_filters.Filter):
    field_class = PeriodsField


class SortFilter(django_filters.Filter):
    field_class = SortField


# What an article reports about an agreement, as the facet offers it: an
# article that reviews one programme and signs the next counts for both.
EVENT_KINDS = {
    "sign": ("Ký kết", [ArticleAgreement.Kind.SIGN, ArticleAgreement.Kind.BOTH]),
    "review": ("Sơ kết, tổng kết", [ArticleAgreement.Kind.REVIEW, ArticleAgreement.Kind.BOTH]),
    "plan": ("Kế hoạch năm", [ArticleAgreement.Kind.PLAN]),
}
SORTS = [("relevance", "Liên quan nhất"), ("date", "Mới nhất")]


def _facts(model, **conditions):
    return model.objects.filter(article=OuterRef("pk"), hidden=False, **conditions)


def province_scope(provinces) -> Q:
    """Localities that count for these provinces: units whose province (in
    their own era) is one of them, and pre-2025 units whose territory went to
    one of them on 1 July 2025 (`successor`)."""
    return Q(locality__province__in=provinces) | Q(locality__successor__in=provinces)


def district_scope(districts) -> Q:
    return Q(locality__in=districts) | Q(locality__parent__in=districts, locality__level=Locality.Level.COMMUNE)


def in_places(queryset, places):
    """The articles of `queryset` that count for any of `places` (provinces
    or districts, by the scopes above: ArticlePlace holds them).

    For a single place this is a join that also carries the article's date as
    `place_date`, so that date order (archive.search.newest_first) reads that
    place's index newest first: at a million articles, walking the archive's
    date index until a province's articles turn up takes seconds when they
    are old ones. Several places take an EXISTS, so no article comes twice."""
    if len(places) == 1 and "place_date" not in queryset.query.annotations:
        return queryset.filter(place_rows__place=places[0]).annotate(place_date=F("place_rows__published_on"))
    return queryset.filter(Exists(ArticlePlace.objects.filter(article=OuterRef("pk"), place__in=places)))


def with_facet_keys(queryset, field: str, keys: list[int]):
    """The articles of `queryset` whose facet keys (ArticleFacetKeys) hold
    any of `keys` in `field` ("periods": start × 10000 + end, "officials"
    or "organisations": ids), with the article's date beside them as `key_date`, which date
    order (archive.search.newest_first) then reads.

    Why not EXISTS over the facts: at a million articles, listing a period
    or an official newest first walked the article date index, probing
    each article's facts, until the 20th match turned up; for the articles
    of a past term, "giai đoạn 2010-2014" or an official of 2020-2024, that
    is every newer article first (0.7-7 s). The GIN index on the keys finds
    the matches, and their narrow rows are sorted by date: the cost grows
    with the list, whatever its years (~100 ms for the largest period at
    1M, 78,550 articles; docs/performance.md, session 8)."""
    queryset = queryset.filter(**{f"facet_keys__{field}__overlap": keys})
    if "key_date" in queryset.query.annotations:
        return queryset
    return queryset.annotate(key_date=F("facet_keys__published_on"))


class ArticleFilter(django_filters.FilterSet):
    q = QueryFilter(method="filter_text")
    province = EntitiesFilter(
        queryset=Locality.objects.filter(level=Locality.Level.PROVINCE), to_field_name="slug", method="filter_province"
    )
    district = EntitiesFilter(
        queryset=Locality.objects.filter(level=Locality.Level.DISTRICT).select_related("province"),
        to_field_name="slug", method="filter_district",
    )
    year = YearsFilter(method="filter_year")
    period = PeriodsFilter(method="filter_period")
    kind = ChoicesFilter(choices=[(k, label) for k, (label, _) in EVENT_KINDS.items()], method="filter_kind")
    org = ChoicesFilter(choices=Organisation.Kind.choices, method="filter_org")
    official = EntitiesFilter(queryset=Official.objects.all(), to_field_name="slug", method="filter_official")
    sort = SortFilter(choices=SORTS, method="filter_sort")

    FACETS = ["province", "district", "year", "period", "kind", "org", "official"]

    class Meta:
        model = Article
        fields = []

    @cached_property
    def parsed(self) -> search.ParsedQuery:
        return search.parse(self.values.get("q") or "")

    @property
    def values(self) -> dict:
        """The cleaned parameters (after validation)."""
        self.errors  # noqa: B018 - runs validation
        return self.form.cleaned_data

    @property
    def sort_order(self) -> str:
        return self.values.get("sort") or ("relevance" if self.parsed.has_text else "date")

    def filter_text(self, queryset, name, value):
        return search.search(queryset, self.parsed, ranked=self.sort_order == "relevance")

    def filter_province(self, queryset, name, provinces):
        # A district is chosen inside a province: the district narrows, the
        # province then only decides which districts the facet offers.
        if self.values.get("district"):
            return queryset
        return in_places(queryset, provinces)

    def filter_district(self, queryset, name, districts):
        return in_places(queryset, districts)

    def filter_year(self, queryset, name, years):
        when = Q()
        for year in years:
            when |= Q(published_on__year=year)
        return queryset.filter(when)

    def filter_period(self, queryset, name, periods):
        return with_facet_keys(queryset, "periods", [start * 10000 + end for start, end in periods])

    def filter_kind(self, queryset, name, kinds):
        stored = {k for kind in kinds for k in EVENT_KINDS[kind][1]}
        return queryset.filter(Exists(_facts(ArticleAgreement, kind__in=stored)))

    def filter_org(self, queryset, name, kinds):
        return queryset.filter(Exists(_facts(ArticleOrganisation, organisation__kind__in=kinds)))

    def filter_official(self, queryset, name, officials):
        return with_facet_keys(queryset, "officials", [official.pk for official in officials])

    def filter_sort(self, queryset, name, value):
        return queryset  # applied last, in `qs`

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if self.sort_order == "date":
            queryset = search.newest_first(queryset)
        return queryset

    def export_queryset(self):
        """The matches as an export (archive.exports) writes them: in the
        page's order, except that a broad query ranked by relevance is written
        newest first, as "Mới nhất" lists it. Ranking every match of a broad
        query before the first row takes minutes at 1M, and the statement
        timeout would end the download midway; the page itself ranks only
        the newest WINDOW matches of such a query (search.Listing)."""
        matches = self.qs
        if self.sort_order == "relevance" and self.parsed.has_text and search.estimate(matches) > search.BROAD:
            data = self.data.copy()
            data["sort"] = "date"
            return type(self)(data, queryset=self.queryset).qs
        return matches

    def queryset_without(self, facet: str):
        """The results as they would be without `facet`'s own filter: what that
        facet counts over (unordered)."""
        queryset = self.queryset.all()
        for name, value in self.values.items():
            if name in (facet, "sort") or value in django_filters.constants.EMPTY_VALUES:
                continue
            if facet == "district" and name == "province":
                continue  # the district facet lists the districts of the chosen provinces
            queryset = self.filters[name].filter(queryset, value)
        return queryset.order_by()
