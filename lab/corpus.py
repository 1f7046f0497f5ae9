"""A synthetic corpus of "dân vận" news articles, for scale tests only.

Plain Python, no Django. ``generate(n, seed)`` yields ``n`` articles in the
importer's input form (a URL and the scraped text); the same (n, seed) always
gives the same articles, byte for byte, however many processes write them.

What the articles are made of (see /work/shared/DOMAIN.md for the real thing):
- a real unit of the gazetteer (fixtures/localities.json) at province, district
  or commune level, in the era of the article's date (no districts after
  1 July 2025); units are picked with a long tail: a few appear in thousands of
  articles, most in a handful;
- invented officials (Kinh and ethnic-minority names) tied to a unit, a term of
  five years and a rank, so the same person recurs with the same titles,
  stacked ("UVTV Huyện ủy, Trưởng Ban Dân vận Huyện ủy") and written in the
  ways articles write them; low ranks are frequent, high ones rare;
- organisations with and without abbreviations (UBND / Ủy ban nhân dân), an
  agreement signed, reviewed, both, or an annual plan, with a period written
  in one of the sloppy ways, cited documents;
- date lines in the formats scraped pages use, or none (the body then dates
  the meeting); bylines, source domains, page noise (skip links, trust badges,
  related headlines glued together, repeated photo captions, footers, no-break
  spaces);
- 250-900 words of body recombined from a pool of sentences.

Speed matters (a million articles): sentences of the shared pool are built
once per seed, and an article only picks from it and fills a few templates.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import os
import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

ARTICLES_PER_FEED = 10_000
GAZETTEER = Path(__file__).resolve().parent.parent / "fixtures" / "localities.json"
REFORM = date(2025, 7, 1)
FIRST_YEAR, LAST_YEAR = 2005, 2026
NBSP = "\u00a0"


@dataclass
class SyntheticArticle:
    url: str
    text: str
    # What was planted, for tests: officials' names, the unit, the date, the agreement.
    meta: dict = field(default_factory=dict)


# --- Vocabulary ----------------------------------------------------------------

SURNAMES = (
    ["Nguyễn"] * 30 + ["Trần"] * 11 + ["Lê"] * 9 + ["Phạm"] * 7 + ["Hoàng"] * 5 + ["Huỳnh"] * 4
    + ["Phan"] * 4 + ["Vũ"] * 4 + ["Võ"] * 3 + ["Đặng"] * 2 + ["Bùi"] * 2 + ["Đỗ"] * 2 + ["Hồ"] * 2
    + "Ngô Dương Lý Đoàn Trịnh Đinh Lương Mai Cao Hà Lâm Trương Tạ Tô Châu Quách Lưu Thái Tăng Triệu "
      "Vương Kiều Mạc Đàm Đào Giang Hứa Nghiêm Phùng Thân Tôn Vi Chu Doãn Lại Ninh Tống Khuất Lữ Lò".split()
)
MIDDLE_MALE = "Văn Văn Văn Đức Minh Hữu Quang Xuân Thanh Công Ngọc Thế Đình Trọng Quốc Hồng Anh Tiến Bá Duy Viết".split()
MIDDLE_FEMALE = "Thị Thị Thị Thị Thu Thanh Ngọc Kim Minh Hồng Thúy Mai Diệu Bích Phương".split()
SECOND_MIDDLES = "Đức Minh Hữu Quang Xuân Thanh Ngọc Kim Hồng Diệu Nguyễn Thành".split()
GIVEN_MALE = (
    "Hùng Dũng Tuấn Thắng Thành Trung Hải Long Minh Quang Sơn Nam Bình Phong Tùng Cường Đức Hiếu "
    "Hòa Khánh Lâm Lộc Phúc Quý Tài Thái Thịnh Toàn Tiến Vinh Việt Tâm Hưng Huy Khải Kiên Nghĩa "
    "Phương Quyết Sang Thuận Tín Trí Tú Tường Vũ Anh Bảo Chiến Công Định Giang Hậu Hiển Hoàng Khoa "
    "Lợi Mạnh Nhân Quân Sáng Thạch Thiện Toản Trường Vương Xuân Côi Tám Đông Hoan"
).split()
GIVEN_FEMALE = (
    "Lan Hoa Hương Mai Hà Huyền Hằng Nga Ngọc Oanh Phượng Thảo Trang Tuyết Vân Xuân Yến Linh "
    "Loan Nhung Quyên Thủy Thanh Thư Trinh Uyên Ánh Bình Dung Giang Hạnh Hiền Hồng Liên Minh Nhàn "
    "Phương Quỳnh Tâm Thắm Thoa Trâm Vy Duyên Hậu Lý Mơ"
).split()
# Ethnic-minority names: a prefix and one or two syllables.
HIGHLAND_PREFIXES = ["Ksor", "Rơ Mah", "Siu", "Nay", "Rah Lan", "Y", "Kpă", "Đinh", "A", "Puih", "Niê"]
HIGHLAND_SYLLABLES = "Hnim Thuấn Ngọc Blăk Phúc Hoan Dếch Hiu Lơi Tuyên Kông Jun Trong Biu Hlơn Pớt Nhiên Thông H'Lim".split()
NORTHERN_PREFIXES = ["Lò Văn", "Giàng Seo", "Vàng Thị", "Sùng A", "Hầu A", "Mùa A", "Thào A", "Lầu Mí", "Quàng Văn", "Cầm Thị", "Lường Văn", "Tòng Văn"]
NORTHERN_SYLLABLES = "Piến Vần Dua Lềnh Chà Páo Sính Dơ Súa Inh Xuân Chư Lử Sếnh Pó Chỉnh Dình Khai".split()
# Provinces (pre-2025 codes) where ethnic-minority officials are common.
HIGHLANDS = {"62", "64", "66", "67", "68"}
NORTHERN_UPLANDS = {"02", "04", "06", "08", "10", "11", "12", "14", "15", "17", "20"}

WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"]
DASHES = [" – ", " - ", "- ", " -", " — ", " – "]

# Generic body sentences are recombined from these clauses.
SUBJECTS = [
    "Công tác dân vận", "Thời gian qua, công tác phối hợp", "Các cơ quan, đơn vị", "Hệ thống chính trị các cấp",
    "Cấp ủy, chính quyền các cấp", "Đội ngũ cán bộ, công chức, viên chức", "Mặt trận Tổ quốc và các đoàn thể",
    "Các chi bộ, tổ chức đảng", "Ban Thường vụ", "Lực lượng vũ trang", "Các tổ chức chính trị - xã hội",
    "Chính quyền cơ sở", "Các địa phương trên địa bàn", "Đoàn viên, hội viên", "Người có uy tín trong đồng bào",
    "Các xã, thị trấn", "Cán bộ dân vận cơ sở", "Các phòng, ban chuyên môn", "Tổ dân vận thôn, bản",
]
PREDICATES = [
    "đã bám sát nội dung chương trình phối hợp để tổ chức thực hiện", "từng bước được tăng cường và đổi mới",
    "đã chủ động tham mưu triển khai thực hiện nhịp nhàng", "tiếp tục được quan tâm lãnh đạo, chỉ đạo",
    "đã phát huy được sức mạnh tổng hợp", "đã tích cực tuyên truyền, vận động Nhân dân",
    "thực hiện tốt quy chế dân chủ ở cơ sở", "tham gia tích cực các phong trào thi đua yêu nước",
    "đã giải quyết kịp thời những vấn đề bức xúc", "luôn đặt dưới sự lãnh đạo, chỉ đạo trực tiếp của cấp ủy",
    "đã nắm chắc tình hình tư tưởng trong Nhân dân", "được củng cố, kiện toàn",
    "đã phối hợp chặt chẽ trong việc tiếp dân, đối thoại", "đạt được nhiều kết quả quan trọng",
    "thường xuyên đi cơ sở, gần dân, sát dân", "đã cụ thể hóa các chủ trương, chính sách",
]
COMPLEMENTS = [
    "góp phần giữ vững an ninh chính trị, trật tự an toàn xã hội", "tạo sự đồng thuận trong Nhân dân",
    "củng cố niềm tin của Nhân dân vào sự lãnh đạo của Đảng", "thúc đẩy phát triển kinh tế - xã hội của địa phương",
    "xây dựng nông thôn mới, đô thị văn minh", "nâng cao hiệu lực, hiệu quả quản lý nhà nước",
    "tăng cường khối đại đoàn kết toàn dân tộc", "thực hiện thắng lợi nghị quyết đại hội Đảng bộ các cấp",
    "đẩy mạnh cải cách hành chính", "giải phóng mặt bằng các dự án trọng điểm",
    "giảm nghèo bền vững trong vùng đồng bào dân tộc thiểu số", "giữ vững chủ quyền an ninh biên giới",
    "xóa bỏ tập tục lạc hậu trong việc cưới, việc tang", "phòng, chống tệ nạn ma túy",
    "chuyển đổi cơ cấu cây trồng, vật nuôi", "bảo vệ môi trường, ứng phó biến đổi khí hậu",
    "chuyển đổi số trong công tác dân vận", "phát huy quyền làm chủ của Nhân dân",
]
MANNERS = [
    "", "", "", " theo phương châm \"dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, dân thụ hưởng\"",
    " với tinh thần \"trọng dân, gần dân, hiểu dân, học dân và có trách nhiệm với dân\"",
    ", nhất là ở các địa bàn vùng sâu, vùng xa", ", đặc biệt trong mùa mưa bão", " một cách thiết thực, hiệu quả",
    ", trong đó có phong trào thi đua \"Dân vận khéo\"", " trên các lĩnh vực kinh tế, văn hóa, xã hội",
]
STANDALONE = [
    "Nhiều mô hình, cách làm hay trên các lĩnh vực đã được nhân rộng, có sức lan tỏa lớn.",
    "Công tác tuyên truyền cho cán bộ, đảng viên và các tầng lớp nhân dân được thực hiện thường xuyên.",
    "Việc giải quyết đơn thư khiếu nại, tố cáo, tiếp dân, đối thoại được quan tâm chỉ đạo.",
    "Các thủ tục hành chính được thực hiện đơn giản hóa, tạo điều kiện thuận lợi cho tổ chức và công dân.",
    "Tuy nhiên, công tác phối hợp ở một số nơi còn hình thức, chưa thường xuyên.",
    "Các đại biểu đã tập trung thảo luận làm rõ những kết quả đạt được và những tồn tại, hạn chế.",
    "Hội nghị cũng đã chỉ ra một số hạn chế cần khắc phục trong thời gian tới.",
    "Nhiều hộ đồng bào đã thoát nghèo nhờ trồng thảo quả, chè, quế dưới tán rừng.",
    "Mô hình \"Phụ nữ giữ gìn nghề dệt thổ cẩm\" được công nhận là mô hình \"Dân vận khéo\".",
    "Nhân dân đã hiến hàng nghìn mét vuông đất để làm đường giao thông nông thôn.",
    "Lực lượng Biên phòng đã cử cán bộ tăng cường về các làng, giúp dân hàng nghìn ngày công.",
    "Hệ thống thông tin một cửa điện tử đã được mở rộng đến các đơn vị cấp xã.",
]
RARE_WORDS = (
    "sâm Ngọc Linh, cà phê Robusta, hồ tiêu, sầu riêng, mắc ca, chanh leo, bò sinh sản, cá lồng, tôm thẻ, "
    "lúa ST25, nhãn lồng, vải thiều, cam sành, bưởi da xanh, nấm linh chi, rau an toàn, dược liệu, "
    "thanh long, dưa hấu, mía đường, cao su, keo lai, quế hữu cơ, hoa ban, chè Shan tuyết, lợn đen bản địa"
).split(", ")
CAPTIONS = [
    "Quang cảnh Hội nghị", "Các đại biểu dự hội nghị", "Lãnh đạo hai cơ quan ký kết chương trình phối hợp",
    "Đồng chí Trưởng Ban Dân vận phát biểu tại hội nghị", "Trao giấy khen cho các tập thể, cá nhân tiêu biểu",
]
HEADLINES = [
    "Tường nhà bỗng nhiên sập xuống khiến 3 người tử vong", "Giả làm người buôn mận để bán ma túy",
    "Gần 150 học sinh tham gia giải bơi", "Bắt giữ đối tượng vận chuyển gỗ lậu", "Du khách đổ về ngắm mùa lúa nước",
    "Khánh thành cầu dân sinh", "Hơn 300 đoàn viên ra quân tình nguyện", "Mưa lớn gây sạt lở",
    "Thông quan hơn 1.200 phương tiện trong tuần lễ vàng", "Chỉnh trang đô thị đón Tết",
]
HEADER_NOISE = [
    ["Tìm kiếm"], ["Truy cập nội dung luôn"], ["Tìm kiếm", "", "Chung nhan Tin Nhiem Mang"],
    ["Chuyển đến nội dung", "Tìm kiếm"],
]
FOOTER_NOISE = [
    ["Xem phiên bản mobile"], ["Tin Khác", "Xem tin theo ngày  "],
    ["Gửi cho bạn bè", "", "Phản hồi", "", "Thông tin người gửi phản hồi", "", "Xem nhiều nhất"],
    ["Thống kê truy cập", "Tổng truy cập {n1}", "Hiện tại {n2} khách"], ["Tin cùng chuyên mục"],
]
AUTHORS = "Minh Khánh|Thanh Hà|Văn Bốn|Xuân Huy - Thành Chung|Hồ Nguyên|Đức Thụy|Lò Thị Hoa|Giàng Thị Mỷ|Ngọc Ánh|Hoài Thu|Trung Kiên|Phương Liên".split("|")
DOCUMENTS = [
    ("Quyết định", "290-QĐ/TW", date(2010, 2, 25)), ("Quyết định", "23-QĐ/TW", date(2021, 7, 30)),
    ("Chỉ thị", "33/CT-TTg", date(2021, 11, 26)), ("Nghị quyết", "25-NQ/TW", date(2013, 6, 3)),
    ("Chỉ thị", "16-CT/TW", date(2017, 10, 20)), ("Kết luận", "114-KL/TW", date(2015, 7, 14)),
    ("Chỉ thị", "49-CT/TW", date(2015, 10, 20)), ("Nghị quyết", "43-NQ/TW", date(2023, 11, 24)),
]
PARTNERS = [
    "UBND {u}", "Ủy ban nhân dân {u}", "Ban cán sự đảng UBND {u}", "Ủy ban MTTQ Việt Nam {u}", "Công an {u}",
    "Ban Chỉ huy Quân sự {u}", "Hội Nông dân {u}", "Hội Liên hiệp Phụ nữ {u}", "Hội Cựu chiến binh {u}",
    "Liên đoàn Lao động {u}", "Tòa án nhân dân {u}", "Viện Kiểm sát nhân dân {u}", "UBMTTQVN {u}",
]
PERIOD_FORMATS = ["{}-{}", "{} - {}", "{}–{}", "{} – {}", "{}-{}"]
ATTENDED = ["Dự hội nghị có", "Tham dự hội nghị có", "Dự và chỉ đạo hội nghị có"]
MEETING_TIMES = ["Sáng", "Chiều", "Sáng ngày", "Chiều ngày", "Ngày", "Sáng nay", "Chiều nay"]


# --- Places ---------------------------------------------------------------------


@dataclass(frozen=True)
class Unit:
    era: str
    level: str
    code: str
    name: str
    unit_type: str
    province: "Unit | None"  # None for a province
    district: "Unit | None" = None  # a pre-2025 commune's district

    @property
    def display(self) -> str:
        return f"{self.unit_type} {self.name}"

    @property
    def party_committee(self) -> str:
        """"Huyện ủy", "Tỉnh ủy", "Đảng ủy xã"… as articles name it."""
        if self.level == "commune":
            return f"Đảng ủy {self.unit_type}"
        return {"tỉnh": "Tỉnh ủy", "thành phố": "Thành ủy", "huyện": "Huyện ủy", "quận": "Quận ủy",
                "thị xã": "Thị ủy"}.get(self.unit_type, "Huyện ủy")

    @property
    def top(self) -> "Unit":
        return self.province or self


@dataclass
class Gazetteer:
    provinces: dict[str, list[Unit]]  # era -> units in a fixed shuffled order (the long tail)
    districts: list[Unit]
    communes: dict[str, list[Unit]]
    border_communes: list[Unit]  # names for border guard posts ("Đồn Biên phòng Phong Hải")


@lru_cache(maxsize=4)
def _gazetteer(seed: int) -> Gazetteer:
    with open(GAZETTEER, encoding="utf-8") as file:
        rows = json.load(file)["units"]
    by_key: dict[tuple[str, str, str], Unit] = {}
    for level in ("province", "district", "commune"):
        for row in rows:
            if row["level"] != level or row["name"].isdigit():
                continue  # "Quận 3": numbered units read badly in recombined text
            era = row["era"]
            province = by_key.get((era, "province", row["province"])) if level != "province" else None
            if level != "province" and province is None:
                continue
            district = by_key.get((era, "district", row["parent"])) if level == "commune" and era == "pre2025" else None
            if level == "commune" and era == "pre2025" and district is None:
                continue
            by_key[(era, level, row["code"])] = Unit(era, level, row["code"], row["name"], row["unit_type"], province, district)
    rng = random.Random(seed * 7919 + 1)

    def shuffled(units):
        units = sorted(units, key=lambda u: (u.era, u.level, u.code))
        rng.shuffle(units)
        return units

    units = list(by_key.values())
    return Gazetteer(
        provinces={era: shuffled(u for u in units if u.era == era and u.level == "province") for era in ("pre2025", "post2025")},
        districts=shuffled(u for u in units if u.level == "district"),
        communes={era: shuffled(u for u in units if u.era == era and u.level == "commune") for era in ("pre2025", "post2025")},
        border_communes=shuffled(u for u in units if u.level == "commune" and u.era == "pre2025")[:400],
    )


def _long_tail(rng: random.Random, n: int, s: float = 0.85) -> int:
    """An index in [0, n): P(i) ~ 1/(i+1)^s (a Zipf-like long tail)."""
    a = 1.0 - s
    top = (n + 1) ** a - 1.0
    return min(n - 1, int((1.0 + rng.random() * top) ** (1.0 / a)) - 1)


# --- Officials ------------------------------------------------------------------

# Ranks of a unit's officials, most often written first. Each holds a stack of
# titles ({pc}: the party committee, "Huyện ủy"; {u}: the unit word, "huyện").
RANKS = [
    ["Trưởng Ban Dân vận {pc}", "UVTV {pc}, Trưởng Ban Dân vận {pc}", "Ủy viên Ban Thường vụ {pc}, Trưởng Ban Dân vận {pc}"],
    ["Phó Bí thư Thường trực {pc}", "Phó Bí thư Thường trực {pc}, Chủ tịch HĐND {u}"],
    ["Chủ tịch UBND {u}", "Phó Bí thư {pc}, Chủ tịch UBND {u}", "Phó Bí thư {pc}, Chủ tịch Ủy ban nhân dân {u}"],
    ["Bí thư {pc}", "Bí thư {pc}, Chủ tịch HĐND {u}"],
    ["Phó Chủ tịch UBND {u}", "UVTV {pc}, Phó Chủ tịch UBND {u}"],
    ["Chủ tịch Ủy ban MTTQ Việt Nam {u}", "UVTV {pc}, Chủ tịch Ủy ban MTTQ Việt Nam {u}"],
    ["Phó Trưởng Ban Dân vận {pc}", "Phó Trưởng Ban Thường trực Ban Dân vận {pc}"],
    ["Chủ tịch Hội Nông dân {u}"], ["Chủ tịch Hội Liên hiệp Phụ nữ {u}"], ["Chủ tịch Hội Cựu chiến binh {u}"],
    ["Trưởng Công an {u}"], ["Chỉ huy trưởng Ban Chỉ huy Quân sự {u}"], ["Chủ tịch Liên đoàn Lao động {u}"],
    ["Phó Chủ tịch HĐND {u}"], ["Trưởng Phòng Nội vụ {u}"], ["Chánh Văn phòng {pc}"],
]
RANKS_PER_TERM = 40  # ranks past len(RANKS) reuse the lower titles: more people, rarer


@dataclass(frozen=True)
class Person:
    name: str
    titles: str  # stacked, comma-separated
    female: bool


def _person(seed: int, unit: Unit, term: int, rank: int) -> Person:
    """The official of `unit` holding `rank` in `term`: a pure function of its
    arguments (a hash, not a random stream), so every process agrees."""
    key = repr((seed, unit.era, unit.level, unit.code, term, rank)).encode("utf-8")
    bits = int.from_bytes(hashlib.blake2b(key, digest_size=16).digest(), "little")

    def pick(seq):
        nonlocal bits
        bits, index = divmod(bits, len(seq))
        return seq[index]

    province_code = unit.top.code if unit.era == "pre2025" else ""
    female = pick(range(10)) < 3
    ethnic = pick(range(100)) < (45 if province_code in HIGHLANDS or province_code in NORTHERN_UPLANDS else 2)
    if ethnic and province_code in HIGHLANDS:
        name = f"{pick(HIGHLAND_PREFIXES)} {pick(HIGHLAND_SYLLABLES)}"
    elif ethnic:
        name = f"{pick(NORTHERN_PREFIXES)} {pick(NORTHERN_SYLLABLES)}"
    else:
        middle = pick(MIDDLE_FEMALE if female else MIDDLE_MALE)
        if pick(range(100)) < 15:
            middle += " " + pick(SECOND_MIDDLES)
        name = f"{pick(SURNAMES)} {middle} {pick(GIVEN_FEMALE if female else GIVEN_MALE)}"
    titles = pick(RANKS[rank % len(RANKS)]).format(pc=unit.party_committee, u=unit.unit_type)
    return Person(name, titles, female)


# --- Sentence pool ----------------------------------------------------------------


@lru_cache(maxsize=4)
def _paragraph_pool(seed: int) -> tuple[list[str], list[int]]:
    """Generic body paragraphs (2-5 recombined sentences) and their word
    counts, built once per seed: an article then only picks a few."""
    rng = random.Random(seed * 104729 + 3)
    sentences = []
    for _ in range(6000):
        if rng.random() < 0.12:
            sentence = rng.choice(STANDALONE)
        else:
            sentence = f"{rng.choice(SUBJECTS)} {rng.choice(PREDICATES)}{rng.choice(MANNERS)}, {rng.choice(COMPLEMENTS)}"
            if rng.random() < 0.5:
                sentence += f"; {rng.choice(COMPLEMENTS)}"
            if rng.random() < 0.08:
                sentence += f", phát triển các mô hình {rng.choice(RARE_WORDS)}"
            sentence += "."
        sentences.append(sentence)
    paragraphs = [" ".join(rng.choice(sentences) for _ in range(rng.randint(2, 5))) for _ in range(8000)]
    return paragraphs, [p.count(" ") + 1 for p in paragraphs]


# --- One article -----------------------------------------------------------------


def _date_line(r, day: date) -> str | None:
    """The page's date line in one of the scraped formats, or None (r: random.random)."""
    roll = r()
    weekday = WEEKDAYS[day.weekday()]
    if roll < 0.2:
        return f"{weekday}, {day.day}/{day.month}/{day.year}"
    if roll < 0.4:
        return f"Ngày cập nhật {day:%d/%m/%Y}"
    if roll < 0.55:
        return f"Cập nhật, {6 + int(r() * 17):02d}:{int(r() * 60):02d}, {weekday}, {day:%d/%m/%Y} (GMT+7)"
    if roll < 0.7:
        return f"Cập nhật lúc: {day:%d/%m/%Y} {6 + int(r() * 17):02d}:{int(r() * 60):02d}"
    if roll < 0.85:
        return f"Cập nhật: {day:%d/%m/%Y}"
    return None


