"""The curators' admin: correct what extraction got wrong, and keep it so.

How a correction survives the next import of the same source:
- saving an article adds every importer-written field the curator changed to
  `Article.locked_fields`, which the importer never overwrites;
- editing an imported fact row makes it the curator's (`origin = curator`); if
  the edit changes what identifies the fact (the locality, the official and
  title…), the imported row is kept hidden as a tombstone and the edit becomes
  a new curator row, so the importer does not add the old fact back;
- facts are never deleted here: "đã loại bỏ" (`hidden`) removes them from the
  site and tells the importer not to re-create them.

Every archive model keeps its history (django-simple-history): who changed
what and when, with revert.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.admin.views.main import ORDER_VAR, ChangeList
from django.core.paginator import Paginator
from django.db import connection, models
from django.db.models import Exists, Max, Min, OuterRef, Q
from django.template.response import TemplateResponse
from django.utils.functional import cached_property
from django.utils.html import format_html, format_html_join
from simple_history.admin import SimpleHistoryAdmin

from archive import merge as merging
from archive import review
from archive.importer import IMPORTED_FIELDS, content_hash, reextract
from archive.models import (
    Agreement,
    Article,
    ArticleAgreement,
    ArticleLocality,
    ArticleOrganisation,
    ArticlePeriod,
    Citation,
    Document,
    Fact,
    ImportRun,
    Locality,
    MergeRecord,
    Official,
    Organisation,
    Period,
    Role,
)

admin.site.site_header = "Lưu trữ dân vận – Quản trị"
admin.site.site_title = "Quản trị lưu trữ dân vận"
admin.site.index_title = "Hiệu đính dữ liệu"

REEXTRACT_LIMIT = 200  # articles per action: each one is a full extraction


# -- counting a big table -------------------------------------------------------


class CappedPaginator(Paginator):
    """Never counts a big table row by row.

    Counts at most CAP + 1 rows (`COUNT(*)` over a `LIMIT` subquery). When the
    cap is reached and the queryset is the whole table, the planner's estimate
    (pg_class.reltuples) stands in; otherwise the count is reported as capped."""

    CAP = 10_000

    @cached_property
    def count(self) -> int:
        counted = self.object_list.order_by().values("pk")[: self.CAP + 1].count()
        self.capped = counted > self.CAP
        if self.capped and not self.object_list.query.where:
            estimate = _estimated_rows(self.object_list.model)
            if estimate > self.CAP:
                self.capped = False
                return estimate
        return counted

    capped = False


def _estimated_rows(model) -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples::bigint FROM pg_class WHERE oid = %s::regclass", [model._meta.db_table])
        row = cursor.fetchone()
    return max(int(row[0]), 0) if row else 0


# -- facts ------------------------------------------------------------------


def _key_fields(model: type[Fact]) -> list[str]:
    """The fields that identify a fact of an article (its unique constraint)."""
    for constraint in model._meta.constraints:
        if isinstance(constraint, models.UniqueConstraint):
            return [name for name in constraint.fields if name != "article"]
    return []


def curate_fact(fact: Fact, changed: list[str]) -> Fact:
    """Prepare a fact a curator changed (`changed`: field names) for saving.

    An imported row becomes the curator's. If what identifies it changed, the
    imported row stays behind hidden and `fact` is returned as a new row."""
    if not changed or fact.origin != Fact.Origin.IMPORT or fact.pk is None:
        fact.origin = Fact.Origin.CURATOR if changed else fact.origin
        return fact
    if set(changed) & set(_key_fields(type(fact))):
        original = type(fact).objects.get(pk=fact.pk)
        original.hidden = True
        original.origin = Fact.Origin.CURATOR
        original.save(update_fields=["hidden", "origin"])
        fact.pk = None
        fact._state.adding = True
    fact.origin = Fact.Origin.CURATOR
    return fact


class FactFormSet(forms.BaseInlineFormSet):
    def save_existing(self, form, obj, commit=True):
        curate_fact(obj, form.changed_data)
        return form.save(commit=commit)


class FactInline(admin.TabularInline):
    formset = FactFormSet
    extra = 0
    can_delete = False  # "đã loại bỏ" hides a fact; deleting it would let re-import bring it back
    readonly_fields = ["origin", "evidence_display"]
    show_change_link = False

    @admin.display(description="câu trích")
    def evidence_display(self, fact):
        return format_html('<div class="evidence">{}</div>', fact.evidence) if fact.evidence else "–"


class LocalityFactInline(FactInline):
    model = ArticleLocality
    fields = ["locality", "hidden", "origin", "evidence_display"]
    autocomplete_fields = ["locality"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("locality__province")


class RoleInline(FactInline):
    model = Role
    fields = ["official", "title", "organisation", "locality", "seen_on", "hidden", "origin", "evidence_display"]
    autocomplete_fields = ["official", "organisation", "locality"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("official", "organisation", "locality__province")


class OrganisationFactInline(FactInline):
    model = ArticleOrganisation
    fields = ["organisation", "as_written", "hidden", "origin", "evidence_display"]
    autocomplete_fields = ["organisation"]


class AgreementFactInline(FactInline):
    model = ArticleAgreement
    fields = ["agreement", "kind", "hidden", "origin", "evidence_display"]
    autocomplete_fields = ["agreement"]


class PeriodFactInline(FactInline):
    model = ArticlePeriod
    fields = ["period", "hidden", "origin"]
    autocomplete_fields = ["period"]


class CitationInline(FactInline):
    model = Citation
    fields = ["document", "as_written", "hidden", "origin", "evidence_display"]
    autocomplete_fields = ["document"]


class FactAdmin(SimpleHistoryAdmin):
    """A fact table on its own: the same rules as the article's inlines."""

    list_display = ["__str__", "article", "origin", "hidden"]
    list_filter = ["origin", "hidden"]
    list_select_related = ["article"]
    readonly_fields = ["origin"]
    raw_id_fields = ["article"]
    show_facets = admin.ShowFacets.NEVER
    actions = ["hide_selected"]

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        if change:
            curate_fact(obj, form.changed_data)
        super().save_model(request, obj, form, change)

    @admin.action(description="Loại bỏ các dữ kiện đã chọn", permissions=["change"])
    def hide_selected(self, request, queryset):
        for fact in queryset.filter(hidden=False):
            fact.hidden = True
            fact.origin = Fact.Origin.CURATOR
            fact.save(update_fields=["hidden", "origin"])


