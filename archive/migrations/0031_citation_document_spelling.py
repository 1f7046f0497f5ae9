"""A document's page counts its citations and lists their spellings from one index."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('archive', '0030_role_title_kind'),
    ]

    operations = [
        migrations.AlterField(
            model_name='citation',
            name='document',
            field=models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.PROTECT, related_name='citations', to='archive.document', verbose_name='văn bản'),
        ),
        migrations.AddIndex(
            model_name='citation',
            index=models.Index(fields=['document', 'hidden', 'as_written'], name='citation_document_spelling'),
        ),
    ]
