"""The gazetteer of administrative units, indexed for name look-ups.

Reads ``fixtures/localities.json`` (format: docs/gazetteer.md). Loading builds
dictionaries keyed by a lower-cased name and by its folded form, so finding the
units a name can refer to is one dictionary look-up. ``load_gazetteer()`` is
cached: the file is read once per process.
"""

from dataclasses import dataclass, field
from functools import cache
import json
from pathlib import Path
import re

from archive.text import fold, normalize

DEFAULT_PATH = Path(__file__).resolve().parents[2] / "fixtures" / "localities.json"

LEVELS = ("province", "district", "commune")
# Spellings of province names seen in news text that neither the gazetteer's
# aliases nor accent folding cover ("Đắc Lắc" folds to "dac lac", not "dak lak").
PROVINCE_SPELLINGS = {
    "Đắk Lắk": ("Đắc Lắc", "Đắk Lăk", "Daklak", "Đắklắk", "DakLak"),
    "Đắk Nông": ("Đắc Nông", "Daknong", "Đắknông"),
    "Kon Tum": ("Kontum",),
    "Thừa Thiên Huế": ("Thừa Thiên - Huế", "Thừa Thiên – Huế", "Thừa Thiên-Huế", "TT-Huế", "TT Huế"),
    "Bà Rịa - Vũng Tàu": ("Bà Rịa-Vũng Tàu", "Bà Rịa – Vũng Tàu", "Bà Rịa Vũng Tàu", "BR-VT"),
    "Hòa Bình": ("Hoà Bình",),
    "Khánh Hòa": ("Khánh Hoà",),
    "Thanh Hóa": ("Thanh Hoá",),
}
CENTRAL_CITIES = frozenset({"Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế"})


@dataclass(frozen=True, slots=True)
class Unit:
    era: str
    level: str
    code: str
    name: str
    unit_type: str
    display: str
    parent: str | None
    province: str
    successor: str | None
    aliases: tuple[tuple[str, str], ...] = ()

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.era, self.level, self.code)

    def types(self) -> frozenset[str]:
        """Every unit type the unit carried (a huyện that became a thị xã has both)."""
        return frozenset([self.unit_type, *(t for _, t in self.aliases)])


def _fold_table() -> dict[int, str]:
    table = {ord("đ"): "d", ord("Đ"): "d", ord("’"): "'", ord("-"): " ", ord("–"): " "}
    for code in range(0xC0, 0x2000):
        char = chr(code)
        if char.isalpha() and code not in table:
            folded = fold(char)
            if folded != char.lower():
                table[code] = folded
    return table


_FOLD = _fold_table()


def name_key(name: str) -> str:
    """The exact look-up key of an already normalised name: lower case, single
    spaces, numbers without leading zeros ("Phường 04" is "Phường 4")."""
    key = " ".join(name.lower().replace("’", "'").split())
    return key.lstrip("0") or key if key.isdigit() else key


def fold_key(name: str) -> str:
    """The accent-free look-up key: "Đắk Lắk", "Đăk Lăk", "Dak Lak" agree."""
    key = " ".join(name.lower().translate(_FOLD).split())
    return key.lstrip("0") or key if key.isdigit() else key


# "Ga Ry" for Ga Ri, "Kì Anh" for Kỳ Anh: after a consonant a syllable may end
# in i or y, both spellings in use.
_FINAL_Y = re.compile(r"(?<=[bcdghklmnprstvx])y\b")
_FINAL_I = re.compile(r"(?<=[bcdghklmnprstvx])i\b")


def _i_y_variants(key: str) -> tuple[str, ...]:
    """A folded name with its final y/i spelt the other way (the variants that differ)."""
    variants = {_FINAL_Y.sub("i", key), _FINAL_I.sub("y", key)}
    variants.discard(key)
    return tuple(variants)


