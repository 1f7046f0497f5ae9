"""ArticleFacetKeys carries the article's date and its organisations, and
its periods, officials and organisations are indexed (GIN): a list by
period, official or organisation reads these rows and orders them by that
date (archive.filters.with_facet_keys).

- `archive_refresh_facet_keys(ids)` (migration 0010) also writes
  `published_on` and `organisations`; ArticleOrganisation's triggers (0010)
  already rebuild the rows when an article's organisations change, merges
  included;
- the article's date trigger fires on any change of the date, not only of
  its year;
- one backfill fills both columns for the rows already stored (each row is
  rewritten once: run `VACUUM FULL archive_articlefacetkeys` after it on a
  large archive).
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


FORWARD = refresh_function(UPSERT_KEYS) + """
DROP TRIGGER archive_article_facet_keys_date ON archive_article;
CREATE TRIGGER archive_article_facet_keys_date AFTER UPDATE OF published_on ON archive_article
    FOR EACH ROW WHEN (OLD.published_on IS DISTINCT FROM NEW.published_on)
    EXECUTE FUNCTION archive_facet_keys_after_date_change();
"""

# The function and trigger as migration 0010 wrote them.
BACKWARD = refresh_function(
    UPSERT_KEYS.replace(" published_on,", "").replace(",\n                                      organisations)", ")")
    .replace("    a.published_on,\n", "")
    .replace(""",
    ARRAY(SELECT DISTINCT f.organisation_id FROM archive_articleorganisation f
          WHERE f.article_id = a.id AND NOT f.hidden ORDER BY 1)""", "")
    .replace(" published_on = EXCLUDED.published_on,", "")
    .replace(", organisations = EXCLUDED.organisations;", ";")
) + """
DROP TRIGGER archive_article_facet_keys_date ON archive_article;
CREATE TRIGGER archive_article_facet_keys_date AFTER UPDATE OF published_on ON archive_article
    FOR EACH ROW
    WHEN (extract(year FROM OLD.published_on) IS DISTINCT FROM extract(year FROM NEW.published_on))
    EXECUTE FUNCTION archive_facet_keys_after_date_change();
"""

BACKFILL = """
UPDATE archive_articlefacetkeys k
SET published_on = a.published_on,
    organisations = ARRAY(SELECT DISTINCT f.organisation_id FROM archive_articleorganisation f
                          WHERE f.article_id = k.article_id AND NOT f.hidden ORDER BY 1)
FROM archive_article a WHERE a.id = k.article_id;
ANALYZE archive_articlefacetkeys;
"""


class Migration(migrations.Migration):

    dependencies = [
        ('archive', '0012_match_vector_in_row'),
    ]

    operations = [
        migrations.AddField(
            model_name='articlefacetkeys',
            name='published_on',
            field=models.DateField(null=True),
        ),
        migrations.AddField(
            model_name='articlefacetkeys',
            name='organisations',
            field=django.contrib.postgres.fields.ArrayField(base_field=models.BigIntegerField(), default=list, size=None),
        ),
        migrations.RunSQL(FORWARD, BACKWARD),
        migrations.RunSQL(BACKFILL, migrations.RunSQL.noop),
        migrations.AddIndex(
            model_name='articlefacetkeys',
            index=django.contrib.postgres.indexes.GinIndex(fields=['periods'], name='facet_keys_periods'),
        ),
        migrations.AddIndex(
            model_name='articlefacetkeys',
            index=django.contrib.postgres.indexes.GinIndex(fields=['officials'], name='facet_keys_officials'),
        ),
        migrations.AddIndex(
            model_name='articlefacetkeys',
            index=django.contrib.postgres.indexes.GinIndex(fields=['organisations'], name='facet_keys_organisations'),
        ),
    ]
