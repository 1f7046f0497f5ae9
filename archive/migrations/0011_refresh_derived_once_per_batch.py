"""An import batch rebuilds its articles' ArticlePlace and ArticleFacetKeys
rows once, not once per table it inserts into.

The insert triggers of migrations 0009 and 0010 rebuild an article's derived
rows after every statement that inserts its facts: a batch of the parallel
import inserts into six tables, so its facet keys were rebuilt six times
(~0.45 ms of the database's ~4 ms per imported article).

A transaction that sets `archive.refresh_later` to 'on' (SET LOCAL) takes
that over: while it is on, the insert triggers do nothing, and the
transaction must call `archive_refresh_derived(ids)` for the articles it
inserted before it turns the setting off again (archive.importer.
Importer.create_many does). Updates and deletes refresh at once as before.
"""

from django.db import migrations

SKIP_WHILE_REFRESHING_LATER = """
    IF current_setting('archive.refresh_later', true) = 'on' THEN
        RETURN NULL;
    END IF;"""

TRIGGER_FUNCTIONS = """
CREATE OR REPLACE FUNCTION archive_places_after_facts_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN{skip}
        PERFORM archive_refresh_places(ARRAY(SELECT DISTINCT article_id FROM new_rows));
    ELSE
        PERFORM archive_refresh_places(ARRAY(SELECT DISTINCT article_id FROM old_rows));
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION archive_facet_keys_after_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN{skip}
    PERFORM archive_refresh_facet_keys(ARRAY(SELECT DISTINCT article_id FROM new_rows));
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION archive_facet_keys_after_article_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN{skip}
    PERFORM archive_refresh_facet_keys(ARRAY(SELECT id FROM new_rows));
    RETURN NULL;
END $$;
"""

FORWARD = """
CREATE FUNCTION archive_refresh_derived(article_ids bigint[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM archive_refresh_places(article_ids);  -- the facet keys read these
    PERFORM archive_refresh_facet_keys(article_ids);
END $$;
""" + TRIGGER_FUNCTIONS.format(skip=SKIP_WHILE_REFRESHING_LATER)

# The trigger functions as migrations 0009 and 0010 wrote them.
BACKWARD = TRIGGER_FUNCTIONS.format(skip="") + "DROP FUNCTION archive_refresh_derived(bigint[]);"


class Migration(migrations.Migration):

    dependencies = [
        ('archive', '0010_article_facet_keys'),
    ]

    operations = [
        migrations.RunSQL(FORWARD, BACKWARD),
    ]
