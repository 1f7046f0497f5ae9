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

_TONES = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng


def _toned(bases: str) -> dict[str, tuple[str, str]]:
    """Precomposed toned vowel → (bare vowel, tone mark), for the given vowels."""
    return {
        unicodedata.normalize("NFC", base + tone): (base, tone) for base in bases for tone in _TONES
    }


# Syllables whose tone moved between the "old" (hòa, thủy) and "new" (hoà, thuỷ)
# placement: oa, oe, uy with no final consonant ("quý" is qu + y: left alone).
# The archive keeps the old placement, the one most provincial news sites use.
_NEW_STYLE_SECOND = {**_toned("aAeE"), **_toned("yY")}
# The "not after q" test comes after the two letters: a look-behind in front
# would be tried at every position of the text (3x slower over an article).
_NEW_STYLE = re.compile(
    "(?:([oO])([" + "".join(c for c, (b, _) in _NEW_STYLE_SECOND.items() if b in "aAeE") + "])"
    "|([uU])([" + "".join(c for c, (b, _) in _NEW_STYLE_SECOND.items() if b in "yY") + "]))"
    r"(?<![qQ]..)(?![^\W\d_])"
)

_WORD_BOUNDARY_FIXES = re.compile(r"[ \t]+")


def _move_tone_back(match: re.Match) -> str:
    first = match.group(1) or match.group(3)
    base, tone = _NEW_STYLE_SECOND[match.group(2) or match.group(4)]
    return unicodedata.normalize("NFC", first + tone) + base


def normalize(text: str) -> str:
    """NFC with canonical (old-style) tone placement and look-alikes replaced."""
    # str.translate with a dict looks up every character (~0.7 ms for an
    # article); most texts hold none of the look-alikes.
    if any(chr(code) in text for code in _LOOKALIKES):
        text = text.translate(_LOOKALIKES)
    text = unicodedata.normalize("NFC", text)
    return _NEW_STYLE.sub(_move_tone_back, text)


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
