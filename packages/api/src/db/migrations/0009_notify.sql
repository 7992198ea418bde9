CREATE TABLE `booking_link_tokens` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`business_id` text NOT NULL,
	`booking_id` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`business_id`) REFERENCES `businesses`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `booking_link_tokens_booking` ON `booking_link_tokens` (`booking_id`);--> statement-breakpoint
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
CREATE TABLE `messages` (
	`id` text PRIMARY KEY NOT NULL,
	`business_id` text NOT NULL,
	`kind` text NOT NULL,
	`dedupe_key` text NOT NULL,
	`booking_id` text,
	`reservation_id` text,
	`to_name` text,
	`to_email` text NOT NULL,
	`locale` text,
	`subject` text,
	`html` text,
	`text` text,
	`calendar` text,
	`calendar_method` text,
	`message_id` text NOT NULL,
	`status` text NOT NULL,
	`status_reason` text,
	`deliver` integer NOT NULL,
	`attempts` integer NOT NULL,
	`smtp_response` text,
	`due_at` integer NOT NULL,
	`planned_for` integer,
	`sent_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`business_id`) REFERENCES `businesses`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `messages_dedupe` ON `messages` (`business_id`,`dedupe_key`);--> statement-breakpoint
CREATE INDEX `messages_business` ON `messages` (`business_id`,`id`);--> statement-breakpoint
CREATE INDEX `messages_booking` ON `messages` (`booking_id`);--> statement-breakpoint
CREATE INDEX `messages_reservation` ON `messages` (`reservation_id`);--> statement-breakpoint
CREATE TABLE `producer_cursors` (
	`name` text PRIMARY KEY NOT NULL,
	`event_id` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `bookings` ADD `customer_time_zone` text;--> statement-breakpoint
ALTER TABLE `bookings` ADD `locale` text;--> statement-breakpoint
ALTER TABLE `bookings` ADD `sequence` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `businesses` ADD `booking_page_url` text;--> statement-breakpoint
ALTER TABLE `businesses` ADD `address` text;--> statement-breakpoint
ALTER TABLE `businesses` ADD `notify_email` text;--> statement-breakpoint
ALTER TABLE `businesses` ADD `hosted_page_key` text;--> statement-breakpoint
ALTER TABLE `businesses` ADD `reminders` text DEFAULT '[{"offsetMinutes":1440}]' NOT NULL;--> statement-breakpoint
ALTER TABLE `services` ADD `reminders` text;--> statement-breakpoint
ALTER TABLE `reservations` ADD `customer_time_zone` text;--> statement-breakpoint
ALTER TABLE `reservations` ADD `locale` text;--> statement-breakpoint
-- The mail producer starts at the end of the event log: an upgrade never mails about the past.
INSERT INTO `producer_cursors` (`name`, `event_id`) SELECT 'mail', coalesce(max(`id`), 0) FROM `events`;