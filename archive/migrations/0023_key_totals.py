"""KeyTotal: the articles per key of the facet keys, kept by triggers
(archive/sql/key_totals.sql) and counted once here from the rows there are.
A deleted article's facet keys lose its year (archive/sql/facet_keys.sql)."""

from django.db import migrations, models

from archive import sql


class Migration(migrations.Migration):

    dependencies = [
        ('archive', '0022_article_visible_index'),
    ]

    operations = [
        migrations.CreateModel(
            name='KeyTotal',
            fields=[
                ('pk', models.CompositePrimaryKey('counted', 'key', blank=True, editable=False, primary_key=True, serialize=False)),
                ('counted', models.CharField(max_length=20)),
                ('key', models.CharField(max_length=200)),
                ('articles', models.IntegerField()),
            ],
            options={
                'indexes': [models.Index(fields=['counted', '-articles'], name='key_total_largest')],
            },
        ),
        migrations.RunSQL(
            migrations.RunSQL.noop,
            """
            DROP TRIGGER IF EXISTS archive_facet_keys_totals_insert ON archive_articlefacetkeys;
            DROP TRIGGER IF EXISTS archive_facet_keys_totals_update ON archive_articlefacetkeys;
            DROP TRIGGER IF EXISTS archive_facet_keys_totals_delete ON archive_articlefacetkeys;
            DROP TRIGGER IF EXISTS archive_article_facet_keys_hidden ON archive_article;
            DROP FUNCTION IF EXISTS archive_key_totals_after_change();
            DROP FUNCTION IF EXISTS archive_rebuild_key_totals();
            DROP FUNCTION IF EXISTS archive_row_keys(archive_articlefacetkeys);
            """,
        ),
        sql.install("facet_keys.sql", "key_totals.sql"),
        migrations.RunSQL(
            # Deleted articles lose their year, then every total is counted.
            "SELECT archive_refresh_facet_keys(ARRAY(SELECT id FROM archive_article WHERE hidden));"
            "SELECT archive_rebuild_key_totals()",
            migrations.RunSQL.noop,
        ),
    ]
