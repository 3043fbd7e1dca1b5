-- Every app process keeps the public-change token it read until told it changed
-- (db/public-generation.ts). Whatever replaces the token (the article, issue, page and section
-- triggers, a published photo's, an operator's UPDATE) also notifies, and PostgreSQL delivers
-- the notification at commit, once per transaction however many rows changed: a cached page is
-- answered without a round trip and still never outlives a public change.
CREATE FUNCTION folio_notify_public_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('folio_public_change', '');
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER public_generation_notify AFTER INSERT OR UPDATE OR DELETE ON public_generation
  FOR EACH STATEMENT EXECUTE FUNCTION folio_notify_public_change();
