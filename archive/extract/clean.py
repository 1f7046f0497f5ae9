"""Split a scraped page into its title, clean body, date line, byline and site.

Scraped text keeps the page around the article: skip links, search boxes, trust
badges, share buttons, visitor counters, "related news" lists (sometimes glued
together without spaces), photo captions repeated twice. ``clean_page`` drops
those lines and returns what the extractors should read. Expects text already
passed through ``archive.text.normalize``.
"""

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from archive.extract.dates import is_date_line
from archive.extract.lines import date_words_only, join_broken, split_glued, stamp_in
from archive.text import fold as _full_fold

# archive.text.fold decomposes every character; on text that is already
# normalised (NFC) one table lookup per character gives the same result, several
# times faster. Page cleaning folds every short line, so this matters.
_FOLD_TABLE = {
    code: _full_fold(chr(code))
    for code in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]
    if _full_fold(chr(code)) != chr(code).lower()
}


def fold(text: str) -> str:
    """``archive.text.fold`` for NFC text."""
    return text.lower().translate(_FOLD_TABLE)

_UPPER = "".join(chr(c) for c in range(0x41, 0x1F00) if chr(c).isupper() and chr(c).isalpha())
_LOWER = "".join(chr(c) for c in range(0x61, 0x1F00) if chr(c).islower() and chr(c).isalpha())

_COUNT = r"\s*:?\s*[\d.,]+"
# Whole lines of page furniture, matched on the folded line ("Tìm kiếm" and
# "Tim kiem" alike), without surrounding punctuation.
_NOISE = re.compile(
    r"(?:"
    r"truy cap noi dung luon|bo qua(?: den)? noi dung(?: chinh)?|chuyen (?:den|toi) noi dung(?: chinh)?"
    r"|skip to (?:main )?content|tim kiem(?: nang cao)?|nhap tu khoa.*|search"
    r"|chung nhan tin nhiem mang.*|tin nhiem mang"
    r"|xem phien ban (?:mobile|di dong|desktop|day du|may tinh)|phien ban (?:mobile|di dong)"
    r"|gui cho ban be|gui email|gui bai|in bai(?: viet)?|in trang|ban in|print|chia se(?: bai viet)?.*"
    r"|facebook|zalo|twitter|email|tweet|like|share|rss|top|menu|dong|close"
    r"|phan hoi|gui phan hoi|thong tin nguoi gui phan hoi|y kien ban doc|(?:viet |gui )?binh luan(?: \(?\d+\)?)?"
    # a comment policy: "LƯU Ý: … sẽ biên tập ý kiến của bạn đọc … Vui lòng gõ tiếng Việt có dấu."
    r"|luu y ?:.{0,160}\b(?:y kien|binh luan|ban doc)\b.*|vui long go tieng viet co dau.*"
    r"|\d+ binh luan|ho (?:va )?ten.{0,20}|dia chi email.{0,20}|ma xac nhan|gui|xoa|huy|dong y|nhap lai"
    r"|xem tin theo ngay|chon ngay|xem|xem them|xem tiep|doc tiep|tro ve|quay lai|(?:ve|len) dau trang"
    r"|thong ke truy cap|(?:tong|so)(?: so)?(?: luot)? truy cap(?:{count})?|(?:luot )?truy cap{count}"
    r"|truy cap (?:tong|hien tai|hom nay|trong ngay|trong thang)(?:{count})?"
    r"|hien tai(?:{count})?(?: khach| nguoi)?(?: dang truy cap| dang online)?"
    r"|dang (?:truy cap|online|truc tuyen)(?:{count})?|(?:hom nay|hom qua|trong ngay|tuan nay|thang nay"
    r"|nam nay|tat ca|online|luot xem|so nguoi online){count}|\d[\d.,]* luot xem"
    r"|trang chu|dang nhap|dang ky|lien he|so do (?:trang|site|website)|quay ve|tai ve|tai xuong|moi nhat"
    r"|co chu|(?:a[-+]? ?){2,3}|nghe (?:doc )?bai(?: viet)?.{0,20}|nghe audio|doc bai|\d+:\d+ ?/ ?\d+:\d+|0?0:00"
    r"|binh chon|in|null|undefined|lien ket(?: website| web)?|lien he quang cao.*"
    r"|theo doi .{0,40} tren (?:google news|zalo|facebook|youtube)"
    r"|(?:file )?dinh kem\b.*|tai file.*|(?:link|xem) (?:bai )?(?:goc|nguon)|link bai viet|nguon(?: tin| bai viet| bai)?"
    r"|.{0,200} - anh \d{1,2}"
    r"|(?:e-?mail|fax|website|duong day nong|hotline)\b.*"
    r"|(?:ban quyen|copyright|co quan chu quan|chiu trach nhiem|tong bien tap|giay phep|dia chi|dien thoai"
    r"|tu khoa|tags?)\b.*|© ?.*|\(?gmt ?\+ ?7\)?|anh minh hoa|anh ?:.{0,60}|\(anh ?:.{0,60}\)"
    r")".replace("{count}", _COUNT)
)
# A heading that announces a list of other articles: what follows is not the article.
_RELATED = re.compile(
    r"(?:cac )?tin (?:khac|lien quan|cung chuyen muc|moi(?: nhat)?|noi bat|da dua(?: ngay)?|doc nhieu(?: nhat)?|bai khac)"
    r"|bai (?:viet )?(?:lien quan|khac)|xem nhieu(?: nhat)?|doc nhieu(?: nhat)?|(?:cac )?tin da dua(?: ngay)?"
    r"|(?:cac )?tin ?(?:/|,)? ?bai (?:khac|moi|lien quan|cung chuyen muc)"
    r"|xem them|doc them|co the ban quan tam|tin tuc khac"
)
_FURNITURE_PUNCTUATION = " \t:|•·*»›>-–—.()[]"
_BREADCRUMB = re.compile(r"(?:^|\s)[>»›|](?=\s|$)")  # "Trang chủ > Tin tức", not "<b>…</b>"
# Lone photo captions that say nothing: "Quang cảnh Hội nghị", "Các đại biểu dự hội nghị".
_EMPTY_CAPTION = re.compile(r"^(?:quang canh|toan canh|canh|cac dai bieu|dai bieu|hinh anh|video|clip)\b")
# "…tử vongVĩnh Phúc: Giả làm…": a lower-case letter glued to a capital one.
_GLUE = re.compile(f"[{_LOWER}][{_UPPER}][{_LOWER}]")
_HEADLINE_PREFIX = re.compile(r"^[^.:;]{2,40}:\s")

