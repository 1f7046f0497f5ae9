"""What the admin's fact screens share: an article's facts as inlines, a fact
table on its own, and the merge action."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.template.response import TemplateResponse
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from archive.admin.entity_lists import merge_previews
from archive.curation import curate_fact, hide_facts
from archive.curation import merge as merging
from archive.models import ArticleAgreement, ArticleLocality, ArticleOrganisation, ArticlePeriod, Citation, Role


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
    # The widest table: its evidence is beside the text on the review screen instead.
    fields = ["official", "title", "organisation", "locality", "seen_on", "hidden", "origin"]
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


# An article's facts, in the order its page shows them.
FACT_INLINES = [
    LocalityFactInline, RoleInline, OrganisationFactInline, AgreementFactInline, PeriodFactInline, CitationInline,
]


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
        hide_facts(queryset)


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
            "previews": merge_previews(objects),
            "action_checkbox_name": ACTION_CHECKBOX_NAME,
        })
