"""Deleting an article as a curator: a tombstone that every public page,
feed, export, API answer, sitemap and count leaves out, that a re-import
does not bring back, and that can be undone."""

import pytest
from django.contrib.auth.models import Group, User

from archive.curation.deletion import delete_article, restore_article
from archive.importer import reextract
from archive.models import Article, ArticleLocality, ArticlePlace, Citation, Document, Role
from archive.search.stored import refresh_facet_counts
from tests import factories as f
from tests.factories import plain_static  # noqa: F401 - fixture
from test_curation import ARTICLE, CHANGED, import_text

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("plain_static")]

GONE = "Bài sai nguồn Kỳ Sơn"
KEPT = "Bài đúng Phong Điền"


@pytest.fixture
def two_articles():
    phong_dien = f.locality("Phong Điền", province="Thừa Thiên Huế")
    common = {
        "localities": [phong_dien], "officials": [("Trần Thị Diệu Minh", "Trưởng Ban Dân vận Huyện ủy")],
        "periods": [(2021, 2025)], "agreements": [("Chương trình phối hợp dân vận", "sign", (2021, 2025))],
        "organisations": [("Ban Dân vận Huyện ủy Phong Điền", "mass_mobilisation_commission")],
    }
    kept = f.article(KEPT, "Hội nghị dân vận ở Phong Điền.", published_on="2022-03-01", **common)
    gone = f.article(GONE, "Hội nghị dân vận kỳ sơn.", published_on="2022-04-01", **common)
    Role.objects.update(locality=phong_dien)  # as the importer places them
    document = Document.objects.create(number="33/CT-TTg", kind="Chỉ thị")
    for article in (kept, gone):
        Citation.objects.create(article=article, document=document, as_written="Chỉ thị 33/CT-TTg", origin="import")
    delete_article(gone)
    refresh_facet_counts()
    return kept, gone


def public_urls():
    official = f.official("Trần Thị Diệu Minh")
    agreement_id = f.Agreement.objects.get().pk
    organisation_id = f.Organisation.objects.get().pk
    document_id = Document.objects.get().pk
    place = "/dia-phuong/phong-dien-thua-thien-hue/"
    return [
        "/", "/?q=dân+vận", "/tim-kiem/?q=hoi+nghi&sort=date", "/tim-kiem/?q=dân+vận&format=csv",
        "/tim-kiem/?format=json", place, place + "?format=csv", place + "atom/", f"/can-bo/{official.slug}/",
        f"/can-bo/{official.slug}/atom/", f"/co-quan/{organisation_id}/", f"/chuong-trinh/{agreement_id}/",
        "/giai-doan/2021-2025/", f"/van-ban/{document_id}/", "/atom/", "/tim-kiem/atom/?q=dân+vận",
        "/sitemap-bai-viet.xml", "/api/articles/", "/api/articles/?q=hoi+nghi", f"/api/officials/{official.slug}/",
        f"/api/agreements/{agreement_id}/", "/tinh-thanh/", "/giai-doan/",
    ]


def test_a_deleted_article_is_nowhere_on_the_public_site(client, two_articles):
    kept, gone = two_articles
    for url in public_urls():
        response = client.get(url)
        assert response.status_code == 200, url
        text = b"".join(response.streaming_content).decode() if response.streaming else response.text
        assert GONE not in text, url
        assert f"/bai-viet/{gone.pk}/" not in text, url
    assert client.get(f"/bai-viet/{gone.pk}/").status_code == 404
    assert client.get(f"/api/articles/{gone.pk}/").status_code == 404
    # The other article is still everywhere it was.
    assert KEPT in client.get("/").text and client.get(f"/bai-viet/{kept.pk}/").status_code == 200


def test_a_deleted_article_counts_nowhere(client, two_articles):
    kept, gone = two_articles
    assert "1 bài viết" in client.get("/").text  # the stored whole-archive count
    assert "1 bài viết" in client.get("/?q=dân+vận").text
    assert client.get("/api/articles/").json()["count"] == 1
    place = client.get("/dia-phuong/phong-dien-thua-thien-hue/")
    assert [row["articles"] for _term, rows in place.context["officials"] for row in rows] == [1]
    assert not ArticlePlace.objects.filter(article=gone).exists()
    periods = client.get("/giai-doan/").context["periods"]
    assert [period.article_count for period in periods] == [1]