_DOMAIN = r"(?:www\.)?[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:vn|com|net|org|info|gov|edu)(?:\.vn)?"
_DOMAIN_LINE = re.compile(
    rf"^[(\[]?\s*(?:(?:nguồn|theo)\s*:?\s*)?(?P<domain>{_DOMAIN})\s*[)\]]?\.?$", re.IGNORECASE
)
_SOURCE_LINE = re.compile(r"^[(\[]?\s*(?:nguồn|theo)\s*:?\s*(?P<source>.{2,80}?)\s*[)\]]?\.?$", re.IGNORECASE)
# "(Baonghean.vn) - Sáng 14/8, …", "Laocaitv.vn - Hội nghị …": the site opening the lead.
_LEAD_DOMAIN = re.compile(rf"^(?:[(\[]\s*(?P<domain>{_DOMAIN})\s*[)\]]|(?P<bare>{_DOMAIN}))\s*[-–—:]", re.IGNORECASE)
_DOMAIN_IN_LINE = re.compile(rf"(?<![\w@.]){_DOMAIN}(?![\w.])", re.IGNORECASE)

_SYLLABLE = rf"[{_UPPER}][{_UPPER}{_LOWER}]*"
# "Minh Khánh", or an initial and a name: "N.Thương", "T. Hà".
_NAME = rf"(?:[{_UPPER}]\.\s?{_SYLLABLE}|{_SYLLABLE}(?:\s+{_SYLLABLE}){{1,4}})"
# An affiliation after a dash: "Hồng Vân - Ban Dân vận Huyện ủy".
# "Vũ Hải Đăng – VPHND tỉnh": an office's initials count as a body too.
_BODY = r"(?:Ban|Trung tâm|Phòng|Báo|Đài|Huyện ủy|Tỉnh ủy|Thành ủy|Đảng ủy|UBND|Văn phòng|Hội|Đoàn|Cổng|Công an|TTXVN|VOV|VTV|[A-ZĐ]{3,8}(?=\s+[a-zđ]))"
_BYLINE = re.compile(
    rf"^(?i:(?:tin|bài|ảnh|video|clip|thực hiện|tác giả|phóng viên)"
    rf"(?:\s*(?:,|và|/|-|–|&|\+)\s*(?:tin|bài|ảnh|video|clip))*\s*:\s*)?"
    rf"(?P<names>(?i:(?:nhóm\s+)?(?:PV|CTV|BTV))(?:\s+{_NAME})?|{_NAME}(?:\s*(?:-|–|,|&|\bvà\b)\s*(?!{_BODY}\b){_NAME})*)"
    # "(Trung tâm VHTT-TT huyện)", "- Ban Dân vận Huyện ủy", ", Phòng XDCQ&CTTN": the author's office.
    rf"\s*(?:\((?P<affiliation>[^()]{{1,80}})\)|(?:\s[-–]|,)\s*(?P<body>{_BODY}\b[^()]{{0,60}}))?"
    # "Dạ Yến Ảnh: Thành Trung": the photographer named after the author.
    rf"(?:\s*[-–|,]?\s*(?i:ảnh)\s*:\s*{_NAME})?"
    rf"(?:\s*[-–|]\s*(?i:(?P<domain>{_DOMAIN})))?\s*\.?$"
)
_ABBREVIATED_BYLINES = frozenset({"PV", "CTV", "BTV"})
# Capitalised words that are not parts of a person's name (compared lower-case,
# with diacritics: folding would turn the name "Tín" into "tin").
_NOT_NAME = frozenset(
    "hội nghị ủy ubnd hđnd mttq tỉnh huyện xã phường xem tin chủ đảng nhà nước khác "
    "truy cập mobile ban phiên bản bài viết ngày tháng quyết định chương "
    "trình ký kết sự kiện tổng thống kê khách phụ nữ tịch theo nguồn báo".split()
)
# Phrases that are not names although each word may be one ("Thị", "Trang",
# "Đoàn", "Liên", "Hiện" all are parts of common names).
_NOT_NAME_PHRASES = ("quang cảnh", "chỉ thị", "trang chủ", "đoàn thanh niên", "thanh niên", "liên hệ", "liên quan", "hiện tại")


