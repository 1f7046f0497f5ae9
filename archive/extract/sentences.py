"""Sentence splitting for Vietnamese news text.

Every extracted fact keeps the sentence it came from, so all extractors share
this one splitter.
"""

import re

# A sentence ends at . ! ? … or ; when the next word starts with a capital
# letter or a quote. "4.045.920" and "290- QĐ/TW" are not boundaries, and
# neither is a dot directly followed by a digit.
_UPPER = "".join(chr(c) for c in range(0x41, 0x1F00) if chr(c).isupper() and chr(c).isalpha())
_BOUNDARY = re.compile(r"(?<=[.!?…;])[\"”’)]*\s+(?=[\"“‘(]?[" + _UPPER + r"0-9])")


# A dot that ends an abbreviation or an initial does not end the sentence:
# "UBND TP. Hồ Chí Minh", "PGS.TS. Nguyễn Văn A", "ông Nguyễn V. An".
_ABBREVIATION_END = re.compile(r"(?:(?<!\w)(?:TP|Tp|TX|TT|ThS|TS|PGS|GS|BS|KS|CN|Th\.S)|(?<!\w)[A-ZĐ])\.$")


def split_sentences(text: str) -> list[str]:
    """Split text into sentences; every line break is a boundary too."""
    sentences = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        parts = [part.strip() for part in _BOUNDARY.split(line) if part.strip()]
        merged: list[str] = []
        for part in parts:
            if merged and _ABBREVIATION_END.search(merged[-1]):
                merged[-1] = f"{merged[-1]} {part}"
            else:
                merged.append(part)
        sentences.extend(merged)
    return sentences
