"""Reading article input: paths, decoding, HTML and JSON Lines (no database)."""

import json
import os
import unicodedata

import pytest

from archive.extract.legacy_encodings import (
    TCVN3_TO_UNICODE,
    UNICODE_TO_TCVN3,
    UNICODE_TO_VNI,
    decode_tcvn3,
    decode_vni,
)
from archive.extract.sources import (
    Document,
    Failure,
    choose_repair,
    expand_paths,
    iter_documents,
    vietnamese_score,
)

SENTENCE = (
    "Sáng 26/5, Ban Dân vận Huyện ủy và UBND huyện Vĩnh Tường tổ chức hội nghị "
    "ký kết chương trình phối hợp thực hiện công tác dân vận giai đoạn 2022-2026."
)
# Lower case only where TCVN3 needs it: its normal fonts have no capitals with tones.
SENTENCE_TCVN3 = (
    "Thời gian qua, hoạt động phối hợp trong công tác dân vận của Ban Dân vận "
    "huyện ủy đã phát huy được sức mạnh của cả hệ thống chính trị; Đảng ủy xã "
    "Phong Hải và Ủy ban nhân dân tỉnh Thừa Thiên Huế."
).replace("Ủy", "ủy")
ALL_LETTERS = (
    "aàảãáạăằẳẵắặâầẩẫấậeèẻẽéẹêềểễếệiìỉĩíịoòỏõóọôồổỗốộơờởỡớợ"
    "uùủũúụưừửữứựyỳỷỹýỵđ"
)
TONES = "\u0300\u0301\u0303\u0309\u0323"


# --- Encoders for test input, from the inverted tables ------------------------


def encode_tcvn3(text: str) -> bytes:
    return b"".join(
        bytes([UNICODE_TO_TCVN3[c]]) if c in UNICODE_TO_TCVN3 else c.encode("ascii")
        for c in text
    )


def encode_vni(text: str) -> bytes:
    return b"".join(UNICODE_TO_VNI.get(c) or c.encode("ascii") for c in text)


