/**
 * @module The business (tenant): reading and updating its settings, and creating new ones.
 */
import { type Business, type BusinessUpdate, defaultReminders } from '@frontdesk/core';
import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { businesses } from '../db/schema.js';
import { fieldError, notFound } from '../errors.js';
import { newId } from '../ids.js';
import { toInstant } from '../time.js';
import { appendEvent } from './events.js';

export type BusinessRow = typeof businesses.$inferSelect;

/**
 * The wire shape. `notifyEmail` only for secret keys: publishable keys sit in public pages, and a
 * staff address is not something every visitor needs to read.
 */
export function businessToWire(row: BusinessRow, view: { secret: boolean } = { secret: true }): Business {
  return {
    id: row.id,
    name: row.name,
    timezone: row.timezone,
    locale: row.locale,
    currency: row.currency,
    holdMinutes: row.holdMinutes,
    slug: row.slug,
    bookingPageUrl: row.bookingPageUrl,
    address: row.address,
    ...(view.secret ? { notifyEmail: row.notifyEmail } : {}),
    reminders: row.reminders,
    createdAt: toInstant(row.createdAt),
  };
}

export async function getBusinessRow(db: Db, businessId: string): Promise<BusinessRow> {
  const [row] = await db.select().from(businesses).where(eq(businesses.id, businessId));
  if (!row) throw notFound('Business');
  return row;
}

/** The business whose hosted booking page is `/book/{slug}`, if any. */
export async function findBusinessBySlug(db: Db, slug: string): Promise<BusinessRow | undefined> {
  const [row] = await db.select().from(businesses).where(eq(businesses.slug, slug));
  return row;
}

export interface NewBusiness {
  name: string;
  timezone: string;
  locale?: string;
  currency?: string;
  holdMinutes?: number;
  seedTag?: string;
  slug?: string;
}

export async function createBusiness(tx: Db, input: NewBusiness, now: number): Promise<Business> {
  if (input.slug !== undefined) await checkSlugFree(tx, input.slug, '');
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
    slug: input.slug ?? null,
    bookingPageUrl: null,
    address: null,
    notifyEmail: null,
    hostedPageKey: null,
    reminders: defaultReminders,
    createdAt: now,
  };
  await tx.insert(businesses).values(row);
  return businessToWire(row);
}

/** 422 when another business already has `slug` (slugs name hosted pages: one per server). */
async function checkSlugFree(tx: Db, slug: string, businessId: string): Promise<void> {
  const [taken] = await tx
    .select({ id: businesses.id })
    .from(businesses)
    .where(and(eq(businesses.slug, slug), ne(businesses.id, businessId)));
  if (taken) throw fieldError('slug', 'Another business already uses this slug', 'slug_taken');
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
  // Checked inside the write transaction, so two businesses asking at once cannot both get it.
  if (patch.slug) await checkSlugFree(tx, patch.slug, businessId);
  const next = { ...row, ...patch };
  await tx.update(businesses).set(patch).where(eq(businesses.id, businessId));
  const wire = businessToWire(next);
  await appendEvent(tx, { businessId, type: 'business.updated', subjectId: businessId, payload: wire, now });
  return wire;
}
