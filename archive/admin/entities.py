"""The entity screens: localities, periods, officials, organisations,
agreements, documents, each fact table on its own, import runs and merges."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from archive.admin.entity_lists import DuplicatesMixin, EntityListMixin
from archive.admin.facts import FactAdmin, MergeMixin
from archive.curation import duplicates
from archive.models import (
    Agreement,
    ArticleAgreement,
    ArticleLocality,
    ArticleOrganisation,
    ArticlePeriod,
    Citation,
    Document,
    ImportRun,
    Locality,
    MergeRecord,
    Official,
    Organisation,
    Period,
    Role,
)


@admin.register(Locality)
class LocalityAdmin(EntityListMixin, SimpleHistoryAdmin):
    list_display = ["vi_name", "unit_type", "level", "era", "province__name", "article_count", "first_seen", "last_seen"]
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
class OfficialAdmin(DuplicatesMixin, EntityListMixin, MergeMixin, SimpleHistoryAdmin):
    list_display = ["vi_name", "latest_title", "province_name", "article_count", "first_seen", "last_seen", "aliases"]
    duplicate_finder = duplicates.official_pairs
    search_fields = ["name", "ascii_name", "aliases"]
    readonly_fields = ["ascii_name"]


@admin.register(Organisation)
class OrganisationAdmin(DuplicatesMixin, EntityListMixin, MergeMixin, SimpleHistoryAdmin):
    list_display = ["vi_name", "kind", "locality__province__name", "article_count", "first_seen", "last_seen", "aliases"]
    duplicate_finder = duplicates.organisation_pairs
    list_filter = ["kind"]
    list_select_related = ["locality__province"]
    search_fields = ["name", "ascii_name", "aliases"]
    autocomplete_fields = ["locality"]
    readonly_fields = ["ascii_name"]


@admin.register(Agreement)
class AgreementAdmin(EntityListMixin, MergeMixin, SimpleHistoryAdmin):
    list_display = [
        "vi_name", "period", "level", "signed_on", "locality__province__name", "article_count", "first_seen", "last_seen",
    ]
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