def _place_phrase(unit: Unit, r) -> str:
    """"huyện Vĩnh Tường (Vĩnh Phúc)", "xã Lìa, tỉnh Quảng Trị", "tỉnh Kon Tum"."""
    if unit.level == "province":
        return unit.display
    province = unit.top
    if unit.level == "commune" and unit.district is not None and r() < 0.6:
        return f"{unit.display}, {unit.district.display} ({province.name})"
    if r() < 0.5:
        return f"{unit.display} ({province.name})"
    return f"{unit.display}, {province.display}"


def _domain(province: Unit) -> str:
    from archive.text import fold  # plain Python, no Django

    slug = fold(province.name).replace(" ", "")
    return f"{slug}.gov.vn" if int(province.code) % 3 == 0 else f"bao{slug}.vn"


def _official_phrase(r, person: Person, unit: Unit) -> str:
    roll = r()
    dash = DASHES[int(r() * len(DASHES))]
    if roll < 0.45:
        return f"đồng chí {person.name}{dash}{person.titles}"
    if roll < 0.6:
        return f"{'bà' if person.female else 'ông'} {person.name}{dash}{person.titles}"
    last_title = person.titles.rsplit(", ", 1)[-1]
    if roll < 0.8:
        return f"{last_title} {person.name}"
    if roll < 0.9 and unit.level != "province" and last_title.endswith(unit.party_committee):
        return f"{last_title} {unit.name} {person.name}"
    return f"đồng chí {person.name}, {person.titles}"


