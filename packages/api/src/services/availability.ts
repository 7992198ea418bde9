/**
 * @module Feeding the core availability engine from the database: the service's eligible
 * resources with their hours, overrides and time off, the business's closures, and occupancy from
 * bookings that are not cancelled plus holds still live (`expires_at > now`: no sweeper needed).
 */
import {
  type Availability,
  addDays,
  type ComputedSlot,
  checkStart,
  computeSlots,
  type Occupancy,
  type ResourceCalendar,
  type ResourceOpening,
  type SlotRequest,
  type WeeklyHours,
} from '@frontdesk/core';
import { and, eq, gt, gte, inArray, isNull, lt, lte, ne } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { bookings, closures, dateOverrides, holds, resources, timeOff } from '../db/schema.js';
import { fieldError } from '../errors.js';
import { toInstant } from '../time.js';
import { getBusinessRow } from './business.js';
import { getService, type ServiceRow } from './catalog.js';

const DAY = 86_400_000;

export interface OccupancyExclusions {
  /** A booking being rescheduled: it must not block its own new time. */
  bookingId?: string | undefined;
  /** A hold being converted into a booking: its seat becomes the booking's. */
  holdId?: string | undefined;
}

export interface SlotContext {
  service: ServiceRow;
  /** The request for the engine, for any start between `windowStart` and `windowEnd`. */
  request: SlotRequest;
}

interface ContextQuery {
  businessId: string;
  serviceId: string;
  /** Narrow to one eligible resource. */
  resourceId?: string | undefined;
  /** Instants that any start of interest lies between. */
  windowStart: number;
  windowEnd: number;
  /** Dates (`YYYY-MM-DD`) the request is about, for the engine's from/to. */
  from: string;
  to: string;
  now: number;
  exclude?: OccupancyExclusions;
  /** Publishable keys cannot see or book inactive services and resources. */
  includeInactive: boolean;
}

/** Loads everything the engine needs for one service over one window, in a handful of queries. */
export async function loadSlotContext(db: Db, q: ContextQuery): Promise<SlotContext> {
  const business = await getBusinessRow(db, q.businessId);
  const { row: service, wire } = await getService(db, q.businessId, q.serviceId);
  if (!service.active && !q.includeInactive)
    throw fieldError('service', 'Unknown service', 'unknown_service');
  let eligible = wire.resourceIds;
  if (q.resourceId !== undefined) {
    if (!eligible.includes(q.resourceId)) {
      throw fieldError('resource', 'This resource does not offer this service', 'not_eligible');
    }
    eligible = [q.resourceId];
  }
  // Occupancy and time off matter up to a day of buffers either side, plus the zone's offset.
  const from = q.windowStart - 2 * DAY;
  const to = q.windowEnd + 2 * DAY;
  const fromDate = addDays(toInstant(from).slice(0, 10), -1);
  const toDate = addDays(toInstant(to).slice(0, 10), 1);

  const resourceRows =
    eligible.length === 0
      ? []
      : await db
          .select()
          .from(resources)
          .where(
            and(
              eq(resources.businessId, q.businessId),
              inArray(resources.id, eligible),
              isNull(resources.deletedAt),
              q.includeInactive ? undefined : eq(resources.active, true),
            ),
          );
  const ids = resourceRows.map((r) => r.id);
  const [overrideRows, timeOffRows, closureRows, bookingRows, holdRows] =
    ids.length === 0
      ? [[], [], [], [], []]
      : await Promise.all([
          db
            .select()
            .from(dateOverrides)
            .where(
              and(
                inArray(dateOverrides.resourceId, ids),
                gte(dateOverrides.date, fromDate),
                lte(dateOverrides.date, toDate),
              ),
            ),
          db
            .select()
            .from(timeOff)
            .where(and(inArray(timeOff.resourceId, ids), gt(timeOff.end, from), lt(timeOff.start, to))),
          db
            .select()
            .from(closures)
            .where(
              and(
                eq(closures.businessId, q.businessId),
                lte(closures.startDate, toDate),
                gte(closures.endDate, fromDate),
              ),
            ),
          db
            .select()
            .from(bookings)
            .where(
              and(
                inArray(bookings.resourceId, ids),
                ne(bookings.status, 'cancelled'),
                gt(bookings.blockEnd, from),
                lt(bookings.blockStart, to),
                q.exclude?.bookingId ? ne(bookings.id, q.exclude.bookingId) : undefined,
              ),
            ),
          db
            .select()
            .from(holds)
            .where(
              and(
                inArray(holds.resourceId, ids),
                gt(holds.expiresAt, q.now),
                gt(holds.blockEnd, from),
                lt(holds.blockStart, to),
                q.exclude?.holdId ? ne(holds.id, q.exclude.holdId) : undefined,
              ),
            ),
        ]);

  // Keep the service's own order of resources: the engine offers them in input order.
  const byId = new Map(resourceRows.map((r) => [r.id, r]));
  const calendars: ResourceCalendar[] = eligible.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    return [
      {
        id,
        hours: row.hours as WeeklyHours,
        overrides: overrideRows
          .filter((o) => o.resourceId === id)
          .map((o) => ({ date: o.date, intervals: o.intervals })),
        timeOff: timeOffRows.filter((t) => t.resourceId === id).map((t) => ({ start: t.start, end: t.end })),
      },
    ];
  });
  const occupancy: Occupancy[] = [...bookingRows, ...holdRows].map((o) => ({
    resourceId: o.resourceId,
    serviceId: o.serviceId,
    start: o.start,
    blockStart: o.blockStart,
    blockEnd: o.blockEnd,
  }));
  return {
    service,
    request: {
      timezone: business.timezone,
      from: q.from,
      to: q.to,
      now: q.now,
      service: {
        id: service.id,
        durationMinutes: service.durationMinutes,
        bufferBeforeMinutes: service.bufferBeforeMinutes,
        bufferAfterMinutes: service.bufferAfterMinutes,
        slotIntervalMinutes: service.slotIntervalMinutes,
        minNoticeMinutes: service.minNoticeMinutes,
        horizonDays: service.horizonDays,
        capacity: service.capacity,
      },
      resources: calendars,
      closures: closureRows.map((c) => ({ startDate: c.startDate, endDate: c.endDate })),
      occupancy,
    },
  };
}

