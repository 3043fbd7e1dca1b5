CREATE TABLE `paper_models` (
	`paper` text PRIMARY KEY NOT NULL,
	`model` text,
	`pages` integer NOT NULL,
	`lab_accuracy` real,
	`paper_accuracy` real,
	`trained_by_id` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`trained_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
