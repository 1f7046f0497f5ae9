"""Server-rendered pages. Views stay short: querying lives on the models, in
archive/search.py and archive/stats.py; templates do the presentation.

Every list of articles answers `?format=csv|json` with all its matching rows
(archive/exports.py). Entity pages carry a canonical link; the old URL of a
merged or renamed entity redirects (301) to the one that is left.
"""

from functools import cached_property

from django.conf import settings
from django.core.paginator import InvalidPage, Paginator
from django.db.models import Count, Exists, F, OuterRef
from django.db.models.functions import Coalesce, Left
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect, QueryDict
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from archive import charts, exports, search, stats
from archive.entity_filters import AgreementFilter
from archive.filters import SORTS, ArticleFilter, with_facet_keys
from archive.models import (
    Agreement,
    Article,
    ArticleAgreement,
    ArticleLocality,
    Citation,
    Document,
    Locality,
    MergeRecord,
    Official,
    Organisation,
    Period,
)

PAGE_SIZE = 20
# What article lists load: not the body, the raw text or the search vectors.
LIST_FIELDS = ("title", "published_on", "date_precision", "source_domain")
# Search results are counted up to this many; pages past it are not offered.
RESULT_CAP = 10_000
TIMELINE_LIMIT = 200  # titles on an official's page; the rest is in the articles


class CappedPaginator(Paginator):
    """Counts at most RESULT_CAP rows (one bounded query, whatever matches)."""

    @cached_property
    def count(self):
        return self.object_list.order_by().values("pk")[:RESULT_CAP].count()

    @property
    def capped(self) -> bool:
        return self.count >= RESULT_CAP


class PlannedPaginator(Paginator):
    """Pages of a search.Listing: the count is the listing's (no extra query
    when the list is broad)."""

    def __init__(self, listing, object_list, per_page):
        super().__init__(object_list, per_page)
        self.listing = listing

    @cached_property
    def count(self):
        return self.listing.page_count(RESULT_CAP)

    @property
    def capped(self) -> bool:
        return not self.listing.approximate and self.count >= RESULT_CAP

    def page(self, number):
        """A ranked window's page reads only its own rows, in the order the
        listing ranked the window (search.Listing._rank_window)."""
        if not self.listing.ranked_window:
            return super().page(number)
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        ids = self.listing.ranked[bottom : bottom + self.per_page]
        rows = {row.pk: row for row in self.object_list.filter(pk__in=ids)}
        return self._get_page([rows[pk] for pk in ids if pk in rows], number, self)


def paginate(request, queryset, per_page: int = PAGE_SIZE, paginator_class=CappedPaginator, paginator=None):
    """The requested page of `queryset`; a page number that is not a page is a 404."""
    paginator = paginator or paginator_class(queryset, per_page)
    number = request.GET.get("page", "1")
    try:
        return paginator.page(int(number))
    except (ValueError, InvalidPage):
        raise Http404("Không có trang này") from None


def canonical(request, entity) -> str:
    return request.build_absolute_uri(entity.get_absolute_url())


def _understood_url(url: str, context) -> str:
    """`url` with the parameters the list understood."""
    return f"{url}?{context['list_query']}" if context["list_query"] else url


def _list_query(filterset, hidden_params) -> str:
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


def _facts(model, **conditions):
    return model.objects.filter(article=OuterRef("pk"), hidden=False, **conditions)


def _moved(request, model, *, slug: str | None = None, pk: int | None = None):
    """A 301 to the entity that now answers for an old slug or id — the
    survivor of a merge (MergeRecord), or the same row under a new slug
    (its history) — keeping the query string; else a 404."""
    name = model._meta.model_name
    records = MergeRecord.objects.filter(model=name)
    record = records.filter(merged_slug=slug).first() if slug else records.filter(merged_id=pk).first()
    target = model.objects.filter(pk=record.survivor_id).first() if record else None
    if target is None and slug and hasattr(model, "history"):
        old = model.history.filter(slug=slug).order_by("-history_date").values_list("id", flat=True).first()
        target = model.objects.exclude(slug=slug).filter(pk=old).first() if old else None
    if target is None:
        raise Http404(f"Không tìm thấy {model._meta.verbose_name}")
    query = request.GET.urlencode()
    return HttpResponsePermanentRedirect(target.get_absolute_url() + (f"?{query}" if query else ""))


