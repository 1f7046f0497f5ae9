"""The officials and places a query names, and the names a query's words may
be (ArchiveLexicon). A query that is the whole name of an official or a place
is read as that entity: the box on top of the results, and the results are
the entity's articles plus those that write the name (archive.search.matching).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.contrib.postgres.search import TrigramWordSimilarity
from django.db.models import Count

from archive.models import ArticleLocality, ArticlePlace, Locality, Official
from archive.search.query import NAME, Lexicon, ParsedQuery, words
from archive.text import normalize

_UNIT_PREFIX = re.compile(
    r"^(tỉnh|thành phố|tp\.?|huyện|quận|thị xã|tx\.?|xã|phường|thị trấn|đặc khu)\s+", re.IGNORECASE
)


class ArchiveLexicon(Lexicon):
    """The dictionary's words and the archive's names: places of the
    gazetteer and officials, by their folded names (a name the dictionary
    also knows, "Hội An", is a name). One query, two indexed look-ups, for
    the runs the dictionary does not know or that were typed capitalised."""

    def known(self, keys):
        found = super().known(keys)
        names = [" ".join(key) for key, capitalised in keys.items() if capitalised or key not in found]
        if names:
            rows = Locality.objects.filter(ascii_name__in=names).values_list("ascii_name").union(
                Official.objects.filter(ascii_name__in=names).values_list("ascii_name")
            )
            found.update((tuple(name.split()), NAME) for (name,) in rows)
        return found


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
    officials appear in and those that write the name (archive.search.
    matching); quoted, it is a phrase like any other.
    One query per ParsedQuery (kept on it), none for what is not a name."""
    if parsed._officials is None:
        parsed._officials = []
        name = " ".join(words(parsed.text))
        if parsed.is_name_like and not (parsed.periods or parsed.years) and " " in name and len(name) <= 80:
            parsed._officials = [
                official
                for official in Official.objects.filter(ascii_name=name).order_by("name")[:10]
                if not parsed.has_diacritics or official.name.lower() == normalize(parsed.text).lower()
            ][:5]
    return parsed._officials


_UNIT_TYPES = {"tỉnh", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn", "thành phố", "đặc khu"}


def named_places(parsed: ParsedQuery) -> list:
    """The places whose name the query is, with an optional unit ("huyện
    Phong Điền"): folded, or typed with diacritics, as written. Folding
    merges names ("Dân vận" and xã Đản Ván): typed without diacritics, a
    place must have articles. Each has `article_count` (what its page lists),
    most articles first. One query per ParsedQuery (kept on it) and one for
    the counts, none for what is not a name."""
    if parsed._places is None:
        parsed._places = []
        name = " ".join(words(parsed.text))
        if parsed.is_name_like and not (parsed.periods or parsed.years) and 2 <= len(name) <= 80:
            place = _UNIT_PREFIX.sub("", parsed.text)
            unit = parsed.text[: len(parsed.text) - len(place)].strip().lower().rstrip(".")
            localities = Locality.objects.filter(ascii_name=" ".join(words(place))).select_related("province")
            if unit in _UNIT_TYPES:
                localities = localities.filter(unit_type=unit)
            if parsed.has_diacritics:
                wanted = normalize(place).lower()
                localities = [locality for locality in localities if locality.name.lower() == wanted]
            localities = [
                locality for locality in _with_listed_articles(list(localities))
                if parsed.has_diacritics or locality.article_count
            ]
            parsed._places = sorted(
                localities, key=lambda locality: (-locality.article_count, locality.era, locality.level, locality.name)
            )[:6]
    return parsed._places


def entities(parsed: ParsedQuery, suggest: bool = True) -> Entities:
    """Officials and localities whose name is the query, shown first;
    failing that, and if `suggest`, the officials with the nearest names
    (pg_trgm). Two queries for most names, at most five (the places'
    counts, suggestions); none for a query that does not look like a name."""
    found = Entities()
    if not parsed.is_name_like or parsed.periods or parsed.years:
        return found
    name = " ".join(words(parsed.text))
    if not 2 <= len(name) <= 80:
        return found
    found.officials = named_officials(parsed)
    found.localities = named_places(parsed)
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
    commune counts its visible facts. (Counting a province's facts, reading
    each one's `hidden` flag, grows with the archive: ~0.1 s for a large
    province at 1M.) No query when no place has the name."""
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


