"""Find the bodies named in an article, with their names written out in full.

An organisation is a head ("UBND", "Ban Dân vận", "Công an", "Đồn Biên phòng")
followed by its scope: a party committee ("Huyện ủy"), a unit type with or
without a place ("huyện", "tỉnh Kon Tum"), "Trung ương", or a place name. A
scope without a place gets the article's unit of that level: "UBND huyện" in an
article about Vĩnh Tường is "Ủy ban nhân dân huyện Vĩnh Tường".
"""

import re

from archive.abbreviations import expand
from archive.extract.gazetteer import CENTRAL_CITIES, Gazetteer, fold_key, load_gazetteer
from archive.extract.places import BORDER_GATE, CAP_RUN, _prefix_matches, article_sentences, primary_locality

# (pattern of the head as written, canonical head, kind, scope rule)
# scope rule: "unit" takes a committee/unit/place scope, "place" takes a place
# name directly, "none" takes no scope, "front" may take "Việt Nam" first.
_DEPARTMENT_FIELDS = (
    r"(?:Nội vụ|Tư pháp|Y tế|Tài chính|Xây dựng|Công Thương|Ngoại vụ|Dân tộc|Thanh tra|Kinh tế(?: - Hạ tầng)?"
    r"|Giáo dục và Đào tạo|Giáo dục - Đào tạo|Kế hoạch và Đầu tư|Tài chính - Kế hoạch|Tài nguyên và Môi trường"
    r"|Lao động - Thương binh và Xã hội|Lao động, Thương binh và Xã hội|LĐTB&XH|LĐ-TB&XH"
    r"|Văn hóa, Thể thao và Du lịch|Văn hóa - Thể thao và Du lịch|Văn hóa và Thông tin|Văn hóa - Thông tin"
    r"|Văn hóa, Thông tin|VH-TT|VHTT|Thông tin và Truyền thông|Khoa học và Công nghệ|Giao thông vận tải"
    r"|Nông nghiệp và Phát triển nông thôn|Nông nghiệp và Môi trường|NN&PTNT|TN&MT|GD&ĐT|Quản lý đô thị"
    r"|Kinh tế và Hạ tầng|Công an|Quốc phòng|Ngoại giao)"
)
_HEADS: tuple[tuple[str, str, str, str], ...] = (
    # Post-2025 commissions: the merged one is the province's dân vận body.
    (r"Ban Tuyên giáo và Dân vận|Ban Tuyên giáo - Dân vận|Ban Tuyên giáo và dân vận", "Ban Tuyên giáo và Dân vận",
     "mass_mobilisation_commission", "committee"),
    (r"Ban Xây dựng Đảng|Ban Xây dựng đảng", "Ban Xây dựng Đảng", "party_committee", "committee"),
    (r"Ban [Dd]ân vận", "Ban Dân vận", "mass_mobilisation_commission", "unit"),
    # Central bodies of the Front: "Ủy ban Trung ương MTTQ Việt Nam", "UBTW MTTQ VN".
    (r"Ủy ban Trung ương (?:MTTQ|Mặt trận Tổ quốc)|UBTW MTTQ|UBTƯ MTTQ", "Ủy ban Trung ương Mặt trận Tổ quốc",
     "fatherland_front", "front"),
    (r"Ban [Cc]án sự [Đđ]ảng|BCS [Đđ]ảng|BCSĐ", "Ban cán sự đảng", "party_committee", "body"),
    # "UVTV Huyện ủy", "Ủy viên BTV Tỉnh ủy" name the standing committee.
    (r"Ban Thường vụ|BTV|UVTV|UV BTV|UV\.BTV|UVBTV", "Ban Thường vụ", "party_committee", "committee"),
    (r"Ban Thường trực|Đoàn Chủ tịch", None, "other", "within"),
    (r"Ban Chấp hành|BCH", "Ban Chấp hành", "party_committee", "committee"),
    # Not the "Thường trực" of a title ("Phó Bí thư Thường trực Huyện ủy").
    (r"(?<!thư )(?<!tịch )(?<!ban )(?<!Ban )Thường trực", "Thường trực", "party_committee", "committee"),
    (r"Ban Tuyên giáo|Ban Tổ chức|Ban Nội chính|Ủy ban Kiểm tra|UBKT", None, "party_committee", "committee"),
    (r"Tỉnh ủy|Huyện ủy|Thành ủy|Quận ủy|Thị ủy", None, "party_committee", "place"),
    (r"Đảng ủy [Cc]ác cơ quan Đảng", "Đảng ủy các cơ quan Đảng", "party_committee", "unit"),
    (r"Đảng ủy Khối (?:các |Các )?[Cc]ơ quan(?: và [Dd]oanh nghiệp| - [Dd]oanh nghiệp)?|Đảng ủy Khối [Dd]oanh nghiệp",
     None, "party_committee", "unit"),
    (r"Đảng ủy", "Đảng ủy", "party_committee", "unit"),
    (r"Đảng bộ", "Đảng bộ", "party_committee", "unit"),
    (r"UBND|Ủy ban nhân dân|UB nhân dân", "Ủy ban nhân dân", "people_committee", "unit"),
    (r"HĐND|Hội đồng nhân dân", "Hội đồng nhân dân", "people_council", "unit"),
    (r"UBMTTQVN|UBMTTQ|Ủy ban MTTQ|Ủy ban Mặt trận Tổ quốc|Ủy ban Mặt trận", "Ủy ban Mặt trận Tổ quốc",
     "fatherland_front", "front"),
    (r"MTTQ|Mặt trận Tổ quốc", "Mặt trận Tổ quốc", "fatherland_front", "front"),
    (r"Bộ Chỉ huy Bộ đội Biên phòng|Bộ Chỉ huy BĐBP|BCH BĐBP|Bộ đội Biên phòng|BĐBP",
     None, "border_guard", "unit"),
    (r"Đồn Biên phòng|Đồn biên phòng|Đồn BP", "Đồn Biên phòng", "border_guard", "post"),
    (r"Bộ Chỉ huy Quân sự|Bộ CHQS|Ban Chỉ huy Quân sự|Ban CHQS|BCHQS|Ban chỉ huy quân sự",
     None, "military", "unit"),
    (r"Công an|CA", "Công an", "police", "unit"),
    (r"Tòa án nhân dân|TAND", "Tòa án nhân dân", "court", "unit"),
    (r"Viện [Kk]iểm sát nhân dân|VKSND", "Viện Kiểm sát nhân dân", "procuracy", "unit"),
    (rf"Sở {_DEPARTMENT_FIELDS}", None, "department", "unit"),
    (rf"Phòng {_DEPARTMENT_FIELDS}", None, "department", "unit"),
    (r"Bộ Công an", "Bộ Công an", "police", "none"),
    (r"Bộ Quốc phòng", "Bộ Quốc phòng", "military", "none"),
    (rf"Bộ {_DEPARTMENT_FIELDS}", None, "department", "none"),
    (r"Hội Nông dân", "Hội Nông dân", "mass_organisation", "front"),
    (r"Hội Liên hiệp Phụ nữ|Hội LHPN", "Hội Liên hiệp Phụ nữ", "mass_organisation", "front"),
    (r"Hội Cựu chiến binh|Hội Cựu Chiến binh|Hội CCB", "Hội Cựu chiến binh", "mass_organisation", "front"),
    (r"Đoàn Thanh niên Cộng sản Hồ Chí Minh|Đoàn TNCS Hồ Chí Minh|Đoàn Thanh niên", None,
     "mass_organisation", "unit"),
    (r"Tỉnh [Đđ]oàn|Huyện [Đđ]oàn|Thành [Đđ]oàn|Quận [Đđ]oàn|Thị [Đđ]oàn", None, "mass_organisation", "place"),
    (r"Liên đoàn Lao động|LĐLĐ", "Liên đoàn Lao động", "mass_organisation", "unit"),
    (r"Hội Chữ thập đỏ|Hội Người cao tuổi|Hội Khuyến học|Hội Cựu thanh niên xung phong", None,
     "mass_organisation", "unit"),
    (r"Ủy ban Dân tộc", "Ủy ban Dân tộc", "government", "none"),
    (r"Quốc hội", "Quốc hội", "government", "none"),
    (r"Ban Dân tộc", "Ban Dân tộc", "department", "unit"),
    (r"Khối [Dd]ân vận", "Khối Dân vận", "mass_mobilisation_commission", "unit"),
    # Village-level bodies: "Chi bộ thôn Agrong", "Chi hội Phụ nữ bản Nà Hẩu".
    (r"Chi bộ|Chi hội (?:Phụ nữ|Nông dân|Cựu chiến binh|Người cao tuổi|Khuyến học)|Chi đoàn", None,
     "other", "village"),
    (r"Thủ tướng Chính phủ|Thủ tưởng Chính phủ|Thủ tướng", "Thủ tướng Chính phủ", "government", "none"),
    (r"Chính phủ", "Chính phủ", "government", "none"),
    (r"Bộ Chính trị", "Bộ Chính trị", "government", "none"),
    (r"Ban Bí thư", "Ban Bí thư", "government", "none"),
    (r"Ban Chỉ đạo|BCĐ", "Ban Chỉ đạo", "other", "committee"),
    (r"Trung tâm (?:VHTT-TT|Văn hóa Thông tin - Thể thao|Văn hóa - Thông tin và Thể thao|Chính trị"
     r"|Văn hóa - Thể thao|Văn hóa, Thông tin và Thể thao|Truyền thông và Văn hóa)", None, "other", "unit"),
)

