ALTER TABLE `reservations` ADD `client_hash` text;--> statement-breakpoint
CREATE INDEX `reservations_client` ON `reservations` (`business_id`,`client_hash`);--> statement-breakpoint
ALTER TABLE `stock_settings` ADD `max_units_per_reservation` integer DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE `stock_settings` ADD `max_live_reservations_per_client` integer DEFAULT 3 NOT NULL;