"""Pre-Unicode Vietnamese font encodings: TCVN3 (ABC) and VNI-Windows.

Plain Python, no Django. Before Unicode, Vietnamese documents were typed in
Latin-1/Windows-1252 files shown with a special font that draws Vietnamese
letters in place of the accented Latin ones. Read with any ordinary codec the
text comes out as "Ninh B×nh" (TCVN3) or "Vieät Nam" (VNI). The tables below map
the byte values back to the letters the font draws.

Windows-1258 needs no table: Python ships the codec (``cp1258``). It writes most
tones as combining marks after the letter, so its output must be NFC-normalised.

Both decoders take ``bytes``. A byte the table does not cover is read as
Windows-1252 (the font keeps that code page's punctuation, e.g. curly quotes),
and the five bytes Windows-1252 leaves undefined as Latin-1.
"""

import re
import unicodedata

# --- TCVN3 (TCVN 5712:1993 "VN3", the ABC fonts .VnTime, .VnArial ...) -------
#
# One byte per letter. The normal fonts hold all lower-case letters, toned or
# not, but only the seven upper-case letters with a vowel mark or bar; upper-case
# letters *with a tone* lived in the separate capitals fonts (.VnTimeH), which
# reuse the lower-case byte values. So a toned letter always decodes to lower case
# here: "VIÖT NAM" typed in .VnTimeH reads "VIệT NAM". That cannot be undone
# without knowing the font, and is left as it is.
TCVN3_TO_UNICODE: dict[int, str] = {
    # Upper case letters with a vowel mark or bar (no tone).
    0xA1: "Ă",
    0xA2: "Â",
    0xA3: "Ê",
    0xA4: "Ô",
    0xA5: "Ơ",
    0xA6: "Ư",
    0xA7: "Đ",
    # Lower case letters with a vowel mark or bar.
    0xA8: "ă",
    0xA9: "â",
    0xAA: "ê",
    0xAB: "ô",
    0xAC: "ơ",
    0xAD: "ư",
    0xAE: "đ",
    # a: grave, hook, tilde, acute, dot below. Note the order: hook and tilde come
    # before acute in every row of the table.
    0xB5: "à",
    0xB6: "ả",
    0xB7: "ã",
    0xB8: "á",
    0xB9: "ạ",
    # ă (0xBA is unused)
    0xBB: "ằ",
    0xBC: "ẳ",
    0xBD: "ẵ",
    0xBE: "ắ",
    0xC6: "ặ",  # out of sequence: 0xBF-0xC5 are not used for ă
    # â
    0xC7: "ầ",
    0xC8: "ẩ",
    0xC9: "ẫ",
    0xCA: "ấ",
    0xCB: "ậ",
    # e (0xCD is unused)
    0xCC: "è",
    0xCE: "ẻ",
    0xCF: "ẽ",
    0xD0: "é",
    0xD1: "ẹ",
    # ê
    0xD2: "ề",
    0xD3: "ể",
    0xD4: "ễ",
    0xD5: "ế",
    0xD6: "ệ",
    # i (0xD9-0xDB are unused)
    0xD7: "ì",
    0xD8: "ỉ",
    0xDC: "ĩ",
    0xDD: "í",
    0xDE: "ị",
    # o (0xE0 is unused)
    0xDF: "ò",
    0xE1: "ỏ",
    0xE2: "õ",
    0xE3: "ó",
    0xE4: "ọ",
    # ô
    0xE5: "ồ",
    0xE6: "ổ",
    0xE7: "ỗ",
    0xE8: "ố",
    0xE9: "ộ",
    # ơ
    0xEA: "ờ",
    0xEB: "ở",
    0xEC: "ỡ",
    0xED: "ớ",
    0xEE: "ợ",
    # u (0xF0 is unused)
    0xEF: "ù",
    0xF1: "ủ",
    0xF2: "ũ",
    0xF3: "ú",
    0xF4: "ụ",
    # ư
    0xF5: "ừ",
    0xF6: "ử",
    0xF7: "ữ",
    0xF8: "ứ",
    0xF9: "ự",
    # y
    0xFA: "ỳ",
    0xFB: "ỷ",
    0xFC: "ỹ",
    0xFD: "ý",
    0xFE: "ỵ",
}

