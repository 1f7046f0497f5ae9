"""ArticleKey: each period, official and organisation of an article with its
date, kept by statement triggers on ArticleFacetKeys
(archive/sql/article_keys.sql), so that an entity's page reads only the rows
of the page it shows (archive.scopes.with_facet_keys).

The tests change the facts the ways the archive does, then compare the rows
the triggers kept with the rows written again from every facet-keys row, and
an entity's list with its articles found from the facts themselves."""

from pathlib import Path

import pytest
from django.db import connection

from archive.curation.deletion import delete_article, restore_article
from archive.curation.merge import merge_officials
from archive.importer import import_paths
from archive.models import Article, ArticleKey, ArticleLocality, Organisation, Role
from archive.scopes import newest_first, with_facet_keys
from tests import factories as f
from tests.test_key_totals import archive  # noqa: F401  (the fixture)

pytestmark = pytest.mark.django_db
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def kept() -> set:
    return set(ArticleKey.objects.values_list("article", "list", "key", "published_on"))


def assert_kept_as_rebuilt():
    incremental = kept()
    with connection.cursor() as cursor:
        cursor.execute("SELECT archive_rebuild_article_keys()")
    assert incremental == kept()
    return incremental


def test_the_rows_follow_every_kind_of_change(archive):  # noqa: F811
    first, second = archive
    rows = assert_kept_as_rebuilt()
    nam = f.official("Lê Văn Nam")
    assert {(a, d) for a, lst, key, d in rows if (lst, key) == (ArticleKey.List.OFFICIAL, nam.pk)} == {
        (first.pk, first.published_on), (second.pk, second.published_on)}
    assert (second.pk, ArticleKey.List.PERIOD, 20212025, second.published_on) in rows

    role = Role.objects.get(article=first, official=nam)
    role.hidden = True  # a curator hides a fact
    role.save()
    assert (first.pk, ArticleKey.List.OFFICIAL, nam.pk, first.published_on) not in assert_kept_as_rebuilt()

    Article.objects.filter(pk=second.pk).update(published_on="2020-01-31")  # a corrected date
    assert (second.pk, ArticleKey.List.OFFICIAL, nam.pk, second.published_on) not in assert_kept_as_rebuilt()

    Organisation.objects.update(kind=Organisation.Kind.POLICE)
    merge_officials(nam, f.official("Trần Thị Diệu Minh"))
    assert_kept_as_rebuilt()

    delete_article(first)  # a tombstone: its facts are hidden, it is listed nowhere
    assert not any(article == first.pk for article, *_ in assert_kept_as_rebuilt())
    restore_article(first)
    assert any(article == first.pk for article, *_ in assert_kept_as_rebuilt())

    second.delete()
    assert not any(article == second.pk for article, *_ in assert_kept_as_rebuilt())


def test_an_import_keeps_the_rows_batch_by_batch_and_one_by_one(archive):  # noqa: F811
    import_paths([str(FIXTURES / "articles")], workers=2)
    assert_kept_as_rebuilt()
    ArticleLocality.objects.all().delete()
    import_paths([str(FIXTURES / "articles")], reextract=True)
    assert_kept_as_rebuilt()


def test_an_officials_list_is_its_articles_newest_first():
    minh = f.official("Trần Thị Diệu Minh")
    dates = ["2023-05-04", "2021-01-02", None, "2023-05-04", "2025-07-01"]
    mine = [f.article(f"Bài {i}", published_on=d, officials=[(minh.name, "Trưởng Ban Dân vận")])
            for i, d in enumerate(dates)]
    f.article("Bài khác", published_on="2024-01-01", officials=[("Lê Văn Nam", "Chủ tịch")])
    hidden = mine.pop(1)
    Role.objects.filter(article=hidden).update(hidden=True)

    listed = list(newest_first(with_facet_keys(Article.objects.visible(), "officials", [minh.pk])))
    from_the_facts = sorted(
        mine, key=lambda a: (a.published_on is not None, a.published_on or "", a.pk), reverse=True
    )
    assert [a.pk for a in listed if a.published_on] == [a.pk for a in from_the_facts if a.published_on]
    assert {a.pk for a in listed} == {a.pk for a in mine}


def test_an_entity_page_shows_its_stored_number_of_articles(client):
    minh = f.official("Trần Thị Diệu Minh")
    articles = [f.article(f"Bài {i}", published_on=f"2024-0{i + 1}-01", officials=[(minh.name, "Bí thư")])
                for i in range(3)]
    Role.objects.filter(article=articles[0]).update(hidden=True)

    page = client.get(minh.get_absolute_url()).content.decode()
    assert "Bài viết (2)" in page
    assert "Bài 1" in page and "Bài 2" in page and "Bài 0" not in page


def test_a_documents_page_counts_the_articles_that_cite_it(client):
    from archive.models import Citation, Document, Fact

    document = Document.objects.create(number="33/CT-TTg", kind="Chỉ thị")
    citing = [f.article(f"Bài {i}", published_on=f"2024-0{i + 1}-01") for i in range(3)]
    for article in citing:
        Citation.objects.create(article=article, document=document, as_written="Chỉ thị 33", origin=Fact.Origin.IMPORT)
    Citation.objects.filter(article=citing[0]).update(hidden=True)

    page = client.get(document.get_absolute_url()).content.decode()
    assert "Bài viết (2)" in page
    assert "Bài 1" in page and "Bài 2" in page and "Bài 0" not in page
