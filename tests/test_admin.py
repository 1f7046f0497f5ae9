"""The admin: who may open it, what the article list shows and how it counts."""

import hashlib
from datetime import date

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group, User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from archive.pagination import CappedPaginator
from archive.models import (
    Article,
    ArticleLocality,
    ArticleOrganisation,
    ArticlePeriod,
    ImportRun,
    Locality,
    Official,
    Organisation,
    Period,
    Role,
)
from test_curation import plain_static  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db

PASSWORD = "mat-khau-dai-123"


def make_article(title="Ký kết chương trình phối hợp công tác dân vận", **fields) -> Article:
    key = hashlib.sha256(f"{title}{fields}{Article.objects.count()}".encode()).hexdigest()
    defaults = {
        "body": f"{title}. Nội dung bài viết.", "raw_text": title, "source_key": f"tests/{key}.txt",
        "content_hash": key, "published_on": date(2021, 9, 10), "date_precision": "stated",
    }
    return Article.objects.create(title=title, **{**defaults, **fields})


@pytest.fixture
def curator(client):
    user = User.objects.create_user("bientap", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="curator"))
    client.force_login(user)
    return client


@pytest.fixture
def superuser(client):
    client.force_login(User.objects.create_superuser("quantri", "qt@example.org", PASSWORD))
    return client


# -- access -----------------------------------------------------------------------


def test_anonymous_users_are_sent_to_the_login_page_from_every_admin_url(client):
    article = make_article()
    urls = [reverse("admin:index"), reverse("admin:archive_article_change", args=[article.pk]),
            reverse("admin:archive_article_history", args=[article.pk])]
    for model in admin.site._registry:
        info = model._meta.app_label, model._meta.model_name
        urls += [reverse("admin:%s_%s_changelist" % info), reverse("admin:%s_%s_add" % info)]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("admin:login")), url


def test_a_curator_can_edit_an_article_but_not_users_or_groups(curator):
    article = make_article()
    assert curator.get(reverse("admin:archive_article_change", args=[article.pk])).status_code == 200
    assert curator.get(reverse("admin:archive_official_add")).status_code == 200
    assert curator.get(reverse("admin:archive_importrun_changelist")).status_code == 200
    for name in ["auth_user_changelist", "auth_user_add", "auth_group_changelist"]:
        assert curator.get(reverse(f"admin:{name}")).status_code == 403, name
    index = curator.get(reverse("admin:index")).content.decode()
    assert "/admin/auth/" not in index


def test_curator_group_has_no_permission_on_auth_and_only_reads_import_runs():
    codenames = set(Group.objects.get(name="curator").permissions.values_list("content_type__app_label", "codename"))
    assert not {label for label, _ in codenames} - {"archive"}
    assert ("archive", "change_article") in codenames
    assert ("archive", "change_historicalarticle") in codenames
    assert ("archive", "view_importrun") in codenames
    assert ("archive", "change_importrun") not in codenames


def test_repeated_failed_logins_are_throttled(client, settings):
    User.objects.create_superuser("quantri", "qt@example.org", PASSWORD)
    url = reverse("admin:login")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post(url, {"username": "quantri", "password": "sai"})
        assert response.status_code == 200  # the form again, with an error
    assert client.post(url, {"username": "quantri", "password": "sai"}).status_code == 429
    # Locked out: even the right password is refused now.
    locked = client.post(url, {"username": "quantri", "password": PASSWORD})
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_successful_login_is_not_throttled(client):
    User.objects.create_superuser("quantri", "qt@example.org", PASSWORD)
    client.post(reverse("admin:login"), {"username": "quantri", "password": "sai"})
    response = client.post(reverse("admin:login"), {"username": "quantri", "password": PASSWORD})
    assert response.status_code == 302


# -- the article list -------------------------------------------------------------


def test_the_article_list_never_counts_the_whole_table(superuser):
    for n in range(3):
        make_article(f"Bài {n}")
    with CaptureQueriesContext(connection) as queries:
        response = superuser.get(reverse("admin:archive_article_changelist"))
    assert response.status_code == 200
    counts = [q["sql"] for q in queries if "COUNT(" in q["sql"].upper()]
    assert counts, "the page shows a count"
    for sql in counts:
        assert "LIMIT" in sql.upper(), sql
    assert "3 bài viết" in response.content.decode()


def test_a_big_count_is_capped_or_estimated(superuser, monkeypatch):
    monkeypatch.setattr(CappedPaginator, "CAP", 2)
    for n in range(4):
        make_article(f"Bài {n}", author="Minh Khánh")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE archive_article")
    filtered = superuser.get(reverse("admin:archive_article_changelist"), {"q": "", "date_precision": "stated"})
    assert "Hơn 2 bài viết" in filtered.content.decode()
    # The whole table: the planner's estimate (here exact after ANALYZE).
    whole = superuser.get(reverse("admin:archive_article_changelist"))
    assert "4 bài viết" in whole.content.decode()


