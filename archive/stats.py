"""Counts for the entity pages and the charts: each function is one query (a
GROUP BY, or a bounded list), whatever the size of the archive. The counts
over the whole archive are stored after each import (STORED_COUNTS).

Which units count for a place is archive.scopes' rule.
"""

from __future__ import annotations

from datetime import datetime

from django.db.models import Case, CharField, Count, F, IntegerField, Max, Q, When
from django.db.models.functions import Cast, ExtractYear

from archive.models import Agreement, ArticleLocality, FacetCount, KeyTotal, Locality, Period, Role
from archive.scopes import locality_scope

PROVINCE, DISTRICT, COMMUNE = Locality.Level.PROVINCE, Locality.Level.DISTRICT, Locality.Level.COMMUNE
PRE, POST = Locality.Era.PRE2025, Locality.Era.POST2025

LIST_LIMIT = 100  # agreements, officials on a place page: the rest is in the lists and exports


def year_counts(queryset) -> dict[int, int]:
    """{year: articles} over `queryset`, one GROUP BY (undated articles left out)."""
    rows = (
        queryset.order_by().exclude(published_on=None).annotate(year=ExtractYear("published_on"))
        .values_list("year").annotate(n=Count("pk")).order_by("year")
    )
    return dict(rows)


def children_with_counts(locality: Locality) -> list[Locality]:
    """The units directly under `locality`, each with `article_count` (a
    district also counts its communes' articles). Two queries."""
    children = list(locality.children.order_by("sort_name"))
    if not children:
        return []
    child = Case(
        When(locality__parent=locality, then=F("locality")),
        default=F("locality__parent"), output_field=IntegerField(),
    )
    counts = dict(
        ArticleLocality.objects.visible()
        .filter(Q(locality__parent=locality) | Q(locality__parent__parent=locality, locality__level=COMMUNE))
        .values_list(child).annotate(n=Count("article", distinct=True)).order_by()
    )
    for unit in children:
        unit.article_count = counts.get(unit.pk, 0)
    return sorted(children, key=lambda unit: -unit.article_count)  # stable: by name among equals


def agreements_in(locality: Locality, limit: int = LIST_LIMIT):
    """Agreements placed in the scope of `locality`, newest period first (one query)."""
    return (
        Agreement.objects.filter(locality_scope(locality)).select_related("period", "locality")
        .order_by(F("period__start").desc(nulls_last=True), "sort_name", "pk")[:limit]
    )


def officials_in(locality: Locality, limit: int = LIST_LIMIT) -> list[dict]:
    """Officials seen with a title in the scope of `locality`: one row per
    (official, title) with the number of articles and the last date seen.
    An article has an official with a title once (the role's unique
    constraint), so its rows are its articles: counted without DISTINCT,
    from the index role_place_official alone (a province's officials at 1M
    would otherwise read every role of the archive)."""
    return list(
        Role.objects.visible().filter(locality_scope(locality))
        .values("official__slug", "official__name", "title")
        .annotate(articles=Count("*"), last_seen=Max("seen_on"))
        .order_by("-articles", "official__sort_name", "title")[:limit]
    )


def _province_key(era: str, prefix: str = "locality__"):
    """The province a unit counts for in `era`: its own province (pre-2025
    units, post-2025 units) or, for a pre-2025 unit in the post-2025 view, the
    province that took it over."""
    if era == PRE:
        return F(f"{prefix}province")
    return Case(
        When(**{f"{prefix}era": POST}, then=F(f"{prefix}province")),
        default=F(f"{prefix}successor"), output_field=IntegerField(),
    )


def _era_filter(era: str, prefix: str = "locality__") -> Q:
    return Q(**{f"{prefix}era": PRE}) if era == PRE else Q()


def provinces(era: str):
    return provinces_of(era).order_by("sort_name")


def provinces_of(era: str):
    return Locality.objects.filter(era=era, level=PROVINCE)


