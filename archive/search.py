"""Full-text search over articles, built for Vietnamese. All of it lives here.

Postgres has no Vietnamese stemmer, and Vietnamese words are syllables written
with spaces ("dân vận"), so the 'simple' parser does the splitting and we add:

- folding: the text-search configuration ``archive_folded`` is 'simple' with the
  ``unaccent`` dictionary in front (created by migration 0004). "Trần", "tran",
  NFD "Trần", "Ðảng" with a look-alike Ð all become the lexemes 'tran', 'dang'.
  Matching always uses the folded vector and the folded query; the headline
  uses the same config, so "tran" highlights "Trần" in the original text.
- exact ranking: ``archive_canonical(text)`` (SQL, IMMUTABLE, migration 0004)
  lower-cases, NFC-normalises and moves tones to the archive's old-style place
  (hoà → hòa, uỷ → ủy), like ``archive.text.normalize`` does in Python. The
  small ``search_rank`` vector holds those exact lexemes for the title and
  lead, so a query with diacritics ranks "Đảng" above "đang".
- abbreviations (``archive.abbreviations``): a query term "UBND" also matches
  the phrase "Ủy ban nhân dân" and the other way round.
- periods: "2021-2025", "giai đoạn 2022 - 2026", "năm 2024" are taken out of the
  text query and matched against the extracted periods (ArticlePeriod), because
  the parser splits "2021-2025" into '2021' and '-2025'.

Two stored vectors on Article (GeneratedField, see models.py):
``search_vector`` (folded; title A, body C; GIN index) decides what matches;
``search_rank`` (title A + first LEAD_CHARS of body B, both exact and folded,
small enough to stay cheap) does most of the ranking.
"""

from __future__ import annotations

import re
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from urllib.parse import urlencode

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchQueryField, SearchRank, SearchVector
from django.db.models import Exists, F, FloatField, Func, OuterRef, Q, TextField, Value
from django.db.models.functions import Left, Replace
from django.utils.html import escape
from django.utils.safestring import mark_safe
from psycopg.errors import QueryCanceled

from archive.abbreviations import ABBREVIATIONS
from archive.text import fold, normalize

FOLDED = "archive_folded"  # 'simple' + unaccent: vector, query and headline
EXACT = "simple"  # over archive_canonical(): the exact-form ranking lexemes

# How much of the body goes into the small ranking vector: small enough that
# the vector stays in the row (not TOASTed), so ranking a window of 2,000
# broad matches reads little. Headlines look further.
LEAD_CHARS = 400
HEADLINE_CHARS = 1500
# to_tsvector refuses documents over 1 MB of lexemes, and positions stop at
# 16,383 anyway: index the first 100,000 characters of a (rare) huge body.
BODY_CHARS = 100_000


class Canonical(Func):
    """archive_canonical(text): lower case, NFC, old-style tone placement."""

    function = "archive_canonical"
    output_field = TextField()


def folded_vector():
    """Expression of Article.search_vector (matching)."""
    return SearchVector("title", config=FOLDED, weight="A") + SearchVector(
        Left("body", BODY_CHARS), config=FOLDED, weight="C"
    )


def rank_vector():
    """Expression of Article.search_rank: title and lead, exact and folded."""
    lead = Left("body", LEAD_CHARS)
    return (
        SearchVector(Canonical("title"), config=EXACT, weight="A")
        + SearchVector(Canonical(lead), config=EXACT, weight="B")
        + SearchVector("title", config=FOLDED, weight="A")
        + SearchVector(lead, config=FOLDED, weight="B")
    )


# -- Reading a query ---------------------------------------------------------

MAX_QUERY_CHARS = 200
MAX_TERMS = 12

_PERIOD_RE = re.compile(
    r"(?:\b(?:giai\s+đoạn|giai\s+doan|nhiệm\s+kỳ|nhiem\s+ky|gđ|gd)\s*)?"
    r"(?<![\w/.-])((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)\d\d)(?![\w/-])",
    re.IGNORECASE,
)
_YEAR_RE = re.compile(r"(?:\b(?:năm|nam)\s+)?(?<![\w/.-])((?:19|20)\d\d)(?![\w/-])", re.IGNORECASE)
_TOKEN_RE = re.compile(r'(-?)"([^"]*)"?|(\S+)')
_HAS_WORD = re.compile(r"[^\W_]")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ue000\ue001]")


def _words(text: str) -> tuple[str, ...]:
    return tuple(re.findall(r"[^\W_]+", fold(text)))


def _abbreviation_ok_alone(abbreviation: str) -> bool:
    """Whether an abbreviation's folded form is safe as a search term by itself:
    "TU" folds to 'tu', which would match every "từ" and "tư"."""
    folded = fold(abbreviation)
    return len(folded) >= 3 or bool(set(folded) & set("fjwz"))


_ABBREVIATION_BY_FOLD: dict[str, str] = {}
_ABBREVIATIONS_OF: dict[tuple[str, ...], list[str]] = {}
for _abbreviation, _expansion in ABBREVIATIONS:
    if _abbreviation_ok_alone(_abbreviation):
        _ABBREVIATION_BY_FOLD.setdefault(fold(_abbreviation), _abbreviation)
        _ABBREVIATIONS_OF.setdefault(_words(_expansion), []).append(_abbreviation)