def encode_cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese software wrote it: vowel letter, then tone mark."""
    out = []
    for char in text:
        decomposed = unicodedata.normalize("NFD", char)
        tone = "".join(c for c in decomposed if c in TONES)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONES))
        out.append(base + tone)
    return "".join(out).encode("cp1258")


def as_windows_1252(data: bytes) -> str:
    """Bytes as a Windows program shows them; Latin-1 for the five undefined ones."""
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in data)


def read_one(path, **kwargs) -> Document | Failure:
    results = list(iter_documents([str(path)], **kwargs))
    assert len(results) == 1, results
    return results[0]


def read_doc(path, **kwargs) -> Document:
    result = read_one(path, **kwargs)
    assert isinstance(result, Document), result
    return result


def write(tmp_path, name: str, content: bytes | str):
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


# --- The tables ----------------------------------------------------------------


def test_tcvn3_table_is_one_to_one_and_in_the_upper_half():
    assert len(set(TCVN3_TO_UNICODE.values())) == len(TCVN3_TO_UNICODE)
    assert all(0xA0 < byte <= 0xFF for byte in TCVN3_TO_UNICODE)


def test_tcvn3_covers_every_lower_case_letter_and_the_seven_capitals():
    for char in ALL_LETTERS + "ĂÂÊÔƠƯĐ":
        if not char.isascii():
            assert decode_tcvn3(encode_tcvn3(char)) == char


@pytest.mark.parametrize("raw, expected", [
    ("Ninh B×nh", "Ninh Bình"),
    ("B¶o Th¾ng", "Bảo Thắng"),
    ("M\xadêng Kh\xad¬ng", "Mường Khương"),
    ("§¶ng ñy", "Đảng ủy"),
])
def test_tcvn3_decodes_known_words(raw, expected):
    assert decode_tcvn3(raw.encode("latin-1")) == expected


def test_vni_covers_every_letter_in_both_cases():
    for char in ALL_LETTERS + ALL_LETTERS.upper():
        if not char.isascii():
            assert decode_vni(encode_vni(char)) == char, char


@pytest.mark.parametrize("raw, expected", [
    ("Vieät Nam", "Việt Nam"),
    ("Coäng hoøa xaõ hoäi chuû nghóa", "Cộng hòa xã hội chủ nghĩa"),
    ("ñöôïc ngöôøi daân", "được người dân"),
    ("Ñaûng uûy", "Đảng ủy"),
    ("COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ("naêm, aén, muoán, khuyeân, tî", "năm, ắn, muốn, khuyên, tỵ"),
])
def test_vni_decodes_known_words(raw, expected):
    assert decode_vni(raw.encode("cp1252")) == expected


# --- Plain text files ----------------------------------------------------------


def test_utf8_text_file_is_read_as_it_is(tmp_path):
    path = write(tmp_path, "a.txt", SENTENCE + "\n")
    doc = read_doc(path)
    assert doc.source == str(path)
    assert doc.text == doc.raw == SENTENCE + "\n"
    assert (doc.url, doc.title, doc.published, doc.author, doc.fetched_at) == (None,) * 5
    assert doc.warnings == []


def test_utf8_byte_order_mark_is_dropped(tmp_path):
    doc = read_doc(write(tmp_path, "a.txt", b"\xef\xbb\xbf" + SENTENCE.encode()))
    assert doc.text == SENTENCE
    assert doc.warnings == []


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_byte_order_mark(tmp_path, encoding):
    data = SENTENCE.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    doc = read_doc(write(tmp_path, "a.txt", data))
    assert doc.text == SENTENCE


def test_nfd_text_becomes_nfc_in_text_but_not_in_raw(tmp_path):
    nfd = unicodedata.normalize("NFD", SENTENCE)
    doc = read_doc(write(tmp_path, "a.txt", nfd))
    assert doc.text == SENTENCE
    assert doc.raw == nfd


def test_windows_1258_is_converted_and_composed(tmp_path):
    doc = read_doc(write(tmp_path, "a.txt", encode_cp1258(SENTENCE)))
    assert doc.text == SENTENCE
    assert doc.warnings == ["converted from Windows-1258"]


def test_tcvn3_file_is_converted(tmp_path):
    doc = read_doc(write(tmp_path, "a.txt", encode_tcvn3(SENTENCE_TCVN3)))
    assert doc.text == SENTENCE_TCVN3
    assert doc.raw == SENTENCE_TCVN3
    assert doc.warnings == ["converted from TCVN3"]


def test_vni_file_is_converted(tmp_path):
    doc = read_doc(write(tmp_path, "a.txt", encode_vni(SENTENCE)))
    assert doc.text == SENTENCE
    assert doc.warnings == ["converted from VNI"]


@pytest.mark.parametrize("name", sorted(os.listdir("fixtures/articles")))
def test_sample_articles_round_trip_through_every_legacy_encoding(tmp_path, name):
    with open(os.path.join("fixtures/articles", name), encoding="utf-8") as file:
        article = file.read()
    # The sample articles use a few characters none of the 8-bit encodings has.
    article = article.replace("\u2013", "-").replace("“", '"').replace("”", '"')
    article = article.replace("…", "...").replace("\u00a0", " ")
    for encoder, name in [(encode_cp1258, "Windows-1258"), (encode_vni, "VNI")]:
        doc = read_doc(write(tmp_path, f"{name}.txt", encoder(article)))
        assert doc.text == article
        assert doc.warnings == [f"converted from {name}"]
    lowered = "".join(c if c in UNICODE_TO_TCVN3 or c.isascii() else c.lower() for c in article)
    doc = read_doc(write(tmp_path, "tcvn3.txt", encode_tcvn3(lowered)))
    assert doc.text == lowered
    assert doc.warnings == ["converted from TCVN3"]


def test_utf8_mojibake_is_repaired_with_a_warning(tmp_path):
    mojibake = as_windows_1252(SENTENCE.encode("utf-8"))
    doc = read_doc(write(tmp_path, "a.txt", mojibake))
    assert "Ã" in doc.raw or "á»" in doc.raw
    assert doc.raw == mojibake
    assert doc.text == SENTENCE
    assert doc.warnings == ["repaired UTF-8 text that had been read as Windows-1252"]


def test_utf8_read_as_latin1_is_repaired(tmp_path):
    doc = read_doc(write(tmp_path, "a.txt", SENTENCE.encode("utf-8").decode("latin-1")))
    assert doc.text == SENTENCE


def test_mojibake_that_lost_bytes_fails(tmp_path):
    broken = SENTENCE.encode("utf-8").decode("cp1252", errors="replace")
    failure = read_one(write(tmp_path, "a.txt", broken))
    assert isinstance(failure, Failure)
    assert "mojibake" in failure.reason and "cannot be repaired" in failure.reason


def test_vni_stored_as_windows_1252_letters_is_converted(tmp_path):
    as_letters = encode_vni(SENTENCE).decode("cp1252")
    doc = read_doc(write(tmp_path, "a.txt", as_letters))
    assert doc.raw == as_letters
    assert doc.text == SENTENCE
    assert doc.warnings[0].startswith("converted from VNI")


def test_tcvn3_stored_as_windows_1252_letters_is_converted(tmp_path):
    as_letters = as_windows_1252(encode_tcvn3(SENTENCE_TCVN3))
    doc = read_doc(write(tmp_path, "a.txt", as_letters))
    assert doc.text == SENTENCE_TCVN3
    assert doc.warnings[0].startswith("converted from TCVN3")


@pytest.mark.parametrize("text", [
    SENTENCE,
    "Café au lait, naïve façade — déjà vu.",
    "Hội nghị «Dân vận khéo» – 2024",
    "Cà Mau, Bà Rịa",
    "Các cấp và… các ngành là\u00a0lực lượng; hoà\u00a0hợp và“đoàn kết”, Bá»",
])
def test_correct_text_is_not_repaired(text):
    assert choose_repair(text) == (None, None)


def test_mojibake_mixed_with_correct_text_is_repaired(tmp_path):
    mojibake = as_windows_1252("Huyện ủy Phong Điền".encode("utf-8"))
    doc = read_doc(write(tmp_path, "a.txt", f"{SENTENCE}\nBan Dân vận {mojibake}\n"))
    assert doc.text == f"{SENTENCE}\nBan Dân vận Huyện ủy Phong Điền\n"


def test_scorer_prefers_vietnamese():
    assert vietnamese_score(SENTENCE) > 1.2
    assert vietnamese_score(encode_vni(SENTENCE).decode("cp1252")) < 0.8
    assert vietnamese_score("") == 0.0


def test_bytes_no_vietnamese_encoding_explains_fail(tmp_path):
    data = bytes(range(0x80, 0x100)) * 4 + b" \xff\xfe\xfd\xa4\xa5"
    failure = read_one(write(tmp_path, "a.txt", data[2:]))  # no BOM at the start
    assert failure == Failure(
        str(tmp_path / "a.txt"), "not UTF-8 and no known Vietnamese encoding fits"
    )


def test_nul_bytes_mean_binary(tmp_path):
    failure = read_one(write(tmp_path, "a.txt", b"PK\x03\x04\x00\x00abc"))
    assert failure.reason == "binary file (NUL bytes)"


def test_control_characters_mean_binary(tmp_path):
    failure = read_one(write(tmp_path, "a.txt", bytes(range(1, 32)) * 10 + b"abc"))
    assert isinstance(failure, Failure)
    assert failure.reason.startswith("binary file (")


def test_empty_file(tmp_path):
    assert read_one(write(tmp_path, "a.txt", b"")).reason == "empty file"


def test_whitespace_only_file(tmp_path):
    assert read_one(write(tmp_path, "a.txt", " \n\t\n ")).reason == "empty file (only whitespace)"


def test_too_large_file_fails_unread(tmp_path):
    path = write(tmp_path, "a.txt", "x" * 2001)
    assert read_one(path, max_bytes=2000).reason == "larger than 2 kB (2,001 bytes)"
    assert isinstance(read_one(path, max_bytes=2001), Document)


def test_default_limit_is_5_mb(tmp_path):
    path = tmp_path / "big.txt"
    with open(path, "wb") as file:
        file.truncate(5_000_001)
    assert read_one(path).reason == "larger than 5 MB (5,000,001 bytes)"


def test_unsupported_file_named_explicitly_fails(tmp_path):
    failure = read_one(write(tmp_path, "notes.md", SENTENCE))
    assert "unsupported file type '.md'" in failure.reason


def test_a_failure_does_not_stop_the_others(tmp_path):
    write(tmp_path, "a.txt", b"")
    write(tmp_path, "b.txt", SENTENCE)
    results = list(iter_documents([str(tmp_path)]))
    assert [type(r) for r in results] == [Failure, Document]


# --- HTML --------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="vi"><head>
<meta charset="utf-8">
<title>Ký kết chương trình phối hợp - Báo Vĩnh Phúc</title>
<link rel="canonical" href="https://baovinhphuc.com.vn/ky-ket-123.html">
<meta property="og:title" content="Ký kết chương trình phối hợp công tác dân vận">
<meta name="author" content="Minh Khánh">
<meta property="article:published_time" content="2022-05-26T09:30:00+07:00">
<script>var tracker = "SCRIPT_IN_HEAD";</script>
</head><body>
<nav><a href="/">Trang chủ</a> <a href="/tin">Tin tức</a></nav>
<article>
<h1>Ký kết chương trình phối hợp công tác dân vận</h1>
<p onclick="alert('ONCLICK_HANDLER')">{sentence}</p>
<script>document.write("SCRIPT_IN_BODY");</script>
<p>Thời gian qua, hoạt động phối hợp trong công tác dân vận đã thực sự phát huy được
sức mạnh tổng hợp của cả hệ thống chính trị, các lực lượng và mỗi người dân.</p>
<p><a href="#" onmouseover="steal()">Minh Khánh</a></p>
</article>
<footer>Xem phiên bản mobile</footer>
</body></html>
"""


