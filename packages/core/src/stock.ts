/**
 * @module Stock math, pure: what is available, how a shelf looks, and how POS events fold into
 * on-hand so that replays and any arrival order give the same number.
 *
 * The rule (see docs/stock.md): on-hand is the latest count's `set` plus every delta that did not
 * happen before that count; with no count, the sum of all deltas. Counts are ordered by
 * `(occurredAt, eventId)`; a delta at the very instant of a count comes after it (the count is
 * what the shelf held at that instant, the sale is news). That is a function of the SET of events,
 * so duplicates and arrival order cannot change it. On-hand is deliberately not clamped at zero (clamping is order-dependent and would hide a
 * POS that sold more than was counted); `available` is what is clamped.
 */
import type { StockLevel } from './schemas/stock.js';

/** Position of an event in stock history: when it happened, then its id to break ties. */
export interface StockOrderKey {
  /** Milliseconds since the epoch. */
  at: number;
  eventId: string;
}

/** One fact about a shelf: a delta (sale, delivery, collect) or a physical count. */
export type StockFact =
  | { key: StockOrderKey; kind: 'delta'; delta: number }
  | { key: StockOrderKey; kind: 'set'; set: number };

/** What is stored per product and location to apply the next fact without replaying history. */
export interface StockLevelState {
  onHand: number;
  /** The count currently in force, if any. */
  lastCount: StockOrderKey | null;
}

/** Order of counts: by instant, then event id (so two counts at one instant still have an order). */
export function compareOrderKey(a: StockOrderKey, b: StockOrderKey): number {
  if (a.at !== b.at) return a.at < b.at ? -1 : 1;
  if (a.eventId === b.eventId) return 0;
  return a.eventId < b.eventId ? -1 : 1;
}

/** Whether a delta at `delta` still counts on top of the count at `count`: not before it in time. */
export function deltaFollowsCount(delta: StockOrderKey, count: StockOrderKey): boolean {
  return delta.at >= count.at;
}

/** A reservation as the math sees it. */
export interface ReservationHold {
  quantity: number;
  status: 'active' | 'collected' | 'released' | 'expired';
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

/** Whether a reservation still holds units at `now`: active and `expiresAt > now`. */
export function isLiveReservation(r: ReservationHold, now: number): boolean {
  return r.status === 'active' && r.expiresAt > now;
}

/** Units held by live reservations at `now`; expired ones free their units at once, no sweeper. */
export function reservedUnits(reservations: readonly ReservationHold[], now: number): number {
  let sum = 0;
  for (const r of reservations) if (isLiveReservation(r, now)) sum += r.quantity;
  return sum;
}

/** `max(0, onHand - reserved)`: never negative, whatever the POS or the counts say. */
export function availableUnits(onHand: number, reserved: number): number {
  return Math.max(0, onHand - reserved);
}

/** `out` at 0, `low` at or below a positive threshold, otherwise `in_stock`. */
export function stockLevel(available: number, lowStockThreshold: number): StockLevel {
  if (available <= 0) return 'out';
  if (lowStockThreshold > 0 && available <= lowStockThreshold) return 'low';
  return 'in_stock';
}

/** Whether a change of available units should raise `stock.low`: it crossed into low or out. */
export function becameLow(before: number, after: number, lowStockThreshold: number): boolean {
  const rank = { in_stock: 2, low: 1, out: 0 } as const;
  return rank[stockLevel(after, lowStockThreshold)] < rank[stockLevel(before, lowStockThreshold)];
}

/** The outcome of folding one fact into a level. */
export interface StockFactPlan {
  outcome: 'applied' | 'superseded';
  /** Change to on-hand, the ledger row's delta (0 when superseded). */
  delta: number;
  next: StockLevelState;
}

/**
 * Folds one new fact into a level. `deltasAfter(key)` must return the sum of the deltas already
 * recorded for this product and location that follow a count at `key` (`deltaFollowsCount`); it is only called for a
 * count that becomes the one in force (the service answers it with one indexed SUM query).
 */
export function planStockFact(
  state: StockLevelState,
  fact: StockFact,
  deltasAfter: (key: StockOrderKey) => number,
): StockFactPlan {
  const covered =
    state.lastCount !== null &&
    (fact.kind === 'delta'
      ? !deltaFollowsCount(fact.key, state.lastCount)
      : compareOrderKey(fact.key, state.lastCount) < 0);
  if (covered) return { outcome: 'superseded', delta: 0, next: state };
  if (fact.kind === 'delta') {
    return {
      outcome: 'applied',
      delta: fact.delta,
      next: { onHand: state.onHand + fact.delta, lastCount: state.lastCount },
    };
  }
  const onHand = fact.set + deltasAfter(fact.key);
  return { outcome: 'applied', delta: onHand - state.onHand, next: { onHand, lastCount: fact.key } };
}

/**
 * The reference semantics: on-hand from a set of facts, duplicates (same eventId) counted once,
 * the first occurrence winning. The service never calls this (it folds with `planStockFact`);
 * tests check that both agree.
 */
export function onHandOf(facts: readonly StockFact[]): number {
  const unique = new Map<string, StockFact>();
  for (const f of facts) if (!unique.has(f.key.eventId)) unique.set(f.key.eventId, f);
  let count: Extract<StockFact, { kind: 'set' }> | null = null;
  for (const f of unique.values()) {
    if (f.kind === 'set' && (count === null || compareOrderKey(f.key, count.key) > 0)) count = f;
  }
  let onHand = count?.set ?? 0;
  for (const f of unique.values()) {
    if (f.kind === 'delta' && (count === null || deltaFollowsCount(f.key, count.key))) onHand += f.delta;
  }
  return onHand;
}

/** Splits comma-separated SKUs, trimmed, without empties or duplicates, in the given order. */
export function parseSkuList(value: string): string[] {
  const seen = new Set<string>();
  for (const part of value.split(',')) {
    const sku = part.trim();
    if (sku !== '') seen.add(sku);
  }
  return [...seen];
}
