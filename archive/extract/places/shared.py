"""Text helpers and vocabulary shared by places, people and organisations."""

from functools import lru_cache
import re

from archive.extract.sentences import split_sentences

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


# A border gate a post is named after: "Đồn Biên phòng Cửa khẩu Quốc tế Cha Lo".
BORDER_GATE = r"[Cc]ửa khẩu(?:\s+(?:[Qq]uốc tế|[Cc]ảng|[Cc]hính|[Pp]hụ|[Ss]ong phương))?"

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
