CREATE TABLE `pending_revisions` (
	`article_id` integer PRIMARY KEY NOT NULL,
	`state` text DEFAULT 'draft' NOT NULL,
	`changes` text NOT NULL,
	`reason` text,
	`version` integer NOT NULL,
	`started_by_id` integer NOT NULL,
	`last_edited_by_id` integer,
	`submitted_at` integer,
	`editors_since_submit` text DEFAULT '[]' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`started_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`last_edited_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
