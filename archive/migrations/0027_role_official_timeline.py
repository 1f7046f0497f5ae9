"""An official's titles in date order read from the start of the official's role rows."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('archive', '0026_article_keys'),
    ]

    operations = [
        migrations.AlterField(
            model_name='role',
            name='official',
            field=models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.PROTECT, related_name='roles', to='archive.official', verbose_name='cán bộ'),
        ),
        migrations.AddIndex(
            model_name='role',
            index=models.Index(fields=['official', 'seen_on', 'id'], name='role_official_timeline'),
        ),
    ]
