"""Coordination agreements an article reports: programmes (Chương trình phối
hợp), regulations (Quy chế phối hợp) and annual plans, with what happened to
them (signed, reviewed, both, a plan adopted), their period and parties.

Two steps, because the parties need the article's localities (to expand "UBND
huyện") and the article's date needs the programme's first year:
``find_mentions`` reads the text; ``build_agreements`` turns its mentions into
the contract's dicts, one per (period, kind), with the parties ``parties`` reads.

A mention is a verb acting on an agreement: "ký kết chương trình phối hợp …
giai đoạn 2022-2026", "Sơ kết việc thực hiện chương trình phối hợp …",
"thông qua kế hoạch thực hiện chương trình phối hợp năm 2024", "chương trình
phối hợp đã ký kết". The period is the first one after the agreement's name in
the same sentence (a party list may stand between them), never a congress term
(nhiệm kỳ).
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

from archive.extract.organisations import normalise_party
from archive.extract.parties import parties_in_list, parties_in_subject, party_lists, title_parties, unique
from archive.extract.periods import PeriodSpan, find_period_spans

_UPPER = "".join(chr(c) for c in range(0x41, 0x1F00) if chr(c).isupper() and chr(c).isalpha())
# Sentences end at . ! ? … before a capital; unlike the shared splitter, never at
# ";" — party lists run on with it ("gồm UBND huyện; Công an huyện; …").
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’)]*\s+(?=[\"“‘(]?[" + _UPPER + r"0-9])")

# Verbs and agreement names are matched on the lower-cased sentence (same
# offsets): plain literal alternatives let the regex engine skip ahead quickly.
_VERB_START = re.compile(
    r"ký|sơ kết|tổng kết|đánh giá|thông qua|ban hành|triển khai|xây dựng|thống nhất|phê duyệt"
    r"|nhìn lại|kiểm điểm|tọa đàm|đưa vào thực hiện"
)
_SIGN = re.compile(r"ký(?:\s+kết)?(?:\s+lại|\s+bổ sung)?(?!\w|\s+(?:hiệu|sự|ức|túc|giả|tên|gửi)\b)")
# "đánh giá kết quả", "đánh giá 5 năm thực hiện", "đánh giá một năm triển khai";
# not a bare "đánh giá" ("đánh giá cao").
_YEARS = r"(?:\d+|một|hai|ba|bốn|năm|mười|nửa) năm"
_ASSESS = re.compile(
    rf"đánh giá (?:(?:kết quả|việc)(?: {_YEARS})?(?: (?:thực hiện|triển khai))?|{_YEARS}(?: (?:thực hiện|triển khai))?"
    r"|thực hiện|triển khai)(?!\w)"
)
# Verbs that review an agreement without "sơ kết" or "tổng kết": "nhìn lại 5 năm
# triển khai", "kiểm điểm một năm", "tọa đàm về chương trình phối hợp".
_REVIEW_WORDS = frozenset({"sơ kết", "tổng kết", "nhìn lại", "kiểm điểm", "tọa đàm"})
# "5 năm triển khai", "việc thực hiện": the implementing reviewed, not a plan adopted.
_IMPLEMENTING_NOUN = re.compile(rf"(?:{_YEARS}|việc|kết quả|quá trình)\s+$")
_NOT_SIGN_BEFORE = ("thư ", "đăng ")

# The name of an agreement: "Chương trình phối hợp", "Quy chế phối hợp", "kế hoạch
# thực hiện chương trình phối hợp", "chương trình về công tác dân vận",
# "Nghị quyết liên tịch"; not "Chương trình hành động" (a party document).
_AGREEMENT = re.compile(
    r"(?:chương trình|quy chế|kế hoạch|nghị quyết)(?!\s+hành động)(?:\s+[^\s.,;:!?]+){0,6}?\s+"
    r"(?:phối hợp|liên tịch|liên ngành)(?!\w)"
    r"|chương trình(?:\s+phối hợp)?(?:\s+thực hiện)?(?:\s+về)?(?:\s+công tác)?\s+dân vận(?!\w)"
)
# A coordination plan; "kế hoạch công tác" alone is each body's own work plan.
_PLAN_NAME = re.compile(r"kế hoạch(?!\w)(?!\s+công tác(?!\s+phối hợp))")
# What a review may act on besides a named agreement: "tổng kết việc phối hợp".
_REVIEWED_WORK = re.compile(r"(?:việc|công tác|kết quả) phối hợp(?!\w)")
_REVIEWED_WORK_REACH = 25
# "thông qua Chương trình …, cùng kế hoạch thực hiện … năm 2022": a second object.
_ALSO_OBJECT = re.compile(r"(?:,\s*|\s)(?:cùng|và|đồng thời)\s+$")
# "nhìn lại chặng đường 10 năm (2013-2023)": the span reviewed, told before the name.
_REVIEWED_SPAN = re.compile(r"\s*(?:chặng đường\s+|quá trình\s+)?(?:\d+|một|hai|ba|bốn|năm|mười) năm\s*\(\s*")
# "Chương trình … đã được Ủy ban MTTQ tỉnh, Báo … và Đài … cùng ký kết": parties
# between "được" and the verb.
_PASSIVE_BY = re.compile(r"(?<!\w)(?:đã\s+|vừa\s+|mới\s+)?được\s+[^.;:]{3,160}?\s+(?:cùng\s+)?$")
# Whatever is signed is an agreement: "ký kết chương trình giai đoạn 2022-2026",
# "ký kết phối hợp", "ký Quy chế về công tác dân vận", "ký thỏa thuận hợp tác",
# "ký kết các hoạt động phối hợp" (what the sides will do together, not a tally).
_SIGNED_NAME = re.compile(
    r"(?:các\s+)?(?:hoạt động|nội dung)\s+phối hợp(?!\w)"
    r"|(?:chương trình|quy chế|kế hoạch|nghị quyết liên tịch|thỏa thuận|phối hợp)(?!\s+hành động)(?!\w)"
)
_SIGNED_NAME_REACH = 12
_PLURAL = re.compile(r"(?:các|những|nhiều|\d+|hàng chục|hàng trăm)\s*$")
_NAME_REACH = 60  # characters between a verb and the agreement it acts on
_PERIOD_REACH = 400  # the period may follow a long list of parties
_PASSIVE = re.compile(r"(?:được|đã|vừa|mới)(?:\s+được)?\s*$", re.IGNORECASE)
# Between an agreement's name and its period, these start something else
# ("Hội Luật gia" is a party, not a law).
_OTHER_DOCUMENT = re.compile(
    r"(?<!\w)(?<!Hội )(?:Nghị quyết|Chỉ thị|Quyết định|Kết luận|Chương trình hành động|Đại hội|Luật|Nghị định)(?!\w)"
)

@dataclass
class Mention:
    kind: str  # "sign", "review" or "plan"
    period: PeriodSpan | None
    evidence: str
    subject: str = ""  # text before the verb: its last chunks may be the parties
    plan_named: bool = False  # the agreement acted on is called a plan ("kế hoạch phối hợp")
    amends: bool = False  # a signing of additions to it, or of it again ("ký kết bổ sung", "ký lại")


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
    # Mentions of one sentence share its party lists, and a piece of text names
    # the same body every time: read each once.
    known: dict[str, dict | None] = {}

    def party(span: str, *, localities) -> dict | None:
        if span not in known:
            known[span] = normalise(span, localities=localities)
        return known[span]

    by_sentence: dict[tuple[str, str], list[str]] = {}

    def parties_of(mention: Mention) -> list[str]:
        key = (mention.evidence, mention.subject)
        if key not in by_sentence:
            names = []
            for text in party_lists(mention.evidence):
                names.extend(parties_in_list(text, localities, party))
            names.extend(parties_in_subject(mention.subject, localities, party))
            by_sentence[key] = names
        return by_sentence[key]

    kinds_by_period: dict[str | None, dict[str, list[Mention]]] = {}
    for mention in mentions:
        label = mention.period.label if mention.period else None
        kinds_by_period.setdefault(label, {}).setdefault(mention.kind, []).append(mention)

    # Rules reviewed and amended in one meeting ("sơ kết quy chế …", "ký kết bổ
    # sung quy chế … giai đoạn 2021-2025"): the review is of the period amended.
    amended = [label for label, by_kind in kinds_by_period.items()
               if label is not None and any(m.amends for m in by_kind.get("sign", ()))]
    if len(amended) == 1 and "review" in kinds_by_period.get(None, {}):
        reviews = kinds_by_period[None].pop("review")
        kinds_by_period[amended[0]].setdefault("review", []).extend(reviews)

    grouped: dict[tuple[str | None, str], list[Mention]] = {}
    for label, by_kind in kinds_by_period.items():
        if label is not None and "sign" in by_kind and "review" in by_kind:
            by_kind["both"] = by_kind.pop("sign") + by_kind.pop("review")
        for kind, group in by_kind.items():
            grouped[(label, kind)] = group

    # Mentions without a period belong to the agreement of that kind that has one;
    # a signing and a review left without one are the same agreement re-signed.
    # A plan signed beside a programme ("… cũng ký kế hoạch phối hợp …") is one of its own.
    for (label, kind) in [key for key in grouped if key[0] is None]:
        homes = [key for key in grouped if key[0] is not None and _compatible(kind, key[1])]
        if homes:
            home = grouped[homes[0]]
            group = grouped.pop((label, kind))
            if not any(m.plan_named for m in home) and any(m.plan_named for m in group):
                grouped[(label, kind)] = [m for m in group if m.plan_named]
                group = [m for m in group if not m.plan_named]
            home.extend(group)
    if (None, "sign") in grouped and (None, "review") in grouped:
        grouped[(None, "both")] = grouped.pop((None, "sign")) + grouped.pop((None, "review"))

    headline_parties = title_parties(title, localities, normalise)
    agreements = []
    for (label, kind), group in grouped.items():
        parties = unique(name for mention in group for name in parties_of(mention))
        agreements.append(
            {
                "parties": parties or headline_parties,
                "period": label,
                "signed_on": signed_on if kind in ("sign", "both") else None,
                "kind": kind,
                # A sentence of the body tells more than the headline.
                "evidence": next((m.evidence for m in group if m.evidence != title), group[0].evidence),
            }
        )
    return agreements


def _sentences(title: str, body: str) -> list[str]:
    """Sentences of the title and of the body's paragraphs that may name an agreement."""
    sentences = [title.strip()] if title.strip() else []
    for line in body.splitlines():
        lowered = line.lower()
        if any(word in lowered for word in _AGREEMENT_WORDS):
            sentences.extend(part.strip() for part in _SENTENCE_END.split(line) if part.strip())
    return sentences


