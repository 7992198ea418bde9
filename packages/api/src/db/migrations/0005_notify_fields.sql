ALTER TABLE `bookings` ADD `customer_time_zone` text;--> statement-breakpoint
ALTER TABLE `bookings` ADD `locale` text;--> statement-breakpoint
ALTER TABLE `bookings` ADD `sequence` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `businesses` ADD `slug` text;--> statement-breakpoint
ALTER TABLE `businesses` ADD `booking_page_url` text;--> statement-breakpoint
ALTER TABLE `businesses` ADD `address` text;--> statement-breakpoint
ALTER TABLE `businesses` ADD `notify_email` text;--> statement-breakpoint
ALTER TABLE `businesses` ADD `reminders` text DEFAULT '[{"offsetMinutes":1440}]' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `businesses_slug_unique` ON `businesses` (`slug`);--> statement-breakpoint
ALTER TABLE `services` ADD `reminders` text;--> statement-breakpoint
ALTER TABLE `reservations` ADD `customer_time_zone` text;--> statement-breakpoint
ALTER TABLE `reservations` ADD `locale` text;