CREATE TABLE `import_page_images` (
	`import_id` integer NOT NULL,
	`variant` text NOT NULL,
	`width` integer NOT NULL,
	`height` integer NOT NULL,
	`bytes` blob NOT NULL,
	`sha256` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`import_id`, `variant`),
	FOREIGN KEY (`import_id`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `import_pages` (
	`import_id` integer PRIMARY KEY NOT NULL,
	`width` real NOT NULL,
	`height` real NOT NULL,
	`alone` blob,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`import_id`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `pdf_files` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`bytes` blob NOT NULL,
	`sha256` text NOT NULL,
	`file_name` text,
	`page_count` integer NOT NULL,
	`status` text NOT NULL,
	`created_by_id` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `imports` ADD `pdf_file_id` integer REFERENCES pdf_files(id);--> statement-breakpoint
ALTER TABLE `imports` ADD `pdf_page` integer;--> statement-breakpoint
ALTER TABLE `pages` ADD `print_import_id` integer REFERENCES imports(id);--> statement-breakpoint
CREATE TRIGGER `pdf_files_bytes_are_immutable` BEFORE UPDATE OF `bytes`, `sha256` ON `pdf_files` BEGIN SELECT RAISE(ABORT, 'an uploaded PDF is never changed'); END;
