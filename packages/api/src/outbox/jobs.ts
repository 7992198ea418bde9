/**
 * @module Outbox job rows: adding them, claiming due ones with an expiring lease in ONE
 * `UPDATE … RETURNING` (so with N processes on one database each due job is run by one process at a
 * time), and recording what came of an attempt. Kind-agnostic: handlers (webhooks, later mail)
 * give the rows their meaning.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { placeholderRow, prepared } from '../db/prepared.js';
import { outboxAttempts, outboxJobs } from '../db/schema.js';
import { newId } from '../ids.js';

/** A job to add. */
export interface NewJob {
  businessId: string;
  kind: string;
  target: string;
  orderingKey: string | null;
  seq: number;
  payload: Record<string, unknown>;
  dueAt: number;
}

/** A job as a worker holds it while running it. */
export interface ClaimedJob {
  id: string;
  businessId: string;
  kind: string;
  target: string;
  orderingKey: string | null;
  seq: number;
  payload: Record<string, unknown>;
  /** Attempts made before this one. */
  attempts: number;
  dueAt: number;
}

/** One try, as the handler saw it. */
export interface AttemptRecord {
  at: number;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  response: string | null;
}

/** Where a job goes after an attempt (or after the handler decided no attempt could be made). */
export type NextState = { status: 'succeeded' } | { status: 'failed' } | { status: 'pending'; dueAt: number };

type OutboxJobRow = typeof outboxJobs.$inferSelect;

/**
 * A job row, every column a placeholder of its name; prepared once per handle. A multi-row INSERT
 * built per call cost drizzle more than SQLite's writing the rows: the mail producer's ~200-row
 * inserts spent ~35 µs a job building their SQL.
 */
const insertJob = (tx: Db) =>
  prepared(tx, 'outbox:insert-job', (d) => d.insert(outboxJobs).values(placeholderRow(outboxJobs)).prepare());

/** Inserts jobs (ids sort by creation, so the delivery log pages oldest first). */
export async function addJobs(tx: Db, jobs: readonly NewJob[], now: number): Promise<string[]> {
  const ids: string[] = [];
  for (const job of jobs) {
    const id = newId('dlv', now);
    ids.push(id);
    await insertJob(tx).run({
      id,
      businessId: job.businessId,
      kind: job.kind,
      target: job.target,
      orderingKey: job.orderingKey,
      seq: job.seq,
      payload: job.payload,
      status: 'pending',
      dueAt: job.dueAt,
      attempts: 0,
      leaseOwner: null,
      leaseExpiresAt: null,
      createdAt: now,
      updatedAt: now,
    } satisfies OutboxJobRow);
  }
  return ids;
}

/**
 * A pending job is runnable when it is due, nobody holds a live lease on it, and no earlier job of
 * its ordering group (same kind, target and key) is still pending: one booking's events reach an
 * endpoint in order, other bookings' do not wait.
 */
const runnable = (now: number) => sql`
  j.status = 'pending' AND j.due_at <= ${now}
  AND (j.lease_expires_at IS NULL OR j.lease_expires_at <= ${now})
  AND (j.ordering_key IS NULL OR NOT EXISTS (
    SELECT 1 FROM outbox_jobs o
    WHERE o.status = 'pending' AND o.kind = j.kind AND o.target = j.target
      AND o.ordering_key = j.ordering_key
      AND (o.seq < j.seq OR (o.seq = j.seq AND o.id < j.id))))`;

interface CandidateRow {
  id: string;
  kind: string;
  target: string;
  due_at: number;
  seq: number;
}

interface JobRow {
  id: string;
  business_id: string;
  kind: string;
  target: string;
  ordering_key: string | null;
  seq: number;
  payload: string;
  attempts: number;
  due_at: number;
}

export interface ClaimOptions {
  owner: string;
  now: number;
  leaseMs: number;
  /** Claim at most this many. */
  limit: number;
  /** Leases live at once per target (across every process), this claim included. */
  perTarget: number;
}

/**
 * Runnable jobs looked at per window — a few more than wanted at first, growing when targets at
 * their cap take up the window — and windows per claim: a claim's cost is bounded.
 */
const MAX_WINDOW = 256;
const MAX_WINDOWS = 5;

/**
 * Claims up to `limit` runnable jobs for `owner`, oldest due first, leaving each target at most
 * `perTarget` live leases. Call inside a write transaction: the reads and the lease are one step.
 * Every read walks an index (due jobs in due order; live leases), a window at a time, so the
 * cost stays small however long the backlog of a dead endpoint grows.
 */