class _Writer:
    """Builds the articles of one seed, feed by feed: each feed of
    ARTICLES_PER_FEED articles has its own random stream, so feeds can be
    written by separate processes and still come out the same."""

    def __init__(self, seed: int):
        self.seed = seed
        self.gaz = _gazetteer(seed)
        self.paragraphs, self.words = _paragraph_pool(seed)
        self.people: dict[tuple, Person] = {}
        self.domains: dict[str, str] = {}
        self.years = list(range(FIRST_YEAR, LAST_YEAR + 1))
        weights = [1 + (y - FIRST_YEAR) ** 1.5 for y in self.years]  # more news lately
        self.year_cum = [sum(weights[: i + 1]) for i in range(len(weights))]
        self.rng = random.Random(0)

    def start_feed(self, feed: int) -> None:
        self.rng = random.Random(self.seed * 1_000_003 + feed)

    def person(self, unit: Unit, term: int, rank: int) -> Person:
        key = (unit.era, unit.level, unit.code, term, rank)
        found = self.people.get(key)
        if found is None:
            if len(self.people) > 200_000:
                self.people.clear()
            found = self.people[key] = _person(self.seed, unit, term, rank)
        return found

    def domain(self, province: Unit) -> str:
        if province.code not in self.domains:
            self.domains[province.code] = _domain(province)
        return self.domains[province.code]

    def article(self, index: int) -> SyntheticArticle:
        rng = self.rng
        r = rng.random

        def pick(seq):
            return seq[int(r() * len(seq))]

        year = self.years[bisect.bisect(self.year_cum, r() * self.year_cum[-1])]
        day = date(year, 1, 1) + timedelta(days=int(r() * (365 if year < LAST_YEAR else 180)))
        era = "post2025" if day >= REFORM else "pre2025"

        roll = r()
        gaz = self.gaz
        if era == "pre2025":
            if roll < 0.25:
                unit = gaz.provinces[era][_long_tail(rng, len(gaz.provinces[era]), 0.6)]
            elif roll < 0.85:
                unit = gaz.districts[_long_tail(rng, len(gaz.districts), 0.8)]
            else:
                unit = gaz.communes[era][_long_tail(rng, len(gaz.communes[era]), 0.9)]
        elif roll < 0.4:
            unit = gaz.provinces[era][_long_tail(rng, len(gaz.provinces[era]), 0.6)]
        else:
            unit = gaz.communes[era][_long_tail(rng, len(gaz.communes[era]), 0.9)]
        province = unit.top
        term = (year - FIRST_YEAR) // 5
        people = []
        for _ in range(pick((1, 2, 2, 3, 3, 4))):
            person = self.person(unit, term, _long_tail(rng, RANKS_PER_TERM, 1.1))
            if person not in people:
                people.append(person)

        pc, u = unit.party_committee, unit.unit_type
        # "Ban Dân vận Huyện ủy huyện X" reads oddly; "Ban Dân vận Đảng ủy xã X" is how it is written.
        dm = "Ban Dân vận Đảng ủy" if unit.level == "commune" else f"Ban Dân vận {pc}"
        partner = pick(PARTNERS).format(u=u)
        if unit.level != "province" and r() < 0.12:
            partner = f"Đồn Biên phòng {pick(gaz.border_communes).name}"

        # The agreement (or none: an inspection, an emulation movement).
        roll = r()
        kind = "sign" if roll < 0.3 else "review" if roll < 0.5 else "both" if roll < 0.7 else "plan" if roll < 0.85 else None
        start = year - (r() < 0.5)
        next_period = pick(PERIOD_FORMATS).format(start, start + 4)
        prev_period = pick(PERIOD_FORMATS).format(start - 5, start - 1)
        review = pick(("sơ kết", "tổng kết"))
        programme = pick(("chương trình phối hợp", "Chương trình phối hợp", "quy chế phối hợp"))
        place = _place_phrase(unit, r)
        date_line = _date_line(r, day)
        if date_line is None:  # the body has to date the meeting itself
            when = f"Ngày {day.day}/{day.month}/{day.year}"
        else:
            when = f"{pick(MEETING_TIMES)} {day.day}/{day.month}"
        if kind == "sign":
            lead = f"{when}, {dm} và {partner} {place} tổ chức hội nghị ký kết {programme} về công tác dân vận giai đoạn {next_period}."
            headline = f"Ký kết {programme} về công tác dân vận giai đoạn {next_period}"
        elif kind == "review":
            lead = (f"{when}, {dm} {place} phối hợp với {partner} tổ chức hội nghị {review} {programme} "
                    f"thực hiện công tác dân vận giai đoạn {prev_period}.")
            headline = f"{review.capitalize()} {programme} về công tác dân vận giai đoạn {prev_period}"
        elif kind == "both":
            lead = (f"{when}, {dm} {place} tổ chức hội nghị {review} {programme} thực hiện công tác dân vận "
                    f"giữa {dm} với {partner} giai đoạn {prev_period} và ký kết {programme} giai đoạn {next_period}.")
            headline = f"{review.capitalize()} giai đoạn {prev_period}, ký kết {programme} giai đoạn {next_period}"
        elif kind == "plan":
            lead = (f"{when}, {dm} {place} phối hợp với {partner} tổ chức hội nghị triển khai kế hoạch phối hợp "
                    f"thực hiện công tác dân vận năm {year}.")
            headline = f"Triển khai kế hoạch phối hợp công tác dân vận năm {year}"
        elif r() < 0.5:
            above = "Tỉnh ủy" if unit.level != "province" else "Trung ương"
            lead = f"{when}, đoàn kiểm tra của Ban Dân vận {above} làm việc với {pc} {place} về kết quả thực hiện công tác dân vận."
            headline = f"Kiểm tra công tác dân vận tại {unit.display}"
        else:
            lead = f"{when}, {dm} {place} tổ chức hội nghị biểu dương điển hình \"Dân vận khéo\" năm {year}."
            headline = f"Biểu dương điển hình \"Dân vận khéo\" năm {year}"
        roll = r()
        if roll < 0.45:
            title = f"{unit.name}: {headline}"
        elif roll < 0.65 and unit.level != "province":
            title = f"{unit.name} ({province.name}): {headline}"
        elif roll < 0.85:
            title = f"{dm} {unit.name} {headline[0].lower()}{headline[1:]}"
        else:
            title = headline

        # Body: the specific sentences (who attended, documents, the speech,
        # the signing) spread among recombined generic paragraphs.
        attended = "; ".join(_official_phrase(r, p, unit) for p in people)
        specific = [f"{pick(ATTENDED)} {attended}."]
        if r() < 0.6:
            doc_kind, number, issued = pick(DOCUMENTS)
            if issued.year <= year:
                if r() < 0.3:
                    number = number.replace("-", "- ", 1)
                dated = f", ngày {issued.day}/{issued.month}/{issued.year}" if r() < 0.4 else ""
                number_word = "số " if r() < 0.5 else ""
                specific.append(f"Các cơ quan đã bám sát {doc_kind} {number_word}{number}{dated} về công tác dân vận, triển khai thực hiện nghiêm túc.")
        if r() < 0.3:
            specific.append(f"Chương trình hành động số {int(r() * 40) + 1:02d}-CTr/{pick(('TU', 'HU'))} tiếp tục được cụ thể hóa.")
        specific.append(
            f"Phát biểu tại hội nghị, {_official_phrase(r, people[0], unit)} đề nghị các cơ quan tiếp tục "
            f"phối hợp chặt chẽ, {pick(COMPLEMENTS)}."
        )
        if kind in ("sign", "both"):
            specific.append(f"Tại hội nghị, {dm} và {partner} đã ký kết {programme} giai đoạn {next_period}.")

        target = 250 + int(r() * 560)  # paragraphs overshoot by up to ~100 words
        words = lead.count(" ") + 1 + sum(s.count(" ") + 1 for s in specific)
        paragraphs, counts, n = self.paragraphs, self.words, len(self.paragraphs)
        body = []
        while words < target:
            i = int(r() * n)
            body.append(paragraphs[i])
            words += counts[i]
        for sentence in specific:
            body.insert(int(r() * (len(body) + 1)), sentence)
        body.insert(int(r() * 2), body.pop(body.index(specific[0])))  # who attended comes early

        lines = []
        if r() < 0.35:
            lines += pick(HEADER_NOISE)
            lines.append("")
        if date_line and r() < 0.6:
            lines += [date_line, title, ""]
        elif date_line:
            lines += [title, "", date_line, ""]
        else:
            lines += [title, ""]
        lines.append(lead)
        if r() < 0.3:  # related headlines glued together
            lines.append("".join(f"{province.name}: {pick(HEADLINES)}" for _ in range(2 + (r() < 0.5))))
        lines.append("")
        for k, paragraph in enumerate(body):
            lines.append(paragraph)
            lines.append("")
            if k == 1 and r() < 0.3:
                caption = pick(CAPTIONS)
                lines += [caption, caption, ""] if r() < 0.5 else [NBSP, caption + " ", ""]
        domain = self.domain(province)
        author = pick(AUTHORS)
        byline = r()
        lines.append(f"Tin, ảnh: {author.upper()}" if byline < 0.2 else author)
        if byline > 0.7:
            lines.append(f"({domain})" if byline > 0.85 else domain)
        if r() < 0.5:
            visits = f"{int(r() * 20_000_000) + 10_000:,}".replace(",", ".")
            lines += [f.format(n1=visits, n2=int(r() * 900) + 5) for f in pick(FOOTER_NOISE)]
        text = "\n".join(lines) + "\n"
        if r() < 0.1:
            text = text.replace(" về công tác", NBSP + "về công tác", 1)
        url = f"https://{domain}/tin-tuc/dan-van-{index:08d}.html"
        return SyntheticArticle(url, text, {
            "officials": [p.name for p in people],
            "unit": {"era": unit.era, "level": unit.level, "code": unit.code, "name": unit.name},
            "published_on": day.isoformat(), "agreement": kind,
        })


