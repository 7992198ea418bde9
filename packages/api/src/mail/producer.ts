/**
 * @module The mail producer: reads the event log after its cursor and plans the messages of each
 * event, moving the cursor in the SAME write transaction — so a crash leaves both or neither, and
 * two processes never plan an event twice (each reads the cursor inside its own transaction; the
 * dedupe key would catch a repeat anyway). A booking's own transaction does no mail work.
 */
import { eq, gt, sql } from 'drizzle-orm';
import type { Database } from '../db/open.js';
import { events, producerCursors } from '../db/schema.js';
import type { Logger } from '../env.js';
import type { OutboxProducer } from '../outbox/worker.js';
import { flushPlanned, planContext, planEvent, readCustomers } from './plan.js';
import type { MailSettings } from './settings.js';

const CURSOR = 'mail';
/** Events planned per transaction (keeps one transaction bounded). */
const BATCH = 500;

export function mailProducer(database: Database, settings: MailSettings, logger: Logger): OutboxProducer {
  return {
    name: 'mail',
    async produce(now) {
      // A read first: most rounds find the cursor at the end of the log and take no write lock.
      const [state] = await database.db.all<{ cursor: number | null; last: number | null }>(sql`
        SELECT (SELECT event_id FROM producer_cursors WHERE name = ${CURSOR}) AS cursor,
               (SELECT max(id) FROM event_rows) AS last`);
      if (state && state.cursor !== null && (state.last ?? 0) <= state.cursor) return false;
      return database.write(async (tx) => {
        const [cursor] = await tx.select().from(producerCursors).where(eq(producerCursors.name, CURSOR));
        if (!cursor) {
          // No cursor (the migration sets one): start at the end, never mail the past.
          const [last] = await tx.all<{ id: number | null }>(sql`SELECT max(id) AS id FROM event_rows`);
          await tx
            .insert(producerCursors)
            .values({ name: CURSOR, eventId: last?.id ?? 0 })
            .onConflictDoNothing();
          return false;
        }
        const batch = await tx
          .select()
          .from(events)
          .where(gt(events.id, cursor.eventId))
          .orderBy(events.id)
          .limit(BATCH);
        const ctx = planContext(tx, settings, now);
        await readCustomers(ctx, batch);
        for (const event of batch) {
          try {
            await planEvent(ctx, event);
          } catch (error) {
            // One bad event must not hold up every later message: it is logged and passed over.
            logger.error('mail planning failed', {
              eventId: event.id,
              type: event.type,
              error: String(error),
            });
          }
        }
        await flushPlanned(ctx);
        const last = batch.at(-1);
        if (!last) return false;
        await tx.update(producerCursors).set({ eventId: last.id }).where(eq(producerCursors.name, CURSOR));
        // "More may be waiting" only after a full batch: under a steady stream of bookings the
        // worker must get on with sending between rounds, not plan one small batch after another.
        return batch.length === BATCH;
      });
    },
  };
}
