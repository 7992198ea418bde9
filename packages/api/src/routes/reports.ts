/**
 * @module Reports (owners and secret keys; staff sessions and publishable keys are refused):
 * `GET /reports/bookings` and `GET /reports/stock`, each a period compared with the one before.
 */
import { BookingReport, BookingReportQuery, StockReport, StockReportQuery } from '@frontdesk/core';
import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { readQuery } from '../middleware/validate.js';
import { route } from '../openapi/route.js';
import { bookingReport } from '../services/reports/bookings-report.js';
import { ReportCache } from '../services/reports/report-cache.js';
import { stockReport } from '../services/reports/stock-report.js';
import { scope } from './kit.js';

export function reportRoutes(): Hono<AppEnv> {
  const reports = new ReportCache();
  const app = new Hono<AppEnv>();
  app.get(
    '/reports/bookings',
    route({
      summary: 'Bookings of a period, compared with the period before',
      description:
        'Dates in the business zone, at most 366. For the period and for the same number of dates ' +
        'just before it: bookings by status per `groupBy` (day, week from Monday, resource or service), ' +
        'cancellation and no-show rates, lead time, revenue (service prices of completed bookings, per ' +
        'currency), utilisation per resource (booked minutes ÷ open minutes, from the hours, overrides, ' +
        'time off and closures availability uses), a weekday × hour heatmap on the business clock, and ' +
        'the top services.',
      tag: 'Reports',
      auth: 'secret',
      query: BookingReportQuery,
      responses: { 200: BookingReport },
    }),
    async (c) => {
      const query = readQuery(c, BookingReportQuery);
      const { db, database, businessId, logger } = scope(c);
      const readBeside = database.readBeside?.bind(database);
      return c.json(
        await bookingReport(db, businessId, query, logger, {
          cache: reports,
          ...(readBeside ? { readBeside } : {}),
        }),
      );
    },
  );
  app.get(
    '/reports/stock',
    route({
      summary: 'Stock of a period, compared with the period before',
      description:
        'Dates in the business zone, at most 366. Per product and location: units sold (negative ' +
        'deltas from the till or desk), collected (reservations handed over) and received, by when they ' +
        'happened; reservations made in the period by outcome (collected, expired, released, active); ' +
        'and the active products at or below their low-stock threshold now.',
      tag: 'Reports',
      auth: 'secret',
      query: StockReportQuery,
      responses: { 200: StockReport },
    }),
    async (c) => {
      const query = readQuery(c, StockReportQuery);
      const { db, businessId, now } = scope(c);
      return c.json(await stockReport(db, businessId, query, now));
    },
  );
  return app;
}
