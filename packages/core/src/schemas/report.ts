/**
 * @module Reports (owners and secret keys): the wire contract of `GET /reports/bookings` and
 * `GET /reports/stock`. Each answers the chosen period and the previous period of equal length, so
 * a client can show "this month vs last month" without a second call.
 */
import * as z from 'zod/mini';
import { Currency, Id, Instant, LocalDate, TimeZone } from './common.js';
import { Sku, StockLevel } from './stock.js';

/** The longest period one report covers: a year (a leap year's 366 dates). */
export const MAX_REPORT_DAYS = 366;

const DAY_MS = 86_400_000;
/**
 * The dates a report may ask for: the previous period (up to 366 dates earlier) and the instants of
 * both in any zone (±14 h) must stay inside the API's 1970..2100.
 */
export const FIRST_REPORT_DATE = '1971-01-03';
export const LAST_REPORT_DATE = '2100-12-30';

type DateRange = { from: string; to: string };

/** `from`..`to` (inclusive dates in the business zone), at most {@link MAX_REPORT_DAYS} dates. */
const periodChecks = () =>
  [
    z.refine<DateRange>((q) => q.from <= q.to, { message: 'to must not be before from', path: ['to'] }),
    z.refine<DateRange>((q) => Date.parse(q.to) - Date.parse(q.from) < MAX_REPORT_DAYS * DAY_MS, {
      message: `at most ${MAX_REPORT_DAYS} days per report`,
      path: ['to'],
    }),
    z.refine<DateRange>((q) => q.from >= FIRST_REPORT_DATE, {
      message: `reports begin on ${FIRST_REPORT_DATE} or later (the previous period stays after 1970)`,
      path: ['from'],
    }),
    z.refine<DateRange>((q) => q.to <= LAST_REPORT_DATE, {
      message: `reports end on ${LAST_REPORT_DATE} or earlier`,
      path: ['to'],
    }),
  ] as const;

/** How `groups` of the bookings report are cut: per date, per week (Monday first), per resource or service. */
export const ReportGroupBy = z.enum(['day', 'week', 'resource', 'service']);
export type ReportGroupBy = z.infer<typeof ReportGroupBy>;

export const BookingReportQuery = z
  .object({
    /** First date of the period, in the business's zone. */
    from: LocalDate,
    /** Last date (inclusive); the period is at most 366 dates. */
    to: LocalDate,
    groupBy: z._default(ReportGroupBy, 'day'),
  })
  .check(...periodChecks());
export type BookingReportQuery = z.input<typeof BookingReportQuery>;

export const StockReportQuery = z.object({ from: LocalDate, to: LocalDate }).check(...periodChecks());
export type StockReportQuery = z.input<typeof StockReportQuery>;

/** A period: its dates in the business zone and the instants they span (`end` exclusive). */
export const ReportPeriod = z.object({
  from: LocalDate,
  to: LocalDate,
  days: z.int(),
  start: Instant,
  end: Instant,
});
export type ReportPeriod = z.infer<typeof ReportPeriod>;

/** Bookings by status, and their total. */
export const BookingCounts = z.object({
  total: z.int(),
  pending: z.int(),
  confirmed: z.int(),
  cancelled: z.int(),
  completed: z.int(),
  no_show: z.int(),
});
export type BookingCounts = z.infer<typeof BookingCounts>;

/** One group of `groups`: a date (`day`, the Monday of a `week`) or a resource or service id. */
export const BookingGroup = z.object({
  key: z.string(),
  /** The date again, or the resource's or service's name. */
  label: z.string(),
  counts: BookingCounts,
});
export type BookingGroup = z.infer<typeof BookingGroup>;

export const LeadTimeBucket = z.enum(['under_1h', 'under_1d', 'under_7d', 'under_30d', 'over_30d']);
export type LeadTimeBucket = z.infer<typeof LeadTimeBucket>;

