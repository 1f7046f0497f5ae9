"""sitemap.xml: an index of sections, each split into pages of `limit` URLs,
so a million articles make a hundred small files, each one query (plus the
section's count)."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Exists, OuterRef

from archive.models import Agreement, Article, ArticleLocality, Locality, Official, Role


class ArticleSitemap(Sitemap):
    limit = 10_000
    changefreq = "monthly"

    def items(self):
        return Article.objects.visible().only("pk", "updated_at").order_by("pk")

    def lastmod(self, item):
        return item.updated_at


class LocalitySitemap(Sitemap):
    """Places with at least one article."""

    limit = 10_000
    changefreq = "weekly"

    def items(self):
        facts = ArticleLocality.objects.visible().filter(locality=OuterRef("pk"))
        return Locality.objects.filter(Exists(facts)).only("pk", "slug").order_by("pk")


class OfficialSitemap(Sitemap):
    limit = 10_000
    changefreq = "weekly"

    def items(self):
        roles = Role.objects.visible().filter(official=OuterRef("pk"))
        return Official.objects.filter(Exists(roles)).only("pk", "slug").order_by("pk")


class AgreementSitemap(Sitemap):
    limit = 10_000
    changefreq = "monthly"

    def items(self):
        return Agreement.objects.only("pk").order_by("pk")


SITEMAPS = {
    "bai-viet": ArticleSitemap,
    "dia-phuong": LocalitySitemap,
    "can-bo": OfficialSitemap,
    "chuong-trinh": AgreementSitemap,
}
