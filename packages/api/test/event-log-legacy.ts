/**
 * @module A test database put back to its event log before migration 0016 (one `events` table
 * holding its names as text), with 0016 and every later migration marked as not applied: what an
 * upgrade from an older release starts from (what later migrations made is dropped too, so they
 * apply again).
 */
import type { Client } from '@libsql/client';

/** Rewinds the event log to before 0016 (payloads must not be in version 2 yet) and forgets 0016 on. */
export async function eventLogBefore0016(client: Client): Promise<void> {
  await client.executeMultiple(`
    CREATE TABLE events_old (
      id integer PRIMARY KEY AUTOINCREMENT NOT NULL,
      business_id text NOT NULL REFERENCES businesses(id),
      type text NOT NULL,
      subject_id text NOT NULL,
      payload text NOT NULL,
      actor text,
      created_at integer NOT NULL);
    INSERT INTO events_old SELECT id, business_id, type, subject_id, payload, actor, created_at FROM events ORDER BY id;
    UPDATE sqlite_sequence SET seq = (SELECT seq FROM sqlite_sequence WHERE name = 'event_rows') WHERE name = 'events_old';
    DROP VIEW events;
    DROP TABLE event_rows;
    DROP TABLE event_names;
    ALTER TABLE events_old RENAME TO events;
    CREATE INDEX events_business ON events (business_id);
    CREATE INDEX events_subject ON events (subject_id);
    DROP INDEX bookings_long_by_resource;
    ALTER TABLE messages DROP COLUMN input;
    DELETE FROM __drizzle_migrations WHERE created_at >=
      (SELECT created_at FROM __drizzle_migrations ORDER BY created_at LIMIT 1 OFFSET 16);`);
}