@dataclass
class Page:
    title: str
    body: str
    date_line: str | None
    author: str | None
    source_domain: str | None


def clean_page(text: str, *, url: str | None = None, title_hint: str | None = None) -> Page:
    lines_with_date = _content_lines(text)
    date_line = next((line for line in lines_with_date if is_date_line(line)), None)
    lines = [line for line in lines_with_date if line != date_line]

    if title_hint and title_hint.strip():
        title = _strip_site_name(re.sub(r"\s+", " ", title_hint).strip())
        start = next((i + 1 for i, line in enumerate(lines) if _same(line, title)), 0)
    else:
        date_at = lines_with_date.index(date_line) if date_line is not None else None
        start = _headline_index(lines, date_at)
        title = _strip_section_label(_strip_site_name(lines[start])) if start is not None else ""
        start = (start or 0) + 1
    body_lines = [line for line in lines[start:] if not _same(line, title) and not _is_stamp(line)]

    author, text_domain, body_lines = _take_byline(body_lines)
    if author is None and body_lines and len(body_lines[0].split()) <= 6:
        # Some sites sign under the headline: "Minh Khánh" before the first paragraph.
        author = _byline_name(body_lines[0])
        if author:
            body_lines = body_lines[1:]
    if text_domain is None and body_lines:
        # "(Baonghean.vn) - Sáng 14/8, …": the site opening the lead.
        lead = _LEAD_DOMAIN.match(body_lines[0])
        text_domain = (lead["domain"] or lead["bare"]).lower().removeprefix("www.") if lead else None
    return Page(
        title=title,
        body="\n".join(join_broken(body_lines)),
        date_line=date_line,
        author=author,
        source_domain=domain_from_url(url) or text_domain,
    )


