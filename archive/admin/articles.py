"""The article screens: the list with its filters and the review queue, and
an article with its facts."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.views.main import ORDER_VAR, ChangeList
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, Max, Min
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from simple_history.admin import SimpleHistoryAdmin

from archive.admin.review_screen import review_urls
from archive.admin.facts import FACT_INLINES
from archive.curation import IMPORTED_FIELDS, lock_changed_fields, prepare_new_article, review
from archive.curation.deletion import delete_article, restore_article
from archive.importer import reextract
from archive.models import Article, ArticlePeriod, Locality, Period
from archive.pagination import CappedPaginator
from archive.scopes import date_order, facts_of, in_places
from archive.search.matching import search

REEXTRACT_LIMIT = 200  # articles per action: each one is a full extraction


class TablePaginator(CappedPaginator):
    """The admin's lists say how big a whole table is (the planner's estimate)."""

    estimate_whole_table = True


# -- articles -----------------------------------------------------------------


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
        provinces = Locality.objects.filter(level=Locality.Level.PROVINCE).order_by("era", "sort_name")
        return [(p.pk, f"{p.display} ({'sau' if p.era == Locality.Era.POST2025 else 'trước'} 2025)") for p in provinces]

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        provinces = Locality.objects.filter(level=Locality.Level.PROVINCE)
        province = provinces.filter(pk=int(self.value())).first() if self.value().isdecimal() else None
        if province is None:
            return queryset.none()
        # The public pages' rule (archive.scopes), through the same rows.
        return in_places(queryset, [province])


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
        return queryset.filter(Exists(facts_of(ArticlePeriod, period=int(self.value()))))


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
        # A search is ordered by relevance (archive.search.matching annotates `rank`),
        # unless the curator sorts by a column.
        if self.query.strip() and ORDER_VAR not in self.params:
            queryset = queryset.order_by("-rank", *date_order())
        return queryset


@admin.register(Article)
class ArticleAdmin(SimpleHistoryAdmin):
    form = ArticleForm
    paginator = TablePaginator
    show_full_result_count = False
    show_facets = admin.ShowFacets.NEVER
    list_display = [
        "title", "published_on", "date_precision", "source_domain", "review_state", "review_reasons", "review_link",
    ]
    list_filter = [
        ReviewQueueFilter, ProvinceFilter, YearFilter, PeriodFilter, SourceDomainFilter,
        "date_precision", "review_state", "hidden", ("import_run", admin.RelatedFieldListFilter),
    ]
    list_per_page = 50
    search_fields = ["title"]  # shows the search box; the search itself is archive.search
    search_help_text = "Tìm trong tiêu đề và nội dung (có dấu hoặc không dấu)"
    actions = ["mark_reviewed", "reextract_selected", "delete_selected_as_tombstones", "restore_selected"]
    change_form_template = "admin/archive/article/change_form.html"
    delete_confirmation_template = "admin/archive/article/delete_confirmation.html"
    inlines = FACT_INLINES
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
        return search(queryset, search_term), False

    def get_changelist(self, request, **kwargs):
        return ArticleChangeList

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("<int:pk>/xoa/", wrap(self.tombstone_view), name="archive_article_tombstone"),
            path("<int:pk>/khoi-phuc/", wrap(self.restore_view), name="archive_article_restore"),
            *review_urls(self),
            *super().get_urls(),
        ]

    def has_delete_permission(self, request, obj=None):
        """A real delete takes the facts with it and leaves no tombstone, so a
        later import brings the article back: superusers only. Curators
        delete with `tombstone_view`, which can be undone."""
        return request.user.is_active and request.user.is_superuser

    def get_deleted_objects(self, objs, request):
        """What a real delete takes with it, listed on the confirmation. A
        fact cannot be deleted on its own (curators hide facts), but it goes
        with its article: that is not a missing permission."""
        deleted, counts, _facts_not_deletable_alone, protected = super().get_deleted_objects(objs, request)
        return deleted, counts, set(), protected

    def _one_article(self, request, pk):
        if request.method != "POST":
            return None, HttpResponseNotAllowed(["POST"])
        article = get_object_or_404(Article, pk=pk)
        if not self.has_change_permission(request, article):
            raise PermissionDenied
        return article, None

    def tombstone_view(self, request, pk):
        article, refused = self._one_article(request, pk)
        if refused:
            return refused
        hidden = delete_article(article)
        self.message_user(request, f"Đã xóa “{article}” ({hidden} dữ kiện ẩn theo); có thể khôi phục.", messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:archive_article_change", args=[article.pk]))

    def restore_view(self, request, pk):
        article, refused = self._one_article(request, pk)
        if refused:
            return refused
        shown = restore_article(article)
        self.message_user(request, f"Đã khôi phục “{article}” ({shown} dữ kiện hiện lại).", messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:archive_article_change", args=[article.pk]))

    @admin.display(description="")
    def review_link(self, article):
        return format_html('<a href="{}">Hiệu đính</a>', reverse("admin:archive_article_review", args=[article.pk]))

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
            lock_changed_fields(obj)
        else:
            prepare_new_article(obj)
        super().save_model(request, obj, form, change)

    @admin.action(description="Đánh dấu đã duyệt", permissions=["change"])
    def mark_reviewed(self, request, queryset):
        articles = list(queryset.filter(review_state=Article.ReviewState.PENDING).only("pk", "review_state"))
        for article in articles:  # one by one, so that history records who reviewed
            article.review_state = Article.ReviewState.REVIEWED
            article.save(update_fields=["review_state", "updated_at"])
        self.message_user(request, f"Đã đánh dấu {len(articles)} bài là đã duyệt.", messages.SUCCESS)

    @admin.action(description="Xóa các bài đã chọn (ẩn đi, có thể khôi phục)", permissions=["change"])
    def delete_selected_as_tombstones(self, request, queryset):
        articles = list(queryset.filter(hidden=False)[:REEXTRACT_LIMIT])
        for article in articles:
            delete_article(article)
        self.message_user(request, f"Đã xóa {len(articles)} bài; có thể khôi phục.", messages.SUCCESS)

    @admin.action(description="Khôi phục các bài đã xóa", permissions=["change"])
    def restore_selected(self, request, queryset):
        articles = list(queryset.filter(hidden=True)[:REEXTRACT_LIMIT])
        for article in articles:
            restore_article(article)
        self.message_user(request, f"Đã khôi phục {len(articles)} bài.", messages.SUCCESS)

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