# The bodies' names as the archive writes them, for the search's words.
BODY_NAMES = tuple(sorted({canonical for _pattern, canonical, _kind, _rule in _HEADS if canonical}))

_HEAD_RE = re.compile(
    # The look-ahead on the first letters lets the engine skip most positions.
    r"(?=[BCĐHKLMPQSTUVỦ])(?<![\w/-])(?:" + "|".join(f"(?P<h{i}>{pattern})" for i, (pattern, *_rest) in enumerate(_HEADS)) + r")(?![\w])"
)
_COMMITTEE = r"Tỉnh ủy|Huyện ủy|Thành ủy|Quận ủy|Thị ủy|TU|HU|Đảng ủy(?:\s+(?:xã|phường|thị trấn|đặc khu))?"
_UNIT = r"tỉnh|huyện|thành phố|TP\.?|quận|thị xã|xã|phường|thị trấn|đặc khu|Tỉnh|Huyện|Thành phố|Quận|Thị xã|Xã|Phường|Đặc khu"
_SCOPE_COMMITTEE_RE = re.compile(rf"\s+(?P<committee>{_COMMITTEE})(?![\w])")
_SCOPE_UNIT_RE = re.compile(rf"\s+(?P<unit>{_UNIT})(?![\w])")
_SCOPE_CENTRAL_RE = re.compile(r"\s+(?P<central>Trung ương|TW|TƯ)(?:\s+(?P<dang>Đảng))?(?![\w])")
_SCOPE_VN_RE = re.compile(r"\s+(?P<vn>Việt Nam|VN)(?![\w])")
_SCOPE_BODY_RE = re.compile(r"\s+(?P<body>UBND|Ủy ban nhân dân)(?![\w])")
_PLACE_RE = re.compile(rf"\s+(?P<place>{CAP_RUN}|\d{{1,2}}(?![\d/]))")
_GATE_RE = re.compile(rf"\s+(?P<gate>{BORDER_GATE})(?![\w])")
_PLURAL_RE = re.compile(r"\s+(?:các|những)\s")
_NUMBERED_RE = re.compile(r"\s+(?:[Qq]uận|[Pp]hường)\s+(?P<number>\d{1,2})(?!\d)")
_CITY_WORD_RE = re.compile(r"\s+(?:TP\.?|Tp\.?|[Tt]hành phố)\s*")

