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
- The province list has two eras (`WRITTEN`, `TODAY`, the `era` parameter):
  as each article was written — the unit's own province, the pre-2025 one
  for a province the reform left whole and alone (Hà Nội, Huế) — or today's
  34, each taking in the pre-2025 provinces it absorbed (`Provinces`).
- Newest first: by the article's date (undated articles last), then id;
  a list narrowed to one place, period, official or organisation is ordered
  by the copy of the date beside its index rows.
"""

from collections import defaultdict

from django.db.models import Exists, F, OuterRef, Q

from archive.models import Article, ArticleKey, ArticleLocality, ArticlePlace, Locality

PROVINCE, DISTRICT = Locality.Level.PROVINCE, Locality.Level.DISTRICT
PRE, POST = Locality.Era.PRE2025, Locality.Era.POST2025
KEY_LISTS = {"periods": ArticleKey.List.PERIOD, "officials": ArticleKey.List.OFFICIAL,
             "organisations": ArticleKey.List.ORGANISATION}

# The province list's eras, as the `era` parameter names them (absent: as written).
WRITTEN, TODAY = "", "post2025"
PROVINCE_ERAS = [(WRITTEN, "Như khi viết bài"), (TODAY, "34 tỉnh, thành hiện nay")]


def era_of(value) -> str:
    """The `era` parameter read leniently: TODAY, else WRITTEN."""
    return TODAY if value == TODAY else WRITTEN


class Provinces:
    """Every province of both eras and how the reform of 1 July 2025 joined
    them: one query (97 rows).

    As written, an article counts for the province of each of its units in
    the unit's era; a post-2025 province that only continues one pre-2025
    province (`continued`: Hà Nội, Huế, …, the same territory) is that
    province, so it is listed once. Today, an article counts for the
    post-2025 province of each unit: its own, or the one that took it over
    (`Locality.successor`). archive/sql/facet_keys.sql computes the first
    rule per article (the `provinces` facet keys), ArticlePlace the second."""

    def __init__(self):
        units = Locality.objects.filter(level=PROVINCE).only(
            "slug", "name", "unit_type", "era", "code", "successor", "sort_name"
        )
        self.by_id = {unit.pk: unit for unit in units}
        self.predecessors = defaultdict(list)
        for unit in sorted(self.by_id.values(), key=lambda u: u.sort_name):
            if unit.era == PRE and unit.successor_id:
                self.predecessors[unit.successor_id].append(unit)

    @classmethod
    def of(cls, values: dict) -> "Provinces":
        """The instance kept in a filter's cleaned `values` (under
        "_provinces"), so that a page reads the provinces once."""
        if "_provinces" not in values:
            values["_provinces"] = cls()
        return values["_provinces"]

    def of_era(self, era: str) -> list[Locality]:
        """The provinces `era` lists, each once."""
        if era == TODAY:
            return [unit for unit in self.by_id.values() if unit.era == POST]
        return [unit for unit in self.by_id.values() if unit.era == PRE or not self.continued(unit)]

    def continued(self, post: Locality) -> Locality | None:
        """The one pre-2025 province `post` continues, if it only continues one."""
        before = self.predecessors.get(post.pk, [])
        return before[0] if len(before) == 1 else None

    def in_era(self, unit: Locality, era: str) -> Locality:
        """`unit` (a province) as `era` lists it."""
        if era == TODAY:
            return unit if unit.era == POST else self.by_id.get(unit.successor_id, unit)
        return (self.continued(unit) or unit) if unit.era == POST else unit

    def place_rows(self, unit: Locality, era: str) -> int | None:
        """The ArticlePlace place whose rows are exactly the articles of
        `unit` as `era` lists it (today, its own; as written, a continued
        province's successor's), or None: those of a post-2025 province
        that absorbed several are in the facet keys only."""
        if era == TODAY:
            return unit.pk
        if unit.era == PRE:
            after = self.by_id.get(unit.successor_id)
            return after.pk if after is not None and self.continued(after) else unit.pk
        return unit.pk if self.continued(unit) else None

    def label(self, unit: Locality, era: str, short: bool = False) -> str:
        """"Tỉnh Quảng Trị (gồm Quảng Bình cũ)" today; as written, "Tỉnh
        Quảng Trị (từ 1/7/2025)" for a province formed by the reform.
        `short`: without the unit's type ("Quảng Trị (…)"), for charts."""
        def name(u):
            return u.name if short else u.display

        if era == TODAY:
            others = [p.name for p in self.predecessors.get(unit.pk, []) if p.name != unit.name]
            return f"{name(unit)} (gồm {', '.join(others)} cũ)" if others else name(unit)
        if unit.era == POST:
            return f"{name(unit)} (từ 1/7/2025)"
        after = self.by_id.get(unit.successor_id)
        if after is not None and after.name != unit.name and self.continued(after):
            return f"{name(unit)} (nay {name(after)})"
        return name(unit)


def in_provinces(queryset, provinces: list[Locality], era: str, known: Provinces | None = None):
    """The articles of `queryset` that count for any of `provinces` (as
    `era` lists them) in `era`. One province whose articles ArticlePlace
    holds is read from its index newest first (`in_places`); otherwise the
    facet keys' GIN index finds them (`with_facet_keys`)."""
    if era == TODAY:
        return in_places(queryset, provinces)
    known = known or Provinces()
    places = [known.place_rows(unit, era) for unit in provinces]
    if len(places) == 1 and places[0] is not None:
        return in_places(queryset, places)
    return with_facet_keys(queryset, "provinces", [unit.pk for unit in provinces])


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


def articles_in(locality: Locality, queryset=None, era: str = TODAY):
    """The articles (of `queryset`, else all) with a visible locality in the
    scope of `locality`. As written (`era`), a province formed by the reform
    has only the articles about its own units, not those about the units it
    absorbed before it existed (one more query)."""
    queryset = Article.objects.visible() if queryset is None else queryset
    if era == WRITTEN and locality.level == PROVINCE and locality.era == POST:
        return in_provinces(queryset, [locality], WRITTEN)
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
    any of `keys` in `field` ("periods": start × 10000 + end, "officials",
    "organisations" or "provinces": ids), with the article's date beside them as
    `key_date`, which date order (`newest_first`) then reads.

    One key is a join with its ArticleKey rows, whose index holds them newest
    first: a page of the list reads that page's rows, whatever the entity's
    size. Several keys take the facet keys' GIN indexes, and their matches
    are sorted by date.

    Why not EXISTS over the facts: listing a period or an official newest
    first through the article date index probes each newer article's facts
    until the page is full; for the articles of a past term that is every
    newer article of the archive (docs/performance.md)."""
    if "key_date" in queryset.query.annotations:
        return queryset.filter(**{f"facet_keys__{field}__overlap": keys})
    if len(keys) == 1 and field in KEY_LISTS:  # provinces have none: those listed so are new and small
        rows = queryset.filter(list_keys__list=KEY_LISTS[field], list_keys__key=keys[0])
        return rows.annotate(key_date=F("list_keys__published_on"))
    queryset = queryset.filter(**{f"facet_keys__{field}__overlap": keys})
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
    official or organisation (`with_facet_keys`), by the copy beside its
    ArticleKey rows (or facet keys), likewise."""
    annotations = queryset.query.annotations
    date = next((name for name in ("place_date", "key_date") if name in annotations), "published_on")
    return queryset.order_by(*date_order(date))
