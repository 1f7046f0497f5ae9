-- ArticlePlace: each province and district an article counts for, with the
-- article's date, kept by these triggers (see the model's docstring). The
-- rule is archive/scopes.py's: an article counts for its visible localities'
-- provinces (in their era), their successors (the post-2025 province that
-- took a pre-2025 unit over) and their districts (a commune's district).
--
-- Inserts and deletes of facts fire once per statement (a batch: one
-- rebuild); inside a transaction that set archive.refresh_later (a batch of
-- the parallel import, archive/importer/bulk.py) inserts leave it to
-- archive_refresh_derived (derived.sql). Updates fire per row, and only for
-- rows whose article, locality, visibility, date or parents changed.
CREATE OR REPLACE FUNCTION archive_refresh_places(article_ids bigint[]) RETURNS void
LANGUAGE sql AS $$
    DELETE FROM archive_articleplace WHERE article_id IN (SELECT unnest(article_ids));
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
    WHERE al.article_id IN (SELECT unnest(article_ids)) AND NOT al.hidden AND k.place_id IS NOT NULL;
$$;

CREATE OR REPLACE FUNCTION archive_places_after_facts_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF current_setting('archive.refresh_later', true) = 'on' THEN
            RETURN NULL;
        END IF;
        PERFORM archive_refresh_places(ARRAY(SELECT DISTINCT article_id FROM new_rows));
    ELSE
        PERFORM archive_refresh_places(ARRAY(SELECT DISTINCT article_id FROM old_rows));
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER archive_articlelocality_places_insert AFTER INSERT ON archive_articlelocality
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION archive_places_after_facts_change();
CREATE OR REPLACE TRIGGER archive_articlelocality_places_delete AFTER DELETE ON archive_articlelocality
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION archive_places_after_facts_change();

-- Updates fire per changed row (WHEN is checked without calling the
-- function): an UPDATE that changes nothing that matters costs nothing.
CREATE OR REPLACE FUNCTION archive_places_after_fact_update() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM archive_refresh_places(ARRAY[OLD.article_id, NEW.article_id]);
    RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER archive_articlelocality_places_update AFTER UPDATE ON archive_articlelocality
    FOR EACH ROW
    WHEN ((OLD.article_id, OLD.locality_id, OLD.hidden) IS DISTINCT FROM (NEW.article_id, NEW.locality_id, NEW.hidden))
    EXECUTE FUNCTION archive_places_after_fact_update();

CREATE OR REPLACE FUNCTION archive_places_after_date_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE archive_articleplace SET published_on = NEW.published_on WHERE article_id = NEW.id;
    RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER archive_article_places_date AFTER UPDATE OF published_on ON archive_article
    FOR EACH ROW
    WHEN (OLD.published_on IS DISTINCT FROM NEW.published_on)
    EXECUTE FUNCTION archive_places_after_date_change();

CREATE OR REPLACE FUNCTION archive_places_after_locality_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM archive_refresh_places(ARRAY(
        SELECT article_id FROM archive_articlelocality WHERE locality_id = NEW.id
    ));
    RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER archive_locality_places AFTER UPDATE ON archive_locality
    FOR EACH ROW
    WHEN ((OLD.level, OLD.parent_id, OLD.province_id, OLD.successor_id)
        IS DISTINCT FROM (NEW.level, NEW.parent_id, NEW.province_id, NEW.successor_id))
    EXECUTE FUNCTION archive_places_after_locality_change();