# -- merging ------------------------------------------------------------------


class MergeMixin:
    """The "Gộp các mục trùng" action: pick the survivor on a confirmation page."""

    def get_actions(self, request):
        actions = super().get_actions(request)
        if self.has_change_permission(request):
            actions["merge_selected"] = (
                MergeMixin.merge_selected, "merge_selected", "Gộp các mục trùng (chọn mục giữ lại)"
            )
        return actions

    def merge_selected(self, request, queryset):
        objects = list(queryset[:50])
        if len(objects) < 2:
            self.message_user(request, "Chọn ít nhất hai mục để gộp.", messages.WARNING)
            return None
        survivor_id = request.POST.get("survivor")
        if request.POST.get("confirm") == "yes" and survivor_id:
            survivor = next((obj for obj in objects if str(obj.pk) == survivor_id), None)
            if survivor is None:
                self.message_user(request, "Mục giữ lại phải là một trong các mục đã chọn.", messages.ERROR)
                return None
            try:
                records = merging.merge(survivor, [obj for obj in objects if obj.pk != survivor.pk], request.user)
            except merging.MergeError as error:
                self.message_user(request, str(error), messages.ERROR)
                return None
            self.message_user(request, f"Đã gộp {len(records)} mục vào “{survivor}”.", messages.SUCCESS)
            return None
        return TemplateResponse(request, "admin/archive/merge_confirm.html", {
            **self.admin_site.each_context(request),
            "title": "Gộp các mục trùng",
            "opts": self.model._meta,
            "objects": objects,
            "action_checkbox_name": ACTION_CHECKBOX_NAME,
        })


# -- articles -----------------------------------------------------------------


def _same_text(a: str, b: str) -> bool:
    return a.replace("\r\n", "\n").strip() == b.replace("\r\n", "\n").strip()


