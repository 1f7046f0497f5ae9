"""Mentions resolved to units: the article's era, the provinces and site it
names, units that settle each other; what stays undecided is ambiguous."""

from datetime import date
import re

from archive.extract.gazetteer import CENTRAL_CITIES, Gazetteer, Unit, fold_key, load_gazetteer
from archive.extract.places.domains import _domain_provinces
from archive.extract.places.scan import _Mention, _scanner
from archive.extract.places.shared import article_sentences
from archive.text import fold

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
# "thành lập trên cơ sở sáp nhập xã A và xã B", "thành lập từ các xã A, B": the
# units merged are former ones (not "sau sáp nhập, xã C …", the unit after it).
_MERGED_BEFORE_RE = re.compile(
    r"(?:(?<![Ss]au )(?<![Ss]au khi )(?:sáp nhập|hợp nhất)(?: toàn bộ| nguyên trạng| một phần)?"
    r"|thành lập (?:từ|trên cơ sở))[^.;:]*$"
)
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
    if mention.kind in ("title", "paren") and mention.levels != {"province"}:
        # A headline prefix, or a bare name with its province in brackets, names
        # a district before a commune of the same name.
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

