"""Small SQL helpers of the search's parts."""

import json

from django.db import connections, router
from django.db.models.expressions import RawSQL

from archive.models import Article


def read_alias() -> str:
    """The database the current request reads the archive from: the primary,
    or a read replica on a public page when replicas are configured
    (danvan/replicas.py). Raw SQL that reads goes there too, so that it sees
    the same rows as the ORM's queries beside it."""
    return router.db_for_read(Article)


def ids_literal(pks: list[int]) -> str:
    """Ids as one Postgres array literal, "{1,2,3}", for a `%s::bigint[]`
    parameter: psycopg's list dumper takes ~5 ms of Python for 1,000 ids (a
    page sends several such lists), joining them takes ~0.1 ms."""
    return "{" + ",".join(str(int(pk)) for pk in pks) + "}"


def pk_array(pks: list[int]):
    """`pk__in` operand for a long list: one array parameter, not one
    placeholder per value."""
    return RawSQL("SELECT unnest(%s::bigint[])", (ids_literal(pks),))


def run(sql: str, params, using: str | None = None) -> list[tuple]:
    """The rows of one raw read query, as plain tuples, from `using` (by
    default where the request reads: read_alias())."""
    with connections[using or read_alias()].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def estimate(queryset) -> int:
    """The planner's estimate of how many rows `queryset` holds (EXPLAIN:
    planned, not run; about a millisecond whatever the archive's size)."""
    sql, params = queryset.order_by().values("pk").query.sql_with_params()
    with connections[queryset.db].cursor() as cursor:
        cursor.execute("EXPLAIN (FORMAT JSON) " + sql, params)
        plan = cursor.fetchone()[0]
    if isinstance(plan, str):
        plan = json.loads(plan)
    return int(plan[0]["Plan"]["Plan Rows"])