def domain_from_url(url: str | None) -> str | None:
    if not url or not url.strip():
        return None
    url = url.strip()
    host = urlsplit(url if "://" in url else f"http://{url}").hostname
    return host.lower().removeprefix("www.") if host and "." in host else None


def is_noise(line: str) -> bool:
    if len(line) > 200:  # furniture is short; folding long paragraphs costs time
        return False
    folded = fold(line).strip(_FURNITURE_PUNCTUATION)
    if not folded or _NOISE.fullmatch(folded) or _RELATED.fullmatch(folded):
        return True
    if len(folded) <= 2 and not line.strip(_FURNITURE_PUNCTUATION).isupper():
        return True  # a stray letter or digit left by markup; "PV" is a byline
    # Breadcrumbs and menus: "Trang chủ > Tin tức > Dân vận", "Chính trị | Xã hội | …".
    return len(line) < 150 and len(_BREADCRUMB.findall(line)) >= 2


def is_glued_headlines(line: str) -> bool:
    glued = len(_GLUE.findall(line))
    return glued >= 2 or (glued == 1 and _HEADLINE_PREFIX.match(line) is not None)


def _content_lines(text: str) -> list[str]:
    """Non-empty lines without page furniture, related lists and repeated captions."""
    kept: list[str] = []
    seen: set[str] = set()
    in_related_list = False
    skipped = None  # the last line of a related list
    seen_lead = False
    for line in (part for raw in text.splitlines() for part in split_glued(" ".join(raw.split()))):
        line = _without_furniture_segments(line)
        if not line:
            continue
        line = _labelled_stamp(line) or line
        if is_noise(line):
            in_related_list = in_related_list or (
                len(line) < 60 and _RELATED.fullmatch(fold(line).strip(_FURNITURE_PUNCTUATION)) is not None
            )
            continue
        head_ends = in_related_list and not seen_lead and (is_date_line(line) or _is_lead(line))
        if in_related_list and _looks_like_headline_link(line) and not head_ends:
            skipped = line
            continue
        if head_ends and skipped is not None and _repeat_key(skipped) not in seen:
            # A "Tin mới" list in the page head ends where the article starts: its
            # last line was the headline, over the date line or the lead.
            seen.add(_repeat_key(skipped))
            kept.append(skipped)
        in_related_list, skipped = False, None
        seen_lead = seen_lead or _is_lead(line)
        if is_glued_headlines(line) or _is_empty_caption(line):
            continue
        key = _repeat_key(line)
        if key in seen:  # a photo caption printed twice, a title repeated
            continue
        seen.add(key)
        kept.append(line)
    return kept


def _repeat_key(line: str) -> str:
    """Two printings of a caption compare alike whatever their dashes and spaces."""
    return re.sub(r"\s*[-–—]\s*", "-", fold(line)).strip(" .")


def _without_furniture_segments(line: str) -> str:
    """A short line cut by "|" is a header, a menu or a breadcrumb: keep the date
    if it holds one ("Thứ Ba, 19/8/2025 | Đăng nhập"), drop it if what is left
    is short labels ("Tin tức | Chính trị"), else keep it without furniture
    ("Headline | Báo Gia Lai": the site name goes with the title)."""
    if "|" not in line or len(line) > 150:
        return line
    segments = [part.strip() for part in line.split("|") if part.strip()]
    kept = [part for part in segments if not is_noise(part)]
    if not any(is_date_line(part) for part in kept) and len(kept) >= 2 and all(len(part.split()) <= 4 for part in kept):
        return ""
    return " | ".join(kept)


