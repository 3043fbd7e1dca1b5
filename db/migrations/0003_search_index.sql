-- Full-text index of published articles only. Trigram finds Chinese substrings of 3+ characters;
-- shorter queries use LIKE on the same table. Triggers keep it in step with the state, so no code
-- path can leave a draft or an unpublished article searchable.
CREATE VIRTUAL TABLE `search_index` USING fts5(title, kicker, subtitle, byline, body, tokenize = 'trigram');
--> statement-breakpoint
CREATE TRIGGER `articles_search_insert` AFTER INSERT ON `articles` WHEN new.state = 'published' BEGIN
  INSERT INTO search_index(rowid, title, kicker, subtitle, byline, body)
  VALUES (new.id, new.title, coalesce(new.kicker, ''), coalesce(new.subtitle, ''), coalesce(new.byline, ''), new.body_text);
END;
--> statement-breakpoint
CREATE TRIGGER `articles_search_update` AFTER UPDATE ON `articles` BEGIN
  DELETE FROM search_index WHERE rowid = old.id;
  INSERT INTO search_index(rowid, title, kicker, subtitle, byline, body)
  SELECT new.id, new.title, coalesce(new.kicker, ''), coalesce(new.subtitle, ''), coalesce(new.byline, ''), new.body_text
  WHERE new.state = 'published';
END;
--> statement-breakpoint
CREATE TRIGGER `articles_search_delete` AFTER DELETE ON `articles` BEGIN
  DELETE FROM search_index WHERE rowid = old.id;
END;
