DROP INDEX `bookings_resource_time`;--> statement-breakpoint
CREATE INDEX `bookings_live_by_resource` ON `bookings` (`resource_id`,`block_start`,`block_end`) WHERE "bookings"."status" <> 'cancelled';