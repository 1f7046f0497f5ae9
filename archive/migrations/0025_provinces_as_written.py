"""The provinces as written in each article's facet keys (archive.scopes.
Provinces), counted per key like the other arrays: the SQL that computes
and counts them is installed again, and every article with a visible
locality has its row rebuilt (the totals follow through their trigger)."""

import django.contrib.postgres.fields
import django.contrib.postgres.indexes
from django.db import migrations, models

from archive import sql


class Migration(migrations.Migration):

    dependencies = [
        ('archive', '0024_undated_last'),
    ]

    operations = [
        migrations.AddField(
            model_name='articlefacetkeys',
            name='provinces',
            field=django.contrib.postgres.fields.ArrayField(base_field=models.BigIntegerField(), default=list, size=None),
        ),
        migrations.AddIndex(
            model_name='articlefacetkeys',
            index=django.contrib.postgres.indexes.GinIndex(fields=['provinces'], name='facet_keys_provinces'),
        ),
        sql.install("facet_keys.sql", "key_totals.sql"),
        migrations.RunSQL(
            "SELECT archive_refresh_facet_keys(ARRAY("
            "SELECT DISTINCT article_id FROM archive_articlelocality WHERE NOT hidden))",
            migrations.RunSQL.noop,
        ),
    ]
