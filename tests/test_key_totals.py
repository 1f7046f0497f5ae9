"""KeyTotal: the articles per key of the facet keys, kept by statement
triggers on ArticleFacetKeys (archive/sql/key_totals.sql), so that the
counts stored after an import are read, not counted (archive.search.stored).

Each test changes the facts the ways the archive does — imports, a
curator's hides, merges, deletions, tombstones — then compares the totals
the triggers kept with the totals counted again from every row, and the
stored counts with those counted over the whole archive the way the search
page counts a list (facets.key_counts), which shares no code with them."""

from pathlib import Path

import pytest
from django.db import connection

from archive.curation.deletion import delete_article, restore_article
from archive.curation.merge import merge_officials
from archive.importer import import_paths
from archive.models import Article, ArticleAgreement, ArticleLocality, FacetCount, KeyTotal, Organisation, Role
from archive.search.facets import FACETS, key_counts
from archive.search.stored import refresh_facet_counts
from tests import factories as f

pytestmark = pytest.mark.django_db
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def kept() -> dict:
    return {(t.counted, t.key): t.articles for t in KeyTotal.objects.filter(articles__gt=0)}


def recounted() -> dict:
    with connection.cursor() as cursor:
        cursor.execute("SELECT archive_rebuild_key_totals()")
    return kept()


def assert_kept_as_recounted():
    incremental = kept()
    assert incremental == recounted()
    return incremental


def stored_rows() -> list[tuple]:
    return list(FacetCount.objects.order_by("facet", "position").values_list("facet", "value", "label", "count"))


@pytest.fixture
def archive():
    hue = f.locality("Thừa Thiên Huế", level="province")
    phong_dien = f.locality("Phong Điền", province="Thừa Thiên Huế")
    first = f.article(
        "Ký kết chương trình phối hợp", published_on="2023-05-04", localities=[phong_dien],
        officials=[("Trần Thị Diệu Minh", "Trưởng Ban Dân vận Huyện ủy"), ("Lê Văn Nam", "Chủ tịch UBND huyện")],
        periods=[(2021, 2025)], agreements=[("Chương trình phối hợp dân vận", "sign", (2021, 2025))],
        organisations=[("Ban Dân vận Huyện ủy Phong Điền", Organisation.Kind.MASS_MOBILISATION)],
    )
    second = f.article(
        "Sơ kết và ký kết", published_on="2024-02-01", localities=[hue],
        officials=[("Lê Văn Nam", "Chủ tịch UBND huyện")], periods=[(2021, 2025)],
        agreements=[("Chương trình phối hợp dân vận", "review", (2021, 2025)),
                    ("Chương trình phối hợp dân vận", "sign", (2026, 2030))],
    )
    f.article("Tin không ngày", published_on=None)
    return first, second


def test_the_totals_follow_every_kind_of_change(archive):
    first, second = archive
    totals = assert_kept_as_recounted()
    nam = f.official("Lê Văn Nam")
    assert totals[("officials", str(nam.pk))] == 2
    assert totals[("kinds", "{review,sign}")] == 1 and totals[("kinds", "{sign}")] == 1

    role = Role.objects.get(article=first, official=nam)
    role.hidden = True  # a curator hides a fact
    role.save()
    assert kept()[("officials", str(nam.pk))] == 1
    assert_kept_as_recounted()

    ArticleAgreement.objects.filter(article=second).update(kind=ArticleAgreement.Kind.PLAN)
    Organisation.objects.update(kind=Organisation.Kind.POLICE)
    assert_kept_as_recounted()

    merge_officials(nam, f.official("Trần Thị Diệu Minh"))
    assert_kept_as_recounted()

    delete_article(first)  # a tombstone: its facts are hidden, it counts nowhere
    assert not any(key == ("officials", str(nam.pk)) and n == 2 for key, n in kept().items())
    assert_kept_as_recounted()
    restore_article(first)
    assert_kept_as_recounted()

    second.delete()  # a real delete takes its keys with it
    assert_kept_as_recounted()


def test_an_import_keeps_the_totals_batch_by_batch_and_one_by_one(archive):
    import_paths([str(FIXTURES / "articles")], workers=2)
    assert_kept_as_recounted()
    ArticleLocality.objects.all().delete()
    import_paths([str(FIXTURES / "articles")], reextract=True)
    assert_kept_as_recounted()


def test_counts_stored_from_the_totals_are_those_counted_over_every_article(archive):
    import_paths([str(FIXTURES / "articles")], workers=2)
    delete_article(Article.objects.order_by("pk").last())
    refresh_facet_counts()
    incremental = stored_rows()
    refresh_facet_counts(rebuild=True)
    assert stored_rows() == incremental

    # The same figures counted as a list's facets are, over every article not deleted.
    visible = list(Article.objects.visible().values_list("pk", flat=True))
    counted = key_counts(visible, FACETS)
    stored = {(facet, value): count for facet, value, _label, count in incremental}
    for facet in FACETS:
        if not facet.stored:
            continue
        for value, _label, n in facet.rows(counted[facet.counted], {}):
            assert stored[(facet.stored_as, value)] == n, (facet.stored_as, value)
    assert stored[("", "")] == len(visible)


def test_the_province_overview_counts_the_locality_facts(archive):
    """The overview's counts, read from the totals, are the visible locality
    facts' articles per province of each era, an article once per province
    (the rule of archive.scopes.Provinces)."""
    from archive import stats
    from archive.scopes import TODAY, WRITTEN, Provinces

    import_paths([str(FIXTURES / "articles")], workers=2)
    known = Provinces()
    facts = ArticleLocality.objects.visible().select_related("locality")
    for era in (WRITTEN, TODAY):
        provinces_of: dict[int, set] = {}
        for fact in facts:
            unit = known.by_id[fact.locality.province_id]
            provinces_of.setdefault(fact.article_id, set()).add(known.in_era(unit, era).pk)
        expected: dict[int, int] = {}
        for provinces in provinces_of.values():
            for pk in provinces:
                expected[pk] = expected.get(pk, 0) + 1
        assert stats.count_articles_per_province(era) == expected, era
        assert set(expected) <= {unit.pk for unit in known.of_era(era)}
