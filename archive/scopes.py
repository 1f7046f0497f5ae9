"""Which articles a place, a period, an official or an organisation covers,
what "visible" means, and date order: the one place these rules live. The
pages, the search's filter, the counts, the feeds, the API and the admin all
call these.

- Visible: an article a curator deleted (`Article.hidden`, a tombstone)
  shows nowhere: every public list starts from `Article.objects.visible()`,
  and its facts are hidden with it (archive.curation.deletion). A fact a
  curator hid (`Fact.hidden`) counts nowhere (`Fact.objects.visible()`,
  `facts_of`).
- A province covers its own units in their era and, for a post-2025 province,
  the pre-2025 units whose territory it took over on 1 July 2025
  (`Locality.successor`); a district covers its communes. The derived table
  ArticlePlace holds the result per article (archive/sql/places.sql applies
  the same rule in SQL), so a place's list reads its own rows.
- Newest first: by the article's date (undated articles last), then id;
  a list narrowed to one place, period, official or organisation is ordered
  by the copy of the date beside its index rows.
"""

from django.db.models import Exists, F, OuterRef, Q

from archive.models import Article, ArticleLocality, ArticlePlace, Locality

PROVINCE, DISTRICT = Locality.Level.PROVINCE, Locality.Level.DISTRICT


def facts_of(model, **conditions):
    """The visible facts of `model` of the outer article: for Exists(...)."""
    return model.objects.visible().filter(article=OuterRef("pk"), **conditions)


def province_scope(provinces) -> Q:
    """Over a `locality` field: the units that count for these provinces."""
    return Q(locality__province__in=provinces) | Q(locality__successor__in=provinces)


def district_scope(districts) -> Q:
    """Over a `locality` field: these districts and their communes."""
    return Q(locality__in=districts) | Q(locality__parent__in=districts, locality__level=Locality.Level.COMMUNE)


def locality_scope(locality: Locality) -> Q:
    """Over a `locality` field: the units whose facts count for `locality`
    (ArticleLocality, Role and Agreement alike)."""
    if locality.level == PROVINCE:
        return province_scope([locality])
    if locality.level == DISTRICT:
        return district_scope([locality])
    return Q(locality=locality)


def in_places(queryset, places):
    """The articles of `queryset` that count for any of `places` (provinces
    or districts: ArticlePlace holds them).

    For a single place this is a join that also carries the article's date as
    `place_date`, so that date order (`newest_first`) reads that place's
    index newest first: at a million articles, walking the archive's date
    index until a province's articles turn up takes seconds when they are old
    ones. Several places take an EXISTS, so no article comes twice."""
    if len(places) == 1 and "place_date" not in queryset.query.annotations:
        return queryset.filter(place_rows__place=places[0]).annotate(place_date=F("place_rows__published_on"))
    return queryset.filter(Exists(ArticlePlace.objects.filter(article=OuterRef("pk"), place__in=places)))


def articles_in(locality: Locality, queryset=None):
    """The articles (of `queryset`, else all) with a visible locality in the
    scope of `locality`."""
    queryset = Article.objects.visible() if queryset is None else queryset
    if locality.level in (PROVINCE, DISTRICT):
        return in_places(queryset, [locality])
    return queryset.filter(Exists(facts_of(ArticleLocality, locality=locality)))


def _counted_in_place_rows(place: Locality) -> bool:
    """Whether ArticlePlace's rows for `place` are its articles in its own
    era: a district's, a pre-2025 province's (successors are post-2025)."""
    return place.level == DISTRICT or (place.level == PROVINCE and place.era == Locality.Era.PRE2025)


def in_places_of_era(queryset, places):
    """The articles of `queryset` about any of `places` or a unit under it
    in the place's own era (`articles_of_era`): through ArticlePlace's rows,
    which list a place newest first (`in_places`), where they hold just that."""
    if all(map(_counted_in_place_rows, places)):
        return in_places(queryset, places)
    return queryset.filter(pk__in=articles_of_era(places))


def articles_of_era(places):
    """The ids of the articles about any of `places` or a unit under it in
    the place's own era (a values queryset): what a search for a place's
    name lists. Unlike a place's page, a post-2025 province does not take in
    the pre-2025 units it took over. ArticlePlace's rows for pre-2025
    provinces and districts; the visible facts of units under a post-2025
    province, and of communes."""
    by_place = [place.pk for place in places if _counted_in_place_rows(place)]
    provinces = [place.pk for place in places if place.level == PROVINCE and place.era == Locality.Era.POST2025]
    communes = [place.pk for place in places if place.level == Locality.Level.COMMUNE]
    ids = ArticlePlace.objects.filter(place__in=by_place).values("article")
    facts = ArticleLocality.objects.visible()
    if provinces:
        ids = ids.union(facts.filter(locality__province__in=provinces).values("article"))
    if communes:
        ids = ids.union(facts.filter(locality__in=communes).values("article"))
    return ids


def with_facet_keys(queryset, field: str, keys: list[int]):
    """The articles of `queryset` whose facet keys (ArticleFacetKeys) hold
    any of `keys` in `field` ("periods": start × 10000 + end, "officials"
    or "organisations": ids), with the article's date beside them as
    `key_date`, which date order (`newest_first`) then reads.

    Why not EXISTS over the facts: listing a period or an official newest
    first through the article date index probes each newer article's facts
    until the page is full; for the articles of a past term that is every
    newer article of the archive. The GIN index on the keys finds the
    matches, and their narrow rows are sorted by date: the cost grows with
    the list, whatever its years (docs/performance.md)."""
    queryset = queryset.filter(**{f"facet_keys__{field}__overlap": keys})
    if "key_date" in queryset.query.annotations:
        return queryset
    return queryset.annotate(key_date=F("facet_keys__published_on"))


def date_order(date: str = "published_on") -> list:
    """Newest first, the articles of unknown date last, then the larger id:
    the order every newest-first list uses, and the indexes that serve it
    (article_published, article_place_newest) hold."""
    return [F(date).desc(nulls_last=True), F("id").desc()]


def newest_first(queryset):
    """Date order, newest first, undated last (`date_order`). A list
    narrowed to one place (`in_places`) is ordered by that place's copy of
    the date, which its index holds in order; one narrowed by period,
    official or organisation (`with_facet_keys`), by its facet keys' copy,
    so that the matches found through their GIN index are sorted without
    visiting each article."""
    annotations = queryset.query.annotations
    date = next((name for name in ("place_date", "key_date") if name in annotations), "published_on")
    return queryset.order_by(*date_order(date))
