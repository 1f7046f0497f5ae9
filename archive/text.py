"""Vietnamese text normalisation shared by extraction, the importer and search.

Plain Python, no Django: extraction and its benchmarks import it directly.

Three operations, from weakest to strongest:
- ``normalize``: NFC, look-alike letters fixed, one canonical tone placement,
  no-break spaces as plain spaces. Meaning is unchanged; use it on everything
  before matching or storing a searchable form.
- ``fold``: ``normalize`` and then every diacritic removed and đ/Đ mapped to d/D,
  lower-cased. "Trần Thị Diệu Minh" and "tran thi dieu minh" fold alike. Folding
  merges different words ("Đảng", "đang"), so keep the unfolded form too.
- ``slugify``: ``fold`` turned into an ASCII URL slug.
"""

import re
import unicodedata

# Look-alike code points seen in scraped Vietnamese text.
_LOOKALIKES = str.maketrans(
    {
        "\u00d0": "Đ",  # Icelandic eth, typed for Đ by some legacy keyboards
        "\u0189": "Đ",  # African D
        "\u00a0": " ",  # no-break space
        "\u202f": " ",  # narrow no-break space
        "\u2007": " ",  # figure space
        "\u200b": "",  # zero-width space
        "\ufeff": "",  # byte order mark left in the middle of text
    }
)

_TONE_MARKS = {
    "\u0300": "grave",  # huyền
    "\u0301": "acute",  # sắc
    "\u0303": "tilde",  # ngã
    "\u0309": "hook",  # hỏi
    "\u0323": "dot",  # nặng
}

# Syllables whose tone moved between the "old" (hòa, thủy) and "new" (hoà, thuỷ)
# placement: oa, oe, uy with no final consonant. The archive keeps the old
# placement, the one most provincial news sites use.
_OLD_STYLE = re.compile(
    r"(?<![qQ])([oO])([aAeE])([\u0300\u0301\u0303\u0309\u0323])(?![^\W\d_])"
    r"|(?<![qQ])([uU])([yY])([\u0300\u0301\u0303\u0309\u0323])(?![^\W\d_])"
)

_WORD_BOUNDARY_FIXES = re.compile(r"[ \t]+")


def _move_tone_back(match: re.Match) -> str:
    if match.group(1):
        first, second, tone = match.group(1), match.group(2), match.group(3)
    else:
        first, second, tone = match.group(4), match.group(5), match.group(6)
    return first + tone + second


def normalize(text: str) -> str:
    """NFC with canonical (old-style) tone placement and look-alikes replaced."""
    text = text.translate(_LOOKALIKES)
    decomposed = unicodedata.normalize("NFD", text)
    # In NFD the tone mark follows its vowel (after any vowel mark such as the
    # circumflex); moving it is a matter of swapping it with the previous letter.
    decomposed = _OLD_STYLE.sub(_move_tone_back, decomposed)
    return unicodedata.normalize("NFC", decomposed)


def fold(text: str) -> str:
    """Lower-case ASCII-ish form: no tones, no vowel marks, đ → d."""
    decomposed = unicodedata.normalize("NFD", text.translate(_LOOKALIKES))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.replace("đ", "d").replace("Đ", "D").lower()


def slugify(text: str) -> str:
    """ASCII slug: "Phong Điền (Thừa Thiên Huế)" → "phong-dien-thua-thien-hue"."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def squash_spaces(text: str) -> str:
    """Collapse runs of spaces and tabs inside lines (newlines are kept)."""
    return _WORD_BOUNDARY_FIXES.sub(" ", text)
