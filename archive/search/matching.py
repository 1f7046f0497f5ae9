"""A parsed query as SQL: the tsqueries, which articles match, how well, and
the highlighted snippets of a page.

Every tsquery is built from phraseto_tsquery over parameters: user text never
reaches tsquery syntax. Matching reads the folded vector (any spelling);
ranking adds the exact forms when the query carries diacritics.
"""

from __future__ import annotations

from functools import cached_property

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchQueryField, SearchRank
from django.db.models import Exists, F, FloatField, Func, OuterRef, Q, Value
from django.db.models.functions import Left, Replace
from django.utils.html import escape
from django.utils.safestring import mark_safe

from archive.models import Article, ArticlePeriod, Citation, Document, Role
from archive.scopes import articles_of_era, date_order, facts_of, in_places_of_era
from archive.search.entities import ArchiveLexicon, named_officials, named_places
from archive.search.query import ParsedQuery, parse
from archive.search.sql import estimate
from archive.search.vectors import EXACT, FOLDED

HEADLINE_CHARS = 1500  # how far into the body a snippet looks
# A place's name written in more articles than this is not joined with the
# place's own articles (place_reading).
PLACE_UNION_LIMIT = 2_000


class TsQuery(SearchQuery):
    """A whole tsquery written as SQL once per request (`tsquery`): a page
    uses the same query in five places (match, ranks, window, headlines), and
    Django would resolve, copy and hash a tree of SearchQuery objects for each
    (4-8 ms of CPU a page for a six-word query). It is a SearchQuery, so the
    `search_vector=` lookup takes it as it is. User text is only ever a
    parameter: phraseto_tsquery parses it, never tsquery syntax."""

    def __init__(self, sql: str, params: tuple):
        Func.__init__(self, output_field=SearchQueryField())
        self.sql, self.params, self.invert, self.config = sql, tuple(params), False, None

    def resolve_expression(self, *args, **kwargs):
        return self  # no column in it: nothing to resolve

    def as_sql(self, compiler, connection, **extra_context):
        return self.sql, list(self.params)

    @cached_property
    def identity(self):
        return (TsQuery, self.sql, self.params)


def _phrase_sql(text: str, config: str, exact: bool) -> tuple[str, list]:
    value = "archive_canonical(%s)" if exact else "%s"
    return f"phraseto_tsquery(%s::regconfig, {value})", [config, text]


def _any_sql(parts: list[tuple[str, list]], operator: str) -> tuple[str, list]:
    """`parts` joined by a tsquery operator (&& or ||), bracketed as Django's
    combined SearchQuery would be."""
    sql, params = parts[0]
    for part_sql, part_params in parts[1:]:
        sql, params = f"({sql} {operator} {part_sql})", params + part_params
    return sql, params


def tsquery(parsed: ParsedQuery, config: str, exact: bool = False) -> TsQuery | None:
    """OR of groups, AND of terms, OR of a term's alternatives, each alternative
    parsed by phraseto_tsquery: user text never reaches tsquery syntax. Built
    once per ParsedQuery and configuration."""
    key = (config, exact)
    if key not in parsed._tsqueries:
        groups = []
        for group in parsed.groups:
            terms = []
            for term in group:
                sql, params = _any_sql([_phrase_sql(text, config, exact) for text in term.alternatives], "||")
                terms.append((f"!!({sql})", params) if term.negated else (sql, params))
            groups.append(_any_sql(terms, "&&"))
        parsed._tsqueries[key] = TsQuery(*_any_sql(groups, "||")) if groups else None
    return parsed._tsqueries[key]


def adjacency_query(parsed: ParsedQuery) -> TsQuery | None:
    """OR of every pair of neighbouring plain words as a phrase: "dân vận"
    together ranks above "dân" … "vận" far apart."""
    if "adjacency" not in parsed._tsqueries:
        pairs = [
            _phrase_sql(f"{left.alternatives[0]} {right.alternatives[0]}", FOLDED, exact=False)
            for group in parsed.groups
            for left, right in zip(group, group[1:])
            if left.plain and right.plain and not (left.negated or right.negated)
        ]
        parsed._tsqueries["adjacency"] = TsQuery(*_any_sql(pairs, "||")) if pairs else None
    return parsed._tsqueries["adjacency"]


