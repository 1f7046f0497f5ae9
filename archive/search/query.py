"""Reading a query as a user typed it. Plain Python; never fails.

- Syntax: websearch's ("quoted phrase", -exclusion, OR). Groups are ORed; the
  terms of a group are ANDed; a term matches any of its alternatives, each a
  phrase.
- Words are units: Vietnamese writes a word as syllables with spaces ("dân
  vận", "Hội An"). A run of plain syllables is cut into words by the longest
  known word at each place (`segment`): the archive's names (places,
  officials: `Lexicon`, archive.search.entities.ArchiveLexicon), the
  abbreviation table's expansions and a Vietnamese dictionary (the word list
  pyvi ships). A word of several syllables is a phrase: they must stand
  side by side. Capitalised syllables that no word covers stand together as a
  name ("Nguyễn Văn Bình").
- Diacritics decide, per word: a word typed with diacritics matches that
  spelling only (in the archive's canonical form: NFC, old-style tones, a
  look-alike Ð); one typed without matches every spelling (`Term.exact`).
- Abbreviations: "UBND" also matches "Ủy ban nhân dân" and the other way
  round; an expansion inside a longer one matches that one's abbreviations
  too ("Mặt trận Tổ quốc" finds "UBMTTQVN").
- Periods: "2021-2025", "giai đoạn 2022 - 2026", "năm 2024" are taken out of
  the text and matched against the extracted periods, because the parser
  splits "2021-2025" into '2021' and '-2025'.
- Readings (`READINGS`): the strict one above; if it finds nothing the search
  widens to every syllable on its own (diacritics still decide), then to
  every syllable folded, and says so (ParsedQuery.wider).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from archive.abbreviations import ABBREVIATIONS, DOCUMENT_KINDS, TERMS
from archive.extract.documents import KINDS as DOCUMENT_KIND_NAMES
from archive.extract.organisations import BODY_NAMES
from archive.text import fold, normalize

MAX_QUERY_CHARS = 200
MAX_TERMS = 12
MAX_WORD_SYLLABLES = 7  # the longest word or name looked for ("Ủy ban Mặt trận Tổ quốc Việt Nam")

STRICT, SYLLABLES, FOLDED = "strict", "syllables", "folded"
READINGS = (STRICT, SYLLABLES, FOLDED)

_PERIOD_RE = re.compile(
    r"(?:\b(?:giai\s+đoạn|giai\s+doan|nhiệm\s+kỳ|nhiem\s+ky|gđ|gd)\s*)?"
    r"(?<![\w/.-])((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)\d\d)(?![\w/-])",
    re.IGNORECASE,
)
_YEAR_RE = re.compile(r"(?:\b(?:năm|nam)\s+)?(?<![\w/.-])((?:19|20)\d\d)(?![\w/-])", re.IGNORECASE)
# A document by kind and number, typed with or without diacritics: "Chỉ thị 33",
# "chi thi so 33/CT-TTg", "Quyết định 290".
_DOCUMENT_RE = re.compile(
    r"(?<!\w)(?P<kind>" + "|".join(
        sorted({re.escape(spelling) for kind in DOCUMENT_KIND_NAMES for spelling in (kind, fold(kind))}, key=len, reverse=True)
    ) + r")(?:\s+(?:số|so))?\s+(?P<number>\d{1,5})(?:\s*[-/][\w/.-]*)?(?![\w])",
    re.IGNORECASE,
)
# A count with its measure is one word: "3 năm", "10 năm", "6 tháng".
_MEASURES = {"nam", "thang", "ngay", "tuan", "lan", "ky", "quy"}
_TOKEN_RE = re.compile(r'(-?)"([^"]*)"?|(\S+)')
_HAS_WORD = re.compile(r"[^\W_]")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ue000\ue001]")


def words(text: str) -> tuple[str, ...]:
    """The folded syllables of `text`: its key among known words and names."""
    return tuple(re.findall(r"[^\W_]+", fold(text)))


def has_diacritics(text: str) -> bool:
    return fold(text) != text.lower()


def _abbreviation_ok_alone(abbreviation: str) -> bool:
    """Whether an abbreviation's folded form is safe as a search term by itself:
    "TU" folds to 'tu', which would match every "từ" and "tư"."""
    folded = fold(abbreviation)
    return len(folded) >= 3 or bool(set(folded) & set("fjwz"))


_ABBREVIATION_BY_FOLD: dict[str, str] = {}
_ABBREVIATIONS_OF: dict[tuple[str, ...], list[str]] = {}  # expansion's words -> its abbreviations
for _abbreviation, _expansion in ABBREVIATIONS:
    if _abbreviation_ok_alone(_abbreviation) and _abbreviation not in DOCUMENT_KINDS:
        _ABBREVIATION_BY_FOLD.setdefault(fold(_abbreviation), _abbreviation)
        _ABBREVIATIONS_OF.setdefault(words(_expansion), []).append(_abbreviation)
_EXPANSION = dict(ABBREVIATIONS)


def _within(inner: tuple[str, ...], outer: tuple[str, ...]) -> bool:
    return any(outer[i : i + len(inner)] == inner for i in range(len(outer) - len(inner) + 1))


def abbreviations_of(key: tuple[str, ...]) -> list[str]:
    """The abbreviations that stand for `key` (folded words of an expansion):
    its own, then those of every longer expansion that contains it."""
    if key not in _ABBREVIATIONS_OF:
        return []
    found = list(_ABBREVIATIONS_OF[key])
    for longer, abbreviations in _ABBREVIATIONS_OF.items():
        if len(longer) > len(key) and _within(key, longer):
            found += [a for a in abbreviations if a not in found]
    return found


# -- Words ------------------------------------------------------------------------


WORD, EXPANSION, NAME = "word", "expansion", "name"  # what a known run of syllables is


@cache
def dictionary() -> dict[tuple[str, ...], str]:
    """Vietnamese words of several syllables, folded: the word list of pyvi
    (a Vietnamese word segmenter on PyPI, its data inside the package), the
    terms of the trade (archive.abbreviations.TERMS), the bodies' names the
    extractor knows ("Ban Xây dựng Đảng", "Hội Nông dân") and the
    abbreviation table's expansions. Read once per process (~23,000 words,
    ~0.2 s)."""
    text = resources.files("pyvi").joinpath("models/words.txt").read_text(encoding="utf-8")
    lines = [*text.splitlines(), *TERMS, *BODY_NAMES]
    found = {key: WORD for key in map(words, lines) if 2 <= len(key) <= MAX_WORD_SYLLABLES}
    found.update((key, EXPANSION) for key in _ABBREVIATIONS_OF if len(key) > 1)
    return found


class Lexicon:
    """Which runs of syllables are one word, and what kind: the dictionary's
    words and expansions. The search's lexicon adds the archive's names
    (archive.search.entities.ArchiveLexicon).

    `keys` maps each run (folded) to whether it was typed capitalised: a
    name's kind matters there (a capitalised word beside it is not part of
    it), not for a run the dictionary knows typed in lower case."""

    def known(self, keys: dict[tuple[str, ...], bool]) -> dict[tuple[str, ...], str]:
        table = dictionary()
        return {key: table[key] for key in keys if key in table}


def segment(syllables: list[str], lexicon: Lexicon) -> list[tuple[int, int]]:
    """Cut a run of syllables (as typed) into words: (start, end) spans. The
    longest known word at each place, left to right. Names the archive does
    not know: three or more capitalised syllables with no known name or
    expansion inside are one name ("Nguyễn Văn Bình", not "Nguyễn Văn" +
    "bình dân"), and
    capitalised words side by side that are neither a known name nor an
    expansion are one name ("Y Ngọc")."""
    keys = [words(syllable) for syllable in syllables]
    candidates = {
        sum(keys[i:j], ()): all(map(_capitalised, syllables[i:j]))
        for i in range(len(keys))
        for j in range(i + 2, min(len(keys), i + MAX_WORD_SYLLABLES) + 1)
    }
    known = lexicon.known(candidates) if candidates else {}
    for i, key in enumerate(keys[:-1]):
        if len(key) == 1 and key[0].isdecimal() and keys[i + 1] in {(measure,) for measure in _MEASURES}:
            known[key + keys[i + 1]] = WORD
    for start, end in _capitalised_runs(syllables):
        inside = [sum(keys[i:j], ()) for i in range(start, end) for j in range(i + 2, end + 1)]
        if not any(known.get(key) in (NAME, EXPANSION) for key in inside):
            known[sum(keys[start:end], ())] = NAME
    spans, i = [], 0
    while i < len(keys):
        end = next(
            (j for j in range(min(len(keys), i + MAX_WORD_SYLLABLES), i + 1, -1) if sum(keys[i:j], ()) in known),
            i + 1,
        )
        spans.append((i, end))
        i = end
    merged: list[tuple[int, int, bool]] = []
    for start, end in spans:
        part_of_name = all(map(_capitalised, syllables[start:end])) and (
            end - start == 1 or known.get(sum(keys[start:end], ())) == WORD
        )
        if part_of_name and merged and merged[-1][2]:
            merged[-1] = (merged[-1][0], end, True)
        else:
            merged.append((start, end, part_of_name))
    return [(start, end) for start, end, _name in merged]


def _capitalised_runs(syllables: list[str]) -> list[tuple[int, int]]:
    """(start, end) of each run of 3 to MAX_WORD_SYLLABLES capitalised syllables."""
    runs, start = [], None
    for i, syllable in enumerate([*syllables, ""]):
        if syllable and _capitalised(syllable):
            start = i if start is None else start
            continue
        if start is not None and 3 <= i - start <= MAX_WORD_SYLLABLES:
            runs.append((start, i))
        start = None
    return runs


def _capitalised(syllable: str) -> bool:
    """Typed as a name's syllable is: "Bình", "A"; not "UBND" (an abbreviation)."""
    if _abbreviation_of_token(syllable) is not None:
        return False
    return syllable[:1].isupper() and (len(syllable) == 1 or not syllable[1:].isupper())


