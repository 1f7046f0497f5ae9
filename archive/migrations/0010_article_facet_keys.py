"""ArticleFacetKeys: what the search page's facets count, one row per
article (see the model's docstring), kept by Postgres triggers like
ArticlePlace (migration 0009) and for the same reason: the importer, the
admin, merges and restores all write the facts, and triggers see every write.

- `archive_refresh_facet_keys(ids)` rebuilds the rows of the given articles
  (an article without facts gets a row too: its year and empty arrays);
- inserting articles, or inserting or deleting rows of ArticlePlace, Role,
  ArticleOrganisation, ArticleAgreement or ArticlePeriod rebuilds their
  articles' rows, once per statement (an import batch: one rebuild per table);
- an update of such a row rebuilds its article's row when the article, the
  key, the kind or the visibility changed; a change of an article's year,
  of an organisation's kind or of a period's years rebuilds the rows
  concerned;
- the article's row goes with it (the foreign key cascades in Postgres).

The backfill fills the table for the articles already stored.
"""

import django.contrib.postgres.fields
import django.db.models.deletion
from django.db import migrations, models

# The rows of the articles that `condition` picks (`a` is the article).
UPSERT_KEYS = """
INSERT INTO archive_articlefacetkeys (article_id, year, places, periods, kinds, org_kinds, officials)
SELECT a.id,
    extract(year FROM a.published_on)::smallint,
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
WHERE {condition}
ON CONFLICT (article_id) DO UPDATE SET
    year = EXCLUDED.year, places = EXCLUDED.places, periods = EXCLUDED.periods,
    kinds = EXCLUDED.kinds, org_kinds = EXCLUDED.org_kinds, officials = EXCLUDED.officials;
"""

# (table, the columns whose change matters to an update) of every table the
# rows are built from.
SOURCES = [
    ("archive_articleplace", "article_id, place_id"),
    ("archive_articleperiod", "article_id, period_id, hidden"),
    ("archive_articleagreement", "article_id, kind, hidden"),
    ("archive_articleorganisation", "article_id, organisation_id, hidden"),
    ("archive_role", "article_id, official_id, hidden"),
]


def _source_triggers(table: str, columns: str) -> str:
    old = ", ".join(f"OLD.{c.strip()}" for c in columns.split(","))
    new = ", ".join(f"NEW.{c.strip()}" for c in columns.split(","))
    return f"""
CREATE TRIGGER {table}_facet_keys_insert AFTER INSERT ON {table}
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION archive_facet_keys_after_insert();
CREATE TRIGGER {table}_facet_keys_delete AFTER DELETE ON {table}
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION archive_facet_keys_after_delete();
CREATE TRIGGER {table}_facet_keys_update AFTER UPDATE ON {table}
    FOR EACH ROW WHEN (({old}) IS DISTINCT FROM ({new}))
    EXECUTE FUNCTION archive_facet_keys_after_update();
"""


