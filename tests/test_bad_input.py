"""Bad input through the whole import (tests/test_sources.py tests the reader).

One batch directory holds one input of every bad kind beside good articles;
each input gets its designed answer (docs/importing.md): imported, converted
with a warning, or failed with its name and reason. Failed inputs leave no
rows, the rest of the batch is imported, and a second run changes nothing.
"""

import json
import unicodedata
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from archive.extract.legacy_encodings import UNICODE_TO_TCVN3, UNICODE_TO_VNI
from archive.importer import import_paths
from archive.models import Article, ArticleAgreement

pytestmark = pytest.mark.django_db

TONES = "\u0300\u0301\u0303\u0309\u0323"

ARTICLE = """Thứ Ba, 14/3/2023
{place}: Ký kết chương trình phối hợp về công tác dân vận giai đoạn 2023-2027

Sáng 14/3, Ban Dân vận Huyện ủy và UBND huyện {place} ({province}) tổ chức hội nghị ký kết chương trình phối hợp về công tác dân vận giai đoạn 2023-2027.
Dự hội nghị có đồng chí {guest} – Phó Bí thư Thường trực Huyện ủy, Chủ tịch HĐND huyện.
Thay mặt hai cơ quan, đồng chí {head} – UVTV Huyện ủy, Trưởng Ban Dân vận Huyện ủy và đồng chí {deputy} – Phó Chủ tịch UBND huyện đã ký kết chương trình.

{author}
"""


def article(place="Quỳnh Lưu", province="Nghệ An", guest="Hồ Văn Tám", head="Nguyễn Thị Lan",
            deputy="Phan Văn Đức", author="Thanh Hà") -> str:
    return ARTICLE.format(place=place, province=province, guest=guest, head=head, deputy=deputy, author=author)


PAGE = """<!DOCTYPE html>
<html lang="vi"><head>
<meta charset="utf-8">
<title>Tam Nông ký kết chương trình phối hợp - Báo Phú Thọ</title>
<link rel="canonical" href="https://baophutho.vn/ky-ket-456.html">
<meta property="og:title" content="Tam Nông ký kết chương trình phối hợp công tác dân vận">
<script>var tracker = "SCRIPT_IN_HEAD";</script>
</head><body onload="track()">
<nav><a href="/">Trang chủ</a> <a href="javascript:steal()">Tin tức</a></nav>
<article>
<h1>Tam Nông ký kết chương trình phối hợp công tác dân vận</h1>
<p onclick="alert('ONCLICK_HANDLER')">Sáng 26/5/2022, Ban Dân vận Huyện ủy và UBND huyện Tam Nông (Phú Thọ) tổ chức hội nghị ký kết chương trình phối hợp thực hiện công tác dân vận giai đoạn 2022-2026.</p>
<script>document.write("SCRIPT_IN_BODY");</script>
<img src="x.png" onerror="steal('ONERROR_HANDLER')">
<p>Thời gian qua, hoạt động phối hợp trong công tác dân vận đã thực sự phát huy được
sức mạnh tổng hợp của cả hệ thống chính trị, các lực lượng và mỗi người dân.</p>
<p>Đồng chí Lê Minh Tuấn – Trưởng Ban Dân vận Huyện ủy phát biểu tại hội nghị.</p>
</article>
<footer>Xem phiên bản mobile</footer>
</body></html>
"""

# The same story as two sites published it: other page noise, other URL.
STORY = article(place="Đắk Hà", province="Kon Tum", guest="A Pớt", head="Y Ngọc", deputy="Rơ Mah Tuấn",
                author="Minh Khánh")
STORY_ON_SITE_A = "Truy cập nội dung luôn\nTìm kiếm\n" + STORY + "Tin Khác\nThống kê truy cập\nTổng truy cập 4.045.920\n"
STORY_ON_SITE_B = "Xem phiên bản mobile\n" + STORY + "(baokontum.com.vn)\nGửi cho bạn bè\nPhản hồi\n"


# --- Encoders for the legacy inputs, from the reader's own tables, inverted ---------


def encode_tcvn3(text: str) -> bytes:
    return b"".join(bytes([UNICODE_TO_TCVN3[c]]) if c in UNICODE_TO_TCVN3 else c.encode("ascii") for c in text)


def encode_vni(text: str) -> bytes:
    return b"".join(UNICODE_TO_VNI.get(c) or c.encode("ascii") for c in text)


def encode_cp1258(text: str) -> bytes:
    """As Vietnamese Windows software wrote it: the letter, then its tone mark."""
    out = []
    for char in text:
        decomposed = unicodedata.normalize("NFD", char)
        tone = "".join(c for c in decomposed if c in TONES)
        out.append(unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONES)) + tone)
    return "".join(out).encode("cp1258")


