"""Mentions of administrative units in an article's sentences: a unit-type word
("huyện Phong Điền"), a party body or border post named after a unit, the
headline prefix, a province in brackets, a bare province name, lists of units."""

from dataclasses import dataclass, field
import re

from archive.extract.gazetteer import CENTRAL_CITIES, PROVINCE_SPELLINGS, Gazetteer, Unit
from archive.extract.places.shared import CAP_RUN, CAP_WORD, LOWER, SURNAMES, UPPER, trie_pattern
from archive.text import normalize

# -- patterns ----------------------------------------------------------------

# Unit-type word → (levels it can name, unit types it can name).
_TYPE_WORDS = {
    "tỉnh": ({"province"}, {"tỉnh"}),
    "thành phố": ({"province", "district"}, {"thành phố"}),
    "tp": ({"province", "district"}, {"thành phố"}),
    "huyện": ({"district"}, {"huyện"}),
    "quận": ({"district"}, {"quận"}),
    "thị xã": ({"district"}, {"thị xã"}),
    "tx": ({"district"}, {"thị xã"}),
    "xã": ({"commune"}, {"xã"}),
    "phường": ({"commune"}, {"phường"}),
    "thị trấn": ({"commune"}, {"thị trấn"}),
    "tt": ({"commune"}, {"thị trấn"}),
    "đặc khu": ({"commune"}, {"đặc khu"}),
    "h": ({"district"}, {"huyện"}),  # "xã Đại Hiệp (H. Đại Lộc, tỉnh Quảng Nam)"
}
# Party committees and posts named after their unit.
_ORG_WORDS = {
    "huyện ủy": ({"district"}, {"huyện"}),
    "quận ủy": ({"district"}, {"quận"}),
    "thị ủy": ({"district"}, {"thị xã"}),
    "thành ủy": ({"province", "district"}, {"thành phố"}),
    "tỉnh ủy": ({"province"}, {"tỉnh"}),
    "đồn biên phòng": ({"commune"}, None),
    "đồn bp": ({"commune"}, None),
}