# -- Search and the lists built on it -------------------------------------------


def attach_places(articles) -> None:
    """Set `places` on each of `articles` (a page of a list): the labels of its
    visible localities (Locality.label), in the order they were found. One
    query of plain values: model instances for a page's ~40 localities and
    their provinces cost ~3 ms."""
    articles = list(articles)
    labels = {article.pk: [] for article in articles}
    rows = (
        ArticleLocality.objects.filter(hidden=False, article__in=list(labels))
        .order_by("id")
        .values_list("article_id", "locality__unit_type", "locality__name", "locality__level", "locality__province__name")
    )
    for article_id, *place in rows:
        labels[article_id].append(Locality.label(*place))
    for article in articles:
        article.places = labels[article.pk]


def _results_context(request, filterset, *, whole_archive: bool = False, entities: bool = False) -> dict:
    """Page, facets, chips and the timeline of a filtered article list (the
    search page, a place's page), within the search's time budget; past it,
    the degraded page (date order, no counts, no facets). Raises
    search.OverBudget when even that does not come in time."""
    try:
        with search.time_budget(settings.SEARCH_BUDGET_MS):
            context = _full_results_context(request, filterset, whole_archive=whole_archive)
            if entities:
                # "Did you mean" only where the words found little: a
                # broad list is no typo (and the trigram scan costs ~15 ms).
                context["entities"] = search.entities(filterset.parsed, suggest=not context["listing"].broad)
                context["named_officials"] = search.named_officials(filterset.parsed)
                context["phrase_query"] = f'"{filterset.parsed.text}"'  # the same words, as a phrase
            return context
    except search.OverBudget:
        with search.time_budget(settings.SEARCH_DEGRADED_BUDGET_MS):
            return _degraded_results_context(request, filterset)


def _full_results_context(request, filterset, *, whole_archive: bool = False) -> dict:
    """See docs/search.md for the query count. `whole_archive`: the list is
    every article, counted from the stored FacetCount rows when there are
    some, else the timeline counts every article per year."""
    listing = search.Listing(filterset, whole_archive=whole_archive)
    results = listing.results.only(*LIST_FIELDS)
    if not filterset.parsed.has_text:
        # The lead is the snippet of a list without words (with words it is
        # the headline). Not for a ranked list: every row it sorts would
        # decompress its body first (~15 ms for a window of 1,000).
        results = results.annotate(lead=Left("body", 300))
    page = paginate(request, results, paginator=PlannedPaginator(listing, results, PAGE_SIZE))
    attach_places(page.object_list)
    search.attach_snippets(page.object_list, filterset.parsed)
    facets = search.facets(listing, request.GET)
    hidden_params = [(facet.name, value.value) for facet in facets for value in facet.selected]
    return {
        "page": page,
        "q": filterset.values.get("q", ""),
        "parsed": filterset.parsed,
        "sort": filterset.sort_order,
        "sorts": SORTS,
        "facets": facets,
        "chips": [value for facet in facets for value in facet.selected],
        # A new query keeps the chosen facets (known values only).
        "hidden_params": hidden_params,
        "list_query": _list_query(filterset, hidden_params),
        "timeline": _timeline(
            facets, listing, whole_archive and listing.stored is None and stats.year_counts(filterset.qs)
        ),
        "listing": listing,
    }


class DegradedPage:
    """A page of results that was not counted: it knows only whether a next
    page exists (one row more was fetched)."""

    paginator = None

    def __init__(self, rows: list, number: int, per_page: int):
        self.object_list = rows[:per_page]
        self.number = number
        self._has_next = len(rows) > per_page

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self):
        return len(self.object_list)

    def has_next(self):
        return self._has_next

    def has_previous(self):
        return self.number > 1

    def has_other_pages(self):
        return self.has_next() or self.has_previous()

    def next_page_number(self):
        return self.number + 1

    def previous_page_number(self):
        return self.number - 1


