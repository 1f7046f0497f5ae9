"""The entities facts point at: localities (the gazetteer, both eras),
periods, organisations, officials, cited documents and agreements, and the
record of a curator's merge of two of them."""

from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from archive.text import fold, slugify


def vietnamese_order() -> models.GeneratedField:
    """`name` as a key whose plain ("C") order is Vietnamese alphabetical
    order (archive.collation): lists A–Z order by it, not by `name`."""
    return models.GeneratedField(
        expression=models.Func(models.F("name"), function="archive_sort_key", output_field=models.TextField()),
        output_field=models.TextField(db_collation="C"), db_persist=True,
    )


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
    sort_name = vietnamese_order()
    history = HistoricalRecords(excluded_fields=["sort_name"])

    class Meta:
        verbose_name = "địa phương"
        verbose_name_plural = "địa phương"
        ordering = ["era", "level", "sort_name"]
        constraints = [
            models.UniqueConstraint(fields=["era", "level", "code"], name="locality_era_level_code"),
        ]
        indexes = [
            # Name lookups from the importer and the search box.
            models.Index(fields=["ascii_name"], name="locality_ascii_name"),
            # The admin's and the API's lists of units, A–Z within an era and level.
            models.Index(fields=["era", "level", "sort_name"], name="locality_sort_name"),
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
    sort_name = vietnamese_order()
    history = HistoricalRecords(excluded_fields=["sort_name"])

    class Meta:
        verbose_name = "cơ quan, tổ chức"
        verbose_name_plural = "cơ quan, tổ chức"
        ordering = ["sort_name"]
        indexes = [
            # The curators' list of organisations, A–Z.
            models.Index(fields=["sort_name"], name="organisation_sort_name"),
            # Likely duplicates (archive.curation.duplicates): near names by trigram.
            GinIndex(fields=["ascii_name"], name="organisation_ascii_name_trgm", opclasses=["gin_trgm_ops"]),
        ]

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
    sort_name = vietnamese_order()
    history = HistoricalRecords(excluded_fields=["sort_name"])

    class Meta:
        verbose_name = "cán bộ"
        verbose_name_plural = "cán bộ"
        ordering = ["sort_name"]
        indexes = [
            models.Index(fields=["ascii_name"], name="official_ascii_name"),
            # The officials' lists (admin, API), A–Z.
            models.Index(fields=["sort_name"], name="official_sort_name"),
        ]

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
    sort_name = vietnamese_order()
    # The parties too: a curator corrects them on the review screen.
    history = HistoricalRecords(excluded_fields=["sort_name"], m2m_fields=[parties])

    class Meta:
        verbose_name = "chương trình phối hợp"
        verbose_name_plural = "chương trình phối hợp"
        ordering = ["-period__start", "sort_name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("archive:agreement", args=[self.pk])


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


def unique_slug(model, base: str, max_length: int = 130) -> str:
    """`base`, or `base-2`, `base-3`… whichever is free. One query per try."""
    base = (base or "x")[:max_length]
    slug, n = base, 1
    while model.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug
