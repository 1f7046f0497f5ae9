"""Search: the SQL pieces archive/search.py relies on, then the two stored vectors.

- archive_canonical(text): lower case, NFC, look-alike Ð fixed and the tone mark
  of open "oa", "oe", "uy" syllables moved to the old-style place (hoà → hòa,
  uỷ → ủy), as archive.text.normalize does in Python. IMMUTABLE (built only from
  immutable built-ins), so a generated column may call it.
- archive_folded: the 'simple' text-search configuration with the unaccent
  dictionary in front, for folded vectors, queries and headlines alike.
- a trigram index on Official.ascii_name for the "did you mean" suggestions.
"""

import unicodedata

import archive.search.vectors
import django.contrib.postgres.indexes
import django.contrib.postgres.search
import django.db.models.functions.text
from django.db import migrations, models

# (new-style, old-style) spellings: the tone moves from the second vowel to the first.
_TONES = "\u0300\u0301\u0309\u0303\u0323"  # huyền, sắc, hỏi, ngã, nặng
_PAIRS = [
    (unicodedata.normalize("NFC", first + second + tone), unicodedata.normalize("NFC", first + tone + second))
    for first, second in (("o", "a"), ("o", "e"), ("u", "y"))
    for tone in _TONES
]


def _canonical_sql() -> str:
    expression = "translate(lower(normalize($1, NFC)), 'ðɖ', 'đđ')"
    for new, old in _PAIRS:
        # Only an open syllable ("hoà", not "hoàn"), and not "quý".
        expression = f"regexp_replace({expression}, '(?<!q){new}(?![a-z])', '{old}', 'g')"
    return expression


CANONICAL = f"""
CREATE FUNCTION archive_canonical(text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT {_canonical_sql()} $$;
"""

FOLDED_CONFIG = """
CREATE TEXT SEARCH CONFIGURATION archive_folded (COPY = pg_catalog.simple);
ALTER TEXT SEARCH CONFIGURATION archive_folded
    ALTER MAPPING FOR word, hword, hword_part, asciiword, asciihword, hword_asciipart
    WITH unaccent, simple;
"""


class Migration(migrations.Migration):

    dependencies = [
        ('archive', '0003_history_and_merges'),
    ]

    operations = [
        migrations.RunSQL(CANONICAL, "DROP FUNCTION archive_canonical(text)"),
        migrations.RunSQL(FOLDED_CONFIG, "DROP TEXT SEARCH CONFIGURATION archive_folded"),
        # archive.search.suggest_officials: ascii_name % query, nearest first.
        migrations.RunSQL(
            "CREATE INDEX official_ascii_name_trgm ON archive_official USING gin (ascii_name gin_trgm_ops)",
            "DROP INDEX official_ascii_name_trgm",
        ),
        migrations.AddField(
            model_name='article',
            name='search_rank',
            field=models.GeneratedField(db_persist=True, expression=django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.SearchVector(archive.search.vectors.Canonical('title'), config='simple', weight='A'), '||', django.contrib.postgres.search.SearchVector(archive.search.vectors.Canonical(django.db.models.functions.text.Left('body', 1500)), config='simple', weight='B'), django.contrib.postgres.search.SearchConfig('simple')), '||', django.contrib.postgres.search.SearchVector('title', config='archive_folded', weight='A'), django.contrib.postgres.search.SearchConfig('simple')), '||', django.contrib.postgres.search.SearchVector(django.db.models.functions.text.Left('body', 1500), config='archive_folded', weight='B'), django.contrib.postgres.search.SearchConfig('simple')), output_field=django.contrib.postgres.search.SearchVectorField()),
        ),
        migrations.AddField(
            model_name='article',
            name='search_vector',
            field=models.GeneratedField(db_persist=True, expression=django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.SearchVector('title', config='archive_folded', weight='A'), '||', django.contrib.postgres.search.SearchVector(django.db.models.functions.text.Left('body', 100000), config='archive_folded', weight='C'), django.contrib.postgres.search.SearchConfig('archive_folded')), output_field=django.contrib.postgres.search.SearchVectorField()),
        ),
        migrations.AddIndex(
            model_name='article',
            index=django.contrib.postgres.indexes.GinIndex(fields=['search_vector'], name='article_search_vector'),
        ),
    ]
