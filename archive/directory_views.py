"""The directories' pages and exports (archive.directories holds their
filters and counts): /can-bo/, /dia-phuong/, /co-quan/, /van-ban/."""

from __future__ import annotations

from collections.abc import Iterator

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse

from archive import exports
from archive.directories import (
    DIRECTORY_PAGE,
    LETTERS,
    TITLE_KINDS,
    DocumentDirectoryFilter,
    OfficialDirectoryFilter,
    OrganisationDirectoryFilter,
    article_totals,
    citing_counts,
    issuers_and_years,
    latest_titles,
    place_counts,
)
from archive.models import Document, Locality, Official, Organisation
from archive.pagination import paginate
from archive.scopes import Provinces

PRE, POST = Locality.Era.PRE2025, Locality.Era.POST2025


def _chosen(filterset) -> dict:
    values = filterset.values
    return {
        "q": values.get("q", ""),
        "chu": values.get("chu", ""),
        "province": [p.slug for p in values.get("province") or []],
        "title": values.get("title") or [],
        "kind": values.get("kind") or [],
    }


def _province_choices() -> list[tuple[str, list[Locality]]]:
    """The provinces of both eras for a filter's select, A–Z (one query)."""
    known = Provinces()
    units = sorted(known.by_id.values(), key=lambda unit: unit.sort_name)
    return [
        ("Trước 1/7/2025", [unit for unit in units if unit.era == PRE]),
        ("Từ 1/7/2025", [unit for unit in units if unit.era == POST]),
    ]


def _chunks(queryset, size: int = exports.CHUNK) -> Iterator[list]:
    chunk = []
    for row in queryset.iterator(chunk_size=size):
        chunk.append(row)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


# -- Officials --------------------------------------------------------------------


def official_rows(queryset, absolute) -> Iterator[dict]:
    for chunk in _chunks(queryset):
        latest_titles(chunk)  # two queries per chunk
        for official in chunk:
            latest = official.latest
            yield {
                "slug": official.slug, "name": official.name, "url": absolute(official.get_absolute_url()),
                "latest_title": latest.title if latest else "",
                "latest_place": latest.locality.display if latest and latest.locality else "",
                "latest_seen_on": latest.seen_on.isoformat() if latest and latest.seen_on else None,
                "articles": official.article_count,
            }


def official_directory(request):
    """Officials A–Z, by initial, province, kind of title and name (typed
    with or without diacritics), with their articles and latest title."""
    filterset = OfficialDirectoryFilter(request.GET, queryset=Official.objects.all())
    officials = filterset.qs
    if fmt := exports.requested_format(request):
        columns = ["slug", "name", "url", "latest_title", "latest_place", "latest_seen_on", "articles"]
        return exports.stream(official_rows(officials, request.build_absolute_uri), columns, fmt, "can-bo")
    page = paginate(request, officials.only("name", "slug", "sort_name"), per_page=DIRECTORY_PAGE)
    latest_titles(page.object_list)
    context = {
        "page": page, "chosen": _chosen(filterset), "letters": LETTERS,
        "title_kinds": [(key, label) for key, (label, _start) in TITLE_KINDS.items()],
        "province_groups": _province_choices(),
        "canonical": request.build_absolute_uri(reverse("archive:officials")),
    }
    return render(request, "archive/official_directory.html", context)


# -- Organisations -----------------------------------------------------------------


def organisation_rows(queryset, absolute) -> Iterator[dict]:
    kinds = dict(Organisation.Kind.choices)
    for chunk in _chunks(queryset.select_related("locality")):
        counts = article_totals("organisations", [o.pk for o in chunk])
        for organisation in chunk:
            yield {
                "id": organisation.pk, "name": organisation.name, "url": absolute(organisation.get_absolute_url()),
                "kind": kinds.get(organisation.kind, organisation.kind),
                "locality": str(organisation.locality) if organisation.locality else "",
                "articles": counts.get(organisation.pk, 0),
            }


