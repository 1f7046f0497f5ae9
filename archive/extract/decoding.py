"""Bytes and text of article input made readable: decoding and one-off repairs.

Bytes are decoded as UTF-8 (or UTF-16/32 with a byte order mark). Anything else
is taken for one of the pre-Unicode Vietnamese encodings (Windows-1258, TCVN3,
VNI) and the one that reads as the most Vietnamese wins. Text that is UTF-8 but
was once mis-decoded ("Viá»‡t" for "Việt", or "Vieät" for a VNI file read as
Windows-1252) is repaired when the repair is clear. What cannot be read raises
``Unreadable``, whose message says why.
"""

import codecs
import re
import unicodedata
from collections.abc import Callable

from archive.extract.legacy_encodings import decode_cp1258, decode_tcvn3, decode_vni


class Unreadable(Exception):
    """An input that cannot become a document; the message is the reason."""


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
    """Decode an input file: (text, warnings). Raises Unreadable.

    ``markup``: the bytes are HTML, so tags are left out when judging which
    legacy encoding reads best.
    """
    for bom, encoding in _UNICODE_BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as error:
                raise Unreadable(
                    f"starts with a {encoding.upper().removesuffix('-SIG')} byte order "
                    f"mark but is not valid {encoding.upper().removesuffix('-SIG')} "
                    f"(byte {error.start + 1})"
                ) from None
            _check_not_binary(text)
            return text, []
    if b"\x00" in data:
        raise Unreadable("binary file (NUL bytes)")
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
        raise Unreadable("not UTF-8 and no known Vietnamese encoding fits")
    text = LEGACY_DECODERS[name](data)
    _check_not_binary(text)
    return text, [f"converted from {name}"]


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _check_not_binary(text: str) -> None:
    if not text:
        raise Unreadable("empty file")
    controls = len(_CONTROL.findall(text))
    if controls > 0.1 * len(text):
        raise Unreadable(f"binary file ({controls / len(text):.0%} control characters)")


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
    saved as Unicode. Raises Unreadable when the text shows UTF-8 mojibake that
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
        raise Unreadable(
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
