"""The place facets: provinces in one era at a time, and the districts of the
chosen provinces (archive.scopes says which articles count for a place)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.db.models import Q

from archive.models import Locality
from archive.params import EntitiesFilter
from archive.scopes import PROVINCE_ERAS, TODAY, WRITTEN, Provinces, era_of, in_places, in_provinces
from archive.search.facet_base import FACET_SIZE, FacetDef
from archive.search.sql import pk_array

PROVINCE, DISTRICT = Locality.Level.PROVINCE, Locality.Level.DISTRICT


class PlaceFacet(FacetDef):
    """The districts of the chosen provinces (before 2025, or taken over by
    them)."""

    name, title, counted = "district", "Quận, huyện", "places"
    stored = False

    @property
    def ignores(self):
        # The district facet lists the districts of the chosen provinces.
        return ("district", "province")

    def shown(self, values):
        return bool(values.get("province"))

    def parameter(self):
        return EntitiesFilter(queryset=Locality.objects.filter(level=DISTRICT).select_related("province"),
                              to_field_name="slug")

    def narrow(self, queryset, chosen, values):
        return in_places(queryset, chosen)

    def url_values(self, chosen):
        return [place.slug for place in chosen]

    def labels(self, chosen):
        return {place.slug: place.display for place in chosen}

    def rows(self, counts, values):
        n_of = {int(key): n for key, n in counts}
        province_ids = [p.pk for p in values.get("province") or []]
        places = Locality.objects.filter(pk__in=pk_array(list(n_of)), level=DISTRICT).filter(
            Q(province__in=province_ids) | Q(successor__in=province_ids)
        )
        rows = [(place.slug, place.display, n_of[place.pk], place.name)
                for place in places.only("slug", "unit_type", "name")]
        rows.sort(key=lambda row: (-row[2], row[3]))
        return [(slug, label, n) for slug, label, n, _name in rows[:FACET_SIZE]]


class ProvinceFacet(FacetDef):
    """The provinces of one era (archive.scopes.Provinces), each once: as
    each article was written (WRITTEN, the `provinces` facet keys) or
    today's 34 (TODAY, the post-2025 provinces among the `places`). The
    page's `era` parameter says which is active; both read `province`."""

    name, title = "province", "Tỉnh, thành phố"

    def __init__(self, era: str):
        self.era = era
        self.counted = "places" if era == TODAY else "provinces"
        self.key = "province" if era == WRITTEN else f"province-{era}"

    def active(self, values):
        return era_of(values.get("era")) == self.era

    def parameter(self):
        return EntitiesFilter(queryset=Locality.objects.filter(level=PROVINCE), to_field_name="slug")

    def narrow(self, queryset, chosen, values):
        # A district is chosen inside a province: the district narrows, the
        # province then only decides which districts the facet offers.
        if values.get("district"):
            return queryset
        return in_provinces(queryset, chosen, self.era, Provinces.of(values))

    def url_values(self, chosen):
        return [place.slug for place in chosen]

    def labels(self, chosen):
        return {place.slug: place.display for place in chosen}

    def rows(self, counts, values):
        known = Provinces.of(values)
        listed = {unit.pk for unit in known.of_era(self.era)}
        rows = [
            (unit.slug, known.label(unit, self.era), n, unit.sort_name)
            for key, n in counts if (unit := known.by_id.get(int(key))) is not None and unit.pk in listed
        ]
        rows.sort(key=lambda row: (-row[2], row[3]))
        # Every province with articles (at most 86 as written): the one a
        # reader looks for is often not among the largest.
        return [(slug, label, n) for slug, label, n, _name in rows]


def era_switch(params, values: dict) -> list[tuple[str, str, bool]]:
    """(label, url, current) for each era of the province list: the page
    with the chosen provinces as that era lists them (Quảng Bình, chosen as
    written, is Quảng Trị today). At most one query."""
    current = era_of(values.get("era"))
    chosen = values.get("province") or []
    known = Provinces.of(values) if chosen else None
    kept = [(key, value) for key, values_ in params.lists() if key not in ("era", "province", "page")
            for value in values_]
    links = []
    for era, label in PROVINCE_ERAS:
        pairs = [*kept, *([("era", era)] if era else [])]
        pairs += [("province", slug) for slug in dict.fromkeys(known.in_era(p, era).slug for p in chosen)]
        links.append((label, "?" + urlencode(pairs), era == current))
    return links
