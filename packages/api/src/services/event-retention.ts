/**
 * @module Retention of the event log's stream-only events. `stock.changed` and `stock.low` are
 * written with every stock movement (a POS sale, a count, a collect) and carry the SKU's whole stock
 * then: at scale they are a third of the log. They feed live streams (seconds), the stock read's
 * cache (the newest id), webhooks (each endpoint's cursor) and replays — while the movement ledger
 * (`stock_movements`, never pruned) keeps every change itself, and stock reports read the ledger.
 * So they are kept for a window (`FRONTDESK_STOCK_EVENT_RETENTION_DAYS`, default 30) and then
 * deleted, never before every active webhook endpoint and the mail producer have read past them.
 * Every other event (bookings, reservations, catalogue, keys, users, customers) is kept.
 *
 * The pass walks the log by id from where it stopped (`producer_cursors` row `event-retention`,
 * which also tells the stock stream how far back a resume can reach) in short write transactions,
 * and stops at the first event younger than the window: ids grow with time.
 */
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Database, Db } from '../db/open.js';
import { eventRows, events, producerCursors, webhookEndpoints } from '../db/schema.js';
import type { Logger } from '../env.js';
import type { OutboxProducer } from '../outbox/worker.js';
import { compactSettledEvents } from './event-compaction.js';

/** Types that only feed streams, caches and replays (the ledger keeps what they say). */
export const streamOnlyEventTypes: readonly string[] = ['stock.changed', 'stock.low'];
/** Default window, in days, of `FRONTDESK_STOCK_EVENT_RETENTION_DAYS`. */
export const defaultStockEventRetentionDays = 30;
/** The `producer_cursors` row that remembers how far the pass has walked. */
const CURSOR = 'event-retention';
const DAY = 86_400_000;

export interface RetentionPass {
  /** Events deleted. */
  deleted: number;
  /** The id the walk has reached: every stream-only event at or below it is gone. */
  upTo: number;
  /** Whether it stopped at `maxBatches` with old events left to look at. */
  more: boolean;
}

/** How far the retention pass has walked (0: nothing pruned yet). */
export async function prunedUpTo(db: Db): Promise<number> {
  const [row] = await db.select().from(producerCursors).where(eq(producerCursors.name, CURSOR));
  return row?.eventId ?? 0;
}

/**
 * The highest id the pass may reach: below every active webhook endpoint's cursor and the mail
 * producer's, so no event is deleted before it was fanned out or planned.
 */
async function readersUpTo(tx: Db): Promise<number> {
  const [endpoint] = await tx
    .select({ cursor: sql<number | null>`min(${webhookEndpoints.cursor})` })
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.active, true));
  const [mail] = await tx.select().from(producerCursors).where(eq(producerCursors.name, 'mail'));
  const [newest] = await tx.select({ id: sql<number | null>`max(${eventRows.id})` }).from(eventRows);
  let bound = Number(newest?.id ?? 0);
  if (endpoint?.cursor !== null && endpoint?.cursor !== undefined)
    bound = Math.min(bound, Number(endpoint.cursor));
  if (mail) bound = Math.min(bound, mail.eventId);
  return bound;
}

/**
 * Deletes stream-only events older than `retentionDays` (one batch of at most `batch` events
 * looked at per write transaction, until none is left or after `maxBatches`). `retentionDays` 0 keeps them for ever.
 */
export async function pruneStreamOnlyEvents(
  database: Database,
  options: { now: number; retentionDays: number; batch?: number; maxBatches?: number },
): Promise<RetentionPass> {
  const batch = options.batch ?? 2000;
  const cutoff = options.now - options.retentionDays * DAY;
  let deleted = 0;
  let upTo = await prunedUpTo(database.db);
  if (options.retentionDays <= 0) return { deleted, upTo, more: false };
  for (let batches = 1; ; batches++) {
    const step = await database.write(
      async (tx) => {
        const from = await prunedUpTo(tx);
        const bound = await readersUpTo(tx);
        const rows = await tx
          .select({ id: events.id, type: events.type, createdAt: events.createdAt })
          .from(events)
          .where(and(gt(events.id, from), sql`${events.id} <= ${bound}`))
          .orderBy(asc(events.id))
          .limit(batch);
        let reached = from;
        const doomed: number[] = [];
        for (const row of rows) {
          if (row.createdAt >= cutoff) break;
          reached = row.id;
          if (streamOnlyEventTypes.includes(row.type)) doomed.push(row.id);
        }
        for (let i = 0; i < doomed.length; i += 500) {
          await tx.delete(eventRows).where(inArray(eventRows.id, doomed.slice(i, i + 500)));
        }
        if (reached > from) {
          await tx
            .insert(producerCursors)
            .values({ name: CURSOR, eventId: reached })
            .onConflictDoUpdate({ target: producerCursors.name, set: { eventId: reached } });
        }
        // More to look at when the whole batch was old enough (the walk did not stop at a young one).
        const more = rows.length === batch && reached === rows.at(-1)?.id;
        return { deleted: doomed.length, reached, more };
      },
      // Safe to redo: a pass lost to a power cut deletes the same events again next time.
      { durable: false },
    );
    deleted += step.deleted;
    upTo = step.reached;
    if (!step.more || batches >= (options.maxBatches ?? Number.POSITIVE_INFINITY)) {
      return { deleted, upTo, more: step.more };
    }
  }
}

/**
 * The event log's upkeep as a worker step: retention (above), then compaction
 * (event-compaction.ts), at most once an `everyMs` (default an hour) per process — or on the next
 * round while a backlog remains (the first run on a large log): each round does at most 10 batches
 * of each, so webhooks and mail never wait long behind it. It queues no job.
 */
export function eventRetentionProducer(
  database: Database,
  options: {
    retentionDays: number;
    everyMs?: number;
    logger?: Logger;
    /** Events looked at per write transaction (tests make it small). */
    batch?: number;
  },
): OutboxProducer {
  const everyMs = options.everyMs ?? 3_600_000;
  let last = Number.NEGATIVE_INFINITY;
  return {
    name: 'event-upkeep',
    async produce(now) {
      if (now - last < everyMs) return false;
      last = now;
      const bounded = { now, maxBatches: 10, ...(options.batch ? { batch: options.batch } : {}) };
      const pruned = await pruneStreamOnlyEvents(database, {
        ...bounded,
        retentionDays: options.retentionDays,
      });
      const compacted = await compactSettledEvents(database, bounded);
      // A backlog left: the next round goes on, instead of an hour later.
      if (pruned.more || compacted.more) last = Number.NEGATIVE_INFINITY;
      if (pruned.deleted > 0 || compacted.compacted > 0) {
        options.logger?.info('event log upkeep', { pruned: pruned.deleted, ...compacted });
      }
      return false;
    },
  };
}
