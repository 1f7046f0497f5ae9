"""The functions and triggers as archive/sql/ holds them: their current
bodies now live there, one file each, instead of across migrations
0004-0013. Nothing changes in what they do."""

from django.db import migrations

from archive import sql


class Migration(migrations.Migration):

    dependencies = [
        ('archive', '0014_role_place_official'),
    ]

    operations = [
        sql.install(*sql.FILES),
    ]
