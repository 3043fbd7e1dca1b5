-- Abandoned imports are archived (hidden, kept whole: the raw bytes refuse updates) or deleted
-- (the raw text goes into the audit entry first). Pages say what they are online: their articles,
-- or not digitised, ads only, skipped on purpose, so an issue with fewer pages online than in
-- print is complete and readers see why. Sections may have an English name for the English interface.
ALTER TABLE `imports` ADD `archived_at` integer;--> statement-breakpoint
ALTER TABLE `pages` ADD `status` text DEFAULT 'articles' NOT NULL;--> statement-breakpoint
ALTER TABLE `sections` ADD `name_en` text;