/** How far ahead bookings were made: from creation to start, in whole minutes (0 when made afterwards). */
export const LeadTime = z.object({
  bookings: z.int(),
  medianMinutes: z.nullable(z.number()),
  averageMinutes: z.nullable(z.number()),
  /** Under 1 h, under 24 h, under 7 days, under 30 days, 30 days or more. */
  buckets: z.array(z.object({ bucket: LeadTimeBucket, bookings: z.int() })),
});
export type LeadTime = z.infer<typeof LeadTime>;

export const Revenue = z.object({
  currency: Currency,
  /** Minor units (cents). */
  amount: z.int(),
  bookings: z.int(),
});
export type Revenue = z.infer<typeof Revenue>;

/** Booked minutes ÷ open minutes of one resource over the period. */
export const ResourceUtilisation = z.object({
  resourceId: Id,
  name: z.string(),
  bookedMinutes: z.number(),
  openMinutes: z.number(),
  /** `null` when the resource was not open at all. */
  rate: z.nullable(z.number()),
});
export type ResourceUtilisation = z.infer<typeof ResourceUtilisation>;

export const TopService = z.object({
  serviceId: Id,
  name: z.string(),
  /** Bookings that were not cancelled. */
  bookings: z.int(),
  completed: z.int(),
  /** Price × completed bookings; null for a service without a price. */
  revenue: z.nullable(Revenue),
});
export type TopService = z.infer<typeof TopService>;

/** The figures of one period. */
export const BookingFigures = z.object({
  period: ReportPeriod,
  totals: BookingCounts,
  /** cancelled ÷ total; null without bookings. */
  cancellationRate: z.nullable(z.number()),
  /** no_show ÷ (total − cancelled); null when nothing was left on the calendar. */
  noShowRate: z.nullable(z.number()),
  groups: z.array(BookingGroup),
  leadTime: LeadTime,
  /** Service prices of completed bookings, per currency. */
  revenue: z.array(Revenue),
  utilisation: z.array(ResourceUtilisation),
  /** 7 rows (Monday first) × 24 hours in the business zone: bookings (not cancelled) starting then. */
  heatmap: z.array(z.array(z.int())),
  /** Up to 10 services by bookings that were not cancelled. */
  topServices: z.array(TopService),
});
export type BookingFigures = z.infer<typeof BookingFigures>;

export const BookingReport = z.object({
  timezone: TimeZone,
  groupBy: ReportGroupBy,
  current: BookingFigures,
  /** The same number of dates just before `current`. */
  previous: BookingFigures,
});
export type BookingReport = z.infer<typeof BookingReport>;

/** Units that left or entered the shelf of one product at one location. */
export const StockMovementTotals = z.object({
  sku: Sku,
  name: z.string(),
  locationId: Id,
  /** Negative deltas from the till or the desk (sales, write-offs). */
  sold: z.int(),
  /** Units handed over for collected reservations. */
  collected: z.int(),
  /** Positive deltas (deliveries, returns). */
  received: z.int(),
});
export type StockMovementTotals = z.infer<typeof StockMovementTotals>;

/** Reservations made in the period, by what became of them. */
export const ReservationOutcomes = z.object({
  total: z.int(),
  collected: z.int(),
  expired: z.int(),
  released: z.int(),
  /** Still holding units. */
  active: z.int(),
});
export type ReservationOutcomes = z.infer<typeof ReservationOutcomes>;

export const StockFigures = z.object({
  period: ReportPeriod,
  movements: z.array(StockMovementTotals),
  reservations: ReservationOutcomes,
});
export type StockFigures = z.infer<typeof StockFigures>;

export const LowStockProduct = z.object({
  sku: Sku,
  name: z.string(),
  lowStockThreshold: z.int(),
  available: z.int(),
  level: StockLevel,
});
export type LowStockProduct = z.infer<typeof LowStockProduct>;

export const StockReport = z.object({
  timezone: TimeZone,
  current: StockFigures,
  previous: StockFigures,
  /** Active products whose available units (all active locations) are at or below their threshold, now. */
  belowThreshold: z.array(LowStockProduct),
});
export type StockReport = z.infer<typeof StockReport>;