def test_deleting_hides_the_facts_and_undoing_shows_the_same_ones_again(two_articles):
    kept, gone = two_articles
    gone.refresh_from_db()
    assert gone.hidden and set(gone.hidden_facts) == {"articlelocality", "role", "articleorganisation",
                                                       "articleagreement", "articleperiod", "citation"}
    assert not any(model.objects.visible().filter(article=gone).exists()
                   for model in (ArticleLocality, Role, Citation))
    # A fact the curator had hidden before the deletion stays hidden after the undo.
    f.article("Bài có dữ kiện đã loại bỏ", hidden=[("official", "Người Bị Ẩn")])
    before = Article.objects.get(title="Bài có dữ kiện đã loại bỏ")
    delete_article(before)
    assert restore_article(before) == 0
    assert Role.objects.get(article=before).hidden

    assert restore_article(gone) == 6
    assert not Article.objects.get(pk=gone.pk).hidden
    assert Role.objects.get(article=gone).hidden is False
    assert ArticlePlace.objects.filter(article=gone).exists()


def test_a_reimport_does_not_bring_a_deleted_article_back(tmp_path):
    import_text(tmp_path, ARTICLE)
    article = Article.objects.get()
    delete_article(article)
    facts = sorted(Role.objects.filter(article=article).values_list("pk", "hidden"))

    same = import_text(tmp_path, ARTICLE)
    assert (same.unchanged, same.updated, same.created) == (1, 0, 0)
    changed = import_text(tmp_path, CHANGED)
    assert (changed.unchanged, changed.updated, changed.created) == (1, 0, 0)
    assert changed.warnings == [{"source": str(tmp_path / "phong-dien.txt"),
                                 "warning": "deleted by a curator (admin): not imported again"}]
    assert reextract(article).status == "unchanged"

    article.refresh_from_db()
    assert article.hidden and Article.objects.count() == 1
    assert "Lê Văn Hòa" not in article.body
    assert sorted(Role.objects.filter(article=article).values_list("pk", "hidden")) == facts


# -- in the admin -------------------------------------------------------------------------


@pytest.fixture
def curator(client):
    user = User.objects.create_user("bientap", password="mat-khau-dai-123", is_staff=True)
    user.groups.add(Group.objects.get(name="curator"))
    client.force_login(user)
    return client


def test_a_curator_deletes_and_restores_an_article_with_history(curator):
    article = f.article("Bài nhập nhầm", localities=[f.locality("Phong Điền", province="Thừa Thiên Huế")])
    url = f"/admin/archive/article/{article.pk}/"
    response = curator.post(url + "xoa/")
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.hidden
    assert article.history.latest().history_user.username == "bientap"
    assert "Đã xóa" in curator.get(url + "change/").text  # says so, and offers the undo

    assert curator.post(url + "khoi-phuc/").status_code == 302
    article.refresh_from_db()
    assert not article.hidden and not ArticleLocality.objects.get(article=article).hidden


def test_only_a_superuser_deletes_for_real_after_a_confirmation_naming_what_goes(curator, client):
    article = f.article("Bài nhập nhầm", officials=[("Lê Văn Hòa", "Chủ tịch UBND huyện")])
    delete_url = f"/admin/archive/article/{article.pk}/delete/"
    assert curator.get(delete_url).status_code == 403
    list_page = curator.get("/admin/archive/article/").text
    assert 'value="delete_selected"' not in list_page

    client.force_login(User.objects.create_superuser("quantri", "qt@example.org", "mat-khau-dai-123"))
    confirm = client.get(delete_url).text
    assert "Lê Văn Hòa – Chủ tịch UBND huyện" in confirm  # the role that goes with it
    assert "có thể nhập lại" in confirm  # a real delete leaves no tombstone
    assert client.post(delete_url, {"post": "yes"}).status_code == 302
    assert not Article.objects.filter(pk=article.pk).exists()
