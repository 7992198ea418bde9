/**
 * @module The demo's shop shelf: a few salon products in two locations, with counted stock, so the
 * stock widget and the stream have something to show right after `frontdesk seed --demo`.
 */
import type { Db } from '../db/open.js';
import { createLocation } from './locations.js';
import { createProduct } from './products.js';
import { applyAdjustments } from './stock.js';

const demoLocations = [
  { id: 'chiado', name: 'Chiado salon', address: 'Rua Garrett 12, 1200-204 Lisboa' },
  { id: 'alvalade', name: 'Alvalade salon', address: 'Av. da Igreja 40, 1700-239 Lisboa' },
];

const demoProducts = [
  {
    sku: 'SHAMPOO-250',
    name: 'Repair shampoo 250 ml',
    price: { amount: 1450, currency: 'EUR' },
    counts: [12, 3],
  },
  {
    sku: 'WAX-75',
    name: 'Matte styling wax 75 ml',
    price: { amount: 1890, currency: 'EUR' },
    counts: [2, 0],
  },
  { sku: 'OIL-50', name: 'Argan hair oil 50 ml', price: { amount: 2400, currency: 'EUR' }, counts: [6, 8] },
];

/** Adds the demo products, locations and counts to a fresh demo business (inside its seeding tx). */
export async function seedDemoStock(tx: Db, businessId: string, now: number): Promise<void> {
  for (const location of demoLocations) {
    await createLocation(tx, businessId, { ...location, active: true }, now);
  }
  for (const product of demoProducts) {
    await createProduct(
      tx,
      businessId,
      {
        sku: product.sku,
        name: product.name,
        price: product.price,
        imageUrl: null,
        lowStockThreshold: 3,
        active: true,
      },
      now,
    );
  }
  const counts = demoProducts.flatMap((product) =>
    demoLocations.map((location, i) => ({
      eventId: `seed-${product.sku}-${location.id}`,
      sku: product.sku,
      locationId: location.id,
      set: product.counts[i] ?? 0,
      reason: 'demo seed',
    })),
  );
  await applyAdjustments(tx, businessId, counts, { now, source: 'seed', paths: 'batch' });
}
