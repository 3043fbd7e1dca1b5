-- The desk's own search index (SQLite: migration 0014): every article whatever its state, for
-- people signed in to the desk; the reader's search_documents keeps published articles only.
-- The same technique: pg_trgm for terms of three characters or more, folio_grams for shorter ones.
CREATE TABLE desk_search_documents (
  article_id integer PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  content text NOT NULL
);
--> statement-breakpoint
CREATE INDEX desk_search_documents_trigram_idx ON desk_search_documents USING gin (content gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX desk_search_documents_grams_idx ON desk_search_documents USING gin (folio_grams(content));
--> statement-breakpoint
-- Only a change of the indexed text re-indexes a row: a workflow step (state, version) leaves it alone.
CREATE FUNCTION folio_desk_search_document() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO desk_search_documents (article_id, content)
  VALUES (new.id, concat_ws(E'\n', new.title, coalesce(new.kicker, ''), coalesce(new.subtitle, ''), coalesce(new.byline, ''), new.body_text))
  ON CONFLICT (article_id) DO UPDATE SET content = excluded.content;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER articles_desk_search_insert AFTER INSERT ON articles FOR EACH ROW EXECUTE FUNCTION folio_desk_search_document();
--> statement-breakpoint
CREATE TRIGGER articles_desk_search_update AFTER UPDATE OF title, kicker, subtitle, byline, body_text ON articles FOR EACH ROW
  WHEN (old.title IS DISTINCT FROM new.title OR old.kicker IS DISTINCT FROM new.kicker OR old.subtitle IS DISTINCT FROM new.subtitle
        OR old.byline IS DISTINCT FROM new.byline OR old.body_text IS DISTINCT FROM new.body_text)
  EXECUTE FUNCTION folio_desk_search_document();
--> statement-breakpoint
INSERT INTO desk_search_documents (article_id, content)
SELECT id, concat_ws(E'\n', title, coalesce(kicker, ''), coalesce(subtitle, ''), coalesce(byline, ''), body_text) FROM articles;