_UNIT_LEVEL = {
    "tỉnh": "province", "thành phố": "city", "tp": "city", "huyện": "district", "quận": "district",
    "thị xã": "district", "xã": "commune", "phường": "commune", "thị trấn": "commune", "đặc khu": "commune",
}
_COMMITTEE_UNIT = {
    "tỉnh ủy": "tỉnh", "tu": "tỉnh", "huyện ủy": "huyện", "hu": "huyện", "thành ủy": "thành phố",
    "quận ủy": "quận", "thị ủy": "thị xã", "đảng ủy xã": "xã", "đảng ủy phường": "phường",
    "đảng ủy thị trấn": "thị trấn", "đảng ủy đặc khu": "đặc khu", "tỉnh đoàn": "tỉnh", "huyện đoàn": "huyện", "thành đoàn": "thành phố",
    "quận đoàn": "quận", "thị đoàn": "thị xã",
}
_COMMITTEE_CANONICAL = {"tu": "Tỉnh ủy", "hu": "Huyện ủy"}
_LEVELS_FOR_UNIT = {
    "province": {"province"}, "city": {"province", "district"}, "district": {"district"},
    "commune": {"commune"},
}


class _Context:
    """The article's units by level, for scopes written without a place."""

    def __init__(self, localities: list[dict], gaz: Gazetteer):
        self.gaz = gaz
        resolved = [loc for loc in localities if not loc.get("ambiguous")]
        primary = primary_locality(localities)
        self.commune = primary if primary and primary["level"] == "commune" else None
        self.district = None
        self.province = None
        if primary and primary["level"] == "district":
            self.district = primary
        elif self.commune is not None:
            unit = gaz.units.get((self.commune["era"], "commune", self.commune["code"]))
            parent = gaz.district_of(unit) if unit else None
            if parent is not None:
                self.district = {"name": parent.name, "unit_type": parent.unit_type, "level": "district"}
        # After the reform there are no districts: a former one named for context
        # ("thành phố Hội An (cũ)") is not the scope of a bare "Thành ủy".
        if self.district is None and not (primary and primary["era"] == "post2025"):
            districts = [loc for loc in resolved if loc["level"] == "district"]
            # An undecided district still has a name: "Huyện ủy Châu Thành".
            districts = districts or [loc for loc in localities if loc["level"] == "district"]
            self.district = districts[0] if districts else None
        provinces = [loc for loc in resolved if loc["level"] == "province"]
        if primary is not None and primary.get("province"):
            self.province = {"name": primary["province"], "level": "province"}
            match = [p for p in provinces if p["name"] == primary["province"]]
            if match:
                self.province = match[0]
        elif provinces:
            self.province = provinces[0]

    def above_communes(self) -> bool:
        """The article is about a district or a province, not one commune."""
        return self.commune is None and (self.district is not None or self.province is not None)

    def own_unit(self, level: str | None = None) -> list[str]:
        """The article's unit written out ("huyện", "Trần Văn Thời"), of ``level``
        or the most specific one; [] when the article has none."""
        pools = {"province": [self.province], "district": [self.district]}
        for unit in pools.get(level, [self.commune, self.district, self.province]):
            if unit and unit.get("name"):
                central = "thành phố" if unit["name"] in CENTRAL_CITIES else "tỉnh"
                return [unit.get("unit_type") or central, unit["name"]]
        return []

    def place_for(self, unit_word: str) -> str | None:
        level = _UNIT_LEVEL.get(unit_word.lower().rstrip("."))
        if level == "province":
            return self.province["name"] if self.province else None
        if level == "district" or level == "city":
            if self.district and _type_fits(unit_word, self.district):
                return self.district["name"]
            if level == "city" and self.province and self.province["name"] in CENTRAL_CITIES:
                return self.province["name"]
            return None
        if level == "commune":
            if self.commune and _type_fits(unit_word, self.commune):
                return self.commune["name"]
        return None


