-- ArticleKey: each period, official and organisation of an article's facet
-- keys with the article's date (see the model's docstring), kept by
-- statement triggers on archive_articlefacetkeys beside those of
-- key_totals.sql. An insert adds its rows' keys; a delete takes its rows'
-- keys away; an update replaces the keys of the rows whose keys or date
-- changed (archive_refresh_facet_keys rewrites every row it is given, most
-- of them unchanged).

-- The (list, key) pairs of one facet-keys row (the model's List choices).
-- It takes the arrays, not the row: PostgreSQL 18 fails to plan the
-- inlined function over a whole row of a table ("variable not found in
-- subplan target list").
CREATE OR REPLACE FUNCTION archive_row_list_keys(periods bigint[], officials bigint[], organisations bigint[])
RETURNS TABLE (list smallint, key bigint)
LANGUAGE sql IMMUTABLE AS $$
    SELECT 1::smallint, k FROM unnest(periods) k
    UNION ALL SELECT 2::smallint, k FROM unnest(officials) k
    UNION ALL SELECT 3::smallint, k FROM unnest(organisations) k
$$;

CREATE OR REPLACE FUNCTION archive_article_keys_after_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO archive_articlekey (article_id, list, key, published_on)
        SELECT n.article_id, k.list, k.key, n.published_on 
        FROM new_rows n, archive_row_list_keys(n.periods, n.officials, n.organisations) k;
    ELSIF TG_OP = 'DELETE' THEN
        DELETE FROM archive_articlekey a USING old_rows o WHERE a.article_id = o.article_id;
    ELSE
        DELETE FROM archive_articlekey a USING new_rows n JOIN old_rows o ON o.article_id = n.article_id
        WHERE a.article_id = n.article_id
          AND (n.periods, n.officials, n.organisations, n.published_on)
              IS DISTINCT FROM (o.periods, o.officials, o.organisations, o.published_on);
        INSERT INTO archive_articlekey (article_id, list, key, published_on)
        SELECT n.article_id, k.list, k.key, n.published_on
        FROM new_rows n JOIN old_rows o ON o.article_id = n.article_id,
             archive_row_list_keys(n.periods, n.officials, n.organisations) k
        WHERE (n.periods, n.officials, n.organisations, n.published_on)
              IS DISTINCT FROM (o.periods, o.officials, o.organisations, o.published_on);
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER archive_facet_keys_lists_insert AFTER INSERT ON archive_articlefacetkeys
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION archive_article_keys_after_change();
CREATE OR REPLACE TRIGGER archive_facet_keys_lists_update AFTER UPDATE ON archive_articlefacetkeys
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION archive_article_keys_after_change();
CREATE OR REPLACE TRIGGER archive_facet_keys_lists_delete AFTER DELETE ON archive_articlefacetkeys
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION archive_article_keys_after_change();

-- Every row written again from the facet keys, in the caller's transaction.
CREATE OR REPLACE FUNCTION archive_rebuild_article_keys() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    LOCK TABLE archive_articlekey IN EXCLUSIVE MODE;
    DELETE FROM archive_articlekey;
    INSERT INTO archive_articlekey (article_id, list, key, published_on)
    SELECT r.article_id, k.list, k.key, r.published_on
    FROM archive_articlefacetkeys r, archive_row_list_keys(r.periods, r.officials, r.organisations) k;
END $$;