# An abbreviation's dot may touch the name: "TP.Trà Vinh", "TX.Ninh Hòa".
_TYPE_RE = re.compile(
    r"(?<![\w])(?=[TtHhQqPpXxĐđ])(?P<type>[Tt]hành [Pp]hố|TP\.?|Tp\.?|[Tt]hị [Xx]ã|TX\.?|[Tt]hị [Tt]rấn|TT\.|[Đđ]ặc khu"
    r"|[Tt]ỉnh|[Hh]uyện|[Qq]uận|[Pp]hường|(?<!thị )(?<!Thị )[Xx]ã|H\.)"
    rf"(?:\s+|(?<=\.))(?P<run>{CAP_RUN}(?: \d{{1,2}}(?![\d/.,]\d))?|\d{{1,2}}(?![\d/.,]\d))"
)
# Type words found in lower-cased text (a pattern of plain alternatives lets
# the regex engine skip fast); the full pattern is then matched where one starts.
_TYPE_WORD_FIND_RE = re.compile(r"thành phố|tp|thị xã|tx|thị trấn|tt\.|đặc khu|tỉnh|huyện|quận|phường|xã|h\.")
# "Hướng Hóa là huyện biên giới": a unit named, then said to be one.
_IS_UNIT_RE = re.compile(
    rf"(?P<run>{CAP_RUN})\s+(?:vốn\s+|hiện\s+)?là\s+(?:một\s+)?(?P<type>huyện|xã|tỉnh|thị xã|quận|phường|thị trấn)(?![\w]|\s+ủy)"
)
# "(Cadn.com.vn) - ĐÀ NẴNG - Sáng 1-10, …": the place a lead is filed from.
_DATELINE_RE = re.compile(rf"^(?:\([^()]{{2,40}}\)\s*[-–]\s*)?(?P<place>[{UPPER}]{{1,8}}(?: [{UPPER}]{{1,8}}){{0,3}})\s*[-–]\s")
# Some sites write the committee in lower case: "Ban Dân vận huyện ủy Lý Nhân".
_ORG_RE = re.compile(
    r"(?P<org>[Hh]uyện [ủỦ]y|[Qq]uận [ủỦ]y|[Tt]hị [ủỦ]y|[Tt]hành [ủỦ]y|[Tt]ỉnh [ủỦ]y|Đồn [Bb]iên phòng|Đồn BP)"
    rf"\s+(?P<run>{CAP_RUN})"
)
_HCM_RE = re.compile(r"(?<![\w])(?:TP\.?\s?HCM|Tp\.?\s?HCM|TPHCM|TP\.?\s?Hồ Chí Minh|Sài Gòn)(?![\w])")
_TITLE_PREFIX_RE = re.compile(rf"^\s*(?P<run>{CAP_RUN})\s*(?:\((?P<paren>{CAP_RUN})\))?\s*:")
_PAREN_AFTER_RE = re.compile(
    rf"\s*\((?:(?:tỉnh|Tỉnh|TP\.?|thành phố|Thành phố)\s+)?(?P<paren>{CAP_RUN})\)"
)
_BARE_PAREN_RE = re.compile(rf"(?P<run>{CAP_RUN})\s*\((?:(?:tỉnh|Tỉnh)\s+)?(?P<paren>{CAP_RUN})\)")
# The item of such a list before the one bracketed: ", Thuận An, " before "Dĩ An (…)".
_LISTED_BEFORE_RE = re.compile(rf"(?:^|(?<=[,:;]\s)|(?<=\svà\s))(?P<run>{CAP_RUN})\s*(?:,|\svà)\s*$")
# Units listed after a plural type word and a few words: "các xã vùng cao như Bản Thi".
# Without "như"/"gồm" the words between must describe the units ("các xã vùng
# cao Pà Cò, Hang Kia"), not place them ("các xã của huyện Mai Châu").
_PLURAL_LIST_RE = re.compile(  # matched where _QUANTIFIER_BEFORE_RE found its start; boundary checked in code
    r"(?:[Cc]ác|[Nn]hững|[Hh]ai|[Bb]a|[Bb]ốn|[Nn]ăm|[Ss]áu|\d{1,2})\s+(?P<type>xã|phường|thị trấn|huyện|quận|thị xã|tỉnh)"
    rf"(?P<words>(?:\s+[{LOWER}]+){{0,4}}?)(?P<joined>\s*(?:như|gồm|là|:))?\s+(?P<run>{CAP_RUN})(?![\w'’])"
)
_PLACING_WORDS = frozenset("của thuộc trong tại ở huyện tỉnh quận thành phố thị xã với và cùng trên".split())
# The next item of a list of units: ", Cầu Ngang", " và Duyên Hải" (whole run only).
_LIST_ITEM_RE = re.compile(
    rf"(?:\s*,\s*|\s+và\s+)(?P<run>{CAP_RUN}(?: \d{{1,2}})?|\d{{1,2}})(?![\w'’])(?![/.,]\d)(?!\s*[({UPPER}])"
)

_COMMITTEE_AFTER_RE = re.compile(r"\s+[ủỦ]y(?!\w)")

# Capitalised words that often stand before a province name in a body's name
# ("Báo Vĩnh Long", "Sở Y tế Bình Dương") and are never part of it.
_ORG_LEAD_WORDS = frozenset(
    "Báo Đài Hội Sở Ban Bộ Cục Chi Viện Tòa Trường Bệnh Công Ủy Mặt Quân Khu Đồn Tỉnh Thành Đảng "
    "Nhân Tổ Trung Liên Phòng Văn Hệ Cổng Kho Bảo Chợ Cảng Ngân Hợp Quỹ Nhà Trại Câu Đội "
    # sentence-initial words
    "Theo Tại Ở Với Tới Từ Còn Trong Cùng Đến Về Sau Trước Nhân Qua Hôm Sáng Chiều Tối Năm Ngày Toàn Cả "
    "Các Những Riêng Tỉnh Huyện Thị Xã Phường Miền Vùng Khu".split()
)
# Words before a province's name that make it the name of something else.
_NAMED_THING_WORDS = frozenset(
    "thôn bản ấp xóm làng buôn plei sóc khóm tổ khu phố đường ngõ hẻm sông núi đèo hồ cầu chợ chùa đình đền "
    "trường bến cảng lộ cụm đội giải cúp hẻm suối thác vịnh đảo".split()
)
_HONORIFICS = frozenset({"ông", "bà", "anh", "chị", "đồng chí", "cụ", "em", "cháu", "đ/c", "già làng"})