# -- Terms and queries -------------------------------------------------------------


@dataclass
class Term:
    """One element of a query: any of `alternatives` (each a phrase).

    `exact`: the first alternative (the words as typed) matches its spelling
    only; the others (abbreviations, expansions) match every spelling.
    `plain`: typed as words, not quoted."""

    alternatives: list[str]
    negated: bool = False
    plain: bool = True
    exact: bool = False

    @property
    def text(self) -> str:
        return self.alternatives[0]


@dataclass
class ParsedQuery:
    """A query as the search understands it (see the module's docstring)."""

    raw: str
    text: str = ""  # normalised, without the periods and years taken out
    groups: list[list[Term]] = field(default_factory=list)
    periods: list[tuple[int, int]] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    documents: list[tuple[str, str]] = field(default_factory=list)  # (kind, number): "Chỉ thị", "33"
    reading: str = STRICT
    entity_reading: bool = True  # a query that is an entity's name lists the entity's articles
    lexicon: Lexicon | None = field(default=None, repr=False, compare=False)
    _officials: list | None = field(default=None, repr=False, compare=False)  # entities.named_officials, once
    _places: list | None = field(default=None, repr=False, compare=False)  # entities.named_places, once
    _tsqueries: dict = field(default_factory=dict, repr=False, compare=False)  # matching.tsquery, once each

    def __bool__(self):
        return bool(self.groups or self.periods or self.years or self.documents)

    @property
    def has_text(self) -> bool:
        return bool(self.groups)

    @property
    def has_diacritics(self) -> bool:
        return has_diacritics(self.text)

    @property
    def is_name_like(self) -> bool:
        """Plain words only, as a name would be typed (for the entity box)."""
        return (
            len(self.groups) == 1 and all(t.plain and not t.negated for t in self.groups[0])
            and 1 <= len(self.text.split()) <= MAX_WORD_SYLLABLES
        )

    @property
    def phrases(self) -> list[str]:
        """The words of several syllables the query reads as one (for the page)."""
        return [t.text for group in self.groups for t in group if t.plain and " " in t.text]

    def wider(self) -> ParsedQuery | None:
        """The next, wider reading of the same text, or None after the widest."""
        index = READINGS.index(self.reading)
        if index + 1 == len(READINGS):
            return None
        return parse(self.raw, lexicon=self.lexicon, reading=READINGS[index + 1], entity_reading=self.entity_reading)


