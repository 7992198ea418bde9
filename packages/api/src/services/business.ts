/**
 * @module The business (tenant): reading and updating its settings, and creating new ones.
 */
import { type Business, type BusinessUpdate, defaultReminders } from '@frontdesk/core';
import { eq } from 'drizzle-orm';
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
    slug: row.slug,
    timezone: row.timezone,
    locale: row.locale,
    currency: row.currency,
    holdMinutes: row.holdMinutes,
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
  /** Default: made from the name, unique on this server. */
  slug?: string;
}

/** `Salão Lisboa` → `salao-lisboa`: what a slug made from a name looks like. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
    .replace(/-+$/, '');
  return slug || 'business';
}

async function slugTaken(tx: Db, slug: string, except?: string): Promise<boolean> {
  const [row] = await tx.select({ id: businesses.id }).from(businesses).where(eq(businesses.slug, slug));
  return row !== undefined && row.id !== except;
}

/** A slug for `name` that no other business has: `salao-lisboa`, else `salao-lisboa-2`, … */
async function freeSlug(tx: Db, name: string): Promise<string> {
  const base = slugify(name);
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await slugTaken(tx, candidate))) return candidate;
  }
}

export async function createBusiness(tx: Db, input: NewBusiness, now: number): Promise<Business> {
  const row: BusinessRow = {
    id: newId('biz', now),
    name: input.name,
    slug: input.slug ?? (await freeSlug(tx, input.name)),
    timezone: input.timezone,
    locale: input.locale ?? 'en',
    currency: input.currency ?? 'EUR',
    holdMinutes: input.holdMinutes ?? 10,
    seedTag: input.seedTag ?? null,
    demoPublishableKey: null,
    catalogVersion: '',
    occupancyVersion: '',
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

export async function updateBusiness(
  tx: Db,
  businessId: string,
  patch: BusinessUpdate,
  now: number,
): Promise<Business> {
  const row = await getBusinessRow(tx, businessId);
  // An empty patch is valid and changes nothing (and an UPDATE with no columns is an SQL error).
  if (Object.values(patch).every((value) => value === undefined)) return businessToWire(row);
  if (patch.slug !== undefined && (await slugTaken(tx, patch.slug, businessId))) {
    throw fieldError('slug', 'Another business on this server uses this address', 'taken');
  }
  const next = { ...row, ...patch };
  await tx.update(businesses).set(patch).where(eq(businesses.id, businessId));
  const wire = businessToWire(next);
  await appendEvent(tx, { businessId, type: 'business.updated', subjectId: businessId, payload: wire, now });
  return wire;
}
