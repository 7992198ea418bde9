/**
 * @module Feeding the core availability engine from the database: the service's eligible
 * resources with their hours, overrides and time off, the business's closures, and occupancy from
 * bookings that are not cancelled plus holds still live (`expires_at > now`: no sweeper needed).
 */
import {
  type Availability,
  type ComputedSlot,
  checkStart,
  computeSlots,
  type Occupancy,
  type ResourceCalendar,
  type ResourceOpening,
  type SlotRequest,
  type WeeklyHours,
} from '@frontdesk/core';
import { and, eq, gt, lt, ne, sql } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { prepared } from '../db/prepared.js';
import { bookings, holds } from '../db/schema.js';
import { fieldError, notFound } from '../errors.js';
import { toInstant } from '../time.js';
import type { ServiceRow } from './catalog.js';
import { type BusinessRow, catalogOf, readBusiness } from './catalog-cache.js';

const MINUTE = 60_000;
const HOUR = 3_600_000;
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
  /** The earliest and latest instant a start of interest can have. */
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

/**
 * Loads everything the engine needs for one service over one window: the catalog (cached per
 * process, see `catalog-cache.ts`) and the occupancy (always read: it changes with every booking).
 */
export async function loadSlotContext(db: Db, q: ContextQuery, business?: BusinessRow): Promise<SlotContext> {
  const catalog = await catalogOf(db, q.businessId, q.now, business);
  const entry = catalog.services.get(q.serviceId);
  if (!entry) throw notFound('Service');
  const service = entry.row;
  if (!service.active && !q.includeInactive) throw notFound('Service');
  let eligible = entry.resourceIds;
  if (q.resourceId !== undefined) {
    if (!eligible.includes(q.resourceId)) {
      throw fieldError('resource', 'This resource does not offer this service', 'not_eligible');
    }
    eligible = [q.resourceId];
  }
  // Keep the service's own order of resources: the engine offers them in input order.
  const calendars: ResourceCalendar[] = eligible.flatMap((id) => {
    const row = catalog.resources.get(id);
    if (!row || (!row.active && !q.includeInactive)) return [];
    return [
      {
        id,
        hours: row.hours as WeeklyHours,
        overrides: catalog.overrides.get(id) ?? [],
        timeOff: catalog.timeOff.get(id) ?? [],
      },
    ];
  });
  const ids = calendars.map((r) => r.id);
  // Occupancy rows carry their own buffers, so only those overlapping a candidate's block matter:
  // from the earliest start minus our buffer before, to the latest start's end plus buffer after.
  const from = q.windowStart - service.bufferBeforeMinutes * MINUTE;
  const to = q.windowEnd + (service.durationMinutes + service.bufferAfterMinutes) * MINUTE;
  const occupancy: Occupancy[] = [];
  for (const resourceId of ids) {
    const args = {
      resourceId,
      from,
      to,
      now: q.now,
      bookingId: q.exclude?.bookingId ?? '',
      holdId: q.exclude?.holdId ?? '',
    };
    occupancy.push(...(await occupiedBy(db).all(args)));
  }
  return {
    service,
    request: {
      timezone: catalog.timezone,
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
      closures: catalog.closures,
      occupancy,
    },
  };
}

/** Only the columns the engine reads. */
const occupancyColumns = (table: typeof bookings | typeof holds) => ({
  resourceId: table.resourceId,
  serviceId: table.serviceId,
  start: table.start,
  blockStart: table.blockStart,
  blockEnd: table.blockEnd,
});

/**
 * What occupies one resource between two instants, in one query: bookings not cancelled and holds
 * still live (`expires_at > now`), minus the one being rescheduled or converted (`''` excludes
 * nothing).
 */
