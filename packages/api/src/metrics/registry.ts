/**
 * @module The metrics `GET /metrics` serves, in one prom-client registry per app: what requests
 * take, what they changed (bookings, conflicts, replays), what is live (holds, reservations,
 * stock streams), the write queue, and the process itself. No label ever carries a business id,
 * key, email or token: labels are route patterns, methods, status classes and fixed words, so
 * the number of series stays bounded however many businesses and customers there are.
 */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Database } from '../db/open.js';
import type { Logger } from '../env.js';
import {
  countLiveHolds,
  countLiveReservations,
  type OutboxBacklog,
  outboxBacklog,
} from '../services/live-counts.js';

/** What the gauges are read from when a scrape comes. */
export interface MetricSources {
  database: Database;
  clock: () => number;
  logger: Logger;
  /** Stock streams open in this process. */
  openStreams: () => number;
}

export interface AppMetrics {
  /** The app's metrics and the process's, as served. */
  registry: Registry;
  requestDuration: Histogram<'method' | 'route' | 'status_class'>;
  bookingChanges: Counter<'change'>;
  conflicts: Counter<'code'>;
  idempotentReplays: Counter<'route'>;
}

/**
 * The process's own metrics (CPU, memory, event loop lag, GC, handles), collected once per
 * process however many apps it builds (tests build many; the collectors are process-wide).
 */
let processRegistry: Registry | undefined;
function processMetrics(): Registry {
  if (processRegistry === undefined) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/** Seconds, from 1 ms to 10 s: a cached read is a millisecond, a slow write under load a second. */
const durationBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export function createMetrics(sources: MetricSources): AppMetrics {
  const registry = new Registry();
  const registers = [registry];
  const { database, clock, logger } = sources;

  /** A gauge read from the database at scrape time; a failed read leaves the last value. */
  const liveGauge = (name: string, help: string, read: () => Promise<number>) =>
    new Gauge({
      name,
      help,
      registers,
      async collect() {
        try {
          this.set(await read());
        } catch (error) {
          logger.warn('metrics: reading a gauge failed', { metric: name, error: String(error) });
        }
      },
    });

  const counters = {
    requestDuration: new Histogram({
      name: 'frontdesk_http_request_duration_seconds',
      help: 'Time from request to answer (for the stock stream: to the stream opening), by method, route pattern and status class',
      labelNames: ['method', 'route', 'status_class'],
      buckets: durationBuckets,
      registers,
    }),
    bookingChanges: new Counter({
      name: 'frontdesk_booking_changes_total',
      help: 'Bookings created, cancelled (by the customer or the business), declined and rescheduled',
      labelNames: ['change'],
      registers,
    }),
    conflicts: new Counter({
      name: 'frontdesk_conflicts_total',
      help: 'Answers 409 slot_unavailable (the time was taken) and insufficient_stock, by code',
      labelNames: ['code'],
      registers,
    }),
    idempotentReplays: new Counter({
      name: 'frontdesk_idempotent_replays_total',
      help: 'Answers replayed for a repeated Idempotency-Key, by route pattern',
      labelNames: ['route'],
      registers,
    }),
  };

  liveGauge('frontdesk_holds_live', 'Holds not yet expired, booked or released (all businesses)', () =>
    countLiveHolds(database.db, clock()),
  );
  liveGauge('frontdesk_reservations_live', 'Stock reservations still active (all businesses)', () =>
    countLiveReservations(database.db, clock()),
  );
  // Both outbox gauges are collected together on a scrape: they share one read of the backlog.
  let backlogRead: Promise<OutboxBacklog[]> | undefined;
  const readBacklog = () => {
    backlogRead ??= outboxBacklog(database.db).finally(() => {
      backlogRead = undefined;
    });
    return backlogRead;
  };
  const backlogGauge = (name: string, help: string, value: (row: OutboxBacklog, now: number) => number) =>
    new Gauge({
      name,
      help,
      labelNames: ['kind'],
      registers,
      async collect() {
        try {
          const rows = await readBacklog();
          const now = clock();
          this.reset();
          for (const row of rows) this.set({ kind: row.kind }, value(row, now));
        } catch (error) {
          logger.warn('metrics: reading a gauge failed', { metric: name, error: String(error) });
        }
      },
    });
  backlogGauge(
    'frontdesk_outbox_pending',
    'Outbox jobs not yet done (webhook deliveries waiting, running or retrying), by kind (all businesses)',
    (row) => row.pending,
  );
  backlogGauge(
    'frontdesk_outbox_oldest_due_seconds',
    'How long the most overdue pending outbox job has been due (0 when none is due yet), by kind',
    (row, now) => (row.earliestDue === null ? 0 : Math.max(0, (now - row.earliestDue) / 1000)),
  );
  new Gauge({
    name: 'frontdesk_stock_streams_open',
    help: 'Stock streams (SSE) open in this process',
    registers,
    collect() {
      this.set(sources.openStreams());
    },
  });
  new Gauge({
    name: 'frontdesk_write_queue_depth',
    help: 'Write transactions of this process waiting for the database or running',
    registers,
    collect() {
      this.set(database.writeQueueDepth());
    },
  });
  const batchSize = new Histogram({
    name: 'frontdesk_write_batch_size',
    help: 'Writes committed together in one transaction (group commit)',
    buckets: [1, 2, 4, 8, 16, 32, 64],
    registers,
  });
  const transactionTime = new Histogram({
    name: 'frontdesk_write_transaction_seconds',
    help: 'Time a write transaction held the database lock, from BEGIN to COMMIT or ROLLBACK',
    buckets: durationBuckets,
    registers,
  });
  const busyRetries = new Counter({
    name: 'frontdesk_write_busy_retries_total',
    help: 'Writes retried because another process held the database lock (SQLITE_BUSY)',
    registers,
  });
  database.observeWrites({
    transaction(tasks, ms) {
      batchSize.observe(tasks);
      transactionTime.observe(ms / 1000);
    },
    busyRetry: () => busyRetries.inc(),
  });
  // Merged last: the merge takes the metrics registered by then.
  return { ...counters, registry: Registry.merge([processMetrics(), registry]) };
}
