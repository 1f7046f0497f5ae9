"""Find the administrative units an article is about.

A place is taken only on a signal: a unit-type word ("huyện Phong Điền"), a party
body named after it ("Huyện ủy Phong Điền", "Đồn Biên phòng Phong Hải"), the
headline prefix ("Kon Tum: …", "Vĩnh Tường (Vĩnh Phúc): …"), a province in
brackets after a name, or a bare province name. Names that match several units
are resolved with the provinces the article names, the source domain and the
other units it names (a commune settles which district of that name is meant);
what stays undecided is reported as ambiguous with its candidates.
"""

from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
import re

from archive.extract.gazetteer import CENTRAL_CITIES, PROVINCE_SPELLINGS, Gazetteer, Unit, fold_key, load_gazetteer
from archive.extract.sentences import split_sentences
from archive.text import fold, normalize

# -- shared text helpers (people and organisations use them too) -------------

# Letter classes built from the code points Vietnamese uses (Latin, Latin-1,
# Extended-A/B and the Extended Additional block, where cases alternate).
_LETTERS = [chr(c) for c in range(0x41, 0x250) if chr(c).isalpha()] + [chr(c) for c in range(0x1EA0, 0x1F00)]
UPPER = "".join(c for c in _LETTERS if c.isupper())
LOWER = "".join(c for c in _LETTERS if c.islower())
# A capitalised syllable; "H'", "K'" and "Ia H'Drai" keep their apostrophes.
CAP_WORD = rf"[{UPPER}][{LOWER}{UPPER}]*(?:['’][{LOWER}{UPPER}]*)?"
# A run of capitalised syllables (a candidate proper name), hyphen-joined parts allowed.
CAP_RUN = rf"{CAP_WORD}(?:(?:[ ]|[ ]?[-–][ ]?){CAP_WORD})*"

_RELATED_MARKERS = re.compile(
    r"^\s*(tin khác|các tin khác|tin liên quan|bài liên quan|bài viết liên quan|tin cùng chuyên mục"
    r"|tin bài khác|tin tức khác|xem nhiều nhất|đọc nhiều nhất|tin mới nhất|tin mới|tin đọc nhiều"
    r"|xem tin theo ngày|các tin đã đưa|thống kê truy cập|tin đã đưa|có thể bạn quan tâm|xem thêm"
    r"|tin bài liên quan|các tin, bài khác|tin, bài liên quan|tin tức liên quan|bài đọc nhiều)\s*:?\s*$",
    re.IGNORECASE,
)
# Site footers: the publisher's address and licence are not places of the article.
_FOOTER_LINE = re.compile(
    r"^\s*(?:địa chỉ|điện thoại|đt|fax|email|e-mail|giấy phép|bản quyền|©|copyright|cơ quan chủ quản"
    r"|chịu trách nhiệm|ghi rõ nguồn|trụ sở|hotline)\b",
    re.IGNORECASE,
)
# Related headlines glued together: "…tử vongVĩnh Phúc: Giả làm…".
_GLUE = re.compile(rf"[{LOWER}][{UPPER}]")
_GLUED_HEADLINE = re.compile(rf"[{LOWER}]{CAP_RUN}\s?:")


def trie_pattern(words) -> str:
    """A regex alternation of ``words`` built as a character trie.

    Matches what the plain alternation (longest first) matches, but the regex
    engine tries one branch per character instead of every word at every
    offset: several times faster for the hundred title heads or place names.
    """
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


def article_lines(body: str) -> list[str]:
    """Body lines that belong to the article: related-headline blocks and glued
    headline runs dropped, everything after a "Tin khác"-style marker cut."""
    lines = []
    for line in body.splitlines():
        if _RELATED_MARKERS.match(line):
            break
        if _GLUED_HEADLINE.search(line) or len(_GLUE.findall(line)) >= 3 or _FOOTER_LINE.match(line):
            continue
        lines.append(line)
    return lines


@lru_cache(maxsize=16)
def article_sentences(title: str, body: str) -> tuple[str, ...]:
    """The title (as one sentence) followed by the body's sentences.

    Memoised: places, people and organisations split the same article.
    """
    sentences = [title.strip()] if title and title.strip() else []
    for sentence in split_sentences("\n".join(article_lines(body))):
        # The shared splitter cuts after "TP." / "ThS."; glue those back.
        if sentences and len(sentences) > 1 and _ABBREVIATION_END.search(sentences[-1]):
            sentences[-1] = f"{sentences[-1]} {sentence}"
        else:
            sentences.append(sentence)
    return tuple(sentences)


