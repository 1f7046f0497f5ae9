"""The SQL the database runs for the archive: functions and triggers, each
in the one file that holds its current body. Migrations install them with
`install(...)`; a change to a file goes with a new migration that installs
it again (the files use CREATE OR REPLACE)."""

from pathlib import Path

from django.db import migrations

# The files migration 0015 installed; a later file is installed by the
# migration that creates its tables (key_totals.sql: 0023, article_keys.sql: 0026,
# data_version.sql: 0029).
FILES = ("search.sql", "places.sql", "facet_keys.sql", "derived.sql")


def read(name: str) -> str:
    return (Path(__file__).parent / name).read_text(encoding="utf-8")


def install(*names: str) -> migrations.RunSQL:
    """A migration operation that (re)creates the functions and triggers of
    these files. Reversing it leaves them: the migration that first created
    them drops them."""
    return migrations.RunSQL("\n".join(read(name) for name in names), migrations.RunSQL.noop)