def test_html_text_is_title_then_main_text(tmp_path):
    html = PAGE.replace("{sentence}", SENTENCE)
    doc = read_doc(write(tmp_path, "page.html", html))
    title = "Ký kết chương trình phối hợp công tác dân vận"
    assert doc.title == title
    assert doc.text.startswith(title + "\n\n" + SENTENCE)
    assert doc.text.count(title) == 1
    assert doc.raw == html
    assert doc.url == "https://baovinhphuc.com.vn/ky-ket-123.html"
    assert doc.published == "2022-05-26"
    assert doc.author == "Minh Khánh"


def test_html_scripts_and_event_handlers_never_reach_text(tmp_path):
    doc = read_doc(write(tmp_path, "page.htm", PAGE.replace("{sentence}", SENTENCE)))
    for marker in ("SCRIPT_IN_HEAD", "SCRIPT_IN_BODY", "ONCLICK_HANDLER", "steal", "alert"):
        assert marker not in doc.text
    assert "SCRIPT_IN_BODY" in doc.raw


def test_html_in_a_legacy_encoding_is_converted(tmp_path):
    html = PAGE.replace("{sentence}", SENTENCE).replace('<meta charset="utf-8">', "")
    doc = read_doc(write(tmp_path, "page.html", encode_vni(html)))
    assert SENTENCE in doc.text
    assert doc.title == "Ký kết chương trình phối hợp công tác dân vận"
    assert doc.warnings == ["converted from VNI"]