# Abbreviations with a dot that the sentence splitter takes for a full stop.
_ABBREVIATION_END = re.compile(r"(?<![\w.])(?:TP|Tp|TX|Tx|TT|Q|P|H|X|ThS|Ths|TS|PGS|GS|BS|KS|Th\.S|PGS\.TS|GS\.TS)\.$")


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

_TYPE_RE = re.compile(
    r"(?<![\w])(?=[TtHhQqPpXxĐđ])(?P<type>[Tt]hành [Pp]hố|TP\.?|Tp\.?|[Tt]hị [Xx]ã|TX\.?|[Tt]hị [Tt]rấn|TT\.|[Đđ]ặc khu"
    r"|[Tt]ỉnh|[Hh]uyện|[Qq]uận|[Pp]hường|(?<!thị )(?<!Thị )[Xx]ã)"
    rf"\s+(?P<run>{CAP_RUN}(?: \d{{1,2}}(?![\d/.,]\d))?|\d{{1,2}}(?![\d/.,]\d))"
)
# Type words found in lower-cased text (a pattern of plain alternatives lets
# the regex engine skip fast); the full pattern is then matched where one starts.
_TYPE_WORD_FIND_RE = re.compile(r"thành phố|tp|thị xã|tx|thị trấn|tt\.|đặc khu|tỉnh|huyện|quận|phường|xã")
_ORG_RE = re.compile(
    r"(?P<org>Huyện ủy|Quận ủy|Thị ủy|Thành ủy|Tỉnh ủy|Đồn [Bb]iên phòng|Đồn BP)"
    rf"\s+(?P<run>{CAP_RUN})"
)
_HCM_RE = re.compile(r"(?<![\w])(?:TP\.?\s?HCM|Tp\.?\s?HCM|TPHCM|TP\.?\s?Hồ Chí Minh|Sài Gòn)(?![\w])")
_TITLE_PREFIX_RE = re.compile(rf"^\s*(?P<run>{CAP_RUN})\s*(?:\((?P<paren>{CAP_RUN})\))?\s*:")
_PAREN_AFTER_RE = re.compile(
    rf"\s*\((?:(?:tỉnh|Tỉnh|TP\.?|thành phố|Thành phố)\s+)?(?P<paren>{CAP_RUN})\)"
)
_BARE_PAREN_RE = re.compile(rf"(?P<run>{CAP_RUN})\s*\((?:(?:tỉnh|Tỉnh)\s+)?(?P<paren>{CAP_RUN})\)")
# Units listed after a plural type word and a few words: "các xã vùng cao như Bản Thi".
# Without "như"/"gồm" the words between must describe the units ("các xã vùng
# cao Pà Cò, Hang Kia"), not place them ("các xã của huyện Mai Châu").
_PLURAL_LIST_RE = re.compile(  # starts with plain words so the engine can skip; boundary checked in code
    r"(?:[Cc]ác|[Nn]hững|[Hh]ai|[Bb]a|[Bb]ốn|[Nn]ăm|[Ss]áu|\d{1,2})\s+(?P<type>xã|phường|thị trấn|huyện|quận|thị xã|tỉnh)"
    rf"(?P<words>(?:\s+[{LOWER}]+){{0,4}}?)(?P<joined>\s*(?:như|gồm|là|:))?\s+(?P<run>{CAP_RUN})(?![\w'’])"
)
_PLACING_WORDS = frozenset("của thuộc trong tại ở huyện tỉnh quận thành phố thị xã với và cùng trên".split())
# The next item of a list of units: ", Cầu Ngang", " và Duyên Hải" (whole run only).
_LIST_ITEM_RE = re.compile(
    rf"(?:\s*,\s*|\s+và\s+)(?P<run>{CAP_RUN}(?: \d{{1,2}})?|\d{{1,2}})(?![\w'’])(?![/.,]\d)(?!\s*[({UPPER}])"
)

# A border gate a post is named after: "Đồn Biên phòng Cửa khẩu Quốc tế Cha Lo".
BORDER_GATE = r"[Cc]ửa khẩu(?:\s+(?:[Qq]uốc tế|[Cc]ảng|[Cc]hính|[Pp]hụ|[Ss]ong phương))?"

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

