"""What the entity lists show a curator beside each name: how many articles
name it, its province, when it was first and last seen, an official's
latest title; names in Vietnamese order; and the likely duplicates, each
with the merge it would take (previewed on the merge page).

Each column is a correlated subquery: a page of 100 names costs 100 index
lookups per column, whatever the size of the archive (sorting by a count
computes it for every row).
"""

from django.contrib import admin
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.db.models import Count, IntegerField, Max, Min, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.template.response import TemplateResponse
from django.urls import path, reverse

from archive.curation import duplicates
from archive.models import ArticleAgreement, ArticleLocality, ArticleOrganisation, Official, Role


def _per_entity(facts, field: str, **aggregate):
    """A subquery over the visible facts of the outer entity (`field` = its pk)."""
    (name, expression), = aggregate.items()
    rows = facts.filter(**{field: OuterRef("pk")}).order_by().values(field).annotate(**{name: expression})
    return Subquery(rows.values(name))


def with_columns(queryset, facts, field: str):
    """The entities of `queryset` with article_count, first_seen, last_seen."""
    facts = facts.visible()  # a deleted article's facts are hidden with it
    return queryset.annotate(
        article_count=Coalesce(
            _per_entity(facts, field, n=Count("article", distinct=True)), 0, output_field=IntegerField()
        ),
        first_seen=_per_entity(facts, field, d=Min("article__published_on")),
        last_seen=_per_entity(facts, field, d=Max("article__published_on")),
    )


FACTS = {
    "official": (Role.objects, "official"),
    "locality": (ArticleLocality.objects, "locality"),
    "organisation": (ArticleOrganisation.objects, "organisation"),
    "agreement": (ArticleAgreement.objects, "agreement"),
}


class EntityListMixin:
    """Counts, dates and the Vietnamese A–Z name column for an entity admin.
    The subclass lists "vi_name" (and "province_name") in list_display."""

    def get_queryset(self, request):
        facts, field = FACTS[self.model._meta.model_name]
        queryset = with_columns(super().get_queryset(request), facts, field)
        if self.model is Official:
            latest = Role.objects.visible().filter(official=OuterRef("pk")).order_by("-seen_on", "-pk")
            queryset = queryset.annotate(
                latest_title=Subquery(latest.exclude(title="").values("title")[:1]),
                province_name=Subquery(latest.exclude(locality=None).values("locality__province__name")[:1]),
            )
        return queryset

    @admin.display(description="tên", ordering="sort_name")
    def vi_name(self, entity):
        return entity.name

    @admin.display(description="số bài", ordering="article_count")
    def article_count(self, entity):
        return entity.article_count

    @admin.display(description="lần đầu", ordering="first_seen")
    def first_seen(self, entity):
        return entity.first_seen

    @admin.display(description="lần cuối", ordering="last_seen")
    def last_seen(self, entity):
        return entity.last_seen

    @admin.display(description="chức danh gần nhất")
    def latest_title(self, official):
        return official.latest_title or "–"

    @admin.display(description="tỉnh")
    def province_name(self, official):
        return official.province_name or "–"


class DuplicatesMixin:
    """A "Có thể trùng" page: pairs of likely duplicates, each with a button
    that opens the merge page (with its preview) for the two."""

    duplicate_finder = None  # a function of archive.curation.duplicates

    def get_urls(self):
        info = self.model._meta.app_label, self.model._meta.model_name
        view = self.admin_site.admin_view(self.duplicates_view)
        return [path("trung-lap/", view, name="%s_%s_duplicates" % info), *super().get_urls()]

    def duplicates_view(self, request):
        pairs = type(self).duplicate_finder()
        ids = {entity.pk for pair in pairs for entity in (pair.first, pair.second)}
        facts, field = FACTS[self.model._meta.model_name]
        counted = {entity.pk: entity for entity in with_columns(self.model.objects.filter(pk__in=ids), facts, field)}
        for pair in pairs:
            pair.first, pair.second = counted[pair.first.pk], counted[pair.second.pk]
        info = self.model._meta.app_label, self.model._meta.model_name
        return TemplateResponse(request, "admin/archive/duplicates.html", {
            **self.admin_site.each_context(request),
            "title": f"{self.model._meta.verbose_name_plural.capitalize()} có thể trùng",
            "opts": self.model._meta, "pairs": pairs,
            "changelist": reverse("admin:%s_%s_changelist" % info),
            "action_checkbox_name": ACTION_CHECKBOX_NAME,
            "can_merge": self.has_change_permission(request),
        })


def merge_previews(objects) -> list[dict]:
    """For the merge page: each object, and what keeping it would do."""
    return [
        {"object": survivor, "effects": [
            (duplicate, duplicates.preview(survivor, duplicate)) for duplicate in objects if duplicate.pk != survivor.pk
        ]}
        for survivor in objects
    ]

