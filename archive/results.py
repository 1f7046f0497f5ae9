"""A page of search results, as the search page and a place's page show it:
the page of articles with their places and snippets, the facets, the chosen
filters as chips, the year chart and the entity box, within the search's
time budget; past it, a degraded page (date order, no counts, no facets).
"""

from django.conf import settings
from django.db.models.functions import Left
from django.http import Http404, QueryDict

from archive import caching, charts, stats
from archive.models import ArticleLocality, Locality
from archive.pagination import PAGE_SIZE, RESULT_CAP, DegradedPage, PlannedPaginator, paginate
from archive.search.entities import entities, named_officials, named_places
from archive.search.facets import facets as count_facets
from archive.search.filters import SORTS
from archive.search.listing import Listing, OverBudget, time_budget
from archive.search.matching import PLACE_AND_TEXT, attach_snippets, place_reading
from archive.search.query import parse

# What article lists load: not the body, the raw text or the search vectors.
LIST_FIELDS = ("title", "published_on", "date_precision", "source_domain")


def attach_places(articles) -> None:
    """Set `places` on each of `articles` (a page of a list): the labels of its
    visible localities (Locality.label), in the order they were found. One
    query of plain values: model instances for a page's ~40 localities and
    their provinces cost ~3 ms."""
    articles = list(articles)
    labels = {article.pk: [] for article in articles}
    rows = (
        ArticleLocality.objects.visible().filter(article__in=list(labels))
        .order_by("id")
        .values_list("article_id", "locality__unit_type", "locality__name", "locality__level", "locality__province__name")
    )
    for article_id, *place in rows:
        labels[article_id].append(Locality.label(*place))
    for article in articles:
        article.places = labels[article.pk]


def list_query(filterset, hidden_params) -> str:
    """The query string of what a filtered article list understood — query,
    explicit sort, chosen facet values — for its export and feed links: an
    unknown value in the request is not carried on."""
    params = QueryDict(mutable=True)
    if q := filterset.values.get("q"):
        params["q"] = q
    if sort := filterset.values.get("sort"):
        params["sort"] = sort
    for name, value in hidden_params:
        params.appendlist(name, value)
    return params.urlencode()


def understood_url(url: str, context) -> str:
    """`url` with the parameters the list understood."""
    return f"{url}?{context['list_query']}" if context["list_query"] else url


def results_context(request, filterset, *, whole_archive: bool = False, with_entities: bool = False) -> dict:
    """Page, facets, chips and the timeline of a filtered article list (the
    search page, a place's page), within the search's time budget; past it,
    the degraded page. Raises OverBudget when even that does not come in
    time."""
    try:
        with time_budget(settings.SEARCH_BUDGET_MS):
            context = _full_context(request, filterset, whole_archive=whole_archive)
            if with_entities:
                # "Did you mean" only where the words found little: a
                # broad list is no typo (and the trigram scan costs ~15 ms).
                context["entities"] = entities(filterset.parsed, suggest=not context["listing"].broad)
                context["named_officials"] = named_officials(filterset.parsed)
                context["place_reading"] = place_reading(filterset.parsed)
                context["place_and_text"] = PLACE_AND_TEXT
                context["named_places"] = named_places(filterset.parsed) if context["place_reading"] else []
                context["phrase_query"] = f'"{filterset.parsed.text}"'  # the same words, as a phrase
            return context
    except OverBudget:
        with time_budget(settings.SEARCH_DEGRADED_BUDGET_MS):
            return _degraded_context(request, filterset)


def _full_context(request, filterset, *, whole_archive: bool = False) -> dict:
    """See docs/search.md for the query count. `whole_archive`: the list is
    every article, counted from the stored FacetCount rows when there are
    some, else the timeline counts every article per year."""
    listing = Listing(filterset, whole_archive=whole_archive)
    results = listing.results.only(*LIST_FIELDS)
    if not filterset.parsed.has_text:
        # The lead is the snippet of a list without words (with words it is
        # the headline). Not for a ranked list: every row it sorts would
        # decompress its body first (~15 ms for a window of 1,000).
        results = results.annotate(lead=Left("body", 300))
    page = paginate(request, results, paginator=PlannedPaginator(listing, results, PAGE_SIZE))
    attach_places(page.object_list)
    attach_snippets(page.object_list, filterset.parsed)
    facets = count_facets(listing, request.GET)
    hidden_params = [(facet.name, value.value) for facet in facets for value in facet.selected]
    if era := filterset.values.get("era"):
        hidden_params.append(("era", era))
    return {
        "page": page,
        "q": filterset.values.get("q", ""),
        "parsed": filterset.parsed,
        "sort": filterset.sort_order,
        "sorts": SORTS,
        "era": filterset.values.get("era", ""),
        "facets": facets,
        "chips": [value for facet in facets for value in facet.selected],
        # A new query keeps the chosen facets (known values only).
        "hidden_params": hidden_params,
        "list_query": list_query(filterset, hidden_params),
        "timeline": _timeline(
            facets, listing, whole_archive and listing.stored is None and stats.year_counts(filterset.qs)
        ),
        "listing": listing,
    }


def _degraded_context(request, filterset) -> dict:
    """The answer when the full page did not come in time: the matching
    articles newest first, one page at a time, without ranking, counts,
    facets or highlighted snippets. Never kept by the page cache: the full
    page comes when the server is less busy."""
    caching.dont_store(request)
    number = request.GET.get("page", "1")
    if not number.isdecimal() or not 1 <= int(number) <= RESULT_CAP // PAGE_SIZE:
        raise Http404("Không có trang này")
    number = int(number)
    start = (number - 1) * PAGE_SIZE
    rows = list(
        filterset.plainly_read().only(*LIST_FIELDS)
        .annotate(lead=Left("body", 300))[start : start + PAGE_SIZE + 1]
    )
    page = DegradedPage(rows, number, PAGE_SIZE)
    attach_places(page.object_list)
    attach_snippets(page.object_list, parse(""))
    return {
        "page": page,
        "degraded": True,
        "q": filterset.values.get("q", ""),
        "parsed": parse(filterset.values.get("q") or "", entity_reading=False),
        "sort": "date",
        "sorts": SORTS,
        "facets": [],
        "chips": [],
        "hidden_params": [],
        "list_query": list_query(filterset, []),
        "timeline": None,
        "listing": None,
    }


def _timeline(facets, listing, exact_counts) -> charts.ColumnChart | None:
    """Articles per year, from the year facet (already counted, over the
    listing's sample), or from `exact_counts` when given. Each column links
    to the list narrowed to its year."""
    years = next((facet for facet in facets if facet.name == "year"), None)
    if years is None:
        return None
    values = {int(value.value): value for value in years.values}
    counts = exact_counts or {year: value.count for year, value in values.items()}
    return charts.year_columns(
        counts, title="Số bài viết theo năm", urls={year: value.url for year, value in values.items()},
        selected={year for year, value in values.items() if value.selected},
        partial=not exact_counts and not listing.facets_exact,
    )
