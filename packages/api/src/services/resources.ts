/**
 * @module Resources (people, rooms, equipment) and their weekly hours. Deleting one that still has
 * upcoming bookings is refused (409 `invalid_state`): deactivate it instead, so no booking is orphaned.
 */
import type { Resource, ResourceInput, ResourceUpdate, WeeklyHours } from '@frontdesk/core';
import { and, eq, gt, inArray, isNull } from 'drizzle-orm';
import type * as z from 'zod/mini';
import type { Db } from '../db/open.js';
import { bookings, liveBooking, resources, serviceResources } from '../db/schema.js';
import { invalidState, notFound } from '../errors.js';
import { newId } from '../ids.js';
import { toInstant } from '../time.js';
import { appendEvent } from './events.js';
import { decodeCursor, type Page, pageOf } from './pagination.js';

type ResourceRow = typeof resources.$inferSelect;

export function resourceToWire(row: ResourceRow): Resource {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    description: row.description,
    hours: row.hours as WeeklyHours,
    active: row.active,
    createdAt: toInstant(row.createdAt),
  };
}

/** A live (not deleted) resource of this business, or 404. */
export async function getResourceRow(db: Db, businessId: string, id: string): Promise<ResourceRow> {
  const [row] = await db
    .select()
    .from(resources)
    .where(and(eq(resources.businessId, businessId), eq(resources.id, id), isNull(resources.deletedAt)));
  if (!row) throw notFound('Resource');
  return row;
}

export async function listResources(
  db: Db,
  businessId: string,
  options: {
    cursor?: string | undefined;
    limit?: number | undefined;
    activeOnly: boolean;
    /** Only these (a staff member's resources). */
    only?: string[] | undefined;
  },
): Promise<Page<Resource>> {
  const limit = options.limit ?? 50;
  const after = decodeCursor(options.cursor);
  const rows = await db
    .select()
    .from(resources)
    .where(
      and(
        eq(resources.businessId, businessId),
        isNull(resources.deletedAt),
        options.activeOnly ? eq(resources.active, true) : undefined,
        options.only ? inArray(resources.id, options.only) : undefined,
        after ? gt(resources.id, after) : undefined,
      ),
    )
    .orderBy(resources.id)
    .limit(limit + 1);
  return pageOf(rows, limit, resourceToWire);
}

export async function createResource(
  tx: Db,
  businessId: string,
  input: z.output<typeof ResourceInput>,
  now: number,
): Promise<Resource> {
  const row: ResourceRow = {
    id: newId('res', now),
    businessId,
    name: input.name,
    kind: input.kind,
    description: input.description,
    hours: input.hours,
    active: input.active,
    deletedAt: null,
    createdAt: now,
  };
  await tx.insert(resources).values(row);
  const wire = resourceToWire(row);
  await appendEvent(tx, { businessId, type: 'resource.created', subjectId: row.id, payload: wire, now });
  return wire;
}

export async function updateResource(
  tx: Db,
  businessId: string,
  id: string,
  patch: ResourceUpdate,
  now: number,
): Promise<Resource> {
  const row = await getResourceRow(tx, businessId, id);
  const next: ResourceRow = { ...row, ...patch, hours: patch.hours ?? row.hours };
  await tx
    .update(resources)
    .set({
      name: next.name,
      kind: next.kind,
      description: next.description,
      hours: next.hours,
      active: next.active,
    })
    .where(eq(resources.id, id));
  const wire = resourceToWire(next);
  await appendEvent(tx, { businessId, type: 'resource.updated', subjectId: id, payload: wire, now });
  return wire;
}

/** Deletes a resource without upcoming bookings (soft: past bookings still point at it). */
export async function deleteResource(tx: Db, businessId: string, id: string, now: number): Promise<void> {
  await getResourceRow(tx, businessId, id);
  const [upcoming] = await tx
    .select({ id: bookings.id })
    .from(bookings)
    .where(and(eq(bookings.resourceId, id), gt(bookings.end, now), liveBooking))
    .limit(1);
  if (upcoming) {
    throw invalidState(
      'This resource has upcoming bookings: deactivate it (active: false) or cancel them first',
    );
  }
  await tx.update(resources).set({ deletedAt: now, active: false }).where(eq(resources.id, id));
  await tx.delete(serviceResources).where(eq(serviceResources.resourceId, id));
  await appendEvent(tx, { businessId, type: 'resource.deleted', subjectId: id, payload: { id }, now });
}

/** The ids among `ids` that are not live resources of this business. */
export async function unknownResourceIds(
  db: Db,
  businessId: string,
  ids: readonly string[],
): Promise<string[]> {
  if (ids.length === 0) return [];
  const found = await db
    .select({ id: resources.id })
    .from(resources)
    .where(
      and(eq(resources.businessId, businessId), inArray(resources.id, [...ids]), isNull(resources.deletedAt)),
    );
  const known = new Set(found.map((r) => r.id));
  return ids.filter((id) => !known.has(id));
}
