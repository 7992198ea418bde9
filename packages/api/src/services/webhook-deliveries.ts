/**
 * @module Webhook deliveries (outbox jobs of kind `webhook`) as the business sees them: the
 * delivery log of an endpoint with every attempt, a manual retry, a replay of past events (each
 * with its original `webhook-id`), and the `webhook.test` event sent on request.
 */
import { eventMatches, isWebhookEventType, type WebhookDelivery } from '@frontdesk/core';
import { and, asc, eq, gt, gte, inArray, lte } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { events, outboxAttempts, outboxJobs } from '../db/schema.js';
import { invalidState, notFound } from '../errors.js';
import { addJobs, type NewJob } from '../outbox/jobs.js';
import { toInstant } from '../time.js';
import { appendEvent } from './events.js';
import { decodeCursor, type Page, pageOf } from './pagination.js';
import { type EndpointRow, getEndpointRow, WEBHOOK_JOB } from './webhook-endpoints.js';

type JobRow = typeof outboxJobs.$inferSelect;
type AttemptRow = typeof outboxAttempts.$inferSelect;

/** What a webhook job's payload holds. */
export interface WebhookJobPayload {
  eventId: number;
  type: string;
}

/** The `webhook-id` of an event: stable across retries and replays, the receiver's dedupe key. */
export const webhookMessageId = (eventId: number) => `evt_${eventId}`;

/** Events queued by one replay call at most. */
export const MAX_REPLAY = 10_000;

/** Whether an endpoint subscribed with `patterns` gets events of `type` (never `webhook.test`). */
export function endpointWants(patterns: readonly string[], type: string): boolean {
  return type !== 'webhook.test' && isWebhookEventType(type) && patterns.some((p) => eventMatches(p, type));
}

/** A delivery job for one event to one endpoint, due now. */
export function deliveryJob(
  endpoint: Pick<EndpointRow, 'id' | 'businessId'>,
  event: { id: number; type: string; subjectId: string },
  now: number,
): NewJob {
  return {
    businessId: endpoint.businessId,
    kind: WEBHOOK_JOB,
    target: endpoint.id,
    // One subject's events reach the endpoint in order; other subjects do not wait for them.
    orderingKey: event.subjectId,
    seq: event.id,
    payload: { eventId: event.id, type: event.type } satisfies WebhookJobPayload,
    dueAt: now,
  };
}

function toWire(job: JobRow, attempts: AttemptRow[]): WebhookDelivery {
  const payload = job.payload as unknown as WebhookJobPayload;
  return {
    id: job.id,
    endpointId: job.target,
    eventId: webhookMessageId(payload.eventId),
    eventType: payload.type,
    status: job.status,
    attempts: attempts.map((a) => ({
      at: toInstant(a.at),
      status: a.statusCode,
      error: a.error,
      durationMs: a.durationMs,
      response: a.response,
    })),
    nextAttemptAt: job.status === 'pending' && job.dueAt !== null ? toInstant(job.dueAt) : null,
    createdAt: toInstant(job.createdAt),
    updatedAt: toInstant(job.updatedAt),
  };
}

async function attemptsOf(db: Db, jobIds: string[]): Promise<Map<string, AttemptRow[]>> {
  const byJob = new Map<string, AttemptRow[]>();
  if (jobIds.length === 0) return byJob;
  const rows = await db
    .select()
    .from(outboxAttempts)
    .where(inArray(outboxAttempts.jobId, jobIds))
    .orderBy(asc(outboxAttempts.id));
  for (const row of rows) {
    const list = byJob.get(row.jobId) ?? [];
    list.push(row);
    byJob.set(row.jobId, list);
  }
  return byJob;
}

async function deliveryById(db: Db, businessId: string, id: string): Promise<WebhookDelivery> {
  const [job] = await db
    .select()
    .from(outboxJobs)
    .where(
      and(eq(outboxJobs.businessId, businessId), eq(outboxJobs.kind, WEBHOOK_JOB), eq(outboxJobs.id, id)),
    );
  if (!job) throw notFound('Webhook delivery');
  return toWire(job, (await attemptsOf(db, [job.id])).get(job.id) ?? []);
}

