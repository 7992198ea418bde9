/**
 * @module Webhook endpoints: create (the secret is shown once), read, change, delete, rotate the
 * secret (the old one keeps signing for 24 h), and disable (by the owner, after `410 Gone`, or
 * after 5 days of failures — the last two write a `webhook_endpoint.disabled` event). URLs are
 * checked by the SSRF guard in the route, before the transaction (DNS must not hold the write lock).
 */
import type { WebhookDisabledReason, WebhookEndpoint, WebhookEndpointWithSecret } from '@frontdesk/core';
import { and, count, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { outboxJobs, webhookEndpoints } from '../db/schema.js';
import { invalidState, notFound } from '../errors.js';
import { newId } from '../ids.js';
import { toInstant } from '../time.js';
import { newWebhookSecret } from '../webhooks/signature.js';
import { appendEvent } from './events.js';
import { decodeCursor, type Page, pageOf } from './pagination.js';

export type EndpointRow = typeof webhookEndpoints.$inferSelect;

/** Endpoints one business may have. */
export const MAX_ENDPOINTS = 20;
/** How long the previous secret keeps signing after a rotation. */
export const ROTATION_OVERLAP_MS = 24 * 3_600_000;
/** The outbox kind of webhook deliveries. */
export const WEBHOOK_JOB = 'webhook';

export function endpointToWire(row: EndpointRow, now: number): WebhookEndpoint {
  const overlap = row.previousSecretExpiresAt !== null && row.previousSecretExpiresAt > now;
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: row.events,
    active: row.active,
    disabledReason: row.disabledReason,
    disabledAt: row.disabledAt === null ? null : toInstant(row.disabledAt),
    previousSecretExpiresAt: overlap ? toInstant(row.previousSecretExpiresAt!) : null,
    createdAt: toInstant(row.createdAt),
    updatedAt: toInstant(row.updatedAt),
  };
}

/** The secrets that sign an attempt made at `now`: the current one, and the previous during its 24 h. */
export function signingSecrets(row: EndpointRow, now: number): string[] {
  const previous =
    row.previousSecret !== null && row.previousSecretExpiresAt !== null && row.previousSecretExpiresAt > now
      ? [row.previousSecret]
      : [];
  return [row.secret, ...previous];
}

/** The newest event id: a new or re-enabled endpoint gets the events written after it. */
async function newestEventId(tx: Db): Promise<number> {
  const [row] = await tx.all<{ id: number | null }>(sql`SELECT max(id) AS id FROM event_rows`);
  return Number(row?.id ?? 0);
}

export async function createEndpoint(
  tx: Db,
  businessId: string,
  input: { url: string; events: string[]; description: string; active: boolean },
  now: number,
): Promise<WebhookEndpointWithSecret> {
  const [existing] = await tx
    .select({ n: count() })
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.businessId, businessId));
  if ((existing?.n ?? 0) >= MAX_ENDPOINTS) {
    throw invalidState(`A business has at most ${MAX_ENDPOINTS} webhook endpoints; delete one first`);
  }
  const row: EndpointRow = {
    id: newId('whe', now),
    businessId,
    url: input.url,
    description: input.description,
    events: input.events,
    active: input.active,
    disabledReason: null,
    disabledAt: null,
    secret: newWebhookSecret(),
    previousSecret: null,
    previousSecretExpiresAt: null,
    cursor: await newestEventId(tx),
    failingSince: null,
    createdAt: now,
    updatedAt: now,
  };
  await tx.insert(webhookEndpoints).values(row);
  return { ...endpointToWire(row, now), secret: row.secret };
}

export async function getEndpointRow(db: Db, businessId: string, id: string): Promise<EndpointRow> {
  const [row] = await db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.businessId, businessId), eq(webhookEndpoints.id, id)));
  if (!row) throw notFound('Webhook endpoint');
  return row;
}

export async function listEndpoints(
  db: Db,
  businessId: string,
  query: { cursor?: string | undefined; limit?: number | undefined },
  now: number,
): Promise<Page<WebhookEndpoint>> {
  const limit = query.limit ?? 50;
  const after = decodeCursor(query.cursor);
  const rows = await db
    .select()
    .from(webhookEndpoints)
    .where(
      and(eq(webhookEndpoints.businessId, businessId), after ? gt(webhookEndpoints.id, after) : undefined),
    )
    .orderBy(webhookEndpoints.id)
    .limit(limit + 1);
  return pageOf(rows, limit, (row) => endpointToWire(row, now));
}