def parse(
    q: str | None, *, lexicon: Lexicon | None = None, reading: str = STRICT, entity_reading: bool = True
) -> ParsedQuery:
    """Read a query string; never fails, whatever it holds. Without a
    `lexicon`, words come from the dictionary only (no database).
    `entity_reading`: a query that is an official's or a place's whole name
    lists that entity's articles (archive.search.matching)."""
    raw = (q or "")[:MAX_QUERY_CHARS]
    text = normalize(_CONTROL.sub(" ", raw)).strip()
    parsed = ParsedQuery(raw=raw, reading=reading, entity_reading=entity_reading, lexicon=lexicon)

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

    def take_document(match):
        if re.fullmatch(r"(?:19|20)\d\d", match.group("number")) and match.group(0).strip().endswith(match.group("number")):
            if not re.search(r"\b(?:số|so)\b", match.group(0), re.IGNORECASE):
                return match.group(0)  # "kế hoạch 2024": a year
        kind = next(kind for kind in DOCUMENT_KIND_NAMES if fold(kind) == fold(match.group("kind")))
        if (kind, match.group("number")) not in parsed.documents:
            parsed.documents.append((kind, match.group("number")))
        return " "

    text = _DOCUMENT_RE.sub(take_document, text)
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
                exact = reading != FOLDED and has_diacritics(phrase)
                group.append(Term(_phrase_alternatives(phrase), negated=bool(minus), plain=False, exact=exact))
                count += 1
            continue
        negated = bare.startswith("-") and len(bare) > 1
        word = bare[1:] if negated else bare
        if _HAS_WORD.search(word):
            group.append(Term([word], negated=negated))
            count += 1
    if group:
        parsed.groups.append(group)
    parsed.groups = [_words_of(g, lexicon or Lexicon(), reading) for g in parsed.groups]
    return parsed


