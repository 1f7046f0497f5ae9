"""The whole archive's counts, stored after each import (FacetCount rows):
the home page's facets and total, and the other counts pages show for the
whole archive (archive.stats.STORED_COUNTS).

They are read from the keys' totals (KeyTotal), which triggers keep as the
facts change, so storing them costs the same after 100 new articles as
after one, whatever the archive's size; only the number of articles is
counted (from the index of those not deleted). `rebuild` (`manage.py
refresh_facets`) counts every total again from the facet keys first.
"""

from django.db import connection, transaction
from django.utils import timezone

from archive import stats
from archive.models import Article, FacetCount, KeyTotal
from archive.search.facets import FACETS

Counts = dict[str, list[tuple[str, int]]]  # {counted: [(key, articles)]}


def whole_archive_counts() -> Counts:
    """What the stored facets count, over every article: the keys' totals."""
    counts: Counts = {}
    totals = KeyTotal.objects.filter(counted__in=[facet.counted for facet in FACETS if facet.stored], articles__gt=0)
    for counted, key, articles in totals.values_list("counted", "key", "articles"):
        counts.setdefault(counted, []).append((key, articles))
    return counts


def refresh_facet_counts(rebuild: bool = False) -> int:
    """Store the search page's facets over the whole archive, and the other
    whole-archive counts pages show, replacing the old ones in one
    transaction. `rebuild`: count the keys' totals again first (seconds at
    a million articles). Returns the number of articles counted."""
    with transaction.atomic():
        if rebuild:
            with connection.cursor() as cursor:
                cursor.execute("SELECT archive_rebuild_key_totals()")
        counts = whole_archive_counts()
        articles = Article.objects.visible().count()
        now = timezone.now()
        rows = [FacetCount(facet="", position=0, value="", label="", count=articles, computed_at=now)]
        for facet in FACETS:
            if not facet.stored:
                continue
            values = facet.rows(facet.from_totals(counts.get(facet.counted, [])), {})
            rows += [
                FacetCount(facet=facet.stored_as, position=i, value=value, label=label, count=n, computed_at=now)
                for i, (value, label, n) in enumerate(values)
            ]
        for name, count in stats.STORED_COUNTS.items():  # the province overview's and the period list's
            rows += [
                FacetCount(facet=name, position=i, value=str(key), label="", count=n, computed_at=now)
                for i, (key, n) in enumerate(sorted(count().items())) if key is not None
            ]
        FacetCount.objects.all().delete()
        FacetCount.objects.bulk_create(rows)
    return articles
