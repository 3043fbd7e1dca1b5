CREATE TABLE `imports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`raw_bytes` blob NOT NULL,
	`raw_sha256` text NOT NULL,
	`file_name` text,
	`encoding` text NOT NULL,
	`format` text NOT NULL,
	`paper` text,
	`issue_date` text,
	`total_issue_no` integer,
	`issue_no` integer,
	`page_count` integer,
	`page_number` integer,
	`page_name` text,
	`article_count` integer NOT NULL,
	`proposal` text NOT NULL,
	`supersedes_id` integer,
	`status` text DEFAULT 'open' NOT NULL,
	`created_by_id` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`supersedes_id`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `imports_issue_page_idx` ON `imports` (`issue_date`,`page_number`);--> statement-breakpoint
CREATE TRIGGER `imports_raw_is_immutable` BEFORE UPDATE OF `raw_bytes`, `raw_sha256` ON `imports` BEGIN SELECT RAISE(ABORT, 'the raw text of an import is never changed'); END;
