"""Atom feeds: the latest articles, per place, per official, per search.

Each feed is one query for its items (plus one to find its place or
official); the search feed reads the same parameters as the search page."""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.db.models import Exists
from django.db.models.functions import Left
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from archive.models import Article, Locality, Official, Role
from archive.scopes import articles_in, date_order, facts_of
from archive.search.filters import ArticleFilter

ITEMS = 30
FIELDS = ("title", "published_on", "updated_at", "author", "source_domain")


def _latest(queryset):
    return (
        queryset.only(*FIELDS).annotate(lead=Left("body", 400))
        .order_by(*date_order())[:ITEMS]
    )


class LatestArticles(Feed):
    feed_type = Atom1Feed
    title = "Lưu trữ dân vận – bài viết mới"
    subtitle = "Tin tức về công tác dân vận và các chương trình phối hợp"

    def link(self):
        return reverse("archive:home")

    def items(self):
        return _latest(Article.objects.published())

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead  # escaped by the feed generator

    def item_author_name(self, item):
        return item.author or item.source_domain or None

    def item_pubdate(self, item):
        if item.published_on is None:
            return None
        return timezone.make_aware(datetime.combine(item.published_on, time()))

    def item_updateddate(self, item):
        return item.updated_at


class LocalityArticles(LatestArticles):
    def get_object(self, request, slug):
        return get_object_or_404(Locality, slug=slug)

    def title(self, obj):
        return f"{obj} – Lưu trữ dân vận"

    def link(self, obj):
        return obj.get_absolute_url()

    def items(self, obj):
        return _latest(articles_in(obj).exclude(published_on=None))


class OfficialArticles(LatestArticles):
    def get_object(self, request, slug):
        return get_object_or_404(Official, slug=slug)

    def title(self, obj):
        return f"{obj.name} – Lưu trữ dân vận"

    def link(self, obj):
        return obj.get_absolute_url()

    def items(self, obj):
        roles = facts_of(Role, official=obj)
        return _latest(Article.objects.published().filter(Exists(roles)))


class SearchArticles(LatestArticles):
    """The newest articles of a search (its facets included), newest first."""

    def get_object(self, request):
        return ArticleFilter(request.GET, queryset=Article.objects.published())

    def title(self, obj):
        q = obj.values.get("q")
        return f"Tìm kiếm “{q}” – Lưu trữ dân vận" if q else "Tìm kiếm – Lưu trữ dân vận"

    def link(self, obj):
        params = obj.data.copy()
        params.pop("page", None)
        return reverse("archive:search") + (f"?{params.urlencode()}" if params else "")

    def items(self, obj):
        return _latest(obj.qs)
