"""Titles as written before or after a person's name: the heads a title starts
with ("Phó Chủ tịch", "Trưởng Ban", "TUV", "PBTTT"), where a title ends (a comma,
a dash, "kiêm", a verb of reporting) and how stacked titles are read one by one.
"""

import re

from archive.extract.names import RANKS, SYL, alternation, starts_with_person
from archive.extract.places import BORDER_GATE, LOWER, SURNAMES, UPPER, trie_pattern

HEADS = (
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
    *RANKS,
)


_HEAD = alternation(HEADS)
# A title head starts a title; "nguyên" (former) or "quyền" (acting) may stand before it.
# Two spelled-out heads joined by a dash are one post: "Phó Chủ tịch - Tổng Thư
# ký", "Phó Chủ tịch-Tổng Thư ký"; after initials ("TUV – Chủ tịch …") the dash
# stacks two titles.
_SPELLED = alternation(h for h in HEADS if not h.replace(" ", "").replace(".", "").isupper())
_INITIALS = alternation(h for h in HEADS if h.replace(" ", "").replace(".", "").isupper())
_HEAD_FORMS = (
    rf"(?:{_SPELLED})(?![{LOWER}])(?:\s*[-–]\s*(?:{_SPELLED})(?![{LOWER}]))?|(?:{_INITIALS})(?![{LOWER}])"
)
HEAD_RE = re.compile(rf"(?:[Nn]guyên\s+|[Qq]uyền\s+)?(?:Phó\s+)?(?:{_HEAD_FORMS})")
_HEAD_ANY_RE = re.compile(rf"(?:nguyên\s+|quyền\s+)?(?:phó\s+)?(?:{_HEAD_FORMS})", re.IGNORECASE)
# Finding heads anywhere, in lower-cased text with a trie-shaped pattern (a
# case-insensitive 100-way alternation is slow); the "phó "/"nguyên " prefixes
# are added in code.
_HEAD_FIND_RE = re.compile(rf"\b(?:{trie_pattern({h.lower() for h in HEADS})})(?![{LOWER}])")


def find_heads(sentence: str) -> list[int]:
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
TITLE_END_RE = re.compile(
    r"\s*(?:[,;:()\[\]\"“”…!?]|(?<!TP)(?<!Tp)(?<!TX)\.(?=\s|$)|$)"
    r"|\s+kiêm\s+"
    r"|\s*[–—‒]\s*|\s+-\s+|\s*-\s+"
    rf"|\s+(?:{_STOP})(?![{LOWER}{UPPER}])"
    # "và" joins two people ("… Tỉnh ủy và Thượng tá Nguyễn Văn Hải"), not two
    # words of a department ("Sở Tài nguyên và Môi trường").
    rf"|\s+và\s+(?=(?:{trie_pattern(set(HEADS))})(?![{LOWER}])|(?:{trie_pattern(SURNAMES)}) [{UPPER}])"
)
# Commas inside department names must not split titles.
_COMMA_NAMES_RE = re.compile(
    r"Văn hóa, Thể thao|Văn hóa, Thông tin|Thể thao, Du lịch|Lao động, Thương binh|Kinh tế, Xã hội"
)

_WS = re.compile(r"\s+")


def clean(text: str) -> str:
    """One space between words, no separators at either end."""
    return _WS.sub(" ", text).strip(" ,;:-–—‒.")


DASHES = frozenset("–—‒-")  # any dash separates a name from its titles


def read_titles(sentence: str, pos: int, *, any_case: bool) -> tuple[list[str], int]:
    """Titles starting at ``pos``: stacked with commas, dashes or "kiêm"."""
    head_re = _HEAD_ANY_RE if any_case else HEAD_RE
    titles: list[str] = []
    end = pos
    while True:
        head = head_re.match(sentence, pos)
        if not head:
            break
        cursor = head.end()
        while True:
            stop = TITLE_END_RE.search(sentence, cursor)
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
                    and not starts_with_person(after)
                ):
                    cursor = stop.end()
                    continue
            break
        place_end = _PLACE_ENDS_TITLE_RE.search(sentence, pos, stop_at)
        if place_end:
            stop_at = place_end.end("place")
            stop = None
        title = clean(sentence[pos:stop_at])
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
    stop = TITLE_END_RE.search(sentence, HEAD_RE.match(sentence, pos).end() if HEAD_RE.match(sentence, pos) else pos)
    return bool(stop and stop.group().strip() in DASHES and starts_with_person(sentence[stop.end():]))


_UNIT_CONTINUES_RE = re.compile(
    rf"\s*(?P<unit>huyện|tỉnh|thành phố|thị xã|quận|TP\.?|xã|phường|thị trấn)\s+{SYL}"
)
# A title that names its unit's place ends with the place: "Trưởng bản Huổi Lếch
# kể…", "Phó Chủ tịch UBND tỉnh Gia Lai nói…", whatever verb follows.
_PLACE_ENDS_TITLE_RE = re.compile(
    r"(?<![\w])(?P<place>(?:tỉnh|huyện|quận|thị xã|thành phố|TP\.?|xã|phường|thị trấn|thôn|bản|ấp|buôn|làng|xóm"
    rf"|khu phố|tổ dân phố|khối|Tỉnh ủy|Huyện ủy|Quận ủy|Thị ủy|Thành ủy|(?>Đồn Biên phòng(?:\s+{BORDER_GATE})?)|Đồn BP)"
    rf"(?:\s+(?:{SYL}(?:[ ]{SYL})*|\d+))?"
    # a unit named with its number: "Hải đoàn 32", "Quân khu 2", "Vùng Cảnh sát biển 3"
    rf"|[{UPPER}][{LOWER}]*(?:[ ][{UPPER}{LOWER}][{LOWER}]*){{0,3}}[ ]\d+)"
    r"(?=\s+(?!(?:tỉnh|huyện|quận|thị xã|thành phố|xã|phường|thị trấn|thôn|bản|ấp|và|kiêm|nhân dân|ủy"
    r"|đội|viên|đoàn|hội|phó|trưởng|quân sự|biên phòng|cán sự|dân|đảng|ban|số)(?![\w]))"
    rf"[{LOWER}])"
)
