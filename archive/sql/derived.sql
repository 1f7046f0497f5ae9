-- An import batch rebuilds its articles' ArticlePlace and ArticleFacetKeys
-- rows once, not once per table it inserts into: a transaction that sets
-- archive.refresh_later to 'on' (SET LOCAL) makes the insert triggers skip,
-- and must call archive_refresh_derived(ids) for the articles it inserted
-- before it turns the setting off again (archive/importer/bulk.py).
CREATE OR REPLACE FUNCTION archive_refresh_derived(article_ids bigint[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM archive_refresh_places(article_ids);  -- the facet keys read these
    PERFORM archive_refresh_facet_keys(article_ids);
END $$;