def organisation_directory(request):
    """Organisations A–Z, by kind, province, initial and name."""
    filterset = OrganisationDirectoryFilter(request.GET, queryset=Organisation.objects.all())
    organisations = filterset.qs
    if fmt := exports.requested_format(request):
        columns = ["id", "name", "url", "kind", "locality", "articles"]
        return exports.stream(organisation_rows(organisations, request.build_absolute_uri), columns, fmt, "co-quan")
    page = paginate(request, organisations.select_related("locality__province"), per_page=DIRECTORY_PAGE)
    counts = article_totals("organisations", [o.pk for o in page.object_list])
    for organisation in page.object_list:
        organisation.article_count = counts.get(organisation.pk, 0)
    context = {
        "page": page, "chosen": _chosen(filterset), "letters": LETTERS, "kinds": Organisation.Kind.choices,
        "province_groups": _province_choices(),
        "canonical": request.build_absolute_uri(reverse("archive:organisations")),
    }
    return render(request, "archive/organisation_directory.html", context)


# -- Cited documents --------------------------------------------------------------


def document_rows(queryset, absolute) -> Iterator[dict]:
    for chunk in _chunks(queryset):
        citing_counts(chunk)
        for document in chunk:
            yield {
                "id": document.pk, "kind": document.kind, "number": document.number,
                "url": absolute(document.get_absolute_url()), "issuer": document.issuer,
                "year": document.year, "articles": document.article_count,
            }


def document_directory(request):
    """Cited documents by issuer and year, with the articles citing each."""
    filterset = DocumentDirectoryFilter(request.GET, queryset=Document.objects.all())
    documents = filterset.qs
    if fmt := exports.requested_format(request):
        columns = ["id", "kind", "number", "url", "issuer", "year", "articles"]
        return exports.stream(document_rows(documents, request.build_absolute_uri), columns, fmt, "van-ban")
    page = paginate(request, documents, per_page=DIRECTORY_PAGE)
    citing_counts(page.object_list)
    issuers, years = issuers_and_years()
    values = filterset.values
    context = {
        "page": page, "issuers": issuers, "years": years,
        "chosen": {"q": values.get("q", ""), "issuer": values.get("issuer", ""), "year": values.get("year", "")},
        "canonical": request.build_absolute_uri(reverse("archive:documents")),
    }
    return render(request, "archive/document_directory.html", context)


# -- Places -------------------------------------------------------------------------


def locality_directory(request):
    """Provinces → districts → communes of one era (`era`: pre2025, the
    default, or post2025), each with its articles. `tinh` and `huyen` (slugs)
    open a province and a district."""
    era = POST if request.GET.get("era") == POST else PRE
    trail = []
    parent = None
    for name in ("tinh", "huyen"):
        slug = request.GET.get(name)
        if not slug:
            break
        wanted = Locality.Level.PROVINCE if name == "tinh" else Locality.Level.DISTRICT
        unit = Locality.objects.filter(slug=slug[:160], era=era, level=wanted).first()
        if unit is None or (parent is not None and unit.parent_id != parent.pk):
            raise Http404("Không có đơn vị này")
        trail.append(unit)
        parent = unit
    units = Locality.objects.filter(era=era)
    units = units.filter(parent=parent) if parent else units.filter(level=Locality.Level.PROVINCE)
    units = units.order_by("sort_name", "pk").only("name", "unit_type", "slug", "level", "era", "parent")
    if fmt := exports.requested_format(request):
        def rows():
            for chunk in _chunks(units):
                place_counts(chunk)
                for unit in chunk:
                    yield {"slug": unit.slug, "name": unit.display, "level": unit.level, "era": unit.era,
                           "url": request.build_absolute_uri(unit.get_absolute_url()), "articles": unit.article_count}
        return exports.stream(rows(), ["slug", "name", "level", "era", "url", "articles"], fmt, f"dia-phuong-{era}")
    page = paginate(request, units, per_page=DIRECTORY_PAGE * 2)
    place_counts(page.object_list)
    context = {
        "page": page, "era": era, "eras": Locality.Era.choices, "trail": trail,
        "canonical": request.build_absolute_uri(reverse("archive:localities")),
    }
    return render(request, "archive/locality_directory.html", context)