def test_article_list_filters(superuser):
    phong_dien = Locality.objects.get(era="pre2025", level="district", code="476")
    hue = phong_dien.province
    run = ImportRun.objects.create()
    period = Period.objects.create(start=2021, end=2025)
    wanted = make_article("Phong Điền ký kết", source_domain="phongdien.thuathienhue.gov.vn", import_run=run)
    ArticleLocality.objects.create(article=wanted, locality=phong_dien, origin="import")
    ArticlePeriod.objects.create(article=wanted, period=period, origin="import")
    other = make_article("Bài khác", published_on=date(2019, 5, 1), review_state="reviewed")
    hidden = make_article("Địa phương đã loại bỏ", published_on=date(2020, 1, 2))
    ArticleLocality.objects.create(article=hidden, locality=phong_dien, hidden=True)

    url = reverse("admin:archive_article_changelist")
    for params in [
        {"tinh": hue.pk}, {"tinh": phong_dien.province.successor_id}, {"nam": 2021}, {"giai_doan": period.pk},
        {"nguon": "phongdien.thuathienhue.gov.vn"}, {"import_run__id__exact": run.pk},
    ]:
        response = superuser.get(url, params)
        assert list(response.context["cl"].result_list) == [wanted], params
    reviewed = superuser.get(url, {"review_state__exact": "reviewed"})
    assert list(reviewed.context["cl"].result_list) == [other]


def test_article_search_is_full_text_and_ignores_diacritics(superuser):
    wanted = make_article("Huyện Phong Điền ký kết chương trình phối hợp")
    make_article("Hội nghị tổng kết năm")
    response = superuser.get(reverse("admin:archive_article_changelist"), {"q": "phong dien"})
    assert list(response.context["cl"].result_list) == [wanted]


def test_related_objects_are_chosen_by_autocomplete(superuser):
    official = Official.objects.create(name="Trần Thị Diệu Minh")
    response = superuser.get(
        reverse("admin:autocomplete"),
        {"term": "dieu minh", "app_label": "archive", "model_name": "role", "field_name": "official"},
    )
    assert [r["id"] for r in response.json()["results"]] == [str(official.pk)]


# -- the review queue ---------------------------------------------------------------


def test_review_queue_lists_uncertain_articles_with_the_reason(superuser):
    ambiguous = make_article("Châu Thành ra quân", warnings=["ambiguous locality: Châu Thành"])
    inferred = make_article("Sáng 26/5", date_precision="year_inferred")
    untitled = make_article("Cán bộ không chức danh")
    Role.objects.create(article=untitled, official=Official.objects.create(name="Lê Văn Hòa"), title="")
    unknown_org = make_article("Cơ quan lạ")
    ArticleOrganisation.objects.create(article=unknown_org, organisation=Organisation.objects.create(name="Tổ công tác"))
    make_article("Bài chắc chắn")
    make_article("Đã duyệt rồi", date_precision="unknown", review_state="reviewed")

    url = reverse("admin:archive_article_changelist")
    queue = superuser.get(url, {"cho_duyet": "all"})
    assert set(queue.context["cl"].result_list) == {ambiguous, inferred, untitled, unknown_org}
    page = queue.content.decode()
    for reason in ["Địa phương chưa rõ: Châu Thành", "Ngày suy ra hoặc không rõ (suy ra năm)",
                   "Cán bộ chưa có chức danh", "Cơ quan chưa rõ loại"]:
        assert reason in page
    only_dates = superuser.get(url, {"cho_duyet": "review_date"})
    assert list(only_dates.context["cl"].result_list) == [inferred]

    response = superuser.post(url + "?cho_duyet=all", {
        "action": "mark_reviewed", "_selected_action": [ambiguous.pk, inferred.pk],
    })
    assert response.status_code == 302
    remaining = superuser.get(url, {"cho_duyet": "all"})
    assert set(remaining.context["cl"].result_list) == {untitled, unknown_org}
    assert ambiguous.history.latest().history_user.username == "quantri"


def test_article_search_ranks_the_title_match_first(superuser):
    make_article("Hội nghị tổng kết năm", body="Đại biểu huyện Phong Điền dự hội nghị.", published_on=date(2024, 1, 1))
    in_title = make_article("Phong Điền ký kết chương trình phối hợp", published_on=date(2020, 1, 1))
    response = superuser.get(reverse("admin:archive_article_changelist"), {"q": "Phong Điền"})
    assert list(response.context["cl"].result_list)[0] == in_title
