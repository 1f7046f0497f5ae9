"""search_exact: the articles' words in their exact forms, so that a word
typed with diacritics matches that spelling only (archive/search/query.py).

Adding a generated column rewrites the article table and computes the
vector for every row, then the GIN index is built: on a large archive, run
it in a maintenance window (docs/performance.md, "Maintenance at scale").
The table is analysed at the end: without statistics on the new column the
planner takes every phrase on it for a handful of rows.
"""

import archive.search.vectors
import django.contrib.postgres.indexes
import django.contrib.postgres.search
import django.db.models.functions.text
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('archive', '0015_sql_files'),
    ]

    operations = [
        migrations.AddField(
            model_name='article',
            name='search_exact',
            field=models.GeneratedField(db_persist=True, expression=django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.SearchVector(archive.search.vectors.Canonical('title'), config='simple', weight='A'), '||', django.contrib.postgres.search.SearchVector(archive.search.vectors.Canonical(django.db.models.functions.text.Left('body', 100000)), config='simple', weight='C'), django.contrib.postgres.search.SearchConfig('simple')), output_field=django.contrib.postgres.search.SearchVectorField()),
        ),
        migrations.AddIndex(
            model_name='article',
            index=django.contrib.postgres.indexes.GinIndex(fields=['search_exact'], name='article_search_exact'),
        ),
        migrations.RunSQL("ANALYZE archive_article", migrations.RunSQL.noop),
    ]
