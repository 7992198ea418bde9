/**
 * @module A small shop for the stock screens' browser tests, made through the API with the secret
 * key: two products (one low), one location with counted stock, and active reservations.
 */
import type { World } from './harness.js';

export interface ShopSeed {
  location: string;
  /** Reservation ids, the one expiring soonest first. */
  reservations: string[];
}

const must = async <T>(answer: Promise<{ status: number; body: T }>) => {
  const res = await answer;
  if (res.status >= 300) throw new Error(JSON.stringify(res.body));
  return res.body;
};

export async function seedShop(world: World): Promise<ShopSeed> {
  await must(world.api('POST', '/v1/locations', { id: 'salon', name: 'Salon counter' }));
  await must(
    world.api('POST', '/v1/products', { sku: 'SHAMPOO', name: 'Argan shampoo', lowStockThreshold: 3 }),
  );
  await must(world.api('POST', '/v1/products', { sku: 'COMB', name: 'Wide comb', lowStockThreshold: 2 }));
  await must(
    world.api('POST', '/v1/stock/adjustments', [
      { eventId: 'seed-shampoo', sku: 'SHAMPOO', locationId: 'salon', set: 10, reason: 'opening count' },
      { eventId: 'seed-comb', sku: 'COMB', locationId: 'salon', set: 2, reason: 'opening count' },
    ]),
  );
  const reserve = (sku: string, name: string, minutes: number) =>
    must(
      world.api<{ id: string }>('POST', '/v1/reservations', {
        sku,
        locationId: 'salon',
        quantity: 1,
        expiresInMinutes: minutes,
        customer: { name, email: `${name.toLowerCase().replace(/\s+/g, '.')}@example.com` },
      }),
    );
  const later = await reserve('SHAMPOO', 'Luis Later', 600);
  const soon = await reserve('SHAMPOO', 'Sara Soon', 30);
  return { location: 'salon', reservations: [soon.id, later.id] };
}
