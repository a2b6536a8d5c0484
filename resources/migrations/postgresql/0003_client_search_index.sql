-- Knotwork practice schema, version 3 (PostgreSQL): client search answers from indexes.
--
-- The client list reads every client in name order, a page at a time, and its search keeps the
-- clients whose search_key contains each word typed (search_key LIKE '%word%').
--
-- The list order is lower(family_name), lower(given_name), id (SQLite's NOCASE has no
-- equivalent); this index is in exactly that order, so a page of the list is read from it in
-- order and stops at the page's end. Unlike SQLite's, it holds no copies of the other columns
-- the list shows: PostgreSQL limits an index entry to about 2,700 bytes, and names of 200
-- characters in a four-byte script together with the search key would pass that and make the
-- client impossible to save.
CREATE INDEX clients_list ON clients (lower(family_name), lower(given_name), id);
-- Its first columns are the old name index's; one index to keep up to date is enough.
DROP INDEX clients_by_name;

-- A word anywhere in the search key ('%word%') is what a B-tree cannot find; a trigram index
-- (the pg_trgm extension) can, for words of three characters or more. pg_trgm is a trusted
-- extension: creating it needs the CREATE privilege on the database, not a superuser. Like
-- unaccent in version 1 it lives in the schema knotwork_extensions, shared by every practice in
-- the database, unless an administrator has already installed it elsewhere.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_extension WHERE extname = 'pg_trgm') THEN
        IF NOT EXISTS (SELECT FROM pg_available_extensions WHERE name = 'pg_trgm') THEN
            RAISE EXCEPTION 'Knotwork needs the PostgreSQL extension pg_trgm, which this server does not have'
                USING HINT = 'Install the server''s contrib modules (the postgresql-contrib package on most systems).';
        END IF;
        BEGIN
            CREATE SCHEMA IF NOT EXISTS knotwork_extensions;
            CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA knotwork_extensions;
        EXCEPTION WHEN duplicate_object OR duplicate_schema OR unique_violation THEN
            NULL; -- another practice in this database installed it at the same moment
        END;
    END IF;
    EXECUTE format('CREATE INDEX clients_search ON clients USING gin (search_key %I.gin_trgm_ops)',
                   (SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
                    WHERE e.extname = 'pg_trgm'));
END
$$;
