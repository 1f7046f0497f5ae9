"""A read-only JSON API: articles, officials, localities, agreements.

Plain views returning JsonResponse. Lists take the same parameters as the
matching pages (articles: the search page's, see docs/search.md), plus
`page` and `page_size` (default 20, at most 100). Orders are stable (a
unique key last), counts stop at RESULT_CAP like the search page's, and a
page that does not exist is a 404. For everything at once, the pages' CSV
and JSON exports stream all rows. Documented in README.md and in
archive/openapi.json (served at /api/openapi.json).
"""

import json
from pathlib import Path

from django.conf import settings
from django.core.paginator import InvalidPage
from django.http import JsonResponse
from django.urls import reverse

from archive.entity_filters import AgreementFilter, LocalityFilter, OfficialFilter
from archive.exports import article_basics, with_visible_facts
from archive.models import Agreement, Article, Locality, Official
from archive.pagination import RESULT_CAP, CappedPaginator, PlannedPaginator
from archive.search.filters import ArticleFilter
from archive.search.listing import Listing, OverBudget, time_budget

DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE = 20, 100
OPENAPI = Path(__file__).with_name("openapi.json")
JSON = {"ensure_ascii": False}


def _error(status: int, detail: str) -> JsonResponse:
    return JsonResponse({"detail": detail}, status=status, json_dumps_params=JSON)


def _page_size(request) -> int:
    value = request.GET.get("page_size", "")
    return min(int(value), MAX_PAGE_SIZE) if value.isdecimal() and int(value) > 0 else DEFAULT_PAGE_SIZE


def _page_url(request, number: int) -> str:
    params = request.GET.copy()
    params["page"] = str(number)
    return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")


def _list(request, queryset, serialize, paginator=None, extra=None) -> JsonResponse:
    paginator = paginator or CappedPaginator(queryset, _page_size(request))
    try:
        page = paginator.page(int(request.GET.get("page", "1")))
    except (ValueError, InvalidPage):
        return _error(404, "Không có trang này")
    absolute = request.build_absolute_uri
    return JsonResponse({
        "count": paginator.count,
        "count_capped": paginator.capped,  # true: at least `count` results
        **(extra or {}),
        "page": page.number,
        "page_size": paginator.per_page,
        "next": _page_url(request, page.next_page_number()) if page.has_next() else None,
        "previous": _page_url(request, page.previous_page_number()) if page.has_previous() else None,
        "results": [serialize(item, absolute) for item in page.object_list],
    }, json_dumps_params=JSON)


def _detail(item, serialize, request) -> JsonResponse:
    if item is None:
        return _error(404, "Không tìm thấy")
    return JsonResponse(serialize(item, request.build_absolute_uri, detail=True), json_dumps_params=JSON)


def _place(locality) -> dict:
    return {"slug": locality.slug, "name": str(locality), "level": locality.level, "era": locality.era}


# -- Articles ------------------------------------------------------------------


def article_json(article, absolute, detail: bool = False) -> dict:
    data = {
        **article_basics(article, absolute),
        "api_url": absolute(reverse("api:article", args=[article.pk])),
        "localities": [_place(fact.locality) for fact in article.places],
        "officials": [
            {"slug": role.official.slug, "name": role.official.name, "title": role.title} for role in article.visible_roles
        ],
        "periods": [fact.period.key for fact in article.visible_periods],
    }
    if detail:
        data["body"] = article.body
        data["agreements"] = [
            {"id": fact.agreement_id, "name": fact.agreement.name, "kind": fact.kind}
            for fact in article.agreement_facts.visible().select_related("agreement").order_by("id")
        ]
    return data


def _articles(queryset):
    return with_visible_facts(queryset.defer("raw_text", "extraction", "search_vector", "search_exact", "search_rank"))


def articles(request):
    """Planned like the search page (archive.search.listing.Listing): a broad query is
    ranked among its newest matches and counted by estimate, and the whole
    answer has the search's time budget."""
    filterset = ArticleFilter(request.GET, queryset=Article.objects.visible())
    try:
        with time_budget(settings.SEARCH_BUDGET_MS):
            listing = Listing(filterset)
            results = _articles(listing.results.defer("body"))
            paginator = PlannedPaginator(listing, results, _page_size(request))
            return _list(request, results, article_json, paginator, {
                "count_estimated": listing.approximate,  # true: `count` is the planner's estimate
                "ranked_within_newest": len(listing.window) if listing.ranked_window else None,
            })
    except OverBudget:
        response = _error(503, "Tìm kiếm quá rộng để trả lời kịp lúc; hãy thu hẹp truy vấn hoặc thử lại sau")
        response["Retry-After"] = "30"
        return response


