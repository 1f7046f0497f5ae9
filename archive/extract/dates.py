"""The article's date: publication date, the reported event's date, and how sure.

Day first, always. Two sources of dates:
- the page's date line: a short line that is mostly a full date ("Ngày cập nhật
  11/09/2021", "Thứ Tư, 8/5/2024", "Cập nhật, 19:17, Thứ Năm, 25/06/2020 (GMT+7)");
- the event date near the start of the body: "Sáng 26/5", "chiều nay (5/4)",
  "Sáng ngày 10/9", "Ngày 25/6/2020, …". Often without a year, which is then
  inferred: from the date line, else the caller's hint, else a weekday written
  next to it, else the programme being signed (its first year).

Dates that belong to cited documents ("Chỉ thị số 33/CT-TTg, ngày 26/11/2021",
"ngày 21/7/2021 của Ban …") are never the article's date. Impossible dates
(31/2) are ignored.
"""

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from archive.text import fold

FIRST_YEAR = 1945

_WEEKDAY = r"(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật|CN)"
_WEEKDAY_RE = re.compile(rf"\b{_WEEKDAY}\b", re.IGNORECASE)
# Monday is 0, as in date.weekday().
_WEEKDAY_NUMBERS = {
    "thu hai": 0, "thu 2": 0, "thu ba": 1, "thu 3": 1, "thu tu": 2, "thu 4": 2,
    "thu nam": 3, "thu 5": 3, "thu sau": 4, "thu 6": 4, "thu bay": 5, "thu 7": 5,
    "chu nhat": 6, "cn": 6,
}