def articles_per_province(era: str) -> tuple[dict[int, int], datetime | None]:
    """({province id: articles} for every province of `era`, when they were
    counted): as stored by archive.search.stored.refresh_facet_counts (after each import),
    else counted now (when counted: None)."""
    return _stored_or_live(f"provinces-{era}")


def count_articles_per_province(era: str) -> dict[int, int]:
    """{province id: articles} for the provinces of `era`, from the keys'
    totals of ArticlePlace's places (KeyTotal): an article counts for the
    province of each visible locality in the locality's era, and for the
    post-2025 province that took a pre-2025 one over, the rule `_province_key`
    states. Counting the locality facts instead takes 1.4 s at a million
    articles."""
    provinces = provinces_of(era).annotate(key=Cast("pk", CharField())).values("key")
    totals = KeyTotal.objects.filter(counted="places", key__in=provinces, articles__gt=0)
    return {int(key): n for key, n in totals.values_list("key", "articles")}


def articles_per_period() -> tuple[dict[int, int], datetime | None]:
    """({period id: articles}, when they were counted), like articles_per_province."""
    return _stored_or_live("period-articles")


def count_articles_per_period() -> dict[int, int]:
    """{period id: articles with a visible period of its years}, from the
    keys' totals (KeyTotal): what the period's page lists, a programme's and
    a term of the same years together. Counting the period facts instead
    takes 0.7 s at a million articles."""
    totals = dict(KeyTotal.objects.filter(counted="periods", articles__gt=0).values_list("key", "articles"))
    spans = Period.objects.values_list("pk", "start", "end")
    return {pk: totals[key] for pk, start, end in spans if (key := str(start * 10000 + end)) in totals}


# Whole-archive counts that pages show and that take seconds at a million
# articles: counted after each import with the home page's facets
# (archive.search.stored.refresh_facet_counts) and stored as FacetCount rows
# under these names, one row per key.
STORED_COUNTS = {
    "provinces-pre2025": lambda: count_articles_per_province(PRE),
    "provinces-post2025": lambda: count_articles_per_province(POST),
    "period-articles": count_articles_per_period,
}


def _stored_or_live(name: str) -> tuple[dict[int, int], datetime | None]:
    rows = list(FacetCount.objects.filter(facet=name).values_list("value", "count", "computed_at"))
    if not rows:  # never counted (or counted before these were stored)
        return STORED_COUNTS[name](), None
    return {int(value): n for value, n, _when in rows}, rows[0][2]


def agreements_per_province(era: str) -> dict[int, int]:
    """{province id: agreements placed in it}: one GROUP BY."""
    return dict(
        Agreement.objects.filter(_era_filter(era), locality__isnull=False)
        .values_list(_province_key(era)).annotate(n=Count("pk")).order_by()
    )


def signing_table(era: str, max_periods: int = 8) -> tuple[list[Period], dict[tuple[int, int], dict]]:
    """Which provinces have a programme of each period: ({(province id,
    period id): {"province": bool, "districts": n}}). The province's own
    programme is one placed at the province; `districts` counts the pre-2025
    districts with one (a commune's counts for its district). Two queries."""
    district = Case(
        When(locality__level=DISTRICT, then=F("locality")),
        When(locality__level=COMMUNE, locality__parent__level=DISTRICT, then=F("locality__parent")),
        output_field=IntegerField(),
    )
    rows = (
        Agreement.objects.filter(_era_filter(era), locality__isnull=False, period__kind=Period.Kind.PROGRAMME)
        .values_list("period", _province_key(era))
        .annotate(
            province=Count("pk", filter=Q(locality__level=PROVINCE)),
            districts=Count(district, distinct=True),
        ).order_by()
    )
    cells = {
        (province_id, period_id): {"province": bool(own), "districts": districts}
        for period_id, province_id, own, districts in rows
        if province_id is not None
    }
    period_ids = {period_id for _, period_id in cells}
    periods = list(Period.objects.filter(pk__in=period_ids).order_by("-start", "-end")[:max_periods])
    return periods, cells