def generate(n: int, seed: int):
    """The n articles of the corpus (n, seed), in order."""
    writer = _Writer(seed)
    for index in range(n):
        if index % ARTICLES_PER_FEED == 0:
            writer.start_feed(index // ARTICLES_PER_FEED)
        yield writer.article(index)


# --- Files ---------------------------------------------------------------------


def _write_feed(args: tuple[str, int, int, int, str]) -> int:
    directory, seed, first, stop, fmt = args
    writer = _Writer(seed)
    writer.start_feed(first // ARTICLES_PER_FEED)
    if fmt == "jsonl":
        path = os.path.join(directory, f"feed-{first // ARTICLES_PER_FEED:05d}.jsonl")
        with open(path, "w", encoding="utf-8", newline="\n") as out:
            for index in range(first, stop):
                article = writer.article(index)
                out.write(json.dumps({"url": article.url, "text": article.text}, ensure_ascii=False))
                out.write("\n")
    else:
        sub = os.path.join(directory, f"{first // ARTICLES_PER_FEED:05d}")
        os.makedirs(sub, exist_ok=True)
        for index in range(first, stop):
            with open(os.path.join(sub, f"{index:08d}.txt"), "w", encoding="utf-8", newline="\n") as out:
                out.write(writer.article(index).text)
    return stop - first


def write_corpus(n: int, seed: int, directory: str, *, fmt: str = "jsonl", workers: int | None = None, progress=None) -> int:
    """Write the corpus (n, seed) under `directory`: feeds of ARTICLES_PER_FEED
    articles (.jsonl) or one .txt per article in folders of as many. Files are
    written by `workers` processes; the bytes do not depend on how many."""
    if fmt not in ("jsonl", "txt"):
        raise ValueError(f"unknown format {fmt!r}")
    os.makedirs(directory, exist_ok=True)
    jobs = [(directory, seed, first, min(n, first + ARTICLES_PER_FEED), fmt) for first in range(0, n, ARTICLES_PER_FEED)]
    workers = max(1, min(workers or os.cpu_count() or 1, len(jobs)))
    done = 0
    if workers == 1:
        for job in jobs:
            done += _write_feed(job)
            if progress:
                progress(done)
        return done
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(workers) as pool:
        for count in pool.map(_write_feed, jobs):
            done += count
            if progress:
                progress(done)
    return done
