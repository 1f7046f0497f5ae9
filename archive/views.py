"""Server-rendered pages: request handlers. Querying lives in archive.search
(the search and its lists), archive.scopes (what a place or an entity
covers), archive.stats (counts), archive.results (a page of search results)
and archive.pagination; templates do the presentation.

Every list of articles answers `?format=csv|json` with all its matching rows
(archive/exports.py). Entity pages carry a canonical link; the old URL of a
merged or renamed entity redirects (301) to the one that is left.
"""

from django.db.models import Count, Exists, F
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from archive import caching, charts, exports, stats
from archive.maps import province_map
from archive.role_chart import role_timeline
from archive.entity_filters import AgreementFilter
from archive.models import (
    Agreement,
    Article,
    ArticleAgreement,
    Citation,
    Document,
    Locality,
    MergeRecord,
    Official,
    Organisation,
    Period,
)
from archive.pagination import PAGE_SIZE, StoredCountPaginator, paginate
from archive.results import LIST_FIELDS, results_context, understood_url
from archive.scopes import PROVINCE_ERAS, WRITTEN, Provinces, articles_in, era_of, facts_of, newest_first, with_facet_keys
from archive.search.filters import ArticleFilter
from archive.search.listing import OverBudget

TIMELINE_LIMIT = 200  # titles on an official's page; the rest is in the articles


def canonical(request, entity) -> str:
    return request.build_absolute_uri(entity.get_absolute_url())


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


def _busy(request):
    response = render(request, "archive/busy.html", status=503)
    response["Retry-After"] = "30"
    return response


def search_page(request):
    """The archive's main page: query, facets, results. Every state is in the URL."""
    filterset = ArticleFilter(request.GET, queryset=Article.objects.visible())
    if fmt := exports.requested_format(request):
        return exports.articles(request, filterset.export_queryset(), "bai-viet", fmt)
    # The bare home page shows the stored counts of the whole archive;
    # any other list counts its own.
    bare = not any(key != "page" for key in request.GET)
    whole_archive = not any(key not in ("page", "era") for key in request.GET)  # either era's stored counts
    try:
        context = results_context(request, filterset, whole_archive=whole_archive, with_entities=True)
    except OverBudget:
        return _busy(request)
    context["canonical"] = request.build_absolute_uri(reverse("archive:home")) if bare else None
    context["home_map"] = home_map() if bare and "page" not in request.GET else None
    context["feed_url"] = understood_url(reverse("archive:search-feed"), context)
    return render(request, "archive/search.html", context)


home = search_page