# --- VNI-Windows (the VNI fonts VNI-Times, VNI-Helve ...) --------------------
#
# A letter is its base letter followed by one mark byte, e.g. "a" + "ø" (0xF8)
# for "à", "e" + "ä" (0xE4) for "ệ" ("Vieät"). A few letters are single bytes.
# Mark bytes come in a lower-case and an upper-case form ("aø", "AØ"); the case
# of the result follows the base letter, and either form of the mark is
# accepted after either case of base letter.

# Single-byte letters. "ô"/"Ô" (0xF4/0xD4) is ơ on its own and also serves as
# the base letter of a toned ơ ("ôù" = ớ); likewise "ö"/"Ö" for ư.
VNI_SINGLE: dict[int, str] = {
    0xF1: "đ",  # ñ
    0xD1: "Đ",  # Ñ
    0xF4: "ơ",  # ô
    0xD4: "Ơ",  # Ô
    0xF6: "ư",  # ö
    0xD6: "Ư",  # Ö
    # i takes its tone in one byte, not as base + mark.
    0xEC: "ì",  # ì
    0xED: "í",  # í
    0xE6: "ỉ",  # æ
    0xF3: "ĩ",  # ó
    0xF2: "ị",  # ò
    0xCC: "Ì",  # Ì
    0xCD: "Í",  # Í
    0xC6: "Ỉ",  # Æ
    0xD3: "Ĩ",  # Ó
    0xD2: "Ị",  # Ò
    # y with dot below is one byte too ("y" + mark would clash with nothing,
    # but that is how the fonts do it).
    0xEE: "ỵ",  # î
    0xCE: "Ỵ",  # Î
}

# Tone marks, as the combining character each stands for.
_GRAVE, _ACUTE, _HOOK, _TILDE, _DOT = "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"
_CIRCUMFLEX, _BREVE = "\u0302", "\u0306"

# Mark bytes after a, e, o, u, y and after ơ/ư ("ô"/"ö"): tone only.
VNI_TONE_MARKS: dict[int, str] = {
    0xF8: _GRAVE,  # ø
    0xD8: _GRAVE,  # Ø
    0xF9: _ACUTE,  # ù
    0xD9: _ACUTE,  # Ù
    0xFB: _HOOK,  # û
    0xDB: _HOOK,  # Û
    0xF5: _TILDE,  # õ
    0xD5: _TILDE,  # Õ
    0xEF: _DOT,  # ï
    0xCF: _DOT,  # Ï
}

# Mark bytes after a, e, o: circumflex (â, ê, ô), alone or with a tone.
VNI_CIRCUMFLEX_MARKS: dict[int, str] = {
    0xE2: "",  # â
    0xC2: "",  # Â
    0xE0: _GRAVE,  # à
    0xC0: _GRAVE,  # À
    0xE1: _ACUTE,  # á
    0xC1: _ACUTE,  # Á
    0xE5: _HOOK,  # å
    0xC5: _HOOK,  # Å
    0xE3: _TILDE,  # ã
    0xC3: _TILDE,  # Ã
    0xE4: _DOT,  # ä
    0xC4: _DOT,  # Ä
}

# Mark bytes after a only: breve (ă), alone or with a tone.
VNI_BREVE_MARKS: dict[int, str] = {
    0xEA: "",  # ê
    0xCA: "",  # Ê
    0xE8: _GRAVE,  # è
    0xC8: _GRAVE,  # È
    0xE9: _ACUTE,  # é
    0xC9: _ACUTE,  # É
    0xFA: _HOOK,  # ú
    0xDA: _HOOK,  # Ú
    0xFC: _TILDE,  # ü
    0xDC: _TILDE,  # Ü
    0xEB: _DOT,  # ë
    0xCB: _DOT,  # Ë
}

