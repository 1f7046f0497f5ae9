"""Rows derived from the facts for fast lists and counts, written by Postgres
triggers (archive/sql/) or after imports, never edited by hand."""

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.db.models import F

from archive.models.articles import Article
from archive.models.entities import Locality


class ArticlePlace(models.Model):
    """Each province and district an article counts for, beside the article's
    date: what a place's list reads, newest first, without visiting the
    place's other articles (at a million articles the date index alone walks
    through every newer article of the whole archive first).

    Derived, never written by Django: Postgres triggers (migration 0009)
    rebuild an article's rows whenever its visible localities, its date or a
    locality's parents change. An article counts for the province of each of
    its localities in the locality's own era, for the post-2025 province that
    took it over (`Locality.successor`), and for its district (a commune's
    district), as `archive.scopes.province_scope` and `district_scope` say."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="place_rows")
    place = models.ForeignKey(Locality, on_delete=models.PROTECT, related_name="+", db_index=False)
    published_on = models.DateField(null=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["place", "article"], name="article_place_unique")]
        indexes = [
            # A place's list, newest first, undated last (archive.scopes.in_places, date_order).
            models.Index(
                "place", models.F("published_on").desc(nulls_last=True), models.F("article").desc(),
                name="article_place_newest",
            ),
        ]

    def __str__(self):
        return f"{self.article_id} @ {self.place_id}"


class ArticleFacetKeys(models.Model):
    """What the search page's facets count, one row per article: its year
    (none for a deleted article, kept as a tombstone),
    its places (ArticlePlace), the periods (start × 10000 + end: 20212025),
    agreement kinds, organisation kinds and officials of its visible facts. A facet over a list's newest
    1,000 articles reads 1,000 of these rows instead of joining five fact
    tables (docs/search.md "Facets from one row per article").

    The row also lists an article by period, official or organisation, newest first
    (archive.scopes.with_facet_keys): the arrays' GIN indexes find the
    articles and `published_on`, the article's date beside them, orders
    them, without visiting each article. Through the article's date index,
    "giai đoạn 2010-2014" at a million articles walks every newer article
    first and takes seconds (docs/performance.md).

    Derived, never written by Django: Postgres triggers (migrations 0010,
    0013) rebuild an article's row whenever one of those facts, its date,
    its places or an organisation's kind changes. The foreign key to the
    article is Postgres's (ON DELETE CASCADE), so Django's deletions leave it alone."""

    article = models.OneToOneField(
        Article, primary_key=True, on_delete=models.DO_NOTHING, db_constraint=False, related_name="facet_keys"
    )
    year = models.SmallIntegerField(null=True)
    places = ArrayField(models.BigIntegerField(), default=list)
    periods = ArrayField(models.BigIntegerField(), default=list)
    kinds = ArrayField(models.CharField(max_length=8), default=list)
    org_kinds = ArrayField(models.CharField(max_length=40), default=list)
    officials = ArrayField(models.BigIntegerField(), default=list)
    published_on = models.DateField(null=True)
    organisations = ArrayField(models.BigIntegerField(), default=list)  # an organisation's page lists by it
    # The provinces as written (archive.scopes.Provinces): the province facet's
    # default era counts them, and lists a province formed by the reform by them.
    provinces = ArrayField(models.BigIntegerField(), default=list)

    class Meta:
        indexes = [
            GinIndex(fields=["periods"], name="facet_keys_periods"),
            GinIndex(fields=["officials"], name="facet_keys_officials"),
            GinIndex(fields=["organisations"], name="facet_keys_organisations"),
            GinIndex(fields=["provinces"], name="facet_keys_provinces"),
        ]

    def __str__(self):
        return f"facet keys of {self.article_id}"


class ArticleKey(models.Model):
    """Each period, official and organisation an article's facet keys hold
    (ArticleFacetKeys), beside the article's date: what the page of one of
    them reads, newest first, through `article_key_newest`, stopping at the
    page it shows (archive.scopes.with_facet_keys). ArticlePlace is the same
    for places.

    The facet keys' GIN indexes find an entity's articles only all at once,
    to be sorted before a page is cut: the cost would grow with the entity
    (docs/performance.md).

    Derived, never written by Django: statement triggers on the facet keys
    (archive/sql/article_keys.sql) follow each change of their rows."""

    class List(models.IntegerChoices):
        PERIOD = 1, "periods"  # key: start × 10000 + end
        OFFICIAL = 2, "officials"
        ORGANISATION = 3, "organisations"

    pk = models.CompositePrimaryKey("article", "list", "key")
    # Deleting an article deletes its facet keys (ON DELETE CASCADE), whose
    # trigger deletes these rows.
    article = models.ForeignKey(Article, on_delete=models.DO_NOTHING, related_name="list_keys", db_index=False)
    list = models.SmallIntegerField(choices=List.choices)
    key = models.BigIntegerField()
    published_on = models.DateField(null=True)

    class Meta:
        indexes = [
            models.Index(
                "list", "key", F("published_on").desc(nulls_last=True), F("article").desc(),
                name="article_key_newest",
            ),
        ]

    def __str__(self):
        return f"{self.article_id}: {self.get_list_display()} {self.key}"


class KeyTotal(models.Model):
    """How many articles hold each key of the facet keys' arrays
    (ArticleFacetKeys: places, periods, org_kinds, officials, organisations, provinces;
    for `kinds`, each combination as written, "{review,sign}"), over the
    whole archive. A deleted article's facts are hidden, so its arrays are
    empty and it counts nowhere.

    Derived, never written by Django: a statement trigger on the facet keys
    adds what each insert, update or delete changed (archive/sql/key_totals.sql),
    so the stored counts after an import are read from here instead of
    counting a million articles' keys (archive.search.stored);
    `manage.py refresh_facets` counts them all again."""

    pk = models.CompositePrimaryKey("counted", "key")
    counted = models.CharField(max_length=20)  # the facet keys' column
    key = models.CharField(max_length=200)
    articles = models.IntegerField()

    class Meta:
        indexes = [models.Index(fields=["counted", "-articles"], name="key_total_largest")]

    def __str__(self):
        return f"{self.counted}={self.key}: {self.articles}"


class FacetCount(models.Model):
    """The search page's facet counts over the whole archive, for the page
    with no query and no filter: counting a million articles' facts on every
    visit would take seconds. Written by archive.search.refresh_facet_counts
    (after each import that changed something, and `manage.py
    refresh_facets`); facet "" holds the number of articles."""

    facet = models.CharField(max_length=20)
    position = models.PositiveIntegerField()  # order within the facet
    value = models.CharField(max_length=200)
    label = models.CharField(max_length=300)
    count = models.PositiveIntegerField()
    computed_at = models.DateTimeField()

    class Meta:
        ordering = ["facet", "position"]
        constraints = [models.UniqueConstraint(fields=["facet", "value"], name="facet_count_unique")]

    def __str__(self):
        return f"{self.facet}={self.value}: {self.count}"


class DataVersion(models.Model):
    """One row (id 1) whose `version` moves on with every statement that
    changes what the public pages show: an import, a curator's save or
    delete, a merge, a hide, a gazetteer load, a recount. Kept by statement
    triggers on every archive table but the history, the import runs and
    itself (archive/sql/data_version.sql), so no code path can forget it.
    Conditional GET and the page cache are keyed on it (archive.caching)."""

    version = models.BigIntegerField()
    changed_at = models.DateTimeField()

    def __str__(self):
        return f"data version {self.version} ({self.changed_at:%Y-%m-%d %H:%M:%S})"
