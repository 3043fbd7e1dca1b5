ALTER TABLE `login_attempts` ADD `source` text DEFAULT 'ip:unknown' NOT NULL;--> statement-breakpoint
ALTER TABLE `login_attempts` ADD `known_device` integer DEFAULT false NOT NULL;--> statement-breakpoint
-- Attempts recorded before: bucketed by the address they came from, as new ones without a known device are.
UPDATE `login_attempts` SET `source` = 'ip:' || coalesce(`ip`, 'unknown');
