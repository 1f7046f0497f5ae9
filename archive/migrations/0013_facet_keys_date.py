"""ArticleFacetKeys carries the article's date, and its periods and
officials are indexed (GIN): a list by period or official reads these rows
and orders them by that date (archive.filters.with_facet_keys).

- `archive_refresh_facet_keys(ids)` (migration 0010) also writes
  `published_on`;
- the article's date trigger fires on any change of the date, not only of
  its year;
- the backfill dates the rows already stored.
"""

import django.contrib.postgres.indexes
from django.db import migrations, models

UPSERT_KEYS = """
INSERT INTO archive_articlefacetkeys (article_id, year, published_on, places, periods, kinds, org_kinds, officials)
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
          WHERE f.article_id = a.id AND NOT f.hidden ORDER BY 1)
FROM archive_article a
WHERE a.id IN (SELECT unnest(article_ids))
ON CONFLICT (article_id) DO UPDATE SET
    year = EXCLUDED.year, published_on = EXCLUDED.published_on, places = EXCLUDED.places,
    periods = EXCLUDED.periods, kinds = EXCLUDED.kinds, org_kinds = EXCLUDED.org_kinds,
    officials = EXCLUDED.officials;
"""

FORWARD = """
CREATE OR REPLACE FUNCTION archive_refresh_facet_keys(article_ids bigint[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF cardinality(article_ids) > 0 THEN
""" + UPSERT_KEYS + """
    END IF;
END $$;

DROP TRIGGER archive_article_facet_keys_date ON archive_article;
CREATE TRIGGER archive_article_facet_keys_date AFTER UPDATE OF published_on ON archive_article
    FOR EACH ROW WHEN (OLD.published_on IS DISTINCT FROM NEW.published_on)
    EXECUTE FUNCTION archive_facet_keys_after_date_change();
"""

# The function and trigger as migration 0010 wrote them.
BACKWARD = """
CREATE OR REPLACE FUNCTION archive_refresh_facet_keys(article_ids bigint[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF cardinality(article_ids) > 0 THEN
""" + UPSERT_KEYS.replace("year, published_on,", "year,").replace("    a.published_on,\n", "").replace(
    "year = EXCLUDED.year, published_on = EXCLUDED.published_on,", "year = EXCLUDED.year,"
) + """
    END IF;
END $$;

DROP TRIGGER archive_article_facet_keys_date ON archive_article;
CREATE TRIGGER archive_article_facet_keys_date AFTER UPDATE OF published_on ON archive_article
    FOR EACH ROW
    WHEN (extract(year FROM OLD.published_on) IS DISTINCT FROM extract(year FROM NEW.published_on))
    EXECUTE FUNCTION archive_facet_keys_after_date_change();
"""

BACKFILL = """
UPDATE archive_articlefacetkeys k SET published_on = a.published_on
FROM archive_article a WHERE a.id = k.article_id AND a.published_on IS NOT NULL;
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
    ]