function occupiedBy(db: Db) {
  const p = (name: string) => sql.placeholder(name);
  return prepared(db, 'occupancy', (d) =>
    d
      .select(occupancyColumns(bookings))
      .from(bookings)
      .where(
        and(
          eq(bookings.resourceId, p('resourceId')),
          ne(bookings.status, 'cancelled'),
          gt(bookings.blockEnd, p('from')),
          lt(bookings.blockStart, p('to')),
          ne(bookings.id, p('bookingId')),
        ),
      )
      .unionAll(
        d
          .select(occupancyColumns(holds))
          .from(holds)
          .where(
            and(
              eq(holds.resourceId, p('resourceId')),
              gt(holds.expiresAt, p('now')),
              gt(holds.blockEnd, p('from')),
              lt(holds.blockStart, p('to')),
              ne(holds.id, p('holdId')),
            ),
          ),
      )
      .prepare(),
  );
}

const slotToWire = (slot: ComputedSlot) => ({
  start: toInstant(slot.start),
  end: toInstant(slot.end),
  remaining: slot.remaining,
  resourceIds: slot.resourceIds,
});

/**
 * Answers reused for a moment when nothing changed. Keyed by the question; valid while the
 * business's catalog and occupancy versions (read fresh, so a booking made through ANY process
 * invalidates at once) are the same and for at most `ANSWER_TTL_MS`, since time alone also changes
 * the answer (notice window, holds expiring). A start offered a moment too long is still re-checked
 * when booked; this only spares identical widget loads from recomputing.
 */
const ANSWER_TTL_MS = 2000;
const MAX_ANSWERS = 1000;
interface CachedAnswer {
  catalog: string;
  occupancy: string;
  at: number;
  availability: Availability;
  /** The answer serialized once: repeated identical requests skip `JSON.stringify`. */
  json?: string;
}
const answers = new Map<string, CachedAnswer>();

/** `GET /availability`: offered starts between two dates of the business's zone. */
export async function getAvailability(
  db: Db,
  q: AvailabilityRequest,
  fresh?: BusinessRow,
): Promise<Availability> {
  return (await answerFor(db, q, fresh)).availability;
}

/** The same answer as JSON text, serialized once per cached answer. */
export async function getAvailabilityJson(
  db: Db,
  q: AvailabilityRequest,
  fresh?: BusinessRow,
): Promise<string> {
  const answer = await answerFor(db, q, fresh);
  answer.json ??= JSON.stringify(answer.availability);
  return answer.json;
}

export interface AvailabilityRequest {
  businessId: string;
  serviceId: string;
  resourceId?: string | undefined;
  from: string;
  to: string;
  now: number;
  includeInactive: boolean;
}

async function answerFor(db: Db, q: AvailabilityRequest, fresh?: BusinessRow): Promise<CachedAnswer> {
  const business = fresh?.id === q.businessId ? fresh : await readBusiness(db, q.businessId);
  const key = `${q.businessId}|${q.serviceId}|${q.resourceId ?? ''}|${q.from}|${q.to}|${q.includeInactive}`;
  const hit = answers.get(key);
  if (
    hit &&
    hit.catalog === business.catalogVersion &&
    hit.occupancy === business.occupancyVersion &&
    q.now >= hit.at &&
    q.now - hit.at < ANSWER_TTL_MS
  ) {
    return hit;
  }
  const context = await loadSlotContext(
    db,
    // Local dates span UTC-12 to UTC+14: the starts of `from..to` lie within these instants.
    { ...q, windowStart: Date.parse(q.from) - 14 * HOUR, windowEnd: Date.parse(q.to) + DAY + 12 * HOUR },
    business,
  );
  const answer: CachedAnswer = {
    catalog: business.catalogVersion,
    occupancy: business.occupancyVersion,
    at: q.now,
    availability: {
      timezone: context.request.timezone,
      slots: computeSlots(context.request).map(slotToWire),
    },
  };
  if (answers.size >= MAX_ANSWERS) answers.delete(answers.keys().next().value as string);
  answers.set(key, answer);
  return answer;
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