REFRESH = """
ALTER TABLE archive_articlefacetkeys ADD CONSTRAINT archive_articlefacetkeys_article_fk
    FOREIGN KEY (article_id) REFERENCES archive_article (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED;

-- PL/pgSQL: its plan is prepared once per session, where an SQL function's
-- would be planned on every call (a gazetteer load updates 14,000
-- localities, each firing ArticlePlace's triggers and so these).
CREATE FUNCTION archive_refresh_facet_keys(article_ids bigint[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF cardinality(article_ids) > 0 THEN
""" + UPSERT_KEYS.format(condition="a.id IN (SELECT unnest(article_ids))") + """
    END IF;
END $$;

CREATE FUNCTION archive_facet_keys_after_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM archive_refresh_facet_keys(ARRAY(SELECT DISTINCT article_id FROM new_rows));
    RETURN NULL;
END $$;

CREATE FUNCTION archive_facet_keys_after_delete() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM archive_refresh_facet_keys(ARRAY(SELECT DISTINCT article_id FROM old_rows));
    RETURN NULL;
END $$;

CREATE FUNCTION archive_facet_keys_after_update() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM archive_refresh_facet_keys(ARRAY[OLD.article_id, NEW.article_id]);
    RETURN NULL;
END $$;

CREATE FUNCTION archive_facet_keys_after_article_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM archive_refresh_facet_keys(ARRAY(SELECT id FROM new_rows));
    RETURN NULL;
END $$;

CREATE TRIGGER archive_article_facet_keys_insert AFTER INSERT ON archive_article
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION archive_facet_keys_after_article_insert();

CREATE FUNCTION archive_facet_keys_after_date_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM archive_refresh_facet_keys(ARRAY[NEW.id]);
    RETURN NULL;
END $$;

CREATE TRIGGER archive_article_facet_keys_date AFTER UPDATE OF published_on ON archive_article
    FOR EACH ROW
    WHEN (extract(year FROM OLD.published_on) IS DISTINCT FROM extract(year FROM NEW.published_on))
    EXECUTE FUNCTION archive_facet_keys_after_date_change();

CREATE FUNCTION archive_facet_keys_after_organisation_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM archive_refresh_facet_keys(ARRAY(
        SELECT article_id FROM archive_articleorganisation WHERE organisation_id = NEW.id
    ));
    RETURN NULL;
END $$;

CREATE TRIGGER archive_organisation_facet_keys AFTER UPDATE OF kind ON archive_organisation
    FOR EACH ROW WHEN (OLD.kind IS DISTINCT FROM NEW.kind)
    EXECUTE FUNCTION archive_facet_keys_after_organisation_change();

CREATE FUNCTION archive_facet_keys_after_period_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM archive_refresh_facet_keys(ARRAY(
        SELECT article_id FROM archive_articleperiod WHERE period_id = NEW.id
    ));
    RETURN NULL;
END $$;

CREATE TRIGGER archive_period_facet_keys AFTER UPDATE OF start, "end" ON archive_period
    FOR EACH ROW WHEN ((OLD.start, OLD."end") IS DISTINCT FROM (NEW.start, NEW."end"))
    EXECUTE FUNCTION archive_facet_keys_after_period_change();
""" + "".join(_source_triggers(table, columns) for table, columns in SOURCES)

BACKFILL = UPSERT_KEYS.format(condition="true") + "ANALYZE archive_articlefacetkeys;"

DROP = "".join(
    f"DROP TRIGGER IF EXISTS {table}_facet_keys_{event} ON {table};\n"
    for table, _columns in SOURCES for event in ("insert", "delete", "update")
) + """
DROP TRIGGER IF EXISTS archive_period_facet_keys ON archive_period;
DROP TRIGGER IF EXISTS archive_organisation_facet_keys ON archive_organisation;
DROP TRIGGER IF EXISTS archive_article_facet_keys_date ON archive_article;
DROP TRIGGER IF EXISTS archive_article_facet_keys_insert ON archive_article;
DROP FUNCTION IF EXISTS archive_facet_keys_after_period_change();
DROP FUNCTION IF EXISTS archive_facet_keys_after_organisation_change();
DROP FUNCTION IF EXISTS archive_facet_keys_after_date_change();
DROP FUNCTION IF EXISTS archive_facet_keys_after_article_insert();
DROP FUNCTION IF EXISTS archive_facet_keys_after_update();
DROP FUNCTION IF EXISTS archive_facet_keys_after_delete();
DROP FUNCTION IF EXISTS archive_facet_keys_after_insert();
DROP FUNCTION IF EXISTS archive_refresh_facet_keys(bigint[]);
ALTER TABLE archive_articlefacetkeys DROP CONSTRAINT IF EXISTS archive_articlefacetkeys_article_fk;
"""



class Migration(migrations.Migration):

    dependencies = [
        ('archive', '0009_article_places'),
    ]

    operations = [
        migrations.CreateModel(
            name='ArticleFacetKeys',
            fields=[
                ('article', models.OneToOneField(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, primary_key=True, related_name='facet_keys', serialize=False, to='archive.article')),
                ('year', models.SmallIntegerField(null=True)),
                ('places', django.contrib.postgres.fields.ArrayField(base_field=models.BigIntegerField(), default=list, size=None)),
                ('periods', django.contrib.postgres.fields.ArrayField(base_field=models.BigIntegerField(), default=list, size=None)),
                ('kinds', django.contrib.postgres.fields.ArrayField(base_field=models.CharField(max_length=8), default=list, size=None)),
                ('org_kinds', django.contrib.postgres.fields.ArrayField(base_field=models.CharField(max_length=40), default=list, size=None)),
                ('officials', django.contrib.postgres.fields.ArrayField(base_field=models.BigIntegerField(), default=list, size=None)),
            ],
        ),
        migrations.RunSQL(REFRESH, DROP),
        migrations.RunSQL(BACKFILL, migrations.RunSQL.noop),
    ]
