DROP INDEX `reservations_due`;--> statement-breakpoint
CREATE INDEX `reservations_business_due` ON `reservations` (`business_id`,`status`,`expires_at`);--> statement-breakpoint
CREATE INDEX `reservations_due` ON `reservations` (`expires_at`) WHERE status = 'active';