def article(request, pk):
    return _detail(_articles(Article.objects.visible().filter(pk=pk)).first(), article_json, request)


# -- Officials -----------------------------------------------------------------


def official_json(official, absolute, detail: bool = False) -> dict:
    data = {
        "slug": official.slug,
        "name": official.name,
        "aliases": official.aliases,
        "url": absolute(official.get_absolute_url()),
        "api_url": absolute(reverse("api:official", args=[official.slug])),
    }
    if detail:
        roles = official.roles.visible().select_related("article").order_by("seen_on", "id")[:RESULT_CAP]
        data["roles"] = [
            {"title": role.title, "seen_on": role.seen_on.isoformat() if role.seen_on else None,
             "article": absolute(role.article.get_absolute_url())}
            for role in roles
        ]
    return data


def officials(request):
    filterset = OfficialFilter(request.GET, queryset=Official.objects.all())
    return _list(request, filterset.qs, official_json)


def official(request, slug):
    return _detail(Official.objects.filter(slug=slug).first(), official_json, request)


# -- Localities ----------------------------------------------------------------


def locality_json(locality, absolute, detail: bool = False) -> dict:
    return {
        **_place(locality),
        "code": locality.code,
        "unit_type": locality.unit_type,
        "parent": locality.parent.slug if locality.parent else None,
        "province": locality.province.slug if locality.province else None,
        "successor": locality.successor.slug if locality.successor else None,
        "aliases": locality.aliases,
        "url": absolute(locality.get_absolute_url()),
        "api_url": absolute(reverse("api:locality", args=[locality.slug])),
    }


def _localities(queryset):
    return queryset.select_related("parent", "province", "successor")


def localities(request):
    filterset = LocalityFilter(request.GET, queryset=Locality.objects.all())
    return _list(request, _localities(filterset.qs), locality_json)


def locality(request, slug):
    return _detail(_localities(Locality.objects.filter(slug=slug)).first(), locality_json, request)


# -- Agreements ----------------------------------------------------------------


def agreement_json(agreement, absolute, detail: bool = False) -> dict:
    data = {
        "id": agreement.pk,
        "name": agreement.name,
        "url": absolute(agreement.get_absolute_url()),
        "api_url": absolute(reverse("api:agreement", args=[agreement.pk])),
        "period": agreement.period.key if agreement.period else None,
        "level": agreement.level,
        "signed_on": agreement.signed_on.isoformat() if agreement.signed_on else None,
        "locality": _place(agreement.locality) if agreement.locality else None,
        "parties": [{"id": party.pk, "name": party.name, "kind": party.kind} for party in agreement.parties.all()],
    }
    if detail:
        facts = agreement.article_facts.visible().select_related("article").order_by("article_id")
        data["articles"] = [
            {"id": fact.article_id, "url": absolute(fact.article.get_absolute_url()), "kind": fact.kind}
            for fact in facts[:RESULT_CAP]
        ]
    return data


def _agreements(queryset):
    return queryset.select_related("period", "locality__province").prefetch_related("parties")


def agreements(request):
    filterset = AgreementFilter(request.GET, queryset=Agreement.objects.all())
    return _list(request, _agreements(filterset.qs), agreement_json)


def agreement(request, pk):
    return _detail(_agreements(Agreement.objects.filter(pk=pk)).first(), agreement_json, request)


# -- Index -----------------------------------------------------------------------


def index(request):
    absolute = request.build_absolute_uri
    return JsonResponse({
        name: absolute(reverse(f"api:{name}")) for name in ("articles", "officials", "localities", "agreements")
    } | {"openapi": absolute(reverse("api:openapi"))}, json_dumps_params=JSON)


def openapi(request):
    return JsonResponse(json.loads(OPENAPI.read_text(encoding="utf-8")), json_dumps_params=JSON)