# -- mentions ----------------------------------------------------------------


@dataclass
class _Mention:
    name: str
    levels: set
    types: set | None
    kind: str  # typed, org, post, title, paren, bare
    sentence: int
    start: int
    end: int
    evidence: str
    hints: list = field(default_factory=list)  # province names written beside it
    district_hints: list = field(default_factory=list)  # "xã A, huyện B": B
    candidates: dict = field(default_factory=dict)  # era → [Unit]
    resolved: Unit | None = None
    era: str | None = None
    former: bool = False  # written as a former unit: "huyện Lâm Bình (cũ)"


def _prefix_matches(run: str, gazetteer: Gazetteer, levels, *, era=None) -> tuple[str, list[Unit]] | None:
    """The longest leading word sequence of ``run`` that names a unit of ``levels``."""
    words = run.replace("–", "-").replace(" - ", " -").replace("-", " - ").split()
    for n in range(min(len(words), gazetteer.max_words + 2), 0, -1):
        name = " ".join(words[:n]).replace(" - ", "-")
        if name.endswith("-"):
            continue
        units = gazetteer.lookup(name, era=era, levels=levels)
        if not units:
            spaced = " ".join(words[:n])
            if spaced != name:
                units = gazetteer.lookup(spaced, era=era, levels=levels)
                name = spaced if units else name
        if units:
            return name, units
    return None


def _preceding_words(sentence: str, start: int, count: int = 2) -> str:
    return " ".join(sentence[:start].split()[-count:]).lower()


def _is_honorific_before(sentence: str, start: int) -> bool:
    before = _preceding_words(sentence, start, 2)
    last = before.split()[-1] if before else ""
    return last in _HONORIFICS or before in _HONORIFICS


