"""search_rank: title + the first 400 characters of the body (was 1,500), so
the vector stays in the row and ranking a window of broad matches is cheap.
A generated column cannot be altered: it is dropped and added again
(Postgres computes it for every row). Storage MAIN keeps it in the row
(compressed) rather than in the TOAST table: ranking reads it for every row of
a window. VACUUM FULL rewrites the rows already written with the new storage.
"""

import archive.search
import django.contrib.postgres.search
import django.db.models.functions.text
from django.db import migrations, models


class Migration(migrations.Migration):
    atomic = False  # VACUUM cannot run in a transaction

    dependencies = [
        ('archive', '0006_importrun_interrupted'),
    ]

    operations = [
        migrations.RemoveField(model_name='article', name='search_rank'),
        migrations.AddField(
            model_name='article',
            name='search_rank',
            field=models.GeneratedField(db_persist=True, expression=django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.SearchVector(archive.search.Canonical('title'), config='simple', weight='A'), '||', django.contrib.postgres.search.SearchVector(archive.search.Canonical(django.db.models.functions.text.Left('body', 400)), config='simple', weight='B'), django.contrib.postgres.search.SearchConfig('simple')), '||', django.contrib.postgres.search.SearchVector('title', config='archive_folded', weight='A'), django.contrib.postgres.search.SearchConfig('simple')), '||', django.contrib.postgres.search.SearchVector(django.db.models.functions.text.Left('body', 400), config='archive_folded', weight='B'), django.contrib.postgres.search.SearchConfig('simple')), output_field=django.contrib.postgres.search.SearchVectorField()),
        ),
        migrations.RunSQL(
            "ALTER TABLE archive_article ALTER COLUMN search_rank SET STORAGE MAIN",
            "ALTER TABLE archive_article ALTER COLUMN search_rank SET STORAGE EXTENDED",
        ),
        migrations.RunSQL("VACUUM FULL archive_article", migrations.RunSQL.noop),
    ]