def _labelled_stamp(line: str) -> str | None:
    """The stamp of a line that holds one among section labels, site tags and
    site names ("Chính trị 15/04/2023 09:20 (PYO)", "Thời sự | 09:20 15/04/2023 |
    Báo Phú Yên"); None for any other line."""
    if len(line) > 120 or is_date_line(line):
        return None
    stamp = stamp_in(line)
    if stamp is None:
        return None
    rest = f"{line[: stamp.start()]} | {line[stamp.end():]}"
    pieces = [piece.strip(" |-–—()[],.") for piece in re.split(r"\s*\|\s*|\s+[-–—]\s+", rest)]
    pieces = [piece for piece in pieces if piece]
    if pieces and all(_is_label(piece) for piece in pieces):
        return stamp.group()
    return None


def _is_label(piece: str) -> bool:
    folded = fold(piece)
    if _MENU.fullmatch(folded) or date_words_only(piece) or _DOMAIN_LINE.match(piece):
        return True
    if re.fullmatch(r"[A-ZĐ0-9]{2,8}", piece):  # a site's tag: "PYO", "QNO", "VOV5"
        return True
    head = _MASTHEAD.match(folded)
    return head is not None and len(piece.split()) <= 8 and _only_names(piece[head.end():])


def _looks_like_headline_link(line: str) -> bool:
    return len(line) <= 200 and not line.rstrip().endswith((".", "…", "...")) or is_date_line(line)


def _is_empty_caption(line: str) -> bool:
    return (
        len(line) < 100
        and len(line.split()) <= 10
        and not line.endswith((".", ":"))
        and _EMPTY_CAPTION.match(fold(line)) is not None
    )


def _headline_index(lines: list[str], date_at: int | None) -> int | None:
    """Where the headline is among ``lines`` (the date line taken out; it stood
    before index ``date_at``), picked as a reader does.

    Only the page head counts: the lines before the lead, the first paragraph.
    Mastheads, menus, breadcrumbs and section labels there are skipped; of the
    lines left, one next to the date line or repeated as the page's
    "Headline - Site" title wins, then one that tells an event, then the first.
    """
    if not lines:
        return None
    # The line right over the date line is the headline, even when it ends
    # with a full stop as a lead does.
    lead = next(
        (i for i, line in enumerate(lines) if _is_lead(line) and not (i == (date_at or 0) - 1 and len(line.split()) < 30)),
        len(lines),
    )
    head = [i for i in range(lead) if _is_headline(lines[i])]
    if not head:
        head = [i for i in range(len(lines)) if _is_headline(lines[i])]
    if not head:
        return next((i for i, line in enumerate(lines) if not _is_page_head(line)), 0)
    # The page's <title>, "Headline - Site", printed in the page too.
    titled = {fold(line).split(sep)[0] for line in lines[:lead] for sep in (" - ", " | ", " – ") if sep in line}

    def score(i: int) -> int:
        line = lines[i]
        folded = fold(line)
        points = 0
        if date_at is not None and i in (date_at - 1, date_at):
            points += 2
        if folded in titled or fold(_strip_site_name(line)) != folded:
            points += 2
        if _HEADLINE_PREFIX.match(line) or _EVENT.search(folded):
            points += 1
        if _SLOGAN.match(folded):
            points -= 3
        return points

    return max(head, key=lambda i: (score(i), -i))


# The first paragraph: a sentence that ends, or a long run of words.
def _is_lead(line: str) -> bool:
    words = len(line.split())
    return words >= 40 or (words >= 12 and line.rstrip(" \"”'»)").endswith((".", "…", "!", "?")))


