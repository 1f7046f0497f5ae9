"""Coordination agreements an article reports: programmes (Chương trình phối
hợp), regulations (Quy chế phối hợp) and annual plans, with what happened to
them (signed, reviewed, both, a plan adopted), their period and parties.

Two steps, because the parties need the article's localities (to expand "UBND
huyện") and the article's date needs the programme's first year:
``find_mentions`` reads the text; ``build_agreements`` turns its mentions into
the contract's dicts, one per (period, kind).

A mention is a verb acting on an agreement: "ký kết chương trình phối hợp …
giai đoạn 2022-2026", "Sơ kết việc thực hiện chương trình phối hợp …",
"thông qua kế hoạch thực hiện chương trình phối hợp năm 2024", "chương trình
phối hợp đã ký kết". The period is the first one after the agreement's name in
the same sentence (a party list may stand between them), never a congress term
(nhiệm kỳ).
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from archive.extract.organisations import normalise_party
from archive.extract.periods import PeriodSpan, find_period_spans

_UPPER = "".join(chr(c) for c in range(0x41, 0x1F00) if chr(c).isupper() and chr(c).isalpha())
# Sentences end at . ! ? … before a capital; unlike the shared splitter, never at
# ";" — party lists run on with it ("gồm UBND huyện; Công an huyện; …").
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’)]*\s+(?=[\"“‘(]?[" + _UPPER + r"0-9])")

_SIGN = r"(?<!thư )(?<!đăng )\bký(?:\s+kết)?(?:\s+lại|\s+bổ sung)?\b(?!\s+(?:hiệu|sự|ức|túc|giả|tên|gửi))"
_REVIEW = r"\b(?:sơ kết|tổng kết|đánh giá (?:kết quả )?(?:\d+ năm )?thực hiện)\b"
_PLAN = r"\b(?:thông qua|ban hành|triển khai|xây dựng|thống nhất|phê duyệt)\b"
_VERB = re.compile(rf"(?P<sign>{_SIGN})|(?P<review>{_REVIEW})|(?P<plan>{_PLAN})", re.IGNORECASE)

# The name of an agreement: "Chương trình phối hợp", "Quy chế phối hợp", "kế hoạch
# thực hiện chương trình phối hợp", "chương trình về công tác dân vận",
# "Nghị quyết liên tịch"; not "Chương trình hành động" (a party document).
_AGREEMENT = re.compile(
    r"\b(?:chương trình|quy chế|kế hoạch|nghị quyết)(?!\s+hành động)(?:\s+[^\s.,;:!?]+){0,6}?\s+"
    r"(?:phối hợp|liên tịch|liên ngành)\b"
    r"|\bchương trình(?:\s+phối hợp)?(?:\s+thực hiện)?(?:\s+về)?(?:\s+công tác)?\s+dân vận\b",
    re.IGNORECASE,
)
_PLAN_NAME = re.compile(r"\bkế hoạch\b", re.IGNORECASE)
_NAME_REACH = 60  # characters between a verb and the agreement it acts on
_PERIOD_REACH = 400  # the period may follow a long list of parties
_PASSIVE = re.compile(r"(?:được|đã|vừa|mới)(?:\s+được)?\s*$", re.IGNORECASE)
# Between an agreement's name and its period, these start something else.
_OTHER_DOCUMENT = re.compile(
    r"\b(?:Nghị quyết|Chỉ thị|Quyết định|Kết luận|Chương trình hành động|Đại hội|Luật|Nghị định)\b"
)

# Where parties are named.
_BETWEEN = re.compile(r"\bgiữa\s+", re.IGNORECASE)
_ON_BEHALF = re.compile(r"\bthay mặt\s+(?P<list>.+?)(?:,|\s+(?:đồng chí|ông|bà)\b)", re.IGNORECASE)
_LIST_END = re.compile(
    r"\s*(?:,\s*)?(?:\b(?:giai đoạn|nhiệm kỳ|năm \d|nhằm|về|diễn ra|được|đã|đang|sẽ|tại|trong|theo|để|"
    r"với mục|cho|từ|đến|ngày|vào|nhân dịp|thời gian|sáng|chiều)\b|[(.:“\"]|$)",
    re.IGNORECASE,
)
_LIST_SEPARATOR = re.compile(r"(\s*(?:,|;|\bvà\b|\bvới\b|\bgồm(?:\s+có)?\b|:|\s[-–]\s)\s*)", re.IGNORECASE)
_SUBJECT_TAIL = re.compile(
    r"(?:[\s,]|\b(?:đã|đang|sẽ|vừa|cùng|cùng nhau|chính thức|tiến hành|tổ chức|hội nghị|buổi|lễ|"
    r"long trọng|thảo luận|thống nhất|và|đồng thời|chiều nay|sáng nay|hôm nay)\b)+$",
    re.IGNORECASE,
)
# A chunk that starts with a person's title is a person, not a party.
_PERSON = re.compile(
    r"^(?:đồng chí|ông|bà|ủy viên|uv|phó|chủ tịch|trưởng|bí thư|giám đốc|chỉ huy|thủ trưởng|chánh|"
    r"viện trưởng|đại diện|lãnh đạo|thay mặt|các đồng chí)\b",
    re.IGNORECASE,
)


@dataclass
class Mention:
    kind: str  # "sign", "review" or "plan"
    period: PeriodSpan | None
    evidence: str
    party_lists: list[str] = field(default_factory=list)  # "X và Y" lists, in order
    subject: str = ""  # text before the verb: its last chunks may be the parties


def find_mentions(title: str, body: str) -> list[Mention]:
    """Every verb acting on an agreement, in the title and the body."""
    mentions: list[Mention] = []
    for sentence in _sentences(title, body):
        mentions.extend(_sentence_mentions(sentence))
    return mentions


def programme_year(mentions: list[Mention]) -> int | None:
    """First year of the (earliest) programme signed in the article, else of an
    annual plan adopted: what dates an event written without its year."""
    for kinds in (("sign",), ("plan",)):
        years = [m.period.start for m in mentions if m.kind in kinds and m.period]
        if years:
            return min(years)
    return None


def build_agreements(
    mentions: list[Mention],
    *,
    title: str,
    localities: list[dict],
    signed_on: str | None,
    normalise: Callable[..., dict | None] = normalise_party,
) -> list[dict]:
    """The contract's agreement dicts: one per (period, kind), parties merged.

    A period both reviewed and signed is one "both" agreement; a mention without
    a period joins an agreement of the same kind that has one.
    """
    def parties_of(mention: Mention) -> list[str]:
        names = []
        for text in mention.party_lists:
            names.extend(_parties_in_list(text, localities, normalise))
        names.extend(_parties_in_subject(mention.subject, localities, normalise))
        return names

    kinds_by_period: dict[str | None, dict[str, list[Mention]]] = {}
    for mention in mentions:
        label = mention.period.label if mention.period else None
        kinds_by_period.setdefault(label, {}).setdefault(mention.kind, []).append(mention)

    grouped: dict[tuple[str | None, str], list[Mention]] = {}
    for label, by_kind in kinds_by_period.items():
        if "sign" in by_kind and "review" in by_kind:
            by_kind["both"] = by_kind.pop("sign") + by_kind.pop("review")
        for kind, group in by_kind.items():
            grouped[(label, kind)] = group

    # Mentions without a period belong to the agreement of that kind that has one.
    for (label, kind) in [key for key in grouped if key[0] is None]:
        homes = [key for key in grouped if key[0] is not None and _compatible(kind, key[1])]
        if homes:
            grouped[homes[0]].extend(grouped.pop((label, kind)))

    title_parties = _title_parties(title, localities, normalise)
    agreements = []
    for (label, kind), group in grouped.items():
        parties = _unique(name for mention in group for name in parties_of(mention))
        agreements.append(
            {
                "parties": parties or title_parties,
                "period": label,
                "signed_on": signed_on if kind in ("sign", "both") else None,
                "kind": kind,
                "evidence": group[0].evidence,
            }
        )
    return agreements


def _sentences(title: str, body: str) -> list[str]:
    sentences = [title.strip()] if title.strip() else []
    for line in body.splitlines():
        sentences.extend(part.strip() for part in _SENTENCE_END.split(line) if part.strip())
    return sentences


def _sentence_mentions(sentence: str) -> list[Mention]:
    verbs = list(_VERB.finditer(sentence))
    if not verbs or not _AGREEMENT.search(sentence):
        return []
    periods = [span for span in find_period_spans(sentence) if span.kind != "term"]
    lists = _party_lists(sentence)
    mentions: list[Mention] = []
    pending: list[re.Match] = []  # "sơ kết và ký kết …": verbs sharing one object
    for index, verb in enumerate(verbs):
        following = verbs[index + 1].start() if index + 1 < len(verbs) else len(sentence)
        between = sentence[verb.end() : following]
        if index + 1 < len(verbs) and re.fullmatch(r"[\s,]*(?:và|,)?[\s,]*", between):
            pending.append(verb)
            continue
        found = _object_of(verb, sentence, following, periods)
        if found is None:
            pending.clear()
            continue
        period = found
        subject = sentence[: (pending[0] if pending else verb).start()]
        for acting in [*pending, verb]:
            kind = acting.lastgroup
            if kind == "plan" and not _is_plan(acting, sentence, period):
                continue
            mentions.append(Mention(kind, period or None, sentence, lists, subject))
        pending.clear()
    return mentions


def _object_of(verb: re.Match, sentence: str, following: int, periods: list[PeriodSpan]):
    """The period of the agreement the verb acts on: a PeriodSpan, False when the
    verb acts on an agreement whose period is not said, None when it acts on none."""
    after = sentence[verb.end() : following]
    name = _AGREEMENT.search(after)
    if verb.lastgroup == "plan":
        plan = _PLAN_NAME.search(after)
        name = plan if plan and plan.start() <= _NAME_REACH else None
    if name and name.start() <= _NAME_REACH:
        name_start, name_end = verb.end() + name.start(), verb.end() + name.end()
        after_name = [
            span for span in periods
            if name_start <= span.begin <= name_end + _PERIOD_REACH and span.begin < following
        ]
        if after_name and not _OTHER_DOCUMENT.search(sentence[name_end : after_name[0].begin]):
            return after_name[0]
        return False
    # "tổng kết giai đoạn 2016-2021, ký kết giai đoạn 2022-2026": the name was said once.
    for span in periods:
        if verb.end() <= span.begin <= verb.end() + 15:
            return span
    # "chương trình phối hợp giai đoạn 2022-2026 đã được ký kết"
    before = sentence[: verb.start()]
    if verb.lastgroup != "plan" and _PASSIVE.search(before):
        name = None
        for name in _AGREEMENT.finditer(before):
            pass
        if name and verb.start() - name.end() <= _NAME_REACH + 40:
            inside = [s for s in periods if name.start() <= s.begin < verb.start()]
            return inside[0] if inside else False
    return None


def _is_plan(verb: re.Match, sentence: str, period) -> bool:
    """An annual plan is adopted: "thông qua kế hoạch … năm 2024"."""
    return bool(period) and period.kind == "year"


def _compatible(kind: str, other: str) -> bool:
    return kind == other or (other == "both" and kind in ("sign", "review"))


def _party_lists(sentence: str) -> list[str]:
    lists = []
    for match in _BETWEEN.finditer(sentence):
        rest = sentence[match.end() :]
        lists.append(rest[: _LIST_END.search(rest, 1).start()])
    lists.extend(match["list"] for match in _ON_BEHALF.finditer(sentence))
    return lists


def _parties_in_list(text: str, localities, normalise) -> list[str]:
    """'Ban Dân vận Huyện ủy với các cơ quan gồm UBND huyện; Công an huyện' → names.

    A piece that is no party on its own may be the end of one with "và" in its
    name ("Sở Tài nguyên và Môi trường"): it is tried joined to the piece before.
    """
    pieces = _LIST_SEPARATOR.split(text)
    names: list[str] = []
    previous = ""  # the text of the last piece taken as a party
    for position in range(0, len(pieces), 2):
        piece = pieces[position].strip()
        if not piece or _PERSON.match(piece):
            previous = ""
            continue
        party = normalise(piece, localities=localities)
        if party is None and previous and pieces[position - 1].strip() in ("và", "-", "–"):
            joined = previous + pieces[position - 1] + piece
            party = normalise(joined, localities=localities)
            if party is not None:
                names.pop()
                piece = joined
        if party is None:
            previous = ""
            continue
        names.append(party["name"])
        previous = piece
    return names


def _parties_in_subject(subject: str, localities, normalise) -> list[str]:
    """The parties named just before the verb: "Sáng 26/5, Ban Dân vận Huyện ủy và
    UBND huyện Vĩnh Tường tổ chức hội nghị ký kết …" → the two bodies."""
    subject = _SUBJECT_TAIL.sub("", re.sub(r"\([^()]*\)", "", subject))
    pieces = _LIST_SEPARATOR.split(subject)
    names: list[str] = []
    for position in range(len(pieces) - 1, -1, -2):
        piece = pieces[position].strip()
        if not piece or _PERSON.match(piece):
            break
        party = normalise(piece, localities=localities)
        if party is None:
            break
        names.insert(0, party["name"])
    return names