# A full date: "11/09/2021", "8-5-2024", "25.06.2020", "ngày 12 tháng 3 năm 2023".
_FULL = re.compile(
    r"(?<![\d/.-])(?P<d>\d{1,2})\s*(?P<sep>[/.-])\s*(?P<m>\d{1,2})\s*(?P=sep)\s*(?P<y>\d{4})(?![\d/])"
    r"|(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})\s*,?\s+năm\s+(?P<y2>\d{4})",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d")
# What else a date line may hold, folded: times, weekdays, "cập nhật", "(GMT+7)".
_DATE_LINE_WORDS = re.compile(
    r"gmt\s*[+-]?\s*\d*|\d{1,2}\s*[:h]\s*\d{2}(?::\d{2})?|\b(?:ngay|thang|nam|cap nhat|cap nhap|"
    r"dang|dang tai|luc|gio|thoi gian|xuat ban|phat hanh|chinh sua|lan cuoi|update[d]?|posted|thu|hai|ba|tu|sau|bay|chu nhat|cn|am|pm|luot xem|"
    r"luot doc|views?|"
    r"sang|chieu|toi)\b|[\d\s,.:;|/()+\-–—]"
)

# Day and month, with an optional year: "26/5", "10/9/2021", "12 tháng 3 năm 2023".
# "14-8" is as common as "14/8" in national papers, "28.7" in some provincial
# ones; the context words around (a time of day, "ngày", brackets after "nay")
# keep "5-7 người" and "2.5 tỷ" out.
_DAY_MONTH = (
    r"(?:(?P<d>\d{1,2})\s*(?P<sep>[/.-])\s*(?P<m>\d{1,2})(?:\s*(?P=sep)\s*(?P<y>\d{4}))?(?![\d/-])(?!\.\d)"
    r"|(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})(?:\s*,?\s+năm\s+(?P<y2>\d{4}))?(?!\d))"
)
# The event date: what the first sentences of a news report open with. The
# patterns start with literal words (capital spelled out) rather than use
# IGNORECASE or a leading look-behind, which make Python's re crawl.
_TIME_OF_DAY = re.compile(
    rf"(?:[Ss]áng|[Cc]hiều|[Tt]ối|[Tt]rưa|[Đđ]êm)(?:\s+(?i:nay|qua|hôm nay|hôm qua|mai))?\s*,?\s*\(?\s*"
    rf"(?:(?P<wd>(?i:{_WEEKDAY}))\s*,?\s*\(?\s*)?(?:[Nn]gày\s+)?{_DAY_MONTH}\s*\)?"
)
_TODAY_PAREN = re.compile(
    rf"(?:[Hh]ôm nay|[Hh]ôm qua|[Vv]ừa qua|[Mm]ới đây|[Nn]ay|[Qq]ua)\s*,?\s*\(\s*"
    rf"(?:(?P<wd>(?i:{_WEEKDAY}))\s*,?\s*)?(?:[Nn]gày\s+)?{_DAY_MONTH}\s*\)"
)
_ON_DAY = re.compile(rf"[Nn]gày\s+{_DAY_MONTH}")
_WEEKDAY_BEFORE = re.compile(rf"(?P<wd>{_WEEKDAY})\s*,?\s*(?:vào\s+)?$", re.IGNORECASE)
# A date with these before it is a limit, a reference or a plan, not the event
# ("dự kiến diễn ra ngày 15/10/2024": the report is about preparing it).
_NOT_EVENT_BEFORE = re.compile(
    r"\b(?:từ|đến|tới|trước|sau|kể từ|tính đến|hạn|hết|số|đầu|cuối"
    r"|(?:dự kiến|sẽ(?: được)?)(?: (?:diễn ra|tổ chức|khai mạc|tiến hành))?(?: vào)?)\s*$",
    re.IGNORECASE,
)
_NOT_EVENT_AFTER = re.compile(r"\s*,?\s*(?:của|về việc|ban hành)\b", re.IGNORECASE)
_SENTENCE_START = re.compile(r"(?:^|[.!?…:]\s+|\n\s*)$")
_EVENT_WINDOW = 1500  # the event date is told in the first paragraphs


@dataclass(frozen=True)
class FoundDate:
    day: int
    month: int
    year: int | None
    evidence: str
    weekday: int | None = None  # 0 = Monday, when written next to the date
    begin: int = 0


@dataclass
class ArticleDates:
    published_on: date | None
    precision: str  # "stated", "year_inferred", "unknown"
    evidence: str | None
    event_on: date | None  # the reported event (a signing), year possibly inferred
    warnings: list[str] = field(default_factory=list)


def weekday_number(text: str) -> int | None:
    return _WEEKDAY_NUMBERS.get(re.sub(r"\s+", " ", fold(text).strip()))


def valid(year: int, month: int, day: int) -> date | None:
    try:
        value = date(year, month, day)
    except ValueError:
        return None
    return value if FIRST_YEAR <= year <= date.today().year + 1 else None


def parse_full_date(text: str) -> FoundDate | None:
    """The first valid full date in the text, with the weekday written before it."""
    for match in _FULL.finditer(text):
        day = int(match["d"] or match["d2"])
        month = int(match["m"] or match["m2"])
        year = int(match["y"] or match["y2"])
        if valid(year, month, day):
            weekdays = _WEEKDAY_RE.findall(text[: match.start()])
            weekday = weekday_number(weekdays[-1]) if weekdays else None
            return FoundDate(day, month, year, text.strip(), weekday, match.start())
    # Some portals print their date line the ISO way: "2022-09-09 16:30".
    for match in _ISO.finditer(text):
        if valid(int(match["y"]), int(match["m"]), int(match["d"])):
            return FoundDate(int(match["d"]), int(match["m"]), int(match["y"]), text.strip(), None, match.start())
    return None


_ISO = re.compile(r"(?<![\d/.-])(?P<y>(?:19|20)\d\d)-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?![\d/.-])")


# The dateline of official style: "Thanh Hóa, ngày 20 tháng 6 năm 2023".
_PLACE_BEFORE_DATE = re.compile(r"^[^\W\d_][^,\d]{1,30},\s*(?=[Nn]gày\s)")


def is_date_line(line: str) -> bool:
    """A short line that is a full date and little else ("Thứ Tư, 8/5/2024",
    "Thanh Hóa, ngày 20 tháng 6 năm 2023")."""
    if len(line) > 120 or not _DIGITS.search(line) or not parse_full_date(line):
        return False
    return len(_DATE_LINE_WORDS.sub("", fold(_PLACE_BEFORE_DATE.sub("", line)))) <= 3


def parse_date_hint(hint: str | None) -> date | None:
    """A date given by the caller: ISO "2021-09-11[T…]" or day-first "11/09/2021"."""
    if not hint:
        return None
    match = re.match(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})", hint)
    if match:
        return valid(int(match[1]), int(match[2]), int(match[3]))
    found = parse_full_date(hint)
    return valid(found.year, found.month, found.day) if found else None


