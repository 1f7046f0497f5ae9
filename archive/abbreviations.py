"""Abbreviations used in dân vận news, and their expansions.

One table, shared by extraction (organisation names are stored expanded), search
(a query for "UBND" must also find "Ủy ban nhân dân") and documents. Plain Python.

Expansions use the archive's canonical tone placement ("Ủy", "Hòa").
"""

import re
from functools import cache

# (abbreviation, expansion). Several abbreviations may share an expansion
# ("UVTV", "UV BTV"); an abbreviation has exactly one expansion. Case matters:
# "CA" is Công an, "ca" is an ordinary word.
ABBREVIATIONS: tuple[tuple[str, str], ...] = (
    # State bodies
    ("UBND", "Ủy ban nhân dân"),
    ("HĐND", "Hội đồng nhân dân"),
    ("TAND", "Tòa án nhân dân"),
    ("VKSND", "Viện Kiểm sát nhân dân"),
    ("ĐBQH", "Đại biểu Quốc hội"),
    ("CA", "Công an"),
    ("CAND", "Công an nhân dân"),
    ("QĐND", "Quân đội nhân dân"),
    ("BĐBP", "Bộ đội Biên phòng"),
    ("BP", "Biên phòng"),
    ("BCHQS", "Ban Chỉ huy Quân sự"),
    ("CHQS", "Chỉ huy Quân sự"),
    ("BCH BĐBP", "Bộ Chỉ huy Bộ đội Biên phòng"),
    ("UBDT", "Ủy ban Dân tộc"),
    ("ANTT", "an ninh trật tự"),
    ("ANCT", "an ninh chính trị"),
    ("ANTQ", "an ninh Tổ quốc"),
    ("BVANTQ", "bảo vệ an ninh Tổ quốc"),
    ("TTATXH", "trật tự an toàn xã hội"),
    ("DTTS", "dân tộc thiểu số"),
    # Fatherland Front
    ("UBTƯ", "Ủy ban Trung ương"),
    ("UBTW", "Ủy ban Trung ương"),
    ("UBMTTQVN", "Ủy ban Mặt trận Tổ quốc Việt Nam"),
    ("UBMTTQ", "Ủy ban Mặt trận Tổ quốc"),
    ("MTTQVN", "Mặt trận Tổ quốc Việt Nam"),
    ("MTTQ", "Mặt trận Tổ quốc"),
    # Party
    ("BTV", "Ban Thường vụ"),
    ("UVTV", "Ủy viên Ban Thường vụ"),
    ("UV BTV", "Ủy viên Ban Thường vụ"),
    ("UVBTV", "Ủy viên Ban Thường vụ"),
    ("BCH", "Ban Chấp hành"),
    ("BCĐ", "Ban Chỉ đạo"),
    ("BCS", "Ban cán sự"),
    ("BCSĐ", "Ban cán sự đảng"),
    ("TW", "Trung ương"),
    ("TƯ", "Trung ương"),
    ("TU", "Tỉnh ủy"),
    ("HU", "Huyện ủy"),
    ("ĐU", "Đảng ủy"),
    ("BDV", "Ban Dân vận"),
    ("TUV", "Tỉnh ủy viên"),
    ("HUV", "Huyện ủy viên"),
    ("TVTU", "Thường vụ Tỉnh ủy"),
    ("PBTTT", "Phó Bí thư Thường trực"),
    ("PCT", "Phó Chủ tịch"),
    ("UBKT", "Ủy ban Kiểm tra"),
    # Mass organisations
    ("LHPN", "Liên hiệp Phụ nữ"),
    ("HLHPN", "Hội Liên hiệp Phụ nữ"),
    ("HND", "Hội Nông dân"),
    ("HCCB", "Hội Cựu chiến binh"),
    ("CT-XH", "chính trị - xã hội"),
    ("CCB", "Cựu chiến binh"),
    ("LĐLĐ", "Liên đoàn Lao động"),
    ("ĐTN", "Đoàn Thanh niên"),
    ("TNCS", "Thanh niên Cộng sản"),
    ("CTĐ", "Chữ thập đỏ"),
    ("NCT", "Người cao tuổi"),
    # Departments and their domains
    ("VHTT-TT", "Văn hóa Thông tin - Thể thao"),
    ("VH-TT", "Văn hóa - Thông tin"),
    ("VHTT", "Văn hóa Thông tin"),
    ("VH-TT&DL", "Văn hóa, Thể thao và Du lịch"),
    ("VHTTDL", "Văn hóa, Thể thao và Du lịch"),
    ("LĐTB&XH", "Lao động - Thương binh và Xã hội"),
    ("LĐ-TB&XH", "Lao động - Thương binh và Xã hội"),
    ("GD&ĐT", "Giáo dục và Đào tạo"),
    ("GDĐT", "Giáo dục và Đào tạo"),
    ("TN&MT", "Tài nguyên và Môi trường"),
    ("TNMT", "Tài nguyên và Môi trường"),
    ("NN&PTNT", "Nông nghiệp và Phát triển nông thôn"),
    ("KH&ĐT", "Kế hoạch và Đầu tư"),
    ("TT&TT", "Thông tin và Truyền thông"),
    ("KT-XH", "kinh tế - xã hội"),
    ("DTĐR", "dồn thửa đổi ruộng"),
    ("NTM", "nông thôn mới"),
    ("DVK", "Dân vận khéo"),
    # Document kinds and issuers
    ("CT-TTg", "Chỉ thị của Thủ tướng Chính phủ"),
    ("QĐ-TTg", "Quyết định của Thủ tướng Chính phủ"),
    ("TTg", "Thủ tướng Chính phủ"),
    ("QĐ", "Quyết định"),
    ("NQ", "Nghị quyết"),
    ("CTr", "Chương trình"),
    ("KL", "Kết luận"),
    ("TP", "Thành phố"),
    ("TX", "Thị xã"),
    ("TPHCM", "Thành phố Hồ Chí Minh"),
    ("TP.HCM", "Thành phố Hồ Chí Minh"),
    ("HCM", "Hồ Chí Minh"),
)

