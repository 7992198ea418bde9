/**
 * @module The agenda (`GET /agenda`): what fills the calendar of some resources between two dates
 * of the business's zone, in one answer: bookings that are not cancelled, live holds, time off,
 * date overrides, closures, and the resources themselves with their weekly hours.
 */
import type { Agenda, AgendaQuery, WeeklyHours } from '@frontdesk/core';
import { and, asc, eq, gt, gte, inArray, isNull, lt, lte, ne } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { bookings, closures, dateOverrides, holds, resources, timeOff } from '../db/schema.js';
import { notFound } from '../errors.js';
import { nextDate, startOfLocalDate, toInstant } from '../time.js';
import { bookingToWire } from './bookings.js';
import { getBusinessRow } from './business.js';
import { closureToWire, overrideToWire, timeOffToWire } from './schedules.js';

export async function getAgenda(
  db: Db,
  businessId: string,
  q: AgendaQuery,
  now: number,
  /** A staff member's resources; undefined: all of the business. */
  scope?: string[],
): Promise<Agenda> {
  const business = await getBusinessRow(db, businessId);
  const zone = business.timezone;
  if (q.resource !== undefined && scope && !scope.includes(q.resource)) throw notFound('Resource');
  const wanted = q.resource !== undefined ? [q.resource] : scope;
  const columns = await db
    .select()
    .from(resources)
    .where(
      and(
        eq(resources.businessId, businessId),
        isNull(resources.deletedAt),
        wanted ? inArray(resources.id, wanted) : undefined,
      ),
    )
    .orderBy(resources.id);
  if (q.resource !== undefined && columns.length === 0) throw notFound('Resource');
  const ids = columns.map((r) => r.id);
  const from = startOfLocalDate(q.from, zone);
  const to = startOfLocalDate(nextDate(q.to), zone);
  const inView = <T extends { resourceId: unknown }>(table: T) => inArray(table.resourceId as never, ids);

  const [bookingRows, holdRows, timeOffRows, overrideRows, closureRows] =
    ids.length === 0
      ? [[], [], [], [], await closuresIn(db, businessId, q)]
      : await Promise.all([
          db
            .select()
            .from(bookings)
            .where(
              and(
                eq(bookings.businessId, businessId),
                inView(bookings),
                ne(bookings.status, 'cancelled'),
                gte(bookings.start, from),
                lt(bookings.start, to),
              ),
            )
            .orderBy(asc(bookings.start), asc(bookings.id)),
          db
            .select()
            .from(holds)
            .where(
              and(
                eq(holds.businessId, businessId),
                inView(holds),
                gt(holds.expiresAt, now),
                gte(holds.start, from),
                lt(holds.start, to),
              ),
            )
            .orderBy(asc(holds.start)),
          db
            .select()
            .from(timeOff)
            .where(
              and(
                eq(timeOff.businessId, businessId),
                inView(timeOff),
                lt(timeOff.start, to),
                gt(timeOff.end, from),
              ),
            )
            .orderBy(asc(timeOff.start)),
          db
            .select()
            .from(dateOverrides)
            .where(
              and(
                eq(dateOverrides.businessId, businessId),
                inView(dateOverrides),
                gte(dateOverrides.date, q.from),
                lte(dateOverrides.date, q.to),
              ),
            )
            .orderBy(asc(dateOverrides.date)),
          closuresIn(db, businessId, q),
        ]);

  return {
    timezone: zone,
    from: q.from,
    to: q.to,
    resources: columns.map((r) => ({
      id: r.id,
      name: r.name,
      kind: r.kind,
      active: r.active,
      hours: r.hours as WeeklyHours,
    })),
    bookings: bookingRows.map((row) => bookingToWire(row, undefined, 'business')),
    holds: holdRows.map((h) => ({
      id: h.id,
      serviceId: h.serviceId,
      resourceId: h.resourceId,
      start: toInstant(h.start),
      end: toInstant(h.end),
      expiresAt: toInstant(h.expiresAt),
    })),
    timeOff: timeOffRows.map(timeOffToWire),
    overrides: overrideRows.map(overrideToWire),
    closures: closureRows.map(closureToWire),
  };
}

function closuresIn(db: Db, businessId: string, q: AgendaQuery) {
  return db
    .select()
    .from(closures)
    .where(
      and(eq(closures.businessId, businessId), lte(closures.startDate, q.to), gte(closures.endDate, q.from)),
    )
    .orderBy(asc(closures.startDate));
}
