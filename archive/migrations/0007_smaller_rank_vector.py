"""search_rank: title + the first 400 characters of the body (was 1,500),
with storage MAIN, so the vector stays in the row (compressed) rather than in
the TOAST table: ranking reads it for every row of a window of matches.

A generated column cannot be altered: it is dropped and added again, and
Postgres computes it for every row. Storage is set in the same ALTER TABLE as
the ADD COLUMN, so the rows are written once, already in-row. One
transaction; `DROP COLUMN IF EXISTS` also repairs a database where an earlier
version of this migration stopped half-way.
"""

import django.contrib.postgres.search
import django.db.models.functions.text
from django.db import migrations, models

import archive.search.vectors

RANK_EXPRESSION = (
    "(((setweight(to_tsvector('simple'::regconfig, COALESCE(archive_canonical(\"title\"), '')), 'A') || "
    "setweight(to_tsvector('simple'::regconfig, COALESCE(archive_canonical(LEFT(\"body\", 400)), '')), 'B')) || "
    "setweight(to_tsvector('archive_folded'::regconfig, COALESCE(\"title\", '')), 'A')) || "
    "setweight(to_tsvector('archive_folded'::regconfig, COALESCE(LEFT(\"body\", 400), '')), 'B'))"
)
OLD_RANK_EXPRESSION = RANK_EXPRESSION.replace("400", "1500")


def add_rank(expression, storage):
    return (
        "ALTER TABLE archive_article DROP COLUMN IF EXISTS search_rank; "
        f"ALTER TABLE archive_article ADD COLUMN search_rank tsvector GENERATED ALWAYS AS ({expression}) STORED, "
        f"ALTER COLUMN search_rank SET STORAGE {storage}"
    )


class Migration(migrations.Migration):

    dependencies = [
        ('archive', '0006_importrun_interrupted'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.RunSQL(add_rank(RANK_EXPRESSION, "MAIN"), add_rank(OLD_RANK_EXPRESSION, "EXTENDED"))],
            state_operations=[
                migrations.RemoveField(model_name='article', name='search_rank'),
                migrations.AddField(
                    model_name='article',
                    name='search_rank',
                    field=models.GeneratedField(db_persist=True, expression=django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.SearchVector(archive.search.vectors.Canonical('title'), config='simple', weight='A'), '||', django.contrib.postgres.search.SearchVector(archive.search.vectors.Canonical(django.db.models.functions.text.Left('body', 400)), config='simple', weight='B'), django.contrib.postgres.search.SearchConfig('simple')), '||', django.contrib.postgres.search.SearchVector('title', config='archive_folded', weight='A'), django.contrib.postgres.search.SearchConfig('simple')), '||', django.contrib.postgres.search.SearchVector(django.db.models.functions.text.Left('body', 400), config='archive_folded', weight='B'), django.contrib.postgres.search.SearchConfig('simple')), output_field=django.contrib.postgres.search.SearchVectorField()),
                ),
            ],
        ),
    ]