class _Scanner:
    def __init__(self, gazetteer: Gazetteer):
        self.gaz = gazetteer
        self.bare_names = self._bare_province_names()
        # No look-behind in front: a pattern that starts with plain
        # alternatives is scanned fast; the boundary is checked in code.
        self.bare_re = (
            re.compile(f"(?:{trie_pattern(self.bare_names)})(?![\\w'’])") if self.bare_names else re.compile(r"(?!x)x")
        )

    def _bare_province_names(self) -> dict[str, str]:
        """Province names that may stand alone, as written → the gazetteer's name."""
        names = {}
        for era in ("pre2025", "post2025"):
            for unit in self.gaz.provinces(era):
                if unit.name in {"Hồ Chí Minh", "Huế"}:
                    continue  # "Hồ Chí Minh" is mostly the leader; "Huế" mostly the city
                names[unit.name] = unit.name
                for spelling in PROVINCE_SPELLINGS.get(unit.name, ()):
                    names[normalize(spelling)] = unit.name
        return names

    def scan(self, sentences: list[str]) -> list[_Mention]:
        mentions: list[_Mention] = []
        for index, sentence in enumerate(sentences):
            taken: list[tuple[int, int]] = []

            def overlaps(a, b):
                return any(a < e and s < b for s, e in taken)

            if index == 0:
                mentions.extend(self._title_prefix(sentence, taken))
            elif index <= 2:
                mentions.extend(self._dateline(sentence, index, taken))
            for match in _IS_UNIT_RE.finditer(sentence) if " là " in sentence else ():
                if match.start() and not sentence[: match.start()].rstrip().endswith((",", ".", ":")):
                    continue  # the unit opens its clause: "Hướng Hóa là huyện …", "…, Tuy An là huyện …"
                levels, types = _TYPE_WORDS[match.group("type")]
                if self.gaz.lookup(match.group("run"), levels=levels) and not overlaps(match.start(), match.end("run")):
                    mentions.append(_Mention(match.group("run"), set(levels), types, "typed", index, match.start(),
                                             match.end("run"), sentence))
                    taken.append((match.start(), match.end("run")))
            hcm = "HCM" in sentence or "Hồ Chí Minh" in sentence or "Sài Gòn" in sentence
            for match in _HCM_RE.finditer(sentence) if hcm else ():
                mentions.append(
                    _Mention("Hồ Chí Minh", {"province"}, None, "typed", index, match.start(), match.end(), sentence)
                )
                taken.append((match.start(), match.end()))
            for match in _type_mentions(sentence):
                if overlaps(match.start(), match.end()):
                    continue
                type_word = match.group("type").lower().rstrip(".")
                levels, types = _TYPE_WORDS[type_word]
                mention = self._from_run(match, levels, types, "typed", index, sentence)
                if mention:
                    mentions.append(mention)
                    taken.append((mention.start, mention.end))
                    district = self._district_in_brackets(mention, index)
                    if district and not overlaps(district.start, district.end):
                        mentions.append(district)
                        taken.append((district.start, district.end))
                # "xã Vĩnh Khương, Tuấn Đạo": the list goes on after a unit the gazetteer lacks.
                first = mention or _Mention(match.group("run"), set(levels), types, "typed", index,
                                            match.start("run"), match.end("run"), sentence)
                for item in self._list_items(sentence, first, index):
                    mentions.append(item)
                    taken.append((item.start, item.end))
            for match in _plural_lists(sentence):
                # "các xã vùng cao như Bản Thi, Xuân Lạc", "hai xã biên giới Pà Cò, Hang Kia"
                if match.start() and sentence[match.start() - 1].isalnum():
                    continue
                if not match.group("joined") and _PLACING_WORDS.intersection(match.group("words").split()):
                    continue
                if overlaps(match.start("run"), match.end("run")):
                    continue
                levels, types = _TYPE_WORDS[match.group("type").lower()]
                run = match.group("run")
                if not self.gaz.lookup(run, levels=levels):
                    continue
                first = _Mention(run, set(levels), types, "typed", index, match.start("run"), match.end("run"), sentence)
                for mention in (first, *self._list_items(sentence, first, index)):
                    mentions.append(mention)
                    taken.append((mention.start, mention.end))
            for match in _ORG_RE.finditer(sentence):
                if match.start() and sentence[match.start() - 1].isalnum():
                    continue
                if overlaps(match.start("run"), match.end("run")):
                    continue
                org = match.group("org").lower()
                levels, types = _ORG_WORDS[org]
                kind = "post" if org.startswith("đồn") else "org"
                mention = self._from_run(match, levels, types, kind, index, sentence)
                if mention:
                    mentions.append(mention)
                    taken.append((mention.start, mention.end))
            for match in _BARE_PAREN_RE.finditer(sentence) if "(" in sentence else ():
                if overlaps(match.start(), match.end("run")):
                    continue
                paren = self._province_name(match.group("paren"))
                if paren is None:
                    continue
                found = _prefix_matches(match.group("run"), self.gaz, {"district", "commune"})
                if found and found[0] == match.group("run"):
                    mention = _Mention(found[0], {"district", "commune"}, None, "paren", index,
                                       match.start(), match.start() + len(found[0]), sentence, hints=[paren])
                    listed = self._listed_before(sentence, match.start(), paren, index, overlaps)
                    for item in (*listed, mention):
                        mentions.append(item)
                        taken.append((item.start, item.end))
            mentions.extend(self._bare_provinces(sentence, index, taken))
        mentions.sort(key=lambda m: (m.sentence, m.start))
        _link_chains(mentions, self.gaz)
        return mentions

    def _district_in_brackets(self, mention: _Mention, index: int) -> _Mention | None:
        """"xã Ch’Ơm (Tây Giang)": a district in brackets after a commune."""
        if mention.levels != {"commune"} or mention.hints:
            return None
        paren = _PAREN_AFTER_RE.match(mention.evidence, mention.end)
        if paren is None or not self.gaz.lookup(paren.group("paren"), levels={"district"}):
            return None
        mention.district_hints.append(paren.group("paren"))
        start = paren.start("paren")
        return _Mention(paren.group("paren"), {"district"}, None, "paren", index, start, paren.end("paren"),
                        mention.evidence)

    def _listed_before(self, sentence: str, end: int, province: str, index: int, overlaps) -> list[_Mention]:
        """Units listed bare before one with its province in brackets, in that
        province: "Thuận An, Dĩ An (tỉnh Bình Dương)"."""
        items: list[_Mention] = []
        while item := _LISTED_BEFORE_RE.search(sentence, 0, end):
            run = item.group("run")
            units = self.gaz.lookup(run, levels={"district", "commune"})
            if overlaps(item.start("run"), item.end("run")) or not any(
                (self.gaz.province(u.province, u.era) or u).name == province for u in units
            ):
                break
            items.insert(0, _Mention(run, {"district", "commune"}, None, "paren", index, item.start("run"),
                                     item.end("run"), sentence, hints=[province]))
            end = item.start("run")
        return items

    def _province_name(self, text: str) -> str | None:
        units = self.gaz.lookup(text, levels={"province"})
        return units[0].name if units else None

    def _from_run(self, match, levels, types, kind, index, sentence) -> _Mention | None:
        run = match.group("run")
        found = _prefix_matches(run, self.gaz, levels)
        if not found:
            return None
        name, _ = found
        words, taken = run.split(), name.split()
        if len(words) == len(taken) + 1 and words[0] in SURNAMES and len(words) >= 3:
            return None  # "UBND xã Đinh Văn Hùng": a person's name, not xã Đinh Văn + "Hùng"
        start = match.start("run")
        end = start + len(name)
        mention = _Mention(name, set(levels), types, kind, index, match.start(), end, sentence)
        paren = _PAREN_AFTER_RE.match(sentence, end)
        if paren:
            province = self._province_name(paren.group("paren"))
            if province:
                mention.hints.append(province)
        return mention

    def _list_items(self, sentence: str, first: _Mention, index: int) -> list[_Mention]:
        """Units listed after the first under one type word: "các huyện Trà Cú,
        Cầu Ngang và Duyên Hải". Each item must be a whole name of that level."""
        items = []
        end = first.end
        while True:
            item = _LIST_ITEM_RE.match(sentence, end)
            if not item:
                break
            run = item.group("run")
            if run.isdigit() and not first.name.split()[-1].isdigit():
                break  # "thị trấn Tràm Chim và 11 xã": a count, not "Phường 11"
            if not self.gaz.lookup(run, levels=first.levels) or _COMMITTEE_AFTER_RE.match(sentence, item.end("run")):
                break  # "xã Ga Ri và Đảng ủy xã …": a committee, not a unit ("Đảng" folds to "Dang")
            if " " not in run and not self.gaz.has_name(run):
                break
            start = item.start("run")
            items.append(_Mention(run, set(first.levels), first.types, first.kind, index, start,
                                  start + len(run), sentence))
            end = start + len(run)
        return items

    def _title_prefix(self, title: str, taken) -> list[_Mention]:
        match = _TITLE_PREFIX_RE.match(title)
        if not match:
            return []
        run = match.group("run")
        result = []
        hints = []
        if match.group("paren"):
            province = self._province_name(match.group("paren"))
            if province:
                hints.append(province)
                start = match.start("paren")
                result.append(_Mention(province, {"province"}, None, "title", 0, start,
                                       start + len(match.group("paren")), title))
        province_units = self.gaz.lookup(run, levels={"province"})
        if province_units and not hints:
            result.insert(0, _Mention(run, {"province"}, None, "title", 0, match.start("run"), match.end("run"), title))
        else:
            units = self.gaz.lookup(run, levels={"district", "commune"})
            if units:
                result.insert(0, _Mention(run, {"district", "commune"}, None, "title", 0, match.start("run"),
                                          match.end("run"), title, hints=hints))
        for mention in result:
            taken.append((mention.start, mention.end))
        return result

    def _dateline(self, sentence: str, index: int, taken) -> list[_Mention]:
        match = _DATELINE_RE.match(sentence)
        if not match or len(match.group("place")) < 3:
            return []
        name = match.group("place").title()
        if not self.gaz.lookup(name, levels={"province", "district"}):
            return []
        start, end = match.span("place")
        taken.append((start, end))
        return [_Mention(name, {"province", "district"}, None, "title", index, start, end, sentence)]

    def _bare_provinces(self, sentence: str, index: int, taken) -> list[_Mention]:
        result = []
        for match in self.bare_re.finditer(sentence):
            start, end = match.span()
            if start and (sentence[start - 1].isalnum() or sentence[start - 1] in "'’-"):
                continue
            if any(start < e and s < end for s, e in taken):
                continue
            # Capitalised words glued before it must be body words ("Báo Vĩnh
            # Long"), not a surname ("Trần Thái Bình").
            lead = _LEAD_RUN_RE.search(sentence, 0, start)
            if lead:
                # Body words and abbreviations ("BĐBP Lai Châu") may stand before it.
                lead_words = lead.group().split()
                if lead_words[-1].lower() in _NAMED_THING_WORDS or any(
                    word not in _ORG_LEAD_WORDS and not (len(word) > 1 and word.isupper()) for word in lead_words
                ):
                    continue
            elif _is_honorific_before(sentence, start) or _preceding_words(sentence, start, 1) in _NAMED_THING_WORDS:
                continue  # "ông Thái Bình", "thôn Thái Bình", "sông Đồng Nai"
            # Capitalised words after it must start a person's name ("Tỉnh ủy
            # Long An Nguyễn Văn Được"), not continue a longer name ("Thái Bình Dương").
            tail = _TAIL_RUN_RE.match(sentence, end)
            if tail:
                words = tail.group().split()
                if words[0] not in SURNAMES or len(words) < 2:
                    continue
            canonical = self.bare_names[match.group()]
            result.append(_Mention(canonical, {"province"}, None, "bare", index, start, end, sentence))
        return result