def _degraded_results_context(request, filterset) -> dict:
    """The answer when the full page did not come in time: the matching
    articles newest first, one page at a time, without ranking, counts,
    facets or highlighted snippets."""
    number = request.GET.get("page", "1")
    if not number.isdecimal() or not 1 <= int(number) <= RESULT_CAP // PAGE_SIZE:
        raise Http404("Không có trang này")
    number = int(number)
    start = (number - 1) * PAGE_SIZE
    rows = list(
        search.newest_first(filterset.qs).only(*LIST_FIELDS)
        .annotate(lead=Left("body", 300))[start : start + PAGE_SIZE + 1]
    )
    page = DegradedPage(rows, number, PAGE_SIZE)
    attach_places(page.object_list)
    search.attach_snippets(page.object_list, search.parse(""))
    return {
        "page": page,
        "degraded": True,
        "q": filterset.values.get("q", ""),
        "parsed": filterset.parsed,
        "sort": "date",
        "sorts": SORTS,
        "facets": [],
        "chips": [],
        "hidden_params": [],
        "list_query": _list_query(filterset, []),
        "timeline": None,
        "listing": None,
    }


def _busy(request):
    response = render(request, "archive/busy.html", status=503)
    response["Retry-After"] = "30"
    return response


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


def search_page(request):
    """The archive's main page: query, facets, results. Every state is in the URL."""
    filterset = ArticleFilter(request.GET, queryset=Article.objects.all())
    if fmt := exports.requested_format(request):
        return exports.articles(request, filterset.export_queryset(), "bai-viet", fmt)
    # The bare home page shows the stored counts of the whole archive;
    # any other list counts its own.
    bare = not any(key != "page" for key in request.GET)
    try:
        context = _results_context(request, filterset, whole_archive=bare, entities=True)
    except search.OverBudget:
        return _busy(request)
    context["canonical"] = request.build_absolute_uri(reverse("archive:home")) if bare else None
    context["feed_url"] = _understood_url(reverse("archive:search-feed"), context)
    return render(request, "archive/search.html", context)


home = search_page


def article_detail(request, pk):
    article = get_object_or_404(Article.objects.defer("search_vector", "search_rank", "extraction"), pk=pk)
    visible = {"hidden": False}
    context = {
        "article": article,
        "canonical": canonical(request, article),
        "localities": article.locality_facts.filter(**visible).select_related("locality__province"),
        "roles": article.roles.filter(**visible).select_related("official").order_by("official__name", "id"),
        "organisations": article.organisation_facts.filter(**visible).select_related("organisation"),
        "agreements": article.agreement_facts.filter(**visible).select_related("agreement__period"),
        "periods": article.period_facts.filter(**visible).select_related("period"),
        "citations": article.citations.filter(**visible).select_related("document"),
        "show_raw": request.GET.get("raw") == "1",
    }
    return render(request, "archive/article_detail.html", context)


# -- Places ----------------------------------------------------------------------


def locality_detail(request, slug):
    """A province, district or commune: its articles with the search's facets,
    the units under it, agreements and officials there, and how it maps across
    the 1 July 2025 reform."""
    locality = Locality.objects.select_related("province", "successor", "parent").filter(slug=slug).first()
    if locality is None:
        return _moved(request, Locality, slug=slug)
    filterset = ArticleFilter(request.GET, queryset=stats.articles_in(locality))
    if fmt := exports.requested_format(request):
        return exports.articles(request, filterset.export_queryset(), f"bai-viet-{locality.slug}", fmt)
    try:
        context = _results_context(request, filterset)
    except search.OverBudget:
        return _busy(request)
    context.update(
        entity=locality,
        canonical=canonical(request, locality),
        feed_url=reverse("archive:locality-feed", args=[locality.slug]),
        children=stats.children_with_counts(locality),
        agreements=stats.agreements_in(locality),
        officials=stats.officials_in(locality),
        absorbed=(
            locality.absorbed.filter(level=Locality.Level.PROVINCE).order_by("name")
            if locality.era == Locality.Era.POST2025 and locality.level == Locality.Level.PROVINCE else []
        ),
        list_limit=stats.LIST_LIMIT,
    )
    return render(request, "archive/locality_detail.html", context)


