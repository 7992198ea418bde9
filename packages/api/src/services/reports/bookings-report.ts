/**
 * @module `GET /reports/bookings`: the figures of a period and of the period of equal length before
 * it. Counting is done by SQLite (`booking-queries.ts`); this file fills in empty days and weeks,
 * turns milliseconds into minutes and divides.
 */
import {
  type BookingCounts,
  type BookingFigures,
  type BookingGroup,
  type BookingReport,
  type BookingReportQuery,
  type LeadTimeBucket,
  offsetSegments,
  periodBuckets,
  previousDates,
  type ReportGroupBy,
  type ReportSpan,
  reportSpan,
} from '@frontdesk/core';
import type { SQL } from 'drizzle-orm';
import type { Db } from '../../db/open.js';
import { getBusinessRow } from '../business.js';
import type { RowLogger } from '../catalog-rows.js';
import {
  type BookedRow,
  type BookingSpan,
  bookedTimeQuery,
  type GroupRow,
  groupsQuery,
  type HeatmapRow,
  heatmapQuery,
  type LeadRow,
  leadTimeAtQuery,
  leadTimeQuery,
  type RevenueRow,
  revenueQuery,
  type TopServiceRow,
  topServicesQuery,
} from './booking-queries.js';
import { type Calendars, loadCalendars, openMinutesOf } from './open-time.js';
import { periodToWire } from './period-wire.js';

const MS_PER_MINUTE = 60_000;
const buckets: LeadTimeBucket[] = ['under_1h', 'under_1d', 'under_7d', 'under_30d', 'over_30d'];

/** SQLite answers `sum()` of no rows with NULL. */
const n = (value: number | null | undefined) => Number(value ?? 0);

function countsOf(row: Omit<GroupRow, 'key' | 'label'>): BookingCounts {
  return {
    total: n(row.total),
    pending: n(row.pending),
    confirmed: n(row.confirmed),
    cancelled: n(row.cancelled),
    completed: n(row.completed),
    no_show: n(row.no_show),
  };
}

const noBookings = (): BookingCounts => ({
  total: 0,
  pending: 0,
  confirmed: 0,
  cancelled: 0,
  completed: 0,
  no_show: 0,
});

function addCounts(sum: BookingCounts, more: BookingCounts): BookingCounts {
  return {
    total: sum.total + more.total,
    pending: sum.pending + more.pending,
    confirmed: sum.confirmed + more.confirmed,
    cancelled: sum.cancelled + more.cancelled,
    completed: sum.completed + more.completed,
    no_show: sum.no_show + more.no_show,
  };
}

/** Every date (or week's Monday) of the period, those without bookings too: a chart needs its gaps. */
function timeGroups(span: ReportSpan, groupBy: 'day' | 'week', rows: GroupRow[]): BookingGroup[] {
  const found = new Map(rows.map((row) => [Number(row.key), countsOf(row)]));
  return periodBuckets(span.from, span.to, groupBy).map(({ day, date }) => ({
    key: date,
    label: date,
    counts: found.get(day) ?? noBookings(),
  }));
}

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

