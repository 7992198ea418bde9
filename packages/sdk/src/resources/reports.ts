/**
 * @module `reports`: the figures of a period compared with the one before — bookings and stock
 * (secret key or an owner's console session). Its wire types live here, beside the calls, so the
 * shared type list stays as it was.
 */
import type * as core from '@frontdesk/core';
import type { RequestOptions, Transport } from '../http/transport.js';
import type { Input, Output } from '../types.js';

/**
 * What `reports.bookings` accepts: dates in the business zone (at most 366) and how to cut `groups`.
 *
 * @example
 * ```ts
 * const query: BookingReportQuery = { from: '2026-03-01', to: '2026-03-31', groupBy: 'week' };
 * ```
 */
export type BookingReportQuery = Input<typeof core.BookingReportQuery>;
/**
 * The bookings report: `current` and `previous` (the same number of dates just before) figures.
 *
 * @example
 * ```ts
 * const { current, previous }: BookingReport = await reports.bookings({ from, to });
 * const growth = current.totals.total - previous.totals.total;
 * ```
 */
export type BookingReport = Output<typeof core.BookingReport>;
/**
 * One period's booking figures.
 *
 * @example
 * ```ts
 * const busiest = (f: BookingFigures) => Math.max(...f.heatmap.flat());
 * ```
 */
export type BookingFigures = Output<typeof core.BookingFigures>;
/**
 * What `reports.stock` accepts.
 *
 * @example
 * ```ts
 * const query: StockReportQuery = { from: '2026-03-01', to: '2026-03-31' };
 * ```
 */
export type StockReportQuery = Input<typeof core.StockReportQuery>;
/**
 * The stock report: units per product and location and reservation outcomes for both periods, and
 * the products at or below their threshold now.
 *
 * @example
 * ```ts
 * const { belowThreshold }: StockReport = await reports.stock({ from, to });
 * ```
 */
export type StockReport = Output<typeof core.StockReport>;

/**
 * The reports resource (`createReportsClient`, and the console's client).
 *
 * @example
 * ```ts
 * const march = await client.reports.bookings({ from: '2026-03-01', to: '2026-03-31' });
 * ```
 */
export const reports = (t: Transport) => ({
  /**
   * Bookings by status per day, week, resource or service; rates, lead time, revenue, utilisation,
   * a weekday × hour heatmap and top services — for the period and the one before.
   *
   * @example
   * ```ts
   * const { current } = await client.reports.bookings({ from: '2026-03-01', to: '2026-03-31', groupBy: 'resource' });
   * console.log(current.noShowRate, current.utilisation);
   * ```
   */
  bookings: (query: BookingReportQuery, options?: RequestOptions) =>
    t.request<BookingReport>({ method: 'GET', path: 'reports/bookings', query, signal: options?.signal }),
  /**
   * Units sold, collected and received per product and location, reservations by outcome, and the
   * products below threshold.
   *
   * @example
   * ```ts
   * const { current, belowThreshold } = await client.reports.stock({ from: '2026-03-01', to: '2026-03-31' });
   * ```
   */
  stock: (query: StockReportQuery, options?: RequestOptions) =>
    t.request<StockReport>({ method: 'GET', path: 'reports/stock', query, signal: options?.signal }),
});
