/**
 * @module The event log: every change others care about, written in the same transaction as the
 * change (so it is never lost nor recorded for a change that rolled back). Stock events use it too.
 */
import { and, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { prepared } from '../db/prepared.js';
import { businesses, events } from '../db/schema.js';
import { randomBase62 } from '../ids.js';
import { toInstant } from '../time.js';
import { decodeCursor, type Page, pageOf } from './pagination.js';

export interface NewEvent {
  businessId: string;
  /** Dotted name such as `booking.created`, `stock.changed`. */
  type: string;
  subjectId: string;
  payload: unknown;
  now: number;
}

export interface EventRecord {
  id: number;
  type: string;
  subjectId: string;
  payload: unknown;
  createdAt: string;
}

/** Event types that change what availability is computed from (see `businesses.catalogVersion`). */
const catalogChange = /^(service|resource|closure|business)\./;
/** Event types that change who occupies what (see `businesses.occupancyVersion`). */
const occupancyChange = /^(booking|hold)\./;

/**
 * Appends one event and answers its id; call it with the transaction that makes the change. A
 * catalog change also gives the business a new catalog version, so every process drops its cached
 * copy. Webhook endpoints pick the event up from here (see webhooks/fan-out.ts).
 */
export async function appendEvent(tx: Db, event: NewEvent): Promise<number> {
  // Random, not a counter: a version written by a transaction that rolled back can never be
  // reused by a later one, so a copy cached from uncommitted data can never look current.
  if (catalogChange.test(event.type)) {
    await bumpCatalog(tx).run({ businessId: event.businessId, version: randomBase62(16) });
  } else if (occupancyChange.test(event.type)) {
    await bumpOccupancy(tx).run({ businessId: event.businessId, version: randomBase62(16) });
  }
  const inserted = await insertEvent(tx).run({
    businessId: event.businessId,
    type: event.type,
    subjectId: event.subjectId,
    payload: event.payload,
    createdAt: event.now,
  });
  return Number(inserted.lastInsertRowid);
}

// Prepared once per handle: every booking, hold and stock change runs these, and building the
// SQL each time cost more than running it (see docs/benchmarks.md).
const p = (name: string) => sql.placeholder(name);

const bumpCatalog = (tx: Db) =>
  prepared(tx, 'event:catalog-version', (d) =>
    d
      .update(businesses)
      .set({ catalogVersion: sql`${p('version')}` })
      .where(eq(businesses.id, p('businessId')))
      .prepare(),
  );

const bumpOccupancy = (tx: Db) =>
  prepared(tx, 'event:occupancy-version', (d) =>
    d
      .update(businesses)
      .set({ occupancyVersion: sql`${p('version')}` })
      .where(eq(businesses.id, p('businessId')))
      .prepare(),
  );

const insertEvent = (tx: Db) =>
  prepared(tx, 'event:insert', (d) =>
    d
      .insert(events)
      .values({
        businessId: p('businessId'),
        type: p('type'),
        subjectId: p('subjectId'),
        payload: p('payload'),
        createdAt: p('createdAt'),
      })
      .prepare(),
  );

/** Events after `cursor` (oldest first), optionally of one type. */
export async function listEvents(
  db: Db,
  businessId: string,
  options: { cursor?: string | undefined; limit?: number | undefined; type?: string | undefined },
): Promise<Page<EventRecord>> {
  const limit = options.limit ?? 50;
  const after = Number(decodeCursor(options.cursor) ?? 0) || 0;
  const rows = await db
    .select()
    .from(events)
    .where(
      and(
        eq(events.businessId, businessId),
        gt(events.id, after),
        options.type ? eq(events.type, options.type) : undefined,
      ),
    )
    .orderBy(events.id)
    .limit(limit + 1);
  return pageOf(rows, limit, (row) => ({
    id: row.id,
    type: row.type,
    subjectId: row.subjectId,
    payload: row.payload,
    createdAt: toInstant(row.createdAt),
  }));
}
