"""The entity lists a curator works from: Vietnamese A–Z, counts and dates
beside each name, likely duplicates, and a merge that previews its effect."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from archive.curation.duplicates import middle_name_dropped, official_pairs, organisation_pairs
from archive.models import Official, Organisation, Role
from tests import factories as f
from tests.factories import plain_static  # noqa: F401 - fixture

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("plain_static")]


@pytest.fixture
def admin_client(client):
    client.force_login(User.objects.create_superuser("quantri", "qt@example.org", "mat-khau-dai-123"))
    return client


def placed(article, place):
    Role.objects.filter(article=article).update(locality=place, seen_on=article.published_on)
    return article


def test_the_officials_list_is_in_vietnamese_order_with_counts_dates_and_titles(admin_client):
    hue = f.locality("Phong Điền", province="Thừa Thiên Huế")
    for name, day in [("Lý Thị Vinh", "2021-01-02"), ("Nguyễn Xuân Phúc", "2021-01-03"),
                      ("Lưu Công Vinh", "2021-01-04"), ("Nguyễn Đức Tuy", "2021-01-05")]:
        placed(f.article(f"Bài {name}", published_on=day, officials=[(name, "Chủ tịch UBND huyện")]), hue)
    placed(f.article("Bài sau", published_on="2023-05-06", officials=[("Lưu Công Vinh", "Bí thư Huyện ủy")]), hue)
    response = admin_client.get(reverse("admin:archive_official_changelist"))
    rows = list(response.context["cl"].result_list)
    assert [row.name for row in rows] == ["Lưu Công Vinh", "Lý Thị Vinh", "Nguyễn Đức Tuy", "Nguyễn Xuân Phúc"]
    vinh = rows[0]
    assert (vinh.article_count, str(vinh.first_seen), str(vinh.last_seen)) == (2, "2021-01-04", "2023-05-06")
    assert (vinh.latest_title, vinh.province_name) == ("Bí thư Huyện ủy", "Thừa Thiên Huế")
    page = response.text
    assert "Bí thư Huyện ủy" in page and "Thừa Thiên Huế" in page
    # Sorting by the name column keeps the Vietnamese order, both ways.
    descending = admin_client.get(reverse("admin:archive_official_changelist"), {"o": "-1"})
    assert [row.name for row in descending.context["cl"].result_list][0] == "Nguyễn Xuân Phúc"


def test_organisations_and_places_lists_show_counts(admin_client):
    f.article("Bài", published_on="2022-02-02", localities=[f.locality("Phong Điền", province="Thừa Thiên Huế")],
              organisations=[("Ban Dân vận Huyện ủy Phong Điền", "mass_mobilisation_commission")])
    organisations = admin_client.get(reverse("admin:archive_organisation_changelist"))
    assert [row.article_count for row in organisations.context["cl"].result_list] == [1]
    places = admin_client.get(reverse("admin:archive_locality_changelist"), {"q": "phong dien"})
    counts = {row.name: row.article_count for row in places.context["cl"].result_list}
    assert counts["Phong Điền"] == 1


def test_a_middle_name_left_out():
    assert middle_name_dropped("tran thi dieu minh", "tran dieu minh")
    assert middle_name_dropped("tran minh", "tran thi minh")
    assert not middle_name_dropped("tran thi dieu minh", "tran van minh")
    assert not middle_name_dropped("tran thi minh", "tran thi minh")
    assert not middle_name_dropped("le minh", "tran minh")


def test_likely_duplicate_officials_are_in_the_same_province():
    hue = f.locality("Phong Điền", province="Thừa Thiên Huế")
    vinh_phuc = f.locality("Vĩnh Phúc", level="province")
    for name, place in [("Hoàng Văn Thái", hue), ("Hoàng Văn Thai", hue), ("Trần Thị Diệu Minh", hue),
                        ("Trần Diệu Minh", hue), ("Trần Thị Diệu Minh Anh", vinh_phuc), ("Lê Văn Hòa", hue)]:
        placed(f.article(f"Bài {name}", published_on="2022-01-01", officials=[(name, "Phó Chủ tịch")]), place)
    pairs = {(pair.first.name, pair.second.name): pair.reason for pair in official_pairs()}
    assert pairs == {
        ("Hoàng Văn Thái", "Hoàng Văn Thai"): "tên gần giống",
        ("Trần Thị Diệu Minh", "Trần Diệu Minh"): "cùng người, thiếu tên đệm",
    }


def test_likely_duplicate_organisations():
    hue = f.locality("Thừa Thiên Huế", level="province")
    Organisation.objects.create(name="Ủy ban nhân dân huyện Phong Điền", locality=hue)
    Organisation.objects.create(name="Ủy ban nhân dân huyện Phong Điền.", locality=hue)
    Organisation.objects.create(name="Hội Nông dân tỉnh", locality=hue)
    assert [(p.first.name, p.second.name) for p in organisation_pairs()] == [
        ("Ủy ban nhân dân huyện Phong Điền", "Ủy ban nhân dân huyện Phong Điền."),
    ]


def test_the_duplicates_page_leads_to_a_merge_that_previews_its_effect(admin_client):
    hue = f.locality("Phong Điền", province="Thừa Thiên Huế")
    right = placed(f.article("A", published_on="2022-01-01", officials=[("Hoàng Văn Thái", "Phó Chủ tịch")]), hue)
    placed(f.article("B", published_on="2022-01-02", officials=[("Hoàng Văn Thai", "Phó Chủ tịch")]), hue)
    placed(f.article("C", published_on="2022-01-03", officials=[("Hoàng Văn Thai", "Chủ tịch")]), hue)
    Role.objects.create(article=right, official=Official.objects.get(name="Hoàng Văn Thai"), title="Phó Chủ tịch")
    page = admin_client.get(reverse("admin:archive_official_duplicates")).text
    assert "Hoàng Văn Thái" in page and "Xem trước và gộp" in page

    thai, thai_typo = Official.objects.get(name="Hoàng Văn Thái"), Official.objects.get(name="Hoàng Văn Thai")
    changelist = reverse("admin:archive_official_changelist")
    preview = admin_client.post(changelist, {"action": "merge_selected", "_selected_action": [thai.pk, thai_typo.pk]})
    text = preview.text
    assert "2 chức danh trong bài chuyển sang “Hoàng Văn Thái”" in text
    assert "1 chức danh trùng (cùng bài, cùng chức danh) bị bỏ" in text
    assert Official.objects.filter(pk=thai_typo.pk).exists()  # nothing merged yet

    done = admin_client.post(changelist, {"action": "merge_selected", "_selected_action": [thai.pk, thai_typo.pk],
                                          "survivor": thai.pk, "confirm": "yes"})
    assert done.status_code == 302
    assert not Official.objects.filter(pk=thai_typo.pk).exists()
    assert Role.objects.filter(official=thai).count() == 3
