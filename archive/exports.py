"""Every list of the site as CSV or JSON: all matching rows, streamed.

A list page answers `?format=csv` or `?format=json` with the whole result of
its current filters (not just the page), written row by row while the
database hands them over: `.iterator(chunk_size=CHUNK)` reads through a
server-side cursor (in a transaction, so Postgres hands rows over as they are
fetched), related rows are prefetched per chunk, so memory stays flat
whatever the number of rows (queries: 1 + one per prefetch per chunk).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator

from django.db import router, transaction
from django.db.models import Prefetch
from django.http import StreamingHttpResponse

from archive.models import Article, ArticleLocality, ArticlePeriod, Role

CHUNK = 2000
FORMATS = ("csv", "json")
ARTICLE_FIELDS = ("title", "published_on", "date_precision", "source_url", "source_domain", "author")


def requested_format(request) -> str | None:
    value = request.GET.get("format")
    return value if value in FORMATS else None


def _csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        value = "; ".join(str(v) for v in value)
    value = str(value)
    # A cell starting like a formula is run by spreadsheet programs: the
    # archive's text is scraped, so it is never left to look like one.
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


class _Echo:
    def write(self, value):
        return value


def _csv_lines(columns: list[str], rows: Iterable[dict]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(columns)  # the BOM tells spreadsheets it is UTF-8
    for row in rows:
        yield writer.writerow([_csv_cell(row[column]) for column in columns])


def _json_lines(rows: Iterable[dict]) -> Iterator[str]:
    yield "["
    separator = "\n"
    for row in rows:
        yield separator + json.dumps(row, ensure_ascii=False, default=str)
        separator = ",\n"
    yield "\n]\n"


def _in_transaction(rows: Iterable[dict], using: str) -> Iterator[dict]:
    """`rows`, read inside one transaction on `using`. Outside a transaction
    Django declares its server-side cursor WITH HOLD, and Postgres then
    computes the whole result before the first row: seconds at 100k, past
    the statement timeout at 1M."""
    with transaction.atomic(using=using):
        yield from rows


def stream(
    rows: Iterable[dict], columns: list[str], fmt: str, filename: str, using: str | None = None
) -> StreamingHttpResponse:
    """`rows` written as they come. They are read after the view has
    returned: `using` (by default where the request reads, chosen now) is
    the database their queryset was pinned to."""
    rows = _in_transaction(rows, using or router.db_for_read(Article))
    if fmt == "csv":
        response = StreamingHttpResponse(_csv_lines(columns, rows), content_type="text/csv; charset=utf-8")
    else:
        response = StreamingHttpResponse(_json_lines(rows), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    response["X-Robots-Tag"] = "noindex"
    # A proxy in front (deploy/nginx-danvan.conf) passes the rows on as they
    # come instead of spooling the whole export first.
    response["X-Accel-Buffering"] = "no"
    return response


# -- Articles ------------------------------------------------------------------

ARTICLE_COLUMNS = [
    "id", "url", "title", "published_on", "date_precision", "author", "source_url", "source_domain",
    "localities", "officials", "periods",
]


def _visible(model, *related):
    return model.objects.visible().select_related(*related).order_by("id")


def with_visible_facts(articles):
    """`articles` with their visible localities, officials and periods prefetched
    (as `places`, `visible_roles`, `visible_periods`): three queries in all."""
    return articles.prefetch_related(
        Prefetch("locality_facts", queryset=_visible(ArticleLocality, "locality__province"), to_attr="places"),
        Prefetch("roles", queryset=_visible(Role, "official"), to_attr="visible_roles"),
        Prefetch("period_facts", queryset=_visible(ArticlePeriod, "period"), to_attr="visible_periods"),
    )


def article_basics(article, absolute: Callable[[str], str]) -> dict:
    """The fields every export and API answer gives for an article."""
    return {
        "id": article.pk,
        "url": absolute(article.get_absolute_url()),
        "title": article.title,
        "published_on": article.published_on.isoformat() if article.published_on else None,
        "date_precision": article.date_precision,
        "author": article.author,
        "source_url": article.source_url,
        "source_domain": article.source_domain,
    }


def article_rows(queryset, absolute: Callable[[str], str]) -> Iterator[dict]:
    """Rows of `queryset` (its order kept), with their visible localities,
    officials (name – title) and periods."""
    for article in with_visible_facts(queryset.only(*ARTICLE_FIELDS)).iterator(chunk_size=CHUNK):
        yield {
            **article_basics(article, absolute),
            "localities": [str(fact.locality) for fact in article.places],
            "officials": [
                f"{role.official.name} – {role.title}" if role.title else role.official.name
                for role in article.visible_roles
            ],
            "periods": [fact.period.key for fact in article.visible_periods],
        }


def articles(request, queryset, filename: str, fmt: str) -> StreamingHttpResponse:
    queryset = queryset.using(queryset.db)
    return stream(article_rows(queryset, request.build_absolute_uri), ARTICLE_COLUMNS, fmt, filename, queryset.db)


# -- Agreements ----------------------------------------------------------------

AGREEMENT_COLUMNS = ["id", "url", "name", "period", "level", "signed_on", "locality", "parties"]


def agreement_rows(queryset, absolute: Callable[[str], str]) -> Iterator[dict]:
    agreements = queryset.select_related("period", "locality__province").prefetch_related("parties")
    for agreement in agreements.iterator(chunk_size=CHUNK):
        yield {
            "id": agreement.pk,
            "url": absolute(agreement.get_absolute_url()),
            "name": agreement.name,
            "period": agreement.period.key if agreement.period else None,
            "level": agreement.level,
            "signed_on": agreement.signed_on.isoformat() if agreement.signed_on else None,
            "locality": str(agreement.locality) if agreement.locality else None,
            "parties": [party.name for party in agreement.parties.all()],
        }


def agreements(request, queryset, filename: str, fmt: str) -> StreamingHttpResponse:
    if not queryset.ordered:
        queryset = queryset.order_by("pk")
    queryset = queryset.using(queryset.db)
    return stream(agreement_rows(queryset, request.build_absolute_uri), AGREEMENT_COLUMNS, fmt, filename, queryset.db)

