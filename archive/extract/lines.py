"""Reshape a scraped page's lines before they are sorted into title, date and body.

Pages glue onto one line what the screen shows apart, and break in two what is
one sentence:
- portal junk before the headline ("null", "Lượt xem: 93", a skip link);
- a publication stamp after the headline or the byline ("… Ngày Truyền thống
  02/10/2025 16:57", "Phan Tân| 06/07/2022 16:06");
- the lead after the headline, behind the site's tag ("… Tổ quốc ĐNO - Vào sáng
  13/8, …", "… biên giới (QNO) - Ban Dân vận …");
- the headline printed twice on one line;
- image file names among the words ("04.jpg");
- a sentence broken after a comma, or before a lower-case word (a name on one
  line, its titles on the next; a caption in two pieces).

``split_glued`` turns one line into the lines it holds, ``join_broken`` joins
the pieces of a sentence. Both work on lines with single spaces.
"""

import re

_UPPER = "".join(chr(c) for c in range(0x41, 0x1F00) if chr(c).isupper() and chr(c).isalpha())

_FILE_NAME = re.compile(r"(?<!\S)[\w()-]+\.(?:jpe?g|png|gif|webp|bmp|tiff?)(?!\S)", re.IGNORECASE)

_TIME = r"\d{1,2}:\d{2}(?::\d{2})?"
_DAY = r"\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d\d"
# A stamp closing a line: a date with a time next to it, or a date behind a bar.
_STAMP_TAIL = re.compile(
    rf"(?P<sep>\s*\|\s*|\s+)(?P<stamp>(?:{_TIME},?\s*)?{_DAY}(?:\s*[-|,]?\s*{_TIME})?(?:\s*\(?GMT\s*\+\s*7\)?)?)\s*$",
    re.IGNORECASE,
)
# Words after which a date belongs to the sentence ("ký ngày 12/3/2023").
_DATE_IN_SENTENCE = re.compile(r"(?:ngày|năm|tháng|số|từ|đến|tới|lúc|vào|hôm)\s*$", re.IGNORECASE)

# What a date line may hold before its stamp ("Thứ Sáu,", "Cập nhật lúc :").
_DATE_LINE_HEAD = re.compile(
    r"\s*(?:(?:thứ\s+\S+|chủ\s+nhật|cập\s+nhật|cập\s+nhập|ngày(?:\s+đăng|\s+cập\s+nhật)?|đăng(?:\s+lúc)?|lúc"
    r"|xuất\s+bản|update[d]?|posted)\s*[,:|\-–]?\s*)*",
    re.IGNORECASE,
)
# A site's tag opening a lead: "(QNO) -", "(Baonghean.vn) -", "ĐNO -", "GNO -".
# A bare tag is an upper-case word ending in O ("online"): unlike "UBND - MTTQ",
# an organisation's initials never end so.
_SITE_TAG = re.compile(
    rf"\s+(?P<tag>\((?:[{_UPPER}0-9]{{2,8}}|[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:vn|com|net|org))\)"
    rf"|[{_UPPER}]{{1,5}}O)\s*[-–—]\s*(?=[{_UPPER}\"“])"
)
_HEADLINE_WORDS = 5  # a headline before a glued lead has at least these
_LEAD_WORDS = 12  # and the lead at least these


# Portal junk printed before the headline on its line: a template's literal
# "null", a view counter, a skip link.
_LEADING_JUNK = re.compile(
    rf"^(?:(?:null|undefined|(?:Lượt xem|Lượt đọc|Views?)\s*:?\s*[\d.,]+|[\d.,]+\s+lượt xem"
    rf"|Truy cập nội dung luôn|Bỏ qua nội dung|Skip to (?:main )?content)\s*[|:-]?\s*)+(?=[{_UPPER}\"“])",
    re.IGNORECASE,
)


def split_glued(line: str) -> list[str]:
    """The lines ``line`` holds: itself, or its parts in reading order."""
    if "." in line:
        line = _without_file_names(line)
    if line[:1] in "nNuULlVvTtBbSs0123456789":
        line = _LEADING_JUNK.sub("", line)
    if not line:
        return []
    words = line.split()
    half = len(words) // 2
    if len(words) >= 8 and len(words) % 2 == 0 and words[:half] == words[half:]:
        line = " ".join(words[:half])  # a headline printed twice
    parts = []
    lead = _SITE_TAG.search(line) if len(line) > 60 else None
    if lead and len(line[: lead.start()].split()) >= _HEADLINE_WORDS and len(line[lead.end():].split()) >= _LEAD_WORDS:
        parts.append(line[: lead.start()].strip())
        line = line[lead.start():].strip()
    stamp = _STAMP_TAIL.search(line) if len(line) < 250 and any(c.isdigit() for c in line[-25:]) else None
    if stamp and _DATE_LINE_HEAD.fullmatch(line, 0, stamp.start()):
        stamp = None  # "Thứ Sáu, 14/3/2025 | 10:25" is a date line already
    if stamp and (":" in stamp["stamp"] or "|" in stamp["sep"]):
        before = line[: stamp.start()].strip(" |-–—,")
        if len(before.split()) >= 2 and not _DATE_IN_SENTENCE.search(before) and not before.endswith((".", ";", "…")):
            return [*parts, before, stamp["stamp"]]
    return [*parts, line]


def stamp_in(line: str) -> re.Match | None:
    """The first date of ``line`` with the time written beside it, if any."""
    return _STAMP.search(line)


_STAMP = re.compile(rf"(?:{_TIME},?\s*)?{_DAY}(?:\s*[-|,]?\s*{_TIME})?")


def date_words_only(text: str) -> bool:
    """Whether ``text`` holds only what a date line may hold besides its date."""
    return _DATE_LINE_HEAD.fullmatch(text) is not None


def _without_file_names(line: str) -> str:
    if not _FILE_NAME.search(line):
        return line
    return " ".join(_FILE_NAME.sub(" ", line).split())


_ENDS_SENTENCE = (".", "!", "?", "…", ":", ";", "\"", "”", ")")


def join_broken(lines: list[str]) -> list[str]:
    """Lines with a sentence broken in two joined: after a comma, or before a
    line that starts with a lower-case letter where the line above does not end
    a sentence."""
    joined: list[str] = []
    for line in lines:
        if joined and (
            joined[-1].endswith(",")
            or (line[:1].islower() and not joined[-1].endswith(_ENDS_SENTENCE))
        ):
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
    return joined
