CREATE TABLE `customer_notes` (
	`business_id` text NOT NULL,
	`email` text NOT NULL,
	`notes` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`business_id`, `email`),
	FOREIGN KEY (`business_id`) REFERENCES `businesses`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `idempotency_keys` ADD `subject_id` text;--> statement-breakpoint
CREATE INDEX `idempotency_subject` ON `idempotency_keys` (`business_id`,`subject_id`);--> statement-breakpoint
CREATE INDEX `bookings_customer` ON `bookings` (`business_id`,lower("customer_email"));--> statement-breakpoint
CREATE INDEX `outbox_attempts_business` ON `outbox_attempts` (`business_id`,`id`);--> statement-breakpoint
CREATE INDEX `reservations_customer` ON `reservations` (`business_id`,lower("customer_email"));