# Common surnames: a bare province name followed by one of these starts a
# person's name ("Bí thư Tỉnh ủy Long An Nguyễn Văn Được").
SURNAMES = frozenset(
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đoàn Trịnh Đinh Lương "
    "Mai Cao Hà Lâm Trương Tạ Tô Châu Quách Lưu Văn Thái Tăng Triệu Từ Vương Khổng Kiều Lục Mạc Nông "
    "Âu Ông Đàm Đào Giang Hứa Kim La Lạc Lã Lò Lù Ma Mã Nghiêm Phí Phùng Quan Quang Sầm Thạch Thân Tôn "
    "Trình Trương Vi Viên Yên Chu Chung Diệp Doãn Hàn Hầu Hoa Khúc Lại Lều Mẫn Nhữ Ninh Phó Tiêu Tống "
    "Thiều Âu Bạch Bế Cầm Chế Danh Điểu Giàng Hồng Kha Khuất Lường Lỗ Lữ Mè Mông Nay Quàng Siu Sùng "
    "Tòng Thào Vàng Vừ Ksor Kpă Rơ Y H' A Đồng Công Cù Cung Dư Đàm Đậu Hoàng Lê Lăng Lục Mạch Ngọ "
    "Phương Tạ Thái Thịnh Tiết Trang Trịnh Ung Ưng Võ Vũ Vy Khương Bàn Chảo Tẩn Sằm Hờ Chau Néang".split()
)


# -- domains -----------------------------------------------------------------

# Short labels used by provincial sites that are not a province's folded name.
_DOMAIN_ALIASES = {
    "hcm": "Hồ Chí Minh",
    "tphcm": "Hồ Chí Minh",
    "hochiminhcity": "Hồ Chí Minh",
    "sggp": "Hồ Chí Minh",
    "saigon": "Hồ Chí Minh",
    "hanoimoi": "Hà Nội",
    "hanoi": "Hà Nội",
    "brvt": "Bà Rịa - Vũng Tàu",
    "baria-vungtau": "Bà Rịa - Vũng Tàu",
    "bariavungtau": "Bà Rịa - Vũng Tàu",
    "hue": "Thừa Thiên Huế",
    "tthue": "Thừa Thiên Huế",
    "thuathienhue": "Thừa Thiên Huế",
    "daklak": "Đắk Lắk",
    "dak lak": "Đắk Lắk",
    "daknong": "Đắk Nông",
    "dongnai": "Đồng Nai",
    "binhduong": "Bình Dương",
    "kontum": "Kon Tum",
}


def province_from_domain(domain: str | None, gazetteer: Gazetteer, era: str = "pre2025") -> Unit | None:
    """The province a news site belongs to: "baokontum.com.vn" → Kon Tum.

    Each label of the host is matched against the provinces' folded names
    without spaces ("kontum", "thainguyen"), longest first; labels such as
    "baokontum" contain the name. Short aliases ("hcm", "hue") must be a
    whole label or follow "bao".
    """
    if not domain:
        return None
    host = domain.lower().split("://")[-1].split("/")[0]
    labels = [label for label in host.split(".") if label not in {"www", "com", "vn", "gov", "org", "net", "edu"}]
    table = _domain_table(gazetteer, era)
    best: tuple[int, Unit] | None = None
    for label in labels:
        label = label.replace("-", "")
        for key, unit in table:
            if len(key) < 5:
                if label not in {key, "bao" + key}:
                    continue
            elif key not in label:
                continue
            if best is None or len(key) > best[0]:
                best = (len(key), unit)
    return best[1] if best else None


_DOMAIN_CACHE: dict[tuple[int, str], tuple[Gazetteer, list[tuple[str, Unit]]]] = {}


def _domain_table(gazetteer: Gazetteer, era: str) -> list[tuple[str, Unit]]:
    cache_key = (id(gazetteer), era)
    cached = _DOMAIN_CACHE.get(cache_key)
    table = cached[1] if cached is not None and cached[0] is gazetteer else None
    if table is None:
        by_name = {}
        for unit in gazetteer.provinces(era):
            by_name[unit.name] = unit
            by_name[fold_key(unit.name).replace(" ", "")] = unit
        entries = {}
        for unit in gazetteer.provinces(era):
            entries[fold_key(unit.name).replace(" ", "")] = unit
        for alias, name in _DOMAIN_ALIASES.items():
            unit = by_name.get(name)
            if unit is not None:
                entries[alias.replace(" ", "")] = unit
        table = sorted(entries.items(), key=lambda kv: -len(kv[0]))
        _DOMAIN_CACHE[cache_key] = (gazetteer, table)
    return table


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
                    for item in self._list_items(sentence, mention, index):
                        mentions.append(item)
                        taken.append((item.start, item.end))
            for match in _PLURAL_LIST_RE.finditer(sentence):
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
                    mentions.append(mention)
                    taken.append((mention.start, mention.end))
            mentions.extend(self._bare_provinces(sentence, index, taken))
        mentions.sort(key=lambda m: (m.sentence, m.start))
        _link_chains(mentions, self.gaz)
        return mentions

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
            if not self.gaz.lookup(run, levels=first.levels):
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


