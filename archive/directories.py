"""The directories: officials (/can-bo/), places (/dia-phuong/),
organisations (/co-quan/) and cited documents (/van-ban/), A–Z in
Vietnamese order (archive.collation), filtered, paginated and exportable
(`format=csv|json`, every matching row) like the other lists.

A page is a handful of queries whatever the archive's size: the page of
rows through the `sort_name` index, its count (capped, archive.pagination),
the rows' article counts from the keys' totals (KeyTotal) or one GROUP BY
over the page's ids, and the filter's choices.
"""

from __future__ import annotations

import re

from django.db import connection
from django.db.models import Count, F, Q
from django.db.models.functions import Upper

from archive.collation import ALPHABET, sort_key
from archive.models import ArticleLocality, Citation, Document, KeyTotal, Locality, Official, Organisation, Role
from archive.params import ChoicesFilter, EntitiesFilter, LenientFilterSet, QueryFilter, SortFilter
from archive.scopes import province_scope
from archive.text import fold, normalize

PROVINCE, DISTRICT, COMMUNE = Locality.Level.PROVINCE, Locality.Level.DISTRICT, Locality.Level.COMMUNE
PRE, POST = Locality.Era.PRE2025, Locality.Era.POST2025
DIRECTORY_PAGE = 50

# The initials of the A–Z index: the Vietnamese letters names start with.
LETTERS = [letter.upper() for letter in ALPHABET if letter not in "fjwz"]

# Kinds of title a reader looks officials up by, each the start of a title
# as articles write it ("Phó Bí thư Thường trực Tỉnh ủy" is a Phó Bí thư).
TITLE_KINDS = {
    "bi-thu": ("Bí thư", "Bí thư"),
    "pho-bi-thu": ("Phó Bí thư", "Phó Bí thư"),
    "chu-tich": ("Chủ tịch", "Chủ tịch"),
    "pho-chu-tich": ("Phó Chủ tịch", "Phó Chủ tịch"),
    "truong-ban-dan-van": ("Trưởng Ban Dân vận", "Trưởng Ban Dân vận"),
    "pho-truong-ban-dan-van": ("Phó Trưởng Ban Dân vận", "Phó Trưởng Ban Dân vận"),
    "giam-doc": ("Giám đốc", "Giám đốc"),
    "chi-huy-truong": ("Chỉ huy trưởng", "Chỉ huy trưởng"),
}

PROVINCES = Locality.objects.filter(level=PROVINCE)


def letter_range(letter: str) -> Q:
    """Over `sort_name`: the names whose first letter is `letter`."""
    letters = [c.upper() for c in ALPHABET]
    following = letters[letters.index(letter) + 1] if letter != letters[-1] else None
    condition = Q(sort_name__gte=sort_key(letter))
    return condition & Q(sort_name__lt=sort_key(following)) if following else condition


class LetterFilter(SortFilter):
    """`chu`: one initial of the A–Z index."""

    def __init__(self, **kwargs):
        super().__init__(choices=[(letter, letter) for letter in LETTERS], **kwargs)


class NameFilter(QueryFilter):
    """A name typed as it comes to mind: the words side by side, folded
    (through the trigram index on the folded name), and each word typed
    with diacritics in that spelling ("Trần thi" finds Trần Thị, not Trấn)."""

    def filter(self, queryset, value):
        if not value:
            return queryset
        queryset = queryset.filter(ascii_name__contains=" ".join(fold(value).split()))
        for word in value.split():
            if fold(word) != word.lower():
                queryset = queryset.filter(name__icontains=normalize(word))
        return queryset


class OfficialDirectoryFilter(LenientFilterSet):
    q = NameFilter()
    chu = LetterFilter(method="filter_letter")
    province = EntitiesFilter(queryset=PROVINCES, to_field_name="slug", method="filter_province")
    title = ChoicesFilter(choices=[(key, label) for key, (label, _start) in TITLE_KINDS.items()], method="filter_title")

    class Meta:
        model = Official
        fields = []

    def filter_letter(self, queryset, name, value):
        return queryset.filter(letter_range(value)) if value else queryset

    def filter_province(self, queryset, name, provinces):
        self.role_conditions &= province_scope(provinces)
        return queryset

    def filter_title(self, queryset, name, kinds):
        starts = Q()
        for kind in kinds:
            starts |= Q(title_upper__startswith=TITLE_KINDS[kind][1].upper())
        self.role_conditions &= starts
        return queryset

    def filter_queryset(self, queryset):
        """The province and the title kind narrow the same roles: a "bí thư"
        of Lâm Đồng held that title there. One look through the place's
        roles (the role_place_official index holds locality and title)
        or, for a title alone, through role_title_kind."""
        self.role_conditions = Q()
        queryset = super().filter_queryset(queryset)
        if self.role_conditions:
            # The officials' ids first: as a subquery, the planner walks
            # every official in name order and probes their roles.
            roles = Role.objects.visible().annotate(title_upper=Upper("title")).filter(self.role_conditions)
            queryset = queryset.filter(pk__in=list(roles.values_list("official", flat=True).distinct().order_by()))
        return queryset.order_by("sort_name", "pk")


def article_totals(counted: str, ids) -> dict[int, int]:
    """{id: articles} from the keys' totals (KeyTotal) of `counted`: one query."""
    keys = [str(pk) for pk in ids]
    totals = KeyTotal.objects.filter(counted=counted, key__in=keys).values_list("key", "articles")
    return {int(key): n for key, n in totals}