_TONE_BASES = frozenset(b"aeouyAEOUY") | {0xF4, 0xD4, 0xF6, 0xD6}
_CIRCUMFLEX_BASES = frozenset(b"aeoAEO")
_BREVE_BASES = frozenset(b"aA")


def _byte_as_cp1252(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:  # 0x81, 0x8D, 0x8F, 0x90, 0x9D
        return chr(byte)


_CP1252 = [_byte_as_cp1252(b) for b in range(256)]
_TCVN3 = {b: TCVN3_TO_UNICODE.get(b, _CP1252[b]) for b in range(0x80, 0x100)}


def decode_tcvn3(data: bytes) -> str:
    """Decode TCVN3 (ABC) bytes. Never fails: every byte maps to something."""
    return data.decode("latin-1").translate(_TCVN3)


def _vni_base(byte: int) -> str:
    return VNI_SINGLE.get(byte) or _CP1252[byte]


def _vni_pairs() -> dict[bytes, str]:
    """Every base letter + mark byte pair, as the letter it stands for."""
    pairs = {}
    for bases, marks, vowel_mark in (
        (_TONE_BASES, VNI_TONE_MARKS, ""),
        (_CIRCUMFLEX_BASES, VNI_CIRCUMFLEX_MARKS, _CIRCUMFLEX),
        (_BREVE_BASES, VNI_BREVE_MARKS, _BREVE),
    ):
        for base in bases:
            for mark, tone in marks.items():
                letter = unicodedata.normalize("NFC", _vni_base(base) + vowel_mark + tone)
                pairs[bytes([base, mark])] = letter
    return pairs


VNI_PAIRS: dict[bytes, str] = _vni_pairs()


def _byte_class(values) -> str:
    return "[" + "".join(re.escape(chr(b)) for b in sorted(values)) + "]"


# Read as Latin-1, so one character is one byte. A valid pair first, left to
# right ("ôù" is ớ, a lone "ô" is ơ), else any single upper-half byte.
_VNI_TOKEN = re.compile(
    "|".join(
        _byte_class(bases) + _byte_class(marks)
        for bases, marks in (
            (_CIRCUMFLEX_BASES, VNI_CIRCUMFLEX_MARKS),
            (_BREVE_BASES, VNI_BREVE_MARKS),
            (_TONE_BASES, VNI_TONE_MARKS),
        )
    )
    + "|[\x80-\xff]"
)
_VNI_TOKENS = {pair.decode("latin-1"): char for pair, char in VNI_PAIRS.items()} | {
    chr(b): _vni_base(b) for b in range(0x80, 0x100)
}


def decode_vni(data: bytes) -> str:
    """Decode VNI-Windows bytes. Never fails; the result is NFC."""
    return _VNI_TOKEN.sub(lambda m: _VNI_TOKENS[m.group()], data.decode("latin-1"))


def decode_cp1258(data: bytes) -> str:
    """Decode Windows-1258 bytes and compose its combining tone marks (NFC)."""
    return unicodedata.normalize("NFC", data.decode("cp1258", errors="replace"))


# Inverse tables, for writing test input and for checking the tables are
# one-to-one. Not used when reading.
UNICODE_TO_TCVN3: dict[str, int] = {char: byte for byte, char in TCVN3_TO_UNICODE.items()}


def _vni_inverse() -> dict[str, bytes]:
    table = {char: bytes([byte]) for byte, char in VNI_SINGLE.items()}  # "ỵ" is "î"
    for pair, char in VNI_PAIRS.items():
        base_upper = pair[0] < 0x80 and chr(pair[0]).isupper() or 0xC0 <= pair[0] < 0xE0
        if base_upper == (pair[1] < 0xE0):  # write the mark in the base's case
            table.setdefault(char, pair)
    return table


UNICODE_TO_VNI: dict[str, bytes] = _vni_inverse()
