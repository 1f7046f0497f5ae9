"""Find the officials of an article: people named with at least one title.

Two shapes cover the reporting style of provincial news:
- name, then titles: "đồng chí Trần Thị Diệu Minh – UVTV Huyện ủy, Trưởng Ban Dân
  vận Huyện ủy", "ông Y Ngọc, Phó Chủ tịch UBND tỉnh", "Bùi Tuấn Quang- Phó …";
- title, then name: "Chủ tịch UBND huyện Lê Nguyễn Thành Trung", "Trưởng Ban Dân
  vận Huyện ủy Phong Điền Trần Thị Diệu Minh", "đồng chí Chủ tịch UBND tỉnh …".

What a name looks like is ``names``; where a title starts and ends, ``titles``.
"""

from bisect import bisect_left
import re

from archive.extract.gazetteer import Gazetteer, load_gazetteer
from archive.extract.names import (
    CAPITAL_HONORIFICS,
    HONORIFIC_RE,
    NAME_RUN_RE,
    RANK_AT_RE,
    RANK_SET,
    RANKS,
    SYL,
    alternation,
    is_name,
    masked,
    rank_before,
    split_place_and_name,
)
from archive.extract.places import SURNAMES, UPPER, article_sentences
from archive.extract.titles import DASHES, HEAD_RE, TITLE_END_RE, clean, find_heads, read_titles


class _Collector:
    def __init__(self):
        self.people: dict[str, dict] = {}

    def add(self, name: str, titles: list[str], evidence: str):
        titles = [t for t in titles if t]
        if not titles:
            return
        person = self.people.setdefault(name, {"name": name, "titles": [], "evidence": []})
        for title in titles:
            if title not in person["titles"]:
                person["titles"].append(title)
        evidence = clean(evidence)
        if evidence and evidence not in person["evidence"]:
            person["evidence"].append(evidence)

    def result(self) -> list[dict]:
        out = []
        for person in self.people.values():
            titles = person["titles"]
            ranks_only = all(t in RANK_SET for t in titles)
            if not ranks_only:
                titles = [t for t in titles if t not in RANK_SET]
            out.append({"name": person["name"], "titles": titles, "evidence": person["evidence"]})
        return out


_SEP_RE = re.compile(
    r"\s*(?:[–—‒-]|,|\(|:"
    r"|được\s+(?:bầu|bổ nhiệm|cử|tín nhiệm bầu)(?:\s+(?:làm|giữ chức(?: vụ)?|vào chức(?: vụ)?))?|giữ chức(?: vụ)?"
    r"|tái đắc cử|đắc cử)?\s*"
)
_ABBREVIATED_HEAD_RE = re.compile(rf"[{UPPER}]{{2,8}}(?![\w.])")
_COMRADE_RE = re.compile(r"(?:[Cc]ác\s+)?(?:[Đđ]ồng\s+chí|[Đđ]/[Cc])")
def _name_before(sentence: str, runs: list[tuple[int, int]], head_start: int, gaz) -> tuple | None:
    """The person named right before a title head: (name, evidence start, separator).

    The name ends at the head ("… Nguyễn Văn A Phó Chủ tịch") or a separator
    stands between them ("Y Ngọc - Ủy viên", "Trịnh Việt Hùng, Ủy viên").
    """
    index = bisect_left(runs, (head_start, head_start)) - 1
    if index < 0:
        return None
    start, end = runs[index]
    if end > head_start:  # the head is inside the run
        end = head_start - 1
        sep = " "
        if end <= start:
            return None
    else:
        gap = _SEP_RE.fullmatch(sentence, end, head_start)
        if gap is None:
            return None
        sep = gap.group().strip()
        # "Trần Văn Bến TUV – Chủ tịch …": an abbreviated title may follow the
        # name with no separator; a spelled-out one may not.
        if not sep and not _ABBREVIATED_HEAD_RE.match(sentence, head_start):
            return None
    words = sentence[start:end].split()
    honorific = HONORIFIC_RE.search(sentence, max(0, start - 16), start)
    ev_start = honorific.start() if honorific else start
    if words[0] in CAPITAL_HONORIFICS and len(words) >= 2:
        # "Ông Trương Văn Sáu, Giám đốc…" at the start of a sentence.
        words = words[1:]
        start += len(sentence[start:end]) - len(" ".join(words))
        honorific = True
    if HEAD_RE.match(sentence, start):
        return None  # the run is itself a title
    ranked = rank_before(sentence, start)
    strong = bool(honorific) or ranked or sep in DASHES
    comrade = honorific is not True and honorific is not None and _COMRADE_RE.match(honorific.group()) is not None
    place_ok = (ranked or comrade) and words[0] in SURNAMES
    if not is_name(words, strong=strong, gaz=gaz, place_ok=place_ok, long_ok=bool(honorific) or ranked):
        return None
    return " ".join(words), ev_start, sep


