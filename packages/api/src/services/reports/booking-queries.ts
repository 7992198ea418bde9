/**
 * @module The SQL of the bookings report: four passes over a period, each answering with a few
 * rows (per local hour and status, per service and resource…) that the report sums up. Each
 * reads the bookings of one business that start in `[start, end)` from the `bookings_business_report`
 * index alone (business, start, then every column counted here), so a report costs index ranges,
 * never a table scan or a lookup per booking. Exported one by one so a test can ask for each plan.
 */
import type { OffsetSegment } from '@frontdesk/core';
import { type SQL, sql } from 'drizzle-orm';
import { localHourNumber, wallClock } from './wall-clock.js';

/** The bookings one period of a report is about. */
export interface BookingSpan {
  businessId: string;
  /** Instants, `end` exclusive: the period's dates in the business zone. */
  start: number;
  end: number;
  /** The zone's offset runs over `[start, end)`. */
  segments: readonly OffsetSegment[];
}

const inSpan = (q: BookingSpan) =>
  sql`b.business_id = ${q.businessId} AND b.start >= ${q.start} AND b.start < ${q.end}`;

/** Bookings by status (SQLite answers `sum()` of no rows with NULL). */
export interface StatusCounts {
  total: number;
  pending: number | null;
  confirmed: number | null;
  cancelled: number | null;
  completed: number | null;
  no_show: number | null;
}

export interface HourRow {
  /** Local hour number (hours since 1970-01-01T00:00 on the business's clock). */
  hour: number;
  status: string;
  bookings: number;
}

/**
 * Bookings per hour of their start on the business's clock and status: the dates (and weeks) and
 * the weekday × hour heatmap are both summed from these rows, so one pass serves both. Grouped by
 * status rather than summing one column per status: one aggregate per booking is the cheaper pass.
 */
export function hoursQuery(q: BookingSpan): SQL {
  const wall = wallClock(sql`b.start`, q.segments);
  return sql`SELECT ${localHourNumber(sql`w`)} AS hour, status, count(*) AS bookings
    FROM (SELECT ${wall} AS w, b.status AS status FROM bookings b WHERE ${inSpan(q)}) GROUP BY 1, 2`;
}

/** How far ahead a booking was made, in ms; 0 for one entered after its start. */
const lead = sql`max(0, b.start - b.created_at)`;

export interface MixRow extends StatusCounts {
  service_id: string;
  resource_id: string;
  /** Sum of lead times (ms) and their count per bucket, every status included. */
  lead_sum: number;
  under_1h: number | null;
  under_1d: number | null;
  under_7d: number | null;
  under_30d: number | null;
  over_30d: number | null;
}

/**
 * Bookings by status and lead time per service and resource: a few rows (services × resources)
 * from which the groups by resource and service, the top services, revenue and the lead-time
 * buckets are summed — one pass over the period instead of one per figure.
 */
export function mixQuery(q: BookingSpan): SQL {
  return sql`SELECT service_id, resource_id, count(*) AS total,
      sum(status = 'pending') AS pending, sum(status = 'confirmed') AS confirmed,
      sum(status = 'cancelled') AS cancelled, sum(status = 'completed') AS completed,
      sum(status = 'no_show') AS no_show,
      sum(lead) AS lead_sum,
      sum(lead < 3600000) AS under_1h,
      sum(lead >= 3600000 AND lead < 86400000) AS under_1d,
      sum(lead >= 86400000 AND lead < 604800000) AS under_7d,
      sum(lead >= 604800000 AND lead < 2592000000) AS under_30d,
      sum(lead >= 2592000000) AS over_30d
    FROM (SELECT b.service_id AS service_id, b.resource_id AS resource_id, b.status AS status, ${lead} AS lead
      FROM bookings b WHERE ${inSpan(q)})
    GROUP BY service_id, resource_id`;
}

/** The lead times at positions `offset`, `offset + 1`… in ascending order: the median's one or two. */
export function leadTimeAtQuery(q: BookingSpan, offset: number, count: number): SQL {
  return sql`SELECT ${lead} AS lead FROM bookings b WHERE ${inSpan(q)}
    ORDER BY lead LIMIT ${count} OFFSET ${offset}`;
}

export interface BookedRow {
  id: string;
  booked: number;
}

/**
 * Milliseconds each resource was booked (not cancelled) in the period: a class's seats share one
 * time, so each distinct (start, end) counts once; a booking running past the period counts up to its end.
 */
export function bookedTimeQuery(q: BookingSpan): SQL {
  return sql`SELECT resource_id AS id, sum(min(e, ${q.end}) - s) AS booked
    FROM (SELECT DISTINCT b.resource_id AS resource_id, b.start AS s, b.end AS e
      FROM bookings b WHERE ${inSpan(q)} AND b.status <> 'cancelled')
    GROUP BY resource_id`;
}

/** Every statement one period of the report runs (for the query-plan test). */
export function bookingReportQueries(q: BookingSpan): Record<string, SQL> {
  return {
    hours: hoursQuery(q),
    mix: mixQuery(q),
    leadTimeAt: leadTimeAtQuery(q, 10, 2),
    bookedTime: bookedTimeQuery(q),
  };
}
