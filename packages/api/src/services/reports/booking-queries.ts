/**
 * @module The SQL of the bookings report, one statement per figure. Each reads the bookings of one
 * business that start in `[start, end)` through the `bookings_business_report` index (business,
 * start, then the columns the figures need), so a report costs an index range, never a table scan,
 * however long the business's history. Exported one by one so a test can ask SQLite for each plan.
 */
import type { OffsetSegment, ReportGroupBy } from '@frontdesk/core';
import { type SQL, sql } from 'drizzle-orm';
import { localDay, localHour, localWeekday, wallClock } from './wall-clock.js';

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

const byStatus = sql`count(*) AS total,
  sum(b.status = 'pending') AS pending, sum(b.status = 'confirmed') AS confirmed,
  sum(b.status = 'cancelled') AS cancelled, sum(b.status = 'completed') AS completed,
  sum(b.status = 'no_show') AS no_show`;

/** Rows of {@link groupsQuery}: `key` is a local day number (day, week) or an id (resource, service). */
export interface GroupRow {
  key: string | number;
  label: string | null;
  total: number;
  pending: number;
  confirmed: number;
  cancelled: number;
  completed: number;
  no_show: number;
}

/** Bookings by status per day, week (its Monday), resource or service. */
export function groupsQuery(q: BookingSpan, groupBy: ReportGroupBy): SQL {
  const wall = wallClock(sql`b.start`, q.segments);
  switch (groupBy) {
    case 'day':
      return sql`SELECT ${localDay(wall)} AS key, NULL AS label, ${byStatus}
        FROM bookings b WHERE ${inSpan(q)} GROUP BY 1`;
    case 'week':
      return sql`SELECT ${localDay(wall)} - ${localWeekday(wall)} AS key, NULL AS label, ${byStatus}
        FROM bookings b WHERE ${inSpan(q)} GROUP BY 1`;
    case 'resource':
      return sql`SELECT b.resource_id AS key, r.name AS label, ${byStatus}
        FROM bookings b CROSS JOIN resources r ON r.id = b.resource_id
        WHERE ${inSpan(q)} GROUP BY b.resource_id ORDER BY total DESC, label`;
    case 'service':
      return sql`SELECT b.service_id AS key, s.name AS label, ${byStatus}
        FROM bookings b CROSS JOIN services s ON s.id = b.service_id
        WHERE ${inSpan(q)} GROUP BY b.service_id ORDER BY total DESC, label`;
  }
}

/** How far ahead a booking was made, in ms; 0 for one entered after its start. */
const lead = sql`max(0, b.start - b.created_at)`;

export interface LeadRow {
  bookings: number;
  average: number | null;
  under_1h: number | null;
  under_1d: number | null;
  under_7d: number | null;
  under_30d: number | null;
  over_30d: number | null;
}

/** Count, average and buckets of lead time (every booking of the period, cancelled ones too). */
export function leadTimeQuery(q: BookingSpan): SQL {
  return sql`SELECT count(*) AS bookings, avg(lead) AS average,
      sum(lead < 3600000) AS under_1h,
      sum(lead >= 3600000 AND lead < 86400000) AS under_1d,
      sum(lead >= 86400000 AND lead < 604800000) AS under_7d,
      sum(lead >= 604800000 AND lead < 2592000000) AS under_30d,
      sum(lead >= 2592000000) AS over_30d
    FROM (SELECT ${lead} AS lead FROM bookings b WHERE ${inSpan(q)})`;
}

/** The lead times at positions `offset`, `offset + 1`… in ascending order: the median's one or two. */
export function leadTimeAtQuery(q: BookingSpan, offset: number, count: number): SQL {
  return sql`SELECT ${lead} AS lead FROM bookings b WHERE ${inSpan(q)}
    ORDER BY lead LIMIT ${count} OFFSET ${offset}`;
}

export interface RevenueRow {
  currency: string;
  amount: number;
  bookings: number;
}

/** The service prices of completed bookings, per currency. */
export function revenueQuery(q: BookingSpan): SQL {
  return sql`SELECT s.price_currency AS currency, sum(s.price_amount) AS amount, count(*) AS bookings
    FROM bookings b CROSS JOIN services s ON s.id = b.service_id
    WHERE ${inSpan(q)} AND b.status = 'completed'
      AND s.price_amount IS NOT NULL AND s.price_currency IS NOT NULL
    GROUP BY s.price_currency ORDER BY s.price_currency`;
}

export interface HeatmapRow {
  weekday: number;
  hour: number;
  bookings: number;
}

/** Bookings that were not cancelled, by weekday and hour of their start on the business's clock. */
export function heatmapQuery(q: BookingSpan): SQL {
  const wall = wallClock(sql`b.start`, q.segments);
  return sql`SELECT ${localWeekday(wall)} AS weekday, ${localHour(wall)} AS hour, count(*) AS bookings
    FROM bookings b WHERE ${inSpan(q)} AND b.status <> 'cancelled' GROUP BY 1, 2`;
}

export interface TopServiceRow {
  id: string;
  name: string;
  price_amount: number | null;
  price_currency: string | null;
  bookings: number;
  completed: number;
}

/** The ten services with most bookings that were not cancelled. */
export function topServicesQuery(q: BookingSpan): SQL {
  return sql`SELECT b.service_id AS id, s.name AS name, s.price_amount, s.price_currency,
      count(*) AS bookings, sum(b.status = 'completed') AS completed
    FROM bookings b CROSS JOIN services s ON s.id = b.service_id
    WHERE ${inSpan(q)} AND b.status <> 'cancelled'
    GROUP BY b.service_id ORDER BY bookings DESC, name LIMIT 10`;
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
    groupsByDay: groupsQuery(q, 'day'),
    groupsByWeek: groupsQuery(q, 'week'),
    groupsByResource: groupsQuery(q, 'resource'),
    groupsByService: groupsQuery(q, 'service'),
    leadTime: leadTimeQuery(q),
    leadTimeAt: leadTimeAtQuery(q, 10, 2),
    revenue: revenueQuery(q),
    heatmap: heatmapQuery(q),
    topServices: topServicesQuery(q),
    bookedTime: bookedTimeQuery(q),
  };
}
