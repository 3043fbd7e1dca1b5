-- The desk's own full-text index: every article whatever its state, for people signed in to the
-- desk. The reader's search_index (migrations 0003, 0007) keeps holding published articles only;
-- nothing here writes to it, and only desk queries read this one. Same technique as the reader's:
-- the trigram tokenizer for terms of three characters or more, and for one or two characters the
-- fts5vocab table of the index's own trigrams, every column ending in two spaces so that a term at
-- the very end of a column starts a trigram too. Only a change of the indexed text re-indexes a
-- row: a workflow step (state, version) leaves the index alone.
CREATE VIRTUAL TABLE `desk_search_index` USING fts5(title, kicker, subtitle, byline, body, tokenize = 'trigram');
--> statement-breakpoint
CREATE TRIGGER `articles_desk_search_insert` AFTER INSERT ON `articles` BEGIN
  INSERT INTO desk_search_index(rowid, title, kicker, subtitle, byline, body)
  VALUES (new.id, new.title || '  ', coalesce(new.kicker, '') || '  ', coalesce(new.subtitle, '') || '  ', coalesce(new.byline, '') || '  ', new.body_text || '  ');
END;
--> statement-breakpoint
CREATE TRIGGER `articles_desk_search_update` AFTER UPDATE OF `title`, `kicker`, `subtitle`, `byline`, `body_text` ON `articles` BEGIN
  DELETE FROM desk_search_index WHERE rowid = old.id;
  INSERT INTO desk_search_index(rowid, title, kicker, subtitle, byline, body)
  VALUES (new.id, new.title || '  ', coalesce(new.kicker, '') || '  ', coalesce(new.subtitle, '') || '  ', coalesce(new.byline, '') || '  ', new.body_text || '  ');
END;
--> statement-breakpoint
CREATE TRIGGER `articles_desk_search_delete` AFTER DELETE ON `articles` BEGIN
  DELETE FROM desk_search_index WHERE rowid = old.id;
END;
--> statement-breakpoint
INSERT INTO desk_search_index(rowid, title, kicker, subtitle, byline, body)
SELECT id, title || '  ', coalesce(kicker, '') || '  ', coalesce(subtitle, '') || '  ', coalesce(byline, '') || '  ', body_text || '  '
FROM articles;
--> statement-breakpoint
CREATE VIRTUAL TABLE `desk_search_terms` USING fts5vocab(desk_search_index, 'instance');
