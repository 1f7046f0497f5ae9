"""Read article input: files, directories and globs, as a stream of documents.

Plain Python, no Django: ``manage.py extract`` and the importer both use it.

Three kinds of input, chosen by file name:
- ``.txt``: one article, its text as it is.
- ``.html`` / ``.htm``: one page; trafilatura finds the main text and metadata.
- ``.jsonl``: a feed, one JSON object per line with ``url`` and ``html`` or
  ``text`` (and an optional ``fetched_at``). Each line is a document of its own,
  named ``feed.jsonl:17``; a broken line fails alone.

Bytes are decoded as UTF-8 (or UTF-16/32 with a byte order mark). Anything else
is taken for one of the pre-Unicode Vietnamese encodings (Windows-1258, TCVN3,
VNI) and the one that reads as the most Vietnamese wins. Text that is UTF-8 but
was once mis-decoded ("Viá»‡t" for "Việt", or "Vieät" for a VNI file read as
Windows-1252) is repaired when the repair is clear. Every conversion or repair is
named in ``Document.warnings``; ``Document.raw`` keeps the input as decoded,
before any repair.

Bad input never raises: it comes out as a ``Failure`` naming the problem, and the
rest of the input still flows. Only a path that matches nothing raises
(``FileNotFoundError``), before anything is read.
"""

import codecs
import errno
import glob
import json
import os
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime

from archive.extract.legacy_encodings import decode_cp1258, decode_tcvn3, decode_vni

SUFFIXES = (".txt", ".html", ".htm", ".jsonl")
DEFAULT_MAX_BYTES = 5_000_000


@dataclass
class Document:
    source: str  # "path/to/file.txt", or "feed.jsonl:17" for line 17 of a feed
    text: str  # article text to extract from (HTML: title, blank line, main text)
    raw: str  # the input decoded to str, otherwise verbatim; store it untouched
    url: str | None = None
    fetched_at: str | None = None  # ISO date-time, from a feed
    title: str | None = None  # from HTML metadata
    published: str | None = None  # "YYYY-MM-DD", from HTML metadata
    author: str | None = None  # from HTML metadata
    warnings: list[str] = field(default_factory=list)


@dataclass
class Failure:
    source: str
    reason: str


class _Unreadable(Exception):
    """An input that cannot become a Document; the message is the Failure reason."""


# --- Paths -------------------------------------------------------------------


def expand_paths(paths: list[str]) -> list[str]:
    """Turn files, directories and globs into the list of input files.

    Directories are walked recursively, globs support ``**``; from both only
    .txt, .html, .htm and .jsonl files are taken (hidden files and directories
    are skipped), sorted by path. A file named explicitly is kept whatever its
    suffix, so ``iter_documents`` can say why it cannot read it. Each file is
    listed once, at its first mention. A path, or glob, that yields nothing
    raises ``FileNotFoundError`` naming it; an existing empty directory does not.
    """
    found: list[str] = []
    seen: set[str] = set()
    for path in map(os.fspath, paths):
        if glob.has_magic(path):
            files = []
            for match in sorted(glob.glob(path, recursive=True)):
                if os.path.isdir(match):
                    files.extend(_walk(match))
                elif match.lower().endswith(SUFFIXES):
                    files.append(match)
            if not files:
                raise FileNotFoundError(errno.ENOENT, "no input files match", path)
        elif os.path.isdir(path):
            files = _walk(path)
        elif os.path.exists(path):
            files = [path]
        else:
            raise FileNotFoundError(errno.ENOENT, "no such file or directory", path)
        for file in files:
            key = os.path.normpath(file)
            if key not in seen:
                seen.add(key)
                found.append(file)
    return found


def _walk(directory: str) -> list[str]:
    files = []
    for root, dirs, names in os.walk(directory):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        files.extend(
            os.path.join(root, name)
            for name in names
            if not name.startswith(".") and name.lower().endswith(SUFFIXES)
        )
    return sorted(files, key=lambda p: p.split(os.sep))


# --- Documents ---------------------------------------------------------------


