"""History records people's changes, not the importer's writes
(archive.curation.history): an import leaves no history rows, and the first
recorded change of an imported row records its imported state first, so
history still starts from what the importer wrote."""

from pathlib import Path

import pytest

from archive.curation.history import AS_IMPORTED
from archive.curation.merge import merge_officials
from archive.importer import import_paths
from archive.models import Agreement, Article, Official, Organisation, Role

pytestmark = pytest.mark.django_db
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.fixture(params=[0, 2], ids=["one by one", "in batches"])
def imported(request):
    run = import_paths([str(FIXTURES / "articles")], workers=request.param)
    assert run.created == 5
    return run


def test_an_import_writes_no_history(imported):
    for model in (Article, Official, Organisation, Agreement, Role):
        assert model.objects.exists() and not model.history.exists(), model.__name__


def test_a_curators_first_edit_records_the_imported_version_first(imported):
    article = Article.objects.order_by("pk").first()
    imported_title = article.title
    article.title = "Tiêu đề do biên tập viên sửa"
    article.save()
    versions = list(article.history.order_by("history_date", "history_id"))
    assert [(v.title, v.history_change_reason) for v in versions] == [
        (imported_title, AS_IMPORTED), ("Tiêu đề do biên tập viên sửa", None),
    ]
    versions[0].instance.save()  # revert to the imported version
    article.refresh_from_db()
    assert article.title == imported_title
    assert article.history.count() == 3  # the baseline is recorded once


def test_a_merge_and_a_change_of_parties_start_from_the_imported_rows(imported):
    survivor, duplicate = Official.objects.order_by("pk")[:2]
    merge_officials(survivor, duplicate)
    assert survivor.history.filter(history_change_reason=AS_IMPORTED).count() == 1
    agreement = Agreement.objects.filter(parties__isnull=False).first()
    parties = list(agreement.parties.all())
    agreement.parties.set(parties[:1])
    baseline = agreement.history.get(history_change_reason=AS_IMPORTED)
    assert set(baseline.parties.values_list("organisation_id", flat=True)) == {p.pk for p in parties}


def test_an_imported_officials_old_address_follows_a_rename(imported, client):
    official = Official.objects.order_by("pk").first()
    old = official.get_absolute_url()
    official.slug = "ten-moi"
    official.save()
    response = client.get(old)
    assert response.status_code == 301 and response["Location"] == official.get_absolute_url()
