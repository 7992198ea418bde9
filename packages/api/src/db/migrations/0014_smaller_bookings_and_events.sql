DROP INDEX `bookings_manage_token_hash_unique`;--> statement-breakpoint
DROP INDEX `bookings_service_end`;--> statement-breakpoint
UPDATE `bookings` SET `manage_token_hash` = unhex(`manage_token_hash`) WHERE typeof(`manage_token_hash`) = 'text' AND unhex(`manage_token_hash`) IS NOT NULL;--> statement-breakpoint
DROP INDEX `events_business`;--> statement-breakpoint
DROP INDEX `events_subject`;--> statement-breakpoint
CREATE INDEX `events_business` ON `events` (`business_id`);--> statement-breakpoint
CREATE INDEX `events_subject` ON `events` (`subject_id`);