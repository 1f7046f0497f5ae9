"""Facts about an article: which localities, which officials with which
title, which organisations, agreements, periods and cited documents. Each row
records where it came from (`origin`) and whether a curator removed it
(`hidden`), so that a re-import replaces only what the importer itself wrote
and never what a curator changed (archive.curation)."""

from django.contrib.postgres.indexes import OpClass
from django.db import models
from django.db.models import F
from django.db.models.functions import Upper
from simple_history.models import HistoricalRecords

from archive.models.articles import Article
from archive.models.entities import Agreement, Document, Locality, Official, Organisation, Period


class FactQuerySet(models.QuerySet):
    def visible(self):
        """The facts the site shows: not hidden by a curator."""
        return self.filter(hidden=False)


class Fact(models.Model):
    """A fact about one article. `origin` and `hidden` make curator edits stick:
    the importer only ever deletes or rewrites rows it wrote itself and never
    re-creates a fact a curator hid.

    Each fact's `article` has no index of its own: the fact's unique
    constraint starts with the article and serves its lookups."""

    class Origin(models.TextChoices):
        IMPORT = "import", "Trích xuất tự động"
        CURATOR = "curator", "Biên tập viên"

    origin = models.CharField("nguồn", max_length=8, choices=Origin.choices, default=Origin.CURATOR)
    hidden = models.BooleanField("đã loại bỏ", default=False, help_text="Biên tập viên đã loại bỏ dữ kiện này")
    evidence = models.TextField("câu trích", blank=True)

    objects = FactQuerySet.as_manager()

    class Meta:
        abstract = True


class ArticleLocality(Fact):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="locality_facts", db_index=False)
    locality = models.ForeignKey(Locality, verbose_name="địa phương", on_delete=models.PROTECT, related_name="article_facts")
    history = HistoricalRecords()

    class Meta:
        verbose_name = "địa phương của bài"
        verbose_name_plural = "địa phương của bài"
        constraints = [models.UniqueConstraint(fields=["article", "locality"], name="article_locality_unique")]

    def __str__(self):
        return str(self.locality)

    def fact_key(self):
        return self.locality_id


class Role(Fact):
    """An official seen with a title in an article, as written there."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="roles", db_index=False)
    official = models.ForeignKey(
        Official, verbose_name="cán bộ", on_delete=models.PROTECT, related_name="roles",
        db_index=False,  # role_official_timeline leads with it
    )
    title = models.CharField("chức danh", max_length=300, blank=True)
    organisation = models.ForeignKey(
        Organisation, verbose_name="cơ quan", null=True, blank=True, on_delete=models.SET_NULL, related_name="roles"
    )
    locality = models.ForeignKey(
        Locality, verbose_name="địa phương", null=True, blank=True, on_delete=models.SET_NULL, related_name="roles"
    )
    seen_on = models.DateField("ngày", null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "chức danh trong bài"
        verbose_name_plural = "chức danh trong bài"
        ordering = ["article", "id"]
        constraints = [
            models.UniqueConstraint(fields=["article", "official", "title"], name="role_article_official_title")
        ]
        indexes = [
            # An official's titles in date order (the official's page) read
            # from the start of the official's rows.
            models.Index(fields=["official", "seen_on", "id"], name="role_official_timeline"),
            # The officials who held a kind of title ("Bí thư…": the officials'
            # directory) from the titles' beginnings.
            models.Index(
                OpClass(Upper("title"), name="text_pattern_ops"), F("official"), condition=models.Q(hidden=False),
                name="role_title_kind",
            ),
            # A place's officials (archive.stats.officials_in, officials_by_term) from the index
            # alone: at 1M a province's ~141,000 roles took a scan of all 2.8M.
            models.Index(
                fields=["locality", "official", "title", "seen_on"], condition=models.Q(hidden=False),
                name="role_place_official",
            ),
        ]

    def __str__(self):
        return f"{self.official} – {self.title}" if self.title else str(self.official)

    def fact_key(self):
        return (self.official_id, self.title)


class ArticleOrganisation(Fact):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="organisation_facts", db_index=False)
    organisation = models.ForeignKey(Organisation, verbose_name="cơ quan", on_delete=models.PROTECT, related_name="article_facts")
    as_written = models.CharField("cách viết trong bài", max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "cơ quan trong bài"
        verbose_name_plural = "cơ quan trong bài"
        constraints = [
            models.UniqueConstraint(fields=["article", "organisation"], name="article_organisation_unique")
        ]

    def __str__(self):
        return str(self.organisation)

    def fact_key(self):
        return self.organisation_id


class ArticleAgreement(Fact):
    class Kind(models.TextChoices):
        SIGN = "sign", "Ký kết"
        REVIEW = "review", "Sơ kết / tổng kết"
        BOTH = "both", "Tổng kết và ký kết"
        PLAN = "plan", "Kế hoạch năm"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="agreement_facts", db_index=False)
    agreement = models.ForeignKey(Agreement, verbose_name="chương trình", on_delete=models.PROTECT, related_name="article_facts")
    kind = models.CharField("bài viết đưa tin", max_length=8, choices=Kind.choices)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "chương trình trong bài"
        verbose_name_plural = "chương trình trong bài"
        constraints = [
            models.UniqueConstraint(fields=["article", "agreement"], name="article_agreement_unique")
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.agreement}"

    def fact_key(self):
        return self.agreement_id


class ArticlePeriod(Fact):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="period_facts", db_index=False)
    period = models.ForeignKey(Period, verbose_name="giai đoạn", on_delete=models.PROTECT, related_name="article_facts")
    history = HistoricalRecords()

    class Meta:
        verbose_name = "giai đoạn trong bài"
        verbose_name_plural = "giai đoạn trong bài"
        constraints = [models.UniqueConstraint(fields=["article", "period"], name="article_period_unique")]

    def __str__(self):
        return str(self.period)

    def fact_key(self):
        return self.period_id


class Citation(Fact):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="citations", db_index=False)
    document = models.ForeignKey(
        Document, verbose_name="văn bản", on_delete=models.PROTECT, related_name="citations",
        db_index=False,  # citation_document_spelling leads with it
    )
    as_written = models.CharField("cách viết trong bài", max_length=400, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "văn bản được trích dẫn"
        verbose_name_plural = "văn bản được trích dẫn"
        constraints = [models.UniqueConstraint(fields=["article", "document"], name="citation_unique")]
        # A document's page counts its visible citations and lists their
        # spellings from this index alone.
        indexes = [models.Index(fields=["document", "hidden", "as_written"], name="citation_document_spelling")]

    def __str__(self):
        return str(self.document)

    def fact_key(self):
        return self.document_id


FACT_MODELS = [ArticleLocality, Role, ArticleOrganisation, ArticleAgreement, ArticlePeriod, Citation]