def find_event_date(body: str, *, excluded: list[tuple[int, int]] = ()) -> FoundDate | None:
    """The reported event's date near the start of the body, or None.

    A date after a time of day ("Sáng 26/5"), in brackets after "nay"/"qua"
    ("chiều nay (5/4)") or opening a sentence ("Ngày 25/6/2020, …") wins over a
    "ngày 10/9" further inside a sentence. ``excluded`` are offsets of cited
    documents, whose dates are not the article's.
    """
    window = body[:_EVENT_WINDOW]
    strong, weak = [], []
    patterns = (_TIME_OF_DAY, _TODAY_PAREN, _ON_DAY) if "(" in window else (_TIME_OF_DAY, _ON_DAY)
    for pattern in patterns:
        for match in pattern.finditer(window):
            if match.start() and window[match.start() - 1].isalpha():
                continue  # inside a word
            weekday, begin = match["wd"] if pattern is not _ON_DAY else None, match.start()
            if pattern is _ON_DAY:
                written = _WEEKDAY_BEFORE.search(window, max(0, begin - 20), begin)
                if written:
                    weekday, begin = written["wd"], written.start()
            found = _found(match, window, excluded, begin, weekday)
            if found is None:
                continue
            opens_sentence = _SENTENCE_START.search(window, 0, begin) is not None
            if pattern is not _ON_DAY or opens_sentence:
                strong.append(found)
            else:
                weak.append(found)
    for candidates in (strong, weak):
        if candidates:
            return min(candidates, key=lambda found: found.begin)
    return None


def article_dates(
    date_line: str | None,
    body: str,
    *,
    programme_year: int | None = None,
    hint: str | None = None,
    excluded: list[tuple[int, int]] = (),
    title: str = "",
) -> ArticleDates:
    """Publication date (else the event's), its precision and evidence.

    ``programme_year`` is the first year of a programme signed in the article;
    it dates an event written without a year when nothing better does. A year
    the headline names ("6 tháng đầu năm 2024") or an anniversary span ends
    with ("(15/10/1930 - 15/10/2025)") comes before it. A date line that does
    not fit the event (read month first it would, it is more than a year away
    from it or from the year the article names: a site's "today") is not the
    article's date.
    """
    warnings: list[str] = []
    line_date = parse_full_date(date_line) if date_line else None
    published = valid(line_date.year, line_date.month, line_date.day) if line_date else None
    if published and line_date.weekday is not None and line_date.weekday != published.weekday():
        warnings.append(f"weekday does not match date: {date_line.strip()!r}")
    hinted = parse_date_hint(hint)

    event = find_event_date(body, excluded=excluded)
    written = _written_year(title, body) if event and not event.year else None
    if published and event and not _fits_event(published, event, written):
        warnings.append(f"date line {date_line.strip()!r} does not fit the event {event.evidence!r}")
        published = None
    event_on, inferred = None, False
    if event:
        event_on, inferred = _date_event(event, published or hinted, written or programme_year)
        if event_on is None:
            warnings.append(f"date without a year that nothing dates: {event.evidence!r}")
        elif event.weekday is not None and event.weekday != event_on.weekday():
            warnings.append(f"weekday does not match date: {event.evidence!r}")

    if event_on and inferred and not (published or hinted):
        warnings.append(f"year inferred from {_year_source(event, None)}: {event.evidence!r}")
    if published:
        return ArticleDates(published, "stated", date_line.strip(), event_on, warnings)
    if hinted:
        return ArticleDates(hinted, "stated", hint.strip(), event_on, warnings)
    if event_on:
        precision = "year_inferred" if inferred else "stated"
        return ArticleDates(event_on, precision, event.evidence, event_on, warnings)
    if body.strip():
        warnings.append("no date found")
    return ArticleDates(None, "unknown", None, None, warnings)


