/**
 * @module What the torture runs book and count, set up through the API with the demo's secret key:
 * one service per capacity (1, 2 and 8 seats), each on its own resource open every day around the
 * clock (so "a slot within capacity" is a question about one resource), a location and products
 * counted at a large on-hand, and the slot grid the runs pick starts from.
 */
import { call } from './http.js';

const allDay = [{ start: '00:00', end: '24:00' }];
const hours = { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay };

/**
 * Set-up calls that got no answer (the connection closed): seen a few times on the first request
 * to a server that had just started while another harness started its own (not understood yet).
 * Retried once, and printed, so that it is not lost.
 */
export const setupRetries = [];

async function must(answer, what, again) {
  if (answer.status === 0 && again) {
    setupRetries.push(`${what}: ${answer.error}`);
    console.error(`torture: set-up ${what} got no answer (${answer.error}); retrying once`);
    return must(await again(), what);
  }
  if (answer.status < 200 || answer.status >= 300) {
    throw new Error(`setup: ${what} → ${answer.status} ${answer.text ?? answer.error}`);
  }
  return answer.body;
}

/**
 * Creates the services (`capacities`), the location `shop`, `products` SKUs counted at `onHand`,
 * and lifts the live-reservation cap per client (the harness is one client). `slotsPerService`
 * half-hour starts from two days ahead: few, so that clients collide on them.
 */
export async function setUpBusiness(
  url,
  secretKey,
  { capacities = [1, 2, 8], products = 4, onHand = 1_000_000, slotsPerService = 24 } = {},
) {
  const services = [];
  for (const capacity of capacities) {
    const createResource = () =>
      call(url, secretKey, 'POST', '/v1/resources', { body: { name: `Torture room ${capacity}`, hours } });
    const resource = await must(await createResource(), 'resource', createResource);
    const service = await must(
      await call(url, secretKey, 'POST', '/v1/services', {
        body: {
          name: `Torture ${capacity} seat(s)`,
          durationMinutes: 30,
          capacity,
          resourceIds: [resource.id],
          minNoticeMinutes: 0,
          horizonDays: 60,
          cancellationCutoffMinutes: 0,
          rescheduleCutoffMinutes: 0,
        },
      }),
      `service of ${capacity}`,
    );
    services.push({ id: service.id, resourceId: resource.id, capacity });
  }
  await must(
    await call(url, secretKey, 'POST', '/v1/locations', { body: { id: 'shop', name: 'Shop' } }),
    'location',
  );
  const skus = [];
  for (let i = 0; i < products; i++) {
    const sku = `TORTURE-${i}`;
    await must(await call(url, secretKey, 'POST', '/v1/products', { body: { sku, name: sku } }), sku);
    await must(
      await call(url, secretKey, 'POST', '/v1/stock/adjustments', {
        body: { eventId: `count-${sku}`, sku, locationId: 'shop', set: onHand },
      }),
      `count of ${sku}`,
    );
    skus.push(sku);
  }
  await must(
    await call(url, secretKey, 'PATCH', '/v1/stock/settings', {
      body: { maxLiveReservationsPerClient: 1000 },
    }),
    'stock settings',
  );
  return { services, skus, slots: slotGrid(slotsPerService), onHand };
}

/** `count` half-hour starts (ISO, `Z`) from 00:00 UTC two days from now. */
export function slotGrid(count) {
  const first = new Date(Date.now() + 2 * 86_400_000);
  first.setUTCHours(0, 0, 0, 0);
  return Array.from({ length: count }, (_, i) =>
    new Date(first.getTime() + i * 30 * 60_000).toISOString().replace('.000Z', 'Z'),
  );
}

/** A random element of `list` from `random` (a function returning [0, 1)). */
export const pick = (random, list) => list[Math.floor(random() * list.length)];

/** Picks one of `[weight, …]` entries in proportion to its weight. */
export function weightedPicker(entries, random) {
  const total = entries.reduce((sum, [weight]) => sum + weight, 0);
  return () => {
    let r = random() * total;
    for (const entry of entries) {
      r -= entry[0];
      if (r < 0) return entry;
    }
    return entries[0];
  };
}

/** A small seeded PRNG (mulberry32), so a run's choices replay from its printed seed. */
export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
