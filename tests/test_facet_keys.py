"""ArticleFacetKeys: one row per article with what the search page's facets
count and the article's date, kept by Postgres triggers (migrations 0010, 0013) whatever writes the facts:
the importer, the admin's edits and hides, merges, deletions. Each test
compares the stored row with the same keys read from the fact tables."""

from datetime import date
from pathlib import Path

import pytest

from archive.importer import import_paths
from archive.curation.merge import merge_officials
from archive.search.facets import FACETS, key_counts
from archive.models import (
    Article,
    ArticleAgreement,
    ArticleFacetKeys,
    ArticleLocality,
    ArticleOrganisation,
    ArticlePeriod,
    ArticlePlace,
    Organisation,
    Period,
    Role,
)
from archive.scopes import WRITTEN, Provinces
from tests import factories as f

pytestmark = pytest.mark.django_db
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def read_from_facts(article: Article) -> dict:
    """The keys of `article` from its fact rows (the rule the table stores)."""
    visible = {"article": article, "hidden": False}
    known = Provinces()
    return {
        "year": article.published_on.year if article.published_on else None,
        "published_on": article.published_on,
        "places": sorted(ArticlePlace.objects.filter(article=article).values_list("place_id", flat=True)),
        "periods": sorted({
            start * 10000 + end
            for start, end in ArticlePeriod.objects.filter(**visible).values_list("period__start", "period__end")
        }),
        "kinds": sorted(set(ArticleAgreement.objects.filter(**visible).values_list("kind", flat=True))),
        "org_kinds": sorted(set(
            ArticleOrganisation.objects.filter(**visible).values_list("organisation__kind", flat=True)
        )),
        "officials": sorted(set(Role.objects.filter(**visible).values_list("official_id", flat=True))),
        "organisations": sorted(set(
            ArticleOrganisation.objects.filter(**visible).values_list("organisation_id", flat=True)
        )),
        "provinces": sorted({
            known.in_era(known.by_id[province], WRITTEN).pk
            for province in ArticleLocality.objects.filter(**visible).values_list("locality__province", flat=True)
        }),
    }


def stored(article: Article) -> dict:
    row = ArticleFacetKeys.objects.get(article=article)
    return {
        "year": row.year, "published_on": row.published_on, "places": row.places, "periods": row.periods, "kinds": row.kinds,
        "org_kinds": row.org_kinds, "officials": row.officials, "organisations": row.organisations,
        "provinces": row.provinces,
    }


@pytest.fixture
def article():
    return f.article(
        "Ký kết chương trình phối hợp", published_on="2023-05-04",
        localities=[f.locality("Phong Điền", province="Thừa Thiên Huế")],
        officials=[("Trần Thị Diệu Minh", "Trưởng Ban Dân vận Huyện ủy"), ("Lê Văn Nam", "Chủ tịch UBND huyện")],
        periods=[(2021, 2025)],
        agreements=[("Chương trình phối hợp dân vận", "sign", (2021, 2025))],
        organisations=[("Ban Dân vận Huyện ủy Phong Điền", Organisation.Kind.MASS_MOBILISATION),
                       ("Công an huyện Phong Điền", Organisation.Kind.POLICE)],
        hidden=[("official", "Nguyễn Văn Ẩn"), ("period", (2016, 2020))],
    )


def test_an_article_with_its_facts_has_its_keys(article):
    keys = stored(article)
    assert keys == read_from_facts(article)
    assert keys["year"] == 2023 and keys["periods"] == [20212025] and keys["kinds"] == ["sign"]
    district = f.locality("Phong Điền", province="Thừa Thiên Huế")
    assert len(keys["officials"]) == 2 and {district.pk, district.province_id} <= set(keys["places"])


def test_an_article_without_facts_has_a_row_too():
    bare = f.article("Tin ngắn", published_on=None)
    assert stored(bare) == {
        "year": None, "published_on": None, "places": [], "periods": [], "kinds": [], "org_kinds": [],
        "officials": [], "organisations": [], "provinces": [],
    }


def test_imported_articles_have_the_keys_of_their_facts():
    run = import_paths([str(FIXTURES / "articles")], workers=2)
    assert run.created == 5
    for imported in Article.objects.all():
        assert stored(imported) == read_from_facts(imported), imported.source_key
    assert any(stored(imported)["officials"] for imported in Article.objects.all())
    assert ArticlePlace.objects.exists()


def test_after_an_import_batch_the_triggers_refresh_at_once_again(article):
    """A batch defers its refreshes to its end (migration 0011); the writes
    after it, in the same transaction here, are refreshed as they happen."""
    import_paths([str(FIXTURES / "articles")], workers=2)
    district = f.locality("Quỳnh Lưu", province="Nghệ An")
    other = f.article("Tin khác", published_on="2022-01-02", localities=[district], officials=[("Trần Văn Hai", "Bí thư")])
    assert stored(other) == read_from_facts(other)
    assert stored(other)["officials"] and district.pk in stored(other)["places"]
    Role.objects.filter(article=article).delete()
    assert stored(article)["officials"] == []


def test_hiding_and_showing_a_fact_changes_the_keys(article):
    role = Role.objects.get(article=article, official__name="Lê Văn Nam")
    role.hidden = True
    role.save()
    assert role.official_id not in stored(article)["officials"]
    role.hidden = False
    role.save()
    assert role.official_id in stored(article)["officials"]
    ArticlePeriod.objects.filter(article=article).update(hidden=False)  # the curator's hidden 2016–2020 comes back
    assert stored(article)["periods"] == [20162020, 20212025] == read_from_facts(article)["periods"]


