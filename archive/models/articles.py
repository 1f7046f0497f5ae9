"""Articles and the import runs that stored them."""

import hashlib

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from archive.models.entities import Agreement, Document, Locality, Official, Organisation, Period
from archive.search.vectors import exact_vector, folded_vector, rank_vector


class ImportRun(models.Model):
    started_at = models.DateTimeField("bắt đầu", auto_now_add=True)
    finished_at = models.DateTimeField("kết thúc", null=True, blank=True)
    paths = models.JSONField("đường dẫn", default=list)
    created = models.PositiveIntegerField("mới", default=0)
    updated = models.PositiveIntegerField("cập nhật", default=0)
    unchanged = models.PositiveIntegerField("không đổi", default=0)
    failed = models.PositiveIntegerField("lỗi", default=0)
    failures = models.JSONField("chi tiết lỗi", default=list, blank=True)
    warnings = models.JSONField("cảnh báo", default=list, blank=True)
    interrupted = models.BooleanField(
        "bị ngắt", default=False,
        help_text="Lần nhập bị dừng giữa chừng (Ctrl-C): các bài đã lưu là đầy đủ, chạy lại để nhập nốt",
    )
    fact_changes = models.JSONField(
        "dữ kiện thay đổi", default=dict, blank=True,
        help_text="Dữ kiện do máy trích xuất đã thay đổi trong các bài cập nhật: thêm, bỏ, sửa theo loại",
    )

    class Meta:
        verbose_name = "lần nhập"
        verbose_name_plural = "lần nhập"
        ordering = ["-started_at"]

    def __str__(self):
        return f"Lần nhập {self.started_at:%Y-%m-%d %H:%M}"

    @property
    def summary(self) -> str:
        summary = f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged, {self.failed} failed"
        if self.fact_changes:
            added, removed, changed = (sum(counts[i] for counts in self.fact_changes.values()) for i in range(3))
            kinds = ", ".join(f"{kind} +{a} -{r} ~{c}" for kind, (a, r, c) in sorted(self.fact_changes.items()))
            summary += f"; facts of updated articles: {added} added, {removed} removed, {changed} changed ({kinds})"
        return summary + (" (interrupted)" if self.interrupted else "")

    def count(self, outcome) -> None:
        """Add one article's outcome (archive.importer.Outcome) to the run."""
        setattr(self, outcome.status, getattr(self, outcome.status) + 1)
        if outcome.status == "failed":
            self.failures.append({"source": outcome.source, "reason": outcome.reason})
        for warning in outcome.warnings:
            self.warnings.append({"source": outcome.source, "warning": warning})
        for kind, counts in outcome.facts.items():
            self.fact_changes[kind] = [a + b for a, b in zip(self.fact_changes.get(kind, [0, 0, 0]), counts)]


class ArticleQuerySet(models.QuerySet):
    def visible(self):
        """The articles the site shows: not deleted by a curator (`hidden`).
        Every public list, page, feed, export, API answer, sitemap and count
        starts from these (archive.scopes); the admin and the importer see all."""
        return self.filter(hidden=False)

    def published(self):
        return self.visible().exclude(published_on=None)


def content_hash(raw: str) -> str:
    """An article's identity: the SHA-256 of its raw text."""
    return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()


