"""Likely duplicates a curator may merge, and what a merge would do.

Two officials (or two organisations) are likely the same when they belong to
the same province (where their roles are placed; an organisation's own
locality) and either their names are close by trigram similarity (pg_trgm,
on the folded names: "Hoàng Văn Thái" / "Hoàng Văn Thai") or one is the
other without a middle name ("Trần Thị Diệu Minh" / "Trần Diệu Minh").

Candidates are looked up for the newest entities (a new name is where a
duplicate appears) through the trigram index, so the cost does not grow
with the number of officials. `preview` says what `archive.curation.merge`
would move, drop and keep, without writing anything.
"""

from dataclasses import dataclass

from django.db import connection
from django.db.models import Count

from archive.models import ArticleAgreement, ArticleOrganisation, Official, Organisation, Role

NEWEST = 2000  # entities whose near names are looked for
CANDIDATE_SIMILARITY = 0.4  # what the index lookup returns; the rules below decide
SIMILAR = 0.6


@dataclass
class Pair:
    first: object
    second: object
    similarity: float
    reason: str


def middle_name_dropped(a: str, b: str) -> bool:
    """One folded name is the other with middle syllables left out: same
    surname, same given name, the shorter's syllables in order in the longer."""
    short, long = sorted((a.split(), b.split()), key=len)
    if len(short) < 2 or len(short) == len(long) or short[0] != long[0] or short[-1] != long[-1]:
        return False
    rest = iter(long[1:-1])
    return all(syllable in rest for syllable in short[1:-1])


def _near_names(table: str, limit: int) -> list[tuple[int, int, float]]:
    sql = f"""
        SELECT a.id, b.id, similarity(a.ascii_name, b.ascii_name)
        FROM (SELECT id, ascii_name FROM {table} ORDER BY id DESC LIMIT %s) AS a
        JOIN {table} AS b ON b.ascii_name %% a.ascii_name AND b.id <> a.id
    """
    with connection.cursor() as cursor:
        cursor.execute("SELECT set_limit(%s)", [CANDIDATE_SIMILARITY])
        cursor.execute(sql, [limit])
        return cursor.fetchall()


def _official_provinces(ids: set[int]) -> dict[int, int]:
    """Official id -> the province most of their visible roles are placed in."""
    rows = (
        Role.objects.visible().filter(official__in=ids).exclude(locality=None)
        .values_list("official", "locality__province").annotate(n=Count("pk")).order_by("official", "-n")
    )
    provinces: dict[int, int] = {}
    for official, province, _n in rows:
        provinces.setdefault(official, province)
    return provinces


def _pairs(model, rows, provinces: dict[int, int | None], limit: int) -> list[Pair]:
    entities = model.objects.in_bulk({pk for row in rows for pk in row[:2]})
    found: dict[tuple[int, int], Pair] = {}
    for a, b, similarity in rows:
        first, second = sorted((entities[a], entities[b]), key=lambda entity: entity.pk)
        key = (first.pk, second.pk)
        if key in found or provinces.get(first.pk) != provinces.get(second.pk):
            continue
        if middle_name_dropped(first.ascii_name, second.ascii_name):
            found[key] = Pair(first, second, similarity, "cùng người, thiếu tên đệm")
        elif similarity >= SIMILAR:
            found[key] = Pair(first, second, similarity, "tên gần giống")
    return sorted(found.values(), key=lambda pair: -pair.similarity)[:limit]


def official_pairs(limit: int = 100, newest: int = NEWEST) -> list[Pair]:
    rows = _near_names(Official._meta.db_table, newest)
    provinces = _official_provinces({pk for row in rows for pk in row[:2]})
    return _pairs(Official, rows, provinces, limit)


def organisation_pairs(limit: int = 100, newest: int = NEWEST) -> list[Pair]:
    rows = _near_names(Organisation._meta.db_table, newest)
    ids = {pk for row in rows for pk in row[:2]}
    provinces = dict(Organisation.objects.filter(pk__in=ids).values_list("pk", "locality__province"))
    return _pairs(Organisation, rows, provinces, limit)


def preview(survivor, duplicate) -> list[str]:
    """What merging `duplicate` into `survivor` would do, as sentences."""
    if isinstance(survivor, Official):
        taken = set(Role.objects.filter(official=survivor).values_list("article_id", "title"))
        roles = list(Role.objects.filter(official=duplicate).values_list("article_id", "title"))
        dropped = sum(1 for role in roles if role in taken)
        return [
            f"{len(roles) - dropped} chức danh trong bài chuyển sang “{survivor}”",
            f"{dropped} chức danh trùng (cùng bài, cùng chức danh) bị bỏ",
            f"“{duplicate}” thành tên khác của “{survivor}”; đường dẫn cũ chuyển về “{survivor}”",
        ]
    if isinstance(survivor, Organisation):
        taken = set(ArticleOrganisation.objects.filter(organisation=survivor).values_list("article_id", flat=True))
        facts = list(ArticleOrganisation.objects.filter(organisation=duplicate).values_list("article_id", flat=True))
        dropped = sum(1 for article in facts if article in taken)
        return [
            f"{len(facts) - dropped} bài chuyển sang “{survivor}”, {dropped} bài trùng bị bỏ",
            f"{Role.objects.filter(organisation=duplicate).count()} chức danh và "
            f"{duplicate.agreements.count()} chương trình phối hợp chuyển sang “{survivor}”",
            f"“{duplicate}” thành tên khác của “{survivor}”",
        ]
    taken = set(ArticleAgreement.objects.filter(agreement=survivor).values_list("article_id", flat=True))
    facts = list(ArticleAgreement.objects.filter(agreement=duplicate).values_list("article_id", flat=True))
    dropped = sum(1 for article in facts if article in taken)
    return [
        f"{len(facts) - dropped} bài chuyển sang “{survivor}”, {dropped} bài trùng bị bỏ",
        f"các bên của “{duplicate}” thêm vào “{survivor}”; lần nhập sau nhận ra khóa cũ",
    ]
