/**
 * @module Locations (shops, warehouses). A location is never
 * removed, because the ledger names it: deleting one deactivates it (hidden from stock answers).
 */
import type { Location, LocationInput, LocationUpdate } from '@frontdesk/core';
import { and, asc, eq, gt } from 'drizzle-orm';
import type * as z from 'zod/mini';
import type { Db } from '../db/open.js';
import { locations } from '../db/stock-schema.js';
import { invalidState, notFound } from '../errors.js';
import { newId } from '../ids.js';
import { toInstant } from '../time.js';
import { appendEvent } from './events.js';
import { decodeCursor, pageOf } from './pagination.js';

type LocationRow = typeof locations.$inferSelect;

export function toLocation(row: LocationRow): Location {
  return {
    id: row.id,
    name: row.name,
    address: row.address,
    active: row.active,
    createdAt: toInstant(row.createdAt),
  };
}

export async function listLocations(
  db: Db,
  businessId: string,
  options: { cursor?: string | undefined; limit?: number | undefined; includeInactive: boolean },
): Promise<{ data: Location[]; nextCursor: string | null }> {
  const limit = options.limit ?? 50;
  const after = decodeCursor(options.cursor);
  const rows = await db
    .select()
    .from(locations)
    .where(
      and(
        eq(locations.businessId, businessId),
        options.includeInactive ? undefined : eq(locations.active, true),
        after ? gt(locations.id, after) : undefined,
      ),
    )
    .orderBy(asc(locations.id))
    .limit(limit + 1);
  return pageOf(rows, limit, toLocation);
}

export async function getLocation(db: Db, businessId: string, id: string): Promise<LocationRow> {
  const [row] = await db
    .select()
    .from(locations)
    .where(and(eq(locations.businessId, businessId), eq(locations.id, id)));
  if (!row) throw notFound('Location');
  return row;
}

async function recordLocationEvent(tx: Db, row: LocationRow, type: string, now: number) {
  await appendEvent(tx, {
    businessId: row.businessId,
    type,
    subjectId: row.id,
    payload: toLocation(row),
    now,
  });
}

export async function createLocation(
  tx: Db,
  businessId: string,
  input: z.output<typeof LocationInput>,
  now: number,
): Promise<Location> {
  const id = input.id ?? newId('loc', now);
  const [existing] = await tx
    .select({ id: locations.id })
    .from(locations)
    .where(and(eq(locations.businessId, businessId), eq(locations.id, id)));
  if (existing) throw invalidState(`A location with id ${id} exists`);
  const row: LocationRow = {
    businessId,
    id,
    name: input.name,
    address: input.address,
    active: input.active,
    createdAt: now,
  };
  await tx.insert(locations).values(row);
  await recordLocationEvent(tx, row, 'location.created', now);
  return toLocation(row);
}

export async function updateLocation(
  tx: Db,
  businessId: string,
  id: string,
  patch: LocationUpdate,
  now: number,
): Promise<Location> {
  const existing = await getLocation(tx, businessId, id);
  const row: LocationRow = {
    ...existing,
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    ...(patch.address !== undefined ? { address: patch.address } : {}),
    ...(patch.active !== undefined ? { active: patch.active } : {}),
  };
  await tx
    .update(locations)
    .set({ name: row.name, address: row.address, active: row.active })
    .where(and(eq(locations.businessId, businessId), eq(locations.id, id)));
  await recordLocationEvent(tx, row, 'location.updated', now);
  return toLocation(row);
}