# What a news headline tells: something done ("ký kết", "sơ kết", "kiểm tra").
_EVENT = re.compile(
    r"\b(?:ky ket|so ket|tong ket|hoi nghi|trien khai|kiem tra|giam sat|phoi hop|to chuc|lam viec|tham"
    r"|trao|tang|khen thuong|bieu duong|ra mat|gap mat|doi thoai|tiep xuc|hop|tap huan|hien|giup|ho tro"
    r"|xay dung|thuc hien|nang cao|day manh|tang cuong|phat dong|khoi cong|ban giao|khanh thanh|dan van kheo)\b"
)
# Banners and slogans that head a portal ("Nhiệt liệt chào mừng Đại hội …").
_SLOGAN = re.compile(r"(?:nhiet liet )?chao mung\b|mung dang\b|song, chien dau\b")
# A masthead: the site's or its owner's name ("Cổng thông tin điện tử huyện Mai
# Châu", "Báo Hà Tĩnh điện tử", "Báo điện tử Đảng Cộng sản Việt Nam", "Đảng bộ
# thành phố Đà Nẵng"); matched on the folded line, which must tell no event.
_MASTHEAD = re.compile(
    r"(?:cong thong tin|trang thong tin|trang tin|ban tin|bao|tap chi|dai phat thanh|website|portal"
    r"|dang bo|dang uy|uy ban nhan dan|ubnd|hoi dong nhan dan|huyen uy|tinh uy|thanh uy|quan uy|thi uy"
    r"|ban dan van|ban tuyen giao|mat tran to quoc|so|chinh phu|trung tam)\b"
)
# Section labels of Vietnamese portals, run together in a menu or a breadcrumb
# ("Trang chủ / Tin tức - Sự kiện / Dân vận", "Thời sự Chính trị Xây dựng Đảng").
_SECTION_LABELS = (
    "trang chu|gioi thieu|tin tuc|su kien|tin tuc su kien|thong bao|van ban|van ban chi dao|van ban phap luat"
    "|lien he|thoi su|chinh tri|xay dung dang|kinh te|van hoa|xa hoi|giao duc|y te|the thao|phap luat"
    "|quoc phong|an ninh|quoc phong an ninh|dan van|dan van kheo|cong tac dan van|tin huyen|tin tinh|tin xa"
    "|tin dia phuong|tin trong tinh|tin trong nuoc|hoat dong|tin hoat dong|hoat dong cua huyen|the gioi"
    "|du lich|nong nghiep|nong thon moi|multimedia|media|video|anh|phong su|ban doc|doi song|chuyen de"
    "|chuyen muc|mat tran|doan the|tuyen truyen|cai cach hanh chinh|dich vu cong|hoi dap|lich cong tac"
    "|to chuc bo may|he thong chinh tri|dang bo|chinh quyen|so ban nganh|dia phuong|tin noi bat|tin moi"
    "|tieu diem|ban tin|e-?magazine|podcast|infographics?|ho so|lich su|tong quan|co cau to chuc|sach"
)
_MENU = re.compile(rf"(?:(?:{_SECTION_LABELS})(?:\s*[/>»›|,\-–—]\s*|\s+|$))+")


