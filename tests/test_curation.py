"""Corrections made in the admin survive a re-import of the same file and of a
changed version of it; re-extraction keeps them too."""

import pytest
from django.contrib.auth.models import User

from archive.importer import import_paths, reextract
from archive.models import Article, ArticleLocality, Fact, Locality, Official, Role

pytestmark = pytest.mark.django_db

ARTICLE = """Thứ Sáu, 10/9/2021
Phong Điền: Ký kết chương trình phối hợp công tác dân vận giai đoạn 2021-2025

Sáng 10/9, Ban Dân vận Huyện ủy Phong Điền (Thừa Thiên Huế) tổ chức hội nghị ký kết chương trình phối hợp công tác dân vận giữa Ban Dân vận Huyện ủy với UBND huyện, giai đoạn 2021-2025.
Dự và chỉ đạo hội nghị có đồng chí Đoàn Kỳ Côi – Phó Bí thư Thường trực Huyện ủy. Tham dự hội nghị có đồng chí Trần Thị Diệu Minh – UVTV Huyện ủy, Trưởng Ban Dân vận Huyện ủy; đồng chí Hoàng Văn Thái – Phó Chủ tịch UBND huyện.
Tại hội nghị, Ban Dân vận Huyện ủy và UBND huyện Phong Điền đã ký kết chương trình phối hợp giai đoạn 2021-2025.

Văn Bốn
"""

# The same article as the site published it again: a sentence and a speaker more.
CHANGED = ARTICLE.replace(
    "\nVăn Bốn",
    "Phát biểu tại hội nghị, đồng chí Lê Văn Hòa – Chủ tịch UBND huyện đề nghị các cơ quan "
    "phối hợp chặt chẽ trong công tác dân vận.\n\nVăn Bốn",
)