const slotToWire = (slot: ComputedSlot) => ({
  start: toInstant(slot.start),
  end: toInstant(slot.end),
  remaining: slot.remaining,
  resourceIds: slot.resourceIds,
});

/** `GET /availability`: offered starts between two dates of the business's zone. */
export async function getAvailability(
  db: Db,
  q: {
    businessId: string;
    serviceId: string;
    resourceId?: string | undefined;
    from: string;
    to: string;
    now: number;
    includeInactive: boolean;
  },
): Promise<Availability> {
  const context = await loadSlotContext(db, {
    ...q,
    windowStart: Date.parse(q.from),
    windowEnd: Date.parse(q.to) + DAY,
  });
  return { timezone: context.request.timezone, slots: computeSlots(context.request).map(slotToWire) };
}

export interface StartCheck {
  service: ServiceRow;
  openings: ResourceOpening[];
  /** The occupied block a booking at this start would have. */
  block: { start: number; end: number; blockStart: number; blockEnd: number };
}

/** Whether `start` can be booked now (inside a write transaction, this is the authoritative check). */
export async function checkBookableStart(
  db: Db,
  q: {
    businessId: string;
    serviceId: string;
    resourceId?: string | undefined;
    start: number;
    now: number;
    exclude?: OccupancyExclusions;
    includeInactive: boolean;
  },
): Promise<StartCheck> {
  const date = toInstant(q.start).slice(0, 10);
  const context = await loadSlotContext(db, {
    ...q,
    windowStart: q.start,
    windowEnd: q.start,
    from: date,
    to: date,
  });
  const { service } = context;
  const openings = checkStart(context.request, q.start, q.resourceId).filter((o) => o.remaining > 0);
  const end = q.start + service.durationMinutes * 60_000;
  return {
    service,
    openings,
    block: {
      start: q.start,
      end,
      blockStart: q.start - service.bufferBeforeMinutes * 60_000,
      blockEnd: end + service.bufferAfterMinutes * 60_000,
    },
  };
}