# Cheap test before the regular expressions: most sentences name no agreement.
_AGREEMENT_WORDS = ("phối hợp", "liên tịch", "liên ngành", "dân vận", "ký")


@dataclass(frozen=True)
class _Verb:
    kind: str  # "sign", "review", "plan"
    begin: int
    stop: int


# A body named after a verb: "Ban Xây dựng Đảng", "Sở Xây dựng".
_BODY_BEFORE = re.compile(r"(?:^|\s)(?:ban|sở|bộ|phòng|cục|viện|trung tâm)\s+$")
# A plan (or a signing) asked for or still to come is not one that happened:
# "đề nghị các bên khẩn trương xây dựng kế hoạch phối hợp năm 2025", "sẽ ký kết".
_NOT_YET = re.compile(
    r"(?<!\w)(?:đề nghị|yêu cầu|cần|sẽ|phải|chuẩn bị|dự kiến|khẩn trương|đề xuất|kiến nghị"
    r"|tiến tới|hướng tới|thời gian tới|sắp tới)(?!\w)[^,;:.]*$"
)
_TO_DRAW_UP = re.compile(r"(?<!\w)(?:xây dựng|giao|chủ trì)(?!\w)")
_DRAWN_UP = re.compile(r"(?<!\w)(?:đã|vừa|mới)\s+$")
# "Chương trình phối hợp triển khai các hoạt động …": the verb is part of the name.
_NAME_GOES_ON = re.compile(r"(?:chương trình|quy chế|kế hoạch)(?:\s+phối hợp)?\s+$")