def import_text(tmp_path, text, name="phong-dien.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    run = import_paths([str(path)])
    assert run.failed == 0, run.failures
    return run


def form_data(response) -> dict:
    """The POST data of an admin change form as rendered, inlines included."""
    data = {}

    def add(form):
        for name in form.fields:
            value = form[name].value()
            key = form.add_prefix(name)
            if value is None or value is False:
                continue
            if value is True:
                data[key] = "on"
            elif isinstance(value, (list, tuple)):
                data[key] = [str(item) for item in value]
            else:
                data[key] = str(value)

    add(response.context["adminform"].form)
    inlines = response.context["inline_admin_formsets"] if "inline_admin_formsets" in response.context else []
    for inline in inlines:
        add(inline.formset.management_form)
        for form in inline.formset.forms:
            add(form)
    return data


def row_index(data: dict, prefix: str, field: str, value) -> int:
    total = int(data[f"{prefix}-TOTAL_FORMS"])
    for i in range(total):
        if data.get(f"{prefix}-{i}-{field}") == str(value):
            return i
    raise AssertionError(f"no {prefix} row with {field}={value}")


def add_row(data: dict, prefix: str, **values) -> None:
    i = int(data[f"{prefix}-TOTAL_FORMS"])
    data[f"{prefix}-TOTAL_FORMS"] = str(i + 1)
    for name, value in values.items():
        data[f"{prefix}-{i}-{name}"] = str(value)


@pytest.fixture(autouse=True)
def plain_static(settings):
    """Admin pages render without `collectstatic`'s manifest."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def editor(client):
    user = User.objects.create_superuser("bientap", "bientap@example.org", "mat-khau-dai-123")
    client.force_login(user)
    return client


def change_url(article):
    return f"/admin/archive/article/{article.pk}/change/"


def district(name, province_code):
    return Locality.objects.get(era="pre2025", level="district", name=name, province__code=province_code)


def curate(editor, article):
    """What a curator does to the Phong Điền article, through the admin form:
    fixes the title, corrects one title of an official, removes another
    official and the province link, and adds a commune the text implies."""
    data = form_data(editor.get(change_url(article)))
    data["title"] = "Phong Điền ký kết chương trình phối hợp công tác dân vận 2021–2025"

    minh = Official.objects.get(name="Trần Thị Diệu Minh")
    uvtv = Role.objects.get(article=article, official=minh, title="UVTV Huyện ủy")
    data[f"roles-{row_index(data, 'roles', 'id', uvtv.pk)}-title"] = "Ủy viên Ban Thường vụ Huyện ủy"
    thai = Role.objects.get(article=article, official__name="Hoàng Văn Thái")
    data[f"roles-{row_index(data, 'roles', 'id', thai.pk)}-hidden"] = "on"

    province = ArticleLocality.objects.get(article=article, locality__level="province")
    data[f"locality_facts-{row_index(data, 'locality_facts', 'id', province.pk)}-hidden"] = "on"
    phong_hai = Locality.objects.get(era="pre2025", level="commune", name="Phong Hải", parent__code="476")
    add_row(data, "locality_facts", locality=phong_hai.pk, article=article.pk)

    response = editor.post(change_url(article), data)
    assert response.status_code == 302, response.context and [
        f.errors for f in [response.context["adminform"].form]
    ] + [inline.formset.errors for inline in response.context["inline_admin_formsets"]]
    return phong_hai


def assert_curation_intact(article, phong_hai):
    article.refresh_from_db()
    assert article.title == "Phong Điền ký kết chương trình phối hợp công tác dân vận 2021–2025"
    assert "title" in article.locked_fields
    minh_roles = {
        (role.title, role.origin, role.hidden) for role in Role.objects.filter(article=article, official__name="Trần Thị Diệu Minh")
    }
    assert ("Ủy viên Ban Thường vụ Huyện ủy", "curator", False) in minh_roles
    assert ("UVTV Huyện ủy", "curator", True) in minh_roles  # the tombstone of the corrected title
    assert ("Trưởng Ban Dân vận Huyện ủy", "import", False) in minh_roles  # untouched
    thai = Role.objects.get(article=article, official__name="Hoàng Văn Thái")
    assert thai.hidden
    links = {link.locality.level: link for link in ArticleLocality.objects.filter(article=article).select_related("locality")}
    assert links["province"].hidden
    assert links["commune"].locality == phong_hai and links["commune"].origin == "curator"
    assert not links["district"].hidden


def test_reimport_of_the_same_file_keeps_admin_corrections(tmp_path, editor):
    import_text(tmp_path, ARTICLE)
    article = Article.objects.get()
    phong_hai = curate(editor, article)
    assert_curation_intact(article, phong_hai)

    run = import_text(tmp_path, ARTICLE)
    assert run.unchanged == 1
    assert_curation_intact(article, phong_hai)

    # The same text extracted again (the content-hash shortcut bypassed): the
    # same extractor finds the same facts, so nothing changes.
    assert reextract(Article.objects.get()).status == "unchanged"
    assert_curation_intact(article, phong_hai)


def test_reimport_of_a_changed_file_keeps_admin_corrections(tmp_path, editor):
    import_text(tmp_path, ARTICLE)
    article = Article.objects.get()
    phong_hai = curate(editor, article)

    run = import_text(tmp_path, CHANGED)
    assert run.updated == 1
    assert_curation_intact(article, phong_hai)
    # The import did run: the new speaker is there, as the importer's.
    assert Role.objects.get(article=article, official__name="Lê Văn Hòa").origin == "import"
    assert Article.objects.count() == 1


def newer_extractor(monkeypatch):
    """The extractor as a newer version might read the article: one more
    official, and no period."""
    from archive.importer import store

    original = store.extract

    def extract(text, **kwargs):
        facts = original(text, **kwargs)
        facts["officials"].append({"name": "Nguyễn Văn Mới", "titles": ["Phó Chủ tịch UBND huyện"], "evidence": ""})
        facts["periods"] = []
        return facts

    monkeypatch.setattr(store, "extract", extract)


@pytest.mark.parametrize("workers", [None, 2])
def test_reimport_after_the_extractor_changed_keeps_corrections_and_counts_the_changed_facts(
    tmp_path, editor, monkeypatch, workers
):
    import_text(tmp_path, ARTICLE)
    article = Article.objects.get()
    phong_hai = curate(editor, article)
    periods = article.period_facts.count()
    assert periods > 0

    newer_extractor(monkeypatch)
    assert import_paths([str(tmp_path / "phong-dien.txt")], workers=workers).unchanged == 1  # not without asking
    run = import_paths([str(tmp_path / "phong-dien.txt")], workers=workers, reextract=True)
    assert (run.updated, run.unchanged, run.failed) == (1, 0, 0)
    assert run.fact_changes["officials"] == [1, 0, 0]
    assert run.fact_changes["periods"] == [0, periods, 0]
    assert "facts of updated articles: 1 added" in run.summary
    assert_curation_intact(article, phong_hai)
    assert Role.objects.get(article=article, official__name="Nguyễn Văn Mới").origin == "import"

    again = import_paths([str(tmp_path / "phong-dien.txt")], workers=workers, reextract=True)
    assert (again.updated, again.unchanged, again.fact_changes) == (0, 1, {})


def test_saving_an_article_locks_only_the_fields_the_curator_changed(tmp_path, editor):
    import_text(tmp_path, ARTICLE)
    article = Article.objects.get()
    data = form_data(editor.get(change_url(article)))
    data["author"] = "Văn Bốn (Trung tâm VHTT-TT huyện)"
    data["body"] = data["body"].replace("\n", "\r\n") + "\r\n"  # as a browser sends a textarea
    assert editor.post(change_url(article), data).status_code == 302
    article.refresh_from_db()
    assert article.locked_fields == ["author"]

    import_text(tmp_path, CHANGED)
    article.refresh_from_db()
    assert article.author == "Văn Bốn (Trung tâm VHTT-TT huyện)"
    assert article.title.startswith("Phong Điền: Ký kết")


def test_unlocking_a_field_lets_the_next_import_write_it(tmp_path, editor):
    import_text(tmp_path, ARTICLE)
    article = Article.objects.get()
    article.title, article.locked_fields = "Tiêu đề sửa tay", ["title"]
    article.save()
    data = form_data(editor.get(change_url(article)))
    data["locked_fields"] = []
    assert editor.post(change_url(article), data).status_code == 302
    import_text(tmp_path, CHANGED)
    article.refresh_from_db()
    assert article.title.startswith("Phong Điền: Ký kết")


def test_editing_an_imported_fact_makes_it_the_curators(tmp_path, editor):
    import_text(tmp_path, ARTICLE)
    article = Article.objects.get()
    data = form_data(editor.get(change_url(article)))
    coi = Role.objects.get(article=article, official__name="Đoàn Kỳ Côi")
    seen_on = "2021-09-09"
    data[f"roles-{row_index(data, 'roles', 'id', coi.pk)}-seen_on"] = seen_on
    assert editor.post(change_url(article), data).status_code == 302
    coi.refresh_from_db()
    assert (coi.origin, str(coi.seen_on), coi.hidden) == ("curator", seen_on, False)

    import_text(tmp_path, CHANGED)
    coi.refresh_from_db()
    assert str(coi.seen_on) == seen_on


def test_facts_cannot_be_deleted_only_hidden(tmp_path, editor):
    import_text(tmp_path, ARTICLE)
    article = Article.objects.get()
    role = Role.objects.filter(article=article).first()
    assert editor.get(f"/admin/archive/role/{role.pk}/delete/").status_code == 403
    response = editor.post("/admin/archive/role/", {"action": "hide_selected", "_selected_action": [role.pk]})
    assert response.status_code == 302
    role.refresh_from_db()
    assert (role.hidden, role.origin) == (True, Fact.Origin.CURATOR)


def test_reextract_action_runs_the_extractor_again_and_keeps_curated_facts(tmp_path, editor):
    import_text(tmp_path, ARTICLE)
    article = Article.objects.get()
    phong_hai = curate(editor, article)
    # As if an older extractor had missed an official: the action brings him back.
    Role.objects.filter(article=article, official__name="Đoàn Kỳ Côi").delete()

    response = editor.post("/admin/archive/article/", {"action": "reextract_selected", "_selected_action": [article.pk]})
    assert response.status_code == 302
    assert Role.objects.get(article=article, official__name="Đoàn Kỳ Côi").origin == "import"
    assert_curation_intact(article, phong_hai)


def test_history_shows_who_changed_an_article_and_reverts_it(tmp_path, editor):
    import_text(tmp_path, ARTICLE)
    article = Article.objects.get()
    original = article.title
    data = form_data(editor.get(change_url(article)))
    data["title"] = "Tiêu đề sai"
    assert editor.post(change_url(article), data).status_code == 302

    history = editor.get(f"/admin/archive/article/{article.pk}/history/")
    assert history.status_code == 200
    assert "bientap" in history.content.decode()

    first = article.history.earliest()
    revert_url = f"/admin/archive/article/{article.pk}/history/{first.history_id}/"
    data = form_data(editor.get(revert_url))
    assert editor.post(revert_url, data).status_code == 302
    article.refresh_from_db()
    assert article.title == original
    assert article.history.latest().history_user.username == "bientap"