def iter_documents(
    paths: list[str], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Document | Failure]:
    """Yield a Document or a Failure for every article in ``paths``.

    The paths are expanded at once, so a path that matches nothing raises
    ``FileNotFoundError`` here, before any file is read. A .txt or .html file
    over ``max_bytes`` fails unread; a feed is read line by line and the limit
    applies to each line.
    """
    files = expand_paths(paths)
    return _iter_files(files, max_bytes)


def reread(source: str, raw: str, url: str | None = None) -> Document | Failure:
    """A stored article's raw text as a document again, for re-extraction:
    an HTML page as fetched, else text."""
    try:
        if raw.lstrip()[:1] == "<":
            return _html_document(source, raw, [], url=url)
        return _text_document(source, raw, [], url=url)
    except _Unreadable as error:
        return Failure(source, str(error))


def _iter_files(files: list[str], max_bytes: int) -> Iterator[Document | Failure]:
    for path in files:
        suffix = os.path.splitext(path)[1].lower()
        try:
            if suffix == ".jsonl":
                yield from _read_feed(path, max_bytes)
            elif suffix == ".txt":
                yield _read_text_file(path, max_bytes)
            elif suffix in (".html", ".htm"):
                yield _read_html_file(path, max_bytes)
            else:
                yield Failure(
                    path, f"unsupported file type {suffix or '(no suffix)'!r}: expected "
                    ".txt, .html, .htm or .jsonl"
                )
        except _Unreadable as error:
            yield Failure(path, str(error))
        except OSError as error:
            yield Failure(path, f"cannot read file: {error.strerror or error}")


def _read_limited(path: str, max_bytes: int) -> bytes:
    size = os.path.getsize(path)
    if size > max_bytes:
        raise _Unreadable(f"larger than {_format_size(max_bytes)} ({size:,} bytes)")
    with open(path, "rb") as file:
        data = file.read(max_bytes + 1)  # the file may have grown since stat()
    if len(data) > max_bytes:
        raise _Unreadable(f"larger than {_format_size(max_bytes)}")
    if not data:
        raise _Unreadable("empty file")
    return data


def _format_size(n: int) -> str:
    if n >= 1_000_000 and n % 100_000 == 0:
        return f"{n / 1_000_000:g} MB"
    if n >= 1_000 and n % 100 == 0:
        return f"{n / 1_000:g} kB"
    return f"{n:,} bytes"


def _read_text_file(path: str, max_bytes: int) -> Document:
    raw, warnings = decode_bytes(_read_limited(path, max_bytes))
    return _text_document(path, raw, warnings)


def _read_html_file(path: str, max_bytes: int) -> Document:
    raw, warnings = decode_bytes(_read_limited(path, max_bytes), markup=True)
    return _html_document(path, raw, warnings, url=None)


def _text_document(source: str, raw: str, warnings: list[str], **fields) -> Document:
    fix, note = choose_repair(raw)
    if fix:
        warnings = [*warnings, note]
    text = _nfc(fix(raw) if fix else raw)
    if not text.strip():
        raise _Unreadable("empty file (only whitespace)")
    return Document(source=source, text=text, raw=raw, warnings=warnings, **fields)


def _html_document(
    source: str, raw: str, warnings: list[str], *, url: str | None, **fields
) -> Document:
    # Imported here: trafilatura takes a second to import, and .txt input and
    # the tests of decoding do not need it.
    import trafilatura

    # Repaired before extraction: trafilatura turns the no-break spaces and
    # drops the control characters that a repair of mojibake needs.
    fix, note = choose_repair(raw, markup=True)
    if fix:
        warnings = [*warnings, note]
    page = trafilatura.bare_extraction(
        fix(raw) if fix else raw, url=url, with_metadata=True, include_comments=False
    )
    main = (page.text or "") if page else ""
    if not main.strip():
        raise _Unreadable("no article text found in the HTML")
    title = (page.title or "").strip() or None
    author = (page.author or "").strip() or None

    # trafilatura often keeps the page's <h1> as the first line of the text.
    first, _, rest = main.partition("\n")
    if title and first.strip() == title:
        main = rest.lstrip("\n")
    text = f"{title}\n\n{main}" if title else main

    return Document(
        source=source,
        text=_nfc(text),
        raw=raw,
        url=url or page.url,
        title=_nfc(title) if title else None,
        published=page.date,
        author=_nfc(author) if author else None,
        warnings=warnings,
        **fields,
    )


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