_LAST_CONTEXT: list = []  # [(localities, gazetteer, context)]: the article being read


def _context(localities: list[dict], gaz: Gazetteer) -> _Context:
    """The context of these localities; agreement parties of one article are
    normalised one by one, so the last one is kept (keyed by identity)."""
    if _LAST_CONTEXT and _LAST_CONTEXT[0][0] is localities and _LAST_CONTEXT[0][1] is gaz:
        return _LAST_CONTEXT[0][2]
    ctx = _Context(localities, gaz)
    _LAST_CONTEXT[:] = [(localities, gaz, ctx)]
    return ctx


def _type_fits(unit_word: str, locality: dict) -> bool:
    word = unit_word.lower().rstrip(".")
    word = "thành phố" if word == "tp" else word
    return locality.get("unit_type") == word


def _unit_word(word: str) -> str:
    word = word.lower().rstrip(".")
    return "thành phố" if word == "tp" else word


# Bodies that may be named inside another: "Đảng ủy UBND tỉnh", "Ban Thường trực
# Ủy ban MTTQ huyện", "Đoàn Chủ tịch UBTW MTTQ Việt Nam", "Ban Chấp hành Đảng bộ huyện".
_NESTING_HEADS = frozenset({"Đảng ủy", "Ban Thường trực", "Đoàn Chủ tịch", "Thường trực", "Ban Chấp hành", "Ban Thường vụ"})
_VILLAGE_RE = re.compile(rf"\s+(?P<village>(?:thôn|bản|ấp|buôn|làng|xóm|plei|khu phố|tổ dân phố|khối)\s+(?:{CAP_RUN}|\d{{1,2}}))")
_LATER_COMMITTEE_RE = re.compile(
    r",\s+(?:Trưởng|Phó|Chủ nhiệm|Chánh)[^,;:()]{0,40}?\s(?P<committee>Tỉnh ủy|Huyện ủy|Thành ủy|Quận ủy|Thị ủy)(?![\w])"
)
_CENTRAL_BEFORE_RE = re.compile(r"(?:Trung ương|TW|TƯ)\s+$")
# Bare departments and mass organisations belong to the article's unit of their level.
_BARE_LEVEL = {"Sở": "province", "Phòng": "district"}