_SCANNERS: dict[int, _Scanner] = {}


def _scanner(gazetteer: Gazetteer) -> _Scanner:
    scanner = _SCANNERS.get(id(gazetteer))
    if scanner is None or scanner.gaz is not gazetteer:
        scanner = _SCANNERS[id(gazetteer)] = _Scanner(gazetteer)
    return scanner


# -- resolution --------------------------------------------------------------


def _within(unit: Unit, ancestor: Unit, gaz: Gazetteer) -> bool:
    """Whether ``ancestor`` contains ``unit`` (same era)."""
    if unit.era != ancestor.era or unit.key == ancestor.key:
        return False
    if ancestor.level == "province":
        return unit.province == ancestor.code
    if ancestor.level == "district":
        return unit.level == "commune" and unit.parent == ancestor.code
    return False


# The reform took effect on 1 July 2025: an article dated from then names the new units.
REFORM_DATE = date(2025, 7, 1)
# "thành lập trên cơ sở sáp nhập xã A và xã B": the units merged are former ones
# (not "sau sáp nhập, xã C …", the unit after the merger).
_MERGED_BEFORE_RE = re.compile(r"(?<![Ss]au )(?<![Ss]au khi )(?:sáp nhập|hợp nhất)(?: toàn bộ| nguyên trạng| một phần)?[^.;:]*$")
# "huyện Lâm Bình (cũ)", "thành phố Hội An cũ": a unit named as former.
_FORMER_RE = re.compile(r"\s*(?:\(\s*cũ\s*\)|cũ\b|\(\s*trước đây\s*\))")


def _decide_era(mentions: list[_Mention], gaz: Gazetteer, year: int | None, published_on: date | None) -> str:
    if published_on is not None:
        return "post2025" if published_on >= REFORM_DATE else "pre2025"
    if year is not None:
        if year >= 2026:
            return "post2025"
        if year <= 2024:
            return "pre2025"
    pre_only = post_only = districtless = 0
    for mention in mentions:
        if mention.former:
            post_only += 1  # naming a unit as former is writing after the reform
            continue
        pre = _constrained(mention, mention.candidates.get("pre2025", []), gaz)
        post = _constrained(mention, mention.candidates.get("post2025", []), gaz)
        if pre and not post:
            pre_only += 1
        elif post and not pre:
            post_only += 1
        elif mention.levels == {"district"}:
            pre_only += 1
        elif post and mention.levels == {"commune"} and mention.hints and not mention.district_hints:
            districtless += 1  # "xã Ea Kly, tỉnh Đắk Lắk": no district in between
    if pre_only:
        return "pre2025"
    if post_only or (year == 2025 and districtless):
        return "post2025"
    return "pre2025"


def _constrained(mention: _Mention, units: list[Unit], gaz: Gazetteer) -> list[Unit]:
    """Candidates that agree with the province (and district) written beside the mention."""
    if mention.district_hints and units:
        wanted = {fold_key(h) for h in mention.district_hints}
        units = [
            u for u in units
            if (d := gaz.district_of(u)) is not None and d.key != u.key
            and ({fold_key(d.name)} | {fold_key(a) for a, _ in d.aliases}) & wanted
        ]
    if not mention.hints or not units:
        return units
    kept = []
    for unit in units:
        province = gaz.province(unit.province, unit.era)
        if province is None:
            continue
        names = {province.name, *(a for a, _ in province.aliases)}
        if any(fold_key(h) in {fold_key(n) for n in names} for h in mention.hints):
            kept.append(unit)
    return kept