def _words_of(group: list[Term], lexicon: Lexicon, reading: str) -> list[Term]:
    """The group with each run of plain syllables read as words (strict), or
    as syllables; every plain term gets its exactness and abbreviations."""
    result: list[Term] = []
    run: list[str] = []

    def flush():
        spans = segment(run, lexicon) if reading == STRICT else [(i, i + 1) for i in range(len(run))]
        for start, end in spans:
            result.append(_plain_term(" ".join(run[start:end]), reading))
        run.clear()

    for term in group:
        if term.plain and not term.negated:
            run.append(term.text)
            continue
        flush()
        if term.plain:  # a negated word
            negated = _plain_term(term.text, reading)
            negated.negated = True
            result.append(negated)
        else:
            result.append(term)
    flush()
    return result


def _plain_term(text: str, reading: str) -> Term:
    """A word (or name) as typed, with its abbreviations or expansion."""
    exact = reading != FOLDED and has_diacritics(text)
    key = words(text)
    if len(key) > 1:
        return Term(_unique([text, *abbreviations_of(key), *_contractions(key)]), exact=exact)
    abbreviation = _abbreviation_of_token(text)
    if abbreviation is None:
        return Term([text], exact=exact)
    # An abbreviation: its expansion, the abbreviation itself where that
    # alone is not an ordinary syllable, and the longer abbreviations that
    # contain it ("MTTQ": "UBMTTQVN"). None is "as typed".
    expansion = _EXPANSION[abbreviation]
    alternatives = [expansion, *([text] if _abbreviation_ok_alone(abbreviation) else [])]
    alternatives += [*abbreviations_of(words(expansion)), *_contractions(words(expansion))]
    return Term(_unique(alternatives), exact=False)


def _contractions(key: tuple[str, ...]) -> list[str]:
    """The words of `key` with each expansion inside them (a shorter run of
    whole words) written as its abbreviation: "Ủy viên Ban Thường vụ" is also
    written "Ủy viên BTV", "Ban Chỉ huy Quân sự" "Ban CHQS". Folded."""
    found = []
    for inner, abbreviations in _ABBREVIATIONS_OF.items():
        if not 1 < len(inner) < len(key):
            continue
        for start in range(len(key) - len(inner) + 1):
            if key[start : start + len(inner)] == inner:
                found += [" ".join((*key[:start], abbreviation, *key[start + len(inner) :])) for abbreviation in abbreviations]
    return found


def _unique(alternatives: list[str]) -> list[str]:
    return list(dict.fromkeys(alternatives))


def _abbreviation_of_token(token: str) -> str | None:
    stripped = token.strip(".,;:!?()[]")
    if stripped in _EXPANSION:
        return stripped
    return _ABBREVIATION_BY_FOLD.get(fold(stripped))


def _phrase_alternatives(phrase: str) -> list[str]:
    """A quoted phrase, and the same phrase with its abbreviations expanded or
    its expansions abbreviated."""
    alternatives = [phrase]
    tokens = phrase.split()
    expanded = " ".join(_EXPANSION.get(t, t) for t in tokens)
    if expanded != phrase:
        alternatives.append(expanded)
    key = words(phrase)
    return _unique([*alternatives, *_ABBREVIATIONS_OF.get(key, []), *_contractions(key)])