def _parse(
    sentence: str, ctx: _Context, *, start: int = 0, first_only: bool = False
) -> list[tuple[int, int, dict]]:
    """Organisations in ``sentence``: (start, end, {"name", "kind", "as_written"}).

    ``first_only``: only a body starting right at ``start`` (a nested one).
    """
    found = []
    pos = start
    while True:
        match = _HEAD_RE.match(sentence, pos) if first_only else _HEAD_RE.search(sentence, pos)
        if not match:
            break
        index = int(match.lastgroup[1:])
        _, canonical, kind, rule = _HEADS[index]
        head_written = match.group()
        head = canonical or expand(head_written)
        begin, end = match.start(), match.end()
        parts = [head]
        if _PLURAL_RE.match(sentence, end):
            if first_only:
                break
            pos = end
            continue  # "UBND các huyện": no one body
        central = _CENTRAL_BEFORE_RE.search(sentence, max(0, begin - 12), begin)
        if central and kind == "mass_organisation":
            begin = central.start()  # "Trung ương Hội Nông dân Việt Nam"
            parts.insert(0, "Trung ương")
        nested = None
        if head in _NESTING_HEADS or rule == "within":
            nested = _nested(sentence, end, ctx)
        if nested is not None:
            end, inner = nested
            name = f"{head} {inner['name']}"
            kind = inner["kind"] if rule == "within" else kind
            found.append((begin, end, {"name": name, "kind": kind, "as_written": sentence[begin:end]}))
            if first_only:
                break
            pos = end
            continue
        if rule == "within":
            pos = end
            continue
        if rule == "village":
            village = _VILLAGE_RE.match(sentence, end)
            if village is None:
                pos = end
                continue  # "Chi bộ" alone: which one?
            kind = "party_committee" if head == "Chi bộ" else "mass_organisation"
            end = village.end()
            found.append((begin, end, {"name": f"{head} {village.group('village')}", "kind": kind,
                                       "as_written": sentence[begin:end]}))
            if first_only:
                break
            pos = end
            continue
        if rule == "front":
            vn = _SCOPE_VN_RE.match(sentence, end)
            if vn:
                parts.append("Việt Nam")
                end = vn.end()
            elif head_written in {"UBMTTQVN"}:
                parts.append("Việt Nam")
        if rule == "body":
            body = _SCOPE_BODY_RE.match(sentence, end)
            if body:
                parts.append("Ủy ban nhân dân")
                end = body.end()
                rule = "unit"
            else:
                pos = end
                continue  # "Ban cán sự đảng" alone: of which body?
        if rule in {"unit", "committee", "front"}:
            committee = _SCOPE_COMMITTEE_RE.match(sentence, end)
            central = _SCOPE_CENTRAL_RE.match(sentence, end)
            unit = _SCOPE_UNIT_RE.match(sentence, end)
            if committee:
                word = committee.group("committee")
                parts.append(_COMMITTEE_CANONICAL.get(word.lower(), word))
                end = committee.end()
                end, place = _read_place(sentence, end, _COMMITTEE_UNIT.get(" ".join(word.lower().split())), ctx)
                if place:
                    parts.append(place)
            elif central:
                parts.append("Trung ương")
                if central.group("dang"):
                    parts.append("Đảng")
                end = central.end()
            elif unit:
                word = _unit_word(unit.group("unit"))
                parts.append(word)
                end = unit.end()
                end, place = _read_place(sentence, end, word, ctx)
                if place:
                    parts.append(place)
            elif rule == "committee" and (later := _LATER_COMMITTEE_RE.match(sentence, end)):
                # "Ủy viên Ban Thường vụ, Trưởng Ban Dân vận Huyện ủy Chư Prông": the
                # committee named at the end of the stacked titles.
                word = later.group("committee")
                parts.append(word)
                _, place = _read_place(sentence, later.end(), _COMMITTEE_UNIT.get(word.lower()), ctx)
                if place:
                    parts.append(place)
            elif rule == "committee":
                pos = end
                continue  # "Ban Thường vụ" alone: whose?
        if rule == "place":  # "Huyện ủy Phong Điền", or the article's district
            unit_word = _COMMITTEE_UNIT.get(head_written.lower())
            end, place = _read_place(sentence, end, unit_word, ctx)
            if place and place.isdigit() and unit_word:
                place = f"{unit_word.capitalize()} {place}"  # "Quận ủy Quận 8"
            if place:
                parts.append(place)
        elif rule == "post":  # "Đồn Biên phòng Phong Hải", "Đồn Biên phòng Cửa khẩu Quốc tế Cha Lo"
            gate = _GATE_RE.match(sentence, end)
            if gate:
                parts.append(gate.group("gate"))
                end = gate.end()
            post = _PLACE_RE.match(sentence, end)
            if not post:
                pos = end
                continue
            parts.append(post.group("place").split(" - ")[0])
            end = post.end()
        if len(parts) == 1 and rule == "unit" and kind not in {"department", "mass_organisation"}:
            if first_only:
                break
            pos = end
            continue  # "lực lượng Công an", "UBND": no one body named
        if rule in {"unit", "front"} and _UNIT_LEVEL.get(parts[-1]) == "commune" and ctx.above_communes():
            if first_only:
                break
            pos = end
            continue  # "lực lượng Công an xã" in a district's article: any commune's, no one body
        if rule in {"unit", "front"} and parts[-1] == head and kind in {"department", "mass_organisation", "fatherland_front"}:
            parts.extend(ctx.own_unit(_BARE_LEVEL.get(head.split()[0])))
        name = " ".join(parts)
        found.append((begin, end, {"name": name, "kind": kind, "as_written": sentence[begin:end]}))
        if first_only:
            break
        pos = end
    return found