_EXPANSION = dict(ABBREVIATIONS)
_LONGEST_EXPANSION = max(len(words) for words in _ABBREVIATIONS_OF)


@dataclass
class Term:
    """One element of a query: any of `alternatives` (each a phrase)."""

    alternatives: list[str]
    negated: bool = False
    plain: bool = True  # a single unquoted word as typed


@dataclass
class ParsedQuery:
    """A query as the search understands it (websearch syntax: "quoted phrase",
    -exclusion, OR). `groups` are ORed; the terms of a group are ANDed."""

    raw: str
    text: str = ""  # normalised, without the periods and years taken out
    groups: list[list[Term]] = field(default_factory=list)
    periods: list[tuple[int, int]] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    _officials: list | None = field(default=None, repr=False, compare=False)  # named_officials, once
    _tsqueries: dict = field(default_factory=dict, repr=False, compare=False)  # _tsquery, once each

    def __bool__(self):
        return bool(self.groups or self.periods or self.years)

    @property
    def has_text(self) -> bool:
        return bool(self.groups)

    @property
    def has_diacritics(self) -> bool:
        return fold(self.text) != self.text.lower()

    @property
    def is_name_like(self) -> bool:
        """Plain words only, as a name would be typed (for the entity box)."""
        return len(self.groups) == 1 and all(t.plain for t in self.groups[0]) and 1 <= len(self.groups[0]) <= 6


def parse(q: str | None) -> ParsedQuery:
    """Read a query string; never fails, whatever it holds."""
    raw = (q or "")[:MAX_QUERY_CHARS]
    text = normalize(_CONTROL.sub(" ", raw)).strip()
    parsed = ParsedQuery(raw=raw)

    def take_period(match):
        start, end = int(match.group(1)), int(match.group(2))
        if start <= end <= start + 30 and (start, end) not in parsed.periods:
            parsed.periods.append((start, end))
        return " "

    def take_year(match):
        year = int(match.group(1))
        if year not in parsed.years:
            parsed.years.append(year)
        return " "

    text = _YEAR_RE.sub(take_year, _PERIOD_RE.sub(take_period, text))
    parsed.text = " ".join(text.replace('"', " ").split())

    group: list[Term] = []
    count = 0
    for match in _TOKEN_RE.finditer(text):
        if count >= MAX_TERMS:
            break
        minus, quoted, bare = match.groups()
        if bare is not None and bare.lower() == "or":
            if group:
                parsed.groups.append(group)
            group = []
            continue
        if quoted is not None:
            phrase = " ".join(quoted.split())
            if _HAS_WORD.search(phrase):
                group.append(Term(_phrase_alternatives(phrase), negated=bool(minus), plain=False))
                count += 1
            continue
        negated = bare.startswith("-") and len(bare) > 1
        word = bare[1:] if negated else bare
        if _HAS_WORD.search(word):
            group.append(Term([word], negated=negated))
            count += 1
    if group:
        parsed.groups.append(group)
    parsed.groups = [_with_abbreviations(g) for g in parsed.groups]
    return parsed


def _abbreviation_of_token(token: str) -> str | None:
    stripped = token.strip(".,;:!?()[]")
    if stripped in _EXPANSION:
        return stripped
    return _ABBREVIATION_BY_FOLD.get(fold(stripped))


def _with_abbreviations(group: list[Term]) -> list[Term]:
    """Plain words that spell an expansion ("ủy ban nhân dân") become one term
    that also matches the abbreviation, and an abbreviation ("UBND", "ubnd")
    also matches its expansion."""
    result: list[Term] = []
    i = 0
    while i < len(group):
        term = group[i]
        if not term.plain or term.negated:
            result.append(term)
            i += 1
            continue
        run = []
        for j in range(i, min(len(group), i + _LONGEST_EXPANSION)):
            if not group[j].plain or group[j].negated:
                break
            run.append(group[j].alternatives[0])
        for length in range(len(run), 1, -1):
            abbreviations = _ABBREVIATIONS_OF.get(_words(" ".join(run[:length])))
            if abbreviations:
                result.append(Term([" ".join(run[:length]), *abbreviations], plain=False))
                i += length
                break
        else:
            abbreviation = _abbreviation_of_token(term.alternatives[0])
            if abbreviation:
                alternatives = [_EXPANSION[abbreviation]]
                if _abbreviation_ok_alone(abbreviation):
                    alternatives.append(term.alternatives[0])
                result.append(Term(alternatives, plain=False))
            else:
                result.append(term)
            i += 1
    return result


