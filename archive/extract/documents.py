"""Documents cited by number: "Chỉ thị số 33/CT-TTg, ngày 26/11/2021",
"Quyết định 290- QĐ/TW", "Chương trình hành động số 01-CTr/TU".

A number is digits, an optional year ("35/2021/QĐ-UBND") and one or more letter
codes joined by "-" or "/": the first code names the kind of document ("QĐ" a
Quyết định, "CTr" a Chương trình). A number with a recognised code counts even
without its keyword ("Chỉ thị 05-CT/TW và 33/CT-TTg").
"""

import re
from dataclasses import dataclass
from datetime import date

_KINDS = (
    "Chương trình hành động",
    "Chương trình phối hợp",
    "Chương trình",
    "Nghị quyết liên tịch",
    "Nghị quyết",
    "Chỉ thị",
    "Quyết định",
    "Kết luận",
    "Quy định",
    "Quy chế phối hợp",
    "Quy chế",
    "Kế hoạch liên tịch",
    "Kế hoạch",
    "Hướng dẫn",
    "Thông báo",
    "Thông tư liên tịch",
    "Thông tư",
    "Nghị định",
    "Công văn",
    "Luật",
)
KINDS = _KINDS  # the kinds of document, for the search's reading of "chỉ thị 33"

# The code right after the digits names the kind when no keyword does.
_KIND_BY_CODE = {
    "CT": "Chỉ thị",
    "QĐ": "Quyết định",
    "NQ": "Nghị quyết",
    "NQLT": "Nghị quyết liên tịch",
    "KL": "Kết luận",
    "QĐi": "Quy định",
    "CTr": "Chương trình",
    "CTrPH": "Chương trình phối hợp",
    "KH": "Kế hoạch",
    "HD": "Hướng dẫn",
    "TB": "Thông báo",
    "QC": "Quy chế",
    "QCPH": "Quy chế phối hợp",
    "NĐ": "Nghị định",
    "TT": "Thông tư",
    "TTLT": "Thông tư liên tịch",
    "CV": "Công văn",
    "QH": "Luật",
}

_CODE = r"[A-ZĐ][A-Za-zĐđ]*\d*"
_SEP = r"\s*[-/]\s*"
_NUMBER = rf"(?<![\w/.-])\d{{1,5}}(?:\s*/\s*(?:19|20)\d\d)?(?:{_SEP}{_CODE}){{1,4}}(?![\w])"
_KEYWORD = "|".join(re.escape(kind) for kind in _KINDS)
_NUMBER_RE = re.compile(_NUMBER)
# The keyword, read backwards from the number: "Chỉ thị số ", "Quyết định ".
_KEYWORD_BEFORE = re.compile(rf"(?P<keyword>{_KEYWORD})(?:\s+số)?\s*:?\s*$", re.IGNORECASE)
_DATE_AFTER = re.compile(
    r"\s*,?\s*(?:ban hành\s+|được ban hành\s+)?ngày\s+"
    r"(?:(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4})"
    r"|(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})\s+năm\s+(?P<y2>\d{4}))",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Citation:
    number: str
    kind: str | None
    date: str | None  # "YYYY-MM-DD"
    as_written: str
    begin: int
    stop: int

    def as_dict(self) -> dict:
        return {"number": self.number, "kind": self.kind, "date": self.date, "as_written": self.as_written}


def normalise_number(number: str) -> str:
    """'290- QĐ/TW' → '290-QĐ/TW': no spaces around "-" and "/", any dash is "-"."""
    number = re.sub(r"[‐‑‒–—―−]", "-", number)
    return re.sub(r"\s*([-/])\s*", r"\1", number).strip()


def find_citations(text: str) -> list[Citation]:
    """Every cited document in order of appearance, with its offsets in the text."""
    citations = []
    for match in _NUMBER_RE.finditer(text):
        number = normalise_number(match[0])
        code = _first_code(number)
        keyword_match = _KEYWORD_BEFORE.search(text, max(0, match.start() - 40), match.start())
        keyword = keyword_match["keyword"] if keyword_match else None
        if keyword is None and code not in _KIND_BY_CODE:
            continue  # "5/4-TT" is no citation without a keyword or a known code
        if not any(ch.isupper() for ch in code) or len(code) < 2:
            continue
        kind = _canonical_kind(keyword) if keyword else _KIND_BY_CODE.get(code)
        begin = keyword_match.start() if keyword_match else match.start()
        stop = match.end()
        when = None
        date_match = _DATE_AFTER.match(text, stop)
        if date_match:
            when = _iso(date_match)
            if when:
                stop = date_match.end()
        citations.append(Citation(number, kind, when, text[begin:stop], begin, stop))
    return citations


def find_documents(text: str, citations: list[Citation] | None = None) -> list[dict]:
    """The contract's document dicts, one per number (first citation wins, a later
    one fills in a missing date). Pass ``citations`` already found to save a scan."""
    by_number: dict[str, dict] = {}
    for citation in find_citations(text) if citations is None else citations:
        known = by_number.get(citation.number)
        if known is None:
            by_number[citation.number] = citation.as_dict()
        elif known["date"] is None and citation.date:
            known.update(date=citation.date, as_written=citation.as_written)
    return list(by_number.values())


def _first_code(number: str) -> str:
    for part in re.split(r"[-/]", number):
        if part and not part.isdigit():
            return re.sub(r"\d+$", "", part)
    return ""


def _canonical_kind(keyword: str) -> str:
    lowered = keyword.lower()
    return next(kind for kind in _KINDS if kind.lower() == lowered)


def _iso(match: re.Match) -> str | None:
    day, month, year = (match["d"] or match["d2"]), (match["m"] or match["m2"]), (match["y"] or match["y2"])
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None
