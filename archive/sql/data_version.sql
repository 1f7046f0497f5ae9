-- The data version (archive_dataversion, one row, id 1; the model
-- DataVersion): every statement that writes to a table the public pages
-- read moves it on, so the pages' caches keyed on it (archive/caching.py)
-- are never stale. It is read in the same snapshot as any other row: a
-- reader sees the new version exactly when it sees the new rows. Every
-- statement, not once per transaction: a page read inside the writing
-- transaction (a test, a view that writes then reads) must not be kept
-- under the version the transaction will commit with.
--
-- A statement trigger per table, not a row trigger: a batch of a thousand
-- rows costs one call. A statement that changes no row still moves the
-- version on (a cache miss, never a stale page). The row lock it takes is
-- held until the transaction ends: the import's single writer and a
-- curator's save wait for each other's commit, as for the key totals.

INSERT INTO archive_dataversion (id, version, changed_at) VALUES (1, 1, now())
ON CONFLICT (id) DO NOTHING;

CREATE OR REPLACE FUNCTION archive_bump_data_version() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    -- A statement run by another trigger (a locality's places refreshed
    -- for each of its rows) is part of the statement that fired it, which
    -- moves the version on itself: once, not once per row.
    IF pg_trigger_depth() > 1 THEN
        RETURN NULL;
    END IF;
    -- An upsert: a TRUNCATE of every table (a test's flush) leaves no row.
    INSERT INTO archive_dataversion (id, version, changed_at) VALUES (1, 1, clock_timestamp())
    ON CONFLICT (id) DO UPDATE
        SET version = archive_dataversion.version + 1, changed_at = EXCLUDED.changed_at;
    RETURN NULL;
END $$;

-- Watches every archive table but the history (what was, not what is
-- shown), the import runs (a run that changes nothing still records
-- itself) and the version itself. A migration that adds a table installs
-- this file again; tests/test_data_version.py fails until it does.
CREATE OR REPLACE FUNCTION archive_watch_data_version() RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    name text;
BEGIN
    FOR name IN
        SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
          AND c.relname LIKE 'archive\_%' AND c.relname NOT LIKE 'archive\_historical%'
          AND c.relname NOT IN ('archive_dataversion', 'archive_importrun')
    LOOP
        EXECUTE format(
            'CREATE OR REPLACE TRIGGER archive_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
            'FOR EACH STATEMENT EXECUTE FUNCTION archive_bump_data_version()', name);
    END LOOP;
END $$;

SELECT archive_watch_data_version();