class Article(models.Model):
    class DatePrecision(models.TextChoices):
        STATED = "stated", "Ghi rõ"
        YEAR_INFERRED = "year_inferred", "Suy ra năm"
        UNKNOWN = "unknown", "Không rõ"

    class ReviewState(models.TextChoices):
        PENDING = "pending", "Chờ duyệt"
        REVIEWED = "reviewed", "Đã duyệt"

    title = models.CharField("tiêu đề", max_length=500)
    body = models.TextField("nội dung")
    raw_text = models.TextField("văn bản gốc", help_text="Nguyên văn như khi nhập, không sửa")
    source_url = models.URLField("đường dẫn gốc", max_length=1000, blank=True)
    source_domain = models.CharField("trang nguồn", max_length=200, blank=True)
    source_key = models.CharField(
        "nguồn nhập", max_length=1000, unique=True,
        help_text="URL hoặc đường dẫn tệp: cùng nguồn, nội dung mới thì cập nhật bài",
    )
    author = models.CharField("tác giả", max_length=200, blank=True)
    published_on = models.DateField("ngày đăng", null=True, blank=True)
    date_precision = models.CharField(
        "độ chắc chắn của ngày", max_length=16, choices=DatePrecision.choices, default=DatePrecision.UNKNOWN
    )
    date_evidence = models.CharField("ngày ghi trong bài", max_length=300, blank=True)
    content_hash = models.CharField(max_length=64, unique=True, editable=False)
    import_run = models.ForeignKey(
        ImportRun, verbose_name="lần nhập", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="articles",
    )
    fetched_at = models.DateTimeField("ngày thu thập", null=True, blank=True)
    imported_at = models.DateTimeField("ngày nhập", auto_now_add=True)
    updated_at = models.DateTimeField("ngày cập nhật", auto_now=True)
    extraction = models.JSONField("kết quả trích xuất", default=dict, blank=True, editable=False)
    warnings = models.JSONField("cảnh báo", default=list, blank=True)
    locked_fields = models.JSONField(
        "trường đã hiệu đính", default=list, blank=True,
        help_text="Các trường biên tập viên đã sửa: lần nhập sau không ghi đè",
    )
    review_state = models.CharField(
        "trạng thái duyệt", max_length=10, choices=ReviewState.choices, default=ReviewState.PENDING
    )
    hidden = models.BooleanField(
        "đã xóa", default=False,
        help_text="Biên tập viên đã xóa bài (có thể khôi phục): không hiện ở đâu, lần nhập sau không đưa lại",
    )
    # The facts a curator's deletion hid, {model name: [ids]}: what undoing it shows again.
    hidden_facts = models.JSONField(default=dict, blank=True, editable=False)

    localities = models.ManyToManyField(Locality, through="ArticleLocality", related_name="articles")
    officials = models.ManyToManyField(Official, through="Role", related_name="articles")
    organisations = models.ManyToManyField(Organisation, through="ArticleOrganisation", related_name="articles")
    agreements = models.ManyToManyField(Agreement, through="ArticleAgreement", related_name="articles")
    periods = models.ManyToManyField(Period, through="ArticlePeriod", related_name="articles")
    documents = models.ManyToManyField(Document, through="Citation", related_name="articles")

    # --- Search (owned by archive/search/vectors.py) -------------------------
    # Stored, generated from title and body by Postgres: no signals, no reindex.
    # Folded (unaccented) title + body: what words typed without diacritics
    # match, whatever their spelling (GIN index below).
    search_vector = models.GeneratedField(
        expression=folded_vector(), output_field=SearchVectorField(), db_persist=True
    )
    # The same in the exact forms: what words typed with diacritics match.
    search_exact = models.GeneratedField(
        expression=exact_vector(), output_field=SearchVectorField(), db_persist=True
    )
    # Title + lead, exact and folded lexemes: cheap ranking, exact forms first.
    search_rank = models.GeneratedField(
        expression=rank_vector(), output_field=SearchVectorField(), db_persist=True
    )
    # --- end of search fields ----------------------------------------------

    history = HistoricalRecords(
        excluded_fields=["raw_text", "extraction", "search_vector", "search_exact", "search_rank"]
    )
    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = "bài viết"
        verbose_name_plural = "bài viết"
        ordering = [models.F("published_on").desc(nulls_last=True), "-id"]
        indexes = [
            # The home page and every date-sorted listing (archive.scopes.date_order: undated last).
            models.Index(models.F("published_on").desc(nulls_last=True), models.F("id").desc(), name="article_published"),
            # Counting the shown articles (pagination.CappedPaginator) reads this
            # index alone, not the rows, as it read the primary key before
            # deleted articles were kept as tombstones.
            models.Index(fields=["id"], condition=models.Q(hidden=False), name="article_visible"),
            # archive.search.matching: `search_vector @@ query` for words typed
            # without diacritics, `search_exact @@ query` for the others.
            GinIndex(fields=["search_vector"], name="article_search_vector"),
            GinIndex(fields=["search_exact"], name="article_search_exact"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("archive:article", args=[self.pk])