def _candidates(mention: _Mention, gaz: Gazetteer, era: str) -> list[Unit]:
    units = gaz.lookup(mention.name, era=era, levels=mention.levels)
    if mention.types:
        typed = [u for u in units if u.types() & mention.types]
        # A province is a province whatever type word precedes it only for
        # central cities ("thành phố Hà Nội"); "thành phố Kon Tum" is the city.
        units = typed or ([] if mention.levels == {"province"} else units)
        if mention.types == {"thành phố"}:
            central = [u for u in units if u.level == "province" and u.name in CENTRAL_CITIES]
            units = central or [u for u in units if u.level != "province"]
    if mention.kind == "title" and mention.levels != {"province"}:
        # A headline prefix names a district before a commune of the same name.
        districts = [u for u in units if u.level == "district"]
        units = districts or units
    return units


def _closest(units: list[Unit], others: list[Unit], gaz: Gazetteer) -> list[Unit]:
    """The candidates most closely tied to units named elsewhere in the article:
    a ward of the named district beats any ward of the named city."""
    def depth(unit: Unit) -> int:
        best = -1
        for other in others:
            if _within(unit, other, gaz):
                best = max(best, _LEVEL_RANK[other.level])
            elif _within(other, unit, gaz):
                best = max(best, _LEVEL_RANK[other.level])
        return best

    depths = [depth(u) for u in units]
    top = max(depths)
    if top < 0:
        return units
    return [u for u, d in zip(units, depths) if d == top]


def _domain_provinces(domain: str | None, gaz: Gazetteer) -> set[tuple[str, str]]:
    """(era, code) of the site's province in both eras: baokontum.com.vn is Kon
    Tum before the reform and Quảng Ngãi, which took it over, after."""
    keys = set()
    before = province_from_domain(domain, gaz, "pre2025")
    if before is not None:
        keys.add(("pre2025", before.code))
        if before.successor:
            keys.add(("post2025", before.successor))
    after = province_from_domain(domain, gaz, "post2025")
    if after is not None:
        keys.add(("post2025", after.code))
    return keys


def _narrow(units: list[Unit], keep) -> list[Unit]:
    kept = [u for u in units if keep(u)]
    return kept or units


def find_localities(
    title: str,
    body: str,
    *,
    source_domain: str | None,
    gazetteer: Gazetteer | None = None,
    year: int | None = None,
    published_on: date | None = None,
) -> list[dict]:
    """The localities of an article as contract dicts (docs/extraction.md).

    ``published_on`` (the article's date, if known) decides the era: from
    1 July 2025 the units are post-reform ones. Else ``year`` decides it for
    2021–2024 (pre2025) and 2026+ (post2025); for 2025 or no year, the era is
    pre2025 unless the text names only units that exist after the reform, names
    a unit as former ("(cũ)"), or, in 2025, a commune straight under its province.
    A unit written as former is pre-reform whatever the article's era; one
    that does not exist in the article's era is taken from the other.

    Besides the contract's keys each dict carries ``successor_province`` and
    ``successor_province_code`` (the post-2025 province), and what
    ``primary_locality`` weighs: ``mentions``, ``in_title`` and ``signal`` (how
    the first mention was found: typed, org, post, title, paren, bare).
    """
    gaz = gazetteer or load_gazetteer()
    sentences = article_sentences(title, body)
    mentions = _scanner(gaz).scan(sentences)
    if not mentions:
        return []
    for mention in mentions:
        mention.candidates = {era: _candidates(mention, gaz, era) for era in ("pre2025", "post2025")}
        mention.former = _FORMER_RE.match(mention.evidence, mention.end) is not None or (
            _MERGED_BEFORE_RE.search(mention.evidence, max(0, mention.start - 90), mention.start) is not None
        )
    article_era = _decide_era(mentions, gaz, year, published_on)
    live: list[tuple[_Mention, list[Unit]]] = []
    for mention in mentions:
        era = "pre2025" if mention.former else article_era
        other = "post2025" if era == "pre2025" else "pre2025"
        units = mention.candidates[era]
        mention.era = era
        if not units and mention.kind != "post":  # border posts keep the names of merged communes
            units = mention.candidates[other]
            mention.era = other
        if units:
            live.append((mention, _constrained(mention, units, gaz) or units))

    # Provinces the article names (unambiguously), then the site's province.
    named_provinces = {(u.era, u.code) for _, units in live if len(units) == 1 for u in units if u.level == "province"}
    domain_provinces = _domain_provinces(source_domain, gaz)

    def in_provinces(unit: Unit, provinces) -> bool:
        return (unit.era, unit.province) in provinces

    resolved: list[tuple[_Mention, list[Unit]]] = []
    for mention, units in live:
        if len(units) > 1 and named_provinces:
            units = _narrow(units, lambda u: in_provinces(u, named_provinces))
        resolved.append((mention, units))

    # Units named together settle each other: a commune of one candidate district.
    for _ in range(2):
        updated = []
        for i, (mention, units) in enumerate(resolved):
            if len(units) > 1:
                others = [u for j, (_, us) in enumerate(resolved) if j != i for u in us if len(us) <= 3]
                units = _closest(units, others, gaz)
            updated.append((mention, units))
        resolved = updated

    if domain_provinces:
        resolved = [
            (m, _narrow(us, lambda u: in_provinces(u, domain_provinces)) if len(us) > 1 else us) for m, us in resolved
        ]

    # The same name settled once is settled everywhere in the article.
    settled = {}
    for mention, units in resolved:
        if len(units) == 1:
            settled.setdefault((fold(mention.name), frozenset(mention.levels)), units[0])
    final = []
    for mention, units in resolved:
        if len(units) > 1:
            unit = settled.get((fold(mention.name), frozenset(mention.levels)))
            if unit is None:
                same_name = [u for (n, _), u in settled.items() if n == fold(mention.name) and u in units]
                unit = same_name[0] if same_name else None
            if unit is not None:
                units = [unit]
        if len(units) > 1 and mention.kind == "post":
            continue  # a border post named like several communes says nothing
        final.append((mention, units))

    return _as_dicts(final, gaz)