async function periodFigures(
  db: Db,
  span: ReportSpan,
  q: BookingSpan,
  groupBy: ReportGroupBy,
  calendars: Calendars,
  bookedRows: BookedRow[],
  zone: string,
): Promise<BookingFigures> {
  const all = <T>(query: SQL) => db.all<T>(query);
  const [groupRows, [leadRow], revenueRows, heatmapRows, topRows] = await Promise.all([
    all<GroupRow>(groupsQuery(q, groupBy)),
    all<LeadRow>(leadTimeQuery(q)),
    all<RevenueRow>(revenueQuery(q)),
    all<HeatmapRow>(heatmapQuery(q)),
    all<TopServiceRow>(topServicesQuery(q)),
  ]);
  const count = n(leadRow?.bookings);
  // The median: the middle lead time, or the mean of the middle two.
  const middle =
    count === 0
      ? []
      : await all<{ lead: number }>(leadTimeAtQuery(q, Math.floor((count - 1) / 2), count % 2 === 0 ? 2 : 1));
  const median =
    middle.length === 0
      ? null
      : middle.reduce((sum, row) => sum + n(row.lead), 0) / middle.length / MS_PER_MINUTE;

  const groups =
    groupBy === 'day' || groupBy === 'week'
      ? timeGroups(span, groupBy, groupRows)
      : groupRows.map((row) => ({ key: String(row.key), label: row.label ?? '', counts: countsOf(row) }));
  const totals = groupRows.reduce((sum, row) => addCounts(sum, countsOf(row)), noBookings());

  const heatmap = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
  for (const row of heatmapRows) heatmap[n(row.weekday)]![n(row.hour)] = n(row.bookings);

  const booked = new Map(bookedRows.map((row) => [row.id, n(row.booked) / MS_PER_MINUTE]));
  const open = openMinutesOf(calendars, zone, span.from, span.to);

  return {
    period: periodToWire(span),
    totals,
    cancellationRate: ratio(totals.cancelled, totals.total),
    noShowRate: ratio(totals.no_show, totals.total - totals.cancelled),
    groups,
    leadTime: {
      bookings: count,
      medianMinutes: median,
      averageMinutes: leadRow?.average == null ? null : Number(leadRow.average) / MS_PER_MINUTE,
      buckets: buckets.map((bucket) => ({ bucket, bookings: n(leadRow?.[bucket]) })),
    },
    revenue: revenueRows.map((row) => ({
      currency: row.currency,
      amount: n(row.amount),
      bookings: n(row.bookings),
    })),
    utilisation: calendars.resources.map((resource) => {
      const bookedMinutes = booked.get(resource.id) ?? 0;
      const openMinutes = open.get(resource.id) ?? 0;
      return {
        resourceId: resource.id,
        name: resource.name,
        bookedMinutes,
        openMinutes,
        rate: ratio(bookedMinutes, openMinutes),
      };
    }),
    heatmap,
    topServices: topRows.map((row) => ({
      serviceId: row.id,
      name: row.name,
      bookings: n(row.bookings),
      completed: n(row.completed),
      revenue:
        row.price_amount === null || row.price_currency === null
          ? null
          : {
              currency: row.price_currency,
              amount: n(row.price_amount) * n(row.completed),
              bookings: n(row.completed),
            },
    })),
  };
}

/** The bookings report of `query.from`..`query.to` and of the period before, in the business zone. */
export async function bookingReport(
  db: Db,
  businessId: string,
  query: Required<BookingReportQuery>,
  log: RowLogger,
): Promise<BookingReport> {
  const business = await getBusinessRow(db, businessId);
  const zone = business.timezone;
  const current = reportSpan(query.from, query.to, zone);
  const before = previousDates(query.from, query.to);
  const previous = reportSpan(before.from, before.to, zone);
  const spanOf = (span: ReportSpan): BookingSpan => ({
    businessId,
    start: span.start,
    end: span.end,
    segments: offsetSegments(zone, span.start, span.end),
  });
  const spans = { current: spanOf(current), previous: spanOf(previous) };
  // Resources deleted since still show when they had bookings: ask which first.
  const [bookedNow, bookedBefore] = await Promise.all([
    db.all<BookedRow>(bookedTimeQuery(spans.current)),
    db.all<BookedRow>(bookedTimeQuery(spans.previous)),
  ]);
  const bookedIds = new Set([...bookedNow, ...bookedBefore].map((row) => row.id));
  const calendars = await loadCalendars(
    db,
    businessId,
    { from: previous.from, to: current.to, start: previous.start, end: current.end },
    bookedIds,
    log,
  );
  const [currentFigures, previousFigures] = await Promise.all([
    periodFigures(db, current, spans.current, query.groupBy, calendars, bookedNow, zone),
    periodFigures(db, previous, spans.previous, query.groupBy, calendars, bookedBefore, zone),
  ]);
  return { timezone: zone, groupBy: query.groupBy, current: currentFigures, previous: previousFigures };
}
