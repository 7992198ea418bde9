/**
 * @module The business (tenant): reading and updating its settings, and creating new ones.
 */
import type { Business, BusinessUpdate } from '@frontdesk/core';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { businesses } from '../db/schema.js';
import { notFound } from '../errors.js';
import { newId } from '../ids.js';
import { toInstant } from '../time.js';
import { appendEvent } from './events.js';

type BusinessRow = typeof businesses.$inferSelect;

export function businessToWire(row: BusinessRow): Business {
  return {
    id: row.id,
    name: row.name,
    timezone: row.timezone,
    locale: row.locale,
    currency: row.currency,
    holdMinutes: row.holdMinutes,
    createdAt: toInstant(row.createdAt),
  };
}

export async function getBusinessRow(db: Db, businessId: string): Promise<BusinessRow> {
  const [row] = await db.select().from(businesses).where(eq(businesses.id, businessId));
  if (!row) throw notFound('Business');
  return row;
}

export interface NewBusiness {
  name: string;
  timezone: string;
  locale?: string;
  currency?: string;
  holdMinutes?: number;
  seedTag?: string;
}

export async function createBusiness(tx: Db, input: NewBusiness, now: number): Promise<Business> {
  const row: BusinessRow = {
    id: newId('biz', now),
    name: input.name,
    timezone: input.timezone,
    locale: input.locale ?? 'en',
    currency: input.currency ?? 'EUR',
    holdMinutes: input.holdMinutes ?? 10,
    seedTag: input.seedTag ?? null,
    demoPublishableKey: null,
    catalogVersion: '',
    occupancyVersion: '',
    createdAt: now,
  };
  await tx.insert(businesses).values(row);
  return businessToWire(row);
}

export async function updateBusiness(
  tx: Db,
  businessId: string,
  patch: BusinessUpdate,
  now: number,
): Promise<Business> {
  const row = await getBusinessRow(tx, businessId);
  // An empty patch is valid and changes nothing (and an UPDATE with no columns is an SQL error).
  if (Object.values(patch).every((value) => value === undefined)) return businessToWire(row);
  const next = { ...row, ...patch };
  await tx.update(businesses).set(patch).where(eq(businesses.id, businessId));
  const wire = businessToWire(next);
  await appendEvent(tx, { businessId, type: 'business.updated', subjectId: businessId, payload: wire, now });
  return wire;
}
