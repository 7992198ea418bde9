-- The event log stores its repeated strings (business ids, types, subjects, actors) once, in
-- `event_names`, and a row holds their numbers; `events` becomes a view that spells them out, so
-- every reader keeps its SQL. Ids are kept as they were: webhook, mail, retention and compaction
-- cursors point into the log by id.
CREATE TABLE `event_names` (
	`no` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `event_names_name_unique` ON `event_names` (`name`);--> statement-breakpoint
CREATE TABLE `event_rows` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`business` integer NOT NULL,
	`type` integer NOT NULL,
	`subject` integer NOT NULL,
	`payload` text NOT NULL,
	`actor` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
-- The old table's counter carries on: an id deleted at the end of the log is never given again.
INSERT INTO `sqlite_sequence` (`name`, `seq`) SELECT 'event_rows', `seq` FROM `sqlite_sequence` WHERE `name` = 'events';--> statement-breakpoint
INSERT OR IGNORE INTO `event_names` (`name`)
  SELECT `business_id` FROM `events` UNION SELECT `type` FROM `events`
  UNION SELECT `subject_id` FROM `events` UNION SELECT `actor` FROM `events` WHERE `actor` IS NOT NULL;--> statement-breakpoint
INSERT INTO `event_rows` (`id`, `business`, `type`, `subject`, `payload`, `actor`, `created_at`)
  SELECT e.`id`, b.`no`, t.`no`, s.`no`, e.`payload`, a.`no`, e.`created_at`
  FROM `events` e
  JOIN `event_names` b ON b.`name` = e.`business_id`
  JOIN `event_names` t ON t.`name` = e.`type`
  JOIN `event_names` s ON s.`name` = e.`subject_id`
  LEFT JOIN `event_names` a ON a.`name` = e.`actor`
  ORDER BY e.`id`;--> statement-breakpoint
DROP TABLE `events`;--> statement-breakpoint
CREATE INDEX `event_rows_business` ON `event_rows` (`business`);--> statement-breakpoint
CREATE INDEX `event_rows_subject` ON `event_rows` (`subject`);--> statement-breakpoint
-- A compact payload of version 2 leaves out its `id` when it is the subject's (db/event-payload.ts):
-- the view hands it out as 0x02, the subject, 0x00, then the rest, so a reader decodes it alone.
CREATE VIEW `events` AS
  SELECT `event_rows`.`id` AS `id`, b.`name` AS `business_id`, t.`name` AS `type`,
    s.`name` AS `subject_id`,
    CASE WHEN typeof(`event_rows`.`payload`) = 'blob' AND substr(`event_rows`.`payload`, 1, 1) = x'02'
      THEN CAST(x'02' || CAST(s.`name` AS BLOB) || x'00' || substr(`event_rows`.`payload`, 2) AS BLOB)
      ELSE `event_rows`.`payload` END AS `payload`,
    a.`name` AS `actor`, `event_rows`.`created_at` AS `created_at`
  FROM `event_rows`
  JOIN `event_names` b ON b.`no` = `event_rows`.`business`
  JOIN `event_names` t ON t.`no` = `event_rows`.`type`
  JOIN `event_names` s ON s.`no` = `event_rows`.`subject`
  LEFT JOIN `event_names` a ON a.`no` = `event_rows`.`actor`;--> statement-breakpoint
-- Writing through the view: what tools and tests that insert events with SQL do (the app itself
-- appends with one INSERT into `event_rows`, see services/events.ts, and rewrites rows there). The
-- names are added without an OR clause, which an outer `INSERT OR REPLACE` would override (and
-- renumber names under rows that hold them). A version 2 payload as the view hands it out (its
-- subject ahead of it) is stored without that prefix again. SQLite counts no changed rows for a
-- write through a view.
CREATE TRIGGER `events_insert` INSTEAD OF INSERT ON `events` BEGIN
  INSERT INTO `event_names` (`name`)
    SELECT `v` FROM (SELECT new.`business_id` AS `v` UNION SELECT new.`type` UNION SELECT new.`subject_id`
      UNION SELECT new.`actor`)
    WHERE `v` IS NOT NULL AND `v` NOT IN (SELECT `name` FROM `event_names`);
  INSERT INTO `event_rows` (`id`, `business`, `type`, `subject`, `payload`, `actor`, `created_at`) VALUES (
    new.`id`,
    (SELECT `no` FROM `event_names` WHERE `name` = new.`business_id`),
    (SELECT `no` FROM `event_names` WHERE `name` = new.`type`),
    (SELECT `no` FROM `event_names` WHERE `name` = new.`subject_id`),
    CASE WHEN typeof(new.`payload`) = 'blob'
        AND substr(new.`payload`, 1, length(CAST(new.`subject_id` AS BLOB)) + 2) = CAST(x'02' || CAST(new.`subject_id` AS BLOB) || x'00' AS BLOB)
      THEN CAST(x'02' || substr(new.`payload`, length(CAST(new.`subject_id` AS BLOB)) + 3) AS BLOB)
      ELSE new.`payload` END,
    (SELECT `no` FROM `event_names` WHERE `name` = new.`actor`),
    new.`created_at`);
END;--> statement-breakpoint
CREATE TRIGGER `events_update_payload` INSTEAD OF UPDATE OF `payload` ON `events` BEGIN
  UPDATE `event_rows` SET `payload` =
    CASE WHEN typeof(new.`payload`) = 'blob'
        AND substr(new.`payload`, 1, length(CAST(old.`subject_id` AS BLOB)) + 2) = CAST(x'02' || CAST(old.`subject_id` AS BLOB) || x'00' AS BLOB)
      THEN CAST(x'02' || substr(new.`payload`, length(CAST(old.`subject_id` AS BLOB)) + 3) AS BLOB)
      ELSE new.`payload` END
  WHERE `id` = old.`id`;
END;--> statement-breakpoint
CREATE TRIGGER `events_delete` INSTEAD OF DELETE ON `events` BEGIN
  DELETE FROM `event_rows` WHERE `id` = old.`id`;
END;