def test_html_with_no_article_text_fails(tmp_path):
    page = "<html><body><script>x()</script></body></html>"
    failure = read_one(write(tmp_path, "page.html", page))
    assert failure.reason == "no article text found in the HTML"


# --- JSON Lines ----------------------------------------------------------------


def feed_line(**record) -> str:
    return json.dumps(record, ensure_ascii=False)


def test_jsonl_lines_become_documents_named_by_line(tmp_path):
    lines = [
        feed_line(url="https://a.vn/1", text=SENTENCE, fetched_at="2024-05-08T10:00:00+07:00"),
        "",
        feed_line(url="https://a.vn/2", html=PAGE.replace("{sentence}", SENTENCE)),
    ]
    path = write(tmp_path, "feed.jsonl", "\n".join(lines) + "\n")
    first, second = iter_documents([str(path)])
    assert first.source == f"{path}:1"
    assert (first.text, first.raw, first.url) == (SENTENCE, SENTENCE, "https://a.vn/1")
    assert first.fetched_at == "2024-05-08T10:00:00+07:00"
    assert second.source == f"{path}:3"
    assert second.url == "https://a.vn/2"  # the feed's URL wins over the canonical one
    assert second.raw == PAGE.replace("{sentence}", SENTENCE)
    assert second.title == "Ký kết chương trình phối hợp công tác dân vận"
    assert second.fetched_at is None


