"""The parties of an agreement as an article names them: after "giữa" (between),
after "phối hợp với", after "Thay mặt", in the subject before the verb, or in a
headline of the form "Ban Dân vận Tỉnh ủy - Ban cán sự đảng UBND tỉnh …".

Each piece of a list is read by the caller's ``normalise`` (organisations'
``normalise_party``); a piece that is no body is tried joined to its neighbours,
since names of bodies hold "và" and dashes themselves.
"""

import re

# Where parties are named.
_BETWEEN = re.compile(r"(?<!\w)[Gg]iữa\s+")
# "Ban Dân vận Tỉnh ủy ký kết Chương trình phối hợp với Hội Nông dân tỉnh …"
_WITH = re.compile(r"(?<=phối hợp )với\s+(?=[A-ZĐÀ-Ỹ])")
_ON_BEHALF = re.compile(r"(?<!\w)[Tt]hay mặt\s+(?P<list>.+?)(?:,|\s+(?:đồng chí|ông|bà)\b)")
# A party list ends where the sentence goes on (lower-case words: names of
# bodies are capitalised).
_LIST_END = re.compile(
    r"\s*(?:,\s*)?(?:(?<!\w)(?:giai đoạn|nhiệm kỳ|năm \d|nhằm|về|diễn ra|được|đã|đang|sẽ|tại|trong|theo|để|"
    r"với mục|cho|từ|đến|ngày|vào|nhân dịp|thời gian|sáng|chiều)(?!\w)|[(.:“\"]|$)"
)
_LIST_SEPARATOR = re.compile(r"(\s*(?:,|;|\bvà\b|\bvới\b|\bgồm(?:\s+có)?\b|:|\s[-–]\s)\s*)", re.IGNORECASE)
_SUBJECT_TAIL = re.compile(
    r"(?:[\s,]|\b(?:đã|đang|sẽ|vừa|cùng|cùng nhau|chính thức|tiến hành|tổ chức|hội nghị|buổi|lễ|"
    r"long trọng|thảo luận|thống nhất|và|đồng thời|chiều nay|sáng nay|hôm nay)\b)+$",
    re.IGNORECASE,
)
_SUBJECT_REACH = 200
# A chunk that starts with a person's title is a person, not a party.
_PERSON = re.compile(
    r"^(?:đồng chí|ông|bà|ủy viên|uv|phó|chủ tịch|trưởng|bí thư|giám đốc|chỉ huy|thủ trưởng|chánh|"
    r"viện trưởng|đại diện|lãnh đạo|thay mặt|các đồng chí)\b",
    re.IGNORECASE,
)


def party_lists(sentence: str) -> list[str]:
    lists = []
    for match in (*_BETWEEN.finditer(sentence), *_WITH.finditer(sentence)):
        rest = sentence[match.end() :]
        lists.append(rest[: _LIST_END.search(rest, 1).start()])
    lists.extend(match["list"] for match in _ON_BEHALF.finditer(sentence))
    return lists


def parties_in_list(text: str, localities, normalise) -> list[str]:
    """'Ban Dân vận Huyện ủy với các cơ quan gồm UBND huyện; Công an huyện' → names.

    Names may hold "và" or a dash themselves ("Sở Tài nguyên và Môi trường", "Sở Lao
    động - Thương binh và Xã hội"): a piece that is no party is tried joined to the
    pieces before it, and a party read from more of the text replaces a shorter one.
    """
    pieces = _LIST_SEPARATOR.split(text)
    names: list[str] = []
    last_text, last_written = "", ""  # the piece behind the last name, and what was read of it
    failed = ""  # pieces in a row that were no party, joined with their separators
    for position in range(0, len(pieces), 2):
        piece = pieces[position].strip()
        joinable = position > 0 and pieces[position - 1].strip() in ("và", "-", "–")
        if not piece or _PERSON.match(piece):
            last_text = failed = ""
            continue
        party = normalise(piece, localities=localities)
        if party is None and joinable and last_text:
            longer = normalise(last_text + pieces[position - 1] + piece, localities=localities)
            if longer and len(longer["as_written"]) > len(last_written):
                names[-1] = longer["name"]
                last_text, last_written = last_text + pieces[position - 1] + piece, longer["as_written"]
                continue
        if party is None and joinable and failed:
            failed = failed + pieces[position - 1] + piece
            party = normalise(failed, localities=localities)
            piece = failed
        if party is None:
            failed = piece if not (joinable and failed) else failed
            last_text = ""
            continue
        names.append(party["name"])
        last_text, last_written, failed = piece, party["as_written"], ""
    return names


def parties_in_subject(subject: str, localities, normalise) -> list[str]:
    """The parties named just before the verb: "Sáng 26/5, Ban Dân vận Huyện ủy và
    UBND huyện Vĩnh Tường tổ chức hội nghị ký kết …" → the two bodies."""
    # The parties stand right before the verb; a long lead-in is not read.
    subject = _SUBJECT_TAIL.sub("", re.sub(r"\([^()]*\)", "", subject[-_SUBJECT_REACH:]))
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


def title_parties(title: str, localities, normalise) -> list[str]:
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
    return unique(names)


def _trim_to_name(piece: str) -> str:
    """Cut a title piece where the predicate starts: '… UBND tỉnh tăng cường phối hợp'."""
    match = re.search(
        r"\s+(?:tăng cường|phối hợp|ký|sơ kết|tổng kết|thống nhất|triển khai|tổ chức|thực hiện|"
        r"hội nghị|cùng|đẩy mạnh|nâng cao|quyết tâm|bàn|thảo luận)\b",
        piece,
        re.IGNORECASE,
    )
    return piece[: match.start()] if match else piece


def unique(names) -> list[str]:
    seen, unique = set(), []
    for name in names:
        if name not in seen:
            seen.add(name)
            unique.append(name)
    return unique