@dataclass
class Gazetteer:
    units: dict[tuple[str, str, str], Unit] = field(default_factory=dict)
    _by_name: dict[str, list[Unit]] = field(default_factory=dict)
    _by_fold: dict[str, list[Unit]] = field(default_factory=dict)
    _alias_by_name: dict[str, list[Unit]] = field(default_factory=dict)
    _provinces: dict[str, dict[str, Unit]] = field(default_factory=dict)
    _children: dict[tuple[str, str, str], list[Unit]] = field(default_factory=dict)
    max_words: int = 1
    _memo: dict[str, list[Unit]] = field(default_factory=dict)

    @classmethod
    def from_units(cls, rows: list[dict]) -> "Gazetteer":
        gaz = cls()
        for row in rows:
            unit = Unit(
                era=row["era"],
                level=row["level"],
                code=str(row["code"]),
                name=normalize(row["name"]),
                unit_type=row["unit_type"],
                display=row.get("display") or row["name"],
                parent=row.get("parent"),
                province=str(row.get("province") or row["code"]),
                successor=row.get("successor"),
                aliases=tuple(
                    (normalize(a["name"]), a.get("unit_type") or row["unit_type"])
                    for a in row.get("aliases") or ()
                ),
            )
            gaz.add(unit)
        for unit in [u for u in gaz.units.values() if u.level == "province"]:
            for spelling in PROVINCE_SPELLINGS.get(unit.name, ()):
                gaz._index(normalize(spelling), unit, primary=False)
        return gaz

    def add(self, unit: Unit) -> None:
        self.units[unit.key] = unit
        if unit.level == "province":
            self._provinces.setdefault(unit.era, {})[unit.code] = unit
        else:
            parent_level = "district" if unit.level == "commune" and unit.era == "pre2025" else "province"
            self._children.setdefault((unit.era, parent_level, unit.parent or ""), []).append(unit)
        names = {unit.name}
        self._index(unit.name, unit, primary=True)
        for alias, _ in unit.aliases:
            if alias not in names:
                names.add(alias)
                self._index(alias, unit, primary=False)

    def _index(self, name: str, unit: Unit, *, primary: bool) -> None:
        key = name_key(name)
        target = self._by_name if primary else self._alias_by_name
        target.setdefault(key, []).append(unit)
        self._by_fold.setdefault(fold_key(name), []).append(unit)
        self.max_words = max(self.max_words, len(key.split()))

    # -- look-ups -----------------------------------------------------------

    def lookup(self, name: str, *, era: str | None = None, levels=None) -> list[Unit]:
        """Units named ``name``: by exact spelling (official names and aliases:
        older names, spelling variants), else accent-free.

        ``name`` must already be normalised (archive.text.normalize), as all
        extraction input is. Answers are memoised per name.

        """
        tiers = self._memo.get(name)
        if tiers is None:
            key = name_key(name)
            exact = self._by_name.get(key, [])
            # An alias counts unless a unit of the same parent bears the name
            # officially (Điền Hải was renamed Phong Hải beside xã Phong Hải).
            parents = {(u.era, u.level, u.parent) for u in exact}
            exact = exact + [
                u for u in self._alias_by_name.get(key, []) if (u.era, u.level, u.parent) not in parents
            ]
            folded = fold_key(name)
            variants = (self._by_fold.get(v) for v in _i_y_variants(folded))
            tiers = [t for t in (exact, self._by_fold.get(folded), *variants) if t]
            if len(self._memo) > 100_000:
                self._memo.clear()
            self._memo[name] = tiers
        for tier in tiers:
            found = [u for u in tier if (era is None or u.era == era) and (levels is None or u.level in levels)]
            if found:
                return list(dict.fromkeys(found))
        return []

    def has_name(self, name: str) -> bool:
        key = name_key(normalize(name))
        return key in self._by_name or key in self._alias_by_name

    def province(self, code: str | None, era: str = "pre2025") -> Unit | None:
        if code is None:
            return None
        return self._provinces.get(era, {}).get(code)

    def provinces(self, era: str = "pre2025") -> list[Unit]:
        return list(self._provinces.get(era, {}).values())

    def parent_of(self, unit: Unit) -> Unit | None:
        if unit.parent is None:
            return None
        if unit.level == "commune" and unit.era == "pre2025":
            return self.units.get((unit.era, "district", unit.parent))
        return self.units.get((unit.era, "province", unit.parent))

    def district_of(self, unit: Unit) -> Unit | None:
        if unit.level == "district":
            return unit
        if unit.level == "commune" and unit.era == "pre2025":
            return self.parent_of(unit)
        return None

    def children(self, unit: Unit) -> list[Unit]:
        return self._children.get(unit.key, [])

    def successor_province(self, unit: Unit) -> Unit | None:
        """The post-2025 province that took the unit's territory (itself after 2025)."""
        if unit.era == "post2025":
            return self.province(unit.province, "post2025")
        return self.province(unit.successor, "post2025")


def load_gazetteer_file(path: str | Path) -> Gazetteer:
    with open(path, encoding="utf-8") as handle:
        data = json.load(handle)
    return Gazetteer.from_units(data["units"])


def load_gazetteer(path: str | Path | None = None) -> Gazetteer:
    """The gazetteer at ``path`` (default: fixtures/localities.json), read once
    per process (about a third of a second).

    A missing default file gives an empty gazetteer, so extraction still runs
    (finding no places) on a checkout without reference data.
    """
    if path is None:
        return _default()
    return _load_cached(str(Path(path).resolve()))


@cache
def _default() -> Gazetteer:
    # Every extractor asks for the default gazetteer, several times an article:
    # settle the file system lookups once.
    if not DEFAULT_PATH.exists():
        return _empty()
    return _load_cached(str(DEFAULT_PATH.resolve()))


@cache
def _load_cached(path: str) -> Gazetteer:
    return load_gazetteer_file(path)


@cache
def _empty() -> Gazetteer:
    return Gazetteer()