def test_jsonl_broken_lines_fail_alone(tmp_path):
    lines = [
        feed_line(url="https://a.vn/1", text=SENTENCE),
        '{"url": "https://a.vn/2", "text": ',
        "[1, 2]",
        feed_line(url="https://a.vn/4"),
        feed_line(url="https://a.vn/5", text=42),
        feed_line(url="https://a.vn/6", text="   "),
        feed_line(url="https://a.vn/7", text=SENTENCE),
    ]
    path = write(tmp_path, "feed.jsonl", "\n".join(lines))
    results = list(iter_documents([str(path)]))
    assert [r.source for r in results] == [f"{path}:{n}" for n in range(1, 8)]
    assert isinstance(results[0], Document) and isinstance(results[6], Document)
    reasons = [r.reason for r in results[1:6]]
    assert reasons[0].startswith("JSON Lines line 2: invalid JSON: ")
    assert reasons[1] == "JSON Lines line 3: expected a JSON object, got list"
    assert reasons[2] == "JSON Lines line 4: needs `text` or `html`"
    assert reasons[3] == "JSON Lines line 5: `text` must be a string"
    assert reasons[4] == "JSON Lines line 6: needs `text` or `html`"


def test_jsonl_line_not_utf8_fails_alone(tmp_path):
    data = feed_line(text=SENTENCE).encode() + b"\n" + b'{"text": "\xff"}\n'
    results = list(iter_documents([str(write(tmp_path, "f.jsonl", data))]))
    assert isinstance(results[0], Document)
    assert results[1].reason.startswith("JSON Lines line 2: not UTF-8")


def test_jsonl_without_url_warns(tmp_path):
    doc = read_doc(write(tmp_path, "f.jsonl", feed_line(text=SENTENCE)))
    assert doc.url is None
    assert doc.warnings == ["no `url` in the feed record"]


def test_jsonl_bad_fetched_at_is_dropped_with_a_warning(tmp_path):
    line = feed_line(url="u", text=SENTENCE, fetched_at="hôm qua")
    doc = read_doc(write(tmp_path, "f.jsonl", line))
    assert doc.fetched_at is None
    assert "fetched_at" in doc.warnings[0]


def test_jsonl_text_is_repaired_and_composed(tmp_path):
    mojibake = SENTENCE.encode("utf-8").decode("latin-1")
    nfd = unicodedata.normalize("NFD", SENTENCE)
    lines = [feed_line(url="u", text=mojibake), feed_line(url="v", text=nfd)]
    path = write(tmp_path, "f.jsonl", "\n".join(lines))
    first, second = iter_documents([str(path)])
    assert first.text == SENTENCE and first.raw == mojibake
    assert second.text == SENTENCE and second.raw == nfd


def test_jsonl_oversized_line_fails_and_the_next_still_reads(tmp_path):
    big = feed_line(url="u", text="x" * 5000)
    path = write(tmp_path, "f.jsonl", big + "\n" + feed_line(url="v", text=SENTENCE) + "\n")
    first, second = iter_documents([str(path)], max_bytes=1000)
    assert first.reason == "JSON Lines line 1: larger than 1 kB"
    assert second.text == SENTENCE


