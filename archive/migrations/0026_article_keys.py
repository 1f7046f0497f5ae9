"""ArticleKey: an entity's articles beside their dates, for lists that read
only their page; kept by triggers on the facet keys (archive/sql/article_keys.sql)
and written once here from the rows there are."""

import django.db.models.deletion
from django.db import migrations, models

from archive import sql


class Migration(migrations.Migration):

    dependencies = [
        ('archive', '0025_provinces_as_written'),
    ]

    operations = [
        migrations.CreateModel(
            name='ArticleKey',
            fields=[
                ('pk', models.CompositePrimaryKey('article', 'list', 'key', blank=True, editable=False, primary_key=True, serialize=False)),
                ('list', models.SmallIntegerField(choices=[(1, 'periods'), (2, 'officials'), (3, 'organisations')])),
                ('key', models.BigIntegerField()),
                ('published_on', models.DateField(null=True)),
                ('article', models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='list_keys', to='archive.article')),
            ],
            options={
                'indexes': [models.Index(models.F('list'), models.F('key'), models.OrderBy(models.F('published_on'), descending=True, nulls_last=True), models.OrderBy(models.F('article'), descending=True), name='article_key_newest')],
            },
        ),
        migrations.RunSQL(
            migrations.RunSQL.noop,
            """
            DROP TRIGGER IF EXISTS archive_facet_keys_lists_insert ON archive_articlefacetkeys;
            DROP TRIGGER IF EXISTS archive_facet_keys_lists_update ON archive_articlefacetkeys;
            DROP TRIGGER IF EXISTS archive_facet_keys_lists_delete ON archive_articlefacetkeys;
            DROP FUNCTION IF EXISTS archive_article_keys_after_change();
            DROP FUNCTION IF EXISTS archive_rebuild_article_keys();
            DROP FUNCTION IF EXISTS archive_row_list_keys(bigint[], bigint[], bigint[]);
            """,
        ),
        sql.install("article_keys.sql"),
        migrations.RunSQL("SELECT archive_rebuild_article_keys()", migrations.RunSQL.noop),
    ]
