/**
 * @module A per-process cache of `GET /products/{sku}/stock` answers that can never serve a stale
 * number, even with several API processes on one database:
 *
 * - every change that moves stock (adjustment, reservation, collect, release, expiry, product or
 *   location change, booking change) writes an `events` row in its own transaction, so the
 *   newest event id is a version of the whole database: an entry is only used while it is
 *   unchanged (one primary-key lookup, far cheaper than recomputing the answer);
 * - the only thing that changes without a write is time: a reservation stops holding units at its
 *   `expiresAt`, so an entry also expires at the earliest expiry among the live reservations it
 *   counted.
 *
 * The event id is read BEFORE the answer is computed, so a write landing in between leaves the entry
 * marked with the older id, and the next read recomputes.
 */
import type { ProductStock } from '@frontdesk/core';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/open.js';
import { notFound } from '../errors.js';
import { findProduct, productStock } from './stock.js';

interface Entry {
  mark: number;
  validUntil: number;
  active: boolean;
  stock: ProductStock;
}

/** Enough for every SKU of a large shop; past it the cache starts over (it is only a cache). */
const maxEntries = 20_000;
const caches = new WeakMap<Database, Map<string, Entry>>();

async function currentMark(database: Database): Promise<number> {
  const result = await database.client.execute('SELECT MAX(id) AS id FROM event_rows');
  return Number(result.rows[0]?.id ?? 0);
}

/** The stock answer for `sku`, from the cache when nothing changed since it was computed. */
export async function readProductStock(
  database: Database,
  businessId: string,
  sku: string,
  options: { includeInactive: boolean; now: number },
): Promise<ProductStock> {
  let cache = caches.get(database);
  if (!cache) {
    cache = new Map();
    caches.set(database, cache);
  }
  const key = `${businessId}\n${sku}`;
  const mark = await currentMark(database);
  const entry = cache.get(key);
  if (entry && entry.mark === mark && options.now < entry.validUntil) {
    if (!entry.active && !options.includeInactive) throw notFound('Product');
    return entry.stock;
  }
  const product = await findProduct(database.db, businessId, sku);
  if (!product) throw notFound('Product');
  const stock = await productStock(database.db, product, options.now);
  const [next] = await database.db.all<{ at: number | null }>(sql`
    SELECT MIN(expires_at) AS at FROM reservations
    WHERE business_id = ${businessId} AND sku = ${sku} AND status = 'active' AND expires_at > ${options.now}`);
  if (cache.size >= maxEntries) cache.clear();
  cache.set(key, {
    mark,
    validUntil: next?.at == null ? Number.POSITIVE_INFINITY : Number(next.at),
    active: product.active,
    stock,
  });
  if (!product.active && !options.includeInactive) throw notFound('Product');
  return stock;
}
