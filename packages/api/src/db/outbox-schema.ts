/**
 * @module The outbox: work that happens after a transaction (webhook deliveries now; mail and
 * reminders, backups later), as rows. A job is due at `due_at`; a worker claims it by writing its
 * lease (`lease_owner`, `lease_expires_at`) with one `UPDATE … RETURNING`, runs it, and records the
 * outcome and the attempt. A lease left by a killed process simply expires. Nothing due lives only
 * in memory.
 */
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { businessId } from './columns.js';

export const outboxJobs = sqliteTable(
  'outbox_jobs',
  {
    id: text('id').primaryKey(),
    businessId: businessId(),
    /** Which handler runs it: `webhook`. */
    kind: text('kind').notNull(),
    /**
     * What it is sent to (for `webhook`, the endpoint id). Jobs of one target run at most a few at a
     * time, so one slow or dead target never takes every slot of the worker.
     */
    target: text('target').notNull(),
    /** Jobs with the same kind, target and key run one at a time in `seq` order (one booking's events). */
    orderingKey: text('ordering_key'),
    seq: integer('seq').notNull(),
    /** What the handler needs, as JSON (for `webhook`: the event id and type). */
    payload: text('payload', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    status: text('status', { enum: ['pending', 'succeeded', 'failed'] }).notNull(),
    /** When the next attempt is due; null once the job is finished. */
    dueAt: integer('due_at'),
    attempts: integer('attempts').notNull(),
    leaseOwner: text('lease_owner'),
    leaseExpiresAt: integer('lease_expires_at'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    // Pending jobs are few beside finished ones: the claim reads only these partial indexes.
    index('outbox_due').on(t.dueAt, t.seq, t.id).where(sql`status = 'pending'`),
    // Live leases, counted per target by every claim: a handful of rows at any time.
    index('outbox_leased').on(t.leaseExpiresAt).where(sql`status = 'pending' AND lease_owner IS NOT NULL`),
    index('outbox_pending_order').on(t.kind, t.target, t.orderingKey, t.seq).where(sql`status = 'pending'`),
    index('outbox_target').on(t.target, t.id),
  ],
);

/** Every attempt at a job, kept for the delivery log. */
export const outboxAttempts = sqliteTable(
  'outbox_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    businessId: businessId(),
    jobId: text('job_id')
      .notNull()
      .references(() => outboxJobs.id, { onDelete: 'cascade' }),
    at: integer('at').notNull(),
    /** The answer's status code (HTTP for webhooks); null when no answer came. */
    statusCode: integer('status_code'),
    error: text('error'),
    durationMs: integer('duration_ms').notNull(),
    /** The first 4 KB of the answer's body. */
    response: text('response'),
  },
  (t) => [
    index('outbox_attempts_job').on(t.jobId, t.id),
    // Erasing a customer looks for her in one business's attempts, not every business's.
    index('outbox_attempts_business').on(t.businessId, t.id),
  ],
);
