"""ArticlePlace: each province and district an article counts for, with the
article's date, kept by Postgres triggers (see the model's docstring).

Why triggers: the rows follow from ArticleLocality, Locality and the
article's date, which the importer, the admin, merges and restores all write,
one row at a time or in bulk. Triggers see every such write and leave no code
path that can forget them. Inserts and deletes of facts fire once per
statement (a batch of the importer: one rebuild); updates fire per row, and
only for rows whose article, locality, visibility, date or parents changed.

- `archive_refresh_places(ids)` rebuilds the rows of the given articles;
- a change to ArticleLocality (insert, update, delete) rebuilds its articles;
- a change of an article's date is copied to its rows;
- a change of a locality's level, parent, province or successor rebuilds the
  articles placed there (a gazetteer reload that changes nothing costs nothing).

The backfill fills the table for the articles already stored.
"""

import django.db.models.deletion
from django.db import migrations, models

# The rows of the articles that `condition` picks: an article counts for its
# visible localities' provinces (in their era), their successors and their
# districts (a commune's district).
INSERT_PLACES = """
INSERT INTO archive_articleplace (article_id, place_id, published_on)
SELECT DISTINCT al.article_id, k.place_id, a.published_on
FROM archive_articlelocality al
JOIN archive_locality l ON l.id = al.locality_id
JOIN archive_article a ON a.id = al.article_id
CROSS JOIN LATERAL (VALUES
    (l.province_id),
    (l.successor_id),
    (CASE l.level WHEN 'district' THEN l.id WHEN 'commune' THEN l.parent_id END)
) AS k(place_id)
WHERE {condition} AND NOT al.hidden AND k.place_id IS NOT NULL;
"""

REFRESH = """
CREATE FUNCTION archive_refresh_places(article_ids bigint[]) RETURNS void
LANGUAGE sql AS $$
    DELETE FROM archive_articleplace WHERE article_id IN (SELECT unnest(article_ids));
""" + INSERT_PLACES.format(condition="al.article_id IN (SELECT unnest(article_ids))") + """
$$;

CREATE FUNCTION archive_places_after_facts_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM archive_refresh_places(ARRAY(SELECT DISTINCT article_id FROM new_rows));
    ELSE
        PERFORM archive_refresh_places(ARRAY(SELECT DISTINCT article_id FROM old_rows));
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER archive_articlelocality_places_insert AFTER INSERT ON archive_articlelocality
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION archive_places_after_facts_change();
CREATE TRIGGER archive_articlelocality_places_delete AFTER DELETE ON archive_articlelocality
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION archive_places_after_facts_change();

-- Updates fire per changed row (WHEN is checked without calling the
-- function): an UPDATE that changes nothing that matters costs nothing.
CREATE FUNCTION archive_places_after_fact_update() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM archive_refresh_places(ARRAY[OLD.article_id, NEW.article_id]);
    RETURN NULL;
END $$;

CREATE TRIGGER archive_articlelocality_places_update AFTER UPDATE ON archive_articlelocality
    FOR EACH ROW
    WHEN ((OLD.article_id, OLD.locality_id, OLD.hidden) IS DISTINCT FROM (NEW.article_id, NEW.locality_id, NEW.hidden))
    EXECUTE FUNCTION archive_places_after_fact_update();

CREATE FUNCTION archive_places_after_date_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE archive_articleplace SET published_on = NEW.published_on WHERE article_id = NEW.id;
    RETURN NULL;
END $$;

CREATE TRIGGER archive_article_places_date AFTER UPDATE OF published_on ON archive_article
    FOR EACH ROW
    WHEN (OLD.published_on IS DISTINCT FROM NEW.published_on)
    EXECUTE FUNCTION archive_places_after_date_change();

CREATE FUNCTION archive_places_after_locality_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM archive_refresh_places(ARRAY(
        SELECT article_id FROM archive_articlelocality WHERE locality_id = NEW.id
    ));
    RETURN NULL;
END $$;

CREATE TRIGGER archive_locality_places AFTER UPDATE ON archive_locality
    FOR EACH ROW
    WHEN ((OLD.level, OLD.parent_id, OLD.province_id, OLD.successor_id)
        IS DISTINCT FROM (NEW.level, NEW.parent_id, NEW.province_id, NEW.successor_id))
    EXECUTE FUNCTION archive_places_after_locality_change();
"""

BACKFILL = INSERT_PLACES.format(condition="true") + "ANALYZE archive_articleplace;"

DROP = """
DROP TRIGGER IF EXISTS archive_locality_places ON archive_locality;
DROP TRIGGER IF EXISTS archive_article_places_date ON archive_article;
DROP TRIGGER IF EXISTS archive_articlelocality_places_insert ON archive_articlelocality;
DROP TRIGGER IF EXISTS archive_articlelocality_places_update ON archive_articlelocality;
DROP TRIGGER IF EXISTS archive_articlelocality_places_delete ON archive_articlelocality;
DROP FUNCTION IF EXISTS archive_places_after_locality_change();
DROP FUNCTION IF EXISTS archive_places_after_date_change();
DROP FUNCTION IF EXISTS archive_places_after_fact_update();
DROP FUNCTION IF EXISTS archive_places_after_facts_change();
DROP FUNCTION IF EXISTS archive_refresh_places(bigint[]);
"""


class Migration(migrations.Migration):

    dependencies = [
        ('archive', '0008_facet_counts'),
    ]

    operations = [
        migrations.CreateModel(
            name='ArticlePlace',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('published_on', models.DateField(null=True)),
                ('article', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='place_rows', to='archive.article')),
                ('place', models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='archive.locality')),
            ],
            options={
                'indexes': [models.Index(fields=['place', '-published_on', '-article'], name='article_place_newest')],
                'constraints': [models.UniqueConstraint(fields=('place', 'article'), name='article_place_unique')],
            },
        ),
        migrations.RunSQL(REFRESH, DROP),
        migrations.RunSQL(BACKFILL, migrations.RunSQL.noop),
    ]
