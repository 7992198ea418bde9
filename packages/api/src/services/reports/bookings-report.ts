/**
 * @module `GET /reports/bookings`: the figures of a period and of the period of equal length before
 * it. SQLite counts (`booking-queries.ts`: per local hour and status, per service and resource, the
 * median's middle, booked time); this file sums those few rows into the figures, fills in empty
 * dates and weeks, turns milliseconds into minutes and divides.
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
  type Revenue,
  reportSpan,
  type TopService,
} from '@frontdesk/core';
import { eq, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/open.js';
import { services } from '../../db/schema.js';
import { getBusinessRow } from '../business.js';
import type { RowLogger } from '../catalog-rows.js';
import {
  type BookedRow,
  type BookingSpan,
  bookedTimeQuery,
  type HourCount,
  type HoursRow,
  hoursQuery,
  leadTimeMiddleQuery,
  type MixRow,
  mixQuery,
  type StatusCounts,
  unpackHours,
} from './booking-queries.js';
import { type Calendars, loadCalendars, openMinutesOf } from './open-time.js';
import { periodToWire } from './period-wire.js';
import type { ReportCache } from './report-cache.js';

const MS_PER_MINUTE = 60_000;
const buckets: LeadTimeBucket[] = ['under_1h', 'under_1d', 'under_7d', 'under_30d', 'over_30d'];

/** SQLite answers `sum()` of no rows with NULL. */
const n = (value: number | null | undefined) => Number(value ?? 0);
const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

const noBookings = (): BookingCounts => ({
  total: 0,
  pending: 0,
  confirmed: 0,
  cancelled: 0,
  completed: 0,
  no_show: 0,
});

function addCounts(sum: BookingCounts, row: StatusCounts): BookingCounts {
  return {
    total: sum.total + n(row.total),
    pending: sum.pending + n(row.pending),
    confirmed: sum.confirmed + n(row.confirmed),
    cancelled: sum.cancelled + n(row.cancelled),
    completed: sum.completed + n(row.completed),
    no_show: sum.no_show + n(row.no_show),
  };
}

/** Rows summed per `key`. */
function sumBy<T extends StatusCounts>(rows: readonly T[], key: (row: T) => string | number) {
  const sums = new Map<string | number, BookingCounts>();
  for (const row of rows) sums.set(key(row), addCounts(sums.get(key(row)) ?? noBookings(), row));
  return sums;
}

/** Bookings by status of one local day (days since 1970-01-01 on the business's clock). */
interface DayCounts extends StatusCounts {
  day: number;
}

const statusNames = ['pending', 'confirmed', 'cancelled', 'completed', 'no_show'] as const;

/** The hour rows summed per local day, and into the weekday × hour heatmap (cancelled left out). */
function foldHours(rows: readonly HourCount[]): { days: DayCounts[]; heatmap: number[][] } {
  const days = new Map<number, DayCounts>();
  const heatmap = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
  for (const row of rows) {
    const hour = n(row.hour);
    const bookings = n(row.bookings);
    const day = Math.floor(hour / 24);
    let counts = days.get(day);
    if (!counts) {
      counts = { day, total: 0, pending: 0, confirmed: 0, cancelled: 0, completed: 0, no_show: 0 };
      days.set(day, counts);
    }
    counts.total += bookings;
    const status = statusNames.find((name) => name === row.status);
    if (status) counts[status] = n(counts[status]) + bookings;
    // 1970-01-01 (day 0) was a Thursday: Monday = 0.
    if (row.status !== 'cancelled') heatmap[(day + 3) % 7]![hour % 24]! += bookings;
  }
  return { days: [...days.values()], heatmap };
}

/** Every date (or week, by its Monday) of the period, those without bookings too: a chart needs its gaps. */
function timeGroups(span: ReportSpan, by: 'day' | 'week', days: DayCounts[]): BookingGroup[] {
  const buckets = periodBuckets(span.from, span.to, by);
  // A week is keyed by its Monday's day number: 1970-01-01 (day 0) was a Thursday.
  const sums = sumBy(days, (row) => (by === 'day' ? row.day : row.day - ((row.day + 3) % 7)));
  return buckets.map(({ day, date }) => ({ key: date, label: date, counts: sums.get(day) ?? noBookings() }));
}