def province_overview(request):
    """Every province of one era: articles and agreements per province (a
    chart) and which provinces have a programme for each period. Five queries."""
    era = Locality.Era.POST2025 if request.GET.get("era") == Locality.Era.POST2025 else Locality.Era.PRE2025
    provinces = list(stats.provinces(era))
    (articles, counted_at), agreements = stats.articles_per_province(era), stats.agreements_per_province(era)
    rows = [(p, articles.get(p.pk, 0), agreements.get(p.pk, 0)) for p in provinces]
    rows.sort(key=lambda row: (-row[1], -row[2], row[0].name))
    if fmt := exports.requested_format(request):
        lines = (
            {"slug": p.slug, "name": p.display, "url": canonical(request, p), "articles": a, "agreements": g}
            for p, a, g in rows
        )
        return exports.stream(lines, ["slug", "name", "url", "articles", "agreements"], fmt, f"tinh-thanh-{era}")
    periods, cells = stats.signing_table(era)
    table = [(p, [cells.get((p.pk, period.pk)) for period in periods]) for p, _a, _g in rows]
    chart = charts.bar_rows(
        [(p.name, p.get_absolute_url(), (a, g)) for p, a, g in rows], ["Bài viết", "Chương trình phối hợp"],
        title="Bài viết và chương trình phối hợp theo tỉnh, thành phố",
    )
    context = {"era": era, "eras": Locality.Era.choices, "chart": chart, "periods": periods, "table": table,
               "counted_at": counted_at, "canonical": request.build_absolute_uri(reverse("archive:provinces"))}
    return render(request, "archive/province_overview.html", context)


# -- Other entities --------------------------------------------------------------


def _entity_page(request, template, entity, articles, filename: str, **extra):
    """An entity with its articles (newest first), or all of them as CSV/JSON."""
    articles = search.newest_first(articles)
    if fmt := exports.requested_format(request):
        return exports.articles(request, articles, filename, fmt)
    page = paginate(request, articles.only(*LIST_FIELDS))
    context = {"entity": entity, "page": page, "canonical": canonical(request, entity), **extra}
    return render(request, template, context)


def official_detail(request, slug):
    official = Official.objects.filter(slug=slug).first()
    if official is None:
        return _moved(request, Official, slug=slug)
    roles = (
        official.roles.filter(hidden=False).select_related("article")
        .only("title", "seen_on", "official", "article__title", "article__published_on")
        .annotate(date=Coalesce("seen_on", "article__published_on"))
        .order_by(F("date").asc(nulls_last=True), "id")[:TIMELINE_LIMIT]
    )
    places = (
        Locality.objects.filter(roles__official=official, roles__hidden=False).select_related("province")
        .annotate(article_count=Count("roles__article", distinct=True)).order_by("-article_count", "name")[:50]
    )
    articles = with_facet_keys(Article.objects.all(), "officials", [official.pk])
    return _entity_page(
        request, "archive/official_detail.html", official, articles, f"bai-viet-{official.slug}",
        roles=roles, places=places, timeline_limit=TIMELINE_LIMIT,
        feed_url=reverse("archive:official-feed", args=[official.slug]),
    )


def organisation_detail(request, pk):
    organisation = Organisation.objects.filter(pk=pk).first()
    if organisation is None:
        return _moved(request, Organisation, pk=pk)
    agreements = organisation.agreements.select_related("period").order_by("-period__start", "name")[:stats.LIST_LIMIT]
    articles = with_facet_keys(Article.objects.all(), "organisations", [organisation.pk])
    return _entity_page(
        request, "archive/organisation_detail.html", organisation, articles, f"bai-viet-co-quan-{pk}",
        agreements=agreements,
    )


