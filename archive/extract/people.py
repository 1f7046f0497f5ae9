"""Find the officials of an article: people named with at least one title.

Two shapes cover the reporting style of provincial news:
- name, then titles: "đồng chí Trần Thị Diệu Minh – UVTV Huyện ủy, Trưởng Ban Dân
  vận Huyện ủy", "ông Y Ngọc, Phó Chủ tịch UBND tỉnh", "Bùi Tuấn Quang- Phó …";
- title, then name: "Chủ tịch UBND huyện Lê Nguyễn Thành Trung", "Trưởng Ban Dân
  vận Huyện ủy Phong Điền Trần Thị Diệu Minh", "đồng chí Chủ tịch UBND tỉnh …".

A name is a run of capitalised syllables. Without an honorific or a title right
before it, it must start with a common surname or an ethnic-minority name prefix;
capitalised title, organisation, weekday and place words never belong to it.
"""

from bisect import bisect_left
import re

from archive.extract.gazetteer import Gazetteer, load_gazetteer
from archive.extract.places import BORDER_GATE, LOWER, SURNAMES, UPPER, article_sentences, trie_pattern

# -- vocabulary --------------------------------------------------------------

_RANKS = (
    "Đại tướng", "Thượng tướng", "Trung tướng", "Thiếu tướng",
    "Đại tá", "Thượng tá", "Trung tá", "Thiếu tá", "Đại úy", "Thượng úy", "Trung úy", "Thiếu úy",
    # Buddhist ranks stand before a monk's name the same way
    "Hòa thượng", "Thượng tọa", "Đại đức",
)
_HEADS = (
    "Tổng Bí thư", "Phó Bí thư", "Bí thư",
    "Ủy viên", "UVTV", "TUV", "HUV", "ĐUV", "QUV", "UV BTV", "UV.BTV", "UVBTV", "UVBCH", "UV BCH",
    "Tỉnh ủy viên", "Huyện ủy viên", "Thành ủy viên", "Quận ủy viên", "Thị ủy viên", "Đảng ủy viên",
    "Chủ tịch nước", "Phó Chủ tịch", "Chủ tịch", "Phó Chủ nhiệm", "Chủ nhiệm",
    "Phó Trưởng", "Trưởng ban", "Trưởng Ban", "Trưởng phòng", "Trưởng Phòng", "Trưởng đoàn",
    "Trưởng Đoàn", "Trưởng Công an", "Trưởng thôn", "Trưởng ấp", "Trưởng bản", "Trưởng khu",
    "Trưởng khối", "Trưởng xóm", "Trưởng Văn phòng", "Trưởng Đài", "Trưởng Trạm", "Trưởng Chi",
    "Trưởng Cục", "Trưởng Khoa", "Trưởng khoa", "Trưởng Tiểu ban", "Trưởng tiểu ban",
    "Phó ban", "Phó Ban", "Phó phòng", "Phó Phòng",
    # sentence-case spellings some sites use
    "Phó trưởng ban", "Phó trưởng Ban", "Phó trưởng phòng", "Phó chủ tịch", "Phó bí thư", "Phó giám đốc",
    "Đồn trưởng", "Phó Đồn trưởng", "Chính trị viên", "Chỉ huy trưởng", "Chỉ huy phó",
    "Phó Chính ủy", "Chính ủy", "Phó Tư lệnh", "Tư lệnh", "Tham mưu trưởng", "Phó Tham mưu trưởng",
    "Cục trưởng", "Phó Cục trưởng", "Vụ trưởng", "Phó Vụ trưởng", "Viện trưởng", "Phó Viện trưởng",
    "Chánh án", "Phó Chánh án", "Chánh Văn phòng", "Chánh văn phòng", "Phó Chánh Văn phòng",
    "Phó Chánh văn phòng", "Chánh Thanh tra", "Phó Chánh Thanh tra", "Chánh thanh tra",
    "Tổng Giám đốc", "Phó Tổng Giám đốc", "Giám đốc", "Phó Giám đốc",
    "Phó Thủ tướng", "Thủ tướng", "Bộ trưởng", "Thứ trưởng",
    "Đại biểu Quốc hội", "Đại biểu HĐND", "ĐBQH",
    "Hiệu trưởng", "Phó Hiệu trưởng", "Tổng Biên tập", "Phó Tổng Biên tập", "Tổng Thư ký", "Thư ký",
    "Tổ trưởng", "Tổ phó", "Đội trưởng", "Đội phó", "Xã đội trưởng", "Chi hội trưởng",
    "Kiểm sát viên", "Thẩm phán", "Thanh tra viên", "Thường trực Ban Bí thư",
    # abbreviations of party and state posts: PCT = Phó Chủ tịch, PBTTT = Phó Bí
    # thư Thường trực, TVTU = (Ủy viên) Thường vụ Tỉnh ủy, UVBTVTU = Ủy viên Ban
    # Thường vụ Tỉnh ủy, PGĐ = Phó Giám đốc
    "PCT", "PBT", "PBTTT", "TVTU", "TVHU", "TVTW", "UVTVTU", "UVTVHU", "UVBTVTU", "UVBTVHU", "PGĐ",
    "Thường vụ Tỉnh ủy", "Thường vụ Huyện ủy", "Thường vụ Thành ủy", "Thường vụ Quận ủy", "Thường vụ Thị ủy",
    "Thường vụ Đảng ủy",
    "Trụ trì", "Phó chính ủy", "Phó chỉ huy trưởng", "Phó Chỉ huy trưởng",
    *_RANKS,
)
_RANK_SET = frozenset(_RANKS)