def _fits_event(published: date, event: FoundDate, written_year: int | None) -> bool:
    """Whether a page dated ``published`` can report ``event``.

    An event written with its year: the page is not read month first when only
    that reading falls within a week after the event; and when the event opens
    the body (a date further in may be history recalled: "ngày 19/8/1945"), the
    page is within a year of it. An event written without a year: the page is
    within a year of the recent year the article names for itself
    (``written_year``; a plan for next year is announced in December).
    """
    if event.year is None:
        return written_year is None or not 1 < abs(published.year - written_year) <= _RECENT_YEARS
    happened = valid(event.year, event.month, event.day)
    if happened is None:
        return True
    week = timedelta(days=7)
    swapped = valid(published.year, published.day, published.month) if published.day <= 12 else None
    if swapped and swapped != published and happened <= swapped <= happened + week:
        return happened <= published <= happened + week
    return event.begin > _LEAD_OPENING or abs(published - happened) <= timedelta(days=366)


_RECENT_YEARS = 12  # a site's "today" years after the article; a year named further off is history
_LEAD_OPENING = 200  # characters of the body in which the event opening the report is told


# "6 tháng đầu năm 2024", "năm 2023" in a headline; not a span "năm 2021-2025",
# and not a year of history ("thành lập năm 1930").
_FIRST_NEWS_YEAR = 1990
_TITLE_YEAR = re.compile(r"(?<![\w])năm\s+(?P<year>(?:19|20)\d\d)(?!\s*[-–—]\s*\d)(?!\d)", re.IGNORECASE)
# "(15/10/1930 - 15/10/2025)", "kỷ niệm 95 năm … (1930 - 2025)": an anniversary
# ending in the article's year.
_ANNIVERSARY = re.compile(
    r"\(\s*\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*(?:19|20)\d\d\s*[-–—]\s*\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*"
    r"(?P<year>(?:19|20)\d\d)\s*\)"
    r"|(?:kỷ niệm|tròn)\s+(?P<years>\d{1,3})\s+năm\b[^().]{0,80}\(\s*(?P<first>(?:19|20)\d\d)\s*[-–—]\s*"
    r"(?P<last>(?:19|20)\d\d)\s*\)",
    re.IGNORECASE,
)


# Founding years of the traditions whose anniversaries dân vận news reports:
# "Ngày truyền thống Công an nhân dân tròn 80 năm" is 1945 + 80.
_FOUNDED = {
    "công tác dân vận": 1930, "dân vận": 1930, "mặt trận tổ quốc việt nam": 1930, "mặt trận": 1930,
    "hội liên hiệp phụ nữ việt nam": 1930, "phụ nữ việt nam": 1930, "hội nông dân việt nam": 1930,
    "công an nhân dân": 1945, "quân đội nhân dân việt nam": 1944, "quân đội nhân dân": 1944,
    "đoàn thanh niên cộng sản hồ chí minh": 1931, "hội cựu chiến binh việt nam": 1989,
    "bộ đội biên phòng": 1959, "công đoàn việt nam": 1929, "ngành tuyên giáo": 1930, "tuyên giáo": 1930,
}
_TRADITION = "|".join(sorted(map(re.escape, _FOUNDED), key=len, reverse=True))
_TRADITION_YEARS = re.compile(
    rf"(?:(?P<n1>\d{{1,3}})\s+năm\s+ngày\s+truyền\s+thống\s+(?:của\s+)?(?P<t1>{_TRADITION})"
    rf"|ngày\s+truyền\s+thống\s+(?:của\s+)?(?P<t2>{_TRADITION})(?:\s+\([^()]*\))?\s+(?:tròn\s+)?(?P<n2>\d{{1,3}})\s+năm)(?!\w)",
    re.IGNORECASE,
)