# Capitalised words right before a position / right after it, same run.
_LEAD_RUN_RE = re.compile(rf"(?:{CAP_WORD} )+$")
_TAIL_RUN_RE = re.compile(rf"(?: {CAP_WORD})+")


_CHAIN_GAP = re.compile(r"\s*[,(–-]?\s*$")
_RANK = {"commune": 2, "district": 1, "province": 0}


def _link_chains(mentions: list[_Mention], gaz: Gazetteer) -> None:
    """"xã Ea Tiêu, huyện Cư Kuin, tỉnh Đắk Lắk": each unit is inside the next."""
    for i, mention in enumerate(mentions[:-1]):
        j = i + 1
        current = mention
        while j < len(mentions):
            nxt = mentions[j]
            gap = mention.evidence[current.end : nxt.start] if nxt.sentence == mention.sentence else None
            if gap is None or nxt.start < current.end or not _CHAIN_GAP.match(gap) or len(gap) > 4:
                break
            if min(_RANK[l] for l in nxt.levels) >= max(_RANK[l] for l in mention.levels):
                break
            if "province" in nxt.levels and (
                nxt.levels == {"province"} or (nxt.name in CENTRAL_CITIES and gaz.lookup(nxt.name, levels={"province"}))
            ):
                mention.hints.append(nxt.name)
            elif "district" in nxt.levels:
                mention.district_hints.append(nxt.name)
            current = nxt
            j += 1


