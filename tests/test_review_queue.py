"""The review queue's reasons, one by one: each puts an article in the queue
when it holds and leaves it out when it does not."""

import pytest

from archive.curation import review
from archive.curation.deletion import delete_article
from archive.models import Agreement, Article, ArticleLocality, Organisation, Role
from tests import factories as f

pytestmark = pytest.mark.django_db


def queued(reason):
    return set(review.needing_review(Article.objects.all(), reason).values_list("title", flat=True))


def test_an_official_seen_for_the_first_time():
    f.article("Lần đầu", published_on="2024-01-02", officials=[("Hầu A Lềnh", "Bộ trưởng")])
    f.article("Đã gặp 1", published_on="2024-01-02", officials=[("Trần Thị Diệu Minh", "Trưởng Ban Dân vận")])
    f.article("Đã gặp 2", published_on="2024-02-02", officials=[("Trần Thị Diệu Minh", "Trưởng Ban Dân vận")])
    assert queued("review_new_official") == {"Lần đầu"}


def test_a_title_conflicting_with_the_same_officials_title_elsewhere():
    f.article("Phó", published_on="2024-01-02", officials=[("Lê Văn Hòa", "Phó Chủ tịch UBND huyện")])
    f.article("Trưởng", published_on="2024-03-02", officials=[("Lê Văn Hòa", "Chủ tịch UBND huyện")])
    f.article("Khác hẳn", published_on="2024-03-05", officials=[("Lê Văn Hòa", "Bí thư Đảng ủy xã")])
    f.article("Nhiều năm sau", published_on="2027-03-05", officials=[("Lê Văn Hòa", "Phó Chủ tịch UBND huyện")])
    for article in Article.objects.all():  # seen_on, as the importer sets it
        Role.objects.filter(article=article).update(seen_on=article.published_on)
    assert queued("review_title_conflict") == {"Phó", "Trưởng"}


def test_an_agreement_without_parties_or_period():
    f.article("Không giai đoạn", published_on="2022-01-01", agreements=[("Chương trình A", "sign", None)])
    f.article("Không bên nào", published_on="2022-01-01", agreements=[("Chương trình B", "sign", (2021, 2025))])
    whole = f.article("Đủ", published_on="2022-01-01", agreements=[("Chương trình C", "sign", (2021, 2025))])
    Agreement.objects.get(name="Chương trình C").parties.add(Organisation.objects.create(name="UBND huyện X"))
    assert queued("review_agreement") == {"Không giai đoạn", "Không bên nào"}
    assert whole.title not in queued(None)


def test_a_date_read_from_an_update_stamp_until_a_curator_confirms_it():
    stamp = f.article("Dấu cập nhật", published_on="2020-06-25", date_evidence="Cập nhật, 19:17, Thứ Năm, 25/06/2020 (GMT+7)")
    f.article("Ngày ghi trong bài", published_on="2021-09-10", date_evidence="Sáng 10/9/2021")
    assert queued("review_stamp") == {"Dấu cập nhật"}
    stamp.locked_fields = ["published_on", "date_precision"]
    stamp.save()
    assert queued("review_stamp") == set()


def test_an_ambiguous_place_until_a_curator_places_the_article():
    article = f.article("Châu Thành", warnings=["ambiguous locality: Châu Thành"])
    assert queued("review_locality") == {"Châu Thành"}
    ArticleLocality.objects.create(article=article, locality=f.locality("Phong Điền", province="Thừa Thiên Huế"),
                                   origin="curator")
    assert queued("review_locality") == set()


def test_reviewed_and_deleted_articles_leave_the_queue():
    reviewed = f.article("Đã duyệt", review_state="reviewed")
    deleted = f.article("Đã xóa")
    kept = f.article("Còn chờ")
    delete_article(deleted)
    assert queued("review_date") == {kept.title} and reviewed.title not in queued(None)
    assert review.reason_counts(Article.objects.all())["review_date"] == 1
    assert review.next_in_queue(Article.objects.all()) == kept
    assert review.next_in_queue(Article.objects.all(), after=kept.pk) is None


def test_the_queue_page_counts_among_the_newest_pending_articles(monkeypatch):
    f.article("Cũ, chưa có ngày")
    f.article("Đã duyệt", review_state="reviewed")
    f.article("Mới, chưa có ngày")
    monkeypatch.setattr(review, "COUNT_SCAN", 1)
    scanned = review.newest_pending(Article.objects.all())
    assert list(scanned.values_list("title", flat=True)) == ["Mới, chưa có ngày"]
    assert review.reason_counts(scanned)["review_date"] == 1
