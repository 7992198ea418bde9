/**
 * @module When resources work besides their weekly hours: date overrides and time off per
 * resource, and business-wide closures. Each change is an event (availability changed).
 */
import type {
  Closure,
  ClosureInput,
  DateOverride,
  DateOverrideInput,
  TimeInterval,
  TimeOff,
  TimeOffInput,
} from '@frontdesk/core';
import { and, eq, gt } from 'drizzle-orm';
import type * as z from 'zod/mini';
import type { Db } from '../db/open.js';
import { closures, dateOverrides, timeOff } from '../db/schema.js';
import { notFound } from '../errors.js';
import { newId } from '../ids.js';
import { toInstant } from '../time.js';
import { dateInRange } from './catalog-rows.js';
import { appendEvent } from './events.js';
import { decodeCursor, type Page, pageOf } from './pagination.js';
import { getResourceRow } from './resources.js';

interface ListOptions {
  cursor?: string | undefined;
  limit?: number | undefined;
}

export const overrideToWire = (row: typeof dateOverrides.$inferSelect): DateOverride => ({
  id: row.id,
  resourceId: row.resourceId,
  date: row.date,
  intervals: row.intervals as TimeInterval[],
});

export const timeOffToWire = (row: typeof timeOff.$inferSelect): TimeOff => ({
  id: row.id,
  resourceId: row.resourceId,
  start: toInstant(row.start),
  end: toInstant(row.end),
  reason: row.reason,
});

// Shown as applied: a closure stored before the 1970..2100 rule (from 0000-01-01) closes every
// date from 1970, so that is what the wire, which carries only dates of that range, says.
export const closureToWire = (row: typeof closures.$inferSelect): Closure => ({
  id: row.id,
  startDate: dateInRange(row.startDate),
  endDate: dateInRange(row.endDate),
  reason: row.reason,
});

export async function listOverrides(db: Db, businessId: string, resourceId: string, o: ListOptions) {
  await getResourceRow(db, businessId, resourceId);
  const limit = o.limit ?? 50;
  const after = decodeCursor(o.cursor);
  const rows = await db
    .select()
    .from(dateOverrides)
    .where(
      and(
        eq(dateOverrides.businessId, businessId),
        eq(dateOverrides.resourceId, resourceId),
        after ? gt(dateOverrides.id, after) : undefined,
      ),
    )
    .orderBy(dateOverrides.id)
    .limit(limit + 1);
  return pageOf(rows, limit, overrideToWire);
}

/** Sets the special hours of one date (replacing an earlier override of the same date). */
export async function putOverride(
  tx: Db,
  businessId: string,
  resourceId: string,
  input: DateOverrideInput,
  now: number,
): Promise<DateOverride> {
  await getResourceRow(tx, businessId, resourceId);
  await tx
    .delete(dateOverrides)
    .where(and(eq(dateOverrides.resourceId, resourceId), eq(dateOverrides.date, input.date)));
  const row = {
    id: newId('ovr', now),
    businessId,
    resourceId,
    date: input.date,
    intervals: input.intervals,
    createdAt: now,
  };
  await tx.insert(dateOverrides).values(row);
  const wire = overrideToWire(row);
  await appendEvent(tx, {
    businessId,
    type: 'resource.override_set',
    subjectId: resourceId,
    payload: wire,
    now,
  });
  return wire;
}

export async function deleteOverride(
  tx: Db,
  businessId: string,
  resourceId: string,
  id: string,
  now: number,
) {
  const where = and(
    eq(dateOverrides.businessId, businessId),
    eq(dateOverrides.resourceId, resourceId),
    eq(dateOverrides.id, id),
  );
  const [row] = await tx.select().from(dateOverrides).where(where);
  if (!row) throw notFound('Override');
  await tx.delete(dateOverrides).where(where);
  await appendEvent(tx, {
    businessId,
    type: 'resource.override_deleted',
    subjectId: resourceId,
    payload: { id },
    now,
  });
}

export async function listTimeOff(
  db: Db,
  businessId: string,
  resourceId: string,
  o: ListOptions,
): Promise<Page<TimeOff>> {
  await getResourceRow(db, businessId, resourceId);
  const limit = o.limit ?? 50;
  const after = decodeCursor(o.cursor);
  const rows = await db
    .select()
    .from(timeOff)
    .where(
      and(
        eq(timeOff.businessId, businessId),
        eq(timeOff.resourceId, resourceId),
        after ? gt(timeOff.id, after) : undefined,
      ),
    )
    .orderBy(timeOff.id)
    .limit(limit + 1);
  return pageOf(rows, limit, timeOffToWire);
}

export async function addTimeOff(
  tx: Db,
  businessId: string,
  resourceId: string,
  input: z.output<typeof TimeOffInput>,
  now: number,
): Promise<TimeOff> {
  await getResourceRow(tx, businessId, resourceId);
  const row = {
    id: newId('off', now),
    businessId,
    resourceId,
    start: Date.parse(input.start),
    end: Date.parse(input.end),
    reason: input.reason,
    createdAt: now,
  };
  await tx.insert(timeOff).values(row);
  const wire = timeOffToWire(row);
  await appendEvent(tx, {
    businessId,
    type: 'resource.time_off_added',
    subjectId: resourceId,
    payload: wire,
    now,
  });
  return wire;
}

export async function deleteTimeOff(tx: Db, businessId: string, resourceId: string, id: string, now: number) {
  const where = and(
    eq(timeOff.businessId, businessId),
    eq(timeOff.resourceId, resourceId),
    eq(timeOff.id, id),
  );
  const [row] = await tx.select().from(timeOff).where(where);
  if (!row) throw notFound('Time off');
  await tx.delete(timeOff).where(where);
  await appendEvent(tx, {
    businessId,
    type: 'resource.time_off_deleted',
    subjectId: resourceId,
    payload: { id },
    now,
  });
}

export async function listClosures(db: Db, businessId: string, o: ListOptions): Promise<Page<Closure>> {
  const limit = o.limit ?? 50;
  const after = decodeCursor(o.cursor);
  const rows = await db
    .select()
    .from(closures)
    .where(and(eq(closures.businessId, businessId), after ? gt(closures.id, after) : undefined))
    .orderBy(closures.id)
    .limit(limit + 1);
  return pageOf(rows, limit, closureToWire);
}

export async function addClosure(
  tx: Db,
  businessId: string,
  input: z.output<typeof ClosureInput>,
  now: number,
): Promise<Closure> {
  const row = { id: newId('clo', now), businessId, ...input, createdAt: now };
  await tx.insert(closures).values(row);
  const wire = closureToWire(row);
  await appendEvent(tx, { businessId, type: 'closure.created', subjectId: row.id, payload: wire, now });
  return wire;
}

export async function deleteClosure(tx: Db, businessId: string, id: string, now: number) {
  const where = and(eq(closures.businessId, businessId), eq(closures.id, id));
  const [row] = await tx.select().from(closures).where(where);
  if (!row) throw notFound('Closure');
  await tx.delete(closures).where(where);
  await appendEvent(tx, { businessId, type: 'closure.deleted', subjectId: id, payload: { id }, now });
}
