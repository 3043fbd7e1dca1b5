-- A jump chain is followed through rows in any state (a draft part between two published ones), so
-- linking or unlinking a draft part changes what published stories show: that write counts too.
DROP TRIGGER `articles_public_update`;
--> statement-breakpoint
CREATE TRIGGER `articles_public_update` AFTER UPDATE ON `articles`
WHEN old.state = 'published' OR new.state = 'published' OR old.continues_id IS NOT new.continues_id BEGIN
  UPDATE `public_generation` SET `token` = lower(hex(randomblob(8))) WHERE `id` = 1;
END;
