-- What SQLite's hand-written migrations do, in PL/pgSQL (db/README.md, "Engine-specific parts").

-- An import's raw text is never changed (SQLite: imports_raw_is_immutable).
CREATE FUNCTION folio_refuse_raw_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the raw text of an import is never changed';
END $$;
--> statement-breakpoint
CREATE TRIGGER imports_raw_is_immutable BEFORE UPDATE OF raw_bytes, raw_sha256 ON imports
  FOR EACH ROW WHEN (old.raw_bytes IS DISTINCT FROM new.raw_bytes OR old.raw_sha256 IS DISTINCT FROM new.raw_sha256)
  EXECUTE FUNCTION folio_refuse_raw_change();
--> statement-breakpoint

-- The public-change token (SQLite: migrations 0006 and 0008). A random token rather than a
-- counter: a database restored from a backup cannot bring back a value pages were cached under.
-- Every process's page cache reads it on each request, so a write by any process is seen by all.
INSERT INTO public_generation (id, token) VALUES (1, md5(random()::text || clock_timestamp()::text));
--> statement-breakpoint
CREATE FUNCTION folio_public_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE public_generation SET token = md5(random()::text || clock_timestamp()::text) WHERE id = 1;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Drafts change all day (autosave) and no public page shows them: only writes that touch a
-- published row count, and any change of a jump link (a chain is followed through draft parts).
CREATE TRIGGER articles_public_insert AFTER INSERT ON articles
  FOR EACH ROW WHEN (new.state = 'published') EXECUTE FUNCTION folio_public_changed();
--> statement-breakpoint
CREATE TRIGGER articles_public_update AFTER UPDATE ON articles
  FOR EACH ROW WHEN (old.state = 'published' OR new.state = 'published' OR old.continues_id IS DISTINCT FROM new.continues_id)
  EXECUTE FUNCTION folio_public_changed();
--> statement-breakpoint
CREATE TRIGGER articles_public_delete AFTER DELETE ON articles
  FOR EACH ROW WHEN (old.state = 'published') EXECUTE FUNCTION folio_public_changed();
--> statement-breakpoint
CREATE TRIGGER issues_public_change AFTER INSERT OR UPDATE OR DELETE ON issues FOR EACH ROW EXECUTE FUNCTION folio_public_changed();
--> statement-breakpoint
CREATE TRIGGER pages_public_change AFTER INSERT OR UPDATE OR DELETE ON pages FOR EACH ROW EXECUTE FUNCTION folio_public_changed();
--> statement-breakpoint
CREATE TRIGGER sections_public_change AFTER INSERT OR UPDATE OR DELETE ON sections FOR EACH ROW EXECUTE FUNCTION folio_public_changed();
--> statement-breakpoint

-- Chinese search (SQLite: FTS5 trigram, migrations 0003 and 0007). search_documents holds the
-- searchable text of published articles only, kept by the trigger below, so no code path can
-- leave a draft searchable.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE TABLE search_documents (
  article_id integer PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  content text NOT NULL
);
--> statement-breakpoint
-- Terms of three characters or more: pg_trgm's GIN index answers ILIKE '%term%' from the
-- term's trigrams and rechecks the candidates.
CREATE INDEX search_documents_trigram_idx ON search_documents USING gin (content gin_trgm_ops);
--> statement-breakpoint
-- Terms of one or two characters have no trigram to look up: every distinct character and pair
-- of characters of a document (lower case, no whitespace), in a GIN index of its own, so
-- "荣昌" is `folio_grams(content) @> '{荣昌}'`, an index lookup.
-- (unnest … WITH ORDINALITY and lead(): a text[] subscript walks the array, which made the first
-- version quadratic, 7.8 s for 3,000 characters; this takes 24 ms.)
CREATE FUNCTION folio_grams(content text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT g), '{}'::text[]) FROM (
    SELECT ch || coalesce(nxt, '') AS g FROM (
      SELECT ch, lead(ch) OVER (ORDER BY n) AS nxt
      FROM unnest(regexp_split_to_array(lower(content), '')) WITH ORDINALITY AS t(ch, n)
    ) pairs
    UNION ALL
    SELECT ch FROM unnest(regexp_split_to_array(lower(content), '')) AS u(ch)
  ) grams WHERE g !~ '\s' AND g <> ''
$$;
--> statement-breakpoint
CREATE INDEX search_documents_grams_idx ON search_documents USING gin (folio_grams(content));
--> statement-breakpoint
CREATE FUNCTION folio_search_document() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND new.state IS NOT DISTINCT FROM old.state AND new.title IS NOT DISTINCT FROM old.title
     AND new.kicker IS NOT DISTINCT FROM old.kicker AND new.subtitle IS NOT DISTINCT FROM old.subtitle
     AND new.byline IS NOT DISTINCT FROM old.byline AND new.body_text IS NOT DISTINCT FROM old.body_text THEN
    RETURN NULL;
  END IF;
  IF new.state = 'published' THEN
    -- One line per field: a term never contains a line break, so none matches across two fields.
    INSERT INTO search_documents (article_id, content)
    VALUES (new.id, concat_ws(E'\n', new.title, coalesce(new.kicker, ''), coalesce(new.subtitle, ''), coalesce(new.byline, ''), new.body_text))
    ON CONFLICT (article_id) DO UPDATE SET content = excluded.content;
  ELSE
    DELETE FROM search_documents WHERE article_id = new.id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER articles_search AFTER INSERT OR UPDATE ON articles FOR EACH ROW EXECUTE FUNCTION folio_search_document();
