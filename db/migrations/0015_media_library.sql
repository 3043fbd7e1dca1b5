CREATE TABLE `article_photos` (
	`article_id` integer NOT NULL,
	`position` integer NOT NULL,
	`media_id` integer NOT NULL,
	`lead` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`article_id`, `position`),
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`media_id`) REFERENCES `media`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `article_photos_media_idx` ON `article_photos` (`media_id`);--> statement-breakpoint
CREATE TABLE `media` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sha256` text NOT NULL,
	`format` text NOT NULL,
	`file_name` text,
	`bytes` integer NOT NULL,
	`width` integer NOT NULL,
	`height` integer NOT NULL,
	`taken_at` integer,
	`status` text DEFAULT 'processing' NOT NULL,
	`failure` text,
	`processing_until` integer,
	`attempts` integer DEFAULT 0 NOT NULL,
	`caption` text DEFAULT '' NOT NULL,
	`credit` text DEFAULT '' NOT NULL,
	`photographers` text DEFAULT '[]' NOT NULL,
	`alt` text DEFAULT '' NOT NULL,
	`focal_x` real DEFAULT 0.5 NOT NULL,
	`focal_y` real DEFAULT 0.5 NOT NULL,
	`uploaded_by_id` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`uploaded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `media_sha256_unique` ON `media` (`sha256`);--> statement-breakpoint
CREATE INDEX `media_created_idx` ON `media` (`created_at`);--> statement-breakpoint
CREATE INDEX `media_status_idx` ON `media` (`status`);--> statement-breakpoint
CREATE TABLE `media_files` (
	`name` text PRIMARY KEY NOT NULL,
	`media_id` integer NOT NULL,
	`format` text NOT NULL,
	`width` integer NOT NULL,
	`height` integer NOT NULL,
	`bytes` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`media_id`) REFERENCES `media`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `media_files_media_idx` ON `media_files` (`media_id`);--> statement-breakpoint
-- What a reader sees of a photo (whether it is ready, its alt text, credit, size, focal point) is
-- part of every published page that shows it: a change to a photo a published article uses
-- changes the public generation. Placing or removing a photo is a write to the article itself.
CREATE TRIGGER `media_public_update` AFTER UPDATE ON `media`
WHEN (old.status IS NOT new.status OR old.alt IS NOT new.alt OR old.credit IS NOT new.credit OR old.focal_x IS NOT new.focal_x
  OR old.focal_y IS NOT new.focal_y OR old.width IS NOT new.width OR old.height IS NOT new.height)
  AND EXISTS (SELECT 1 FROM `article_photos` p JOIN `articles` a ON a.id = p.article_id WHERE p.media_id = new.id AND a.state = 'published')
BEGIN
  UPDATE `public_generation` SET `token` = lower(hex(randomblob(8))) WHERE `id` = 1;
END;
