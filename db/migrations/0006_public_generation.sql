CREATE TABLE `public_generation` (
	`id` integer PRIMARY KEY NOT NULL,
	`token` text NOT NULL
);
--> statement-breakpoint
-- A random token rather than a counter: a database restored from a backup cannot bring back a
-- value that cached pages were rendered under.
INSERT INTO `public_generation` (`id`, `token`) VALUES (1, lower(hex(randomblob(8))));
--> statement-breakpoint
CREATE TRIGGER `articles_public_insert` AFTER INSERT ON `articles` WHEN new.state = 'published' BEGIN
  UPDATE `public_generation` SET `token` = lower(hex(randomblob(8))) WHERE `id` = 1;
END;
--> statement-breakpoint
-- Drafts change all day (autosave) and no public page shows them: only writes that touch a published row count.
CREATE TRIGGER `articles_public_update` AFTER UPDATE ON `articles` WHEN old.state = 'published' OR new.state = 'published' BEGIN
  UPDATE `public_generation` SET `token` = lower(hex(randomblob(8))) WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `articles_public_delete` AFTER DELETE ON `articles` WHEN old.state = 'published' BEGIN
  UPDATE `public_generation` SET `token` = lower(hex(randomblob(8))) WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `issues_public_insert` AFTER INSERT ON `issues` BEGIN
  UPDATE `public_generation` SET `token` = lower(hex(randomblob(8))) WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `issues_public_update` AFTER UPDATE ON `issues` BEGIN
  UPDATE `public_generation` SET `token` = lower(hex(randomblob(8))) WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `issues_public_delete` AFTER DELETE ON `issues` BEGIN
  UPDATE `public_generation` SET `token` = lower(hex(randomblob(8))) WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `pages_public_insert` AFTER INSERT ON `pages` BEGIN
  UPDATE `public_generation` SET `token` = lower(hex(randomblob(8))) WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `pages_public_update` AFTER UPDATE ON `pages` BEGIN
  UPDATE `public_generation` SET `token` = lower(hex(randomblob(8))) WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `pages_public_delete` AFTER DELETE ON `pages` BEGIN
  UPDATE `public_generation` SET `token` = lower(hex(randomblob(8))) WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `sections_public_insert` AFTER INSERT ON `sections` BEGIN
  UPDATE `public_generation` SET `token` = lower(hex(randomblob(8))) WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `sections_public_update` AFTER UPDATE ON `sections` BEGIN
  UPDATE `public_generation` SET `token` = lower(hex(randomblob(8))) WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `sections_public_delete` AFTER DELETE ON `sections` BEGIN
  UPDATE `public_generation` SET `token` = lower(hex(randomblob(8))) WHERE `id` = 1;
END;
