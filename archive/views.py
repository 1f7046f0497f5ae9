"""Server-rendered pages. Views stay short: querying lives on the models and in
archive/search.py; templates do the presentation."""

from functools import cached_property

from django.core.paginator import InvalidPage, Paginator
from django.db.models import Prefetch
from django.db.models.functions import Left
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from archive import search
from archive.filters import SORTS, ArticleFilter
from archive.models import Agreement, Article, ArticleLocality, Document, Locality, Official, Organisation, Period

PAGE_SIZE = 20
# What article lists load: not the body, the raw text or the search vectors.
LIST_FIELDS = ("title", "published_on", "date_precision", "source_domain")
# Search results are counted up to this many; pages past it are not offered.
RESULT_CAP = 10_000


class CappedPaginator(Paginator):
    """Counts at most RESULT_CAP rows (one bounded query, whatever matches)."""

    @cached_property
    def count(self):
        return self.object_list.order_by().values("pk")[:RESULT_CAP].count()

    @property
    def capped(self) -> bool:
        return self.count >= RESULT_CAP


def paginate(request, queryset, per_page: int = PAGE_SIZE, paginator_class=Paginator):
    """The requested page of `queryset`; a page number that is not a page is a 404."""
    paginator = paginator_class(queryset, per_page)
    number = request.GET.get("page", "1")
    try:
        return paginator.page(int(number))
    except (ValueError, InvalidPage):
        raise Http404("Không có trang này") from None


def search_page(request):
    """The archive's main page: query, facets, results. Every state is in the URL."""
    filterset = ArticleFilter(request.GET, queryset=Article.objects.all())
    places = ArticleLocality.objects.filter(hidden=False).select_related("locality__province").order_by("id")
    results = (
        filterset.qs.only(*LIST_FIELDS)
        .annotate(lead=Left("body", 300))
        .prefetch_related(Prefetch("locality_facts", queryset=places, to_attr="places"))
    )
    page = paginate(request, results, paginator_class=CappedPaginator)
    search.attach_snippets(page.object_list, filterset.parsed)
    facets = search.facets(filterset, request.GET)
    context = {
        "page": page,
        "q": filterset.values.get("q", ""),
        "parsed": filterset.parsed,
        "sort": filterset.sort_order,
        "sorts": SORTS,
        "facets": facets,
        "chips": [value for facet in facets for value in facet.selected],
        "entities": search.entities(filterset.parsed),
        # A new query keeps the chosen facets (known values only).
        "hidden_params": [(facet.name, value.value) for facet in facets for value in facet.selected],
    }
    return render(request, "archive/search.html", context)


home = search_page


def article_detail(request, pk):
    article = get_object_or_404(Article.objects.defer("search_vector", "search_rank", "extraction"), pk=pk)
    visible = {"hidden": False}
    context = {
        "article": article,
        "localities": article.locality_facts.filter(**visible).select_related("locality__province"),
        "roles": article.roles.filter(**visible).select_related("official").order_by("official__name", "id"),
        "organisations": article.organisation_facts.filter(**visible).select_related("organisation"),
        "agreements": article.agreement_facts.filter(**visible).select_related("agreement__period"),
        "periods": article.period_facts.filter(**visible).select_related("period"),
        "citations": article.citations.filter(**visible).select_related("document"),
        "show_raw": request.GET.get("raw") == "1",
    }
    return render(request, "archive/article_detail.html", context)


def _entity_page(request, template, entity, articles, **extra):
    page = paginate(request, articles.distinct().only(*LIST_FIELDS).order_by("-published_on", "-id"))
    return render(request, template, {"entity": entity, "page": page, **extra})


def locality_detail(request, slug):
    locality = get_object_or_404(Locality.objects.select_related("province", "successor", "parent"), slug=slug)
    articles = Article.objects.filter(locality_facts__locality=locality, locality_facts__hidden=False)
    return _entity_page(request, "archive/locality_detail.html", locality, articles)


def official_detail(request, slug):
    official = get_object_or_404(Official, slug=slug)
    roles = official.roles.filter(hidden=False).select_related("article").order_by("seen_on", "id")
    articles = Article.objects.filter(roles__official=official, roles__hidden=False)
    return _entity_page(request, "archive/official_detail.html", official, articles, roles=roles)


def organisation_detail(request, pk):
    organisation = get_object_or_404(Organisation, pk=pk)
    articles = Article.objects.filter(organisation_facts__organisation=organisation, organisation_facts__hidden=False)
    return _entity_page(request, "archive/entity_detail.html", organisation, articles)


def agreement_detail(request, pk):
    agreement = get_object_or_404(Agreement.objects.select_related("period", "locality"), pk=pk)
    facts = agreement.article_facts.filter(hidden=False).select_related("article").order_by("article__published_on")
    articles = Article.objects.filter(agreement_facts__agreement=agreement, agreement_facts__hidden=False)
    return _entity_page(request, "archive/agreement_detail.html", agreement, articles, facts=facts)


def period_detail(request, key):
    try:
        start, end = (int(part) for part in key.split("-"))
    except ValueError:
        raise Http404("Giai đoạn không hợp lệ") from None
    periods = Period.objects.filter(start=start, end=end)
    if not periods:
        raise Http404("Không có giai đoạn này")
    articles = Article.objects.filter(period_facts__period__in=periods, period_facts__hidden=False)
    return _entity_page(request, "archive/entity_detail.html", periods[0], articles)


def document_detail(request, pk):
    document = get_object_or_404(Document, pk=pk)
    articles = Article.objects.filter(citations__document=document, citations__hidden=False)
    return _entity_page(request, "archive/entity_detail.html", document, articles)
