"""An article's text with each fact marked where the text says it: the
review screen's left side. The text is escaped; the only markup is the
paragraphs and the <mark> tags."""

import re
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

_GAP = r"[ \t\u00a0]+"
_DASH = r"\s*[-–—]\s*"


@dataclass
class Needle:
    """Where to mark one fact: a pattern, searched first inside the fact's
    evidence sentence (so that "Phong Điền" marks the sentence the place
    was read from), else anywhere."""

    ref: str
    pattern: re.Pattern
    evidence: str = ""


def words(text: str) -> re.Pattern | None:
    """A case-insensitive pattern for `text` with any spacing between words."""
    parts = [re.escape(part) for part in (text or "").split()]
    return re.compile(_GAP.join(parts), re.IGNORECASE) if parts else None


def period(start: int, end: int) -> re.Pattern:
    return re.compile(f"{start}{_DASH}{end}" if start != end else str(start))


def _find(body: str, needle: Needle) -> tuple[int, int] | None:
    if needle.evidence:
        at = body.find(needle.evidence.strip()[:300])
        if at >= 0:
            found = needle.pattern.search(body, at, at + len(needle.evidence.strip()))
            if found:
                return found.span()
    found = needle.pattern.search(body)
    return found.span() if found else None


def spans(body: str, needles: list[Needle]) -> list[tuple[int, int, list[str]]]:
    """(start, end, refs) of the marks, in order, never overlapping: facts
    found at the same place share a mark; of two that overlap, the one
    found first wins (the other is still listed, unmarked)."""
    at: dict[tuple[int, int], list[str]] = {}
    for needle in needles:
        span = _find(body, needle)
        if span and span[0] < span[1]:
            at.setdefault(span, []).append(needle.ref)
    marks, last_end = [], -1
    for (start, end), refs in sorted(at.items()):
        if start >= last_end:
            marks.append((start, end, refs))
            last_end = end
    return marks


def render(body: str, needles: list[Needle]) -> tuple[SafeString, set[str]]:
    """The body as paragraphs with the facts marked, and the refs marked."""
    parts, position, marked = [], 0, set()
    for start, end, refs in spans(body, needles):
        parts.append(escape(body[position:start]))
        ids = " ".join(refs)
        anchor = refs[0].replace(":", "-")
        parts.append(
            f'<mark class="fact-mark k-{refs[0].partition(":")[0]}" id="mark-{anchor}" data-refs="{escape(ids)}">'
            f"{escape(body[start:end])}</mark>"
        )
        marked.update(refs)
        position = end
    parts.append(escape(body[position:]))
    text = "".join(parts)
    paragraphs = [line for line in re.split(r"\n\s*", text) if line.strip()]
    return mark_safe("".join(f"<p>{line}</p>" for line in paragraphs)), marked
