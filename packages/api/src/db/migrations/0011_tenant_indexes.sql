CREATE INDEX `bookings_service_end` ON `bookings` (`service_id`,`end`);--> statement-breakpoint
CREATE INDEX `date_overrides_business` ON `date_overrides` (`business_id`,`date`);--> statement-breakpoint
CREATE INDEX `time_off_business` ON `time_off` (`business_id`,`end`);