/**
 * @module Open minutes per resource over report periods: the schedule rows the availability engine
 * reads (weekly hours, date overrides, time off, business closures), loaded for the dates of the
 * report — the engine's catalog cache keeps only upcoming ones — and measured by core's
 * `openMinutes`, so utilisation's denominator follows the same rules as the slots offered.
 */
import { openMinutes, type ResourceCalendar } from '@frontdesk/core';
import { and, eq, gt, gte, inArray, lt, lte } from 'drizzle-orm';
import type { Db } from '../../db/open.js';
import { closures, dateOverrides, resources, timeOff } from '../../db/schema.js';
import {
  type RowLogger,
  usableClosure,
  usableHours,
  usableOverride,
  usableTimeOff,
} from '../catalog-rows.js';

/** The resources a report covers, with their calendars and the business's closures. */
export interface Calendars {
  resources: Array<ResourceCalendar & { name: string }>;
  /** The name of every resource of the business, deleted ones too. */
  names: Map<string, string>;
  closures: Array<{ startDate: string; endDate: string }>;
}

/**
 * The calendars of the business's resources that are not deleted, plus `alsoIds` (deleted ones that
 * still have bookings in the report), for dates `from`..`to` spanning instants `[start, end)`.
 */
export async function loadCalendars(
  db: Db,
  businessId: string,
  span: { from: string; to: string; start: number; end: number },
  alsoIds: ReadonlySet<string>,
  log: RowLogger,
): Promise<Calendars> {
  const everyRow = await db
    .select({
      id: resources.id,
      name: resources.name,
      hours: resources.hours,
      deletedAt: resources.deletedAt,
    })
    .from(resources)
    .where(eq(resources.businessId, businessId))
    .orderBy(resources.name, resources.id);
  const rows = everyRow.filter((row) => row.deletedAt === null || alsoIds.has(row.id));
  const ids = rows.map((row) => row.id);
  const [overrideRows, timeOffRows, closureRows] = await Promise.all([
    ids.length === 0
      ? []
      : db
          .select()
          .from(dateOverrides)
          .where(
            and(
              eq(dateOverrides.businessId, businessId),
              inArray(dateOverrides.resourceId, ids),
              gte(dateOverrides.date, span.from),
              lte(dateOverrides.date, span.to),
            ),
          ),
    ids.length === 0
      ? []
      : db
          .select()
          .from(timeOff)
          .where(
            and(
              eq(timeOff.businessId, businessId),
              inArray(timeOff.resourceId, ids),
              lt(timeOff.start, span.end),
              gt(timeOff.end, span.start),
            ),
          ),
    db
      .select()
      .from(closures)
      .where(
        and(
          eq(closures.businessId, businessId),
          lte(closures.startDate, span.to),
          gte(closures.endDate, span.from),
        ),
      ),
  ]);
  return {
    names: new Map(everyRow.map((row) => [row.id, row.name])),
    resources: rows.map((row) => ({
      id: row.id,
      name: row.name,
      hours: usableHours(row, log),
      overrides: overrideRows
        .filter((o) => o.resourceId === row.id && usableOverride(o, log))
        .map((o) => ({ date: o.date, intervals: o.intervals })),
      timeOff: timeOffRows
        .filter((t) => t.resourceId === row.id && usableTimeOff(t, log))
        .map((t) => ({ start: t.start, end: t.end })),
    })),
    closures: closureRows.flatMap((row) => usableClosure(row, log) ?? []),
  };
}

/** Open minutes of each resource on dates `from`..`to` in `zone`. */
export function openMinutesOf(
  calendars: Calendars,
  zone: string,
  from: string,
  to: string,
): Map<string, number> {
  return new Map(
    calendars.resources.map((resource) => [
      resource.id,
      openMinutes(resource, calendars.closures, zone, from, to),
    ]),
  );
}
