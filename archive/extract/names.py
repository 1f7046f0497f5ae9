"""What a person's name looks like in Vietnamese news, and what stands before it.

A name is a run of capitalised syllables. Without an honorific or a title right
before it, it must start with a common surname or an ethnic-minority name prefix;
capitalised title, organisation, weekday and place words never belong to it. A
rank ("Đại tá", "Hòa thượng") stands only before a name; a place may stand
between a title and the name ("Trưởng Ban Dân vận Huyện ủy Phong Điền Trần Thị
Diệu Minh").
"""

import re

from archive.extract.gazetteer import Gazetteer
from archive.extract.places import LOWER, SURNAMES, UPPER

# Ranks stand before a name, never after it: "Đại tá Cầm Bá Xuân".
RANKS = (
    "Đại tướng", "Thượng tướng", "Trung tướng", "Thiếu tướng",
    "Đại tá", "Thượng tá", "Trung tá", "Thiếu tá", "Đại úy", "Thượng úy", "Trung úy", "Thiếu úy",
    # Buddhist ranks stand before a monk's name the same way
    "Hòa thượng", "Thượng tọa", "Đại đức",
)
RANK_SET = frozenset(RANKS)


def alternation(words) -> str:
    """Longest first, then alphabetical: the same pattern in every process."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


RANK_AT_RE = re.compile(rf"(?:{alternation(RANKS)})(?!\w)")
RANK_BEFORE_RE = re.compile(rf"(?:{alternation(RANKS)})\s*$")


def rank_before(sentence: str, start: int) -> bool:
    return bool(RANK_BEFORE_RE.search(sentence, max(0, start - 14), start))


HONORIFIC_RE = re.compile(
    r"(?:(?<![\w])(?:[Cc]ác\s+)?[Đđ]ồng\s+chí|(?<![\w])[Đđ]/[Cc]|(?<![\w])[Ôô]ng|(?<![\w])[Bb]à"
    r"|(?<![\w])[Aa]nh|(?<![\w])[Cc]hị)\s*:?\s*$"
)

# A name syllable: capitalised, or an ethnic-minority prefix such as "H'", "K'".
# "Bh'riu" (Cơ Tu) keeps a lower-case part after its apostrophe.
SYL = rf"(?:[{UPPER}](?:[{LOWER}]+(?:['’][{LOWER}]+)?|['’](?:[{UPPER}][{LOWER}]*)?)?)"
NAME_RUN_RE = re.compile(rf"(?<![\w'’]){SYL}(?:[ ]{SYL})*(?![\w'’])")

# Capitalised words that are never part of a person's name here.
_NOT_NAME_WORDS = frozenset(
    """Thứ Chủ Bí Trưởng Phó Ủy Giám Chánh Tổng Ban Hội Sở Phòng Bộ Cục Đảng Huyện Tỉnh Xã Phường Quận
    Thành Thị Công Đồn Trung Nhà Tổ Quốc Mặt Nhân Dân Ngày Năm Chiều Tối Đồng Các Những Đoàn
    Hội Đại Thượng Thiếu Chính Chỉ Tư Cán Kế Chương Quyết Nghị Chỉ Kết Luật Điều Khoản Phụ Tin Ảnh Video
    Quang Theo Tại Trong Với Và Của Cho Là Khi Để Về Đến Từ Sau Trước Thực Thông Phát Tiếp Xem Bài Báo""".split()
)
# First names can be these even though they also start phrases; allowed after a surname.
_NAME_OK_AFTER_SURNAME = frozenset({"Quang", "Đại", "Công", "Chính", "Thành", "Thị", "Đồng", "Trung", "Tư", "Nhân", "Dân", "Quốc", "Tổ", "Kế", "Hội", "Tiếp", "Thông", "Phát", "Thực", "Kết", "Năm", "Ngày", "Đoàn", "Tin", "Nhà", "Chỉ"})
_ONE_WORD_NAME_RE = re.compile(rf"[KkHhRr]['’][{UPPER}][{LOWER}]+")
_ETHNIC_PREFIXES = frozenset(
    "Y H' H’ K' K’ A Ksor Kpă Kpa Rơ Siu Nay Rah R'Com Điểu Thạch Danh Sơn Kim Chau Néang Lò Lường Cầm "
    "Quàng Tòng Hầu Giàng Sùng Thào Vàng Mùa Ly Vừ Ma Nông Bế Lục Triệu Bàn Chảo Tẩn Phàn Lầu Mua "
    "Alăng Zơ Coor Bh Bhling Hồ Đinh Puih Rcom Mlô Byă Niê Êban Ayun Hmok Buôn Ka Kơ Sa Bố Đa "
    # Thái, Tày, Nùng, Mường, Dao, Hmông surnames the common list lacks
    "Xa Lộc Vi Mè Bạc Khà Lự Điêu Lèo Ngần Lô Sầm Hoàng Hà Quách Lý Hạng Cứ Sình Chá Lù Vừ Tráng "
    # Cơ Tu, Tà Ôi, Bru, Chăm, Ra Glai, Mạ, K'Ho, Ê Đê, S'tiêng surnames
    "Pơloong Bh'riu Bhriu Bríu Zơrâm Clâu Ating Arất Hốih Blúp Tơngol Coor Kăn Hồ Pả Kray Hoih "
    "Đàng Thập Quảng Chamaléa Pi Katơr Liêng Cil Bon Ya Knul Adrơng Ksơr Mlô Buôn Rơ Châm".split()
)
# "H’Yim", "K’Mák", "R’Ô": an Ê Đê, K'Ho or Jrai name part opening a name.
_APOSTROPHE_PART_RE = re.compile(rf"[{UPPER}]['’]")


def _ethnic_first(word: str) -> bool:
    return word in _ETHNIC_PREFIXES or _APOSTROPHE_PART_RE.match(word) is not None


# Historical figures quoted in articles; never officials of the article.
_HISTORICAL = frozenset({"Hồ Chí Minh", "Tôn Đức Thắng", "Võ Nguyên Giáp", "Lê Duẩn", "Trường Chinh", "Phạm Văn Đồng"})

# Organisation phrases whose capitalised words could pass for a name ("Đoàn Thanh niên").
_ORG_PHRASES_RE = re.compile(
    r"Đoàn Thanh niên(?: Cộng sản(?: Hồ Chí Minh)?)?|Hội Liên hiệp Phụ nữ(?: Việt Nam)?|Hội Nông dân"
    r"|Hội Cựu chiến binh|Hội Cựu Chiến binh|Mặt trận Tổ quốc(?: Việt Nam)?|MTTQ Việt Nam|Việt Nam"
    r"|Trung ương(?: Đảng)?|Hồ Chí Minh|Quân đội nhân dân|Công an nhân dân|Bộ đội Biên phòng"
    r"|Đồn Biên phòng|Văn hóa|Thể thao|Du lịch|Thương binh|Xã hội|Lao động|Nội vụ|Tư pháp|Y tế"
    r"|Giáo dục|Đào tạo|Tài chính|Kế hoạch|Đầu tư|Công Thương|Xây dựng|Giao thông|Vận tải|Nông nghiệp"
    r"|Tài nguyên|Môi trường|Khoa học|Công nghệ|Thông tin|Truyền thông|Ngoại vụ|Dân tộc|Tôn giáo"
    r"|Thi đua|Khen thưởng|Kiểm tra|Tuyên giáo|Dân vận|Tổ chức|Nội chính|Quốc hội|Chính phủ"
)

CAPITAL_HONORIFICS = frozenset({"Ông", "Bà", "Anh", "Chị", "Cụ"})


def masked(sentence: str) -> str:
    """The sentence with organisation phrases blanked (same length), so their
    capitalised words are not read as names."""
    return _ORG_PHRASES_RE.sub(lambda m: "x" * len(m.group()), sentence)


def is_name(
    words: list[str], *, strong: bool, gaz: Gazetteer | None, place_ok: bool = False, long_ok: bool = False
) -> bool:
    """Whether capitalised ``words`` can be a person's name.

    ``strong``: an honorific or a title stands right before, or a title right
    after, so names that don't start with a common surname ("Y Ngọc") pass.
    ``place_ok``: a rank or "đồng chí" stands before, which only a person
    follows, so a name that is also a district's ("Dương Minh Châu") passes.
    ``long_ok``: a rank or an honorific stands before and a title after, so a
    Lao or Khmer name of up to seven syllables ("Sổm Phết Xay Nha Vông") passes.
    """
    if len(words) == 1:
        # Cơ Ho and Mạ names are one word with an apostrophe: "K'Mák", "K’Broi".
        return strong and bool(_ONE_WORD_NAME_RE.fullmatch(words[0]))
    if len(words) > (_LONGEST_FOREIGN_NAME if long_ok else 5):
        return False
    name = " ".join(words)
    if name in _HISTORICAL:
        return False
    first = words[0]
    ethnic = _ethnic_first(first)
    if len(words) >= 5 and not (ethnic or long_ok):
        return False
    if first in _NOT_NAME_WORDS and first not in SURNAMES and not (strong and first in _NAME_OK_AFTER_SURNAME):
        return False  # "Ông Thị Bình" (a S'tiêng surname) passes only after an honorific
    for word in words[1:]:
        if word in _NOT_NAME_WORDS and word not in _NAME_OK_AFTER_SURNAME:
            return False
    if any(len(w) > 1 and w.isupper() and "'" not in w and "’" not in w for w in words):
        return False  # "UBND", "MTTQ"
    if not strong and first not in SURNAMES and not ethnic:
        return False
    if gaz is not None and not place_ok and _is_place_name(name, gaz):
        return False
    return True


_LONGEST_FOREIGN_NAME = 7


def _is_place_name(name: str, gaz: Gazetteer) -> bool:
    return bool(gaz.lookup(name, levels={"province", "district"}))


_UNIT_BEFORE_RE = re.compile(
    r"(?:^|\s)(?P<unit>tỉnh|huyện|quận|thị xã|thành phố|TP\.?|xã|phường|thị trấn|Tỉnh ủy|Huyện ủy|Quận ủy"
    r"|Thị ủy|Thành ủy|Đồn Biên phòng|Đồn BP)\s*$"
)
_UNIT_LEVELS = {
    "tỉnh": {"province"}, "tỉnh ủy": {"province"}, "huyện": {"district"}, "huyện ủy": {"district"},
    "quận": {"district"}, "quận ủy": {"district"}, "thị xã": {"district"}, "thị ủy": {"district"},
    "thành phố": {"province", "district"}, "tp": {"province", "district"}, "thành ủy": {"province", "district"},
    "xã": {"commune"}, "phường": {"commune"}, "thị trấn": {"commune"},
    "đồn biên phòng": {"commune"}, "đồn bp": {"commune"},  # a post is named after its commune
}
_ANY_PLACE = {"province", "district"}


def split_place_and_name(words: list[str], gaz: Gazetteer | None, *, before: str) -> int | None:
    """Where the name starts in a run that follows a title: "Phong Điền Trần Thị
    Diệu Minh" after "Huyện ủy" → 2. None when the run holds no name.

    ``before`` is the text before the run: a unit word there ("xã", "Huyện ủy")
    says the run starts with a place of that level.
    """
    unit = _UNIT_BEFORE_RE.search(before)
    levels = _UNIT_LEVELS.get(unit.group("unit").lower().rstrip(".")) if unit else None
    if gaz is not None:
        for cut in range(len(words), 0, -1):
            head = " ".join(words[:cut])
            if not gaz.lookup(head, levels=levels or _ANY_PLACE):
                continue
            if cut == len(words):
                if levels:
                    return None  # "Bí thư Đảng ủy xã Hoàng Hoa Thám": the run is the place
                continue
            tail = words[cut:]
            # After a unit word and its whole place name ("huyện Tây Giang
            # Pơloong Plênh") the words left are the name, whatever its surname.
            known = tail[0] in SURNAMES or _ethnic_first(tail[0]) or (levels and len(tail) >= 2)
            if known and is_name(tail, strong=True, gaz=gaz):
                return cut
    # A rank stands only before a name: "Thượng tá Lộc Văn Tuấn". After a unit
    # word, an apostrophe word opening a longer run is the place the gazetteer
    # lacks ("xã H’Bông Rơ Mah H’Nhi"), read below.
    place_first = levels and len(words) >= 3 and words[0] not in _ETHNIC_PREFIXES and _ethnic_first(words[0])
    if not place_first and is_name(words, strong=RANK_BEFORE_RE.search(before) is not None, gaz=gaz):
        return 0
    # An unknown place first (villages are not in the gazetteer): "thôn Đăk Răng A Pớt".
    village = _VILLAGE_BEFORE_RE.search(before) is not None
    for cut in range(1, len(words) - 1):
        tail = words[cut:]
        if (tail[0] in SURNAMES or (village and _ethnic_first(tail[0]))) and is_name(tail, strong=True, gaz=gaz):
            return cut
    return None


_VILLAGE_BEFORE_RE = re.compile(r"(?:^|\s)(?:thôn|bản|buôn|làng|ấp|xóm|plei|khu phố|tổ dân phố)\s*$", re.IGNORECASE)


def starts_with_person(text: str) -> bool:
    """Whether ``text`` starts with a surname-led name (a new person, not a title part)."""
    match = NAME_RUN_RE.match(text)
    if not match:
        return False
    words = match.group().split()
    return len(words) >= 2 and words[0] in SURNAMES and words[1] not in _NOT_NAME_WORDS