def _nested(sentence: str, end: int, ctx: _Context) -> tuple[int, dict] | None:
    """The body named right after a head that may hold one, as (end, org)."""
    at = end
    while at < len(sentence) and sentence[at] == " ":
        at += 1
    if at == end:
        return None
    inner = _parse(sentence, ctx, start=at, first_only=True)
    if not inner:
        return None
    _, inner_end, org = inner[0]
    return inner_end, org


def _read_place(sentence: str, end: int, unit_word: str | None, ctx: _Context) -> tuple[int, str | None]:
    """A place written after a scope word, else the article's unit for it.

    Numbered units keep their type ("Quận ủy Quận 8"); "Thành ủy TP Hồ Chí
    Minh" is "Thành ủy Thành phố Hồ Chí Minh".
    """
    city = _CITY_WORD_RE.match(sentence, end) if unit_word in {"thành phố", None} else None
    if city:
        found = _prefix_matches(sentence[city.end():].split(",")[0], ctx.gaz, {"province", "district"})
        if found:
            return city.end() + len(found[0]), "Thành phố " + found[0]
    numbered = _NUMBERED_RE.match(sentence, end)
    if numbered and unit_word in {"quận", "phường"}:
        # "Quận ủy Quận 8", "Đảng ủy Phường 4"
        return numbered.end(), unit_word.capitalize() + " " + numbered.group("number")
    place = _PLACE_RE.match(sentence, end)
    if place and place.group("place").isdigit():
        return place.end(), place.group("place")
    if place and unit_word:
        level = _UNIT_LEVEL.get(unit_word)
        levels = _LEVELS_FOR_UNIT.get(level, {"province", "district", "commune"})
        found = _prefix_matches(place.group("place"), ctx.gaz, levels)
        if found:
            name = found[0]
            return place.start("place") + len(name), name
    elif place and unit_word is None:
        found = _prefix_matches(place.group("place"), ctx.gaz, {"province", "district", "commune"})
        if found:
            return place.start("place") + len(found[0]), found[0]
    if unit_word:
        return end, ctx.place_for(unit_word)
    return end, None


