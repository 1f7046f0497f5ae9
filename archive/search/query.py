"""Reading a query as a user typed it: websearch syntax ("quoted phrase",
-exclusion, OR), abbreviations and periods. Plain Python; never fails.

- abbreviations (``archive.abbreviations``): a query term "UBND" also matches
  the phrase "Ủy ban nhân dân" and the other way round.
- periods: "2021-2025", "giai đoạn 2022 - 2026", "năm 2024" are taken out of the
  text query and matched against the extracted periods, because the parser
  splits "2021-2025" into '2021' and '-2025'.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from archive.abbreviations import ABBREVIATIONS
from archive.text import fold, normalize

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


def words(text: str) -> tuple[str, ...]:
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
        _ABBREVIATIONS_OF.setdefault(words(_expansion), []).append(_abbreviation)
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
    _officials: list | None = field(default=None, repr=False, compare=False)  # entities.named_officials, once
    _tsqueries: dict = field(default_factory=dict, repr=False, compare=False)  # matching.tsquery, once each

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
            abbreviations = _ABBREVIATIONS_OF.get(words(" ".join(run[:length])))
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

