CREATE TABLE `locations` (
	`business_id` text NOT NULL,
	`id` text NOT NULL,
	`name` text NOT NULL,
	`address` text NOT NULL,
	`active` integer NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`business_id`, `id`),
	FOREIGN KEY (`business_id`) REFERENCES `businesses`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `products` (
	`id` text PRIMARY KEY NOT NULL,
	`business_id` text NOT NULL,
	`sku` text NOT NULL,
	`name` text NOT NULL,
	`price_amount` integer,
	`price_currency` text,
	`image_url` text,
	`low_stock_threshold` integer NOT NULL,
	`active` integer NOT NULL,
	`deleted_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`business_id`) REFERENCES `businesses`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `products_business_sku` ON `products` (`business_id`,`sku`);--> statement-breakpoint
CREATE TABLE `reservations` (
	`id` text PRIMARY KEY NOT NULL,
	`business_id` text NOT NULL,
	`sku` text NOT NULL,
	`location_id` text NOT NULL,
	`quantity` integer NOT NULL,
	`status` text NOT NULL,
	`expires_at` integer NOT NULL,
	`customer_name` text NOT NULL,
	`customer_email` text NOT NULL,
	`customer_phone` text,
	`manage_token_hash` text NOT NULL,
	`booking_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`business_id`) REFERENCES `businesses`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reservations_manage_token_hash_unique` ON `reservations` (`manage_token_hash`);--> statement-breakpoint
CREATE INDEX `reservations_live` ON `reservations` (`business_id`,`sku`,`location_id`,`status`,`expires_at`);--> statement-breakpoint
CREATE INDEX `reservations_business` ON `reservations` (`business_id`,`id`);--> statement-breakpoint
CREATE INDEX `reservations_booking` ON `reservations` (`booking_id`);--> statement-breakpoint
CREATE INDEX `reservations_due` ON `reservations` (`status`,`expires_at`);--> statement-breakpoint
CREATE TABLE `service_products` (
	`business_id` text NOT NULL,
	`service_id` text NOT NULL,
	`sku` text NOT NULL,
	`location_id` text,
	`quantity` integer NOT NULL,
	PRIMARY KEY(`service_id`, `sku`),
	FOREIGN KEY (`business_id`) REFERENCES `businesses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `stock_events_seen` (
	`business_id` text NOT NULL,
	`event_id` text NOT NULL,
	`answer` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`business_id`, `event_id`),
	FOREIGN KEY (`business_id`) REFERENCES `businesses`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `stock_levels` (
	`business_id` text NOT NULL,
	`sku` text NOT NULL,
	`location_id` text NOT NULL,
	`on_hand` integer NOT NULL,
	`last_count_at` integer,
	`last_count_event_id` text,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`business_id`, `sku`, `location_id`),
	FOREIGN KEY (`business_id`) REFERENCES `businesses`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `stock_movements` (
	`id` text PRIMARY KEY NOT NULL,
	`business_id` text NOT NULL,
	`sku` text NOT NULL,
	`location_id` text NOT NULL,
	`kind` text NOT NULL,
	`requested` integer NOT NULL,
	`delta` integer NOT NULL,
	`reason` text NOT NULL,
	`note` text NOT NULL,
	`source` text NOT NULL,
	`event_id` text NOT NULL,
	`occurred_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`business_id`) REFERENCES `businesses`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `stock_movements_order` ON `stock_movements` (`business_id`,`sku`,`location_id`,`occurred_at`,`event_id`);--> statement-breakpoint
CREATE INDEX `stock_movements_business` ON `stock_movements` (`business_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `stock_settings` (
	`business_id` text PRIMARY KEY NOT NULL,
	`reservation_minutes` integer NOT NULL,
	FOREIGN KEY (`business_id`) REFERENCES `businesses`(`id`) ON UPDATE no action ON DELETE no action
);
