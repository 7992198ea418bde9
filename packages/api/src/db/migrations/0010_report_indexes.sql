DROP INDEX `bookings_business_start`;--> statement-breakpoint
CREATE INDEX `bookings_business_report` ON `bookings` (`business_id`,`start`,`status`,`resource_id`,`service_id`,`end`,`created_at`);--> statement-breakpoint
CREATE INDEX `reservations_business_created` ON `reservations` (`business_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `stock_movements_business_occurred` ON `stock_movements` (`business_id`,`occurred_at`);