def _verbs(low: str) -> list[_Verb]:
    verbs = []
    for match in _VERB_START.finditer(low):
        begin = match.start()
        if begin and low[begin - 1].isalnum():
            continue  # inside a longer word
        if _BODY_BEFORE.search(low, max(0, begin - 12), begin):
            continue  # part of a body's name, not a verb
        word = match[0]
        if word == "ký":
            sign = _SIGN.match(low, begin)
            if sign and not low[:begin].endswith(_NOT_SIGN_BEFORE) and not _NOT_YET.search(low, max(0, begin - 60), begin):
                verbs.append(_Verb("sign", begin, sign.end()))
        elif word == "đánh giá":
            assess = _ASSESS.match(low, begin)
            if assess:
                verbs.append(_Verb("review", begin, assess.end()))
        elif low[match.end() : match.end() + 1].isalnum():
            continue
        elif word in _REVIEW_WORDS:
            verbs.append(_Verb("review", begin, match.end()))
        elif word == "đưa vào thực hiện":
            verbs.append(_Verb("sign", begin, match.end()))  # a new programme put into effect
        elif _IMPLEMENTING_NOUN.search(low, max(0, begin - 16), begin) or _NAME_GOES_ON.search(low, max(0, begin - 30), begin):
            continue
        else:
            before = low[max(0, begin - 60) : begin]
            if _NOT_YET.search(before) or (word == "xây dựng" and not _DRAWN_UP.search(before)):
                continue  # a plan asked for or to be drawn up, not adopted
            verbs.append(_Verb("plan", begin, match.end()))
    return verbs