def article_detail(request, pk):
    article = get_object_or_404(
        Article.objects.visible().defer("search_vector", "search_exact", "search_rank", "extraction"), pk=pk
    )
    context = {
        "article": article,
        "canonical": canonical(request, article),
        "localities": article.locality_facts.visible().select_related("locality__province"),
        "roles": article.roles.visible().select_related("official").order_by("official__sort_name", "id"),
        "organisations": article.organisation_facts.visible().select_related("organisation"),
        "agreements": article.agreement_facts.visible().select_related("agreement__period"),
        "periods": article.period_facts.visible().select_related("period"),
        "citations": article.citations.visible().select_related("document"),
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
    era = era_of(request.GET.get("era"))
    filterset = ArticleFilter(request.GET, queryset=articles_in(locality, era=era))
    if fmt := exports.requested_format(request):
        return exports.articles(request, filterset.export_queryset(), f"bai-viet-{locality.slug}", fmt)
    try:
        context = results_context(request, filterset)
    except OverBudget:
        return _busy(request)
    context.update(
        entity=locality,
        canonical=canonical(request, locality),
        feed_url=reverse("archive:locality-feed", args=[locality.slug]),
        # The same for every list of the place: kept under the data version.
        children=caching.cached("children", lambda: stats.children_with_counts(locality), locality.pk),
        agreements=caching.cached("agreements-in", lambda: list(stats.agreements_in(locality)), locality.pk),
        officials=caching.cached("officials-by-term", lambda: stats.officials_by_term(locality), locality.pk),
        absorbed=(
            locality.absorbed.filter(level=Locality.Level.PROVINCE).order_by("sort_name")
            if locality.era == Locality.Era.POST2025 and locality.level == Locality.Level.PROVINCE else []
        ),
        era=era, eras=PROVINCE_ERAS,
        list_limit=stats.LIST_LIMIT,
    )
    return render(request, "archive/locality_detail.html", context)


def _province_rows(era: str, known: Provinces):
    """(province, label, articles, agreements) for every province of `era`,
    most articles first, and when the articles were counted: two queries."""
    articles, counted_at = stats.articles_per_province(era, known)
    agreements = stats.agreements_per_province(era, known)
    rows = [(p, known.label(p, era), articles.get(p.pk, 0), agreements.get(p.pk, 0)) for p in known.of_era(era)]
    rows.sort(key=lambda row: (-row[2], -row[3], row[0].sort_name))
    return rows, counted_at


def home_map():
    """The small map of the home page: the provinces as written (three queries)."""
    rows, _counted_at = _province_rows(WRITTEN, Provinces())
    return province_map(rows, title="Bài viết theo tỉnh, thành phố")


def province_overview(request):
    """Every province of one era (`era`: as written, or today's 34): articles
    and agreements per province (a chart) and which provinces have a
    programme for each period. Six queries."""
    era = era_of(request.GET.get("era"))
    known = Provinces()
    rows, counted_at = _province_rows(era, known)
    era_query = f"?era={era}" if era else ""
    if fmt := exports.requested_format(request):
        lines = (
            {"slug": p.slug, "name": label, "url": canonical(request, p) + era_query, "articles": a, "agreements": g}
            for p, label, a, g in rows
        )
        return exports.stream(lines, ["slug", "name", "url", "articles", "agreements"], fmt,
                              f"tinh-thanh-{era or 'khi-viet'}")
    periods, cells = stats.signing_table(era, known=known)
    table = [(p, label, [cells.get((p.pk, period.pk)) for period in periods]) for p, label, _a, _g in rows]
    chart = charts.bar_rows(
        [(known.label(p, era, short=True), p.get_absolute_url() + era_query, (a, g)) for p, _label, a, g in rows],
        ["Bài viết", "Chương trình phối hợp"],
        title="Bài viết và chương trình phối hợp theo tỉnh, thành phố",
    )
    title = "Bản đồ bài viết và chương trình phối hợp theo tỉnh, thành phố"
    context = {"era": era, "eras": PROVINCE_ERAS, "era_query": era_query, "chart": chart, "periods": periods,
               "map": province_map(rows, title=title, query=era_query),
               "table": table, "counted_at": counted_at,
               "canonical": request.build_absolute_uri(reverse("archive:provinces"))}
    return render(request, "archive/province_overview.html", context)


# -- Other entities --------------------------------------------------------------


def _entity_page(request, template, entity, articles, filename: str, total=None, **extra):
    """An entity with its articles (newest first), or all of them as CSV/JSON;
    `total`, the stored number of its articles, spares counting them."""
    articles = newest_first(articles)
    if fmt := exports.requested_format(request):
        return exports.articles(request, articles, filename, fmt)
    listed = articles.only(*LIST_FIELDS)
    paginator = None if total is None else StoredCountPaginator(listed, PAGE_SIZE, total)
    page = paginate(request, listed, paginator=paginator)
    context = {"entity": entity, "page": page, "canonical": canonical(request, entity), **extra}
    return render(request, template, context)


def official_detail(request, slug):
    official = Official.objects.filter(slug=slug).first()
    if official is None:
        return _moved(request, Official, slug=slug)
    roles = (
        official.roles.visible().select_related("article", "locality")
        .only("title", "seen_on", "official", "article__title", "article__published_on",
              "locality__name", "locality__unit_type")
        .annotate(date=Coalesce("seen_on", "article__published_on"))
        # A role's date is its article's unless the text gave another; an
        # undated article's roles have none and come last (the index's order).
        .order_by("seen_on", "id")[:TIMELINE_LIMIT]
    )
    articles = with_facet_keys(Article.objects.visible(), "officials", [official.pk])
    return _entity_page(
        request, "archive/official_detail.html", official, articles, f"bai-viet-{official.slug}",
        total=stats.articles_with_key("officials", official.pk),
        roles=roles, places=stats.places_of(official), timeline_limit=TIMELINE_LIMIT,
        role_chart=role_timeline(
            [(role.title, role.locality.display if role.locality else "", role.date and role.date.year)
             for role in roles],
            title=f"Chức danh của {official.name} theo năm và nơi",
        ),
        feed_url=reverse("archive:official-feed", args=[official.slug]),
    )


def organisation_detail(request, pk):
    organisation = Organisation.objects.filter(pk=pk).first()
    if organisation is None:
        return _moved(request, Organisation, pk=pk)
    agreements = organisation.agreements.select_related("period").order_by("-period__start", "sort_name")[:stats.LIST_LIMIT]
    articles = with_facet_keys(Article.objects.visible(), "organisations", [organisation.pk])
    return _entity_page(
        request, "archive/organisation_detail.html", organisation, articles, f"bai-viet-co-quan-{pk}",
        total=stats.articles_with_key("organisations", organisation.pk),
        agreements=agreements,
    )


def agreement_detail(request, pk):
    agreement = Agreement.objects.select_related("period", "locality__province").filter(pk=pk).first()
    if agreement is None:
        return _moved(request, Agreement, pk=pk)
    facts = (
        agreement.article_facts.visible().select_related("article")
        .only("kind", "agreement", "article__title", "article__published_on")
        .order_by(F("article__published_on").asc(nulls_last=True), "id")[:TIMELINE_LIMIT]
    )
    articles = Article.objects.visible().filter(Exists(facts_of(ArticleAgreement, agreement=agreement)))
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
        "provinces": Locality.objects.filter(level=Locality.Level.PROVINCE).order_by("era", "sort_name"),
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
        .order_by("locality__sort_name", "sort_name", "pk")[:stats.LIST_LIMIT]
    )
    articles = with_facet_keys(Article.objects.visible(), "periods", [start * 10000 + end])
    return _entity_page(
        request, "archive/period_detail.html", periods[0], articles, f"bai-viet-giai-doan-{key}",
        total=stats.articles_with_key("periods", start * 10000 + end),
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
        Citation.objects.visible().filter(document=document).exclude(as_written="")
        .values_list("as_written", flat=True).distinct().order_by("as_written")[:10]
    )
    articles = Article.objects.visible().filter(Exists(facts_of(Citation, document=document)))
    return _entity_page(
        request, "archive/document_detail.html", document, articles, f"bai-viet-van-ban-{pk}",
        # An article cites a document once, and a deleted article's facts are hidden.
        total=Citation.objects.visible().filter(document=document).count(),
        spellings=spellings,
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

