from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.db import migrations


class Migration(migrations.Migration):
    """unaccent folds diacritics for accent-free search; pg_trgm finds near names."""

    operations = [UnaccentExtension(), TrigramExtension()]