/** Marks every pending delivery of an endpoint `failed`: a disabled endpoint gets nothing. */
async function failPendingDeliveries(tx: Db, endpointId: string, now: number): Promise<void> {
  await tx
    .update(outboxJobs)
    .set({ status: 'failed', dueAt: null, updatedAt: now })
    .where(
      and(
        eq(outboxJobs.kind, WEBHOOK_JOB),
        eq(outboxJobs.target, endpointId),
        eq(outboxJobs.status, 'pending'),
      ),
    );
}

export async function updateEndpoint(
  tx: Db,
  businessId: string,
  id: string,
  update: { url?: string; events?: string[]; description?: string; active?: boolean },
  now: number,
): Promise<WebhookEndpoint> {
  const row = await getEndpointRow(tx, businessId, id);
  const next: EndpointRow = { ...row, ...update, updatedAt: now };
  if (update.active === true && !row.active) {
    // Back on: from now on. Events of the time it was off are not queued; replay them if wanted.
    Object.assign(next, {
      disabledReason: null,
      disabledAt: null,
      failingSince: null,
      cursor: await newestEventId(tx),
    });
  } else if (update.active === false && row.active) {
    next.disabledAt = now;
    await failPendingDeliveries(tx, id, now);
  }
  const { id: _i, businessId: _b, createdAt: _c, ...changes } = next;
  await tx.update(webhookEndpoints).set(changes).where(eq(webhookEndpoints.id, id));
  return endpointToWire(next, now);
}

/** Deletes an endpoint with its delivery log. */
export async function deleteEndpoint(tx: Db, businessId: string, id: string): Promise<void> {
  await getEndpointRow(tx, businessId, id);
  // Attempts go with their jobs (ON DELETE CASCADE).
  await tx
    .delete(outboxJobs)
    .where(
      and(eq(outboxJobs.businessId, businessId), eq(outboxJobs.kind, WEBHOOK_JOB), eq(outboxJobs.target, id)),
    );
  await tx.delete(webhookEndpoints).where(eq(webhookEndpoints.id, id));
}

/** A new secret; the previous one keeps signing (as a second signature) for 24 h. */
export async function rotateSecret(
  tx: Db,
  businessId: string,
  id: string,
  now: number,
): Promise<WebhookEndpointWithSecret> {
  const row = await getEndpointRow(tx, businessId, id);
  const next: EndpointRow = {
    ...row,
    secret: newWebhookSecret(),
    previousSecret: row.secret,
    previousSecretExpiresAt: now + ROTATION_OVERLAP_MS,
    updatedAt: now,
  };
  await tx
    .update(webhookEndpoints)
    .set({
      secret: next.secret,
      previousSecret: next.previousSecret,
      previousSecretExpiresAt: next.previousSecretExpiresAt,
      updatedAt: now,
    })
    .where(eq(webhookEndpoints.id, id));
  return { ...endpointToWire(next, now), secret: next.secret };
}

/**
 * Frontdesk switches an endpoint off (it answered 410, or failed for 5 days): pending deliveries
 * fail, and a `webhook_endpoint.disabled` event tells the business's other endpoints.
 */
export async function disableEndpoint(
  tx: Db,
  endpointId: string,
  reason: WebhookDisabledReason,
  now: number,
): Promise<void> {
  const [row] = await tx.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpointId));
  if (!row?.active) return;
  const next: EndpointRow = {
    ...row,
    active: false,
    disabledReason: reason,
    disabledAt: now,
    updatedAt: now,
  };
  await tx
    .update(webhookEndpoints)
    .set({ active: false, disabledReason: reason, disabledAt: now, updatedAt: now })
    .where(eq(webhookEndpoints.id, endpointId));
  await failPendingDeliveries(tx, endpointId, now);
  await appendEvent(tx, {
    businessId: row.businessId,
    type: 'webhook_endpoint.disabled',
    subjectId: row.id,
    payload: { ...endpointToWire(next, now), reason },
    now,
    // The server did this on its own (a 410, or 5 days of failures): no request asked for it.
    actor: null,
  });
}