# "sơ kết chương trình phối hợp đã ký kết giai đoạn 2021-2026": "đã ký kết" says
# which programme is reviewed; nothing is signed.
_RELATIVE_SIGN = re.compile(r"(?:phối hợp|liên tịch|liên ngành|quy chế|chương trình)\s+(?:đã\s+|được\s+|đã\s+được\s+)$")


def _without_relative_signings(verbs: list[_Verb], low: str) -> list[_Verb]:
    return [
        verb for verb in verbs
        if not (
            verb.kind == "sign"
            and _RELATIVE_SIGN.search(low, max(0, verb.begin - 30), verb.begin)
            and any(other.kind == "review" and other.begin < verb.begin for other in verbs)
        )
    ]


def _sentence_mentions(sentence: str) -> list[Mention]:
    low = sentence.lower()
    if len(low) != len(sentence):  # a letter whose lower case is longer: keep offsets
        low = sentence
    if not any(word in low for word in _AGREEMENT_WORDS):
        return []
    if not _AGREEMENT.search(low) and not _SIGNED_NAME.search(low):
        return []
    verbs = _without_relative_signings(_verbs(low), low)
    if not verbs:
        return []
    periods = find_period_spans(sentence) if (
        "19" in sentence or "20" in sentence
    ) else []
    mentions: list[Mention] = []
    pending: list[_Verb] = []  # "sơ kết và ký kết …": verbs sharing one object
    for index, verb in enumerate(verbs):
        following = verbs[index + 1].begin if index + 1 < len(verbs) else len(sentence)
        if index + 1 < len(verbs) and _COORDINATED.fullmatch(low, verb.stop, following):
            pending.append(verb)
            continue
        period = _object_of(verb, sentence, low, following, periods)
        if period is None:
            pending.clear()
            continue
        subject = sentence[: (pending[0] if pending else verb).begin]
        for acting in [*pending, verb]:
            # A plan is an annual plan adopted: "thông qua kế hoạch … năm 2024".
            if acting.kind == "plan" and not (period and period.kind == "year"):
                continue
            if acting.kind == "plan" and acting is not verb and not _PLAN_NAME.search(low, acting.stop, acting.stop + 80):
                continue  # "thống nhất và ký kết chương trình … năm 2024": one programme signed, no plan
            amends = acting.kind == "sign" and low.endswith(("bổ sung", "lại"), acting.begin, acting.stop)
            mentions.append(Mention(acting.kind, period or None, sentence, subject, _names_a_plan(acting, low), amends))
        pending.clear()
    return mentions