def _phrase_alternatives(phrase: str) -> list[str]:
    """A quoted phrase, and the same phrase with its abbreviations expanded or
    its expansions abbreviated."""
    alternatives = [phrase]
    tokens = phrase.split()
    expanded = " ".join(_EXPANSION.get(t, t) for t in tokens)
    if expanded != phrase:
        alternatives.append(expanded)
    folded = fold(phrase)
    for words, abbreviations in _ABBREVIATIONS_OF.items():
        spelled = " ".join(words)
        if len(words) > 1 and spelled in folded:
            for abbreviation in abbreviations:
                contracted = re.sub(re.escape(spelled), abbreviation, folded)
                if contracted not in alternatives:
                    alternatives.append(contracted)
    return alternatives


# -- Turning it into SQL -----------------------------------------------------


class TsQuery(SearchQuery):
    """A whole tsquery written as SQL once per request (`_tsquery`): a page
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


def _tsquery(parsed: ParsedQuery, config: str, exact: bool = False) -> TsQuery | None:
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


def _adjacency_query(parsed: ParsedQuery) -> TsQuery | None:
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


def search(queryset, q: str | ParsedQuery, ranked: bool = True):
    """`queryset` narrowed to the query, annotated with `rank` and ordered best
    first (then newest). An empty query returns `queryset` with rank 0.
    Without `ranked` (a list the caller orders by date), no rank is computed:
    in the SELECT of a sorted list Postgres computes it for every match."""
    from archive.models import ArticlePeriod

    parsed = q if isinstance(q, ParsedQuery) else parse(q)
    if parsed.periods or parsed.years:
        facts = ArticlePeriod.objects.filter(article=OuterRef("pk"), hidden=False)
        when = Q()
        for start, end in parsed.periods:
            when |= Q(Exists(facts.filter(period__start=start, period__end=end)))
        for year in parsed.years:
            when |= Q(Exists(facts.filter(period__start__lte=year, period__end__gte=year)))
            when |= Q(published_on__year=year)
        queryset = queryset.filter(when)
    if parsed.has_text:
        queryset = _matching(queryset, parsed)
    if not (parsed.has_text and ranked):
        return queryset.annotate(rank=Value(0.0, output_field=FloatField())).order_by("-published_on", "-id")
    return queryset.annotate(rank=rank_expression(parsed)).order_by("-rank", "-published_on", "-id")


def _matching(queryset, parsed: ParsedQuery):
    """`queryset` narrowed to the articles that match the query's text."""
    from archive.models import Role

    if officials := named_officials(parsed):
        # A name is found through the articles its official appears in: the
        # words of a name ("Dương", "Hồng", "Bình") are each in thousands of
        # articles, and checking where they stand together in each is slow.
        roles = Role.objects.filter(article=OuterRef("pk"), hidden=False, official__in=officials)
        return queryset.filter(Exists(roles))
    return queryset.filter(search_vector=_tsquery(parsed, FOLDED))


def rank_expression(parsed: ParsedQuery, whole_body: bool = True):
    """The relevance of an article to a query with text (higher is better):
    cover density (ts_rank_cd) of the query over the title and lead, which
    puts the articles whose words stand close together first, plus the
    words typed side by side, plus the exact diacritics. The last two are
    ranked by ts_rank: cover density costs 6-20 µs per row for each part
    (docs/performance.md, sessions 6 and 7), and these parts are about
    adjacency and spelling already.

    With `whole_body` (a list short enough to rank every match), the whole
    body counts too. Without it (the window of a broad query, where nearly
    every body matches anyway) only the small in-row vector is read."""
    folded = _tsquery(parsed, FOLDED)
    rank = SearchRank(F("search_rank"), folded, cover_density=True)
    if whole_body:
        rank += SearchRank(F("search_vector"), folded, cover_density=True, normalization=Value(1))
    if parsed.has_diacritics:
        rank += 2 * SearchRank(F("search_rank"), _tsquery(parsed, EXACT, exact=True))
    if adjacency := _adjacency_query(parsed):
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
    from archive.models import Article

    articles = list(articles)
    if not articles:
        return
    if not parsed.has_text:
        for article in articles:
            article.snippet = escape(article.lead)
        return
    text = Replace(Replace(Left("body", HEADLINE_CHARS), Value(_START), Value("")), Value(_STOP), Value(""))
    headline = SearchHeadline(
        text, _tsquery(parsed, FOLDED), config=FOLDED, start_sel=_START, stop_sel=_STOP,
        max_words=35, min_words=15, short_word=1, max_fragments=2, fragment_delimiter=" … ",
    )
    snippets = dict(Article.objects.filter(pk__in=[a.pk for a in articles]).values_list("pk", headline))
    for article in articles:
        article.snippet = highlight(snippets.get(article.pk) or "")


# -- Entities named by the query ---------------------------------------------

_UNIT_PREFIX = re.compile(
    r"^(tỉnh|thành phố|tp\.?|huyện|quận|thị xã|tx\.?|xã|phường|thị trấn|đặc khu)\s+", re.IGNORECASE
)


@dataclass
class Entities:
    officials: list = field(default_factory=list)
    localities: list = field(default_factory=list)
    suggestions: list = field(default_factory=list)  # nearest officials: "did you mean"

    def __bool__(self):
        return bool(self.officials or self.localities or self.suggestions)


