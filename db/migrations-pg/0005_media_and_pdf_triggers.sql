-- What SQLite's migrations 0015 (media library) and 0016 (PDF import) add by hand, in PL/pgSQL.

-- What a reader sees of a photo (whether it is ready, its alt text, credit, size, focal point) is
-- part of every published page that shows it: a change to a photo a published article uses
-- changes the public generation (SQLite: media_public_update). Placing or removing a photo is a
-- write to the article itself, which its own triggers count. (A trigger's WHEN cannot hold a
-- subquery on PostgreSQL: whether a published article shows the photo is asked in the function.)
CREATE FUNCTION folio_media_public_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM article_photos p JOIN articles a ON a.id = p.article_id WHERE p.media_id = new.id AND a.state = 'published') THEN
    UPDATE public_generation SET token = md5(random()::text || clock_timestamp()::text) WHERE id = 1;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER media_public_update AFTER UPDATE ON media
  FOR EACH ROW WHEN (
    (old.status IS DISTINCT FROM new.status OR old.alt IS DISTINCT FROM new.alt OR old.credit IS DISTINCT FROM new.credit
      OR old.focal_x IS DISTINCT FROM new.focal_x OR old.focal_y IS DISTINCT FROM new.focal_y
      OR old.width IS DISTINCT FROM new.width OR old.height IS DISTINCT FROM new.height)
  )
  EXECUTE FUNCTION folio_media_public_changed();
--> statement-breakpoint

-- An uploaded PDF is kept exactly as received (SQLite: pdf_files_bytes_are_immutable).
CREATE FUNCTION folio_refuse_pdf_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'an uploaded PDF is never changed';
END $$;
--> statement-breakpoint
CREATE TRIGGER pdf_files_bytes_are_immutable BEFORE UPDATE OF bytes, sha256 ON pdf_files
  FOR EACH ROW WHEN (old.bytes IS DISTINCT FROM new.bytes OR old.sha256 IS DISTINCT FROM new.sha256)
  EXECUTE FUNCTION folio_refuse_pdf_change();
