"""The archive's data: articles, the facts extracted from them, and the
entities those facts point at (localities, officials, organisations,
agreements, periods, documents).

Facts about an article (which localities, which officials with which title,
which agreements…) are rows of `Fact` subclasses. Each row records where it came
from (`origin`) and whether a curator removed it (`hidden`), so that a re-import
replaces only what the importer itself wrote and never what a curator changed.
"""

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from archive import search
from archive.text import fold, slugify


class Locality(models.Model):
    """An administrative unit as it existed in one era (GSO codes were reused
    across the 1 July 2025 reform, so the key is era + level + code)."""

    class Level(models.TextChoices):
        PROVINCE = "province", "Tỉnh / thành phố"
        DISTRICT = "district", "Quận / huyện"
        COMMUNE = "commune", "Xã / phường"

    class Era(models.TextChoices):
        PRE2025 = "pre2025", "Trước 1/7/2025"
        POST2025 = "post2025", "Từ 1/7/2025"

    era = models.CharField("thời kỳ", max_length=8, choices=Era.choices)
    level = models.CharField("cấp", max_length=8, choices=Level.choices)
    code = models.CharField("mã GSO", max_length=8)
    name = models.CharField("tên", max_length=100)
    unit_type = models.CharField("loại đơn vị", max_length=20)
    parent = models.ForeignKey(
        "self", verbose_name="trực thuộc", null=True, blank=True, on_delete=models.PROTECT,
        related_name="children",
    )
    province = models.ForeignKey(
        "self", verbose_name="tỉnh", null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )
    successor = models.ForeignKey(
        "self", verbose_name="tỉnh sau sáp nhập", null=True, blank=True,
        on_delete=models.PROTECT, related_name="absorbed",
        help_text="Tỉnh mà đơn vị này thuộc về từ 1/7/2025",
    )
    aliases = models.JSONField("tên khác", default=list, blank=True)
    ascii_name = models.CharField(max_length=100, editable=False)
    slug = models.SlugField(max_length=160, unique=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "địa phương"
        verbose_name_plural = "địa phương"
        ordering = ["era", "level", "name"]
        constraints = [
            models.UniqueConstraint(fields=["era", "level", "code"], name="locality_era_level_code"),
        ]
        indexes = [
            # Name lookups from the importer and the search box.
            models.Index(fields=["ascii_name"], name="locality_ascii_name"),
        ]

    def __str__(self):
        province = None if self.province_id is None else self.province.name
        return self.label(self.unit_type, self.name, self.level, province)

    @property
    def display(self) -> str:
        return self.label(self.unit_type, self.name)

    @classmethod
    def label(cls, unit_type: str, name: str, level: str | None = None, province: str | None = None) -> str:
        """What a locality is called: "Huyện Phong Điền", and in lists with
        its province after any unit below one, "Huyện Phong Điền (Thừa Thiên
        Huế)". From plain values, for lists read without model instances."""
        display = f"{unit_type.capitalize()} {name}"
        if level == cls.Level.PROVINCE or province is None:
            return display
        return f"{display} ({province})"

    def save(self, *args, **kwargs):
        self.ascii_name = fold(self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("archive:locality", args=[self.slug])


class Period(models.Model):
    class Kind(models.TextChoices):
        PROGRAMME = "programme", "Giai đoạn"
        TERM = "term", "Nhiệm kỳ"

    start = models.PositiveSmallIntegerField("từ năm")
    end = models.PositiveSmallIntegerField("đến năm")
    kind = models.CharField("loại", max_length=10, choices=Kind.choices, default=Kind.PROGRAMME)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "giai đoạn"
        verbose_name_plural = "giai đoạn"
        ordering = ["-start", "-end"]
        constraints = [
            models.UniqueConstraint(fields=["start", "end", "kind"], name="period_start_end_kind"),
            models.CheckConstraint(condition=models.Q(end__gte=models.F("start")), name="period_end_after_start"),
        ]

    def __str__(self):
        return self.label

    @property
    def label(self) -> str:
        return str(self.start) if self.start == self.end else f"{self.start}–{self.end}"

    @property
    def key(self) -> str:
        return f"{self.start}-{self.end}"

    def get_absolute_url(self):
        return reverse("archive:period", args=[self.key])


class Organisation(models.Model):
    class Kind(models.TextChoices):
        MASS_MOBILISATION = "mass_mobilisation_commission", "Ban Dân vận"
        PARTY_COMMITTEE = "party_committee", "Cấp ủy Đảng"
        PEOPLE_COMMITTEE = "people_committee", "Ủy ban nhân dân"
        PEOPLE_COUNCIL = "people_council", "Hội đồng nhân dân"
        FATHERLAND_FRONT = "fatherland_front", "Mặt trận Tổ quốc"
        POLICE = "police", "Công an"
        MILITARY = "military", "Quân sự"
        BORDER_GUARD = "border_guard", "Biên phòng"
        COURT = "court", "Tòa án"
        PROCURACY = "procuracy", "Viện Kiểm sát"
        DEPARTMENT = "department", "Sở, ban, ngành"
        MASS_ORGANISATION = "mass_organisation", "Đoàn thể"
        GOVERNMENT = "government", "Trung ương, Chính phủ"
        OTHER = "other", "Khác"

    name = models.CharField("tên", max_length=300, unique=True)
    kind = models.CharField("loại", max_length=32, choices=Kind.choices, default=Kind.OTHER)
    locality = models.ForeignKey(
        Locality, verbose_name="địa phương", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="organisations",
    )
    aliases = models.JSONField("tên khác", default=list, blank=True)
    ascii_name = models.CharField(max_length=300, editable=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "cơ quan, tổ chức"
        verbose_name_plural = "cơ quan, tổ chức"
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.ascii_name = fold(self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("archive:organisation", args=[self.pk])


class Official(models.Model):
    name = models.CharField("họ tên", max_length=120)
    ascii_name = models.CharField(max_length=120, editable=False)
    slug = models.SlugField(max_length=140, unique=True)
    aliases = models.JSONField("tên khác", default=list, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "cán bộ"
        verbose_name_plural = "cán bộ"
        ordering = ["name"]
        indexes = [models.Index(fields=["ascii_name"], name="official_ascii_name")]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.ascii_name = fold(self.name)
        if not self.slug:
            self.slug = unique_slug(Official, slugify(self.name))
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("archive:official", args=[self.slug])


class Document(models.Model):
    """A document cited by number: "Chỉ thị số 33/CT-TTg"."""

    number = models.CharField("số hiệu", max_length=60, unique=True)
    kind = models.CharField("loại văn bản", max_length=60, blank=True)
    issued_on = models.DateField("ngày ban hành", null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "văn bản"
        verbose_name_plural = "văn bản"
        ordering = ["number"]

    def __str__(self):
        return f"{self.kind} {self.number}".strip()

    def get_absolute_url(self):
        return reverse("archive:document", args=[self.pk])


class Agreement(models.Model):
    """A coordination programme, regulation or annual plan between bodies.

    The same agreement reported by several articles (its signing, its reviews)
    is one row; `key` is how the importer recognises it again."""

    class Level(models.TextChoices):
        CENTRAL = "central", "Trung ương"
        PROVINCE = "province", "Tỉnh"
        DISTRICT = "district", "Huyện"
        COMMUNE = "commune", "Xã"
        UNKNOWN = "unknown", "Chưa rõ"

    key = models.CharField(max_length=400, unique=True, editable=False)
    name = models.CharField("tên", max_length=400)
    parties = models.ManyToManyField(Organisation, verbose_name="các bên", related_name="agreements", blank=True)
    period = models.ForeignKey(
        Period, verbose_name="giai đoạn", null=True, blank=True, on_delete=models.PROTECT,
        related_name="agreements",
    )
    signed_on = models.DateField("ngày ký", null=True, blank=True)
    locality = models.ForeignKey(
        Locality, verbose_name="địa phương", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="agreements",
    )
    level = models.CharField("cấp", max_length=10, choices=Level.choices, default=Level.UNKNOWN)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "chương trình phối hợp"
        verbose_name_plural = "chương trình phối hợp"
        ordering = ["-period__start", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("archive:agreement", args=[self.pk])


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

    class Meta:
        verbose_name = "lần nhập"
        verbose_name_plural = "lần nhập"
        ordering = ["-started_at"]

    def __str__(self):
        return f"Lần nhập {self.started_at:%Y-%m-%d %H:%M}"

    @property
    def summary(self) -> str:
        summary = f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged, {self.failed} failed"
        return summary + (" (interrupted)" if self.interrupted else "")


class ArticleQuerySet(models.QuerySet):
    def published(self):
        return self.exclude(published_on=None)

    def in_locality(self, locality):
        return self.filter(localities=locality, locality_facts__hidden=False)

    def search(self, q: str):
        """Articles matching the query text, annotated with `rank`, best first
        (see archive/search.py)."""
        return search.search(self, q)


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

    localities = models.ManyToManyField(Locality, through="ArticleLocality", related_name="articles")
    officials = models.ManyToManyField(Official, through="Role", related_name="articles")
    organisations = models.ManyToManyField(Organisation, through="ArticleOrganisation", related_name="articles")
    agreements = models.ManyToManyField(Agreement, through="ArticleAgreement", related_name="articles")
    periods = models.ManyToManyField(Period, through="ArticlePeriod", related_name="articles")
    documents = models.ManyToManyField(Document, through="Citation", related_name="articles")

    # --- Search (owned by archive/search.py; migration 0004_search) ---------
    # Stored, generated from title and body by Postgres: no signals, no reindex.
    # Folded (unaccented) title + body: what a query matches (GIN index below).
    search_vector = models.GeneratedField(
        expression=search.folded_vector(), output_field=SearchVectorField(), db_persist=True
    )
    # Title + lead, exact and folded lexemes: cheap ranking, exact forms first.
    search_rank = models.GeneratedField(
        expression=search.rank_vector(), output_field=SearchVectorField(), db_persist=True
    )
    # --- end of search fields ----------------------------------------------

    history = HistoricalRecords(excluded_fields=["raw_text", "extraction", "search_vector", "search_rank"])
    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = "bài viết"
        verbose_name_plural = "bài viết"
        ordering = ["-published_on", "-id"]
        indexes = [
            # The home page and every date-sorted listing.
            models.Index(fields=["-published_on", "-id"], name="article_published"),
            # archive.search: `search_vector @@ query` for every text search.
            GinIndex(fields=["search_vector"], name="article_search_vector"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("archive:article", args=[self.pk])


class Fact(models.Model):
    """A fact about one article. `origin` and `hidden` make curator edits stick:
    the importer only ever deletes or rewrites rows it wrote itself and never
    re-creates a fact a curator hid."""

    class Origin(models.TextChoices):
        IMPORT = "import", "Trích xuất tự động"
        CURATOR = "curator", "Biên tập viên"

    origin = models.CharField("nguồn", max_length=8, choices=Origin.choices, default=Origin.CURATOR)
    hidden = models.BooleanField("đã loại bỏ", default=False, help_text="Biên tập viên đã loại bỏ dữ kiện này")
    evidence = models.TextField("câu trích", blank=True)

    class Meta:
        abstract = True


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
    district), as `archive.filters.province_scope` and `district_scope` say."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="place_rows")
    place = models.ForeignKey(Locality, on_delete=models.PROTECT, related_name="+", db_index=False)
    published_on = models.DateField(null=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["place", "article"], name="article_place_unique")]
        indexes = [
            models.Index(fields=["place", "-published_on", "-article"], name="article_place_newest"),
        ]

    def __str__(self):
        return f"{self.article_id} @ {self.place_id}"


class ArticleFacetKeys(models.Model):
    """What the search page's facets count, one row per article: its year,
    its places (ArticlePlace), the periods (start × 10000 + end: 20212025),
    agreement kinds, organisation kinds and officials of its visible facts. A facet over a list's newest
    1,000 articles reads 1,000 of these rows instead of joining five fact
    tables (docs/search.md "Facets from one row per article").

    The row also lists an article by period, official or organisation, newest first
    (archive.filters.with_facet_keys): the arrays' GIN indexes find the
    articles and `published_on`, the article's date beside them, orders
    them, without visiting each article. Through the article's date index,
    "giai đoạn 2010-2014" at a million articles walked every newer article
    first and took seconds (docs/performance.md, session 8).

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

    class Meta:
        indexes = [
            GinIndex(fields=["periods"], name="facet_keys_periods"),
            GinIndex(fields=["officials"], name="facet_keys_officials"),
            GinIndex(fields=["organisations"], name="facet_keys_organisations"),
        ]

    def __str__(self):
        return f"facet keys of {self.article_id}"


class ArticleLocality(Fact):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="locality_facts")
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

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="roles")
    official = models.ForeignKey(Official, verbose_name="cán bộ", on_delete=models.PROTECT, related_name="roles")
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
            # A place's officials (archive.stats.officials_in) from the index
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
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="organisation_facts")
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

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="agreement_facts")
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
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="period_facts")
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
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="citations")
    document = models.ForeignKey(Document, verbose_name="văn bản", on_delete=models.PROTECT, related_name="citations")
    as_written = models.CharField("cách viết trong bài", max_length=400, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "văn bản được trích dẫn"
        verbose_name_plural = "văn bản được trích dẫn"
        constraints = [models.UniqueConstraint(fields=["article", "document"], name="citation_unique")]

    def __str__(self):
        return str(self.document)

    def fact_key(self):
        return self.document_id


class MergeRecord(models.Model):
    """A curator merged a duplicate into a survivor: every link moved, the
    duplicate's name kept as an alias so later imports resolve to the survivor,
    and its old URL redirects."""

    model = models.CharField("loại", max_length=40)
    survivor_id = models.BigIntegerField("giữ lại (id)")
    merged_id = models.BigIntegerField("đã gộp (id)")
    merged_name = models.CharField("tên đã gộp", max_length=400)
    merged_slug = models.CharField(max_length=200, blank=True)
    moved = models.JSONField("liên kết đã chuyển", default=dict, blank=True)
    merged_by = models.ForeignKey(
        "auth.User", verbose_name="người gộp", null=True, blank=True, on_delete=models.SET_NULL
    )
    merged_at = models.DateTimeField("thời điểm", auto_now_add=True)

    class Meta:
        verbose_name = "lần gộp"
        verbose_name_plural = "lần gộp"
        ordering = ["-merged_at"]
        indexes = [
            # Redirecting an old URL of a merged entity to its survivor.
            models.Index(fields=["model", "merged_slug"], name="merge_model_slug"),
        ]

    def __str__(self):
        return f"{self.model}: {self.merged_name} → #{self.survivor_id}"


FACT_MODELS = [ArticleLocality, Role, ArticleOrganisation, ArticleAgreement, ArticlePeriod, Citation]


def unique_slug(model, base: str, max_length: int = 130) -> str:
    """`base`, or `base-2`, `base-3`… whichever is free. One query per try."""
    base = (base or "x")[:max_length]
    slug, n = base, 1
    while model.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


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
