"""The review screen: the text with the facts marked, one request per action
(JSON for the script, a redirect without it), corrections kept on re-import,
and the queue that leads to the next article."""

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse

from archive.models import Article, ArticleLocality, Official, Role
from tests import factories as f
from tests.factories import plain_static  # noqa: F401 - fixture
from test_curation import ARTICLE, CHANGED, import_text

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("plain_static")]
JSON = {"HTTP_ACCEPT": "application/json"}


@pytest.fixture
def curator(client):
    user = User.objects.create_user("bientap", password="mat-khau-dai-123", is_staff=True)
    user.groups.add(Group.objects.get(name="curator"))
    client.force_login(user)
    return client


@pytest.fixture
def imported(tmp_path):
    import_text(tmp_path, ARTICLE)
    return Article.objects.get()


def screen(article):
    return reverse("admin:archive_article_review", args=[article.pk])


def act(client, article, **data):
    return client.post(reverse("admin:archive_article_review_action", args=[article.pk]), data, **JSON)


def test_the_screen_marks_each_fact_in_the_escaped_text(curator):
    article = f.article(
        "Bài <b>thử</b>", "Đồng chí Trần Thị Diệu Minh dự hội nghị <script>alert(1)</script> ở Phong Điền.",
        localities=[f.locality("Phong Điền", province="Thừa Thiên Huế")],
        officials=[("Trần Thị Diệu Minh", "Trưởng Ban Dân vận Huyện ủy")],
    )
    role = Role.objects.get(article=article)
    page = curator.get(screen(article)).text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert" not in page
    assert f'id="mark-role-{role.pk}" data-refs="role:{role.pk}">Trần Thị Diệu Minh</mark>' in page
    assert '">Phong Điền</mark>' in page
    assert f'href="#mark-role-{role.pk}"' in page  # the fact links to its place in the text
    assert "Bài &lt;b&gt;thử&lt;/b&gt;" in page


def test_one_request_confirms_a_fact_and_answers_with_the_panel(curator, imported):
    role = Role.objects.get(article=imported, official__name="Đoàn Kỳ Côi")
    answer = act(curator, imported, action="confirm", ref=f"role:{role.pk}").json()
    assert answer["ok"] and answer["message"].startswith("Đã xác nhận: Đoàn Kỳ Côi")
    assert f'data-ref="role:{role.pk}"' in answer["panel"] and "<mark" in answer["text"]
    role.refresh_from_db()
    assert role.origin == "curator"


def test_corrections_from_the_screen_survive_a_reimport(curator, imported, tmp_path):
    minh = Role.objects.get(article=imported, official__name="Trần Thị Diệu Minh", title="UVTV Huyện ủy")
    answer = act(curator, imported, action="correct", ref=f"role:{minh.pk}",
                 name="Trần Thị Diệu Minh", title="Ủy viên Ban Thường vụ Huyện ủy").json()
    assert answer["message"] == ("Đã sửa: Trần Thị Diệu Minh – UVTV Huyện ủy → "
                                 "Trần Thị Diệu Minh – Ủy viên Ban Thường vụ Huyện ủy")
    province = ArticleLocality.objects.get(article=imported, locality__level="province")
    assert act(curator, imported, action="hide", ref=f"locality:{province.pk}").json()["ok"]
    added = act(curator, imported, action="add", kind="role", text="Hoàng Văn Thái",
                title="Phó Chủ tịch Thường trực UBND huyện").json()
    assert added["message"] == "Đã thêm: Hoàng Văn Thái – Phó Chủ tịch Thường trực UBND huyện"
    assert act(curator, imported, action="correct_date", date="11/09/2021").json()["ok"]

    import_text(tmp_path, CHANGED)
    imported.refresh_from_db()
    roles = set(Role.objects.filter(article=imported).values_list("official__name", "title", "origin", "hidden"))
    assert ("Trần Thị Diệu Minh", "Ủy viên Ban Thường vụ Huyện ủy", "curator", False) in roles
    assert ("Trần Thị Diệu Minh", "UVTV Huyện ủy", "curator", True) in roles
    assert ("Hoàng Văn Thái", "Phó Chủ tịch Thường trực UBND huyện", "curator", False) in roles
    assert ArticleLocality.objects.get(pk=province.pk).hidden
    assert str(imported.published_on) == "2021-09-11" and "published_on" in imported.locked_fields
    added_role = Role.objects.get(article=imported, title="Phó Chủ tịch Thường trực UBND huyện")
    assert "Hoàng Văn Thái – Phó Chủ tịch UBND huyện" in added_role.evidence  # the sentence it came from


