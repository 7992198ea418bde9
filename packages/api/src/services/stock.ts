/**
 * @module Stock levels: reading what a customer can get, and applying changes (POS adjustments,
 * counts, collects) so that each one is a ledger row, a level update and events, in the caller's
 * write transaction. The ordering rule that makes ingestion order-independent lives in core.
 */
import {
  type AdjustmentResult,
  availableUnits,
  becameLow,
  type FieldError,
  type LocationStock,
  type MovementReason,
  type ProductStock,
  planStockFact,
  type StockAdjustment,
  type StockFact,
  stockLevel,
} from '@frontdesk/core';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { placeholderRow, prepared } from '../db/prepared.js';
import { locations, products, stockEventsSeen, stockLevels, stockMovements } from '../db/stock-schema.js';
import { validationFailed } from '../errors.js';
import { newId } from '../ids.js';
import { appendEvent } from './events.js';

type ProductRow = typeof products.$inferSelect;
const ph = (name: string) => sql.placeholder(name);

/** The product with this SKU, unless deleted. */
export async function findProduct(db: Db, businessId: string, sku: string): Promise<ProductRow | undefined> {
  // Prepared: a catalogue import reads one product per row (built per call it was ~0.2 ms of drizzle).
  const query = prepared(db, 'product:by-sku', (d) =>
    d
      .select()
      .from(products)
      .where(
        and(
          eq(products.businessId, ph('businessId')),
          eq(products.sku, ph('sku')),
          isNull(products.deletedAt),
        ),
      )
      .limit(1)
      .prepare(),
  );
  const [row] = await query.all({ businessId, sku });
  return row;
}

/**
 * Whether a location of this business exists. Active or not by default: the POS may still report
 * on a shop that is hidden from customers.
 */
export async function locationExists(
  db: Db,
  businessId: string,
  locationId: string,
  options: { activeOnly?: boolean } = {},
): Promise<boolean> {
  const query = prepared(db, 'location:exists', (d) =>
    d
      .select({ active: locations.active })
      .from(locations)
      .where(and(eq(locations.businessId, ph('businessId')), eq(locations.id, ph('locationId'))))
      .limit(1)
      .prepare(),
  );
  const [row] = await query.all({ businessId, locationId });
  return row !== undefined && (row.active || !options.activeOnly);
}

/** Units held by live reservations (`active` and `expires_at > now`) of one SKU at one location. */
export async function liveReserved(
  db: Db,
  businessId: string,
  sku: string,
  locationId: string,
  now: number,
): Promise<number> {
  const [row] = await db.all<{ reserved: number | null }>(sql`
    SELECT SUM(quantity) AS reserved FROM reservations
    WHERE business_id = ${businessId} AND sku = ${sku} AND location_id = ${locationId}
      AND status = 'active' AND expires_at > ${now}`);
  return Number(row?.reserved ?? 0);
}

/** The on-hand of one SKU at one location (0 when nothing was ever recorded). */
export async function onHandAt(db: Db, businessId: string, sku: string, locationId: string): Promise<number> {
  const [row] = await db
    .select({ onHand: stockLevels.onHand })
    .from(stockLevels)
    .where(
      and(
        eq(stockLevels.businessId, businessId),
        eq(stockLevels.sku, sku),
        eq(stockLevels.locationId, locationId),
      ),
    );
  return row?.onHand ?? 0;
}

/**
 * The stock of a product at every active location, as customers see it at `now`. One query:
 * active locations, their level row if any, and the live reservations summed per location.
 */
export async function productStock(db: Db, product: ProductRow, now: number): Promise<ProductStock> {
  const query = prepared(db, 'stock:product', (d) =>
    d
      .select({
        location_id: locations.id,
        on_hand: stockLevels.onHand,
        reserved: sql<number | null>`(SELECT SUM(r.quantity) FROM reservations r
          WHERE r.business_id = ${locations.businessId} AND r.sku = ${ph('sku')} AND r.location_id = ${locations.id}
            AND r.status = 'active' AND r.expires_at > ${ph('now')})`,
      })
      .from(locations)
      .leftJoin(
        stockLevels,
        and(
          eq(stockLevels.businessId, locations.businessId),
          eq(stockLevels.locationId, locations.id),
          eq(stockLevels.sku, ph('sku')),
        ),
      )
      .where(and(eq(locations.businessId, ph('businessId')), sql`${locations.active} = 1`))
      .orderBy(locations.id)
      .prepare(),
  );
  const rows = await query.all({ sku: product.sku, now, businessId: product.businessId });
  return stockFromRows(product, rows);
}

/** One row per active location (or none), as the stock queries give them. */
export interface LocationStockRow {
  location_id: string;
  on_hand: number | null;
  reserved: number | null;
}

