/**
 * @module How many holds and reservations are live right now, across every business: the gauges a
 * metrics scrape reads. Both queries stay cheap however long the tables grow: reservations through
 * the `reservations_due` index (status, expiry); holds — kept after they expire, with no index on
 * their expiry — among the newest `newestHolds` only, which are the only ones that can still be
 * live (a hold lives a few minutes from its creation).
 */
import { and, count, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { reservations } from '../db/schema.js';

/** Holds read per count: a gauge that saturates here, far above what a calendar holds at once. */
export const newestHolds = 5000;

/** Holds that have not expired at `now`, among the `newestHolds` newest (by rowid: insertion order). */
export async function countLiveHolds(db: Db, now: number): Promise<number> {
  const row = await db.get<{ live: number }>(
    sql`SELECT count(*) AS live FROM (SELECT expires_at FROM holds ORDER BY rowid DESC LIMIT ${newestHolds}) WHERE expires_at > ${now}`,
  );
  return Number(row.live);
}

/** Reservations still active (not collected, released or expired) at `now`. */
export async function countLiveReservations(db: Db, now: number): Promise<number> {
  const [row] = await db
    .select({ live: count() })
    .from(reservations)
    .where(and(eq(reservations.status, 'active'), gt(reservations.expiresAt, now)));
  return row?.live ?? 0;
}

/** Pending outbox jobs of one kind, and when the earliest of them fell (or falls) due. */
export interface OutboxBacklog {
  kind: string;
  pending: number;
  /** The smallest `due_at` among them, or null (every pending job is leased). */
  earliestDue: number | null;
}

/**
 * Pending outbox jobs by kind (`webhook`, …), read through the partial index of pending jobs: cheap
 * however many finished jobs the table keeps.
 */
export async function outboxBacklog(db: Db): Promise<OutboxBacklog[]> {
  const rows = await db.all<{ kind: string; pending: number; earliest: number | null }>(
    sql`SELECT kind, count(*) AS pending, min(due_at) AS earliest FROM outbox_jobs WHERE status = 'pending' GROUP BY kind`,
  );
  return rows.map((row) => ({
    kind: row.kind,
    pending: Number(row.pending),
    earliestDue: row.earliest === null ? null : Number(row.earliest),
  }));
}