def as_windows_1252(data: bytes) -> str:
    """UTF-8 bytes as a Windows program shows them ("Viá»‡t"); Latin-1 for the five undefined bytes."""
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in data)


def tcvn3_letters(text: str) -> str:
    """TCVN3's normal fonts have no toned capitals: such letters were typed in lower case."""
    return "".join(c if c in UNICODE_TO_TCVN3 or c.isascii() else c.lower() for c in text)


# --- The batch -------------------------------------------------------------------

# The 8-bit font encodings have no en dash: their writers typed a hyphen.
TCVN3_ARTICLE = tcvn3_letters(
    article(place="Yên Thành", guest="Trần Văn Hùng", head="Lê Thị Hoa", author="Văn Bốn").replace("–", "-")
)
CP1258_ARTICLE = article(place="Vĩnh Tường", province="Vĩnh Phúc", guest="Đặng Xuân Trường", author="Xuân Huy")
VNI_ARTICLE = article(
    place="Phong Điền", province="Thừa Thiên Huế", head="Trần Thị Diệu Minh", author="Tuyết Nga"
).replace("–", "-")
UTF16_ARTICLE = article(place="Tam Nông", province="Phú Thọ", head="Phạm Thị Hoa", author="Thành Chung")
NFD_ARTICLE = article(place="Diễn Châu", head="Hoàng Văn Nam", author="Minh Tú")
MOJIBAKE_ARTICLE = article(place="Nghi Lộc", head="Đặng Thị Mai", author="Hà Linh")
TRUNCATED = article(place="Đô Lương", head="Võ Thị Hằng", author="Quang Huy").encode("utf-8")


def truncated_inside_a_letter(data: bytes) -> bytes:
    """Cut off halfway, inside a multi-byte UTF-8 letter, as an interrupted download is."""
    cut = len(data) // 2
    while data[cut] < 0xC0:  # move to the first byte of a multi-byte letter…
        cut += 1
    return data[: cut + 1]  # …and keep only that byte of it


def write_batch(directory: Path) -> dict[str, bytes]:
    """Write the batch; returns every file's bytes by name."""
    feed = [
        json.dumps({"url": "https://dakha.kontum.gov.vn/tin/123", "text": STORY_ON_SITE_A}, ensure_ascii=False),
        '{"url": "https://baokontum.com.vn/tin/9", "text": "Ký kết chương trình',  # cut off
        "[1, 2]",
        json.dumps({"url": "https://baokontum.com.vn/tin/456", "text": STORY_ON_SITE_B,
                    "fetched_at": "2023-03-15T08:00:00+07:00"}, ensure_ascii=False),
        json.dumps({"url": "https://baokontum.com.vn/tin/7"}),
    ]
    files = {
        "good.txt": article().encode("utf-8"),
        "page-with-scripts.html": PAGE.encode("utf-8"),
        "duplicate-a.txt": article(place="Hưng Nguyên", author="Hải Yến").encode("utf-8"),
        "duplicate-b.txt": article(place="Hưng Nguyên", author="Hải Yến").encode("utf-8"),
        "empty.txt": b"",
        "blank.txt": b" \n\t\n",
        "binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
        "huge.txt": (article(place="Anh Sơn").encode("utf-8") * 8000)[:5_000_001],
        "truncated.txt": truncated_inside_a_letter(TRUNCATED),
        "truncated.html": PAGE.replace("Tam Nông", "Thanh Sơn").replace("ky-ket-456", "ky-ket-789")[
            : PAGE.index("<footer>") + 5
        ].encode("utf-8"),
        # The same page saved again later: another file, the same canonical URL.
        "resaved-page.html": PAGE.replace("Xem phiên bản mobile", "Xem nhiều nhất").encode("utf-8"),
        "windows-1258.txt": encode_cp1258(CP1258_ARTICLE),
        "tcvn3.txt": encode_tcvn3(TCVN3_ARTICLE),
        "vni.txt": encode_vni(VNI_ARTICLE),
        "utf-16.txt": UTF16_ARTICLE.encode("utf-16"),  # with a byte order mark
        "nfd.txt": unicodedata.normalize("NFD", NFD_ARTICLE).encode("utf-8"),
        "mojibake.txt": as_windows_1252(MOJIBAKE_ARTICLE.encode("utf-8")).encode("utf-8"),
        "feed.jsonl": ("\n".join(feed) + "\n").encode("utf-8"),
        "notes.pdf": b"%PDF-1.4 not an article",
    }
    directory.mkdir()
    for name, data in files.items():
        (directory / name).write_bytes(data)
    return files


