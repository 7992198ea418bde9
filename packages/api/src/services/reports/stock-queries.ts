/**
 * @module The SQL of the stock report. Movements are read by when they happened at the till
 * (`occurred_at`), reservations by when they were made, each through a business-first index on that
 * instant; the products below threshold through the per-business keys of products, locations,
 * levels and live reservations. Exported one by one so a test can ask SQLite for each plan.
 */
import { type SQL, sql } from 'drizzle-orm';

/** What one period of the stock report reads. */
export interface StockSpan {
  businessId: string;
  start: number;
  end: number;
  /** Reservations still `active` past their expiry count as expired (no sweeper needed). */
  now: number;
}

export interface MovementRow {
  sku: string;
  location_id: string;
  name: string | null;
  sold: number;
  collected: number;
  received: number;
}

/**
 * Units per product and location: sold (negative deltas from the till or desk, those a later count
 * superseded too: the sale still happened), collected (handed over for reservations) and received.
 */
export function movementsQuery(q: StockSpan): SQL {
  // A collect that a later count covers is stored as `superseded`; its source still says what it was.
  const collect = sql`m.kind = 'delta' AND m.source = 'reservation'`;
  const fromTill = sql`m.kind = 'delta' AND m.source <> 'reservation' AND m.reason IN ('adjustment', 'superseded')`;
  return sql`SELECT m.sku AS sku, m.location_id AS location_id, p.name AS name,
      sum(CASE WHEN ${fromTill} AND m.requested < 0 THEN -m.requested ELSE 0 END) AS sold,
      sum(CASE WHEN ${collect} THEN -m.requested ELSE 0 END) AS collected,
      sum(CASE WHEN ${fromTill} AND m.requested > 0 THEN m.requested ELSE 0 END) AS received
    FROM stock_movements m
    LEFT JOIN products p ON p.business_id = m.business_id AND p.sku = m.sku
    WHERE m.business_id = ${q.businessId} AND m.occurred_at >= ${q.start} AND m.occurred_at < ${q.end}
    GROUP BY m.sku, m.location_id
    HAVING sold > 0 OR collected > 0 OR received > 0
    ORDER BY m.sku, m.location_id`;
}

export interface ReservationRow {
  total: number;
  collected: number | null;
  expired: number | null;
  released: number | null;
  active: number | null;
}

/** Reservations made in the period, by what became of them. */
export function reservationsQuery(q: StockSpan): SQL {
  return sql`SELECT count(*) AS total,
      sum(r.status = 'collected') AS collected,
      sum(r.status = 'expired' OR (r.status = 'active' AND r.expires_at <= ${q.now})) AS expired,
      sum(r.status = 'released') AS released,
      sum(r.status = 'active' AND r.expires_at > ${q.now}) AS active
    FROM reservations r
    WHERE r.business_id = ${q.businessId} AND r.created_at >= ${q.start} AND r.created_at < ${q.end}`;
}

export interface LowStockRow {
  sku: string;
  name: string;
  threshold: number;
  available: number;
}

/**
 * Active products whose available units — on hand minus live reservations, never below zero, per
 * active location, summed — are at or below their threshold (or none left), now.
 */
export function belowThresholdQuery(businessId: string, now: number): SQL {
  return sql`SELECT sku, name, threshold, available FROM (
      SELECT p.sku AS sku, p.name AS name, p.low_stock_threshold AS threshold,
        (SELECT coalesce(sum(max(0, coalesce(s.on_hand, 0) - coalesce(
            (SELECT sum(r.quantity) FROM reservations r
              WHERE r.business_id = l.business_id AND r.sku = p.sku AND r.location_id = l.id
                AND r.status = 'active' AND r.expires_at > ${now}), 0))), 0)
          FROM locations l
          LEFT JOIN stock_levels s ON s.business_id = l.business_id AND s.location_id = l.id AND s.sku = p.sku
          WHERE l.business_id = p.business_id AND l.active = 1) AS available
      FROM products p
      WHERE p.business_id = ${businessId} AND p.active = 1 AND p.deleted_at IS NULL)
    WHERE available <= max(threshold, 0)
    ORDER BY available, sku`;
}

/** Every statement the stock report runs (for the query-plan test). */
export function stockReportQueries(q: StockSpan): Record<string, SQL> {
  return {
    movements: movementsQuery(q),
    reservations: reservationsQuery(q),
    belowThreshold: belowThresholdQuery(q.businessId, q.now),
  };
}
