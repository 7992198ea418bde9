/**
 * @module From events to deliveries. Each endpoint keeps a cursor in the event log; this producer
 * reads the events after it, adds a delivery job for each one the endpoint wants, and moves the
 * cursor — all in ONE write transaction, so a crash leaves either both or neither, and two
 * processes can never fan the same event out twice (SQLite runs one write transaction at a time,
 * and each reads the cursor inside its own). A booking's own transaction does no webhook work.
 */
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { Database } from '../db/open.js';
import { events, webhookEndpoints } from '../db/schema.js';
import { addJobs } from '../outbox/jobs.js';
import type { OutboxProducer } from '../outbox/worker.js';
import { deliveryJob, endpointWants } from '../services/webhook-deliveries.js';

/** Events looked at per endpoint per transaction (keeps one transaction short). */
const BATCH = 1000;

export function webhookFanOut(database: Database): OutboxProducer {
  return {
    name: 'webhook-fan-out',
    async produce(now) {
      // A read first: most rounds find every active endpoint caught up and take no write lock.
      const lagging = await database.db.all<{ id: string }>(sql`
        SELECT w.id FROM webhook_endpoints w
        WHERE w.active = 1
          AND w.cursor < (SELECT coalesce(max(e.id), 0) FROM event_rows e
            WHERE e.business = (SELECT no FROM event_names WHERE name = w.business_id))`);
      if (lagging.length === 0) return false;
      return database.write(
        async (tx) => {
          let moved = false;
          for (const { id } of lagging) {
            const [endpoint] = await tx.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id));
            if (!endpoint?.active) continue;
            const batch = await tx
              .select({ id: events.id, type: events.type, subjectId: events.subjectId })
              .from(events)
              .where(and(eq(events.businessId, endpoint.businessId), gt(events.id, endpoint.cursor)))
              .orderBy(asc(events.id))
              .limit(BATCH);
            const last = batch.at(-1);
            if (!last) continue;
            const jobs = batch
              .filter((e) => endpointWants(endpoint.events, e.type))
              .map((e) => deliveryJob(endpoint, e, now));
            await addJobs(tx, jobs, now);
            await tx
              .update(webhookEndpoints)
              .set({ cursor: last.id })
              .where(eq(webhookEndpoints.id, endpoint.id));
            moved = true;
          }
          return moved;
          // Redoable: lost on a power failure, the cursor is back where the jobs were not made.
        },
        { durable: false },
      );
    },
  };
}
