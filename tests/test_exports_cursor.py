"""An export's cursor with autocommit on, as in production. Inside a test's
transaction every server-side cursor is declared without hold, so this test
commits its data (transactional) and loads the gazetteer again after the
flush."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories as f
from tests.test_exports import read_csv


def test_an_export_reads_rows_as_they_are_fetched(gazetteer_loaded_afterwards, transactional_db, client):
    """The export's cursor is declared inside a transaction: a cursor WITH
    HOLD would make Postgres compute the whole result before handing over
    the first row."""
    f.article("Dân vận khéo", "Công tác dân vận.", published_on="2024-06-01")
    assert connection.get_autocommit()
    with CaptureQueriesContext(connection) as queries:
        rows = read_csv(client.get("/tim-kiem/", {"q": "dân vận", "format": "csv"}))
    assert [row["title"] for row in rows] == ["Dân vận khéo"]
    [declare] = [query["sql"] for query in queries if query["sql"].startswith("DECLARE")]
    assert "WITH HOLD" not in declare