def _title_parties(title: str, localities, normalise) -> list[str]:
    """'Kon Tum: Ban Dân vận Tỉnh ủy - Ban cán sự đảng UBND tỉnh tăng cường phối hợp …'."""
    title = title.split(": ", 1)[-1]
    if not re.search(r"\s[-–]\s", title):
        return []
    pieces = [piece.strip() for piece in re.split(r"\s[-–]\s", title)]
    names = []
    for piece in pieces:
        party = normalise(_trim_to_name(piece), localities=localities)
        if party is None:
            return []
        names.append(party["name"])
    return _unique(names)


def _trim_to_name(piece: str) -> str:
    """Cut a title piece where the predicate starts: '… UBND tỉnh tăng cường phối hợp'."""
    match = re.search(
        r"\s+(?:tăng cường|phối hợp|ký|sơ kết|tổng kết|thống nhất|triển khai|tổ chức|thực hiện|"
        r"hội nghị|cùng|đẩy mạnh|nâng cao|quyết tâm|bàn|thảo luận)\b",
        piece,
        re.IGNORECASE,
    )
    return piece[: match.start()] if match else piece


def _unique(names) -> list[str]:
    seen, unique = set(), []
    for name in names:
        if name not in seen:
            seen.add(name)
            unique.append(name)
    return unique