class ArticleForm(forms.ModelForm):
    locked_fields = forms.MultipleChoiceField(
        label="Trường đã hiệu đính", required=False, widget=forms.CheckboxSelectMultiple,
        help_text="Lần nhập sau không ghi đè các trường này. Sửa một trường thì trường đó được đánh dấu.",
    )

    class Meta:
        model = Article
        exclude = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["locked_fields"].choices = [
            (name, Article._meta.get_field(name).verbose_name) for name in IMPORTED_FIELDS
        ]


class ProvinceFilter(admin.SimpleListFilter):
    title = "tỉnh / thành phố"
    parameter_name = "tinh"

    def lookups(self, request, model_admin):
        provinces = Locality.objects.filter(level=Locality.Level.PROVINCE).order_by("era", "name")
        return [(p.pk, f"{p.display} ({'sau' if p.era == Locality.Era.POST2025 else 'trước'} 2025)") for p in provinces]

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        try:
            province = int(self.value())
        except ValueError:
            return queryset.none()
        # The units in the province, looked up first: a plain `IN` list lets
        # the planner use the fact table's locality index (2.5 s → well under
        # 1 s at a million articles, against joins inside the EXISTS).
        units = list(Locality.objects.filter(
            Q(pk=province) | Q(province=province) | Q(successor=province) | Q(province__successor=province)
        ).values_list("pk", flat=True))
        facts = ArticleLocality.objects.filter(locality__in=units, article=OuterRef("pk"), hidden=False)
        return queryset.filter(Exists(facts))


class YearFilter(admin.SimpleListFilter):
    title = "năm"
    parameter_name = "nam"

    def lookups(self, request, model_admin):
        # Two index lookups, not a DISTINCT over the whole table.
        bounds = Article.objects.aggregate(first=Min("published_on"), last=Max("published_on"))
        if not bounds["first"]:
            return []
        return [(year, str(year)) for year in range(bounds["last"].year, bounds["first"].year - 1, -1)]

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        try:
            year = int(self.value())
        except ValueError:
            return queryset.none()
        return queryset.filter(published_on__year=year)


class PeriodFilter(admin.SimpleListFilter):
    title = "giai đoạn"
    parameter_name = "giai_doan"

    def lookups(self, request, model_admin):
        return [(p.pk, str(p)) for p in Period.objects.all()]

    def queryset(self, request, queryset):
        if not self.value() or not self.value().isdecimal():
            return queryset
        facts = ArticlePeriod.objects.filter(article=OuterRef("pk"), period=int(self.value()), hidden=False)
        return queryset.filter(Exists(facts))


class SourceDomainFilter(admin.SimpleListFilter):
    title = "trang nguồn"
    parameter_name = "nguon"

    def lookups(self, request, model_admin):
        # The domains of the latest 5,000 articles: a full DISTINCT would read the whole table.
        latest = Article.objects.order_by("-id").values("pk")[:5000]
        domains = (
            Article.objects.filter(pk__in=latest).exclude(source_domain="")
            .values_list("source_domain", flat=True).distinct().order_by("source_domain")
        )
        return [(domain, domain) for domain in domains]

    def queryset(self, request, queryset):
        return queryset.filter(source_domain=self.value()) if self.value() else queryset


class ReviewQueueFilter(admin.SimpleListFilter):
    title = "hàng chờ duyệt"
    parameter_name = "cho_duyet"

    def lookups(self, request, model_admin):
        return [("all", "Tất cả bài cần duyệt"), *review.REASONS.items()]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "all":
            return review.needing_review(queryset)
        if value in review.REASONS:
            return review.needing_review(queryset, value)
        return queryset


class ArticleChangeList(ChangeList):
    def get_queryset(self, request, exclude_parameters=None):
        queryset = super().get_queryset(request, exclude_parameters)
        # A search is ordered by relevance (archive.search annotates `rank`),
        # unless the curator sorts by a column.
        if self.query.strip() and ORDER_VAR not in self.params:
            queryset = queryset.order_by("-rank", "-published_on", "-id")
        return queryset


