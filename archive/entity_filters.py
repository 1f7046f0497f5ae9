"""The parameters of the lists other than articles (agreements, officials,
localities), for the pages, the exports and the API. Lenient like the search
page's ArticleFilter (archive.params): an unknown or malformed value is
dropped, never an error."""

from django.db.models import Exists, OuterRef, Q

from archive.params import ChoicesFilter, EntitiesFilter, LenientFilterSet, PeriodsFilter, QueryFilter
from archive.models import Agreement, Locality, Official, Organisation, Role
from archive.scopes import province_scope
from archive.text import fold

PROVINCES = Locality.objects.filter(level=Locality.Level.PROVINCE)


class AgreementFilter(LenientFilterSet):
    q = QueryFilter(method="filter_name")
    period = PeriodsFilter(method="filter_period")
    level = ChoicesFilter(choices=Agreement.Level.choices)
    province = EntitiesFilter(queryset=PROVINCES, to_field_name="slug", method="filter_province")
    party = ChoicesFilter(choices=Organisation.Kind.choices, method="filter_party")

    class Meta:
        model = Agreement
        fields = []

    def filter_name(self, queryset, name, value):
        return queryset.filter(name__unaccent__icontains=value)

    def filter_period(self, queryset, name, periods):
        when = Q()
        for start, end in periods:
            when |= Q(period__start=start, period__end=end)
        return queryset.filter(when)

    def filter_province(self, queryset, name, provinces):
        return queryset.filter(province_scope(provinces))

    def filter_party(self, queryset, name, kinds):
        parties = Agreement.parties.through.objects.filter(agreement=OuterRef("pk"), organisation__kind__in=kinds)
        return queryset.filter(Exists(parties))

    def filter_queryset(self, queryset):
        # Stable order for pages and the API: newest period first, then name (A–Z, archive.collation).
        return super().filter_queryset(queryset).order_by("-period__start", "-period__end", "sort_name", "pk")


class OfficialFilter(LenientFilterSet):
    q = QueryFilter(method="filter_name")
    province = EntitiesFilter(queryset=PROVINCES, to_field_name="slug", method="filter_province")

    class Meta:
        model = Official
        fields = []

    def filter_name(self, queryset, name, value):
        return queryset.filter(ascii_name__contains=fold(value))

    def filter_province(self, queryset, name, provinces):
        roles = Role.objects.visible().filter(official=OuterRef("pk")).filter(province_scope(provinces))
        return queryset.filter(Exists(roles))

    def filter_queryset(self, queryset):
        return super().filter_queryset(queryset).order_by("sort_name", "pk")


class LocalityFilter(LenientFilterSet):
    q = QueryFilter(method="filter_name")
    level = ChoicesFilter(choices=Locality.Level.choices)
    era = ChoicesFilter(choices=Locality.Era.choices)
    province = EntitiesFilter(queryset=PROVINCES, to_field_name="slug", method="filter_province")

    class Meta:
        model = Locality
        fields = []

    def filter_name(self, queryset, name, value):
        return queryset.filter(ascii_name__contains=fold(value))

    def filter_province(self, queryset, name, provinces):
        return queryset.filter(Q(province__in=provinces) | Q(successor__in=provinces))

    def filter_queryset(self, queryset):
        return super().filter_queryset(queryset).order_by("era", "level", "sort_name", "pk")
