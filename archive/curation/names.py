"""The entity a curator means by a name typed or selected on the review
screen: an official or an organisation (found by name or alias, as the
importer finds them, else created), or a unit of the gazetteer ("Phong
Hải", "xã Phong Hải", "Huyện Phong Điền (Thừa Thiên Huế)")."""

import re
from datetime import date

from archive.curation import CurationError
from archive.models import Article, Locality, Official, Organisation
from archive.text import fold, normalize

REFORM = date(2025, 7, 1)
_UNIT_WORDS = ("thanh pho", "thi xa", "thi tran", "tinh", "huyen", "quan", "xa", "phuong")
_IN_BRACKETS = re.compile(r"^(?P<name>.*?)\s*\((?P<province>[^()]*)\)\s*$")


def find_or_create_official(name: str) -> Official:
    name = normalize(name or "").strip()[:120]
    if len(name.split()) < 2:
        raise CurationError("Họ tên cán bộ cần ít nhất hai chữ")
    return (
        Official.objects.filter(name=name).first()
        or Official.objects.filter(aliases__contains=[name]).first()
        or Official.objects.create(name=name)
    )


def find_or_create_organisation(name: str, kind: str | None = None) -> Organisation:
    name = normalize(name or "").strip()[:300]
    if not name:
        raise CurationError("Cần tên cơ quan")
    found = (
        Organisation.objects.filter(name=name).first()
        or Organisation.objects.filter(aliases__contains=[name]).first()
    )
    if found is not None:
        return found
    kind = kind if kind in Organisation.Kind.values else Organisation.Kind.OTHER
    return Organisation.objects.create(name=name, kind=kind)


def _without_unit_word(folded: str) -> tuple[str, str | None]:
    for word in _UNIT_WORDS:
        if folded.startswith(word + " "):
            return folded[len(word) + 1 :].strip(), word
    return folded, None


def find_locality(text: str, article: Article) -> Locality:
    """The unit `text` names, in the era of the article's date. A name
    several units share is resolved by the province in brackets, else by the
    provinces of the article's other places; else the curator is asked."""
    text = normalize(text or "").strip()
    match = _IN_BRACKETS.match(text)
    name, province = (match["name"], match["province"]) if match else (text, "")
    folded, unit_word = _without_unit_word(fold(name).strip())
    if not folded:
        raise CurationError("Cần tên địa phương")
    candidates = Locality.objects.filter(ascii_name=folded).select_related("province")
    era = Locality.Era.POST2025 if article.published_on and article.published_on >= REFORM else Locality.Era.PRE2025
    candidates = [unit for unit in candidates if unit.era == era] or list(candidates)
    if unit_word:
        candidates = [unit for unit in candidates if fold(unit.unit_type) == unit_word] or candidates
    if province:
        wanted = _without_unit_word(fold(province).strip())[0]
        candidates = [unit for unit in candidates if (unit.province or unit).ascii_name == wanted]
    if len(candidates) > 1:
        provinces = {
            fact.locality.province_id or fact.locality_id
            for fact in article.locality_facts.visible().select_related("locality")
        }
        nearby = [unit for unit in candidates if (unit.province_id or unit.pk) in provinces]
        candidates = nearby or candidates
    if not candidates:
        raise CurationError(f"Không tìm thấy địa phương “{text}”")
    if len(candidates) > 1:
        labels = "; ".join(str(unit) for unit in candidates[:6])
        raise CurationError(f"“{text}” là tên của nhiều đơn vị: {labels}. Ghi thêm tỉnh trong ngoặc, ví dụ “{candidates[0]}”")
    return candidates[0]
