/**
 * @module The `webhook` job handler: one attempt at sending one event to one endpoint, Standard
 * Webhooks style — `webhook-id` (the event's, the same on every retry and replay), a fresh
 * `webhook-timestamp` and signature per attempt — then what follows from the answer: 2xx done;
 * `410 Gone` disables the endpoint; anything else (3xx included, timeouts, refused addresses) is
 * tried again on the schedule of `@frontdesk/core`, stretched by `Retry-After` on 429/503; after
 * the last step the delivery is `failed`, and 5 days of nothing but failures disable the endpoint.
 */
import { parseRetryAfter, webhookRetryDelay } from '@frontdesk/core';
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { Database, Db } from '../db/open.js';
import { prepared } from '../db/prepared.js';
import { events, webhookEndpoints } from '../db/schema.js';
import type { Logger } from '../env.js';
import type { AttemptRecord, ClaimedJob } from '../outbox/jobs.js';
import type { JobOutcome, OutboxHandler } from '../outbox/worker.js';
import { type WebhookJobPayload, webhookMessageId } from '../services/webhook-deliveries.js';
import { disableEndpoint, signingSecrets, WEBHOOK_JOB } from '../services/webhook-endpoints.js';
import { toInstant } from '../time.js';
import { webhookData } from './event-data.js';
import { httpSender, type WebhookSender } from './http-sender.js';
import { webhookHeaders } from './signature.js';
import { checkWebhookUrl, type Resolver, systemResolver } from './url-guard.js';

/** Failing without a single success for this long disables an endpoint. */
export const FAILING_DISABLES_AFTER_MS = 5 * 86_400_000;
/** Each attempt gets this long to be answered. */
export const ATTEMPT_TIMEOUT_MS = 15_000;

export interface WebhookDeliveryOptions {
  database: Database;
  clock: () => number;
  logger: Logger;
  /** Allow `http:` and private, loopback and link-local targets (FRONTDESK_WEBHOOK_ALLOW_PRIVATE=1). */
  allowPrivate?: boolean;
  resolver?: Resolver;
  sender?: WebhookSender;
  timeoutMs?: number;
  /** The jitter draw, in [0, 1). Default `Math.random`. */
  random?: () => number;
}

/** What the answer means for the delivery and the endpoint. */
function classify(
  job: ClaimedJob,
  status: number | null,
  retryAfter: string | null,
  options: { now: number; random: () => number },
): Pick<JobOutcome, 'next'> & { gone: boolean; ok: boolean } {
  if (status !== null && status >= 200 && status < 300)
    return { ok: true, gone: false, next: { status: 'succeeded' } };
  if (status === 410) return { ok: false, gone: true, next: { status: 'failed' } };
  const waitAtLeast = status === 429 || status === 503 ? parseRetryAfter(retryAfter, options.now) : undefined;
  const delay = webhookRetryDelay(job.attempts + 1, options.random(), waitAtLeast);
  return {
    ok: false,
    gone: false,
    next: delay === null ? { status: 'failed' } : { status: 'pending', dueAt: options.now + delay },
  };
}

/** After a failure: start or continue the endpoint's failing streak; 5 days of it disables it. */
async function noteFailure(tx: Db, endpointId: string, now: number): Promise<void> {
  const [row] = await tx
    .select({ active: webhookEndpoints.active, failingSince: webhookEndpoints.failingSince })
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.id, endpointId));
  if (!row?.active) return;
  if (row.failingSince === null) {
    await tx.update(webhookEndpoints).set({ failingSince: now }).where(eq(webhookEndpoints.id, endpointId));
  } else if (now - row.failingSince >= FAILING_DISABLES_AFTER_MS) {
    await disableEndpoint(tx, endpointId, 'failing', now);
  }
}

// Prepared once per handle: every attempt runs these.
const p = (name: string) => sql.placeholder(name);