def test_a_changed_agreement_kind_date_organisation_kind_or_period_changes_the_keys(article):
    ArticleAgreement.objects.filter(article=article).update(kind=ArticleAgreement.Kind.REVIEW)
    assert stored(article)["kinds"] == ["review"]
    article.published_on = date(2023, 5, 20)  # the same year: the date beside the keys moves too
    article.save()
    assert stored(article)["published_on"] == date(2023, 5, 20)
    article.published_on = date(2024, 1, 2)
    article.save()
    assert stored(article)["year"] == 2024
    Organisation.objects.filter(name="Công an huyện Phong Điền").update(kind=Organisation.Kind.MILITARY)
    assert "military" in stored(article)["org_kinds"] and "police" not in stored(article)["org_kinds"]
    Period.objects.filter(start=2021, end=2025).update(end=2026)
    assert stored(article)["periods"] == [20212026]
    assert stored(article) == read_from_facts(article)


def test_removed_facts_and_places_leave_the_keys(article):
    Role.objects.filter(article=article).delete()
    article.locality_facts.update(hidden=True)
    assert stored(article)["officials"] == [] and stored(article)["places"] == []
    assert stored(article) == read_from_facts(article)


def test_merged_organisations_are_one_key(article):
    from archive.curation.merge import merge_organisations

    police = Organisation.objects.get(name="Công an huyện Phong Điền")
    duplicate = Organisation.objects.create(name="Công an Phong Điền", kind=Organisation.Kind.POLICE)
    other = f.article("Tin khác", published_on="2023-06-01", organisations=[("Công an Phong Điền", "police")])
    assert stored(other)["organisations"] == [duplicate.pk]
    merge_organisations(police, duplicate)
    assert stored(other)["organisations"] == [police.pk] and stored(other) == read_from_facts(other)
    assert stored(article) == read_from_facts(article)


def test_merged_officials_are_one_key(article):
    other = f.article("Hội nghị", published_on="2023-06-01", officials=[("Trần Thị Diệu Minh (Phong Điền)", "")])
    survivor = f.official("Trần Thị Diệu Minh")
    duplicate = f.official("Trần Thị Diệu Minh (Phong Điền)")
    merge_officials(survivor, duplicate)
    assert stored(other)["officials"] == [survivor.pk]
    assert survivor.pk in stored(article)["officials"]


def test_a_deleted_article_takes_its_row_with_it(article):
    pk = article.pk
    article.delete()
    assert not ArticleFacetKeys.objects.filter(article_id=pk).exists()


def test_the_facets_count_what_the_fact_tables_hold(article):
    """key_counts over every article agrees with counts read from the facts."""
    f.article("Sơ kết chương trình", published_on="2021-03-01", officials=["Lê Văn Nam"],
              agreements=[("Chương trình phối hợp dân vận", "review", (2021, 2025))], periods=[(2021, 2025)])
    f.article("Kế hoạch năm", published_on="2021-09-01", agreements=[("Kế hoạch", "plan", None)])
    counts = key_counts(None, FACETS)
    everything = [read_from_facts(a) for a in Article.objects.all()]

    def tally(column):
        found = {}
        for keys in everything:
            for key in keys[column]:
                found[str(key)] = found.get(str(key), 0) + 1
        return found

    assert dict(counts["year"]) == {"2023": 1, "2021": 2}
    assert dict(counts["periods"]) == tally("periods") == {"20212025": 2}
    assert dict(counts["officials"]) == tally("officials")
    assert dict(counts["places"]) == tally("places")
    assert dict(counts["org_kinds"]) == tally("org_kinds")
    assert dict(counts["kinds"]) == {"sign": 1, "review": 1, "plan": 1}


def test_lists_by_period_official_or_organisation_are_newest_first_by_the_keys_date(client):
    """The period, official and organisation lists read the facet keys and
    order by the date beside them (archive.scopes.with_facet_keys): a
    changed date reorders them, and a hidden fact leaves its article out."""
    commission = ("Ban Dân vận Huyện ủy Phong Điền", Organisation.Kind.MASS_MOBILISATION)
    older = f.article("Tổng kết phối hợp", published_on="2023-01-01", periods=[(2021, 2025)],
                      officials=[("Trần Thị Diệu Minh", "Trưởng Ban")], organisations=[commission])
    newer = f.article("Ký kết phối hợp", published_on="2023-03-01", periods=[(2021, 2025)],
                      officials=[("Trần Thị Diệu Minh", "Trưởng Ban")], organisations=[commission])
    hidden = f.article("Tin ẩn", published_on="2024-03-01", organisations=[commission],
                       hidden=[("period", (2021, 2025)), ("official", "Trần Thị Diệu Minh")])
    ArticleOrganisation.objects.filter(article=hidden).update(hidden=True)
    official = Role.objects.filter(article=older).get().official
    organisation = Organisation.objects.get(name=commission[0])

    def listed(url, **params):
        return [a.pk for a in client.get(url, params).context["page"].object_list]

    pages = [("/giai-doan/2021-2025/", {}), ("/tim-kiem/", {"period": "2021-2025"}),
             (official.get_absolute_url(), {}), ("/tim-kiem/", {"official": official.slug}),
             (organisation.get_absolute_url(), {})]
    for url, params in pages:
        assert listed(url, **params) == [newer.pk, older.pk], url
    older.published_on = date(2023, 12, 1)
    older.save()
    for url, params in pages:
        assert listed(url, **params) == [older.pk, newer.pk], url  # not the newest, hidden one
    assert hidden.pk in listed("/tim-kiem/")
