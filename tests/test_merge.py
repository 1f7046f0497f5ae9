"""Merging duplicates: links move, the merged name resolves to the survivor on
later imports, and the merge is recorded."""

import pytest
from django.contrib.auth.models import User

from archive.curation.merge import MergeError, merge_agreements, merge_locality_link, merge_officials, merge_organisations
from archive.models import (
    Agreement,
    Article,
    ArticleAgreement,
    ArticleLocality,
    ArticleOrganisation,
    MergeRecord,
    Official,
    Organisation,
    Role,
)
from test_curation import ARTICLE, CHANGED, import_text, plain_static  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db

# The same meeting reported by another site, which misspells an official's name.
OTHER_SITE = ARTICLE.replace("Hoàng Văn Thái", "Hoàng Văn Thai").replace("Thứ Sáu, 10/9/2021", "Thứ Bảy, 11/9/2021")


@pytest.fixture
def curator():
    return User.objects.create_superuser("bientap", "bientap@example.org", "mat-khau-dai-123")


def test_merging_officials_moves_roles_keeps_the_name_and_records_it(tmp_path, curator):
    import_text(tmp_path, ARTICLE, "a.txt")
    import_text(tmp_path, OTHER_SITE, "b.txt")
    right, wrong = Official.objects.get(name="Hoàng Văn Thái"), Official.objects.get(name="Hoàng Văn Thai")

    record = merge_officials(right, wrong, curator)

    assert not Official.objects.filter(pk=wrong.pk).exists()
    assert Role.objects.filter(official=right).count() == 2
    right.refresh_from_db()
    assert right.aliases == ["Hoàng Văn Thai"]
    assert (record.model, record.merged_name, record.merged_slug, record.merged_by) == (
        "official", "Hoàng Văn Thai", wrong.slug, curator,
    )
    assert record.moved == {"roles": 1, "dropped": 0}

    # The misspelling, imported again, resolves to the survivor.
    import_text(tmp_path, OTHER_SITE.replace("Văn Bốn", "Văn Bốn (Trung tâm VHTT-TT huyện)"), "b.txt")
    assert not Official.objects.filter(name="Hoàng Văn Thai").exists()
    assert Role.objects.filter(official=right).count() == 2


def test_merging_organisations_moves_facts_roles_and_agreement_parties(tmp_path, curator):
    import_text(tmp_path, ARTICLE)
    article = Article.objects.get()
    imported = Organisation.objects.get(name="Ủy ban nhân dân huyện Phong Điền")
    survivor = Organisation.objects.create(
        name="UBND huyện Phong Điền (Thừa Thiên Huế)", kind=Organisation.Kind.PEOPLE_COMMITTEE
    )
    role = Role.objects.get(article=article, official__name="Hoàng Văn Thái")
    role.organisation = imported
    role.save()
    agreement = Agreement.objects.get()
    assert imported in agreement.parties.all()

    record = merge_organisations(survivor, imported, curator)

    assert ArticleOrganisation.objects.filter(article=article, organisation=survivor).exists()
    role.refresh_from_db()
    assert role.organisation == survivor
    assert set(agreement.parties.all()) == {survivor, Organisation.objects.get(name="Ban Dân vận Huyện ủy Phong Điền")}
    survivor.refresh_from_db()
    assert survivor.aliases == ["Ủy ban nhân dân huyện Phong Điền"]
    assert survivor.locality is not None  # taken over from the duplicate
    assert record.moved["articles"] == 1 and record.moved["agreements"] == 1

    import_text(tmp_path, CHANGED)
    assert not Organisation.objects.filter(name="Ủy ban nhân dân huyện Phong Điền").exists()
    assert ArticleOrganisation.objects.filter(article=article, organisation=survivor, hidden=False).exists()


def test_merging_agreements_moves_articles_and_later_imports_follow(tmp_path, curator):
    import_text(tmp_path, ARTICLE)
    article = Article.objects.get()
    imported = Agreement.objects.get()
    survivor = Agreement.objects.create(key="curator:phong-dien-2021", name="Chương trình phối hợp dân vận Phong Điền 2021–2025")

    record = merge_agreements(survivor, imported, curator)

    assert record.moved["key"] == imported.key
    survivor.refresh_from_db()
    assert (survivor.period.key, str(survivor.signed_on)) == ("2021-2025", "2021-09-10")
    assert survivor.parties.count() == 2
    assert ArticleAgreement.objects.get(article=article).agreement == survivor

    import_text(tmp_path, CHANGED)
    assert list(Agreement.objects.all()) == [survivor]
    assert ArticleAgreement.objects.get(article=article).agreement == survivor

    # A second merge: the older key still leads to the one that is left.
    final = Agreement.objects.create(key="curator:final", name="Chương trình phối hợp (bản chuẩn)")
    merge_agreements(final, survivor, curator)
    import_text(tmp_path, CHANGED + "\n")
    assert list(Agreement.objects.all()) == [final]


def test_merging_an_unneeded_locality_link_hides_it_and_moves_roles(tmp_path, curator):
    import_text(tmp_path, ARTICLE)
    article = Article.objects.get()
    district = ArticleLocality.objects.get(article=article, locality__level="district")
    province = ArticleLocality.objects.get(article=article, locality__level="province")
    role = Role.objects.filter(article=article).first()
    role.locality = province.locality
    role.save()

    record = merge_locality_link(district, province, curator)

    province.refresh_from_db()
    role.refresh_from_db()
    assert province.hidden and province.origin == "curator"
    assert role.locality == district.locality and role.origin == "curator"
    assert record.model == "articlelocality" and record.moved["roles"] == 1

    import_text(tmp_path, CHANGED)
    province.refresh_from_db()
    assert province.hidden
    role.refresh_from_db()
    assert role.locality == district.locality


def test_locality_links_of_different_articles_are_not_merged(tmp_path, curator):
    import_text(tmp_path, ARTICLE, "a.txt")
    import_text(tmp_path, OTHER_SITE, "b.txt")
    first, second = (ArticleLocality.objects.filter(article=a, locality__level="district").get() for a in Article.objects.all())
    with pytest.raises(MergeError):
        merge_locality_link(first, second, curator)


def test_merge_action_asks_for_the_survivor_then_merges(tmp_path, curator, client):
    import_text(tmp_path, ARTICLE, "a.txt")
    import_text(tmp_path, OTHER_SITE, "b.txt")
    right, wrong = Official.objects.get(name="Hoàng Văn Thái"), Official.objects.get(name="Hoàng Văn Thai")
    client.force_login(curator)
    selected = {"action": "merge_selected", "_selected_action": [right.pk, wrong.pk]}

    page = client.post("/admin/archive/official/", selected)
    assert page.status_code == 200
    assert "Chọn mục <strong>giữ lại</strong>" in page.content.decode()

    done = client.post("/admin/archive/official/", {**selected, "confirm": "yes", "survivor": right.pk})
    assert done.status_code == 302
    assert list(Official.objects.filter(name__startswith="Hoàng Văn")) == [right]
    assert MergeRecord.objects.get().merged_by == curator
    assert client.get("/admin/archive/mergerecord/").status_code == 200
