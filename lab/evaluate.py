"""Score extraction against the hand-checked gold set (docs/extraction.md).

Plain Python, no Django: ``python manage.py evaluate_extraction`` is a thin
wrapper, and the tests call ``score_article`` with hand-made dicts.

Every field is scored as sets of comparable keys, one set per article:
a key in both sets is a true positive, one only in the prediction a false
positive, one only in the gold a false negative. Counts are summed over the
articles before precision and recall are computed (micro-average). A scalar
field (title, date, author…) is a set of zero or one key, so a wrong value
counts once as a false positive and once as a false negative, and a missing
value in both gold and prediction counts for nothing. A field whose key the
gold file leaves out is not annotated there and is not scored.

``ISSUE_FIELDS`` score real pages whose gold draws fewer distinctions than the
contract (fixtures/realistic): agreements as kind and multi-year period, with
``both`` split into a review and a signing, a plan as the signing of a
one-year programme; periods of several years only; and two accuracies, the
share of articles whose title, or whose date, is exactly right (a date the gold
leaves out is not held against a year the extractor marks as inferred).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from archive.text import fold, normalize

FIELDS = (
    "title",
    "dates",
    "date_precision",
    "author",
    "source_domain",
    "localities",
    "officials",
    "titles",
    "organisations",
    "agreements",
    "periods",
    "documents",
)

_DASHES = re.compile(r"\s*[-‐‑‒–—―−]\s*")
_SPACES = re.compile(r"\s+")


def fold_spacing(text: str) -> str:
    """Normalise, lower-case, one space between words, bare "-" for any dash."""
    text = _SPACES.sub(" ", normalize(text)).strip()
    return _DASHES.sub("-", text).casefold()


def fold_accents(text: str) -> str:
    """``fold_spacing`` and then no diacritics (organisation names)."""
    return fold_spacing(fold(text))


def document_number(number: str) -> str:
    """'290- QĐ/TW' and '290-QĐ/TW' compare alike; spaces around - and / go."""
    number = _DASHES.sub("-", normalize(number).strip())
    return re.sub(r"\s*/\s*", "/", number).upper()


def _scalar(value) -> set:
    if value is None or value == "":
        return set()
    return {fold_spacing(str(value))}


def _locality_key(locality: dict) -> tuple:
    era = locality.get("era") or "pre2025"
    if locality.get("ambiguous") or not locality.get("code"):
        return (era, locality.get("level"), "name", fold_spacing(locality.get("name") or ""))
    return (era, locality.get("level"), "code", str(locality["code"]))


def _title_pairs(facts: dict) -> set:
    return {
        (fold_spacing(official["name"]), fold_spacing(title))
        for official in facts.get("officials") or []
        for title in official.get("titles") or []
    }


def _period(period) -> str | None:
    return None if period is None else fold_spacing(period)


def _multi_year(period) -> str | None:
    """'2021-2025' as it is; a single year ('2024-2024') or nothing is None."""
    if period is None:
        return None
    years = re.findall(r"\d{4}", period)
    return f"{years[0]}-{years[-1]}" if len(years) >= 2 and years[0] != years[-1] else None


def _agreements_split(facts: dict) -> set:
    keys = set()
    for agreement in facts.get("agreements") or []:
        kind = agreement.get("kind")
        kinds = ("review", "sign") if kind == "both" else ("sign",) if kind == "plan" else (kind,)
        keys.update((_multi_year(agreement.get("period")), kind) for kind in kinds)
    return keys


# How each field turns one article's facts into a set of keys.
KEYS: dict[str, Callable[[dict], set]] = {
    "title": lambda f: _scalar(f.get("title")),
    "dates": lambda f: _scalar(f.get("published_on")),
    "date_precision": lambda f: _scalar(f.get("date_precision")),
    "author": lambda f: _scalar(f.get("author")),
    "source_domain": lambda f: _scalar((f.get("source_domain") or "").removeprefix("www.")),
    "localities": lambda f: {_locality_key(loc) for loc in f.get("localities") or []},
    "officials": lambda f: {fold_spacing(o["name"]) for o in f.get("officials") or []},
    "titles": _title_pairs,
    "organisations": lambda f: {fold_accents(o["name"]) for o in f.get("organisations") or []},
    "agreements": lambda f: {
        (_period(a.get("period")), a.get("kind")) for a in f.get("agreements") or []
    },
    "periods": lambda f: {fold_spacing(p) for p in f.get("periods") or []},
    "documents": lambda f: {document_number(d["number"]) for d in f.get("documents") or []},
    "agreements_split": _agreements_split,
    "multi_year_periods": lambda f: {p for p in map(_multi_year, f.get("periods") or []) if p},
    "title_accuracy": lambda f: _scalar(f.get("title")),
    "date_accuracy": lambda f: _scalar(f.get("published_on")),
}

ISSUE_FIELDS = (
    "officials",
    "titles",
    "agreements_split",
    "title_accuracy",
    "date_accuracy",
    "localities",
    "multi_year_periods",
)
# What evaluate() scores by default: the contract's fields, then the other views.
ALL_FIELDS = FIELDS + tuple(name for name in ISSUE_FIELDS if name not in FIELDS)
# Fields scored as the share of articles exactly right, not as precision and recall.
ACCURACY_FIELDS = frozenset({"title_accuracy", "date_accuracy"})
# The gold key a field is read from: a gold file without it does not annotate the field.
GOLD_KEY = {
    "dates": "published_on",
    "titles": "officials",
    "agreements_split": "agreements",
    "multi_year_periods": "periods",
    "title_accuracy": "title",
    "date_accuracy": "published_on",
}


@dataclass
class Count:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    # Articles scored on the field and, of them, those with it exactly right
    # (the accuracy fields); not part of a count's identity.
    articles: int = field(default=0, compare=False)
    exact: int = field(default=0, compare=False)

    @property
    def precision(self) -> float:
        if self.tp + self.fp == 0:  # predicted nothing: perfect only if nothing was due
            return 0.0 if self.fn else 1.0
        return self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float:
        if self.tp + self.fn == 0:  # nothing was due: perfect only if nothing was claimed
            return 0.0 if self.fp else 1.0
        return self.tp / (self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def accuracy(self) -> float:
        return self.exact / self.articles if self.articles else 1.0

    def as_dict(self) -> dict:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "accuracy": round(self.accuracy, 4),
        }


@dataclass
class ArticleScore:
    source: str
    counts: dict[str, Count]
    # field -> {"missed": [...gold keys not predicted], "extra": [...predicted, not gold]}
    misses: dict[str, dict[str, list]]


@dataclass
class Report:
    totals: dict[str, Count] = field(default_factory=dict)
    articles: list[ArticleScore] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "fields": {name: count.as_dict() for name, count in self.totals.items()},
            "articles": [
                {"source": a.source, "misses": a.misses} for a in self.articles if a.misses
            ],
            "errors": [{"source": s, "error": e} for s, e in self.errors],
        }


def _sortable(key) -> str:
    return json.dumps(key, ensure_ascii=False, default=str)


def score_article(
    gold: dict, predicted: dict, source: str = "", fields: Iterable[str] = FIELDS
) -> ArticleScore:
    """Compare one predicted facts dict with its gold dict, field by field
    (the fields the gold annotates)."""
    counts: dict[str, Count] = {}
    misses: dict[str, dict[str, list]] = {}
    for name in fields:
        if GOLD_KEY.get(name, name) not in gold:
            continue
        want, got = KEYS[name](gold), KEYS[name](predicted)
        if name == "date_accuracy" and not want and predicted.get("date_precision") == "year_inferred":
            # A gold without a date annotates no readable date; it says nothing
            # against a year the extractor inferred and marked so.
            got = set()
        counts[name] = Count(
            tp=len(want & got), fp=len(got - want), fn=len(want - got), articles=1, exact=int(want == got)
        )
        if want != got:
            misses[name] = {
                "missed": sorted((list(k) if isinstance(k, tuple) else k for k in want - got), key=_sortable),
                "extra": sorted((list(k) if isinstance(k, tuple) else k for k in got - want), key=_sortable),
            }
    return ArticleScore(source=source or gold.get("source", ""), counts=counts, misses=misses)


def load_gold(directory: str | Path) -> list[tuple[Path, dict]]:
    """Every ``*.json`` in the directory whose article ``.txt`` lies beside it."""
    pairs = []
    for path in sorted(Path(directory).glob("*.json")):
        text_path = path.with_suffix(".txt")
        if text_path.exists():
            pairs.append((text_path, json.loads(path.read_text(encoding="utf-8"))))
    return pairs


def evaluate(
    pairs: Iterable[tuple[Path, dict]],
    extract: Callable[..., dict] | None = None,
    fields: Iterable[str] = ALL_FIELDS,
) -> Report:
    """Run ``extract`` on every article and add up the scores.

    An article whose extraction raises is scored as an empty prediction (all
    misses) and listed in ``report.errors``, so a crash never hides in a total.
    """
    if extract is None:
        from archive.extract import extract

    fields = tuple(fields)
    report = Report(totals={name: Count() for name in fields})
    for text_path, gold in pairs:
        source = str(text_path)
        try:
            predicted = extract(text_path.read_text(encoding="utf-8"), source=source)
        except Exception as exc:  # one broken article must not stop the run
            report.errors.append((source, f"{type(exc).__name__}: {exc}"))
            predicted = {}
        article = score_article(gold, predicted, source, fields)
        report.articles.append(article)
        for name, count in article.counts.items():
            total = report.totals[name]
            total.tp += count.tp
            total.fp += count.fp
            total.fn += count.fn
            total.articles += count.articles
            total.exact += count.exact
    # A field no gold file annotates was not scored: it has no row.
    report.totals = {name: c for name, c in report.totals.items() if c.articles}
    return report


def evaluate_directory(
    directory: str | Path, extract: Callable[..., dict] | None = None, fields: Iterable[str] = ALL_FIELDS
) -> Report:
    return evaluate(load_gold(directory), extract, fields)


def format_table(report: Report) -> str:
    width = max([15, *(len(name) + 1 for name in report.totals)])
    lines = [f"{'field':<{width}} {'P':>6} {'R':>6} {'F1':>6}   tp/fp/fn"]
    for name, c in report.totals.items():
        if name in ACCURACY_FIELDS:
            lines.append(f"{name:<{width}} {'':>6} {'':>6} {c.accuracy:>6.3f}   {c.exact}/{c.articles} exact")
        else:
            lines.append(
                f"{name:<{width}} {c.precision:>6.3f} {c.recall:>6.3f} {c.f1:>6.3f}   {c.tp}/{c.fp}/{c.fn}"
            )
    return "\n".join(lines)


def format_misses(report: Report) -> str:
    lines = []
    for article in report.articles:
        if not article.misses:
            continue
        lines.append(article.source)
        for name, miss in article.misses.items():
            for key in miss["missed"]:
                lines.append(f"  {name:<18} missed {_sortable(key)}")
            for key in miss["extra"]:
                lines.append(f"  {name:<18} extra  {_sortable(key)}")
    for source, error in report.errors:
        lines.append(f"{source}: extraction failed: {error}")
    return "\n".join(lines)