def agreement_detail(request, pk):
    agreement = Agreement.objects.select_related("period", "locality__province").filter(pk=pk).first()
    if agreement is None:
        return _moved(request, Agreement, pk=pk)
    facts = (
        agreement.article_facts.filter(hidden=False).select_related("article")
        .only("kind", "agreement", "article__title", "article__published_on")
        .order_by(F("article__published_on").asc(nulls_last=True), "id")[:TIMELINE_LIMIT]
    )
    articles = Article.objects.filter(Exists(_facts(ArticleAgreement, agreement=agreement)))
    Kind = ArticleAgreement.Kind
    return _entity_page(
        request, "archive/agreement_detail.html", agreement, articles, f"bai-viet-chuong-trinh-{pk}",
        reports=[
            ("Bài đưa tin ký kết", [f for f in facts if f.kind in (Kind.SIGN, Kind.BOTH)]),
            ("Bài đưa tin sơ kết, tổng kết", [f for f in facts if f.kind in (Kind.REVIEW, Kind.BOTH)]),
            ("Kế hoạch năm", [f for f in facts if f.kind == Kind.PLAN]),
        ],
    )


def agreement_list(request):
    """Agreements filtered by period, level, province and party kind."""
    filterset = AgreementFilter(request.GET, queryset=Agreement.objects.all())
    if fmt := exports.requested_format(request):
        return exports.agreements(request, filterset.qs, "chuong-trinh", fmt)
    agreements = filterset.qs.select_related("period", "locality__province").prefetch_related("parties")
    chosen = filterset.values
    context = {
        "page": paginate(request, agreements),
        "filters": filterset,
        "chosen": {
            "q": chosen.get("q", ""),
            "period": [f"{s}-{e}" for s, e in chosen.get("period") or []],
            "level": chosen.get("level") or [],
            "province": [p.slug for p in chosen.get("province") or []],
            "party": chosen.get("party") or [],
        },
        "periods": Period.objects.filter(kind=Period.Kind.PROGRAMME, agreements__isnull=False).distinct(),
        "levels": Agreement.Level.choices,
        "party_kinds": Organisation.Kind.choices,
        "provinces": Locality.objects.filter(level=Locality.Level.PROVINCE).order_by("era", "name"),
        "canonical": request.build_absolute_uri(reverse("archive:agreements")),
    }
    return render(request, "archive/agreement_list.html", context)


def _period_key(key: str) -> tuple[int, int]:
    try:
        start, end = (int(part) for part in key.split("-"))
    except ValueError:
        raise Http404("Giai đoạn không hợp lệ") from None
    return start, end


def period_detail(request, key):
    start, end = _period_key(key)
    periods = list(Period.objects.filter(start=start, end=end))
    if not periods:
        raise Http404("Không có giai đoạn này")
    agreements = (
        Agreement.objects.filter(period__in=periods).select_related("locality__province")
        .order_by("locality__name", "name", "pk")[:stats.LIST_LIMIT]
    )
    articles = with_facet_keys(Article.objects.all(), "periods", [start * 10000 + end])
    return _entity_page(
        request, "archive/period_detail.html", periods[0], articles, f"bai-viet-giai-doan-{key}",
        agreements=agreements, list_limit=stats.LIST_LIMIT,
    )


def period_list(request):
    """Every period with its number of articles and agreements (three queries)."""
    articles, counted_at = stats.articles_per_period()
    agreements = dict(Agreement.objects.exclude(period=None).values_list("period").annotate(n=Count("pk")).order_by())
    periods = list(Period.objects.all())
    for period in periods:
        period.article_count, period.agreement_count = articles.get(period.pk, 0), agreements.get(period.pk, 0)
    context = {"periods": periods, "counted_at": counted_at,
               "canonical": request.build_absolute_uri(reverse("archive:periods"))}
    return render(request, "archive/period_list.html", context)


def document_detail(request, pk):
    document = get_object_or_404(Document, pk=pk)
    spellings = (
        Citation.objects.filter(document=document, hidden=False).exclude(as_written="")
        .values_list("as_written", flat=True).distinct().order_by("as_written")[:10]
    )
    articles = Article.objects.filter(Exists(_facts(Citation, document=document)))
    return _entity_page(
        request, "archive/document_detail.html", document, articles, f"bai-viet-van-ban-{pk}", spellings=spellings,
    )


def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /api/",
        # Exports of whole result sets, and the endless facet combinations.
        "Disallow: /*format=",
        "Disallow: /tim-kiem/?",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")

