CREATE TABLE `rate_buckets` (
	`id` text PRIMARY KEY NOT NULL,
	`tokens` real NOT NULL,
	`updated_at` integer NOT NULL,
	`full_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `rate_buckets_full_at` ON `rate_buckets` (`full_at`);--> statement-breakpoint
ALTER TABLE `api_keys` ADD `rate_limit_per_minute` integer;--> statement-breakpoint
ALTER TABLE `holds` ADD `client_hash` text;--> statement-breakpoint
CREATE INDEX `holds_client` ON `holds` (`client_hash`,`expires_at`);