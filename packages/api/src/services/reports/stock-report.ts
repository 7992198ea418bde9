/**
 * @module `GET /reports/stock`: units sold, collected and received per product and location, and
 * what became of reservations, for a period and the one of equal length before it; and the products
 * at or below their low-stock threshold now.
 */
import {
  previousDates,
  type ReportSpan,
  reportSpan,
  type StockFigures,
  type StockReport,
  type StockReportQuery,
  stockLevel,
} from '@frontdesk/core';
import type { Db } from '../../db/open.js';
import { getBusinessRow } from '../business.js';
import { periodToWire } from './period-wire.js';
import {
  belowThresholdQuery,
  type LowStockRow,
  type MovementRow,
  movementsQuery,
  type ReservationRow,
  reservationsQuery,
  type StockSpan,
} from './stock-queries.js';

const n = (value: number | null | undefined) => Number(value ?? 0);

async function periodFigures(db: Db, span: ReportSpan, q: StockSpan): Promise<StockFigures> {
  const [movements, [outcomes]] = await Promise.all([
    db.all<MovementRow>(movementsQuery(q)),
    db.all<ReservationRow>(reservationsQuery(q)),
  ]);
  return {
    period: periodToWire(span),
    movements: movements.map((row) => ({
      sku: row.sku,
      // A product deleted and purged keeps its ledger rows; show its SKU.
      name: row.name ?? row.sku,
      locationId: row.location_id,
      sold: n(row.sold),
      collected: n(row.collected),
      received: n(row.received),
    })),
    reservations: {
      total: n(outcomes?.total),
      collected: n(outcomes?.collected),
      expired: n(outcomes?.expired),
      released: n(outcomes?.released),
      active: n(outcomes?.active),
    },
  };
}

export async function stockReport(
  db: Db,
  businessId: string,
  query: StockReportQuery,
  now: number,
): Promise<StockReport> {
  const zone = (await getBusinessRow(db, businessId)).timezone;
  const current = reportSpan(query.from, query.to, zone);
  const before = previousDates(query.from, query.to);
  const previous = reportSpan(before.from, before.to, zone);
  const spanOf = (span: ReportSpan): StockSpan => ({ businessId, start: span.start, end: span.end, now });
  const [currentFigures, previousFigures, low] = await Promise.all([
    periodFigures(db, current, spanOf(current)),
    periodFigures(db, previous, spanOf(previous)),
    db.all<LowStockRow>(belowThresholdQuery(businessId, now)),
  ]);
  return {
    timezone: zone,
    current: currentFigures,
    previous: previousFigures,
    belowThreshold: low.map((row) => ({
      sku: row.sku,
      name: row.name,
      lowStockThreshold: n(row.threshold),
      available: n(row.available),
      level: stockLevel(n(row.available), n(row.threshold)),
    })),
  };
}