def match_condition(parsed: ParsedQuery) -> Q:
    """Which articles the query's words match: OR of groups, AND of a group's
    terms, any of a term's alternatives. A word typed with diacritics is
    matched in the exact vector (its spelling only), the others in the
    folded one (any spelling). The terms of a group that read one vector
    are one tsquery on it, so a group is at most one condition per vector
    (and one per term whose alternatives read both). Built once per
    ParsedQuery.

    An exact word is also matched folded: the folded vector is in the row
    and the exact one out of it (TOAST), so a list walked in date order
    reads the exact vector only of the articles whose folded words match."""
    if "match" not in parsed._tsqueries:
        groups = Q()
        for group in parsed.groups:
            by_vector = {"search_exact": [], "search_vector": []}
            both = Q()
            for term in group:
                alternatives = {"search_exact": [], "search_vector": []}
                for index, text in enumerate(term.alternatives):
                    exact = term.exact and index == 0
                    sql = _phrase_sql(text, EXACT if exact else FOLDED, exact)
                    alternatives["search_exact" if exact else "search_vector"].append(sql)
                read = [(vector, _any_sql(parts, "||")) for vector, parts in alternatives.items() if parts]
                if term.exact and not term.negated:
                    by_vector["search_vector"].append(
                        _any_sql([_phrase_sql(text, FOLDED, False) for text in term.alternatives], "||")
                    )
                if len(read) == 1:
                    vector, (sql, params) = read[0]
                    by_vector[vector].append((f"!!({sql})", params) if term.negated else (sql, params))
                    continue
                either = Q()
                for vector, (sql, params) in read:
                    either |= Q(**{vector: TsQuery(sql, params)})
                both &= ~either if term.negated else either
            condition = both
            for vector, terms in by_vector.items():
                if terms:
                    condition &= Q(**{vector: TsQuery(*_any_sql(terms, "&&"))})
            groups |= condition
        parsed._tsqueries["match"] = groups
    return parsed._tsqueries["match"]


def search(queryset, q: str | ParsedQuery, ranked: bool = True):
    """`queryset` narrowed to the query, annotated with `rank` and ordered best
    first (then newest). An empty query returns `queryset` with rank 0.
    Without `ranked` (a list the caller orders by date), no rank is computed:
    in the SELECT of a sorted list Postgres computes it for every match.
    A string is read with the archive's words and names (ArchiveLexicon)."""
    parsed = q if isinstance(q, ParsedQuery) else parse(q, lexicon=ArchiveLexicon())
    if parsed.periods or parsed.years:
        facts = ArticlePeriod.objects.visible().filter(article=OuterRef("pk"))
        when = Q()
        for start, end in parsed.periods:
            when |= Q(Exists(facts.filter(period__start=start, period__end=end)))
        for year in parsed.years:
            # The year itself reported on ("năm 2024": 2024-2024), not a longer
            # period that takes it in: a programme of 2021-2025 is not news of 2024.
            when |= Q(Exists(facts.filter(period__start=year, period__end=year)))
            when |= Q(published_on__year=year)
        queryset = queryset.filter(when)
    for kind, number in parsed.documents:
        queryset = queryset.filter(pk__in=_citing(kind, number))
    if parsed.has_text:
        queryset = _matching(queryset, parsed)
    if not (parsed.has_text and ranked):
        return queryset.annotate(rank=Value(0.0, output_field=FloatField())).order_by(*date_order())
    return queryset.annotate(rank=rank_expression(parsed)).order_by("-rank", *date_order())


def _citing(kind: str, number: str):
    """The ids of the articles that cite a document of `kind` numbered
    `number` ("Chỉ thị", "33": 33/CT-TTg), as a values queryset."""
    documents = Document.objects.filter(number__regex=rf"^{int(number)}([-/ ]|$)", kind=kind)
    return Citation.objects.visible().filter(document__in=documents).values("article")


def _matching(queryset, parsed: ParsedQuery):
    """`queryset` narrowed to the articles that match the query's text, or,
    for a query that is an entity's name (`entity_reading`), the entity's."""
    if parsed.entity_reading and (officials := named_officials(parsed)):
        # A name is found through the articles its official appears in: the
        # words of a name ("Dương", "Hồng", "Bình") are each in thousands of
        # articles, and checking where they stand together in each is slow.
        return queryset.filter(Exists(facts_of(Role, official__in=officials)))
    reading = place_reading(parsed)
    if reading == PLACE_AND_TEXT:
        text = Article.objects.filter(match_condition(parsed)).values("pk")
        return queryset.filter(pk__in=articles_of_era(named_places(parsed)).union(text))
    if reading == PLACE:
        return in_places_of_era(queryset, named_places(parsed))
    return queryset.filter(match_condition(parsed))


