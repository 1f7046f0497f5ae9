"""Where an article's search vectors are stored (migrations 0007 and 0012):
both in the row, where a broad search tests and ranks every article it walks;
body, raw text and extraction out of it."""

from pathlib import Path

import pytest
from django.db import connection

from archive.importer import import_paths
from archive.models import Article

pytestmark = pytest.mark.django_db
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "articles"


def one(sql, params=()):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()


def storage(column: str) -> str:
    return one("SELECT attstorage FROM pg_attribute WHERE attrelid = 'archive_article'::regclass AND attname = %s",
               [column])[0]


def test_the_search_vectors_are_kept_in_the_row_and_the_texts_out_of_it():
    assert {column: storage(column) for column in ("search_vector", "search_rank", "body", "raw_text", "extraction")} \
        == {"search_vector": "m", "search_rank": "m", "body": "x", "raw_text": "x", "extraction": "x"}


def test_imported_articles_have_their_vectors_in_the_row():
    """Checked row by row where the server can say so (PostgreSQL 17 and
    later: pg_column_toast_chunk_id); on older servers the layout test above
    is what checks it."""
    import_paths([str(FIXTURES)])
    assert Article.objects.count() == 5
    if connection.pg_version < 170000:
        assert storage("search_vector") == "m"
        return
    vectors_out_of_row, texts_in_row = one(
        "SELECT count(*) FILTER (WHERE pg_column_toast_chunk_id(search_vector) IS NOT NULL"
        "                           OR pg_column_toast_chunk_id(search_rank) IS NOT NULL),"
        "       count(*) FILTER (WHERE pg_column_toast_chunk_id(raw_text) IS NULL) "
        "FROM archive_article"
    )
    assert vectors_out_of_row == 0
    assert texts_in_row == 0  # the raw texts (2,700–7,000 characters) are out of the row