/** The delivery log of an endpoint, oldest first, optionally of one status. */
export async function listDeliveries(
  db: Db,
  businessId: string,
  endpointId: string,
  query: { status?: JobRow['status'] | undefined; cursor?: string | undefined; limit?: number | undefined },
): Promise<Page<WebhookDelivery>> {
  await getEndpointRow(db, businessId, endpointId);
  const limit = query.limit ?? 50;
  const after = decodeCursor(query.cursor);
  const rows = await db
    .select()
    .from(outboxJobs)
    .where(
      and(
        eq(outboxJobs.target, endpointId),
        eq(outboxJobs.businessId, businessId),
        eq(outboxJobs.kind, WEBHOOK_JOB),
        query.status ? eq(outboxJobs.status, query.status) : undefined,
        after ? gt(outboxJobs.id, after) : undefined,
      ),
    )
    .orderBy(asc(outboxJobs.id))
    .limit(limit + 1);
  const attempts = await attemptsOf(
    db,
    rows.slice(0, limit).map((r) => r.id),
  );
  return pageOf(rows, limit, (row) => toWire(row, attempts.get(row.id) ?? []));
}

/** One more attempt now, also for a `failed` delivery (a manual replay of that event). */
export async function retryDelivery(
  tx: Db,
  businessId: string,
  id: string,
  now: number,
): Promise<WebhookDelivery> {
  const before = await deliveryById(tx, businessId, id);
  const endpoint = await getEndpointRow(tx, businessId, before.endpointId);
  if (!endpoint.active) throw invalidState('The endpoint is disabled; enable it (PATCH active: true) first');
  await tx
    .update(outboxJobs)
    .set({ status: 'pending', dueAt: now, updatedAt: now })
    .where(eq(outboxJobs.id, id));
  return deliveryById(tx, businessId, id);
}

/** Sends a `webhook.test` event to one endpoint now; answers its delivery. */
export async function sendTestEvent(tx: Db, businessId: string, endpointId: string, now: number) {
  const endpoint = await getEndpointRow(tx, businessId, endpointId);
  if (!endpoint.active) throw invalidState('The endpoint is disabled; enable it (PATCH active: true) first');
  const data = { endpointId, message: 'A test event from Frontdesk: this endpoint is reachable.' };
  const eventId = await appendEvent(tx, {
    businessId,
    type: 'webhook.test',
    subjectId: endpointId,
    payload: data,
    now,
  });
  const [id] = await addJobs(
    tx,
    [deliveryJob(endpoint, { id: eventId, type: 'webhook.test', subjectId: endpointId }, now)],
    now,
  );
  return deliveryById(tx, businessId, id!);
}

/**
 * Queues again every event the endpoint wants since `since` (an instant, or an event id, inclusive),
 * up to the endpoint's cursor — later events are on their way already. Each keeps its `webhook-id`.
 */
export async function replayEvents(
  tx: Db,
  businessId: string,
  endpointId: string,
  since: string,
  now: number,
): Promise<{ queued: number; nextSince: string | null }> {
  const endpoint = await getEndpointRow(tx, businessId, endpointId);
  if (!endpoint.active) throw invalidState('The endpoint is disabled; enable it (PATCH active: true) first');
  const from = since.startsWith('evt_')
    ? gte(events.id, Number(since.slice(4)))
    : gte(events.createdAt, Date.parse(since));
  const rows = await tx
    .select({ id: events.id, type: events.type, subjectId: events.subjectId })
    .from(events)
    .where(and(eq(events.businessId, businessId), from, lte(events.id, endpoint.cursor)))
    .orderBy(asc(events.id))
    .limit(MAX_REPLAY + 1);
  const page = rows.slice(0, MAX_REPLAY);
  const jobs = page
    .filter((e) => endpointWants(endpoint.events, e.type))
    .map((e) => deliveryJob(endpoint, e, now));
  await addJobs(tx, jobs, now);
  const next = rows[MAX_REPLAY];
  return { queued: jobs.length, nextSince: next ? webhookMessageId(next.id) : null };
}
