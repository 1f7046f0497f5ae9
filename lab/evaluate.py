"""Score extraction against the hand-checked gold set (docs/extraction.md).

Plain Python, no Django: ``python manage.py evaluate_extraction`` is a thin
wrapper, and the tests call ``score_article`` with hand-made dicts.

Every field is scored as sets of comparable keys, one set per article:
a key in both sets is a true positive, one only in the prediction a false
positive, one only in the gold a false negative. Counts are summed over the
articles before precision and recall are computed (micro-average). A scalar
field (title, date, author…) is a set of zero or one key, so a wrong value
counts once as a false positive and once as a false negative, and a missing
value in both gold and prediction counts for nothing.
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
}


@dataclass
class Count:
    tp: int = 0
    fp: int = 0
    fn: int = 0

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

    def as_dict(self) -> dict:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class ArticleScore:
    source: str
    counts: dict[str, Count]
    # field -> {"missed": [...gold keys not predicted], "extra": [...predicted, not gold]}
    misses: dict[str, dict[str, list]]


@dataclass
class Report:
    totals: dict[str, Count] = field(default_factory=lambda: {f: Count() for f in FIELDS})
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


def score_article(gold: dict, predicted: dict, source: str = "") -> ArticleScore:
    """Compare one predicted facts dict with its gold dict, field by field."""
    counts: dict[str, Count] = {}
    misses: dict[str, dict[str, list]] = {}
    for name in FIELDS:
        want, got = KEYS[name](gold), KEYS[name](predicted)
        counts[name] = Count(tp=len(want & got), fp=len(got - want), fn=len(want - got))
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
) -> Report:
    """Run ``extract`` on every article and add up the scores.

    An article whose extraction raises is scored as an empty prediction (all
    misses) and listed in ``report.errors``, so a crash never hides in a total.
    """
    if extract is None:
        from archive.extract import extract

    report = Report()
    for text_path, gold in pairs:
        source = str(text_path)
        try:
            predicted = extract(text_path.read_text(encoding="utf-8"), source=source)
        except Exception as exc:  # one broken article must not stop the run
            report.errors.append((source, f"{type(exc).__name__}: {exc}"))
            predicted = {}
        article = score_article(gold, predicted, source)
        report.articles.append(article)
        for name, count in article.counts.items():
            total = report.totals[name]
            total.tp += count.tp
            total.fp += count.fp
            total.fn += count.fn
    return report


def evaluate_directory(directory: str | Path, extract: Callable[..., dict] | None = None) -> Report:
    return evaluate(load_gold(directory), extract)


def format_table(report: Report) -> str:
    lines = [f"{'field':<15} {'P':>6} {'R':>6} {'F1':>6}   tp/fp/fn"]
    for name, c in report.totals.items():
        lines.append(
            f"{name:<15} {c.precision:>6.3f} {c.recall:>6.3f} {c.f1:>6.3f}   {c.tp}/{c.fp}/{c.fn}"
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
                lines.append(f"  {name:<14} missed {_sortable(key)}")
            for key in miss["extra"]:
                lines.append(f"  {name:<14} extra  {_sortable(key)}")
    for source, error in report.errors:
        lines.append(f"{source}: extraction failed: {error}")
    return "\n".join(lines)
