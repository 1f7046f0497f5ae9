"""The officials who held a kind of title, read from the titles' beginnings."""

import django.contrib.postgres.indexes
import django.db.models.functions.text
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('archive', '0029_data_version'),
    ]

    operations = [
        migrations.AddIndex(
            model_name='role',
            index=models.Index(django.contrib.postgres.indexes.OpClass(django.db.models.functions.text.Upper('title'), name='text_pattern_ops'), models.F('official'), condition=models.Q(('hidden', False)), name='role_title_kind'),
        ),
    ]
