-- Search for terms of one or two characters through the index. The trigram tokenizer cannot
-- MATCH them, but every occurrence of such a term starts one of the index's own trigrams, which
-- the fts5vocab table below lists with their documents, sorted by term: "荣昌" is the range of
-- terms from "荣昌" up to "荣昌" followed by the highest code point. An occurrence at the very end
-- of a column starts no trigram, so every indexed column now ends in two spaces (a search term
-- never contains a space, so none can match them).
DROP TRIGGER `articles_search_insert`;
--> statement-breakpoint
DROP TRIGGER `articles_search_update`;
--> statement-breakpoint
CREATE TRIGGER `articles_search_insert` AFTER INSERT ON `articles` WHEN new.state = 'published' BEGIN
  INSERT INTO search_index(rowid, title, kicker, subtitle, byline, body)
  VALUES (new.id, new.title || '  ', coalesce(new.kicker, '') || '  ', coalesce(new.subtitle, '') || '  ', coalesce(new.byline, '') || '  ', new.body_text || '  ');
END;
--> statement-breakpoint
CREATE TRIGGER `articles_search_update` AFTER UPDATE ON `articles` BEGIN
  DELETE FROM search_index WHERE rowid = old.id;
  INSERT INTO search_index(rowid, title, kicker, subtitle, byline, body)
  SELECT new.id, new.title || '  ', coalesce(new.kicker, '') || '  ', coalesce(new.subtitle, '') || '  ', coalesce(new.byline, '') || '  ', new.body_text || '  '
  WHERE new.state = 'published';
END;
--> statement-breakpoint
DELETE FROM search_index;
--> statement-breakpoint
INSERT INTO search_index(rowid, title, kicker, subtitle, byline, body)
SELECT id, title || '  ', coalesce(kicker, '') || '  ', coalesce(subtitle, '') || '  ', coalesce(byline, '') || '  ', body_text || '  '
FROM articles WHERE state = 'published';
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_terms` USING fts5vocab(search_index, 'instance');