def _type_mentions(sentence: str):
    """_TYPE_RE matches, found through the lower-cased text."""
    lowered = sentence.lower()
    if len(lowered) != len(sentence):
        yield from _TYPE_RE.finditer(sentence)
        return
    end = 0
    for found in _TYPE_WORD_FIND_RE.finditer(lowered):
        if found.start() < end:
            continue
        match = _TYPE_RE.match(sentence, found.start())
        if match:
            end = match.end()
            yield match


_PLURAL_TYPE_FIND_RE = re.compile(r"xã|phường|thị trấn|huyện|quận|thị xã|tỉnh")
_QUANTIFIER_BEFORE_RE = re.compile(r"(?:các|những|hai|ba|bốn|năm|sáu|\d{1,2})\s+$")


def _plural_lists(sentence: str):
    """_PLURAL_LIST_RE matches, looked for only at type words after a
    quantifier: a pattern starting with "các", "những" or a digit would be
    tried at most letters of a Vietnamese sentence."""
    lowered = sentence.lower()
    if len(lowered) != len(sentence):
        yield from _PLURAL_LIST_RE.finditer(sentence)
        return
    end = 0
    for found in _PLURAL_TYPE_FIND_RE.finditer(lowered):
        quantifier = _QUANTIFIER_BEFORE_RE.search(lowered, max(0, found.start() - 8), found.start())
        if quantifier is None or quantifier.start() < end:
            continue
        match = _PLURAL_LIST_RE.match(sentence, quantifier.start())
        if match:
            end = match.end()
            yield match


_SCANNERS: dict[int, _Scanner] = {}


def _scanner(gazetteer: Gazetteer) -> _Scanner:
    scanner = _SCANNERS.get(id(gazetteer))
    if scanner is None or scanner.gaz is not gazetteer:
        scanner = _SCANNERS[id(gazetteer)] = _Scanner(gazetteer)
    return scanner
