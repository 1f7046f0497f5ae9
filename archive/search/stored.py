"""The whole archive's counts, stored after each import (FacetCount rows):
the home page's facets and total, and the other counts pages show for the
whole archive (archive.stats.STORED_COUNTS). Counting a million articles'
facts takes seconds per facet, too slow for each visit."""

from django.db import transaction
from django.http import QueryDict
from django.utils import timezone

from archive import stats
from archive.models import Article, FacetCount
from archive.search.facets import facets
from archive.search.filters import ArticleFilter


class _WholeArchive:
    """Every article, counted in full: the listing `facets` counts over."""

    def __init__(self):
        self.filterset = ArticleFilter(QueryDict(), queryset=Article.objects.visible())
        self.matches = self.filterset.qs
        self.stored = None
        self.articles = Article.objects.visible().count()

    def sample(self, queryset):
        return None  # every article (facets.key_counts)


def refresh_facet_counts() -> int:
    """Count the search page's facets over the whole archive, and the other
    whole-archive counts pages show, and store them, replacing the old counts
    in one transaction. Seconds per facet at a million articles: run after
    imports, not per request. Returns the number of articles counted."""
    whole = _WholeArchive()
    now = timezone.now()
    rows = [FacetCount(facet="", position=0, value="", label="", count=whole.articles, computed_at=now)]
    for facet in facets(whole, QueryDict()):
        rows += [
            FacetCount(facet=facet.name, position=i, value=v.value, label=v.label, count=v.count, computed_at=now)
            for i, v in enumerate(facet.values)
        ]
    for name, count in stats.STORED_COUNTS.items():  # the province overview's and the period list's
        rows += [
            FacetCount(facet=name, position=i, value=str(key), label="", count=n, computed_at=now)
            for i, (key, n) in enumerate(sorted(count().items())) if key is not None
        ]
    with transaction.atomic():
        FacetCount.objects.all().delete()
        FacetCount.objects.bulk_create(rows)
    return whole.articles