def test_jsonl_with_only_blank_lines_is_empty(tmp_path):
    failure = read_one(write(tmp_path, "f.jsonl", "\n\n  \n"))
    assert failure.reason == "empty file (no JSON Lines records)"


def test_jsonl_with_byte_order_mark(tmp_path):
    data = b"\xef\xbb\xbf" + feed_line(url="u", text=SENTENCE).encode()
    assert read_doc(write(tmp_path, "f.jsonl", data)).text == SENTENCE


# --- Paths ---------------------------------------------------------------------


@pytest.fixture
def tree(tmp_path):
    for name in ["b.txt", "a.html", "sub/c.jsonl", "sub/deeper/d.htm", "skip.md",
                 ".hidden.txt", ".git/e.txt", "sub/f.TXT"]:
        write(tmp_path, name, "x")
    return tmp_path


def test_directory_is_walked_sorted_keeping_input_files_only(tree):
    found = expand_paths([str(tree)])
    relative = [os.path.relpath(p, tree) for p in found]
    assert relative == ["a.html", "b.txt", "sub/c.jsonl", "sub/deeper/d.htm", "sub/f.TXT"]


def test_glob_with_double_star(tree):
    found = expand_paths([str(tree / "**" / "*.htm*")])
    assert [os.path.relpath(p, tree) for p in found] == ["a.html", "sub/deeper/d.htm"]


def test_glob_matching_a_directory_walks_it(tree):
    found = expand_paths([str(tree / "su*")])
    assert [os.path.relpath(p, tree) for p in found] == [
        "sub/c.jsonl", "sub/deeper/d.htm", "sub/f.TXT"
    ]


def test_each_file_is_listed_once_in_first_mention_order(tree):
    found = expand_paths([str(tree / "b.txt"), str(tree), str(tree / "*.txt")])
    assert os.path.relpath(found[0], tree) == "b.txt"
    assert len(found) == len(set(found)) == 5


def test_explicit_file_is_kept_whatever_its_suffix(tree):
    assert expand_paths([str(tree / "skip.md")]) == [str(tree / "skip.md")]


def test_missing_path_raises_naming_it(tmp_path):
    missing = str(tmp_path / "nope.txt")
    with pytest.raises(FileNotFoundError) as error:
        expand_paths([missing])
    assert missing in str(error.value)


def test_glob_matching_nothing_raises_naming_it(tree):
    pattern = str(tree / "*.pdf")
    with pytest.raises(FileNotFoundError) as error:
        iter_documents([pattern])  # raises at once, before reading anything
    assert pattern in str(error.value)


def test_empty_directory_yields_nothing(tmp_path):
    (tmp_path / "inbox").mkdir()
    assert expand_paths([str(tmp_path / "inbox")]) == []


def test_jsonl_html_with_mojibake_repairs_text_and_title(tmp_path):
    page = as_windows_1252(PAGE.replace("{sentence}", SENTENCE).encode("utf-8"))
    doc = read_doc(write(tmp_path, "f.jsonl", feed_line(url="u", html=page, text="ignored")))
    assert doc.raw == page  # html wins over text, and is kept as it came
    assert doc.title == "Ký kết chương trình phối hợp công tác dân vận"
    assert SENTENCE in doc.text and "ignored" not in doc.text
    assert doc.author == "Minh Khánh"
    assert doc.warnings == ["repaired UTF-8 text that had been read as Windows-1252"]


def test_html_of_vni_text_stored_as_windows_1252_letters_is_converted(tmp_path):
    page = encode_vni(PAGE.replace("{sentence}", SENTENCE)).decode("cp1252")
    doc = read_doc(write(tmp_path, "page.html", page))
    assert doc.raw == page
    assert doc.title == "Ký kết chương trình phối hợp công tác dân vận"
    assert SENTENCE in doc.text
    assert doc.warnings[0].startswith("converted from VNI")