@admin.register(Article)
class ArticleAdmin(SimpleHistoryAdmin):
    form = ArticleForm
    paginator = CappedPaginator
    show_full_result_count = False
    show_facets = admin.ShowFacets.NEVER
    list_display = ["title", "published_on", "date_precision", "source_domain", "review_state", "review_reasons"]
    list_filter = [
        ReviewQueueFilter, ProvinceFilter, YearFilter, PeriodFilter, SourceDomainFilter,
        "date_precision", "review_state", ("import_run", admin.RelatedFieldListFilter),
    ]
    list_per_page = 50
    search_fields = ["title"]  # shows the search box; the search itself is archive.search
    search_help_text = "Tìm trong tiêu đề và nội dung (có dấu hoặc không dấu)"
    actions = ["mark_reviewed", "reextract_selected"]
    inlines = [
        LocalityFactInline, RoleInline, OrganisationFactInline, AgreementFactInline, PeriodFactInline, CitationInline,
    ]
    fieldsets = [
        (None, {"fields": ["title", "published_on", "date_precision", "date_evidence", "author", "body"]}),
        ("Nguồn", {"fields": ["source_url", "source_domain", "source_key", "import_run", "imported_at", "updated_at"]}),
        ("Duyệt", {"fields": ["review_state", "review_reasons", "warnings_display", "locked_fields"]}),
        ("Văn bản gốc", {"fields": ["raw_text_display"], "classes": ["collapse"]}),
    ]
    add_fieldsets = [
        (None, {"fields": ["title", "published_on", "date_precision", "author", "body"]}),
        ("Nguồn", {"fields": ["source_url", "source_domain", "source_key", "raw_text"]}),
    ]

    def get_fieldsets(self, request, obj=None):
        return self.fieldsets if obj else self.add_fieldsets

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return ["review_reasons"]
        return [
            "source_key", "import_run", "imported_at", "updated_at",
            "review_reasons", "warnings_display", "raw_text_display",
        ]

    def get_queryset(self, request):
        return review.with_reasons(super().get_queryset(request))

    def get_search_results(self, request, queryset, search_term):
        if not search_term.strip():
            return queryset, False
        return queryset.search(search_term), False

    def get_changelist(self, request, **kwargs):
        return ArticleChangeList

    @admin.display(description="lý do cần duyệt")
    def review_reasons(self, article):
        if article.review_state == Article.ReviewState.REVIEWED:
            return "–"
        return "; ".join(review.reasons(article)) or "–"

    @admin.display(description="cảnh báo khi trích xuất")
    def warnings_display(self, article):
        if not article.warnings:
            return "–"
        return format_html("<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((w,) for w in article.warnings)))

    @admin.display(description="văn bản gốc")
    def raw_text_display(self, article):
        return format_html('<pre class="raw-text" style="white-space:pre-wrap;max-height:40em;overflow:auto">{}</pre>',
                           article.raw_text)

    def save_model(self, request, obj, form, change):
        if change:
            # Compared with the row as stored, not with the form's initial data:
            # a revert from history starts from an old version.
            stored = Article.objects.filter(pk=obj.pk).values(*IMPORTED_FIELDS).first() or {}
            changed = []
            for name, old in stored.items():
                new = getattr(obj, name)
                if isinstance(old, str) and isinstance(new, str) and _same_text(old, new):
                    setattr(obj, name, old)  # a form round trip changed only line ends or edge spaces
                elif new != old:
                    changed.append(name)
            obj.locked_fields = [name for name in IMPORTED_FIELDS if name in {*obj.locked_fields, *changed}]
        else:
            obj.raw_text = obj.raw_text or obj.body
            obj.content_hash = content_hash(obj.raw_text)
            obj.source_key = obj.source_key or f"curator:{obj.content_hash[:16]}"
            obj.locked_fields = list(IMPORTED_FIELDS)
        super().save_model(request, obj, form, change)

    @admin.action(description="Đánh dấu đã duyệt", permissions=["change"])
    def mark_reviewed(self, request, queryset):
        articles = list(queryset.filter(review_state=Article.ReviewState.PENDING).only("pk", "review_state"))
        for article in articles:  # one by one, so that history records who reviewed
            article.review_state = Article.ReviewState.REVIEWED
            article.save(update_fields=["review_state", "updated_at"])
        self.message_user(request, f"Đã đánh dấu {len(articles)} bài là đã duyệt.", messages.SUCCESS)

    @admin.action(description="Trích xuất lại (giữ các hiệu đính)", permissions=["change"])
    def reextract_selected(self, request, queryset):
        articles = list(queryset.order_by("pk")[: REEXTRACT_LIMIT + 1])
        if len(articles) > REEXTRACT_LIMIT:
            self.message_user(
                request, f"Mỗi lần chỉ trích xuất lại tối đa {REEXTRACT_LIMIT} bài; hãy lọc bớt.", messages.ERROR
            )
            return
        failed = []
        for article in articles:
            outcome = reextract(article)
            if outcome.status == "failed":
                failed.append(f"{article}: {outcome.reason}")
        done = len(articles) - len(failed)
        self.message_user(request, f"Đã trích xuất lại {done} bài.", messages.SUCCESS)
        for failure in failed:
            self.message_user(request, f"Lỗi: {failure}", messages.ERROR)


# -- entities -----------------------------------------------------------------


@admin.register(Locality)
class LocalityAdmin(SimpleHistoryAdmin):
    list_display = ["name", "unit_type", "level", "era", "code", "province"]
    list_filter = ["era", "level"]
    list_select_related = ["province"]
    search_fields = ["name", "ascii_name", "code"]
    autocomplete_fields = ["parent", "province", "successor"]
    readonly_fields = ["ascii_name"]
    show_facets = admin.ShowFacets.NEVER

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("province")


@admin.register(Period)
class PeriodAdmin(SimpleHistoryAdmin):
    list_display = ["label", "kind"]
    list_filter = ["kind"]
    search_fields = ["start", "end"]


@admin.register(Official)
class OfficialAdmin(MergeMixin, SimpleHistoryAdmin):
    list_display = ["name", "aliases"]
    search_fields = ["name", "ascii_name", "aliases"]
    readonly_fields = ["ascii_name"]


@admin.register(Organisation)
class OrganisationAdmin(MergeMixin, SimpleHistoryAdmin):
    list_display = ["name", "kind", "locality", "aliases"]
    list_filter = ["kind"]
    list_select_related = ["locality__province"]
    search_fields = ["name", "ascii_name", "aliases"]
    autocomplete_fields = ["locality"]
    readonly_fields = ["ascii_name"]


@admin.register(Agreement)
class AgreementAdmin(MergeMixin, SimpleHistoryAdmin):
    list_display = ["name", "period", "level", "signed_on", "locality"]
    list_filter = ["level", "period"]
    list_select_related = ["period", "locality__province"]
    search_fields = ["name"]
    autocomplete_fields = ["parties", "locality", "period"]
    readonly_fields = ["key"]


@admin.register(Document)
class DocumentAdmin(SimpleHistoryAdmin):
    list_display = ["number", "kind", "issued_on"]
    search_fields = ["number", "kind"]


@admin.register(ArticleLocality)
class ArticleLocalityAdmin(MergeMixin, FactAdmin):
    autocomplete_fields = ["locality"]
    search_fields = ["article__title", "locality__name"]


@admin.register(Role)
class RoleAdmin(FactAdmin):
    list_display = ["official", "title", "article", "origin", "hidden"]
    list_select_related = ["official", "article"]
    autocomplete_fields = ["official", "organisation", "locality"]
    search_fields = ["official__name", "title"]


@admin.register(ArticleOrganisation)
class ArticleOrganisationAdmin(FactAdmin):
    autocomplete_fields = ["organisation"]
    search_fields = ["organisation__name", "as_written"]


@admin.register(ArticleAgreement)
class ArticleAgreementAdmin(FactAdmin):
    autocomplete_fields = ["agreement"]
    search_fields = ["agreement__name"]


@admin.register(ArticlePeriod)
class ArticlePeriodAdmin(FactAdmin):
    autocomplete_fields = ["period"]


@admin.register(Citation)
class CitationAdmin(FactAdmin):
    autocomplete_fields = ["document"]
    search_fields = ["document__number", "as_written"]


@admin.register(ImportRun)
class ImportRunAdmin(admin.ModelAdmin):
    """Import runs are a record of what happened: read only."""

    list_display = ["__str__", "finished_at", "created", "updated", "unchanged", "failed"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(MergeRecord)
class MergeRecordAdmin(admin.ModelAdmin):
    list_display = ["__str__", "model", "merged_name", "merged_by", "merged_at"]
    list_filter = ["model"]
    search_fields = ["merged_name"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