IMPORTED = {  # file (or feed line) → the warning it must carry, or None
    "good.txt": None,
    "page-with-scripts.html": None,
    "duplicate-a.txt": None,
    "truncated.html": None,
    "windows-1258.txt": "converted from Windows-1258",
    "tcvn3.txt": "converted from TCVN3",
    "vni.txt": "converted from VNI",
    "utf-16.txt": None,
    "nfd.txt": None,
    "mojibake.txt": "repaired UTF-8 text that had been read as Windows-1252",
    "feed.jsonl:1": None,
    "feed.jsonl:4": None,
}
FAILED = {  # file (or feed line) → its reason
    "empty.txt": "empty file",
    "blank.txt": "empty file (only whitespace)",
    "binary.txt": "binary file (NUL bytes)",
    "huge.txt": "larger than 5 MB (5,000,001 bytes)",
    # Cut inside a letter, the bytes are no longer UTF-8 and read as no legacy
    # encoding either (see docs/importing.md).
    "truncated.txt": "not UTF-8 and no known Vietnamese encoding fits",
    "resaved-page.html": "same source URL as {directory}/page-with-scripts.html, read earlier in this run",
    "feed.jsonl:2": "JSON Lines line 2: invalid JSON: Invalid control character at (column 71)",
    "feed.jsonl:3": "JSON Lines line 3: expected a JSON object, got list",
    "feed.jsonl:5": "JSON Lines line 5: needs `text` or `html`",
}
UNCHANGED = {"duplicate-b.txt"}  # the same bytes as duplicate-a.txt


# Inputs with a URL (feed records, pages with a canonical link) are keyed by
# it, files without one by their path.
URLS = {
    "https://dakha.kontum.gov.vn/tin/123": "feed.jsonl:1",
    "https://baokontum.com.vn/tin/456": "feed.jsonl:4",
    "https://baophutho.vn/ky-ket-456.html": "page-with-scripts.html",
    "https://baophutho.vn/ky-ket-789.html": "truncated.html",
}


def reasons(directory: Path) -> dict[str, str]:
    return {name: reason.format(directory=directory) for name, reason in FAILED.items()}


def name_of(source: str) -> str:
    return Path(source).name


@pytest.fixture
def batch(tmp_path):
    files = write_batch(tmp_path / "batch")
    return tmp_path / "batch", files


def test_every_bad_input_gets_its_designed_answer_and_the_rest_is_imported(batch):
    directory, _ = batch
    run = import_paths([str(directory)])

    assert {name_of(f["source"]): f["reason"] for f in run.failures} == reasons(directory)
    assert (run.created, run.updated, run.unchanged, run.failed) == (len(IMPORTED), 0, len(UNCHANGED), len(FAILED))
    stored = {URLS.get(a.source_key) or name_of(a.source_key): a for a in Article.objects.all()}
    assert sorted(stored) == sorted(IMPORTED)

    run_warnings = {(name_of(w["source"]), w["warning"]) for w in run.warnings}
    for name, warning in IMPORTED.items():
        article = stored[name]
        assert article.title and article.body, name
        assert article.import_run_id == run.pk
        conversions = {w for w in article.warnings if w.startswith(("converted", "repaired"))}
        assert conversions == ({warning} if warning else set()), name
        if warning:
            assert (name, warning) in run_warnings


def test_failed_inputs_leave_no_rows_and_ignored_files_are_not_inputs(batch):
    directory, _ = batch
    import_paths([str(directory)])
    keys = set(Article.objects.values_list("source_key", flat=True))
    for name in [*FAILED, *UNCHANGED, "notes.pdf"]:
        assert str(directory / name) not in keys
    # The page saved again kept its URL's article as the first copy wrote it.
    assert "Xem nhiều nhất" not in Article.objects.get(source_key="https://baophutho.vn/ky-ket-456.html").raw_text
    assert not Article.objects.filter(raw_text__contains="Đô Lương").exists()  # the truncated file
    assert not Article.objects.filter(source_key__startswith="https://baokontum.com.vn/tin/9").exists()
    # A file of another kind named on its own is refused by name.
    run = import_paths([str(directory / "notes.pdf")])
    assert run.failures == [{
        "source": str(directory / "notes.pdf"),
        "reason": "unsupported file type '.pdf': expected .txt, .html, .htm or .jsonl",
    }]