# --- JSON Lines feeds ----------------------------------------------------------


def _read_feed(path: str, max_bytes: int) -> Iterator[Document | Failure]:
    if os.path.getsize(path) == 0:
        raise _Unreadable("empty file")
    records = 0
    with open(path, "rb") as file:
        number = 0
        while line := file.readline(max_bytes + 1):
            number += 1
            source = f"{path}:{number}"
            if len(line) > max_bytes and not line.endswith(b"\n"):
                _skip_rest_of_line(file)
                records += 1
                yield Failure(
                    source,
                    f"JSON Lines line {number}: larger than {_format_size(max_bytes)}",
                )
                continue
            if number == 1:
                line = line.removeprefix(codecs.BOM_UTF8)
            if not line.strip():
                continue
            records += 1
            try:
                yield _feed_record(source, number, line)
            except _Unreadable as error:
                yield Failure(source, f"JSON Lines line {number}: {error}")
    if not records:
        raise _Unreadable("empty file (no JSON Lines records)")


def _skip_rest_of_line(file) -> None:
    while chunk := file.readline(1 << 20):
        if chunk.endswith(b"\n"):
            return


def _feed_record(source: str, number: int, line: bytes) -> Document:
    try:
        record = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise _Unreadable(f"not UTF-8 (byte {error.start + 1} of the line)") from None
    except json.JSONDecodeError as error:
        raise _Unreadable(f"invalid JSON: {error.msg} (column {error.colno})") from None
    if not isinstance(record, dict):
        raise _Unreadable(f"expected a JSON object, got {type(record).__name__}")
    for key in ("url", "html", "text", "fetched_at"):
        if record.get(key) is not None and not isinstance(record[key], str):
            raise _Unreadable(f"`{key}` must be a string")

    html, text = record.get("html"), record.get("text")
    if not (html and html.strip()) and not (text and text.strip()):
        raise _Unreadable("needs `text` or `html`")

    warnings = []
    url = (record.get("url") or "").strip() or None
    if url is None:
        warnings.append("no `url` in the feed record")
    fetched_at = record.get("fetched_at")
    if fetched_at is not None and not _is_iso_datetime(fetched_at):
        warnings.append(f"`fetched_at` is not an ISO date-time, ignored: {fetched_at!r}")
        fetched_at = None

    # With both, the page wins: it has the metadata, and `text` can be rebuilt.
    if html and html.strip():
        return _html_document(source, html, warnings, url=url, fetched_at=fetched_at)
    return _text_document(source, text, warnings, url=url, fetched_at=fetched_at)


def _is_iso_datetime(value: str) -> bool:
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


# --- Decoding ----------------------------------------------------------------

# Bytes that are not UTF-8 are tried as each of these, best Vietnamese wins;
# on a tie the earlier one (Windows-1258 is a real code page, the others fonts).
LEGACY_DECODERS: dict[str, Callable[[bytes], str]] = {
    "Windows-1258": decode_cp1258,
    "TCVN3": decode_tcvn3,
    "VNI": decode_vni,
}

