-- ArticleFacetKeys: what the search page's facets count, one row per
-- article (see the model's docstring and archive/search/facets.py), kept by
-- these triggers like ArticlePlace (places.sql) and for the same reason:
-- the importer, the admin, merges and restores all write the facts, and
-- triggers see every write.
--
-- archive_refresh_facet_keys(ids) rebuilds the rows of the given articles
-- (an article without facts gets a row too: its year, its date and empty
-- arrays; a deleted one, kept as a tombstone, no year and, its facts
-- hidden, empty arrays: it counts nowhere). Inserting articles, or inserting or deleting rows of
-- ArticlePlace, Role, ArticleOrganisation, ArticleAgreement or
-- ArticlePeriod rebuilds their articles' rows once per statement; an update
-- of such a row rebuilds its article's row when the article, the key, the
-- kind or the visibility changed; a change of an article's date, of an
-- organisation's kind or of a period's years rebuilds the rows concerned.
-- A facet's key column is computed here, in archive_refresh_facet_keys.

-- PL/pgSQL: its plan is prepared once per session, where an SQL function's
-- would be planned on every call (a gazetteer load updates 14,000
-- localities, each firing ArticlePlace's triggers and so these).
CREATE OR REPLACE FUNCTION archive_refresh_facet_keys(article_ids bigint[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF cardinality(article_ids) > 0 THEN
        INSERT INTO archive_articlefacetkeys (article_id, year, published_on, places, periods, kinds, org_kinds, officials,
                                              organisations, provinces)
        SELECT a.id,
            CASE WHEN NOT a.hidden THEN extract(year FROM a.published_on)::smallint END,
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
                  WHERE f.article_id = a.id AND NOT f.hidden ORDER BY 1),
            -- The provinces as written (archive.scopes.Provinces): each visible
            -- unit's own province, and for a post-2025 province that continues
            -- a single pre-2025 one, that one.
            ARRAY(SELECT DISTINCT coalesce(c.before, l.province_id) FROM archive_articlelocality f
                  JOIN archive_locality l ON l.id = f.locality_id
                  LEFT JOIN LATERAL (
                      SELECT min(q.id) AS before FROM archive_locality q
                      WHERE l.era = 'post2025' AND q.successor_id = l.province_id
                        AND q.level = 'province' AND q.era = 'pre2025'
                      HAVING count(*) = 1
                  ) c ON true
                  WHERE f.article_id = a.id AND NOT f.hidden AND l.province_id IS NOT NULL ORDER BY 1)
        FROM archive_article a
        WHERE a.id IN (SELECT unnest(article_ids))
        ON CONFLICT (article_id) DO UPDATE SET
            year = EXCLUDED.year, published_on = EXCLUDED.published_on, places = EXCLUDED.places,
            periods = EXCLUDED.periods, kinds = EXCLUDED.kinds, org_kinds = EXCLUDED.org_kinds,
            officials = EXCLUDED.officials, organisations = EXCLUDED.organisations, provinces = EXCLUDED.provinces;
    END IF;
END $$;

CREATE OR REPLACE FUNCTION archive_facet_keys_after_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('archive.refresh_later', true) = 'on' THEN
        RETURN NULL;
    END IF;
    PERFORM archive_refresh_facet_keys(ARRAY(SELECT DISTINCT article_id FROM new_rows));
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION archive_facet_keys_after_delete() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM archive_refresh_facet_keys(ARRAY(SELECT DISTINCT article_id FROM old_rows));
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION archive_facet_keys_after_update() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM archive_refresh_facet_keys(ARRAY[OLD.article_id, NEW.article_id]);
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION archive_facet_keys_after_article_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('archive.refresh_later', true) = 'on' THEN
        RETURN NULL;
    END IF;
    PERFORM archive_refresh_facet_keys(ARRAY(SELECT id FROM new_rows));
    RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER archive_article_facet_keys_insert AFTER INSERT ON archive_article
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION archive_facet_keys_after_article_insert();

CREATE OR REPLACE FUNCTION archive_facet_keys_after_date_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM archive_refresh_facet_keys(ARRAY[NEW.id]);
    RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER archive_article_facet_keys_date AFTER UPDATE OF published_on ON archive_article
    FOR EACH ROW WHEN (OLD.published_on IS DISTINCT FROM NEW.published_on)
    EXECUTE FUNCTION archive_facet_keys_after_date_change();

CREATE OR REPLACE FUNCTION archive_facet_keys_after_organisation_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM archive_refresh_facet_keys(ARRAY(
        SELECT article_id FROM archive_articleorganisation WHERE organisation_id = NEW.id
    ));
    RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER archive_organisation_facet_keys AFTER UPDATE OF kind ON archive_organisation
    FOR EACH ROW WHEN (OLD.kind IS DISTINCT FROM NEW.kind)
    EXECUTE FUNCTION archive_facet_keys_after_organisation_change();

CREATE OR REPLACE FUNCTION archive_facet_keys_after_period_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM archive_refresh_facet_keys(ARRAY(
        SELECT article_id FROM archive_articleperiod WHERE period_id = NEW.id
    ));
    RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER archive_period_facet_keys AFTER UPDATE OF start, "end" ON archive_period
    FOR EACH ROW WHEN ((OLD.start, OLD."end") IS DISTINCT FROM (NEW.start, NEW."end"))
    EXECUTE FUNCTION archive_facet_keys_after_period_change();

CREATE OR REPLACE TRIGGER archive_articleplace_facet_keys_insert AFTER INSERT ON archive_articleplace
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION archive_facet_keys_after_insert();
CREATE OR REPLACE TRIGGER archive_articleplace_facet_keys_delete AFTER DELETE ON archive_articleplace
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION archive_facet_keys_after_delete();
CREATE OR REPLACE TRIGGER archive_articleplace_facet_keys_update AFTER UPDATE ON archive_articleplace
    FOR EACH ROW WHEN ((OLD.article_id, OLD.place_id) IS DISTINCT FROM (NEW.article_id, NEW.place_id))
    EXECUTE FUNCTION archive_facet_keys_after_update();

CREATE OR REPLACE TRIGGER archive_articleperiod_facet_keys_insert AFTER INSERT ON archive_articleperiod
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION archive_facet_keys_after_insert();
CREATE OR REPLACE TRIGGER archive_articleperiod_facet_keys_delete AFTER DELETE ON archive_articleperiod
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION archive_facet_keys_after_delete();
CREATE OR REPLACE TRIGGER archive_articleperiod_facet_keys_update AFTER UPDATE ON archive_articleperiod
    FOR EACH ROW WHEN ((OLD.article_id, OLD.period_id, OLD.hidden) IS DISTINCT FROM (NEW.article_id, NEW.period_id, NEW.hidden))
    EXECUTE FUNCTION archive_facet_keys_after_update();

CREATE OR REPLACE TRIGGER archive_articleagreement_facet_keys_insert AFTER INSERT ON archive_articleagreement
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION archive_facet_keys_after_insert();
CREATE OR REPLACE TRIGGER archive_articleagreement_facet_keys_delete AFTER DELETE ON archive_articleagreement
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION archive_facet_keys_after_delete();
CREATE OR REPLACE TRIGGER archive_articleagreement_facet_keys_update AFTER UPDATE ON archive_articleagreement
    FOR EACH ROW WHEN ((OLD.article_id, OLD.kind, OLD.hidden) IS DISTINCT FROM (NEW.article_id, NEW.kind, NEW.hidden))
    EXECUTE FUNCTION archive_facet_keys_after_update();

CREATE OR REPLACE TRIGGER archive_articleorganisation_facet_keys_insert AFTER INSERT ON archive_articleorganisation
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION archive_facet_keys_after_insert();
CREATE OR REPLACE TRIGGER archive_articleorganisation_facet_keys_delete AFTER DELETE ON archive_articleorganisation
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION archive_facet_keys_after_delete();
CREATE OR REPLACE TRIGGER archive_articleorganisation_facet_keys_update AFTER UPDATE ON archive_articleorganisation
    FOR EACH ROW WHEN ((OLD.article_id, OLD.organisation_id, OLD.hidden) IS DISTINCT FROM (NEW.article_id, NEW.organisation_id, NEW.hidden))
    EXECUTE FUNCTION archive_facet_keys_after_update();

CREATE OR REPLACE TRIGGER archive_role_facet_keys_insert AFTER INSERT ON archive_role
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION archive_facet_keys_after_insert();
CREATE OR REPLACE TRIGGER archive_role_facet_keys_delete AFTER DELETE ON archive_role
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION archive_facet_keys_after_delete();
CREATE OR REPLACE TRIGGER archive_role_facet_keys_update AFTER UPDATE ON archive_role
    FOR EACH ROW WHEN ((OLD.article_id, OLD.official_id, OLD.hidden) IS DISTINCT FROM (NEW.article_id, NEW.official_id, NEW.hidden))
    EXECUTE FUNCTION archive_facet_keys_after_update();
