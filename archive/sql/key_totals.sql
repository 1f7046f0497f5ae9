-- KeyTotal: how many articles hold each key of the facet keys' arrays (see
-- the model's docstring), kept by statement triggers on
-- archive_articlefacetkeys: each insert, update or delete adds the keys of
-- its new rows and takes away those of its old rows, one upsert per
-- statement (an import batch rebuilds its articles' facet keys in one
-- statement, archive/sql/facet_keys.sql). archive_rebuild_key_totals()
-- counts every key again (`manage.py refresh_facets`).

-- The (counted, key) pairs one facet-keys row holds: its year, its arrays'
-- elements, and for kinds the combination as written.
CREATE OR REPLACE FUNCTION archive_row_keys(r archive_articlefacetkeys)
RETURNS TABLE (counted text, key text)
LANGUAGE sql IMMUTABLE AS $$
    SELECT 'year', r.year::text WHERE r.year IS NOT NULL
    UNION ALL SELECT 'places', k::text FROM unnest(r.places) k
    UNION ALL SELECT 'periods', k::text FROM unnest(r.periods) k
    UNION ALL SELECT 'kinds', r.kinds::text WHERE cardinality(r.kinds) > 0
    UNION ALL SELECT 'org_kinds', k FROM unnest(r.org_kinds) k
    UNION ALL SELECT 'officials', k::text FROM unnest(r.officials) k
    UNION ALL SELECT 'organisations', k::text FROM unnest(r.organisations) k
    -- Read through jsonb: migration 0023 installs this file before migration
    -- 0025 adds the column, and an SQL function's body is checked when created.
    UNION ALL SELECT 'provinces', k FROM jsonb_array_elements_text(to_jsonb(r) -> 'provinces') k
$$;

-- Each statement adds the keys of its new rows and takes away those of its
-- old rows (a transition table exists only for its own event, hence the
-- branches). Totals are upserted in key order, so two transactions that
-- change the same totals take their locks in the same order (no deadlock).
-- A total that falls to zero stays, at zero.
CREATE OR REPLACE FUNCTION archive_key_totals_after_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO archive_keytotal (counted, key, articles)
        SELECT k.counted, k.key, count(*) FROM new_rows n, archive_row_keys(n) k
        GROUP BY 1, 2 ORDER BY 1, 2
        ON CONFLICT (counted, key) DO UPDATE SET articles = archive_keytotal.articles + EXCLUDED.articles;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO archive_keytotal (counted, key, articles)
        SELECT k.counted, k.key, -count(*) FROM old_rows o, archive_row_keys(o) k
        GROUP BY 1, 2 ORDER BY 1, 2
        ON CONFLICT (counted, key) DO UPDATE SET articles = archive_keytotal.articles + EXCLUDED.articles;
    ELSE
        INSERT INTO archive_keytotal (counted, key, articles)
        SELECT d.counted, d.key, sum(d.delta) FROM (
            SELECT k.counted, k.key, 1 AS delta FROM new_rows n, archive_row_keys(n) k
            UNION ALL
            SELECT k.counted, k.key, -1 FROM old_rows o, archive_row_keys(o) k
        ) d
        GROUP BY 1, 2 HAVING sum(d.delta) <> 0 ORDER BY 1, 2
        ON CONFLICT (counted, key) DO UPDATE SET articles = archive_keytotal.articles + EXCLUDED.articles;
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER archive_facet_keys_totals_insert AFTER INSERT ON archive_articlefacetkeys
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION archive_key_totals_after_change();
CREATE OR REPLACE TRIGGER archive_facet_keys_totals_update AFTER UPDATE ON archive_articlefacetkeys
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION archive_key_totals_after_change();
CREATE OR REPLACE TRIGGER archive_facet_keys_totals_delete AFTER DELETE ON archive_articlefacetkeys
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION archive_key_totals_after_change();

-- Every total counted again from the facet keys (seconds at a million
-- articles), in the caller's transaction; other writers of the totals wait.
CREATE OR REPLACE FUNCTION archive_rebuild_key_totals() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    LOCK TABLE archive_keytotal IN EXCLUSIVE MODE;
    DELETE FROM archive_keytotal;
    INSERT INTO archive_keytotal (counted, key, articles)
    SELECT k.counted, k.key, count(*) FROM archive_articlefacetkeys r, archive_row_keys(r) k
    GROUP BY 1, 2;
END $$;

-- A deleted article (a tombstone) has no year in its facet keys
-- (facet_keys.sql): its row is rebuilt when it is deleted or restored. Here
-- rather than in facet_keys.sql, which migration 0015 installed before the
-- column came (0019).
CREATE OR REPLACE TRIGGER archive_article_facet_keys_hidden AFTER UPDATE OF hidden ON archive_article
    FOR EACH ROW WHEN (OLD.hidden IS DISTINCT FROM NEW.hidden)
    EXECUTE FUNCTION archive_facet_keys_after_date_change();
