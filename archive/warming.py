"""Warming up after a restart (`manage.py warm`): planner statistics where
a table has none, and the main public pages visited in-process as an
anonymous reader would, so that the page cache (archive.caching) holds them
under the current data version and the database has read their rows into
memory. The first visitors then get pages as fast as the later ones, not a
search that runs out of its budget on a cold disk."""

import time
from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.db import connection
from django.test import Client
from django.urls import reverse

from archive import stats
from archive.models import Locality, Period
from archive.scopes import PROVINCE_ERAS

# Searches most readers start with: the subject, and the kinds of report.
QUERIES = ["dân vận", "ký kết chương trình phối hợp", "dân vận khéo", "sơ kết", "Mặt trận Tổ quốc"]


@dataclass
class Visit:
    url: str
    status: int
    seconds: float
    kept: bool


def analyse_missing() -> list[str]:
    """ANALYZE the archive's tables the planner knows nothing about (never
    analysed, or their statistics lost in a crash); returns their names."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relname LIKE 'archive\\_%%'
              AND (c.reltuples < 0 OR (c.relpages > 0 AND NOT EXISTS (
                  SELECT 1 FROM pg_stats s WHERE s.schemaname = n.nspname AND s.tablename = c.relname)))
            ORDER BY c.relname
            """
        )
        tables = [name for (name,) in cursor.fetchall()]
        for table in tables:
            cursor.execute(f'ANALYZE "{table}"')
    return tables


def urls(entities: int = 10) -> list[str]:
    """The home page, the lists and directories, common searches, and the busiest
    `entities` provinces and periods."""
    pages = [reverse("archive:home"), reverse("archive:search"), reverse("archive:provinces"),
             reverse("archive:provinces") + "?era=post2025", reverse("archive:periods"),
             reverse("archive:agreements"), reverse("archive:feed"), reverse("archive:officials"),
             reverse("archive:localities"), reverse("archive:organisations"), reverse("archive:documents")]
    pages += [reverse("archive:search") + "?" + urlencode({"q": query}) for query in QUERIES]
    for era, _label in PROVINCE_ERAS:
        counts, _ = stats.articles_per_province(era)
        busiest = sorted(counts, key=counts.get, reverse=True)[:entities]
        slugs = dict(Locality.objects.filter(pk__in=busiest).values_list("pk", "slug"))
        query = f"?era={era}" if era else ""
        pages += [reverse("archive:locality", args=[slugs[pk]]) + query for pk in busiest if pk in slugs]
    counts, _ = stats.articles_per_period()
    busiest = sorted(counts, key=counts.get, reverse=True)[:entities]
    pages += [period.get_absolute_url() for period in Period.objects.filter(pk__in=busiest)]
    return pages


def public_host() -> str:
    for host in settings.ALLOWED_HOSTS:
        host = host.lstrip(".")
        if host and host != "*":
            return host
    return "localhost"


def visit_pages(pages: list[str], host: str | None = None) -> list[Visit]:
    """GET each page through the whole middleware stack, as the public
    reaches it (https behind the proxy in production), without a session."""
    client = Client(HTTP_HOST=host or public_host())
    secure = settings.PRODUCTION
    extra = {"HTTP_X_FORWARDED_PROTO": "https"} if secure else {}
    visits = []
    for url in pages:
        started = time.perf_counter()
        response = client.get(url, secure=secure, **extra)
        seconds = time.perf_counter() - started
        visits.append(Visit(url, response.status_code, seconds, kept=response.has_header("ETag")))
    return visits
