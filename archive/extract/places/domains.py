"""The province a news site belongs to, from its domain ("baokontum.com.vn")."""

from archive.extract.gazetteer import Gazetteer, Unit, fold_key

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