# Kinds of document, written inside document numbers ("01-CTr/TU", "33/CT-TTg"):
# the word "chương trình" in a query does not stand for "CTr" there.
DOCUMENT_KINDS = frozenset({"CT-TTg", "QĐ-TTg", "TTg", "QĐ", "NQ", "CTr", "KL"})

# Terms of the trade written as several words that a search must keep
# together: the kinds of agreement the archive is about.
TERMS = ("chương trình phối hợp", "quy chế phối hợp", "kế hoạch phối hợp")

_TABLE = dict(ABBREVIATIONS)

# An abbreviation is a whole token: not glued to letters, digits, or to the
# "/" and "-" of a document number ("01-CTr/TU" is left alone).
_ABBR_RE = re.compile(
    r"(?<![\w/&.-])("
    + "|".join(re.escape(a) for a, _ in sorted(ABBREVIATIONS, key=lambda p: -len(p[0])))
    + r")(?![\w/&-])"
)


def expansion(abbreviation: str) -> str | None:
    """The expansion of one abbreviation, or None if it is not in the table."""
    return _TABLE.get(abbreviation)


def expand(text: str) -> str:
    """Replace every abbreviation standing as a whole token by its expansion.

    "UBND huyện" → "Ủy ban nhân dân huyện"; "Quyết định 290-QĐ/TW" is unchanged
    (the abbreviations of a document number are part of the number).
    """
    return _ABBR_RE.sub(lambda m: _TABLE[m.group(1)], text)


@cache
def synonym_pairs() -> tuple[tuple[str, str], ...]:
    """Every (abbreviation, expansion) pair, longest abbreviation first, for
    search synonyms: a query for either form must find both. Document-kind
    abbreviations ("QĐ", "NQ") are included because queries use them ("NQ 25").
    """
    return tuple(sorted(ABBREVIATIONS, key=lambda p: (-len(p[0]), p[0])))
