/**
 * @module Holds: a slot kept for a few minutes while the customer fills in the form. A hold counts
 * against capacity until it expires (by time alone) or becomes a booking.
 */
import type { Hold, HoldInput } from '@frontdesk/core';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { holds } from '../db/schema.js';
import { notFound, slotUnavailable } from '../errors.js';
import { newId } from '../ids.js';
import { toInstant } from '../time.js';
import { checkBookableStart } from './availability.js';
import { getBusinessRow } from './business.js';
import type { RowLogger } from './catalog-rows.js';
import { appendEvent } from './events.js';

type HoldRow = typeof holds.$inferSelect;

export const holdToWire = (row: HoldRow): Hold => ({
  id: row.id,
  serviceId: row.serviceId,
  resourceId: row.resourceId,
  start: toInstant(row.start),
  end: toInstant(row.end),
  expiresAt: toInstant(row.expiresAt),
});

/**
 * Places a hold; call inside a write transaction (the check and the insert must be atomic).
 * `clientHash`: who placed it with a publishable key (see `live-hold-limit.ts`), or null.
 */
export async function createHold(
  tx: Db,
  businessId: string,
  input: HoldInput,
  now: number,
  includeInactive: boolean,
  logger: RowLogger,
  clientHash: string | null = null,
): Promise<Hold> {
  const business = await getBusinessRow(tx, businessId);
  const start = Date.parse(input.start);
  const check = await checkBookableStart(tx, {
    businessId,
    serviceId: input.service,
    resourceId: input.resource,
    start,
    now,
    includeInactive,
    logger,
  });
  const opening = check.openings[0];
  if (!opening) throw slotUnavailable();
  const row: HoldRow = {
    id: newId('hld', now),
    businessId,
    serviceId: check.service.id,
    resourceId: opening.resourceId,
    ...check.block,
    expiresAt: now + business.holdMinutes * 60_000,
    createdAt: now,
    clientHash,
  };
  await tx.insert(holds).values(row);
  const wire = holdToWire(row);
  await appendEvent(tx, { businessId, type: 'hold.created', subjectId: row.id, payload: wire, now });
  return wire;
}

/** Releases a hold early (the customer closed the form). Releasing an expired hold is fine too. */
export async function releaseHold(tx: Db, businessId: string, id: string, now: number): Promise<void> {
  const where = and(eq(holds.businessId, businessId), eq(holds.id, id));
  const [row] = await tx.select().from(holds).where(where);
  if (!row) throw notFound('Hold');
  await tx.delete(holds).where(where);
  await appendEvent(tx, { businessId, type: 'hold.released', subjectId: id, payload: { id }, now });
}

/** A hold of this business (live or not), or undefined. */
export async function findHold(db: Db, businessId: string, id: string): Promise<HoldRow | undefined> {
  const [row] = await db
    .select()
    .from(holds)
    .where(and(eq(holds.businessId, businessId), eq(holds.id, id)));
  return row;
}