def _scan_sentence(sentence: str, gaz: Gazetteer | None, out: _Collector) -> None:
    heads = find_heads(sentence)
    if not heads:
        return
    blanked = masked(sentence)
    runs = [run.span() for run in NAME_RUN_RE.finditer(blanked)]
    consumed_until = -1
    for h_start in heads:
        if h_start < consumed_until:
            continue
        # 1. Name, then titles; a rank only ever comes before a name.
        rank = RANK_AT_RE.match(sentence, h_start) is not None
        before = None if rank else _name_before(sentence, runs, h_start, gaz)
        if before is not None:
            name, ev_start, sep = before
            titles, title_end = read_titles(sentence, h_start, any_case=sep != " ")
            if titles:
                out.add(name, titles, sentence[ev_start:title_end])
                consumed_until = title_end
                continue
        # 2. Title(s), then name: "Chủ tịch UBND huyện Lê Nguyễn Thành Trung",
        # "Trưởng Ban Dân vận Huyện ủy - Chủ tịch Ủy ban MTTQ huyện Võ Thị Nhàn".
        found = _title_then_name(sentence, runs, h_start, gaz)
        if found is not None:
            name, titles, name_end = found
            out.add(name, titles, sentence[_ev_start(sentence, h_start) : name_end])
            consumed_until = name_end


def _title_then_name(sentence: str, runs, h_start: int, gaz) -> tuple[str, list[str], int] | None:
    titles: list[str] = []
    start = h_start
    while True:
        head = HEAD_RE.match(sentence, start)
        if not head:
            return None
        stop = TITLE_END_RE.search(sentence, head.end())
        limit = stop.start() if stop else len(sentence)
        index = bisect_left(runs, (head.end(), head.end()))
        for r_start, r_end in runs[index:]:
            if r_end > limit or HEAD_RE.match(sentence, r_start):
                break
            words = sentence[r_start:r_end].split()
            cut = split_place_and_name(words, gaz, before=sentence[start:r_start])
            if cut is None:
                continue
            name_start = r_start + len(" ".join(words[:cut])) + (1 if cut else 0)
            title = clean(sentence[start:name_start])
            if not title:
                return None
            return " ".join(words[cut:]), [*titles, title], r_end
        if stop is None:
            return None
        # "Bí thư Tỉnh ủy, đồng chí Nguyễn Văn A", "Bí thư Huyện ủy là ông Lê B"
        named = _THEN_HONORIFIC_NAME_RE.match(sentence, limit)
        if named and is_name(named.group("name").split(), strong=True, gaz=gaz):
            return named.group("name"), [*titles, clean(sentence[start:limit])], named.end()
        sep = stop.group().strip()
        after = stop.end()
        while after < len(sentence) and sentence[after] == " ":
            after += 1
        if sep in DASHES or sep in {"kiêm", ","}:
            if HEAD_RE.match(sentence, after):
                titles.append(clean(sentence[start:limit]))
                start = after
                continue
            if sep in DASHES:
                # "Phó Bí thư Thường trực Huyện ủy - Nguyễn Văn Tròn"
                run = NAME_RUN_RE.match(sentence, after)
                if run and is_name(run.group().split(), strong=True, gaz=gaz):
                    return run.group(), [*titles, clean(sentence[start:limit])], run.end()
        return None


# "Bí thư Tỉnh ủy, đồng chí …", "Chính trị viên Đồn Biên phòng Ka Lăng, Thiếu tá …"
_THEN_HONORIFIC_NAME_RE = re.compile(
    rf"\s*(?:[,–—‒-]\s*|\s+là\s+)?(?:[Đđ]ồng chí|[Đđ]/[Cc]|ông|bà|Ông|Bà|{alternation(RANKS)})"
    rf"\s+(?P<name>{SYL}(?:[ ]{SYL})*)(?![\w'’])"
)


def _ev_start(sentence: str, pos: int) -> int:
    honorific = HONORIFIC_RE.search(sentence, max(0, pos - 16), pos)
    return honorific.start() if honorific else pos


def find_officials(title: str, body: str, *, gazetteer: Gazetteer | None = None) -> list[dict]:
    """Officials as contract dicts: {"name", "titles", "evidence"}.

    Mentions of the same name are merged; titles keep their first-seen order.
    A person never given a title is not an official.
    """
    gaz = gazetteer if gazetteer is not None else load_gazetteer()
    out = _Collector()
    for sentence in article_sentences(title, body):
        if len(sentence) < 8:
            continue
        _scan_sentence(sentence, gaz, out)
    return out.result()
