"""ArticleFacetKeys lists the article's organisations too (visible facts),
with a GIN index: an organisation's page lists its articles through them,
newest first by the row's date, like a period's (migration 0013).

The insert, delete and update triggers of ArticleOrganisation (migration
0010) already rebuild the rows when an article's organisations change,
merges included; `archive_refresh_facet_keys` now also writes them.
"""

import django.contrib.postgres.fields
import django.contrib.postgres.indexes
from django.db import migrations, models

UPSERT_KEYS = """
INSERT INTO archive_articlefacetkeys (article_id, year, published_on, places, periods, kinds, org_kinds, officials,
                                      organisations)
SELECT a.id,
    extract(year FROM a.published_on)::smallint,
    a.published_on,
    ARRAY(SELECT p.place_id FROM archive_articleplace p WHERE p.article_id = a.id ORDER BY 1),
    ARRAY(SELECT DISTINCT p.start * 10000 + p."end" FROM archive_articleperiod f
          JOIN archive_period p ON p.id = f.period_id
          WHERE f.article_id = a.id AND NOT f.hidden ORDER BY 1),
    ARRAY(SELECT DISTINCT f.kind FROM archive_articleagreement f
          WHERE f.article_id = a.id AND NOT f.hidden ORDER BY 1),
    ARRAY(SELECT DISTINCT o.kind FROM archive_articleorganisation f
          JOIN archive_organisation o ON o.id = f.organisation_id
          WHERE f.article_id = a.id AND NOT f.hidden ORDER BY 1),
    ARRAY(SELECT DISTINCT f.official_id FROM archive_role f
          WHERE f.article_id = a.id AND NOT f.hidden ORDER BY 1),
    ARRAY(SELECT DISTINCT f.organisation_id FROM archive_articleorganisation f
          WHERE f.article_id = a.id AND NOT f.hidden ORDER BY 1)
FROM archive_article a
WHERE a.id IN (SELECT unnest(article_ids))
ON CONFLICT (article_id) DO UPDATE SET
    year = EXCLUDED.year, published_on = EXCLUDED.published_on, places = EXCLUDED.places,
    periods = EXCLUDED.periods, kinds = EXCLUDED.kinds, org_kinds = EXCLUDED.org_kinds,
    officials = EXCLUDED.officials, organisations = EXCLUDED.organisations;
"""


def refresh_function(upsert: str) -> str:
    return """
CREATE OR REPLACE FUNCTION archive_refresh_facet_keys(article_ids bigint[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF cardinality(article_ids) > 0 THEN
""" + upsert + """
    END IF;
END $$;
"""


# As migration 0013 wrote it: without the organisations.
BACKWARD = refresh_function(
    UPSERT_KEYS.replace(",\n                                      organisations)", ")")
    .replace(""",
    ARRAY(SELECT DISTINCT f.organisation_id FROM archive_articleorganisation f
          WHERE f.article_id = a.id AND NOT f.hidden ORDER BY 1)""", "")
    .replace(", organisations = EXCLUDED.organisations;", ";")
)

BACKFILL = """
UPDATE archive_articlefacetkeys k SET organisations = o.ids
FROM (SELECT article_id, array_agg(DISTINCT organisation_id ORDER BY organisation_id) AS ids
      FROM archive_articleorganisation WHERE NOT hidden GROUP BY article_id) o
WHERE o.article_id = k.article_id;
ANALYZE archive_articlefacetkeys;
"""


class Migration(migrations.Migration):

    dependencies = [
        ('archive', '0013_facet_keys_date'),
    ]

    operations = [
        migrations.AddField(
            model_name='articlefacetkeys',
            name='organisations',
            field=django.contrib.postgres.fields.ArrayField(base_field=models.BigIntegerField(), default=list, size=None),
        ),
        migrations.RunSQL(refresh_function(UPSERT_KEYS), BACKWARD),
        migrations.RunSQL(BACKFILL, migrations.RunSQL.noop),
        migrations.AddIndex(
            model_name='articlefacetkeys',
            index=django.contrib.postgres.indexes.GinIndex(fields=['organisations'], name='facet_keys_organisations'),
        ),
    ]
