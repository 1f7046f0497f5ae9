"""Backup and restore: `manage.py backup FILE`, `manage.py restore FILE`.

The round trip restores into a fresh database on the same server (the
embedded PostgreSQL 18, or the DATABASE_URL server) and reads it back with
psycopg. pg_dump runs in a process of its own and sees only committed rows, so
the round trip is a transactional test; the flush after it empties every
table, and the gazetteer is loaded again for the tests that follow.
"""

import uuid
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection

from archive.importer import import_paths
from archive.models import Article, Official, Role

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "articles"
CORRECTED_TITLE = "Phong Điền ký kết chương trình phối hợp dân vận (tiêu đề đã hiệu đính)"


def connect(dbname: str, **options) -> psycopg.Connection:
    params = {k: v for k, v in connection.get_connection_params().items() if isinstance(v, str | int)}
    return psycopg.connect(**{**params, "dbname": dbname}, **options)


@pytest.fixture
def fresh_database(django_db_setup):
    """An empty database on the test server, dropped afterwards."""
    name = f"test_restore_{uuid.uuid4().hex[:12]}"
    with connect(connection.settings_dict["NAME"], autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield name
    with connect(connection.settings_dict["NAME"], autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


ARTICLES = """
SELECT source_key, title, raw_text, content_hash, locked_fields::text FROM archive_article
"""
ROLES = """
SELECT a.source_key, o.name, r.title, r.origin, r.hidden
FROM archive_role r JOIN archive_article a ON a.id = r.article_id JOIN archive_official o ON o.id = r.official_id
"""
PLACES = """
SELECT a.source_key, l.era, l.level, l.code, f.origin, f.hidden
FROM archive_articlelocality f JOIN archive_article a ON a.id = f.article_id JOIN archive_locality l ON l.id = f.locality_id
"""
AGREEMENTS = """
SELECT a.source_key, g.key, f.kind FROM archive_articleagreement f
JOIN archive_article a ON a.id = f.article_id JOIN archive_agreement g ON g.id = f.agreement_id
"""


def read(dbname: str, sql: str) -> set[tuple]:
    with connect(dbname) as database:
        return set(database.execute(sql).fetchall())


def test_a_restored_backup_has_the_same_articles_facts_and_corrections(
    gazetteer_loaded_afterwards, transactional_db, fresh_database, tmp_path, monkeypatch
):
    assert import_paths([str(FIXTURES)]).created == 5
    article = Article.objects.get(source_key__endswith="001_d69ba35cc339d1c2.txt")
    article.title = CORRECTED_TITLE
    article.locked_fields = ["title"]
    article.save()
    hidden = article.roles.filter(origin=Role.Origin.IMPORT).first()
    hidden.hidden = True
    hidden.save()
    Role.objects.create(article=article, official=Official.objects.create(name="Lê Thị Hoa"),
                        title="Chủ tịch Hội LHPN huyện", origin=Role.Origin.CURATOR)

    call_command("backup", str(tmp_path / "archive.dump"), verbosity=0)
    monkeypatch.setitem(settings.DATABASES["default"], "NAME", fresh_database)
    call_command("restore", str(tmp_path / "archive.dump"), interactive=False, verbosity=0)
    monkeypatch.undo()

    source = connection.settings_dict["NAME"]
    for sql in (ARTICLES, ROLES, PLACES, AGREEMENTS):
        assert read(fresh_database, sql) == read(source, sql), sql
    assert len(read(fresh_database, ARTICLES)) == 5
    assert (article.source_key, CORRECTED_TITLE) in {row[:2] for row in read(fresh_database, ARTICLES)}
    roles = read(fresh_database, ROLES)
    assert (article.source_key, hidden.official.name, hidden.title, "import", True) in roles
    assert (article.source_key, "Lê Thị Hoa", "Chủ tịch Hội LHPN huyện", "curator", False) in roles
    assert read(fresh_database, PLACES)  # the gazetteer came along: facts point at places
    with connect(fresh_database) as restored:  # sequences too: new rows get new ids
        new_id = restored.execute(
            "INSERT INTO archive_official (name, ascii_name, slug, aliases) "
            "VALUES ('Trần Văn Mới', 'tran van moi', 'tran-van-moi', '[]') RETURNING id"
        ).fetchone()[0]
    assert new_id > Official.objects.latest("pk").pk


def test_restoring_twice_gives_the_same_database(
    gazetteer_loaded_afterwards, transactional_db, fresh_database, tmp_path
):
    import_paths([str(FIXTURES / "000_fea346a075c43873.txt")])
    call_command("backup", str(tmp_path / "archive.dump"), verbosity=0)
    from archive.backup import restore

    target = {**settings.DATABASES["default"], "NAME": fresh_database}
    restore(tmp_path / "archive.dump", target)
    first = read(fresh_database, ARTICLES), read(fresh_database, ROLES)
    restore(tmp_path / "archive.dump", target)  # --clean: replaces, does not duplicate
    assert (read(fresh_database, ARTICLES), read(fresh_database, ROLES)) == first
    assert len(first[0]) == 1


def test_backup_names_the_file_it_cannot_write(tmp_path):
    with pytest.raises(CommandError, match=f"cannot write {tmp_path}/missing/archive.dump: no directory"):
        call_command("backup", str(tmp_path / "missing" / "archive.dump"))
    with pytest.raises(CommandError, match=f"{tmp_path} is a directory"):
        call_command("backup", str(tmp_path))


def test_restore_names_a_missing_or_unreadable_file(tmp_path):
    with pytest.raises(CommandError, match=f"cannot restore {tmp_path}/none.dump: no such file"):
        call_command("restore", str(tmp_path / "none.dump"), interactive=False)
    (tmp_path / "notes.dump").write_text("không phải bản sao lưu", encoding="utf-8")
    with pytest.raises(CommandError, match=f"restore from {tmp_path}/notes.dump failed: .*not appear to be a valid archive"):
        call_command("restore", str(tmp_path / "notes.dump"), interactive=False)


def test_restore_asks_before_replacing_the_archive(tmp_path, monkeypatch):
    (tmp_path / "archive.dump").write_bytes(b"PGDMP")
    monkeypatch.setattr("builtins.input", lambda prompt: "no")
    with pytest.raises(CommandError, match="restore cancelled"):
        call_command("restore", str(tmp_path / "archive.dump"))