PLACE_AND_TEXT, PLACE = "place and text", "place"


def place_reading(parsed: ParsedQuery) -> str | None:
    """How a query that is a place's whole name (entities.named_places) is
    read, or None when it is read as words:
    - PLACE_AND_TEXT: the place's articles (its units' included, in its own
      era) and those that write the name, when the name is written in up to
      PLACE_UNION_LIMIT articles: the two lists of ids, joined;
    - PLACE: the place's articles, when the name is written in more articles
      but the place's own are at least half as many (a place's name, "Mai
      Châu": testing where its two words stand in tens of thousands of
      articles is what would make the page slow, and the articles that
      write it are nearly all the place's);
    - None: as words, when far more articles write the name than are about
      the place (a common word that is also a commune's name, "biên giới").
    One EXPLAIN, once per ParsedQuery, only for a place's name."""
    if "place" not in parsed._tsqueries:
        reading = None
        if parsed.entity_reading and not named_officials(parsed) and (places := named_places(parsed)):
            # The folded words alone: the planner would multiply the two
            # vectors' estimates as if they were independent (22 for a name
            # written in 12,910 articles of a million).
            written = estimate(Article.objects.filter(search_vector=tsquery(parsed, FOLDED)))
            if written <= PLACE_UNION_LIMIT:
                reading = PLACE_AND_TEXT
            elif 2 * sum(place.article_count for place in places) >= written:
                reading = PLACE
        parsed._tsqueries["place"] = reading
    return parsed._tsqueries["place"]


def rank_expression(parsed: ParsedQuery, whole_body: bool = True):
    """The relevance of an article to a query with text (higher is better):
    cover density (ts_rank_cd) of the query over the title and lead, which
    puts the articles whose words stand close together first, plus the
    words typed side by side, plus the exact diacritics. The last two are
    ranked by ts_rank: cover density costs 6-20 µs per row for each part
    (docs/performance.md), and these parts are about
    adjacency and spelling already.

    With `whole_body` (a list short enough to rank every match), the whole
    body counts too. Without it (the window of a broad query, where nearly
    every body matches anyway) only the small in-row vector is read."""
    folded = tsquery(parsed, FOLDED)
    rank = SearchRank(F("search_rank"), folded, cover_density=True)
    if whole_body:
        rank += SearchRank(F("search_vector"), folded, cover_density=True, normalization=Value(1))
    if parsed.has_diacritics:
        rank += 2 * SearchRank(F("search_rank"), tsquery(parsed, EXACT, exact=True))
    if adjacency := adjacency_query(parsed):
        vector = F("search_vector") if whole_body else F("search_rank")
        rank += SearchRank(vector, adjacency, normalization=Value(1))
    return rank


# -- Showing results ---------------------------------------------------------

_START, _STOP = "\ue000", "\ue001"  # private-use code points, removed from text first


def highlight(headline: str) -> str:
    """A ts_headline result as safe HTML: everything escaped, then only our
    sentinels turned into <mark>…</mark>."""
    return mark_safe(escape(headline).replace(_START, "<mark>").replace(_STOP, "</mark>"))


def attach_snippets(articles, parsed: ParsedQuery) -> None:
    """Set `snippet` (safe HTML) on each of `articles` — the displayed page
    only. One query when the query has text, none otherwise."""
    articles = list(articles)
    if not articles:
        return
    if not parsed.has_text:
        for article in articles:
            article.snippet = escape(article.lead)
        return
    text = Replace(Replace(Left("body", HEADLINE_CHARS), Value(_START), Value("")), Value(_STOP), Value(""))
    headline = SearchHeadline(
        text, tsquery(parsed, FOLDED), config=FOLDED, start_sel=_START, stop_sel=_STOP,
        max_words=35, min_words=15, short_word=1, max_fragments=2, fragment_delimiter=" … ",
    )
    snippets = dict(Article.objects.filter(pk__in=[a.pk for a in articles]).values_list("pk", headline))
    for article in articles:
        article.snippet = highlight(snippets.get(article.pk) or "")


