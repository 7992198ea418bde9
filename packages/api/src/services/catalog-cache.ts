/**
 * @module A per-process copy of what availability is computed from (services with their resources,
 * resources, upcoming overrides, time off and closures), trusted only while the business's
 * `catalogVersion` — read fresh on every use, in the caller's snapshot — is unchanged. Turns ~10
 * queries per availability request into one; correct with any number of processes. Stored rows
 * the engine cannot use are left out when loading (`catalog-rows.ts`).
 */
import { and, asc, eq, gte, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { prepared } from '../db/prepared.js';
import {
  businesses,
  closures,
  dateOverrides,
  resources,
  serviceResources,
  services,
  timeOff,
} from '../db/schema.js';
import { notFound } from '../errors.js';
import { toInstant } from '../time.js';
import type { ServiceRow } from './catalog.js';
import {
  type RowLogger,
  usableClosure,
  usableHours,
  usableOverride,
  usableService,
  usableTimeOff,
} from './catalog-rows.js';

type ResourceRow = typeof resources.$inferSelect;

export interface Catalog {
  version: string;
  timezone: string;
  holdMinutes: number;
  services: Map<string, { row: ServiceRow; resourceIds: string[] }>;
  resources: Map<string, ResourceRow>;
  overrides: Map<string, { date: string; intervals: { start: string; end: string }[] }[]>;
  timeOff: Map<string, { start: number; end: number }[]>;
  closures: { startDate: string; endDate: string }[];
}

const DAY = 86_400_000;
/** Bounded so that a server with many businesses keeps only the busy ones. */
const MAX_ENTRIES = 500;
const cache = new Map<string, Catalog>();

function group<T, V>(rows: T[], key: (row: T) => string, value: (row: T) => V): Map<string, V[]> {
  const map = new Map<string, V[]>();
  for (const row of rows) {
    const list = map.get(key(row));
    if (list) list.push(value(row));
    else map.set(key(row), [value(row)]);
  }
  return map;
}

async function load(
  db: Db,
  businessId: string,
  business: BusinessRow,
  now: number,
  log: RowLogger,
): Promise<Catalog> {
  // Past schedule entries cannot affect any start still bookable; keep a margin for zones and buffers.
  const since = now - 3 * DAY;
  const sinceDate = toInstant(since).slice(0, 10);
  const [serviceRows, resourceRows, overrideRows, timeOffRows, closureRows] = await Promise.all([
    db
      .select()
      .from(services)
      .where(and(eq(services.businessId, businessId), isNull(services.deletedAt))),
    db
      .select()
      .from(resources)
      .where(and(eq(resources.businessId, businessId), isNull(resources.deletedAt))),
    db
      .select()
      .from(dateOverrides)
      .where(and(eq(dateOverrides.businessId, businessId), gte(dateOverrides.date, sinceDate))),
    db
      .select()
      .from(timeOff)
      .where(and(eq(timeOff.businessId, businessId), gte(timeOff.end, since))),
    db
      .select()
      .from(closures)
      .where(and(eq(closures.businessId, businessId), gte(closures.endDate, sinceDate))),
  ]);
  const links =
    serviceRows.length === 0
      ? []
      : await db
          .select()
          .from(serviceResources)
          .where(
            inArray(
              serviceResources.serviceId,
              serviceRows.map((s) => s.id),
            ),
          )
          .orderBy(asc(serviceResources.serviceId), asc(serviceResources.position));
  // Rows the engine cannot use are left out here, once per load (see catalog-rows.ts).
  const usableServices = serviceRows.filter((row) => usableService(row, log));
  const linked = group(
    links,
    (l) => l.serviceId,
    (l) => l.resourceId,
  );
  return {
    version: business.catalogVersion,
    timezone: business.timezone,
    holdMinutes: business.holdMinutes,
    services: new Map(usableServices.map((row) => [row.id, { row, resourceIds: linked.get(row.id) ?? [] }])),
    resources: new Map(resourceRows.map((row) => [row.id, { ...row, hours: usableHours(row, log) }])),
    overrides: group(
      overrideRows.filter((row) => usableOverride(row, log)),
      (o) => o.resourceId,
      (o) => ({ date: o.date, intervals: o.intervals }),
    ),
    timeOff: group(
      timeOffRows.filter((row) => usableTimeOff(row, log)),
      (t) => t.resourceId,
      (t) => ({ start: t.start, end: t.end }),
    ),
    closures: closureRows.flatMap((row) => usableClosure(row, log) ?? []),
  };
}

/**
 * The columns of a business that availability needs: its zone, hold length and version stamps.
 * Narrow on purpose: these are read on every availability request and booking, and libSQL's cost
 * per row grows with the number of columns.
 */
export const businessStampColumns = {
  id: businesses.id,
  timezone: businesses.timezone,
  holdMinutes: businesses.holdMinutes,
  catalogVersion: businesses.catalogVersion,
  occupancyVersion: businesses.occupancyVersion,
};
export interface BusinessRow {
  id: string;
  timezone: string;
  holdMinutes: number;
  catalogVersion: string;
  occupancyVersion: string;
}

export async function readBusiness(db: Db, businessId: string): Promise<BusinessRow> {
  const query = prepared(db, 'business', (d) =>
    d
      .select(businessStampColumns)
      .from(businesses)
      .where(eq(businesses.id, sql.placeholder('id')))
      .prepare(),
  );
  const [business] = await query.all({ id: businessId });
  if (!business) throw notFound('Business');
  return business;
}

/**
 * The business's catalog: the cached copy when its version is current, else freshly loaded (stored
 * rows it cannot use are skipped and reported to `log`). Pass `business` when the caller has just
 * read the row (in the same snapshot).
 */
export async function catalogOf(
  db: Db,
  businessId: string,
  now: number,
  log: RowLogger,
  business?: BusinessRow,
): Promise<Catalog> {
  business ??= await readBusiness(db, businessId);
  const cached = cache.get(businessId);
  if (cached && cached.version === business.catalogVersion && cached.timezone === business.timezone)
    return cached;
  const fresh = await load(db, businessId, business, now, log);
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  cache.set(businessId, fresh);
  return fresh;
}