_UNICODE_BOMS = (  # UTF-32 first: its little-endian BOM begins with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_bytes(data: bytes, *, markup: bool = False) -> tuple[str, list[str]]:
    """Decode an input file: (text, warnings). Raises _Unreadable.

    ``markup``: the bytes are HTML, so tags are left out when judging which
    legacy encoding reads best.
    """
    for bom, encoding in _UNICODE_BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as error:
                raise _Unreadable(
                    f"starts with a {encoding.upper().removesuffix('-SIG')} byte order "
                    f"mark but is not valid {encoding.upper().removesuffix('-SIG')} "
                    f"(byte {error.start + 1})"
                ) from None
            _check_not_binary(text)
            return text, []
    if b"\x00" in data:
        raise _Unreadable("binary file (NUL bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        _check_not_binary(text)
        return text, []

    # Judging by a sample keeps a 5 MB file from being decoded three times over.
    sample = data[:_SAMPLE_BYTES]
    scored = [
        (vietnamese_score(decode(sample), markup=markup), name)
        for name, decode in LEGACY_DECODERS.items()
    ]
    score, name = max(scored, key=lambda item: item[0])  # max keeps the first of a tie
    if score < _LEGACY_MIN_SCORE:
        raise _Unreadable("not UTF-8 and no known Vietnamese encoding fits")
    text = LEGACY_DECODERS[name](data)
    _check_not_binary(text)
    return text, [f"converted from {name}"]


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _check_not_binary(text: str) -> None:
    if not text:
        raise _Unreadable("empty file")
    controls = len(_CONTROL.findall(text))
    if controls > 0.1 * len(text):
        raise _Unreadable(f"binary file ({controls / len(text):.0%} control characters)")


# --- Repairing text that was mis-decoded once --------------------------------

# Each byte as Windows-1252 shows it; the five bytes it leaves undefined as the
# Latin-1 control characters, which is what Windows-1252 readers that do not
# drop them produce.
_CP1252_CHARS = [
    bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(256)
]
_CP1252_BYTES = {char: byte for byte, char in enumerate(_CP1252_CHARS)}
# UTF-8 read as Latin-1 shows 0x80-0x9F as C1 controls; accept them as well.
_CP1252_BYTES.update({chr(b): b for b in range(0x80, 0xA0)})


def _char_class(byte_values: range) -> str:
    chars = {_CP1252_CHARS[b] for b in byte_values} | {chr(b) for b in byte_values}
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"


_CONTINUATION = _char_class(range(0x80, 0xC0))
# A UTF-8 sequence read as Windows-1252 or Latin-1: "Ã¡" (á), "á»‡" (ệ), "â€œ" (“).
_MOJIBAKE = re.compile(
    f"{_char_class(range(0xC2, 0xE0))}{_CONTINUATION}"
    f"|{_char_class(range(0xE0, 0xF0))}{_CONTINUATION}{{2}}"
)
# What shows that text is mojibake, even where a byte was lost: the pieces of
# UTF-8 Vietnamese letters ("Ã" à á â ã è é ê ì í ò ó ô õ ù ú ý, "Ä" ă đ ĩ,
# "Å" ũ, "Æ" ơ ư, "áº"/"á»" the other toned letters) and of UTF-8 punctuation
# ("â€"). Kept narrow: "à" + no-break space or "à" + "…" is real Vietnamese.
_MOJIBAKE_HINT = re.compile(f"[ÃÄÅÆ]{_CONTINUATION}|á[º»]|â€")


def choose_repair(
    text: str, *, markup: bool = False
) -> tuple[Callable[[str], str] | None, str | None]:
    """Find how ``text`` was mis-decoded, if it was: (fix, warning) or (None, None).

    Two cases are repaired: UTF-8 read as Windows-1252/Latin-1 ("Viá»‡t Nam"),
    and a legacy font encoding read as Windows-1252 ("Vieät Nam", "B×nh") and
    saved as Unicode. Raises _Unreadable when the text shows UTF-8 mojibake that
    cannot be undone (a byte of a sequence was lost). ``markup``: ``text`` is
    HTML, whose tags are left out when judging.
    """
    if text.isascii():
        return None, None

    mojibake = len(_MOJIBAKE_HINT.findall(text)) >= 2  # one could be a fluke
    if mojibake:
        repaired, count = _MOJIBAKE.subn(_undo_mojibake, text)
        if count >= 2 and not _MOJIBAKE_HINT.search(repaired):
            return (
                lambda s: _MOJIBAKE.sub(_undo_mojibake, s),
                "repaired UTF-8 text that had been read as Windows-1252",
            )

    legacy = _legacy_repair(text, markup)
    if legacy != (None, None):
        return legacy
    if mojibake:
        raise _Unreadable(
            "UTF-8 read as Windows-1252 (mojibake like 'Ã¡', 'á»‡') that cannot be "
            "repaired: some bytes are lost"
        )
    return None, None


def _legacy_repair(
    text: str, markup: bool
) -> tuple[Callable[[str], str] | None, str | None]:
    if any(char not in _CP1252_BYTES and not char.isascii() for char in text):
        return None, None  # has letters no Windows-1252 reading could produce
    sample = text[:_SAMPLE_BYTES]
    best, best_name = vietnamese_score(sample, markup=markup), None
    for name, decode in LEGACY_DECODERS.items():
        if name == "Windows-1258":
            continue  # read as Windows-1252 it differs in a few letters only
        score = vietnamese_score(decode(_to_cp1252_bytes(sample)), markup=markup)
        if score > best + _REPAIR_MARGIN:
            best, best_name = score, name
    if best_name is None or best < _LEGACY_MIN_SCORE:
        return None, None
    decode = LEGACY_DECODERS[best_name]
    return (
        lambda s: decode(_to_cp1252_bytes(s)),
        f"converted from {best_name} (legacy font text stored as Windows-1252 letters)",
    )


def _undo_mojibake(match: re.Match) -> str:
    try:
        return _to_cp1252_bytes(match.group()).decode("utf-8")
    except UnicodeDecodeError:
        return match.group()


_AS_BYTE = str.maketrans({char: chr(byte) for char, byte in _CP1252_BYTES.items()})


def _to_cp1252_bytes(text: str) -> bytes:
    """The bytes a Windows-1252 reading of which gave ``text`` (all its characters
    must be Windows-1252 or Latin-1 ones)."""
    return text.translate(_AS_BYTE).encode("latin-1")


# --- How Vietnamese a text reads -----------------------------------------------

_VOWELS = "aăâeêioôơuưy"
_SYLLABLE = re.compile(
    rf"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?[{_VOWELS}]{{1,3}}"
    r"(?:ch|ng|nh|[cmnpt])?"
)
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_VIETNAMESE_LETTERS = frozenset(
    "abcdefghijklmnopqrstuvwxyzđ"
    "àảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵăâêôơư"
)
# Typographic characters that are fine in any Vietnamese text.
_PUNCTUATION = frozenset("\u00a0“”‘’–—…•«»°·€§©®±×÷")
_FREQUENT = frozenset(
    "của và các là có được trong người những một với cho không này đã đến về tại "
    "công dân vận huyện tỉnh ủy ủy ban hội nghị phối hợp chương trình thực hiện "
    "năm ngày đồng chí nhân tác đảng việt nam xã cán bộ chính quyền mặt trận tổ "
    "quốc phó chủ tịch trưởng thường vụ kết tổng sơ giai đoạn nhiệm kỳ phong trào".split()
)
_WORD = re.compile(r"[^\W\d_]+")
_MARKUP = re.compile(r"<(script|style)\b.*?</\1\s*>|<[^>]*>|&#?\w+;", re.S | re.I)

# Thresholds found on the sample articles: right decodings score 1.2-1.6,
# wrong ones below 0.6.
_LEGACY_MIN_SCORE = 0.8
_REPAIR_MARGIN = 0.3
_SAMPLE_BYTES = 100_000


def vietnamese_score(text: str, *, markup: bool = False) -> float:
    """How much ``text`` reads as Vietnamese, about 0 (not at all) to 2.

    The share of words that are well-formed Vietnamese syllables, plus the share
    that are among the most frequent syllables of the archive's articles, less a
    penalty for characters no Vietnamese text uses (what a wrong decoding leaves).
    """
    if markup:
        text = _MARKUP.sub(" ", text)
    words = _WORD.findall(text)
    if not words:
        return 0.0
    valid = frequent = 0
    for word in words:
        lower = unicodedata.normalize("NFC", word.lower())
        decomposed = unicodedata.normalize("NFD", lower)
        tones = sum(1 for char in decomposed if char in _TONES)
        bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
        if tones <= 1 and set(lower) <= _VIETNAMESE_LETTERS and _SYLLABLE.fullmatch(bare):
            valid += 1
            frequent += lower in _FREQUENT
    visible = [c for c in text if not c.isspace()]
    strange = sum(
        1
        for c in visible
        if not c.isascii()
        and c not in _PUNCTUATION
        and unicodedata.normalize("NFC", c.lower()) not in _VIETNAMESE_LETTERS
    )
    return (valid + frequent) / len(words) - 5 * strange / max(1, len(visible))