def latest_titles(officials: list[Official]) -> None:
    """Set `articles` and `latest` (the visible role last seen, with its
    place) on each of `officials`: two queries."""
    ids = [official.pk for official in officials]
    counts = article_totals("officials", ids)
    latest = {
        role.official_id: role
        for role in Role.objects.visible().filter(official__in=ids).exclude(title="")
        .select_related("locality").only("official", "title", "seen_on", "locality__name", "locality__unit_type")
        .order_by("official_id", F("seen_on").desc(nulls_last=True), "-id").distinct("official_id")
    }
    for official in officials:
        official.article_count = counts.get(official.pk, 0)
        official.latest = latest.get(official.pk)


class OrganisationDirectoryFilter(LenientFilterSet):
    q = NameFilter()
    chu = LetterFilter(method="filter_letter")
    kind = ChoicesFilter(choices=Organisation.Kind.choices)
    province = EntitiesFilter(queryset=PROVINCES, to_field_name="slug", method="filter_province")

    class Meta:
        model = Organisation
        fields = []

    def filter_letter(self, queryset, name, value):
        return queryset.filter(letter_range(value)) if value else queryset

    def filter_province(self, queryset, name, provinces):
        return queryset.filter(province_scope(provinces) | Q(locality__in=provinces))

    def filter_queryset(self, queryset):
        return super().filter_queryset(queryset).order_by("sort_name", "pk")


# -- Cited documents -----------------------------------------------------------

_ISSUER = re.compile(r"[-/]([^-/]+)$")
_YEAR_IN_NUMBER = re.compile(r"/((?:19|20)\d\d)/")


def issuer_of(number: str) -> str:
    """The issuing body's code, the number's last part: "TTg" in
    "33/CT-TTg", "TU" in "01-CTr/TU", "UBND" in "35/2021/QĐ-UBND"."""
    match = _ISSUER.search(number)
    return match.group(1) if match else ""


def year_of(document: Document) -> int | None:
    if document.issued_on:
        return document.issued_on.year
    match = _YEAR_IN_NUMBER.search(document.number)
    return int(match.group(1)) if match else None


class DocumentDirectoryFilter(LenientFilterSet):
    q = QueryFilter(method="filter_number")
    issuer = QueryFilter(method="filter_issuer")
    year = QueryFilter(method="filter_year")

    class Meta:
        model = Document
        fields = []

    def filter_number(self, queryset, name, value):
        return queryset.filter(number__icontains=value) if value else queryset

    def filter_issuer(self, queryset, name, value):
        # The number's last part after "-" or "/", as issuer_of reads it.
        if not value or not re.fullmatch(r"[\wĐđ]{1,20}", value):
            return queryset
        return queryset.filter(number__regex=rf"[-/]{re.escape(value)}$")

    def filter_year(self, queryset, name, value):
        if not (value.isdecimal() and len(value) == 4):
            return queryset
        return queryset.filter(Q(issued_on__year=int(value)) | Q(issued_on=None, number__contains=f"/{value}/"))

    def filter_queryset(self, queryset):
        return super().filter_queryset(queryset).order_by("kind", "number", "pk")


def citing_counts(documents: list[Document]) -> None:
    """Set `articles` (visible citing articles) on each of `documents`: one
    GROUP BY over the citations' index (an article cites a document once)."""
    counts = dict(
        Citation.objects.visible().filter(document__in=[d.pk for d in documents])
        .values_list("document").annotate(n=Count("*")).order_by()
    )
    for document in documents:
        document.article_count = counts.get(document.pk, 0)
        document.issuer = issuer_of(document.number)
        document.year = year_of(document)


def issuers_and_years(limit: int = 40) -> tuple[list[tuple[str, int]], list[tuple[int, int]]]:
    """The `limit` issuers with most documents and every year, each with its
    number of documents, for the filter: two GROUP BYs over the documents
    (the same readings of a number as issuer_of and year_of)."""
    table = Document._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT substring(number from '[-/]([^-/]+)$') AS issuer, count(*) FROM {table} "
            "GROUP BY 1 HAVING substring(number from '[-/]([^-/]+)$') IS NOT NULL ORDER BY 2 DESC, 1 LIMIT %s",
            [limit],
        )
        issuers = cursor.fetchall()
        cursor.execute(
            "SELECT y, count(*) FROM (SELECT coalesce(extract(year FROM issued_on)::int, "
            f"substring(number from '/((?:19|20)[0-9][0-9])/')::int) AS y FROM {table}) d "
            "WHERE y IS NOT NULL GROUP BY y ORDER BY y DESC"
        )
        years = cursor.fetchall()
    return issuers, years


# -- Places ----------------------------------------------------------------------


def place_counts(units: list[Locality]) -> None:
    """Set `articles` on each of `units`: a province's or district's from
    the keys' totals of ArticlePlace's places (its own units, and for a
    post-2025 province the pre-2025 ones it took over), a commune's from
    its visible facts. Two queries at most."""
    totals = article_totals("places", [u.pk for u in units if u.level != COMMUNE])
    communes = [u.pk for u in units if u.level == COMMUNE]
    facts = dict(
        ArticleLocality.objects.visible().filter(locality__in=communes)
        .values_list("locality").annotate(n=Count("article", distinct=True)).order_by()
    ) if communes else {}
    for unit in units:
        unit.article_count = facts.get(unit.pk, 0) if unit.level == COMMUNE else totals.get(unit.pk, 0)