/** A product's stock from its per-location rows: the one place the answer's shape is made. */
export function stockFromRows(
  product: { sku: string; lowStockThreshold: number },
  rows: readonly LocationStockRow[],
): ProductStock {
  const perLocation: LocationStock[] = rows.map((row) => {
    const onHand = Number(row.on_hand ?? 0);
    const reserved = Number(row.reserved ?? 0);
    const available = availableUnits(onHand, reserved);
    return {
      locationId: row.location_id,
      onHand,
      reserved,
      available,
      level: stockLevel(available, product.lowStockThreshold),
    };
  });
  const available = perLocation.reduce((sum, l) => sum + l.available, 0);
  return {
    sku: product.sku,
    available,
    level: stockLevel(available, product.lowStockThreshold),
    locations: perLocation,
  };
}

/** Writes `stock.changed` (and `stock.low` when the shelf just crossed into low or out). */
export async function recordStockChange(
  tx: Db,
  product: ProductRow,
  change: { locationId: string; availableBefore?: number; onHandBefore?: number; cause: string },
  now: number,
): Promise<void> {
  const stock = await productStock(tx, product, now);
  const here = stock.locations.find((l) => l.locationId === change.locationId);
  const after = here?.available ?? 0;
  // An on-hand change leaves reservations alone, so "before" is the old on-hand minus today's
  // reserved units: one query fewer per adjustment than asking for it separately.
  const availableBefore =
    change.availableBefore ?? availableUnits(change.onHandBefore ?? 0, here?.reserved ?? 0);
  const payload = { sku: product.sku, locationId: change.locationId, cause: change.cause, stock };
  await appendEvent(tx, {
    businessId: product.businessId,
    type: 'stock.changed',
    subjectId: product.sku,
    payload,
    now,
  });
  if (becameLow(availableBefore, after, product.lowStockThreshold)) {
    await appendEvent(tx, {
      businessId: product.businessId,
      type: 'stock.low',
      subjectId: product.sku,
      payload,
      now,
    });
  }
}

export interface StockChange {
  product: ProductRow;
  locationId: string;
  fact: StockFact;
  /** Used when the fact is applied; a count is always `count`, a covered fact `superseded`. */
  reason: Extract<MovementReason, 'adjustment' | 'collect'>;
  note: string;
  source: string;
}

export interface AppliedChange {
  movementId: string;
  outcome: 'applied' | 'superseded';
  delta: number;
  onHand: number;
}

/**
 * Applies one fact inside `tx`: a ledger row always (so every event is on record), then the level
 * and the events when on-hand actually changed.
 */
export async function applyStockChange(tx: Db, change: StockChange, now: number): Promise<AppliedChange> {
  const { product, locationId, fact } = change;
  const businessId = product.businessId;
  const at = { businessId, sku: product.sku, locationId };
  const [level] = await levelOf(tx).all(at);
  const state = {
    onHand: level?.onHand ?? 0,
    lastCount:
      level?.lastCountAt != null && level.lastCountEventId != null
        ? { at: level.lastCountAt, eventId: level.lastCountEventId }
        : null,
  };
  const after = fact.kind === 'set' ? await deltasAfter(tx, { ...at, occurredAt: fact.key.at }) : 0;
  const plan = planStockFact(state, fact, () => after);

  const movementId = newId('mov', now);
  await insertMovement(tx).run({
    id: movementId,
    businessId,
    sku: product.sku,
    locationId,
    kind: fact.kind,
    requested: fact.kind === 'set' ? fact.set : fact.delta,
    delta: plan.delta,
    reason: plan.outcome === 'superseded' ? 'superseded' : fact.kind === 'set' ? 'count' : change.reason,
    note: change.note,
    source: change.source,
    eventId: fact.key.eventId,
    occurredAt: fact.key.at,
    createdAt: now,
  });
  if (plan.outcome === 'applied') {
    await writeLevel(tx).run({
      ...at,
      onHand: plan.next.onHand,
      lastCountAt: plan.next.lastCount?.at ?? null,
      lastCountEventId: plan.next.lastCount?.eventId ?? null,
      updatedAt: now,
    });
  }
  if (plan.delta !== 0) {
    await recordStockChange(
      tx,
      product,
      { locationId, onHandBefore: state.onHand, cause: change.reason },
      now,
    );
  }
  return { movementId, outcome: plan.outcome, delta: plan.delta, onHand: plan.next.onHand };
}

// The statements of one stock change, prepared once per handle: a POS adjustment or a row of a
// stock count file runs each once, and built per call drizzle's query building was most of the
// cost (`bench/import.bench.js`: a stock count row 2.5 -> 1.0 ms of CPU).
/** One SKU's level row at one location (`businessId`, `sku`, `locationId`). */
const levelOf = (tx: Db) =>
  prepared(tx, 'stock:level', (d) =>
    d
      .select()
      .from(stockLevels)
      .where(
        and(
          eq(stockLevels.businessId, ph('businessId')),
          eq(stockLevels.sku, ph('sku')),
          eq(stockLevels.locationId, ph('locationId')),
        ),
      )
      .prepare(),
  );

