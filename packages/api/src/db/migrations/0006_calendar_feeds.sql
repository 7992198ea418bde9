CREATE TABLE `calendar_feeds` (
	`id` text PRIMARY KEY NOT NULL,
	`business_id` text NOT NULL,
	`resource_id` text,
	`token_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`revoked_at` integer,
	FOREIGN KEY (`business_id`) REFERENCES `businesses`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `calendar_feeds_token_hash_unique` ON `calendar_feeds` (`token_hash`);--> statement-breakpoint
CREATE INDEX `calendar_feeds_scope` ON `calendar_feeds` (`business_id`,`resource_id`);