def _alternation(words) -> str:
    """Longest first, then alphabetical: the same pattern in every process."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


_HEAD = _alternation(_HEADS)
# A title head starts a title; "nguyên" (former) or "quyền" (acting) may stand before it.
# Two spelled-out heads joined by a dash are one post: "Phó Chủ tịch - Tổng Thư
# ký", "Phó Chủ tịch-Tổng Thư ký"; after initials ("TUV – Chủ tịch …") the dash
# stacks two titles.
_SPELLED = _alternation(h for h in _HEADS if not h.replace(" ", "").replace(".", "").isupper())
_INITIALS = _alternation(h for h in _HEADS if h.replace(" ", "").replace(".", "").isupper())
_HEAD_FORMS = (
    rf"(?:{_SPELLED})(?![{LOWER}])(?:\s*[-–]\s*(?:{_SPELLED})(?![{LOWER}]))?|(?:{_INITIALS})(?![{LOWER}])"
)
_HEAD_RE = re.compile(rf"(?:[Nn]guyên\s+|[Qq]uyền\s+)?(?:Phó\s+)?(?:{_HEAD_FORMS})")
_HEAD_ANY_RE = re.compile(rf"(?:nguyên\s+|quyền\s+)?(?:phó\s+)?(?:{_HEAD_FORMS})", re.IGNORECASE)
# Finding heads anywhere, in lower-cased text with a trie-shaped pattern (a
# case-insensitive 100-way alternation is slow); the "phó "/"nguyên " prefixes
# are added in code.
_HEAD_FIND_RE = re.compile(rf"\b(?:{trie_pattern({h.lower() for h in _HEADS})})(?![{LOWER}])")


def _find_heads(sentence: str) -> list[int]:
    """Start offsets of title heads, in any letter case."""
    lowered = sentence.lower()
    if len(lowered) != len(sentence):
        return [m.start() for m in _HEAD_ANY_RE.finditer(sentence)]
    starts = []
    for match in _HEAD_FIND_RE.finditer(lowered):
        start = match.start()
        if start and (lowered[start - 1].isalnum() or lowered[start - 1] == "."):
            continue
        if lowered.endswith("phó ", 0, start):
            start -= 4
        if lowered.endswith("nguyên ", 0, start) or lowered.endswith("quyền ", 0, start):
            start = lowered.rindex(" ", 0, start - 1) + 1 if " " in lowered[: start - 1] else 0
        if not starts or starts[-1] != start:
            starts.append(start)
    return starts


# Words after which a title has ended: verbs of reporting and attending,
# prepositions of place and time, honorifics of the next person.
_STOP_WORDS = (
    "phát biểu", "chủ trì", "đồng chủ trì", "nhấn mạnh", "cho biết", "khẳng định", "đề nghị", "yêu cầu",
    "chỉ đạo", "ghi nhận", "đánh giá", "trao", "tặng", "dự", "tham dự", "cùng", "đã", "đang", "sẽ", "làm",
    "thay mặt", "chứng kiến", "ký", "kết luận", "báo cáo", "trình bày", "tới", "đến", "thăm", "chúc mừng",
    "động viên", "lưu ý", "nêu", "thông tin", "khai mạc", "bế mạc", "phát động", "quán triệt", "giới thiệu",
    "điều hành", "gửi", "bày tỏ", "chia sẻ", "mong muốn", "cảm ơn", "biểu dương", "khen ngợi", "tiếp thu",
    "giải đáp", "trả lời", "làm việc", "tại", "trong", "với", "là", "được", "có", "nói", "cũng", "vừa",
    "luôn", "nhận", "lên", "xuống", "đọc", "công bố", "thông qua", "triển khai", "hướng dẫn", "tuyên bố",
    "dẫn đầu", "đi", "đồng thời", "khi", "thì", "nên", "để", "nhằm", "này", "đó", "những", "một", "ngày",
    "sáng", "chiều", "tối", "trưa", "nhiệm kỳ", "cho rằng", "nhận định", "phân tích", "mong", "hy vọng",
    "tin tưởng", "kêu gọi", "đề xuất", "kiến nghị", "chỉ rõ", "chỉ ra", "ủng hộ", "quan tâm", "trực tiếp",
    "trao tặng", "trao quà", "tặng quà", "trò chuyện", "hỏi thăm", "cắt băng", "bấm nút", "phụ trách",
    "chúc", "cảm ơn", "đón", "tiếp", "gặp", "ra", "vào", "về", "từ", "theo", "qua", "sau", "trước",
    "và các", "và đồng chí", "và ông", "và bà", "cùng các", "cùng đồng chí", "đồng chí", "ông", "bà",
    "và đ/c", "và Đ/c", "đ/c", "Đ/c", "được bầu",
    "các đồng chí", "tham gia", "đại diện", "lãnh đạo", "nhằm", "bởi", "do", "vì", "nhưng", "mà",
    "kể", "kể lại", "phấn khởi", "tâm sự", "bộc bạch", "thừa nhận", "lo lắng", "vui mừng", "cho", "tặng cho",
)
# "dự" (attends) ends a title, "dự khuyết" (alternate member) does not.
_STOP = "|".join(
    re.escape(w) + (r"(?! khuyết)" if w == "dự" else "")
    for w in sorted(set(_STOP_WORDS), key=lambda w: (-len(w), w))
)
# Where a title ends: punctuation, "kiêm" (a second title follows), a stop word.
_TITLE_END_RE = re.compile(
    r"\s*(?:[,;:()\[\]\"“”…!?]|(?<!TP)(?<!Tp)(?<!TX)\.(?=\s|$)|$)"
    r"|\s+kiêm\s+"
    r"|\s*[–—‒]\s*|\s+-\s+|\s*-\s+"
    rf"|\s+(?:{_STOP})(?![{LOWER}{UPPER}])"
    # "và" joins two people ("… Tỉnh ủy và Thượng tá Nguyễn Văn Hải"), not two
    # words of a department ("Sở Tài nguyên và Môi trường").
    rf"|\s+và\s+(?=(?:{trie_pattern(set(_HEADS))})(?![{LOWER}])|(?:{trie_pattern(SURNAMES)}) [{UPPER}])"
)
# Commas inside department names must not split titles.
_COMMA_NAMES_RE = re.compile(
    r"Văn hóa, Thể thao|Văn hóa, Thông tin|Thể thao, Du lịch|Lao động, Thương binh|Kinh tế, Xã hội"
)

_HONORIFIC_RE = re.compile(
    r"(?:(?<![\w])(?:[Cc]ác\s+)?[Đđ]ồng\s+chí|(?<![\w])[Đđ]/[Cc]|(?<![\w])[Ôô]ng|(?<![\w])[Bb]à"
    r"|(?<![\w])[Aa]nh|(?<![\w])[Cc]hị)\s*:?\s*$"
)

# A name syllable: capitalised, or an ethnic-minority prefix such as "H'", "K'".
# "Bh'riu" (Cơ Tu) keeps a lower-case part after its apostrophe.
_SYL = rf"(?:[{UPPER}](?:[{LOWER}]+(?:['’][{LOWER}]+)?|['’](?:[{UPPER}][{LOWER}]*)?)?)"
_NAME_RUN_RE = re.compile(rf"(?<![\w'’]){_SYL}(?:[ ]{_SYL})*(?![\w'’])")

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

_CAPITAL_HONORIFICS = frozenset({"Ông", "Bà", "Anh", "Chị", "Cụ"})

_WS = re.compile(r"\s+")


def _clean(text: str) -> str:
    return _WS.sub(" ", text).strip(" ,;:-–—‒.")


# -- name tests --------------------------------------------------------------


def _is_name(
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


def _split_place_and_name(words: list[str], gaz: Gazetteer | None, *, before: str) -> int | None:
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
            if known and _is_name(tail, strong=True, gaz=gaz):
                return cut
    # A rank stands only before a name: "Thượng tá Lộc Văn Tuấn". After a unit
    # word, an apostrophe word opening a longer run is the place the gazetteer
    # lacks ("xã H’Bông Rơ Mah H’Nhi"), read below.
    place_first = levels and len(words) >= 3 and words[0] not in _ETHNIC_PREFIXES and _ethnic_first(words[0])
    if not place_first and _is_name(words, strong=_RANK_BEFORE_RE.search(before) is not None, gaz=gaz):
        return 0
    # An unknown place first (villages are not in the gazetteer): "thôn Đăk Răng A Pớt".
    village = _VILLAGE_BEFORE_RE.search(before) is not None
    for cut in range(1, len(words) - 1):
        tail = words[cut:]
        if (tail[0] in SURNAMES or (village and _ethnic_first(tail[0]))) and _is_name(tail, strong=True, gaz=gaz):
            return cut
    return None


_VILLAGE_BEFORE_RE = re.compile(r"(?:^|\s)(?:thôn|bản|buôn|làng|ấp|xóm|plei|khu phố|tổ dân phố)\s*$", re.IGNORECASE)


# -- titles ------------------------------------------------------------------


def _read_titles(sentence: str, pos: int, *, any_case: bool) -> tuple[list[str], int]:
    """Titles starting at ``pos``: stacked with commas, dashes or "kiêm"."""
    head_re = _HEAD_ANY_RE if any_case else _HEAD_RE
    titles: list[str] = []
    end = pos
    while True:
        head = head_re.match(sentence, pos)
        if not head:
            break
        cursor = head.end()
        while True:
            stop = _TITLE_END_RE.search(sentence, cursor)
            stop_at = stop.start() if stop else len(sentence)
            text = stop.group() if stop else ""
            # "Trưởng Ban Chỉ đạo phong trào “Toàn dân bảo vệ …”": the quoted name is part of it.
            if text.strip() in {"“", '"'} and _QUOTED_NAME_BEFORE.search(sentence, max(0, stop_at - 20), stop_at):
                closing = _QUOTE_CLOSE_RE.search(sentence, stop.end())
                if closing:
                    cursor = closing.end()
                    continue
            # "Sở Văn hóa, Thể thao và Du lịch", "Lao động - Thương binh": keep going.
            if stop and text.strip() in {",", "-", "–"}:
                after = sentence[stop.end():]
                joined = sentence[max(0, stop_at - 12): stop.end() + 12]
                if text.strip() == "," and _UNIT_CONTINUES_RE.match(sentence, stop.end()):
                    # "Chủ tịch UBND xã Hoành Mô, huyện Bình Liêu": the unit's place.
                    cursor = _UNIT_CONTINUES_RE.match(sentence, stop.end()).end("unit")
                    continue
                if _COMMA_NAMES_RE.search(joined) or (
                    text.strip() != "," and after[:1].isupper() and not head_re.match(after)
                    and not _starts_with_person(after)
                ):
                    cursor = stop.end()
                    continue
            break
        place_end = _PLACE_ENDS_TITLE_RE.search(sentence, pos, stop_at)
        if place_end:
            stop_at = place_end.end("place")
            stop = None
        title = _clean(sentence[pos:stop_at])
        longest = 16 + len(_QUOTED_RE.findall(title)[0].split()) if "“" in title or '"' in title else 16
        if len(title.split()) > longest:
            title = " ".join(title.split()[:longest])
        if title:
            titles.append(title)
        end = stop_at
        if not stop:
            break
        sep = stop.group().strip()
        if sep in {",", "kiêm", "-", "–", "—", "‒"} or sep == "":
            nxt = stop.end()
            while nxt < len(sentence) and sentence[nxt] == " ":
                nxt += 1
            if head_re.match(sentence, nxt) and not _names_next_person(sentence, nxt):
                pos = nxt
                continue
        break
    return titles, end


_QUOTED_NAME_BEFORE = re.compile(r"(?:phong trào|cuộc vận động|chương trình|đề án|cuộc thi|giải)\s*$", re.IGNORECASE)
_QUOTE_CLOSE_RE = re.compile(r"[”\"]")
_QUOTED_RE = re.compile(r"[“\"][^”\"]*[”\"]?")


def _names_next_person(sentence: str, pos: int) -> bool:
    """Whether the title at ``pos`` is followed by a dash and a person's name:
    "…, Bí thư Huyện ủy Bến Lức - Trần Hoàng Nhân" names the next person."""
    stop = _TITLE_END_RE.search(sentence, _HEAD_RE.match(sentence, pos).end() if _HEAD_RE.match(sentence, pos) else pos)
    return bool(stop and stop.group().strip() in _DASHES and _starts_with_person(sentence[stop.end():]))


_UNIT_CONTINUES_RE = re.compile(
    rf"\s*(?P<unit>huyện|tỉnh|thành phố|thị xã|quận|TP\.?|xã|phường|thị trấn)\s+{_SYL}"
)
# A title that names its unit's place ends with the place: "Trưởng bản Huổi Lếch
# kể…", "Phó Chủ tịch UBND tỉnh Gia Lai nói…", whatever verb follows.
_PLACE_ENDS_TITLE_RE = re.compile(
    r"(?<![\w])(?P<place>(?:tỉnh|huyện|quận|thị xã|thành phố|TP\.?|xã|phường|thị trấn|thôn|bản|ấp|buôn|làng|xóm"
    rf"|khu phố|tổ dân phố|khối|Tỉnh ủy|Huyện ủy|Quận ủy|Thị ủy|Thành ủy|(?>Đồn Biên phòng(?:\s+{BORDER_GATE})?)|Đồn BP)"
    rf"(?:\s+(?:{_SYL}(?:[ ]{_SYL})*|\d+))?"
    # a unit named with its number: "Hải đoàn 32", "Quân khu 2", "Vùng Cảnh sát biển 3"
    rf"|[{UPPER}][{LOWER}]*(?:[ ][{UPPER}{LOWER}][{LOWER}]*){{0,3}}[ ]\d+)"
    r"(?=\s+(?!(?:tỉnh|huyện|quận|thị xã|thành phố|xã|phường|thị trấn|thôn|bản|ấp|và|kiêm|nhân dân|ủy"
    r"|đội|viên|đoàn|hội|phó|trưởng|quân sự|biên phòng|cán sự|dân|đảng|ban|số)(?![\w]))"
    rf"[{LOWER}])"
)


def _starts_with_person(text: str) -> bool:
    """Whether ``text`` starts with a surname-led name (a new person, not a title part)."""
    match = _NAME_RUN_RE.match(text)
    if not match:
        return False
    words = match.group().split()
    return len(words) >= 2 and words[0] in SURNAMES and words[1] not in _NOT_NAME_WORDS


# -- the extractor -----------------------------------------------------------


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
        evidence = _clean(evidence)
        if evidence and evidence not in person["evidence"]:
            person["evidence"].append(evidence)

    def result(self) -> list[dict]:
        out = []
        for person in self.people.values():
            titles = person["titles"]
            ranks_only = all(t in _RANK_SET for t in titles)
            if not ranks_only:
                titles = [t for t in titles if t not in _RANK_SET]
            out.append({"name": person["name"], "titles": titles, "evidence": person["evidence"]})
        return out


def _masked(sentence: str) -> str:
    """The sentence with organisation phrases blanked (same length), so their
    capitalised words are not read as names."""
    return _ORG_PHRASES_RE.sub(lambda m: "x" * len(m.group()), sentence)


_SEP_RE = re.compile(
    r"\s*(?:[–—‒-]|,|\(|:"
    r"|được\s+(?:bầu|bổ nhiệm|cử|tín nhiệm bầu)(?:\s+(?:làm|giữ chức(?: vụ)?|vào chức(?: vụ)?))?|giữ chức(?: vụ)?"
    r"|tái đắc cử|đắc cử)?\s*"
)
_ABBREVIATED_HEAD_RE = re.compile(rf"[{UPPER}]{{2,8}}(?![\w.])")
_COMRADE_RE = re.compile(r"(?:[Cc]ác\s+)?(?:[Đđ]ồng\s+chí|[Đđ]/[Cc])")
_DASHES = frozenset("–—‒-")  # any dash separates a name from its titles


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
    honorific = _HONORIFIC_RE.search(sentence, max(0, start - 16), start)
    ev_start = honorific.start() if honorific else start
    if words[0] in _CAPITAL_HONORIFICS and len(words) >= 2:
        # "Ông Trương Văn Sáu, Giám đốc…" at the start of a sentence.
        words = words[1:]
        start += len(sentence[start:end]) - len(" ".join(words))
        honorific = True
    if _HEAD_RE.match(sentence, start):
        return None  # the run is itself a title
    ranked = _rank_before(sentence, start)
    strong = bool(honorific) or ranked or sep in _DASHES
    comrade = honorific is not True and honorific is not None and _COMRADE_RE.match(honorific.group()) is not None
    place_ok = (ranked or comrade) and words[0] in SURNAMES
    if not _is_name(words, strong=strong, gaz=gaz, place_ok=place_ok, long_ok=bool(honorific) or ranked):
        return None
    return " ".join(words), ev_start, sep


def _scan_sentence(sentence: str, gaz: Gazetteer | None, out: _Collector) -> None:
    heads = _find_heads(sentence)
    if not heads:
        return
    masked = _masked(sentence)
    runs = [run.span() for run in _NAME_RUN_RE.finditer(masked)]
    consumed_until = -1
    for h_start in heads:
        if h_start < consumed_until:
            continue
        # 1. Name, then titles; a rank only ever comes before a name.
        rank = _RANK_AT_RE.match(sentence, h_start) is not None
        before = None if rank else _name_before(sentence, runs, h_start, gaz)
        if before is not None:
            name, ev_start, sep = before
            titles, title_end = _read_titles(sentence, h_start, any_case=sep != " ")
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
        head = _HEAD_RE.match(sentence, start)
        if not head:
            return None
        stop = _TITLE_END_RE.search(sentence, head.end())
        limit = stop.start() if stop else len(sentence)
        index = bisect_left(runs, (head.end(), head.end()))
        for r_start, r_end in runs[index:]:
            if r_end > limit or _HEAD_RE.match(sentence, r_start):
                break
            words = sentence[r_start:r_end].split()
            cut = _split_place_and_name(words, gaz, before=sentence[start:r_start])
            if cut is None:
                continue
            name_start = r_start + len(" ".join(words[:cut])) + (1 if cut else 0)
            title = _clean(sentence[start:name_start])
            if not title:
                return None
            return " ".join(words[cut:]), [*titles, title], r_end
        if stop is None:
            return None
        # "Bí thư Tỉnh ủy, đồng chí Nguyễn Văn A", "Bí thư Huyện ủy là ông Lê B"
        named = _THEN_HONORIFIC_NAME_RE.match(sentence, limit)
        if named and _is_name(named.group("name").split(), strong=True, gaz=gaz):
            return named.group("name"), [*titles, _clean(sentence[start:limit])], named.end()
        sep = stop.group().strip()
        after = stop.end()
        while after < len(sentence) and sentence[after] == " ":
            after += 1
        if sep in _DASHES or sep in {"kiêm", ","}:
            if _HEAD_RE.match(sentence, after):
                titles.append(_clean(sentence[start:limit]))
                start = after
                continue
            if sep in _DASHES:
                # "Phó Bí thư Thường trực Huyện ủy - Nguyễn Văn Tròn"
                run = _NAME_RUN_RE.match(sentence, after)
                if run and _is_name(run.group().split(), strong=True, gaz=gaz):
                    return run.group(), [*titles, _clean(sentence[start:limit])], run.end()
        return None


# "Bí thư Tỉnh ủy, đồng chí …", "Chính trị viên Đồn Biên phòng Ka Lăng, Thiếu tá …"
_THEN_HONORIFIC_NAME_RE = re.compile(
    rf"\s*(?:[,–—‒-]\s*|\s+là\s+)?(?:[Đđ]ồng chí|[Đđ]/[Cc]|ông|bà|Ông|Bà|{_alternation(_RANKS)})"
    rf"\s+(?P<name>{_SYL}(?:[ ]{_SYL})*)(?![\w'’])"
)


_RANK_AT_RE = re.compile(rf"(?:{_alternation(_RANKS)})(?!\w)")
_RANK_BEFORE_RE = re.compile(rf"(?:{_alternation(_RANKS)})\s*$")


def _rank_before(sentence: str, start: int) -> bool:
    return bool(_RANK_BEFORE_RE.search(sentence, max(0, start - 14), start))


def _ev_start(sentence: str, pos: int) -> int:
    honorific = _HONORIFIC_RE.search(sentence, max(0, pos - 16), pos)
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
