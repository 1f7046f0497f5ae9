"""Counts for the entity pages and the charts: each function is one query (a
GROUP BY, or a bounded list), whatever the size of the archive. The counts
over the whole archive are stored after each import (STORED_COUNTS).

Which units count for a place is archive.scopes' rule.
"""

from __future__ import annotations

from datetime import datetime

from django.db.models import Case, Count, F, IntegerField, Max, Q, When
from django.db.models.functions import Cast, ExtractYear

from archive.models import Agreement, FacetCount, KeyTotal, Locality, Period, Role
from archive.scopes import TODAY, WRITTEN, Provinces, locality_scope
from archive.search.sql import run

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
    district also counts its communes' articles): the districts' from the
    stored totals of their places, communes' from their facts
    (directories.place_counts). Two queries at most, three with the units."""
    from archive.directories import place_counts  # the directories read these stats' models, not this module

    children = list(locality.children.order_by("sort_name"))
    place_counts(children)
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


def places_of(official, limit: int = 50) -> list[Locality]:
    """The places where `official` was seen, most articles first, each with
    its `article_count`: the official's roles counted per place first (the
    official's index rows), then those places read."""
    counts = list(
        Role.objects.visible().filter(official=official).exclude(locality=None).values("locality")
        .annotate(n=Count("article", distinct=True)).order_by("-n", "locality")[:limit]
    )
    places = Locality.objects.select_related("province").in_bulk([row["locality"] for row in counts])
    for row in counts:
        places[row["locality"]].article_count = row["n"]
    ordered = [places[row["locality"]] for row in counts]
    return sorted(ordered, key=lambda place: (-place.article_count, place.sort_name))


# The Party's terms (nhiệm kỳ) the officials of a place are grouped by: a
# year belongs to the term that starts in it or before (2020 is 2020–2025).
TERM_STARTS = (2005, 2010, 2015, 2020, 2025, 2030)


def term_of(year: int | None) -> tuple[int, int] | None:
    if year is None:
        return None
    start = max((s for s in TERM_STARTS if s <= year), default=year - (year % 5))
    return start, start + 5


def officials_by_term(locality: Locality, limit: int = 300) -> list[tuple[str, list[dict]]]:
    """Officials seen with a title in the scope of `locality`, by term,
    newest first: [(label, [{official__slug, official__name, title,
    articles, first, last}])], most articles first in each. One query:
    the `limit` largest (official, title, year) groups, counted from the
    index role_place_official before their officials are joined (joined
    first, every role of the place would read its official)."""
    groups = (
        Role.objects.visible().filter(locality_scope(locality))
        .annotate(year=ExtractYear("seen_on"))
        .values("official", "title", "year")
        .annotate(articles=Count("*")).order_by("-articles", "official", "title")[:limit]
    )
    sql, params = groups.query.sql_with_params()
    rows = [
        {"official__slug": slug, "official__name": name, "title": title, "year": year, "articles": articles}
        for slug, name, title, year, articles in run(
            f'SELECT o.slug, o.name, g.title, g.year, g.articles FROM ({sql}) AS g '
            f'JOIN archive_official o ON o.id = g.official',
            params, using=groups.db,
        )
    ]
    terms: dict[tuple[int, int] | None, dict[tuple, dict]] = {}
    for row in rows:
        term = terms.setdefault(term_of(row["year"]), {})
        key = (row["official__slug"], row["title"])
        held = term.setdefault(key, {**row, "articles": 0, "first": row["year"], "last": row["year"]})
        held["articles"] += row["articles"]
        if row["year"] is not None:
            held["first"] = min(filter(None, (held["first"], row["year"])))
            held["last"] = max(filter(None, (held["last"], row["year"])))
    result = []
    for term in sorted(terms, key=lambda t: (t is None, -(t or (0, 0))[0])):
        label = f"Nhiệm kỳ {term[0]}–{term[1]}" if term else "Không rõ thời gian"
        result.append((label, sorted(terms[term].values(), key=lambda r: (-r["articles"], r["official__name"]))))
    return result


def _province_key(era: str, prefix: str = "locality__"):
    """The province a unit counts for in `era`, before folding
    (`_folded`): today, its own post-2025 province or the one that took it
    over; as written, its own province."""
    if era != TODAY:
        return F(f"{prefix}province")
    return Case(
        When(**{f"{prefix}era": POST}, then=F(f"{prefix}province")),
        default=F(f"{prefix}successor"), output_field=IntegerField(),
    )


