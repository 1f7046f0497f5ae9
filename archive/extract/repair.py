"""Repair letters broken on the way to the page, before anything is extracted.

Three kinds seen on provincial portals:
- Cyrillic letters standing for Latin ones inside Vietnamese words (a Cyrillic
  "о" in "Hội nghị", a Cyrillic "А" for "Đ" in "Аảng"): each such word is read
  with the Latin letter, or with Đ/đ for А/а where that makes a word the article
  writes elsewhere, or where a syllable cannot start with "a" followed by what
  follows;
- "ử" printed for "ề" ("vử", "tiửn", "nghử"): replaced only where "ử" cannot
  stand in a Vietnamese syllable ("cử", "sử", "gửi", "cửa" are left alone);
- a space after every "à" ("thà nh phố", "và o"): joined when the text shows the
  break more than once and the piece after the space can only end a syllable.

Expects NFC text (``archive.text.normalize``). The raw text is kept as it came
by the importer; only what the extractors read is repaired.
"""

import re

# Cyrillic letters that look like Latin ones.
_CYRILLIC_LATIN = {
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C", "Т": "T",
    "Х": "X", "У": "Y", "І": "I", "Ј": "J", "Ѕ": "S",
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s",
}
_CYRILLIC_D = {"А": "Đ", "а": "đ"}
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_WORD_WITH_CYRILLIC = re.compile(r"[^\W\d_]*[\u0400-\u04ff][^\W\d_]*")
_WORD = re.compile(r"[^\W\d_]+")
# After a syllable-initial "a" only these may follow (ai, ao, au, ay, an, am, ap, at, ac…);
# "Аảng", "Аoàn", "Аồng" must start with Đ.
_AFTER_INITIAL_A = re.compile(r"(?:[iouy](?![^\W\d_])|[nmptc]|ng|nh|ch|$)", re.IGNORECASE)

# "ử" where "ề" was meant: after i/y ("tiửn", "nhiửu"), before a final n or m
# ("nửn" cannot be a syllable: "ưn", "ưm" are not rhymes), or alone after an onset
# that makes no word with "ử" ("vử", "đử", "nghử").
_U_HOOK_FOR_E = re.compile(
    r"(?<=[iyIY])[ửỬ]"
    r"|[ửỬ](?=[nN](?![gG])(?![^\W\d_])|[mM](?![^\W\d_]))"
    r"|(?<![^\W\d_])(?P<onset>[Nn]gh|[Gg]h|[Pp]h|[Tt]r|[Cc]h|[Qq]u|[VvĐđKkBbMmNnRrGg])[ửỬ](?![^\W\d_])"
)

# "thà nh", "và o": a syllable's end cut off by a space after "à".
_A_GRAVE_SPLIT = re.compile(r"à (ng|nh|ch|n|m|c|p|t|i|o|u|y)(?![^\W\d_])")
_NOT_A_SPLIT_Y = re.compile(r" (?:tế|học|khoa|sĩ|dược|bác)\b")


def repair(text: str) -> str:
    """``text`` with the three kinds of broken letters mended; unchanged when
    it shows none of them (the common case costs three searches)."""
    if _CYRILLIC.search(text):
        text = _repair_cyrillic(text)
    if "ử" in text or "Ử" in text:
        text = _repair_u_hook(text)
    if "à " in text:
        text = _repair_a_grave_space(text)
    return text


def _repair_cyrillic(text: str) -> str:
    letters = sum(1 for char in text if char.isalpha())
    cyrillic = len(_CYRILLIC.findall(text))
    if cyrillic * 5 > letters:
        return text  # a text in a Cyrillic script, not a Vietnamese one with stray letters
    vocabulary = {word.lower() for word in _WORD.findall(text) if not _CYRILLIC.search(word)}

    def mend(match: re.Match) -> str:
        word = match.group()
        latin = "".join(_CYRILLIC_LATIN.get(char, char) for char in word)
        if word[0] in _CYRILLIC_D:
            with_d = _CYRILLIC_D[word[0]] + latin[1:]
            if with_d.lower() in vocabulary and latin.lower() not in vocabulary:
                return with_d
            if latin.lower() not in vocabulary and not _AFTER_INITIAL_A.match(latin, 1):
                return with_d
        return latin

    return _WORD_WITH_CYRILLIC.sub(mend, text)


def _repair_u_hook(text: str) -> str:
    def mend(match: re.Match) -> str:
        onset = match.group("onset") or ""
        broken = match.group()[len(onset):]
        return onset + ("ề" if broken == "ử" else "Ề")

    return _U_HOOK_FOR_E.sub(mend, text)


def _repair_a_grave_space(text: str) -> str:
    splits = _A_GRAVE_SPLIT.findall(text)
    if sum(1 for piece in splits if piece not in ("o", "u", "y", "i")) < 2:
        return text  # one "à m" is a typo, not a broken text; "và o" alone may be a word

    def join(match: re.Match) -> str:
        if match.group(1) == "y" and _NOT_A_SPLIT_Y.match(text, match.end()):
            return match.group()  # "và y tế"
        return "à" + match.group(1)

    return _A_GRAVE_SPLIT.sub(join, text)