def named_officials(parsed: ParsedQuery) -> list:
    """The officials whose whole name the query is: folded, so "tran thi dieu
    minh" names every Trần Thị Diệu Minh; typed with diacritics, it must be
    the name as written. A search for a name lists the articles these
    officials appear in (`search`); quoted, it is a phrase like any other.
    One query per ParsedQuery (kept on it), none for what is not a name."""
    from archive.models import Official

    if parsed._officials is None:
        parsed._officials = []
        name = " ".join(_words(parsed.text))
        if parsed.is_name_like and not (parsed.periods or parsed.years) and " " in name and len(name) <= 80:
            parsed._officials = [
                official
                for official in Official.objects.filter(ascii_name=name).order_by("name")[:10]
                if not parsed.has_diacritics or official.name.lower() == normalize(parsed.text).lower()
            ][:5]
    return parsed._officials


def entities(parsed: ParsedQuery, suggest: bool = True) -> Entities:
    """Officials and localities whose name is the query (folded), shown first;
    failing that, and if `suggest`, the officials with the nearest names
    (pg_trgm). Two queries for most names, at most five (the places'
    counts, suggestions); none for a query that does not look like a name."""
    from django.contrib.postgres.search import TrigramWordSimilarity

    from archive.models import Locality, Official

    found = Entities()
    if not parsed.is_name_like or parsed.periods or parsed.years:
        return found
    name = " ".join(_words(parsed.text))
    if not 2 <= len(name) <= 80:
        return found
    found.officials = named_officials(parsed)
    place = _UNIT_PREFIX.sub("", parsed.text)
    unit = parsed.text[: len(parsed.text) - len(place)].strip().lower().rstrip(".")
    localities = Locality.objects.filter(ascii_name=" ".join(_words(place))).select_related("province")
    if unit in {"tỉnh", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn", "thành phố", "đặc khu"}:
        localities = localities.filter(unit_type=unit)
    # Folding merges names ("Dân vận" and xã Đản Ván): typed with diacritics,
    # a place must match them; typed without, it must have articles.
    if parsed.has_diacritics:
        wanted = normalize(place).lower()
        localities = [unit for unit in localities if unit.name.lower() == wanted]
    localities = [unit for unit in _with_listed_articles(list(localities)) if parsed.has_diacritics or unit.article_count]
    found.localities = sorted(localities, key=lambda unit: (-unit.article_count, unit.era, unit.level, unit.name))[:6]
    if suggest and not (found.officials or found.localities) and len(name) >= 4:
        found.suggestions = list(
            Official.objects.filter(ascii_name__trigram_word_similar=name)
            .annotate(similarity=TrigramWordSimilarity(name, "ascii_name"))
            .order_by("-similarity", "name")[:5]
        )
    return found


def _with_listed_articles(localities: list) -> list:
    """Set `article_count` on each of `localities`: how many articles its
    page lists. A province or district counts its ArticlePlace rows (its
    articles and its units'), from the (place, article) index alone; a
    commune counts its visible facts. Counting a province's facts and
    reading each one's `hidden` flag took 109 ms at 1M for "Lâm Đồng", and
    grew with the archive. No query when no place has the name."""
    from django.db.models import Count

    from archive.models import ArticleLocality, ArticlePlace, Locality

    scoped = [unit.pk for unit in localities if unit.level in (Locality.Level.PROVINCE, Locality.Level.DISTRICT)]
    communes = [unit.pk for unit in localities if unit.pk not in scoped]
    counts = {}
    if scoped:
        rows = ArticlePlace.objects.filter(place__in=scoped).values_list("place").annotate(n=Count("*"))
        counts.update(rows.order_by())
    if communes:
        rows = ArticleLocality.objects.filter(locality__in=communes, hidden=False).values_list("locality")
        counts.update(rows.annotate(n=Count("*")).order_by())
    for unit in localities:
        unit.article_count = counts.get(unit.pk, 0)
    return localities


# -- Lists at scale -------------------------------------------------------------

# Ranking, counting and faceting every match costs time in proportion to the
# matches: seconds for "dân vận", which is in nearly every article of a
# million. So a list is planned first from the planner's estimate (EXPLAIN, no
# rows read). A list expected to hold more than BROAD articles is "broad":
# relevance is ranked among its newest WINDOW matches only (sorting by date
# still reaches every match, through the date index), and the count shown is
# the estimate ("khoảng 480.000"). Facets count the newest WINDOW matches of
# any list (all of them when there are fewer), and the page says when that
# is a sample.
BROAD = 2_000
WINDOW = 1_000


def estimate(queryset) -> int:
    """The planner's estimate of how many rows `queryset` holds (EXPLAIN:
    planned, not run; about a millisecond whatever the archive's size)."""
    from django.db import connection

    sql, params = queryset.order_by().values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (FORMAT JSON) " + sql, params)
        plan = cursor.fetchone()[0]
    if isinstance(plan, str):
        import json

        plan = json.loads(plan)
    return int(plan[0]["Plan"]["Plan Rows"])


def newest_first(queryset):
    """Date order, newest first. A list narrowed to one place
    (archive.filters.in_places) is ordered by that place's copy of the date,
    which its index holds in order; one narrowed by period, official or
    organisation (archive.filters.with_facet_keys), by its facet keys' copy, so that the
    matches found through their GIN index are sorted without visiting
    each article."""
    annotations = queryset.query.annotations
    date = next((name for name in ("place_date", "key_date") if name in annotations), "published_on")
    return queryset.order_by(f"-{date}", "-id")


def newest_pks(queryset) -> list[int]:
    """The ids of the newest WINDOW articles of `queryset`: one bounded
    query, through the date index when the list is broad."""
    return list(newest_first(queryset).values_list("pk", flat=True)[:WINDOW])


class Listing:
    """A filtered list of articles as a page shows it: its results in order,
    its count and the samples its facets count over, planned once per request
    so that none of it grows with the archive (see above)."""

    def __init__(self, filterset, whole_archive: bool = False):
        """`whole_archive`: the list is every article (no query, no filter),
        so the stored FacetCount rows answer its count and facets."""
        from archive.models import Article

        self.filterset = filterset
        self.parsed = filterset.parsed
        self.matches = filterset.qs  # ordered by rank or date
        self.stored, self.total, self.counted_at = stored_facet_counts() if whole_archive else (None, None, None)
        self.estimate = estimate(self.matches)
        self.broad = max(self.estimate, self.total or 0) > BROAD
        self.ranked_window = self.broad and self.parsed.has_text and filterset.sort_order == "relevance"
        self.window: list[int] = []  # a ranked window's ids, newest first
        self.ranked: list[int] = []  # the same, best first
        self.results = self.matches
        self._samples: dict[str, list[int]] = {}
        if self.ranked_window:
            self.window, self.ranked = self._rank_window()
            self._samples[_key(self.matches)] = self.window  # the facets' sample
            self.results = (
                Article.objects.filter(pk__in=_pk_array(self.window))
                .annotate(rank=rank_expression(self.parsed, whole_body=False))
                .order_by("-rank", "-published_on", "-id")
            )

    def _rank_window(self) -> tuple[list[int], list[int]]:
        """The newest WINDOW matches (the facets' sample), and the same ids
        best first. One query in two levels: the inner one takes the newest
        matches with their small rank vector, the outer one ranks only those.
        The rank is computed on the rows the walk down the date index reads
        anyway, so a page then reads only its own rows (PlannedPaginator),
        not the window's 1,000 again. Ranked in the inner query, the rank
        would be computed for every match whenever the planner reads them
        through the GIN index and sorts them by date, as it does for a few
        thousand matches: 119 → 43 ms for 4,765 (docs/performance.md,
        session 7)."""
        from archive.models import Article

        newest = newest_first(self.matches).values_list("id", "published_on", "search_rank")[:WINDOW]
        newest_sql, newest_params = newest.query.sql_with_params()
        query = Article.objects.all().query
        rank = rank_expression(self.parsed, whole_body=False).resolve_expression(query)
        rank_sql, rank_params = query.get_compiler(self.matches.db).compile(rank)
        # The outer query's alias is the table's name, so that the rank's
        # column references ("archive_article"."search_rank") name the inner rows.
        rows = _run(
            f'SELECT "archive_article"."id", {rank_sql}, "archive_article"."published_on" '
            f'FROM ({newest_sql}) AS "archive_article"',
            (*rank_params, *newest_params),
        )  # plain tuples: the ORM's rows cost ~2 ms more
        # As `results` orders: rank, then date (DESC: no date first), then id, all descending.
        best_first = sorted(rows, key=lambda row: (
            -row[1], row[2] is not None, -(row[2].toordinal() if row[2] else 0), -row[0]
        ))
        return [pk for pk, _rank, _date in rows], [pk for pk, _rank, _date in best_first]

    @property
    def approximate(self) -> bool:
        """Whether the count shown is the planner's estimate."""
        return self.broad and self.total is None

    @property
    def rounded_estimate(self) -> int:
        """The estimate to two significant digits: it is no more precise."""
        digits = max(len(str(self.estimate)) - 2, 0)
        return round(self.estimate, -digits)

    def page_count(self, result_cap: int) -> int:
        """How many results the pages reach: the ranked window, else every
        match up to `result_cap` (the estimate when broad: pages past the
        real end come out empty)."""
        if self.ranked_window:
            return len(self.window)
        if self.broad and self.total is None:
            return min(self.estimate, result_cap)
        # Exact up to the cap. For the whole archive too: the stored total
        # may be older than the last article, and counting 10,000 rows of
        # the date index without a condition takes milliseconds.
        if not self.broad:
            # The facets' sample (fetched once) holds every match of a
            # short list: no query of its own to count it.
            sample = self.sample(self.matches)
            if len(sample) < WINDOW:
                return len(sample)
        return self.matches.order_by().values("pk")[:result_cap].count()

    def sample(self, queryset) -> list[int]:
        """The newest WINDOW ids of `queryset` (the matches, or the matches
        without one facet's filter), fetched once per distinct query."""
        key = _key(queryset)
        if key not in self._samples:
            self._samples[key] = newest_pks(queryset)
        return self._samples[key]

    @property
    def facets_exact(self) -> bool:
        """Whether every facet counted all its matches, not the newest WINDOW."""
        return self.stored is not None or all(len(pks) < WINDOW for pks in self._samples.values())

    @property
    def facet_basis(self) -> int:
        return WINDOW


def _key(queryset) -> str:
    sql, params = queryset.order_by().values("pk").query.sql_with_params()
    return sql + repr(params)


def _ids(pks: list[int]) -> str:
    """Ids as one Postgres array literal, "{1,2,3}", for a `%s::bigint[]`
    parameter: psycopg's list dumper takes ~5 ms of Python for 1,000 ids (a
    page sends several such lists), joining them takes ~0.1 ms."""
    return "{" + ",".join(str(int(pk)) for pk in pks) + "}"


def _pk_array(pks: list[int]):
    """`pk__in` operand for a long list: one array parameter, not one
    placeholder per value."""
    from django.db.models.expressions import RawSQL

    return RawSQL("SELECT unnest(%s::bigint[])", (_ids(pks),))


# -- A time budget per page ---------------------------------------------------


BUDGET_SLACK_MS = 100


class OverBudget(Exception):
    """The work under a time_budget did not finish in time."""


@contextmanager
def time_budget(milliseconds: int):
    """Run the block's queries in one read transaction that may take at most
    `milliseconds` in all (give or take BUDGET_SLACK_MS): the server's
    statement_timeout follows the time left, so a slow statement is
    cancelled by Postgres itself. Raises OverBudget when time runs out
    (the transaction is rolled back; the connection stays usable)."""
    from django.db import OperationalError, connection, transaction

    deadline = time.monotonic() + milliseconds / 1000
    timeout_set = [None]

    def limit(execute, sql, params, many, context):
        left = int((deadline - time.monotonic()) * 1000)
        if left <= 0:
            raise OverBudget(f"time budget of {milliseconds} ms spent")
        # A round trip per statement would cost more than the statements of
        # a fast page: the timeout is lowered only when it would let a
        # statement overrun the budget by more than BUDGET_SLACK_MS.
        if timeout_set[0] is None or left < timeout_set[0] - BUDGET_SLACK_MS:
            context["cursor"].cursor.execute(f"SET LOCAL statement_timeout = {left}")
            timeout_set[0] = left
        return execute(sql, params, many, context)

    try:
        with transaction.atomic():
            with connection.execute_wrapper(limit):
                yield
            # Inside an outer transaction (tests) SET LOCAL would outlive
            # the block: give later statements the usual timeout back.
            connection.connection.execute("SET LOCAL statement_timeout = DEFAULT")
    except OperationalError as error:
        if isinstance(error.__cause__, QueryCanceled):
            raise OverBudget(str(error).strip()) from error
        raise


# -- Facets --------------------------------------------------------------------

FACET_SIZE = 30  # values shown per facet (all of them for short facets)


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False
    link: tuple = ()  # toggle_url's arguments for `url`

    @cached_property
    def url(self) -> str:
        """The page with this value toggled. Built when shown: the home page
        shows its facets from a cached fragment, and ~600 links cost ~12 ms."""
        return toggle_url(*self.link) if self.link else ""


@dataclass
class Facet:
    name: str  # the URL parameter
    title: str
    values: list[FacetValue]

    @property
    def selected(self):
        return [v for v in self.values if v.selected]


def toggle_url(params, name: str, values: list[str]) -> str:
    """The current URL with parameter `name` set to `values`, back on page 1.
    (What {% querystring %} does, for a parameter named at run time.)"""
    pairs, placed = [], False
    for key, current in params.lists():  # QueryDict.copy() would deep-copy it, once per link
        if key == "page":
            continue
        if key == name:
            current, placed = values, True
        pairs += [(key, value) for value in current]
    if not placed and name != "page":
        pairs += [(name, value) for value in values]
    return "?" + urlencode(pairs)


def _run(sql: str, params) -> list[tuple]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _key_counts(sample: list[int] | None, names: set[str]) -> dict[str, list[tuple[str, int]]]:
    """{name: [(key, articles)]} for the facets `names` ("year", "place",
    "period", "kind", "org", "official") over the articles of `sample` (None:
    every article), counted from their ArticleFacetKeys rows: one query for
    all of them, reading one row per article. Officials: the FACET_SIZE most
    frequent only (ties at the cut go by id)."""
    from archive.filters import EVENT_KINDS
    from archive.models import ArticleFacetKeys

    table = ArticleFacetKeys._meta.db_table
    branches, params = [], []
    if "year" in names:
        branches.append("SELECT 'year', year::text, count(*) FROM s WHERE year IS NOT NULL GROUP BY year")
    for name, column in (("place", "places"), ("period", "periods"), ("org", "org_kinds")):
        if name in names:
            branches.append(f"SELECT '{name}', k::text, count(*) FROM s, unnest(s.{column}) AS k GROUP BY k")
    if "kind" in names:
        for key, (_label, kinds) in EVENT_KINDS.items():
            branches.append("SELECT 'kind', %s, count(*) FROM s WHERE s.kinds::text[] && %s::text[]")
            params += [key, [str(kind) for kind in kinds]]
    if "official" in names:
        branches.append(
            "(SELECT 'official', k::text, count(*) FROM s, unnest(s.officials) AS k "
            f"GROUP BY k ORDER BY count(*) DESC, k LIMIT {FACET_SIZE})"
        )
    if sample is None:
        rows_of = f"SELECT * FROM {table}"
    else:
        rows_of = f"SELECT * FROM {table} WHERE article_id = ANY(%s::bigint[])"
        params.insert(0, _ids(sample))
    counts = {name: [] for name in names}
    if branches:
        sql = f"WITH s AS MATERIALIZED ({rows_of}) " + " UNION ALL ".join(branches)
        for name, key, n in _run(sql, params):
            counts[name].append((key, n))
    return counts


def _place_counts(counts: list[tuple[str, int]], level: str, province_ids=None) -> list[tuple[str, str, int]]:
    """(slug, label, count) of the places of `level` among the counted
    places, most articles first: provinces, or the districts of the chosen
    provinces (before 2025, or taken over by them). A province counts in its
    own era: the label says which one it is."""
    from archive.models import Locality

    n_of = {int(key): n for key, n in counts}
    places = Locality.objects.filter(pk__in=_pk_array(list(n_of)), level=level)
    if province_ids is not None:
        places = places.filter(Q(province__in=province_ids) | Q(successor__in=province_ids))
    rows = []
    for place in places.only("slug", "unit_type", "name", "era"):
        label = place.display
        if level == Locality.Level.PROVINCE and place.era == Locality.Era.POST2025:
            label += " (từ 1/7/2025)"
        rows.append((place.slug, label, n_of[place.pk], place.name))
    rows.sort(key=lambda row: (-row[2], row[3]))
    return [(slug, label, n) for slug, label, n, _name in rows[:FACET_SIZE]]


def facets(listing: Listing, raw_params) -> list[Facet]:
    """Every facet of the search page, each counted under the other facets'
    filters (and the query), over the listing's samples: one query per
    distinct sample (ArticleFacetKeys, see _key_counts), and a look-up of the
    counted places' and officials' names."""
    from django.http import QueryDict

    from archive.filters import EVENT_KINDS
    from archive.models import Official, Organisation

    filterset = listing.filterset
    chosen = filterset.values
    result = []
    stored = listing.stored

    # Which sample each facet counts over: the list's own, or the list
    # without that facet's filter when a value of it is chosen.
    counted_as = {"province": "place", "district": "place"}
    # Keyed by the sample list itself (listing.sample returns the same list
    # for the same query): identity, not a comparison of 1,000 ids.
    by_sample: dict[int, tuple[list[int] | None, set[str]]] = {}
    sample_of = {}
    counted = ["district"] if chosen.get("province") else []  # a province's districts
    counted += [] if stored else ["province", "year", "period", "kind", "org", "official"]
    own = None  # the list's own sample, looked up once (its key is the query's SQL, compiled)
    for facet in counted:
        if facet != "district" and not chosen.get(facet):
            pks = own = own if own is not None else listing.sample(listing.matches)
        else:
            pks = listing.sample(filterset.queryset_without(facet))
        by_sample.setdefault(id(pks), (pks, set()))[1].add(counted_as.get(facet, facet))
        sample_of[facet] = id(pks)
    counts_of = {key: _key_counts(pks, names) for key, (pks, names) in by_sample.items()}

    def counts(facet):
        return counts_of[sample_of[facet]][counted_as.get(facet, facet)]

    # Links are built from the understood parameters only: an unknown value
    # in the URL is not carried on.
    params = QueryDict(mutable=True)
    if chosen.get("q"):
        params["q"] = chosen["q"]
    if chosen.get("sort") and "sort" in raw_params:
        params["sort"] = chosen["sort"]
    for name, values in (
        ("province", [p.slug for p in chosen.get("province") or []]),
        ("district", [d.slug for d in chosen.get("district") or []]),
        ("year", [str(y) for y in chosen.get("year") or []]),
        ("period", [f"{s}-{e}" for s, e in chosen.get("period") or []]),
        ("kind", chosen.get("kind") or []),
        ("org", chosen.get("org") or []),
        ("official", [o.slug for o in chosen.get("official") or []]),
    ):
        if values:
            params.setlist(name, values)

    def build(name, title, counts, selected_values, labels=None):
        counted = {value: (label, n) for value, label, n in counts}
        for value in selected_values:  # chosen values stay visible, even at 0
            if value not in counted:
                counted[value] = ((labels or {}).get(value, value), 0)
        values = []
        for value, (label, n) in counted.items():
            selected = value in selected_values
            toggled = [v for v in selected_values if v != value] if selected else [*selected_values, value]
            values.append(FacetValue(value, label, n, selected, (params, name, toggled)))
        result.append(Facet(name, title, values))

    provinces = chosen.get("province") or []
    build(
        "province", "Tỉnh, thành phố",
        stored["province"] if stored else _place_counts(counts("province"), "province"),
        [p.slug for p in provinces], {p.slug: p.display for p in provinces},
    )
    if provinces:
        districts = chosen.get("district") or []
        build(
            "district", "Quận, huyện",
            _place_counts(counts("district"), "district", [p.pk for p in provinces]),
            [d.slug for d in districts], {d.slug: d.display for d in districts},
        )

    def year_counts():
        return [(year, year, n) for year, n in sorted(counts("year"), key=lambda row: -int(row[0]))]

    build("year", "Năm", stored["year"] if stored else year_counts(), [str(y) for y in chosen.get("year") or []])

    def period_counts():
        spans = sorted(((int(key), n) for key, n in counts("period")), key=lambda row: (-row[1], -row[0]))
        return [
            (f"{s}-{e}", f"{s}" if s == e else f"{s}–{e}", n)
            for s, e, n in ((span // 10000, span % 10000, n) for span, n in spans[:FACET_SIZE])
        ]

    build(
        "period", "Giai đoạn", stored["period"] if stored else period_counts(),
        [f"{s}-{e}" for s, e in chosen.get("period") or []],
    )

    def kind_counts():
        n_of = dict(counts("kind"))
        return [(key, label, n_of[key]) for key, (label, _kinds) in EVENT_KINDS.items() if n_of.get(key)]

    build(
        "kind", "Sự kiện", stored["kind"] if stored else kind_counts(),
        chosen.get("kind") or [], {key: label for key, (label, _kinds) in EVENT_KINDS.items()},
    )

    kinds = dict(Organisation.Kind.choices)

    def organisation_counts():
        rows = sorted(counts("org"), key=lambda row: (-row[1], row[0]))
        return [(k, kinds.get(k, k), n) for k, n in rows]

    build("org", "Loại cơ quan", stored["org"] if stored else organisation_counts(), chosen.get("org") or [], kinds)

    def official_counts():
        n_of = {int(key): n for key, n in counts("official")}
        officials = Official.objects.filter(pk__in=list(n_of)).values_list("pk", "slug", "name")
        return sorted(((slug, name, n_of[pk]) for pk, slug, name in officials), key=lambda row: (-row[2], row[1]))

    officials = chosen.get("official") or []
    build(
        "official", "Cán bộ", stored["official"] if stored else official_counts(),
        [o.slug for o in officials], {o.slug: o.name for o in officials},
    )
    return result


# -- Stored counts for the whole archive -----------------------------------------

STORED_FACETS = ("province", "year", "period", "kind", "org", "official")


def stored_facet_counts():
    """({facet: [(value, label, count)]}, articles, when counted) from the
    FacetCount rows; (None, None, None) when they were never computed. One
    query."""
    from archive.models import FacetCount

    # Tuples: ~150 model instances took ~10 ms.
    rows = list(
        FacetCount.objects.order_by("facet", "position").values_list("facet", "value", "label", "count", "computed_at")
    )
    if not rows:
        return None, None, None
    stored = {name: [] for name in STORED_FACETS}
    total = 0
    for facet, value, label, count, _computed_at in rows:
        if facet == "":
            total = count
        elif facet in stored:
            stored[facet].append((value, label, count))
    return stored, total, rows[0][4]


class _WholeArchive(Listing):
    """Every article, counted in full: what refresh_facet_counts counts."""

    def __init__(self):
        from django.http import QueryDict

        from archive.filters import ArticleFilter
        from archive.models import Article

        self.filterset = ArticleFilter(QueryDict(), queryset=Article.objects.all())
        self.matches = self.filterset.qs
        self.stored = None
        self.articles = Article.objects.count()

    def sample(self, queryset):
        return None  # every article (_key_counts)


def refresh_facet_counts() -> int:
    """Count the search page's facets over the whole archive, and the other
    whole-archive counts pages show (archive.stats.STORED_COUNTS), and store
    them (FacetCount), replacing the old counts in one transaction. Seconds per
    facet at a million articles: run after imports, not per request.
    Returns the number of articles counted."""
    from django.db import transaction
    from django.http import QueryDict
    from django.utils import timezone

    from archive import stats
    from archive.models import FacetCount

    whole = _WholeArchive()
    now = timezone.now()
    rows = [FacetCount(facet="", position=0, value="", label="", count=whole.articles, computed_at=now)]
    for facet in facets(whole, QueryDict()):
        rows += [
            FacetCount(facet=facet.name, position=i, value=v.value, label=v.label, count=v.count, computed_at=now)
            for i, v in enumerate(facet.values)
        ]
    for name, count in stats.STORED_COUNTS.items():  # the province overview's and the period list's
        rows += [
            FacetCount(facet=name, position=i, value=str(key), label="", count=n, computed_at=now)
            for i, (key, n) in enumerate(sorted(count().items())) if key is not None
        ]
    with transaction.atomic():
        FacetCount.objects.all().delete()
        FacetCount.objects.bulk_create(rows)
    return whole.articles
