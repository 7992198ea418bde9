/**
 * @module Feeding the core availability engine from the database: the service's eligible resources
 * with their hours, overrides and time off, the business's closures (all from the per-process
 * catalog cache), and occupancy from bookings that are not cancelled plus holds still live
 * (`expires_at > now`: no sweeper needed), always read fresh.
 */
import type { Occupancy, ResourceCalendar, SlotRequest, WeeklyHours } from '@frontdesk/core';
import { and, count, eq, gt, lt, lte, ne, type SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Db } from '../db/open.js';
import { prepared } from '../db/prepared.js';
import { bookings, holds, liveBooking, longLiveBooking, SHORT_BLOCK_MS } from '../db/schema.js';
import { fieldError, notFound } from '../errors.js';
import type { ServiceRow } from './catalog.js';
import { type BusinessRow, catalogOf } from './catalog-cache.js';
import type { RowLogger } from './catalog-rows.js';

const MINUTE = 60_000;
/**
 * The longest block a booking or hold can occupy: the core schemas cap a service's duration and
 * each of its buffers at 24 h, so 72 h. Exact, not a guess: every booking and hold takes its block
 * from a service row of the catalog, and the catalog leaves out any stored row outside those caps
 * (`usableService`). A block of 72 h starting exactly `LONGEST_BLOCK` before `from` ends at `from`
 * and overlaps nothing after it, so `block_start > from - LONGEST_BLOCK` loses nothing. It bounds
 * the occupancy query's index range from below: without it, SQLite walks every earlier booking of
 * the resource on each check, a cost that grows with the business's history; and every day of
 * range is paid on every check (a week instead cost a booking of a busy class resource ~30 µs more).
 */
const LONGEST_BLOCK = 3 * 24 * 60 * MINUTE;

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
  /** The business booking for a customer: no minimum notice, no horizon (capacity still holds). */
  ignoreBookingWindow?: boolean | undefined;
  /** Where stored rows the engine cannot use are reported (they are skipped). */
  logger: RowLogger;
}

/** How far ahead the business itself may book when it ignores the service's horizon. */
const BUSINESS_HORIZON_DAYS = 3660;

/**
 * Loads everything the engine needs for one service over one window: the catalog (cached per
 * process, see `catalog-cache.ts`) and the occupancy (always read: it changes with every booking).
 */
export async function loadSlotContext(db: Db, q: ContextQuery, business?: BusinessRow): Promise<SlotContext> {
  const catalog = await catalogOf(db, q.businessId, q.now, q.logger, business);
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
  const window = {
    from,
    to,
    earliest: from - LONGEST_BLOCK,
    recent: from - SHORT_BLOCK_MS,
    now: q.now,
    bookingId: q.exclude?.bookingId ?? '',
    holdId: q.exclude?.holdId ?? '',
  };
  // One statement for all the resources: each costs ~10 µs of libSQL's call overhead and ~10 µs of
  // the layers above it before it reads a row. The engine takes occupancy in any order.
  const occupancy: Occupancy[] =
    ids.length === 0
      ? []
      : ids.length === 1
        ? await occupiedBy(db).all({ ...window, resourceId: ids[0]! })
        : await occupiedByAny(db).all({ ...window, resourceIds: JSON.stringify(ids) });
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
        minNoticeMinutes: q.ignoreBookingWindow ? 0 : service.minNoticeMinutes,
        horizonDays: q.ignoreBookingWindow ? BUSINESS_HORIZON_DAYS : service.horizonDays,
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
 * nothing). Identical blocks (a class's seats at one start) come back as one row with their count
 * (`seats`): the engine counts them the same, and each row read costs more than SQLite's grouping.
 */
function occupiedBy(db: Db) {
  const p = (name: string) => sql.placeholder(name);
  return prepared(db, 'occupancy', (d) => occupancyQuery(d, (column) => eq(column, p('resourceId'))));
}

/**
 * The same for several resources at once (`resourceIds`: a JSON array of ids). SQLite walks the
 * same `(resource_id, block_start)` index once per id (`EXPLAIN QUERY PLAN`: `SEARCH … USING INDEX
 * bookings_live_by_resource (resource_id=? AND block_start>? AND block_start<?)` with a `LIST SUBQUERY`).
 */
function occupiedByAny(db: Db) {
  return prepared(db, 'occupancy:any', (d) =>
    occupancyQuery(
      d,
      (column) => sql`${column} in (select value from json_each(${sql.placeholder('resourceIds')}))`,
    ),
  );
}

function occupancyQuery(d: Db, ofResources: (column: SQLiteColumn) => SQL) {
  const p = (name: string) => sql.placeholder(name);
  // A live booking overlaps the window when its block starts before `to` and ends after `from`.
  // Those that start at most 4 h before `from` come from the index of live bookings, walked from
  // there; one that starts earlier and still overlaps is longer than 4 h, so it is in the small
  // index of long blocks, walked back to `earliest` (72 h). The two ranges are disjoint, so no
  // booking is counted twice; a busy resource's check walks 4 h of its bookings instead of 72 h.
  const liveBookings = (...conditions: SQL[]) =>
    d
      .select(occupancyColumns(bookings))
      .from(bookings)
      .where(and(ofResources(bookings.resourceId), ...conditions, ne(bookings.id, p('bookingId'))));
  const near = liveBookings(
    // As a literal, not a parameter: so SQLite reads the live bookings' index, whatever number of
    // cancelled bookings the resource has in the window.
    liveBooking,
    gt(bookings.blockStart, p('recent')),
    gt(bookings.blockEnd, p('from')),
    lt(bookings.blockStart, p('to')),
  );
  const long = liveBookings(
    longLiveBooking,
    gt(bookings.blockStart, p('earliest')),
    lte(bookings.blockStart, p('recent')),
    gt(bookings.blockEnd, p('from')),
  );
  const occupied = near
    .unionAll(long)
    .unionAll(
      d
        .select(occupancyColumns(holds))
        .from(holds)
        .where(
          and(
            ofResources(holds.resourceId),
            gt(holds.expiresAt, p('now')),
            gt(holds.blockStart, p('earliest')),
            gt(holds.blockEnd, p('from')),
            lt(holds.blockStart, p('to')),
            ne(holds.id, p('holdId')),
          ),
        ),
    )
    .as('occupied');
  return d
    .select({
      resourceId: occupied.resourceId,
      serviceId: occupied.serviceId,
      start: occupied.start,
      blockStart: occupied.blockStart,
      blockEnd: occupied.blockEnd,
      seats: count(),
    })
    .from(occupied)
    .groupBy(occupied.resourceId, occupied.serviceId, occupied.start, occupied.blockStart, occupied.blockEnd)
    .prepare();
}
