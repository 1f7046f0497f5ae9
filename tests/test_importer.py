from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError

from archive.importer import Importer, import_paths
from archive.models import Article, ArticleLocality, Fact, ImportRun, Locality, Official, Role

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "articles"

ARTICLE = """Thứ Ba, 14/3/2023
Quỳnh Lưu: Ký kết chương trình phối hợp về công tác dân vận giai đoạn 2023-2027

Sáng 14/3, Ban Dân vận Huyện ủy và UBND huyện Quỳnh Lưu (Nghệ An) tổ chức hội nghị ký kết chương trình phối hợp về công tác dân vận giai đoạn 2023-2027.
Dự hội nghị có đồng chí Hồ Văn Tám – Phó Bí thư Thường trực Huyện ủy, Chủ tịch HĐND huyện.
Thay mặt hai cơ quan, đồng chí Nguyễn Thị Lan – UVTV Huyện ủy, Trưởng Ban Dân vận Huyện ủy và đồng chí Phan Văn Đức – Phó Chủ tịch UBND huyện đã ký kết chương trình.

Thanh Hà
"""


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_sample_articles_are_imported_with_their_raw_text_verbatim():
    run = import_paths([str(FIXTURES)])
    assert (run.created, run.updated, run.unchanged, run.failed) == (5, 0, 0, 0)
    for path in FIXTURES.glob("*.txt"):
        article = Article.objects.get(source_key=str(path))
        assert article.raw_text == path.read_text(encoding="utf-8")
        assert article.title


def test_importing_the_same_files_again_changes_nothing():
    import_paths([str(FIXTURES)])
    before = list(Article.objects.values_list("pk", "updated_at"))
    run = import_paths([str(FIXTURES)])
    assert (run.created, run.updated, run.unchanged, run.failed) == (0, 0, 5, 0)
    assert list(Article.objects.values_list("pk", "updated_at")) == before


def test_imported_article_gets_its_facts(tmp_path):
    import_paths([str(write(tmp_path, "quynh-luu.txt", ARTICLE))])
    article = Article.objects.get()
    assert "Quỳnh Lưu" in article.title
    assert article.localities.filter(name="Quỳnh Lưu", level="district").exists()
    assert article.officials.filter(name="Nguyễn Thị Lan").exists()


def test_changed_content_from_the_same_source_updates_the_article(tmp_path):
    path = write(tmp_path, "a.txt", ARTICLE)
    import_paths([str(path)])
    original = Article.objects.get()
    path.write_text(ARTICLE.replace("Thanh Hà", "Thanh Hà - Minh Tú"), encoding="utf-8")
    run = import_paths([str(path)])
    assert (run.created, run.updated) == (0, 1)
    article = Article.objects.get()
    assert article.pk == original.pk
    assert article.raw_text.endswith("Thanh Hà - Minh Tú\n")


def test_bad_files_are_reported_by_name_and_the_rest_is_imported(tmp_path):
    write(tmp_path, "good.txt", ARTICLE)
    write(tmp_path, "empty.txt", "   \n")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    run = import_paths([str(tmp_path)])
    assert (run.created, run.failed) == (1, 2)
    failed = {Path(f["source"]).name: f["reason"] for f in run.failures}
    assert set(failed) == {"empty.txt", "binary.txt"}
    assert "empty" in failed["empty.txt"]
    assert "binary" in failed["binary.txt"]
    assert ImportRun.objects.get(pk=run.pk).failed == 2


def test_import_command_prints_the_summary_and_fails_if_any_input_failed(tmp_path, capsys):
    write(tmp_path, "good.txt", ARTICLE)
    write(tmp_path, "empty.txt", "")
    with pytest.raises(CommandError, match="1 of the inputs failed"):
        call_command("import_articles", str(tmp_path))
    out, err = capsys.readouterr()
    assert "1 created, 0 updated, 0 unchanged, 1 failed" in out
    assert "empty.txt" in err