def test_raw_text_is_kept_as_the_input_was(batch):
    directory, files = batch
    import_paths([str(directory)])

    def raw(name):
        return Article.objects.get(source_key=str(directory / name)).raw_text

    for name in ["good.txt", "duplicate-a.txt", "nfd.txt", "mojibake.txt"]:
        assert raw(name) == files[name].decode("utf-8"), name
    for url in ["https://baophutho.vn/ky-ket-456.html", "https://baophutho.vn/ky-ket-789.html"]:
        assert Article.objects.get(source_key=url).raw_text == files[URLS[url]].decode("utf-8")
    assert raw("utf-16.txt") == files["utf-16.txt"].decode("utf-16")
    # Legacy encodings: the text as decoded, from which the same bytes come back.
    assert encode_cp1258(raw("windows-1258.txt")) == files["windows-1258.txt"]
    assert encode_tcvn3(raw("tcvn3.txt")) == files["tcvn3.txt"]
    assert encode_vni(raw("vni.txt")) == files["vni.txt"]
    feed = Article.objects.get(source_url="https://baokontum.com.vn/tin/456")
    assert feed.raw_text == STORY_ON_SITE_B


def test_converted_and_composed_text_is_what_is_searched_and_shown(batch):
    directory, _ = batch
    import_paths([str(directory)])

    def stored(name):
        return Article.objects.get(source_key=str(directory / name))

    assert "Vĩnh Tường" in stored("windows-1258.txt").title
    assert "Yên Thành" in stored("tcvn3.txt").title
    assert "Phong Điền" in stored("vni.txt").title
    assert "Tam Nông" in stored("utf-16.txt").title
    assert "Nghi Lộc" in stored("mojibake.txt").title
    nfd = stored("nfd.txt")
    assert nfd.raw_text != unicodedata.normalize("NFC", nfd.raw_text)
    assert "Diễn Châu" in nfd.title and unicodedata.is_normalized("NFC", nfd.title + nfd.body)
    assert stored("vni.txt").officials.filter(name="Trần Thị Diệu Minh").exists()


def test_scripts_and_event_handlers_are_kept_in_the_raw_page_only(batch):
    directory, _ = batch
    import_paths([str(directory)])
    page = Article.objects.get(source_key="https://baophutho.vn/ky-ket-456.html")
    assert "Ban Dân vận Huyện ủy và UBND huyện Tam Nông" in page.body
    for marker in ("SCRIPT_IN_HEAD", "SCRIPT_IN_BODY", "ONCLICK_HANDLER", "ONERROR_HANDLER", "steal", "<", "onload"):
        assert marker not in page.title + page.body + json.dumps(page.extraction, ensure_ascii=False)
    assert "SCRIPT_IN_BODY" in page.raw_text


def test_duplicate_files_are_one_article(batch):
    directory, _ = batch
    run = import_paths([str(directory)])
    [article] = Article.objects.filter(raw_text__contains="Hưng Nguyên")
    assert article.source_key == str(directory / "duplicate-a.txt")
    assert run.unchanged == 1


def test_the_same_story_from_two_sources_is_two_articles_reporting_one_agreement(batch):
    directory, _ = batch
    import_paths([str(directory)])
    site_a = Article.objects.get(source_url="https://dakha.kontum.gov.vn/tin/123")
    site_b = Article.objects.get(source_url="https://baokontum.com.vn/tin/456")
    assert (site_a.raw_text, site_b.raw_text) == (STORY_ON_SITE_A, STORY_ON_SITE_B)
    assert site_a.title == site_b.title
    assert "Truy cập nội dung luôn" not in site_a.body and "Gửi cho bạn bè" not in site_b.body
    agreements_a = set(ArticleAgreement.objects.filter(article=site_a).values_list("agreement", flat=True))
    agreements_b = set(ArticleAgreement.objects.filter(article=site_b).values_list("agreement", flat=True))
    assert agreements_a and agreements_a == agreements_b


def test_running_the_batch_again_creates_nothing_and_fails_the_same_way(batch):
    directory, _ = batch
    first = import_paths([str(directory)])
    before = list(Article.objects.order_by("pk").values_list("pk", "content_hash", "updated_at"))
    second = import_paths([str(directory)])
    assert (second.created, second.updated, second.unchanged, second.failed) == (
        0, 0, len(IMPORTED) + len(UNCHANGED), len(FAILED)
    )
    assert second.failures == first.failures
    assert list(Article.objects.order_by("pk").values_list("pk", "content_hash", "updated_at")) == before


def test_the_command_names_every_failed_input_and_its_reason(batch, capsys):
    directory, _ = batch
    with pytest.raises(CommandError, match=f"{len(FAILED)} of the inputs failed"):
        call_command("import_articles", str(directory))
    out, err = capsys.readouterr()
    assert f"{len(IMPORTED)} created, 0 updated, {len(UNCHANGED)} unchanged, {len(FAILED)} failed" in out
    for name, reason in reasons(directory).items():
        assert f"{directory / name}: {reason}\n" in err
    assert Article.objects.count() == len(IMPORTED)
