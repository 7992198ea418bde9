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
CREATE INDEX `calendar_feeds_scope` ON `calendar_feeds` (`business_id`,`resource_id`);--> statement-breakpoint
ALTER TABLE `bookings` ADD `customer_time_zone` text;--> statement-breakpoint
ALTER TABLE `bookings` ADD `locale` text;--> statement-breakpoint
ALTER TABLE `bookings` ADD `sequence` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `businesses` ADD `slug` text;--> statement-breakpoint
ALTER TABLE `businesses` ADD `booking_page_url` text;--> statement-breakpoint
ALTER TABLE `businesses` ADD `address` text;--> statement-breakpoint
ALTER TABLE `businesses` ADD `notify_email` text;--> statement-breakpoint
ALTER TABLE `businesses` ADD `hosted_page_key` text;--> statement-breakpoint
ALTER TABLE `businesses` ADD `reminders` text DEFAULT '[{"offsetMinutes":1440}]' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `businesses_slug_unique` ON `businesses` (`slug`);--> statement-breakpoint
ALTER TABLE `services` ADD `reminders` text;--> statement-breakpoint
ALTER TABLE `reservations` ADD `customer_time_zone` text;--> statement-breakpoint
ALTER TABLE `reservations` ADD `locale` text;