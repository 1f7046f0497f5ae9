"""Periods named in an article: "giai đoạn 2021-2025", "nhiệm kỳ 2020 - 2025",
and a year the article reports on ("kế hoạch năm 2024", "Năm 2022, các cơ quan
đã…" → 2024-2024, 2022-2022), as hand-checked articles record them.

"năm 2024" is never a period inside a date ("ngày 12 tháng 3 năm 2023"), a
limit ("từ năm 2010", "đến năm 2030") or a count ("10 năm thực hiện"); a bare
"2024" without "năm" is not one either.
"""

import re
from dataclasses import dataclass

from archive.text import fold, normalize

FIRST_YEAR = 1945
LONGEST = 10  # a period longer than this is a misread, not a programme

DASH = r"[-‐‑‒–—―−]"
_YEAR = r"(?:19|20)\d\d"

# "2021-2025", "2021 – 2025", "(2021—2025)"; not a piece of "35/2021/QĐ" or "4.045"
# (checked by hand on the character before: a look-behind here costs a third of
# the pipeline's time on long texts).
_RANGE = re.compile(rf"(?P<start>{_YEAR})\s*{DASH}\s*(?P<end>{_YEAR})(?!\d|/\d)")
# "giai đoạn từ năm 2021 đến năm 2025": "đến" only counts after a period keyword,
# which is looked for backwards from "đến 2025".
_WORDED_END = re.compile(rf"(?:đến|tới)\s+(?:năm\s+)?(?P<end>{_YEAR})(?!\d)")
_WORDED_START = re.compile(
    rf"(?P<keyword>[Gg]iai đoạn|[Nn]hiệm kỳ|[Tt]hời kỳ)\s+(?:từ\s+)?(?:năm\s+)?(?P<start>{_YEAR})\s+$"
)
_TERM_BEFORE = re.compile(r"nhiệm kỳ\s*(?:khóa\s+\S+\s*,?\s*)?$", re.IGNORECASE)

_YEAR_WORD = re.compile(rf"(?:năm|Năm|NĂM)\s+(?P<year>{_YEAR})(?![\d/.,]?\d)")
# "Năm 2021 là năm quan trọng…" at the start of a sentence.
_YEAR_IS = re.compile(rf"(?P<word>Năm)\s+(?P<year>{_YEAR})\s+(?:là|được xác định là)\s+năm\b")
_SENTENCE_START = re.compile(r"(?:^|[.!?…]\s*|\n\s*)$")
# Words that make "năm 2024" part of a date or a limit, not a named year.
_NOT_A_NAMED_YEAR = re.compile(
    r"(?:tháng\s+\d{1,2}|tháng|đầu|cuối|giữa|từ|đến|tới|trước|sau|của|vào|nay|"
    r"tầm nhìn|định hướng)\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class PeriodSpan:
    start: int  # first year
    end: int  # last year
    begin: int  # character offsets of the match in the text
    stop: int
    kind: str  # "phase" (giai đoạn or bare range), "term" (nhiệm kỳ), "year" (named year)

    @property
    def label(self) -> str:
        return f"{self.start}-{self.end}"


def plausible(start: int, end: int) -> bool:
    return FIRST_YEAR <= start <= end <= start + LONGEST


def find_period_spans(text: str) -> list[PeriodSpan]:
    """Every period in the text, in order of appearance, with its offsets."""
    spans: list[PeriodSpan] = []
    taken: list[tuple[int, int]] = []

    for match in _WORDED_END.finditer(text):
        opening = _WORDED_START.search(text, max(0, match.start() - 40), match.start())
        if opening is None:
            continue
        start, end = int(opening["start"]), int(match["end"])
        if plausible(start, end):
            kind = "term" if opening["keyword"].lower() == "nhiệm kỳ" else "phase"
            spans.append(PeriodSpan(start, end, opening.start(), match.end(), kind))
            taken.append((opening.start(), match.end()))

    for match in _RANGE.finditer(text):
        start, end = int(match["start"]), int(match["end"])
        if not plausible(start, end) or _overlaps(match.span(), taken):
            continue
        if match.start() and text[match.start() - 1] in "0123456789./":
            continue
        before = text[max(0, match.start() - 30) : match.start()]
        kind = "term" if _TERM_BEFORE.search(before) else "phase"
        spans.append(PeriodSpan(start, end, match.start(), match.end(), kind))
        taken.append(match.span())

    for match in _YEAR_WORD.finditer(text):
        if _overlaps(match.span(), taken) or (match.start() and text[match.start() - 1].isalnum()):
            continue
        year = int(match["year"])
        before = text[max(0, match.start() - 80) : match.start()]
        clause = re.split(r"[.;:!?\n]", before)[-1]
        if _NOT_A_NAMED_YEAR.search(clause):
            continue
        if plausible(year, year):
            spans.append(PeriodSpan(year, year, match.start(), match.end(), "year"))
            taken.append(match.span())

    for match in _YEAR_IS.finditer(text):
        if not _SENTENCE_START.search(text[max(0, match.start() - 3) : match.start()]):
            continue
        year = int(match["year"])
        span = (match.start("year"), match.end("year"))
        if not _overlaps(span, taken) and plausible(year, year):
            spans.append(PeriodSpan(year, year, match.start("word"), span[1], "year"))
            taken.append(span)

    return sorted(spans, key=lambda span: span.begin)


def find_periods(text: str) -> list[str]:
    """Sorted unique "YYYY-YYYY" labels of the periods named in the text."""
    return sorted({span.label for span in find_period_spans(text)})


_QUERY_RANGE = re.compile(rf"(?<!\d)({_YEAR})\s*(?:{DASH}|den|toi)\s*({_YEAR})(?!\d)")
_QUERY_YEAR = re.compile(rf"\bnam\s+({_YEAR})(?!\d)")


def parse_period(query: str) -> tuple[int, int] | None:
    """A period typed by a user: "2021-2025", "giai đoạn 2022 - 2026", "2021–2025",
    "giai doan 2021 den 2025", "năm 2024". A lone "2024" is not a period (it may be a
    date or a number the user searches for); returns None when nothing fits."""
    folded = fold(normalize(query))
    match = _QUERY_RANGE.search(folded)
    if match:
        start, end = int(match[1]), int(match[2])
    else:
        match = _QUERY_YEAR.search(folded)
        if not match:
            return None
        start = end = int(match[1])
    return (start, end) if plausible(start, end) else None


def _overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(span[0] < stop and begin < span[1] for begin, stop in taken)
