"""Smaller on disk: each fact's article index goes (its unique constraint
starts with the article), and so do the pattern-matching ("_like") copies
of the unique text columns' indexes, which no query uses (no prefix LIKE
on a key, a hash, a slug or a name; the admin's searches are case-insensitive
and cannot use them). Django makes those for every unique CharField on
PostgreSQL and drops them with IF EXISTS, so a later change of such a field
still migrates."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('archive', '0027_role_official_timeline'),
    ]

    operations = [
        migrations.AlterField(
            model_name='articleagreement',
            name='article',
            field=models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='agreement_facts', to='archive.article'),
        ),
        migrations.AlterField(
            model_name='articlelocality',
            name='article',
            field=models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='locality_facts', to='archive.article'),
        ),
        migrations.AlterField(
            model_name='articleorganisation',
            name='article',
            field=models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='organisation_facts', to='archive.article'),
        ),
        migrations.AlterField(
            model_name='articleperiod',
            name='article',
            field=models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='period_facts', to='archive.article'),
        ),
        migrations.AlterField(
            model_name='citation',
            name='article',
            field=models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='citations', to='archive.article'),
        ),
        migrations.AlterField(
            model_name='role',
            name='article',
            field=models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='roles', to='archive.article'),
        ),
        migrations.RunSQL(
            """
            DO $$
            DECLARE name text;
            BEGIN
                FOR name IN
                    SELECT i.relname FROM pg_index x
                    JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
                    JOIN pg_opclass o ON o.oid = x.indclass[0]
                    WHERE t.relname IN ('archive_article', 'archive_agreement', 'archive_organisation',
                                        'archive_official', 'archive_locality', 'archive_document')
                      AND o.opcname IN ('varchar_pattern_ops', 'text_pattern_ops')
                LOOP
                    EXECUTE format('DROP INDEX %I', name);
                END LOOP;
            END $$;
            """,
            migrations.RunSQL.noop,
        ),
    ]