def find_organisations(
    title: str, body: str, *, localities: list[dict], gazetteer: Gazetteer | None = None
) -> list[dict]:
    """Organisations as contract dicts {"name", "as_written", "kind", "evidence"},
    unique by folded name, in order of first mention."""
    gaz = gazetteer if gazetteer is not None else load_gazetteer()
    ctx = _Context(localities, gaz)
    seen: dict[str, dict] = {}
    for sentence in article_sentences(title, body):
        for _, _, org in _parse(sentence, ctx):
            key = fold_key(org["name"])
            if key not in seen:
                seen[key] = {**org, "evidence": sentence}
    return list(seen.values())


def normalise_party(span: str, *, localities: list[dict], gazetteer: Gazetteer | None = None) -> dict | None:
    """One agreement party as written → {"name", "kind", "as_written"}, or None.

    The span must start with an organisation ("UBND huyện", "Ban CHQS huyện",
    "Đồn Biên phòng Phong Hải"); "các cơ quan liên quan" is not one.
    """
    gaz = gazetteer if gazetteer is not None else load_gazetteer()
    span = " ".join(span.split())
    found = _parse(span, _context(localities, gaz))
    if not found:
        return None
    start, _, org = found[0]
    if start > 0 and span[:start].strip(" ,;:-–").lower() not in {"", "với", "và", "giữa", "cùng"}:
        return None
    return org