def _folded(counts: dict[int, int], era: str, known: Provinces) -> dict[int, int]:
    """{province id: n} with each province as `era` lists it (a post-2025
    province that continues a pre-2025 one counts as that one)."""
    folded: dict[int, int] = {}
    for pk, n in counts.items():
        unit = known.by_id.get(pk)
        if unit is not None:
            key = known.in_era(unit, era).pk
            folded[key] = folded.get(key, 0) + n
    return folded


def provinces(era: str) -> list[Locality]:
    """The provinces `era` lists, A–Z in Vietnamese order (one query)."""
    return sorted(Provinces().of_era(era), key=lambda unit: unit.sort_name)


def articles_per_province(era: str, known: Provinces | None = None) -> tuple[dict[int, int], datetime | None]:
    """({province id: articles} for every province of `era`, when they were
    counted): as stored by archive.search.stored.refresh_facet_counts (after each import),
    else counted now (when counted: None)."""
    name = f"provinces-{era or 'written'}"
    rows = list(FacetCount.objects.filter(facet=name).values_list("value", "count", "computed_at"))
    if not rows:  # never counted (or counted before these were stored)
        return count_articles_per_province(era, known), None
    return {int(value): n for value, n, _when in rows}, rows[0][2]


def count_articles_per_province(era: str, known: Provinces | None = None) -> dict[int, int]:
    """{province id: articles} for the provinces of `era` (archive.scopes.
    Provinces), from the keys' totals (KeyTotal): as written, the
    `provinces` facet keys; today, the post-2025 provinces among the places
    (ArticlePlace: a pre-2025 unit counts for the province that took it
    over). Counting the locality facts instead takes 1.4 s at a million
    articles."""
    counted = "places" if era == TODAY else "provinces"
    keys = [str(unit.pk) for unit in (known or Provinces()).of_era(era)]
    totals = KeyTotal.objects.filter(counted=counted, key__in=keys, articles__gt=0)
    return {int(key): n for key, n in totals.values_list("key", "articles")}



def articles_with_key(counted: str, key) -> int:
    """How many articles an entity's page lists: the stored total of its
    facet key (KeyTotal; `counted` is "periods", "officials",
    "organisations" or "places"), which triggers keep as the facts change."""
    total = KeyTotal.objects.filter(counted=counted, key=str(key)).values_list("articles", flat=True).first()
    return max(total or 0, 0)

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
    "provinces-written": lambda: count_articles_per_province(WRITTEN),
    "provinces-post2025": lambda: count_articles_per_province(TODAY),
    "period-articles": count_articles_per_period,
}


def _stored_or_live(name: str) -> tuple[dict[int, int], datetime | None]:
    rows = list(FacetCount.objects.filter(facet=name).values_list("value", "count", "computed_at"))
    if not rows:  # never counted (or counted before these were stored)
        return STORED_COUNTS[name](), None
    return {int(value): n for value, n, _when in rows}, rows[0][2]


def agreements_per_province(era: str, known: Provinces | None = None) -> dict[int, int]:
    """{province id: agreements placed in it}: the agreements counted per
    place from the index on their place (the rows themselves are wide),
    the places summed per province in `era` (the rule of
    `_province_key`), then the provinces folded."""
    rows = run(
        """
        SELECT CASE WHEN %(today)s AND l.era <> %(post)s THEN l.successor_id ELSE l.province_id END, sum(c.n)
        FROM (SELECT locality_id, count(*) AS n FROM archive_agreement
              WHERE locality_id IS NOT NULL GROUP BY locality_id) c
        JOIN archive_locality l ON l.id = c.locality_id
        GROUP BY 1
        """,
        {"today": era == TODAY, "post": POST},
    )
    return _folded({province: int(n) for province, n in rows}, era, known or Provinces())


def signing_table(
    era: str, max_periods: int = 8, known: Provinces | None = None
) -> tuple[list[Period], dict[tuple[int, int], dict]]:
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
        Agreement.objects.filter(locality__isnull=False, period__kind=Period.Kind.PROGRAMME)
        .values_list("period", _province_key(era))
        .annotate(
            province=Count("pk", filter=Q(locality__level=PROVINCE)),
            districts=Count(district, distinct=True),
        ).order_by()
    )
    known = known or Provinces()
    cells: dict[tuple[int, int], dict] = {}
    for period_id, province_id, own, districts in rows:
        if (unit := known.by_id.get(province_id)) is None:
            continue
        cell = cells.setdefault((known.in_era(unit, era).pk, period_id), {"province": False, "districts": 0})
        cell["province"] |= bool(own)
        cell["districts"] += districts
    period_ids = {period_id for _, period_id in cells}
    periods = list(Period.objects.filter(pk__in=period_ids).order_by("-start", "-end")[:max_periods])
    return periods, cells