def test_a_path_that_matches_nothing_is_named(tmp_path):
    with pytest.raises(CommandError, match="nothing-here"):
        call_command("import_articles", str(tmp_path / "nothing-here"))


def test_a_failing_article_leaves_no_half_written_rows(tmp_path, monkeypatch):
    def broken(self, article, facts):
        raise DatabaseError("simulated failure while storing facts")

    monkeypatch.setattr(Importer, "_store_facts", broken)
    run = import_paths([str(write(tmp_path, "a.txt", ARTICLE))])
    assert run.failed == 1
    assert "simulated failure" in run.failures[0]["reason"]
    assert not Article.objects.exists()


def test_a_curators_field_edit_survives_reimport_of_a_changed_file(tmp_path):
    path = write(tmp_path, "a.txt", ARTICLE)
    import_paths([str(path)])
    article = Article.objects.get()
    article.title = "Quỳnh Lưu ký kết chương trình phối hợp dân vận 2023–2027"
    article.locked_fields = ["title"]
    article.save()
    path.write_text(ARTICLE + "\nTin Khác\n", encoding="utf-8")
    run = import_paths([str(path)])
    assert run.updated == 1
    assert Article.objects.get().title == "Quỳnh Lưu ký kết chương trình phối hợp dân vận 2023–2027"


def test_facts_a_curator_hid_or_added_survive_reimport(tmp_path):
    path = write(tmp_path, "a.txt", ARTICLE)
    import_paths([str(path)])
    article = Article.objects.get()
    imported_roles = list(article.roles.filter(official__name="Nguyễn Thị Lan"))
    assert imported_roles and all(role.origin == Fact.Origin.IMPORT for role in imported_roles)
    article.roles.filter(official__name="Nguyễn Thị Lan").update(hidden=True)
    added_place = Locality.objects.get(era="pre2025", level="province", code="40")  # Nghệ An
    ArticleLocality.objects.get_or_create(article=article, locality=added_place, defaults={"origin": Fact.Origin.CURATOR})
    added_official = Official.objects.create(name="Lê Thị Hoa")
    Role.objects.create(article=article, official=added_official, title="Chủ tịch Hội LHPN huyện")

    path.write_text(ARTICLE.replace("Sáng 14/3", "Sáng ngày 14/3"), encoding="utf-8")
    assert import_paths([str(path)]).updated == 1

    assert all(Role.objects.get(pk=role.pk).hidden for role in imported_roles)
    assert not article.roles.filter(official__name="Nguyễn Thị Lan", hidden=False).exists()
    assert article.roles.filter(official=added_official, title="Chủ tịch Hội LHPN huyện").exists()
    assert article.locality_facts.filter(locality=added_place).exists()


def test_the_stored_body_is_the_text_without_page_noise():
    import_paths([str(FIXTURES / "001_d69ba35cc339d1c2.txt")])
    article = Article.objects.get()
    assert "Thống kê truy cập" in article.raw_text
    assert "Thống kê truy cập" not in article.body
    assert "Chung nhan Tin Nhiem Mang" not in article.body
    assert "Đồn Biên phòng Phong Hải" in article.body


@pytest.mark.parametrize("workers", [None, 2])
def test_the_cleaned_body_is_stored_once_not_again_in_the_extraction(tmp_path, workers):
    import_paths([str(write(tmp_path, "a.txt", ARTICLE))], workers=workers)
    article = Article.objects.get()
    assert "body" not in article.extraction
    assert article.extraction["title"] and article.extraction["officials"]
    assert article.body.startswith("Sáng 14/3, Ban Dân vận Huyện ủy")


def test_extract_command_prints_one_json_object_per_article(capsys):
    import json

    call_command("extract", str(FIXTURES))
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 5
    facts = [json.loads(line) for line in lines]
    assert {f["source"] for f in facts} == {str(p) for p in FIXTURES.glob("*.txt")}
    assert all("body" not in f for f in facts)