def _is_page_head(line: str) -> bool:
    """A masthead, slogan, menu, breadcrumb or section label, not a headline."""
    folded = fold(line).strip(_FURNITURE_PUNCTUATION)
    if _MENU.fullmatch(folded) or folded.startswith("trang chu") or len(re.findall(r"\s/\s", line)) >= 2:
        return True
    letters = [c for c in line if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and not _HEADLINE_PREFIX.match(line) and not _EVENT.search(folded):
        return True  # "ĐẢNG BỘ XÃ QUÀI TỞ", "BÁO ĐIỆN TỬ …": a masthead in capitals (a headline tells an event)
    if (head := _MASTHEAD.match(folded)) and len(line.split()) <= 14 and _only_names(line[head.end():]):
        return True
    return _SLOGAN.match(folded) is not None and ":" not in line


# Lower-case words an institution's name may hold after its head word.
_NAME_WORDS = frozenset(
    "dien tu thong tin tinh huyen xa phuong quan thi tran thanh pho uy ban nhan dan san cua va "
    "dan van tuyen giao bo viet nam".split()
)


def _only_names(rest: str) -> bool:
    """True when ``rest`` is a place or body name: capitalised words and unit words."""
    return all(word[0].isupper() or fold(word) in _NAME_WORDS for word in re.findall(r"\w+", rest))


def _is_headline(line: str) -> bool:
    return (
        len(line.split()) >= 5
        and sum(c.isdigit() for c in line) * 4 < len(line)  # not a phone or counter line
        and not _BYLINE.match(line)
        and not _DOMAIN_LINE.match(line)
        and not line.endswith(":")
        and not _is_page_head(line)
    )


def _strip_site_name(title: str) -> str:
    """'… giai đoạn 2022-2026 - Báo Vĩnh Phúc' → '… giai đoạn 2022-2026'."""
    return re.sub(
        r"\s+[|–—-]\s+(?:báo|cổng thông tin|trang thông tin|tạp chí|đài phát thanh)\b[^|–—-]{0,60}$",
        "",
        title,
        flags=re.IGNORECASE,
    ).strip()


def _strip_section_label(title: str) -> str:
    """'Chính trị Đà Nẵng tuyên dương …' → 'Đà Nẵng tuyên dương …': a portal's
    section label glued before the headline (up to four words, "Chính trị - Xã
    hội" too, followed by a capitalised word and a headline's worth of words)."""
    words = title.split()
    for cut in range(min(6, len(words) - _HEADLINE_MIN_WORDS), 0, -1):
        label = [word for word in words[:cut] if word not in {"-", "–", "—", "|", "/"}]
        if len(label) <= 4 and words[cut][:1].isupper() and _MENU.fullmatch(fold(" ".join(words[:cut]))):
            return " ".join(words[cut:])
    return title


_HEADLINE_MIN_WORDS = 5


def _is_stamp(line: str) -> bool:
    """A date line with a time ("14:20 12/03/2024", "Cập nhật: 08:57 07/10/2015"):
    a second stamp in the body is furniture, never a sentence."""
    return len(line) <= 80 and re.search(r"\d{1,2}:\d{2}", line) is not None and is_date_line(line)


def _same(line: str, title: str) -> bool:
    return abs(len(line) - len(title)) <= 3 and fold(line).strip(" .") == fold(title).strip(" .")


def _take_byline(lines: list[str]) -> tuple[str | None, str | None, list[str]]:
    """Author and site named at the end of the article, and the lines before them."""
    author = domain = None
    lines = list(lines)
    for _ in range(3):  # "Xuân Huy - Thành Chung" / "thainguyen.gov.vn", in either order
        if not lines:
            break
        last = lines[-1]
        if match := _DOMAIN_LINE.match(last):
            domain = domain or match["domain"].lower().removeprefix("www.")
        elif author is None and (name := _byline_name(last)):
            author = name
            found = _BYLINE.match(last)["domain"]
            domain = domain or (found.lower().removeprefix("www.") if found else None)
        elif _SOURCE_LINE.match(last) and len(last.split()) <= 12:
            found = _DOMAIN_IN_LINE.search(last)
            domain = domain or (found[0].lower().removeprefix("www.") if found else None)
        else:
            break
        lines.pop()
    return author, domain, lines


def _byline_name(line: str) -> str | None:
    """'Tin, ảnh: TUYẾT NGA' → 'Tuyết Nga'; None when the line is not a byline."""
    if len(line) > 120:
        return None
    match = _BYLINE.match(line)
    if not match:
        return None
    names = match["names"]
    words = [word.lower() for word in re.findall(r"[^\s,&–-]+", names) if word != "và"]
    phrase = " ".join(words)
    if any(word in _NOT_NAME for word in words) or any(bad in phrase for bad in _NOT_NAME_PHRASES):
        return None
    if names.isupper():  # "TUYẾT NGA" is written "Tuyết Nga", "C.SƠN" "C.Sơn"
        names = " ".join(
            word if word in _ABBREVIATED_BYLINES else ".".join(part.capitalize() for part in word.split("."))
            for word in names.split()
        )
    return " ".join(names.split())