def test_a_place_name_several_units_share_is_resolved_by_the_article_or_asked(curator, imported):
    answer = act(curator, imported, action="add", kind="locality", text="Phong Hải").json()
    assert answer["ok"], answer
    assert ArticleLocality.objects.get(article=imported, locality__name="Phong Hải").locality.parent.name == "Phong Điền"
    asked = act(curator, imported, action="add", kind="locality", text="Châu Thành")
    assert asked.status_code == 400 and "nhiều đơn vị" in asked.json()["message"]


def test_without_javascript_an_action_redirects_back_with_a_message(curator, imported):
    role = Role.objects.filter(article=imported).first()
    url = reverse("admin:archive_article_review_action", args=[imported.pk])
    response = curator.post(url, {"action": "hide", "ref": f"role:{role.pk}"})
    assert response.status_code == 302 and response["Location"].startswith(screen(imported))
    assert "Đã loại bỏ" in curator.get(screen(imported)).text


def test_done_marks_the_article_reviewed_and_goes_to_the_next_in_the_queue(curator):
    older = f.article("Bài cũ hơn")  # no date: queued
    newer = f.article("Bài mới hơn")
    answer = act(curator, newer, action="done").json()
    assert answer["next"] == screen(older)
    assert Article.objects.get(pk=newer.pk).review_state == "reviewed"
    last = act(curator, older, action="done").json()
    assert last["next"] == reverse("admin:archive_article_queue")


def test_a_user_who_may_only_view_cannot_act(client, imported):
    user = User.objects.create_user("xem", password="mat-khau-dai-123", is_staff=True)
    client.force_login(user)
    role = Role.objects.filter(article=imported).first()
    assert act(client, imported, action="hide", ref=f"role:{role.pk}").status_code == 403
    assert not Role.objects.get(pk=role.pk).hidden


def test_the_queue_counts_articles_per_reason(curator):
    f.article("Châu Thành ra quân", warnings=["ambiguous locality: Châu Thành"])
    f.article("Cập nhật", published_on="2024-05-08", date_evidence="Cập nhật, 19:17, Thứ Tư, 08/05/2024")
    page = curator.get(reverse("admin:archive_article_queue"))
    counts = {row["reason"]: row["count"] for row in page.context["rows"]}
    assert counts["review_locality"] == 1 and counts["review_stamp"] == 1 and counts["review_agreement"] == 0
    assert page.context["total"] == 2
    following = curator.get(reverse("admin:archive_article_queue_next"), {"ly_do": "review_stamp"})
    assert following["Location"] == screen(Article.objects.get(title="Cập nhật")) + "?ly_do=review_stamp"


def test_history_on_the_screen_says_who_changed_what(curator, imported):
    role = Role.objects.get(article=imported, official__name="Đoàn Kỳ Côi")
    act(curator, imported, action="hide", ref=f"role:{role.pk}")
    page = curator.get(screen(imported)).text
    assert "bientap" in page and f"/admin/archive/role/{role.pk}/history/" in page
    assert Official.objects.filter(name="Đoàn Kỳ Côi").exists()


def test_a_fact_confirmed_then_corrected_does_not_come_back_on_reimport(curator, imported, tmp_path):
    coi = Role.objects.get(article=imported, official__name="Đoàn Kỳ Côi")
    act(curator, imported, action="confirm", ref=f"role:{coi.pk}")
    act(curator, imported, action="correct", ref=f"role:{coi.pk}", name="Đoàn Kỳ Côi", title="Bí thư Huyện ủy")
    import_text(tmp_path, CHANGED)
    assert set(Role.objects.filter(article=imported, official__name="Đoàn Kỳ Côi").values_list("title", "hidden")) == {
        ("Phó Bí thư Thường trực Huyện ủy", True), ("Bí thư Huyện ủy", False),
    }


def test_correcting_an_agreement_sets_its_period_and_parties_with_history(curator, imported):
    fact = imported.agreement_facts.get()
    answer = act(curator, imported, action="correct", ref=f"agreement:{fact.pk}", agreement_kind="both",
                 period="2022-2026", parties="Ban Dân vận Huyện ủy Phong Điền\nỦy ban MTTQ Việt Nam huyện Phong Điền").json()
    assert answer["ok"], answer
    fact.refresh_from_db()
    agreement = fact.agreement
    assert (fact.kind, fact.origin, str(agreement.period)) == ("both", "curator", "2022–2026")
    assert set(agreement.parties.values_list("name", flat=True)) == {
        "Ban Dân vận Huyện ủy Phong Điền", "Ủy ban MTTQ Việt Nam huyện Phong Điền",
    }
    latest = agreement.history.latest()
    assert latest.history_user.username == "bientap"
    assert set(latest.parties.values_list("organisation__name", flat=True)) == {
        "Ban Dân vận Huyện ủy Phong Điền", "Ủy ban MTTQ Việt Nam huyện Phong Điền",
    }