def _as_dicts(final, gaz: Gazetteer) -> list[dict]:
    out: dict[tuple, dict] = {}
    for mention, units in final:
        if len(units) == 1:
            unit = units[0]
            key = unit.key
            if key in out:
                out[key]["mentions"] += 1
                out[key]["in_title"] = out[key]["in_title"] or mention.sentence == 0
                if out[key]["signal"] == "post" and mention.kind != "post":
                    out[key]["signal"] = mention.kind
                continue
            province = gaz.province(unit.province, unit.era)
            successor = gaz.successor_province(unit)
            out[key] = {
                "name": unit.name,
                "level": unit.level,
                "unit_type": _written_type(mention, unit),
                "province": province.name if province else None,
                "code": unit.code,
                "province_code": unit.province,
                "era": unit.era,
                "ambiguous": False,
                "candidates": [],
                "evidence": mention.evidence,
                "successor_province": successor.name if successor else None,
                "successor_province_code": successor.code if successor else None,
                "mentions": 1,
                "in_title": mention.sentence == 0,
                "signal": mention.kind,
            }
        else:
            levels = sorted({u.level for u in units}, key=["province", "district", "commune"].index)
            level = levels[0] if len(levels) == 1 else levels[-1]
            key = ("ambiguous", fold(mention.name), level)
            if key in out:
                out[key]["mentions"] += 1
                continue
            out[key] = {
                "name": mention.name,
                "level": level,
                "unit_type": _written_type(mention, units[0]),
                "province": None,
                "code": None,
                "province_code": None,
                "era": units[0].era,
                "ambiguous": True,
                "candidates": [
                    {"code": u.code, "province": (gaz.province(u.province, u.era) or u).name, "level": u.level}
                    for u in units
                ],
                "evidence": mention.evidence,
                "successor_province": None,
                "successor_province_code": None,
                "mentions": 1,
                "in_title": mention.sentence == 0,
                "signal": mention.kind,
            }
    return list(out.values())


def _written_type(mention: _Mention, unit: Unit) -> str:
    if mention.types and len(mention.types) == 1:
        (written,) = mention.types
        if written in unit.types():
            return written
    return unit.unit_type


_LEVEL_RANK = {"province": 0, "district": 1, "commune": 2}


def primary_locality(localities: list[dict]) -> dict | None:
    """The unit the article is mainly about, or None.

    Each resolved unit scores its mentions, three more when the headline names
    it, and one per level below province; the best score wins, the more
    specific unit on a tie. A unit seen only inside a border post's name
    ("Đồn Biên phòng Phong Hải") counts only when nothing else is resolved.
    """
    resolved = [loc for loc in localities if not loc.get("ambiguous")]
    if not resolved:
        return None
    pool = [loc for loc in resolved if loc.get("signal") != "post"] or resolved

    def rank(item):
        index, loc = item
        level = _LEVEL_RANK.get(loc["level"], 0)
        score = loc.get("mentions", 1) + (3 if loc.get("in_title") else 0) + level
        return (-score, -level, index)

    return min(enumerate(pool), key=rank)[1]