def _written_year(title: str, body: str) -> int | None:
    """A year the article writes for itself when its date has none: named in
    the headline, else the end of an anniversary span near the start, else
    the year a tradition's anniversary falls in ("tròn 80 năm" of the police)."""
    named = {int(match["year"]) for match in _TITLE_YEAR.finditer(title)}
    if len(named) == 1 and min(named) >= _FIRST_NEWS_YEAR:
        return named.pop()
    for match in _ANNIVERSARY.finditer(body, 0, _EVENT_WINDOW):
        if match["year"]:
            return int(match["year"])
        if int(match["last"]) - int(match["first"]) == int(match["years"]):
            return int(match["last"])
    for match in _TRADITION_YEARS.finditer(f"{title}\n{body[:_EVENT_WINDOW]}"):
        tradition = (match["t1"] or match["t2"]).lower()
        return _FOUNDED[tradition] + int(match["n1"] or match["n2"])
    return None


def _found(match: re.Match, text: str, excluded, begin: int, weekday: str | None) -> FoundDate | None:
    if any(low <= begin < high or low < match.end() <= high for low, high in excluded):
        return None
    before = text[max(0, begin - 30) : begin]
    if _NOT_EVENT_BEFORE.search(before) or _NOT_EVENT_AFTER.match(text, match.end()):
        return None
    day = int(match["d"] or match["d2"])
    month = int(match["m"] or match["m2"])
    year_text = match["y"] or match["y2"]
    year = int(year_text) if year_text else None
    # 29/2 is a date in some years: check day and month against a leap year.
    if not valid(year or 2024, month, day):
        return None
    evidence = text[begin : match.end()].strip()
    if evidence.count("(") > evidence.count(")"):
        evidence = evidence.replace("(", "", 1).strip()  # "Sáng thứ Năm (26/5" keeps no half bracket
    return FoundDate(day, month, year, evidence, weekday_number(weekday) if weekday else None, begin)


def _date_event(event: FoundDate, reference: date | None, programme_year: int | None) -> tuple[date | None, bool]:
    """The event's date and whether its year was inferred."""
    if event.year:
        return valid(event.year, event.month, event.day), False
    if reference:
        # Reports follow their event; a date more than a week after the page's
        # date belongs to the year before ("30/12" on a page of 2/1).
        candidate = valid(reference.year, event.month, event.day)
        if candidate and candidate > reference + timedelta(days=7):
            candidate = valid(reference.year - 1, event.month, event.day)
        return candidate, True
    if event.weekday is not None:
        return _year_from_weekday(event, programme_year), True
    if programme_year:
        return valid(programme_year, event.month, event.day), True
    return None, True


def _year_source(event: FoundDate, reference: date | None) -> str:
    if reference:
        return "the page's date"
    return "the weekday" if event.weekday is not None else "the programme's first year"


def _year_from_weekday(event: FoundDate, programme_year: int | None) -> date | None:
    today = date.today()
    around = programme_year or today.year
    candidates = [
        candidate
        for year in range(around - 12, around + 2)
        if (candidate := valid(year, event.month, event.day))
        and candidate.weekday() == event.weekday
        and candidate <= today
    ]
    if not candidates:
        return None
    if programme_year:
        return min(candidates, key=lambda c: (abs(c.year - programme_year), -c.year))
    return max(candidates)