/** The level row written whole, new or over the stored one. */
const writeLevel = (tx: Db) =>
  prepared(tx, 'stock:write-level', (d) =>
    d
      .insert(stockLevels)
      .values(placeholderRow(stockLevels))
      .onConflictDoUpdate({
        target: [stockLevels.businessId, stockLevels.sku, stockLevels.locationId],
        set: {
          onHand: sql`excluded.on_hand`,
          lastCountAt: sql`excluded.last_count_at`,
          lastCountEventId: sql`excluded.last_count_event_id`,
          updatedAt: sql`excluded.updated_at`,
        },
      })
      .prepare(),
  );

const insertMovement = (tx: Db) =>
  prepared(tx, 'stock:insert-movement', (d) =>
    d.insert(stockMovements).values(placeholderRow(stockMovements)).prepare(),
  );

/** Sum of the deltas that follow a count at `occurredAt` (core's `deltaFollowsCount`: not before it). */
async function deltasAfter(
  tx: Db,
  at: { businessId: string; sku: string; locationId: string; occurredAt: number },
): Promise<number> {
  const query = prepared(tx, 'stock:deltas-after', (d) =>
    d
      .select({ total: sql<number | null>`SUM(${stockMovements.requested})` })
      .from(stockMovements)
      .where(
        and(
          eq(stockMovements.businessId, ph('businessId')),
          eq(stockMovements.sku, ph('sku')),
          eq(stockMovements.locationId, ph('locationId')),
          sql`${stockMovements.kind} = 'delta'`,
          sql`${stockMovements.occurredAt} >= ${ph('occurredAt')}`,
        ),
      )
      .prepare(),
  );
  const [row] = await query.all(at);
  return Number(row?.total ?? 0);
}

/** The stored first answer to a POS event id, if it was processed before. */
async function seenAnswer(
  tx: Db,
  businessId: string,
  eventId: string,
): Promise<AdjustmentResult | undefined> {
  const query = prepared(tx, 'stock:seen', (d) =>
    d
      .select({ answer: stockEventsSeen.answer })
      .from(stockEventsSeen)
      .where(
        and(eq(stockEventsSeen.businessId, ph('businessId')), eq(stockEventsSeen.eventId, ph('eventId'))),
      )
      .prepare(),
  );
  const [row] = await query.all({ businessId, eventId });
  return row ? { ...(row.answer as AdjustmentResult), replayed: true } : undefined;
}

/**
 * Applies POS adjustments in the caller's write transaction: a batch applies whole or not at all
 * (any unknown SKU or location fails the batch with 422 before anything is kept). An event id
 * seen before changes nothing and answers what it answered the first time.
 */
export async function applyAdjustments(
  tx: Db,
  businessId: string,
  items: readonly StockAdjustment[],
  options: { now: number; source: string; paths: 'single' | 'batch' },
): Promise<AdjustmentResult[]> {
  const { now } = options;
  const productsBySku = new Map<string, ProductRow>();
  const errors: FieldError[] = [];
  const knownLocations = new Set<string>();
  for (const [i, item] of items.entries()) {
    const prefix = options.paths === 'batch' ? `${i}.` : '';
    if (!productsBySku.has(item.sku)) {
      const product = await findProduct(tx, businessId, item.sku);
      if (product) productsBySku.set(item.sku, product);
      else errors.push({ path: `${prefix}sku`, message: `Unknown product ${item.sku}`, code: 'unknown_sku' });
    }
    if (!knownLocations.has(item.locationId)) {
      if (await locationExists(tx, businessId, item.locationId)) knownLocations.add(item.locationId);
      else
        errors.push({ path: `${prefix}locationId`, message: `Unknown location`, code: 'unknown_location' });
    }
  }
  if (errors.length > 0) throw validationFailed(errors, 'Create the products and locations first');

  const results: AdjustmentResult[] = [];
  for (const item of items) {
    const replay = await seenAnswer(tx, businessId, item.eventId);
    if (replay) {
      results.push(replay);
      continue;
    }
    const key = { at: item.occurredAt ? Date.parse(item.occurredAt) : now, eventId: item.eventId };
    const fact: StockFact =
      'set' in item ? { key, kind: 'set', set: item.set } : { key, kind: 'delta', delta: item.delta };
    const product = productsBySku.get(item.sku)!;
    const applied = await applyStockChange(
      tx,
      {
        product,
        locationId: item.locationId,
        fact,
        reason: 'adjustment',
        note: item.reason ?? '',
        source: options.source,
      },
      now,
    );
    const answer: AdjustmentResult = {
      eventId: item.eventId,
      sku: item.sku,
      locationId: item.locationId,
      outcome: applied.outcome,
      delta: applied.delta,
      onHand: applied.onHand,
      movementId: applied.movementId,
      replayed: false,
    };
    const { replayed: _replayed, ...stored } = answer;
    await prepared(tx, 'stock:insert-seen', (d) =>
      d.insert(stockEventsSeen).values(placeholderRow(stockEventsSeen)).prepare(),
    ).run({ businessId, eventId: item.eventId, answer: stored, createdAt: now });
    results.push(answer);
  }
  return results;
}