export async function claimJobs(tx: Db, options: ClaimOptions): Promise<ClaimedJob[]> {
  const { owner, now, leaseMs, limit, perTarget } = options;
  if (limit <= 0) return [];
  const busy = new Map<string, number>();
  const leased = await tx.all<{ kind: string; target: string; n: number }>(sql`
    SELECT kind, target, count(*) AS n FROM outbox_jobs
    WHERE status = 'pending' AND lease_owner IS NOT NULL AND lease_expires_at > ${now}
    GROUP BY kind, target`);
  for (const row of leased) busy.set(`${row.kind}\u0000${row.target}`, Number(row.n));

  const picked: string[] = [];
  let after: { due: number; seq: number; id: string } | undefined;
  let size = Math.min(MAX_WINDOW, limit * 2 + 8);
  for (
    let window = 0;
    window < MAX_WINDOWS && picked.length < limit;
    window++, size = Math.min(MAX_WINDOW, size * 4)
  ) {
    // Targets at their cap are left out of the read, not skipped after it: a busy endpoint with a
    // long backlog costs nothing to look past.
    const full = [...busy].filter(([, n]) => n >= perTarget).map(([key]) => key.split('\u0000'));
    const notFull = full.map(([kind, target]) => sql`AND NOT (j.kind = ${kind} AND j.target = ${target})`);
    const rows = await tx.all<CandidateRow>(sql`
      SELECT j.id, j.kind, j.target, j.due_at, j.seq FROM outbox_jobs j
      WHERE ${runnable(now)} ${sql.join(notFull, sql` `)}
        ${after ? sql`AND (j.due_at, j.seq, j.id) > (${after.due}, ${after.seq}, ${after.id})` : sql``}
      ORDER BY j.due_at, j.seq, j.id
      LIMIT ${size}`);
    for (const row of rows) {
      const key = `${row.kind}\u0000${row.target}`;
      const n = busy.get(key) ?? 0;
      if (n >= perTarget) continue;
      busy.set(key, n + 1);
      picked.push(row.id);
      if (picked.length === limit) break;
    }
    const last = rows.at(-1);
    if (rows.length < size || !last) break;
    after = { due: Number(last.due_at), seq: Number(last.seq), id: last.id };
  }
  if (picked.length === 0) return [];

  const claimed = await tx.all<JobRow>(sql`
    UPDATE outbox_jobs SET lease_owner = ${owner}, lease_expires_at = ${now + leaseMs}
    WHERE id IN (${sql.join(
      picked.map((id) => sql`${id}`),
      sql`, `,
    )}) AND status = 'pending'
    RETURNING id, business_id, kind, target, ordering_key, seq, payload, attempts, due_at`);
  return claimed
    .map((row) => ({
      id: row.id,
      businessId: row.business_id,
      kind: row.kind,
      target: row.target,
      orderingKey: row.ordering_key,
      seq: Number(row.seq),
      payload: JSON.parse(row.payload) as Record<string, unknown>,
      attempts: Number(row.attempts),
      dueAt: Number(row.due_at),
    }))
    .sort((a, b) => a.dueAt - b.dueAt || a.seq - b.seq);
}

/** Whether any job is runnable now (a cheap read before taking the write lock to claim). */
export async function hasRunnableJob(db: Db, now: number): Promise<boolean> {
  const rows = await db.all(sql`SELECT 1 FROM outbox_jobs j WHERE ${runnable(now)} LIMIT 1`);
  return rows.length > 0;
}

/**
 * When the worker should look again: the next future due time, and whether jobs are due now but
 * held (leased by another process, or waiting behind an earlier job of their group).
 */
export async function nextWake(db: Db, now: number): Promise<{ nextDueAt: number | null; heldNow: boolean }> {
  const [row] = await db.all<{ next_due: number | null; held: number | null }>(sql`
    SELECT
      (SELECT min(due_at) FROM outbox_jobs WHERE status = 'pending' AND due_at > ${now}) AS next_due,
      (SELECT 1 FROM outbox_jobs WHERE status = 'pending' AND due_at <= ${now} LIMIT 1) AS held`);
  return { nextDueAt: row?.next_due ?? null, heldNow: row?.held === 1 };
}

/**
 * Records an attempt and the job's next state. The state changes only while `owner` still holds
 * the lease (a lease that expired may have been claimed again); the attempt is kept either way,
 * since it happened — unless the job itself is gone (its webhook endpoint was deleted while the
 * attempt was under way, taking its delivery log along): then there is nothing to record it on.
 * Answers whether the lease was still held.
 */
export async function recordOutcome(
  tx: Db,
  job: ClaimedJob,
  owner: string,
  attempt: AttemptRecord | undefined,
  next: NextState,
  now: number,
): Promise<boolean> {
  const updated = await settleJob(tx).all({
    id: job.id,
    owner,
    status: next.status,
    dueAt: next.status === 'pending' ? next.dueAt : null,
    counted: attempt ? 1 : 0,
    now,
  });
  const held = updated.length > 0;
  if (attempt && (held || (await jobExists(tx, job.id)))) {
    await insertAttempt(tx).run({ businessId: job.businessId, jobId: job.id, ...attempt });
  }
  return held;
}

/** Whether job `id` is still there (asked only when its lease was not: rare). */
async function jobExists(tx: Db, id: string): Promise<boolean> {
  const rows = await tx.select({ id: outboxJobs.id }).from(outboxJobs).where(eq(outboxJobs.id, id)).limit(1);
  return rows.length > 0;
}

// Prepared once per handle: every delivery runs both.
const p = (name: string) => sql.placeholder(name);

const settleJob = (tx: Db) =>
  prepared(tx, 'outbox:settle', (d) =>
    d
      .update(outboxJobs)
      .set({
        status: sql`${p('status')}`,
        dueAt: sql`${p('dueAt')}`,
        attempts: sql`${outboxJobs.attempts} + ${p('counted')}`,
        leaseOwner: null,
        leaseExpiresAt: null,
        updatedAt: sql`${p('now')}`,
      })
      .where(and(eq(outboxJobs.id, p('id')), eq(outboxJobs.leaseOwner, p('owner'))))
      .returning({ id: outboxJobs.id })
      .prepare(),
  );

const insertAttempt = (tx: Db) =>
  prepared(tx, 'outbox:attempt', (d) =>
    d
      .insert(outboxAttempts)
      .values({
        businessId: p('businessId'),
        jobId: p('jobId'),
        at: p('at'),
        statusCode: p('statusCode'),
        error: p('error'),
        durationMs: p('durationMs'),
        response: p('response'),
      })
      .prepare(),
  );

/** Gives back the leases `owner` still holds (a worker stopping): others may run them at once. */
export async function releaseLeases(tx: Db, owner: string): Promise<void> {
  await tx
    .update(outboxJobs)
    .set({ leaseOwner: null, leaseExpiresAt: null })
    .where(and(eq(outboxJobs.leaseOwner, owner), eq(outboxJobs.status, 'pending')));
}
