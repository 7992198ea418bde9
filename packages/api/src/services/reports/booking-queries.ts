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

/**
 * The hours query's one row: `hour,status,bookings` triples joined by `;` (null when the period
 * has no bookings). A year has thousands of (hour, status) groups; handing each to JS as a row of
 * its own cost more than counting them (measured on 48,000 bookings: 4,855 rows, 46.6 ms as rows
 * vs 18.5 ms as one string), and more again over the side reader's pipe.
 */
export interface HoursRow {
  hours: string | null;
}

/** One (local hour, status) group of the hours query. */
export interface HourCount {
  /** Local hour number (hours since 1970-01-01T00:00 on the business's clock). */
  hour: number;
  status: string;
  bookings: number;
}

/** The groups packed in an {@link HoursRow}. */
export function unpackHours(row: HoursRow | undefined): HourCount[] {
  if (!row?.hours) return [];
  return row.hours.split(';').map((group) => {
    const [hour, status, bookings] = group.split(',');
    return { hour: Number(hour), status: status ?? '', bookings: Number(bookings) };
  });
}

/**
 * Bookings per hour of their start on the business's clock and status: the dates (and weeks) and
 * the weekday × hour heatmap are both summed from these groups, so one pass serves both. Grouped by
 * status rather than summing one column per status: one aggregate per booking is the cheaper pass.
 */
export function hoursQuery(q: BookingSpan): SQL {
  const wall = wallClock(sql`b.start`, q.segments);
  return sql`SELECT group_concat(hour || ',' || status || ',' || bookings, ';') AS hours
    FROM (SELECT ${localHourNumber(sql`w`)} AS hour, status, count(*) AS bookings
      FROM (SELECT ${wall} AS w, b.status AS status FROM bookings b WHERE ${inSpan(q)}) GROUP BY 1, 2)`;
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

/**
 * The middle two lead times in ascending order (one when the period has a single booking): the
 * median is the first of them when the period's count is odd, their mean when it is even. The
 * offset is counted in the same statement, so the median needs no answer from another pass first
 * and all four passes can be sent at once.
 */
export function leadTimeMiddleQuery(q: BookingSpan): SQL {
  return sql`SELECT ${lead} AS lead FROM bookings b WHERE ${inSpan(q)}
    ORDER BY lead LIMIT 2 OFFSET (SELECT (count(*) - 1) / 2 FROM bookings b WHERE ${inSpan(q)})`;
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
    leadTimeMiddle: leadTimeMiddleQuery(q),
    bookedTime: bookedTimeQuery(q),
  };
}
