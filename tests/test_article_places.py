"""ArticlePlace: the provinces and districts each article counts for, kept by
Postgres triggers (migration 0009) whatever writes the facts, and what place
lists read in date order."""

from datetime import date

import pytest
from django.db.models import Exists, OuterRef
from django.urls import reverse

from archive import gazetteer
from archive.scopes import district_scope, province_scope
from archive.models import Article, ArticleLocality, ArticlePlace, Fact, Locality
from tests import factories

pytestmark = pytest.mark.django_db


def places_of(article) -> set[int]:
    return set(ArticlePlace.objects.filter(article=article).values_list("place_id", flat=True))


def scoped(place: Locality) -> set[int]:
    """The articles that count for `place` by the filters' scopes (the rule the
    table stores), read from ArticleLocality directly."""
    scope = province_scope([place]) if place.level == Locality.Level.PROVINCE else district_scope([place])
    facts = ArticleLocality.objects.filter(article=OuterRef("pk"), hidden=False).filter(scope)
    return set(Article.objects.filter(Exists(facts)).values_list("pk", flat=True))


def stored(place: Locality) -> set[int]:
    return set(ArticlePlace.objects.filter(place=place).values_list("article_id", flat=True))


@pytest.fixture
def commune():
    """A pre-2025 commune under a district, whose province was merged on 1 July 2025."""
    return (
        Locality.objects.filter(
            level=Locality.Level.COMMUNE, era=Locality.Era.PRE2025,
            parent__level=Locality.Level.DISTRICT, successor__isnull=False,
        )
        .exclude(successor=None)
        .select_related("parent", "province", "successor")
        .order_by("code")
        .first()
    )


def test_a_commune_counts_for_its_district_its_province_and_the_successor(commune):
    article = factories.article("Ký kết chương trình phối hợp", published_on="2023-05-04", localities=[commune])
    assert places_of(article) == {commune.parent_id, commune.province_id, commune.successor_id}
    assert set(ArticlePlace.objects.filter(article=article).values_list("published_on", flat=True)) == {
        date(2023, 5, 4)
    }


def test_a_province_counts_for_itself_only():
    province = Locality.objects.filter(level=Locality.Level.PROVINCE, era=Locality.Era.POST2025).first()
    article = factories.article("Hội nghị", published_on="2025-09-01", localities=[province])
    assert places_of(article) == {province.pk}


def test_hiding_and_removing_a_locality_fact_follow(commune):
    article = factories.article("Sơ kết", published_on="2022-01-01", localities=[commune])
    fact = ArticleLocality.objects.get(article=article)
    fact.hidden = True
    fact.save()
    assert places_of(article) == set()
    fact.hidden = False
    fact.save()
    assert commune.parent_id in places_of(article)
    fact.delete()
    assert places_of(article) == set()


def test_a_fact_moved_to_another_locality_moves_the_places(commune):
    other = Locality.objects.filter(level=Locality.Level.PROVINCE, era=Locality.Era.PRE2025).exclude(
        pk=commune.province_id
    ).first()
    article = factories.article("Tổng kết", published_on="2021-03-02", localities=[commune])
    ArticleLocality.objects.filter(article=article).update(locality=other)
    assert places_of(article) == {other.pk} | ({other.successor_id} - {None})


def test_the_date_follows_the_article_by_save_and_by_bulk_update(commune):
    article = factories.article("Kế hoạch", published_on="2020-02-02", localities=[commune])
    article.published_on = date(2021, 6, 7)
    article.save()
    assert set(ArticlePlace.objects.filter(article=article).values_list("published_on", flat=True)) == {
        date(2021, 6, 7)
    }
    Article.objects.filter(pk=article.pk).update(published_on=None)
    assert set(ArticlePlace.objects.filter(article=article).values_list("published_on", flat=True)) == {None}


def test_bulk_created_facts_of_many_articles_are_placed(commune):
    articles = [factories.article(f"Bài {i}", published_on=f"2024-01-{i + 1:02d}") for i in range(5)]
    ArticleLocality.objects.bulk_create(
        [ArticleLocality(article=a, locality=commune, origin=Fact.Origin.IMPORT) for a in articles]
    )
    assert stored(commune.parent) == {a.pk for a in articles}


def test_deleting_an_article_leaves_no_place_row(commune):
    article = factories.article("Bài sẽ xoá", published_on="2024-04-04", localities=[commune])
    pk = article.pk
    article.delete()
    assert not ArticlePlace.objects.filter(article_id=pk).exists()


def test_a_locality_given_a_new_successor_moves_its_articles(commune):
    article = factories.article("Sáp nhập", published_on="2024-08-08", localities=[commune])
    new_successor = (
        Locality.objects.filter(level=Locality.Level.PROVINCE, era=Locality.Era.POST2025)
        .exclude(pk=commune.successor_id).first()
    )
    Locality.objects.filter(pk=commune.pk).update(successor=new_successor)
    assert new_successor.pk in places_of(article)
    assert commune.successor_id not in places_of(article)


def test_reloading_the_gazetteer_keeps_the_places(commune):
    article = factories.article("Ổn định", published_on="2019-09-09", localities=[commune])
    before = sorted(ArticlePlace.objects.filter(article=article).values_list("pk", "place_id", "published_on"))
    gazetteer.load()
    after = sorted(ArticlePlace.objects.filter(article=article).values_list("pk", "place_id", "published_on"))
    assert after == before  # same rows, not rebuilt: nothing changed


def test_the_table_agrees_with_the_scopes_for_every_place_used():
    units = list(
        Locality.objects.filter(level__in=[Locality.Level.COMMUNE, Locality.Level.DISTRICT], era=Locality.Era.PRE2025)
        .order_by("code")[::400][:12]
    ) + list(Locality.objects.filter(level=Locality.Level.COMMUNE, era=Locality.Era.POST2025).order_by("code")[::500][:6])
    for i, unit in enumerate(units):
        factories.article(f"Bài {i}", published_on=f"20{10 + i % 16}-03-01", localities=units[i: i + 2])
    factories.article("Ẩn", published_on="2020-01-01", hidden=[("locality", units[0])])
    touched = {p for a in Article.objects.all() for p in places_of(a)}
    places = Locality.objects.filter(pk__in=touched)
    assert len(places) >= 10
    for place in places:
        assert stored(place) == scoped(place), place


def test_a_province_list_is_newest_first(client, commune):
    dates = ["2012-01-01", "2024-12-31", None, "2019-06-15", "2024-12-31"]
    articles = [factories.article(f"Bài {i}", published_on=d, localities=[commune]) for i, d in enumerate(dates)]
    factories.article("Nơi khác", published_on="2025-01-01")
    province = commune.province
    response = client.get(reverse("archive:search"), {"province": province.slug})
    shown = [a.pk for a in response.context["page"].object_list]
    # Undated last.
    expected = [a.pk for a in sorted(articles, key=lambda a: (a.published_on or date.min, a.pk), reverse=True)]
    assert shown == expected
    response = client.get(province.get_absolute_url())
    assert [a.pk for a in response.context["page"].object_list] == expected