_COORDINATED = re.compile(r"[\s,]*(?:và|,)?[\s,]*")
_DOCUMENT_WORD = re.compile(r"chương trình|quy chế|kế hoạch|thỏa thuận|nghị quyết")


def _names_a_plan(verb: _Verb, low: str) -> bool:
    """Whether the agreement the verb acts on is called a plan: the document
    word after the verb, else (a passive) the last one before it."""
    after = _DOCUMENT_WORD.search(low, verb.stop, verb.stop + _NAME_REACH)
    if after is None:
        before = list(_DOCUMENT_WORD.finditer(low, max(0, verb.begin - 120), verb.begin))
        after = before[-1] if before else None
    return after is not None and after.group() == "kế hoạch"


def _object_of(verb: _Verb, sentence: str, low: str, following: int, periods: list[PeriodSpan]):
    """The period of the agreement the verb acts on: a PeriodSpan, False when the
    verb acts on an agreement whose period is not said, None when it acts on none."""
    after = low[verb.stop : following]
    name = (_PLAN_NAME if verb.kind == "plan" else _AGREEMENT).search(after)
    if verb.kind == "sign" and not (name and name.start() <= _NAME_REACH):
        name = _SIGNED_NAME.search(after)
        name = name if name and name.start() <= _SIGNED_NAME_REACH else None
    if verb.kind == "review" and not (name and name.start() <= _NAME_REACH):
        work = _REVIEWED_WORK.search(after)
        name = work if work and work.start() <= _REVIEWED_WORK_REACH else name
    if verb.kind == "plan" and name and name.start() > _NAME_REACH and _ALSO_OBJECT.search(after, 0, name.start()):
        reach = name.start()
    else:
        reach = _NAME_REACH
    if name and name.start() <= reach:
        if _PLURAL.search(after, 0, name.start()):
            return None  # "đã ký kết 15 chương trình phối hợp": a tally, not an event
        if verb.kind == "plan" and _TO_DRAW_UP.search(after, 0, name.start()):
            return None  # "thống nhất giao Ban Dân vận xây dựng kế hoạch …": agreed to draw one up
        name_start, name_end = verb.stop + name.start(), verb.stop + name.end()
        after_name = [
            span for span in periods
            if name_start <= span.begin <= name_end + _PERIOD_REACH and span.begin < following
        ]
        if after_name and not _OTHER_DOCUMENT.search(sentence, name_end, after_name[0].begin):
            return after_name[0]
        # "tổng kết 5 năm (2019-2024) thực hiện Chương trình phối hợp"
        between = [span for span in periods if verb.stop <= span.begin < name_start]
        return between[0] if between else False
    # "tổng kết giai đoạn 2016-2021, ký kết giai đoạn 2022-2026": the name was said once.
    for span in periods:
        if verb.stop <= span.begin <= verb.stop + 15:
            return span
        if verb.kind == "review" and span.begin > verb.stop and _REVIEWED_SPAN.fullmatch(low, verb.stop, span.begin):
            return span
    # "chương trình phối hợp giai đoạn 2022-2026 đã được ký kết", "… đã được A, B cùng ký kết"
    before = low[: verb.begin]
    passive = _PASSIVE.search(before, max(0, len(before) - 20)) or _PASSIVE_BY.search(before, max(0, len(before) - 180))
    if passive:
        before = before[: passive.start()] if passive.re is _PASSIVE_BY else before
        names = list((_PLAN_NAME if verb.kind == "plan" else _AGREEMENT).finditer(before))
        if names and _PLURAL.search(before, 0, names[-1].start()):
            return None
        if names and len(before) - names[-1].end() <= _NAME_REACH + 40:
            inside = [span for span in periods if names[-1].start() <= span.begin < verb.begin]
            return inside[0] if inside else False
    return None


def _compatible(kind: str, other: str) -> bool:
    return kind == other or (other == "both" and kind in ("sign", "review"))