/** Groups by resource or service, most bookings first. */
function entityGroups(sums: Map<string | number, BookingCounts>, names: Map<string, string>): BookingGroup[] {
  return [...sums]
    .map(([key, counts]) => ({ key: String(key), label: names.get(String(key)) ?? String(key), counts }))
    .sort((a, b) => b.counts.total - a.counts.total || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
}

interface ServiceInfo {
  name: string;
  price: { amount: number; currency: string } | null;
}

/** Runs one statement of the report and answers its rows. */
type Read = <T>(query: SQL) => Promise<T[]>;

/** What SQLite answers about one period: the four passes of `booking-queries.ts`. */
interface PeriodRows {
  booked: BookedRow[];
  hours: HourCount[];
  mix: MixRow[];
  middle: Array<{ lead: number }>;
}

/**
 * Sends the four passes over one period to `read` at once: on the side reader they queue in its
 * process and run back to back, without waiting for this process's event loop between them (it is
 * busy with the other period's reads meanwhile).
 */
async function periodRows(read: Read, q: BookingSpan): Promise<PeriodRows> {
  const [booked, hours, mix, middle] = await Promise.all([
    read<BookedRow>(bookedTimeQuery(q)),
    read<HoursRow>(hoursQuery(q)),
    read<MixRow>(mixQuery(q)),
    read<{ lead: number }>(leadTimeMiddleQuery(q)),
  ]);
  return { booked, hours: unpackHours(hours[0]), mix, middle };
}

interface PeriodInput {
  span: ReportSpan;
  groupBy: ReportGroupBy;
  calendars: Calendars;
  services: Map<string, ServiceInfo>;
  rows: PeriodRows;
  zone: string;
}

function periodFigures(input: PeriodInput): BookingFigures {
  const { span, groupBy, calendars } = input;
  const { mix, middle } = input.rows;
  const { days, heatmap } = foldHours(input.rows.hours);
  const totals = mix.reduce(addCounts, noBookings());

  // The median: the middle lead time, or the mean of the middle two.
  const count = totals.total;
  const middleLeads = (count % 2 === 0 ? middle : middle.slice(0, 1)).map((row) => n(row.lead));
  const median =
    count === 0 || middleLeads.length === 0
      ? null
      : middleLeads.reduce((sum, lead) => sum + lead, 0) / middleLeads.length / MS_PER_MINUTE;
  const leadSum = mix.reduce((sum, row) => sum + n(row.lead_sum), 0);

  const perService = sumBy(mix, (row) => row.service_id);
  const serviceNames = new Map([...input.services].map(([id, s]) => [id, s.name]));
  const groups =
    groupBy === 'day' || groupBy === 'week'
      ? timeGroups(span, groupBy, days)
      : groupBy === 'resource'
        ? entityGroups(
            sumBy(mix, (row) => row.resource_id),
            calendars.names,
          )
        : entityGroups(perService, serviceNames);

  const revenueByCurrency = new Map<string, Revenue>();
  const topServices: TopService[] = [];
  for (const [id, counts] of perService) {
    const service = input.services.get(String(id));
    const price = service?.price ?? null;
    const revenue = price
      ? { currency: price.currency, amount: price.amount * counts.completed, bookings: counts.completed }
      : null;
    if (revenue && counts.completed > 0) {
      const sum = revenueByCurrency.get(revenue.currency);
      revenueByCurrency.set(revenue.currency, {
        currency: revenue.currency,
        amount: (sum?.amount ?? 0) + revenue.amount,
        bookings: (sum?.bookings ?? 0) + revenue.bookings,
      });
    }
    const kept = counts.total - counts.cancelled;
    if (kept > 0) {
      topServices.push({
        serviceId: String(id),
        name: service?.name ?? String(id),
        bookings: kept,
        completed: counts.completed,
        revenue,
      });
    }
  }
  topServices.sort((a, b) => b.bookings - a.bookings || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

  const booked = new Map(input.rows.booked.map((row) => [row.id, n(row.booked) / MS_PER_MINUTE]));
  const open = openMinutesOf(calendars, input.zone, span.from, span.to);

  return {
    period: periodToWire(span),
    totals,
    cancellationRate: ratio(totals.cancelled, totals.total),
    noShowRate: ratio(totals.no_show, totals.total - totals.cancelled),
    groups,
    leadTime: {
      bookings: count,
      medianMinutes: median,
      averageMinutes: count === 0 ? null : leadSum / count / MS_PER_MINUTE,
      buckets: buckets.map((bucket) => ({
        bucket,
        bookings: mix.reduce((sum, row) => sum + n(row[bucket]), 0),
      })),
    },
    revenue: [...revenueByCurrency.values()].sort((a, b) => (a.currency < b.currency ? -1 : 1)),
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
    topServices: topServices.slice(0, 10),
  };
}

/** Every service of the business, deleted ones too (old bookings still name them). */
async function servicesOf(db: Db, businessId: string): Promise<Map<string, ServiceInfo>> {
  const rows = await db
    .select({
      id: services.id,
      name: services.name,
      amount: services.priceAmount,
      currency: services.priceCurrency,
    })
    .from(services)
    .where(eq(services.businessId, businessId));
  return new Map(
    rows.map((row) => [
      row.id,
      {
        name: row.name,
        price:
          row.amount === null || row.currency === null
            ? null
            : { amount: row.amount, currency: row.currency },
      },
    ]),
  );
}

/** The bookings report of `query.from`..`query.to` and of the period before, in the business zone. */
export async function bookingReport(
  db: Db,
  businessId: string,
  query: Required<BookingReportQuery>,
  log: RowLogger,
  options: { cache?: ReportCache; readBeside?: Read } = {},
): Promise<BookingReport> {
  const { cache } = options;
  const here: Read = (statement) => db.all(statement);
  // The period before is read on the side connection where there is one: the two overlap.
  const beside = options.readBeside ?? here;
  // The versions are read before the bookings: a change committed meanwhile only makes them stale.
  const business = await getBusinessRow(db, businessId);
  const key = `${businessId}|${query.from}|${query.to}|${query.groupBy}`;
  const cached = cache?.get(key, business);
  if (cached) return cached;
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
  // The side's passes are sent first: a read on this connection runs to its last row before it
  // returns, and the side's four then run meanwhile.
  const [rowsBefore, rowsNow, serviceInfo] = await Promise.all([
    periodRows(beside, spanOf(previous)),
    periodRows(here, spanOf(current)),
    servicesOf(db, businessId),
  ]);
  // Resources deleted since still show in utilisation when they were booked.
  const calendars = await loadCalendars(
    db,
    businessId,
    { from: previous.from, to: current.to, start: previous.start, end: current.end },
    new Set([...rowsNow.booked, ...rowsBefore.booked].map((row) => row.id)),
    log,
  );
  const common = { groupBy: query.groupBy, calendars, services: serviceInfo, zone };
  const previousFigures = periodFigures({ ...common, span: previous, rows: rowsBefore });
  const currentFigures = periodFigures({ ...common, span: current, rows: rowsNow });
  const report = {
    timezone: zone,
    groupBy: query.groupBy,
    current: currentFigures,
    previous: previousFigures,
  };
  cache?.set(key, business, report);
  return report;
}