const endpointById = (db: Db) =>
  prepared(db, 'webhook:endpoint', (d) =>
    d
      .select()
      .from(webhookEndpoints)
      .where(and(eq(webhookEndpoints.id, p('id')), eq(webhookEndpoints.businessId, p('businessId'))))
      .prepare(),
  );

const eventById = (db: Db) =>
  prepared(db, 'webhook:event', (d) =>
    d
      .select()
      .from(events)
      .where(and(eq(events.id, p('id')), eq(events.businessId, p('businessId'))))
      .prepare(),
  );

/** After a success the failing streak is over (a no-op write when there was none). */
const clearFailing = (tx: Db) =>
  prepared(tx, 'webhook:clear-failing', (d) =>
    d
      .update(webhookEndpoints)
      .set({ failingSince: null })
      .where(and(eq(webhookEndpoints.id, p('id')), isNotNull(webhookEndpoints.failingSince)))
      .prepare(),
  );

export function webhookHandler(options: WebhookDeliveryOptions): OutboxHandler {
  const { database, clock, logger } = options;
  const sender = options.sender ?? httpSender;
  const guard = { allowPrivate: options.allowPrivate ?? false, resolver: options.resolver ?? systemResolver };
  const timeoutMs = options.timeoutMs ?? ATTEMPT_TIMEOUT_MS;
  const random = options.random ?? Math.random;

  return {
    kind: WEBHOOK_JOB,
    async run(job, { signal }) {
      const { eventId } = job.payload as unknown as WebhookJobPayload;
      const [endpoint] = await endpointById(database.db).all({ id: job.target, businessId: job.businessId });
      // Disabled or deleted since it was queued: nothing is sent.
      if (!endpoint?.active) return { next: { status: 'failed' } };
      const [event] = await eventById(database.db).all({ id: eventId, businessId: job.businessId });
      if (!event) return { next: { status: 'failed' } };

      const data = await webhookData(database.db, event);
      const body = JSON.stringify({ type: event.type, timestamp: toInstant(event.createdAt), data });
      const at = clock();
      const headers = webhookHeaders(
        signingSecrets(endpoint, at),
        webhookMessageId(event.id),
        Math.floor(at / 1000),
        body,
      );
      const started = performance.now();
      let status: number | null = null;
      let retryAfter: string | null = null;
      let response: string | null = null;
      let error: string | null = null;
      // Checked again now, not only when the endpoint was saved: DNS may answer differently today.
      const verdict = await checkWebhookUrl(endpoint.url, guard);
      if (!verdict.ok) {
        error = `refused: ${verdict.reason}`;
      } else {
        try {
          const answer = await sender({
            url: verdict.url,
            address: verdict.addresses[0]!,
            headers,
            body,
            timeoutMs,
            signal,
          });
          ({ status, retryAfter } = answer);
          response = answer.body;
        } catch (failure) {
          error = failure instanceof Error ? failure.message : String(failure);
        }
      }
      const attempt: AttemptRecord = {
        at,
        statusCode: status,
        error,
        durationMs: Math.round(performance.now() - started),
        response,
      };
      const now = clock();
      const verdictOf = classify(job, status, retryAfter, { now, random });
      if (!verdictOf.ok) {
        logger.warn('webhook attempt failed', {
          deliveryId: job.id,
          endpointId: endpoint.id,
          eventId: webhookMessageId(event.id),
          status,
          error,
          attempt: job.attempts + 1,
          next: verdictOf.next.status === 'pending' ? toInstant(verdictOf.next.dueAt) : verdictOf.next.status,
        });
      }
      return {
        attempt,
        next: verdictOf.next,
        effects: async (tx) => {
          if (verdictOf.ok) {
            await clearFailing(tx).run({ id: endpoint.id });
          } else if (verdictOf.gone) {
            await disableEndpoint(tx, endpoint.id, 'gone', now);
          } else {
            await noteFailure(tx, endpoint.id, now);
          }
        },
      };
    },
  };
}
