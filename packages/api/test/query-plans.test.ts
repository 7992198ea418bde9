/**
 * Every hot query, explained on a real migrated libSQL file: each hot route is called once through
 * the app, the SQL it runs is captured where libsql prepares it (the query-plan hook of
 * `createTestApp`, see query-plans.ts: nothing here retypes SQL, so new queries are judged as soon
 * as a route runs them), and a plan that scans a tenant table, or searches one business's rows
 * through an index of every business, fails the test. This file also checks that the routes
 * really reached the tables they are hot for — a route answered from a cache would judge nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { customerPath, openShop, type Shop, zelda } from './customer-fixtures.js';
import { queriesRunBy } from './query-plans.js';
import { openStream } from './sse.js';

let shop: Shop;
beforeEach(async () => {
  shop = await openShop();
});
afterEach(() => shop.t.close());

/** A route and the tenant tables its queries must read (each read by an explained query). */
interface HotRoute {
  name: string;
  run(): Promise<{ status: number }>;
  reads: string[];
}

function hotRoutes(): HotRoute[] {
  const { t } = shop;
  const { serviceIds, resourceIds } = t.catalog!;
  const get = (path: string, key = t.secretKey) => t.call('GET', path, undefined, key);
  const week = 'from=2026-03-09&to=2026-03-15';
  return [
    {
      // A catalogue change first, so the catalogue is loaded again (not served from the cache).
      name: 'availability (catalogue load and occupancy)',
      run: async () => {
        await t.call('POST', `/v1/resources/${resourceIds.ana}/overrides`, {
          date: '2026-03-12',
          closed: true,
        });
        await t.call('POST', `/v1/resources/${resourceIds.ana}/time-off`, {
          start: '2026-03-13T10:00:00Z',
          end: '2026-03-13T12:00:00Z',
          reason: 'dentist',
        });
        return get(`/v1/availability?service=${serviceIds.haircut}&${week}`, t.publishableKey);
      },
      reads: ['services', 'resources', 'date_overrides', 'time_off', 'closures', 'bookings', 'holds'],
    },
    {
      name: 'POST /v1/holds',
      run: () =>
        t.call(
          'POST',
          '/v1/holds',
          { service: serviceIds.haircut, start: '2026-03-10T11:00:00Z' },
          t.publishableKey,
        ),
      reads: ['holds'],
    },
    {
      name: 'POST /v1/bookings (check and insert)',
      run: () =>
        t.call(
          'POST',
          '/v1/bookings',
          { service: serviceIds.haircut, start: '2026-03-10T14:00:00Z', customer: zelda },
          t.publishableKey,
        ),
      reads: ['bookings', 'holds'],
    },
    { name: 'GET /v1/bookings', run: () => get('/v1/bookings'), reads: ['bookings'] },
    {
      name: 'GET /v1/bookings/{id}/events',
      run: () => get(`/v1/bookings/${shop.zeldaBookings.completed.id}/events`),
      reads: ['events'],
    },
    { name: 'GET /v1/agenda', run: () => get(`/v1/agenda?${week}`), reads: ['bookings'] },
    { name: 'GET /v1/events', run: () => get('/v1/events?limit=5'), reads: ['events'] },
    { name: 'GET /v1/events by type', run: () => get('/v1/events?type=booking.created'), reads: ['events'] },
    {
      name: 'GET /v1/events by subject',
      run: () => get(`/v1/events?subject=${shop.zeldaBookings.completed.id}`),
      reads: ['events'],
    },
    {
      name: 'GET /v1/products/{sku}/stock',
      run: () => get('/v1/products/HELMET-M/stock', t.publishableKey),
      reads: ['stock_levels', 'reservations'],
    },
    {
      name: 'POST /v1/stock/adjustments',
      run: () => t.adjust({ eventId: 'plan-1', sku: 'HELMET-M', locationId: 'lisbon', delta: -1 }),
      reads: ['stock_events_seen', 'stock_levels', 'stock_movements'],
    },
    {
      name: 'POST /v1/reservations (with the lazy expiry of the business)',
      run: () =>
        t.call(
          'POST',
          '/v1/reservations',
          { sku: 'HELMET-M', locationId: 'lisbon', quantity: 1, customer: zelda },
          t.publishableKey,
        ),
      reads: ['reservations', 'stock_levels'],
    },
    {
      name: 'GET /v1/reservations',
      run: () => get('/v1/reservations?status=active'),
      reads: ['reservations'],
    },
    { name: 'GET /v1/customers', run: () => get('/v1/customers'), reads: ['bookings', 'reservations'] },
    { name: 'GET /v1/customers/{email}', run: () => get(customerPath(zelda.email)), reads: ['bookings'] },
    {
      name: 'GET /v1/reports/bookings',
      run: () => get('/v1/reports/bookings?from=2026-03-01&to=2026-03-31'),
      reads: ['bookings'],
    },
    {
      name: 'GET /v1/reports/stock',
      run: () => get('/v1/reports/stock?from=2026-03-01&to=2026-03-31'),
      reads: ['stock_movements', 'reservations'],
    },
    {
      name: 'GET /v1/stock/stream',
      run: async () => {
        const stream = await openStream(t.app, `/v1/stock/stream?skus=HELMET-M&key=${t.publishableKey}`);
        await stream.next();
        stream.close();
        return { status: 200 };
      },
      reads: ['stock_levels'],
    },
  ];
}

/** Whether `sql` reads or writes `table` (quoted by drizzle or bare in hand-written SQL). */
const touches = (sql: string, table: string) => new RegExp(`(["\`\\s,(]|^)${table}(["\`\\s,)]|$)`).test(sql);

describe('query plans of the hot routes', () => {
  it('every hot route reaches its tables through business-scoped indexes (no scan of a tenant table)', async () => {
    const missing: string[] = [];
    for (const route of hotRoutes()) {
      const queries = await queriesRunBy(async () => {
        const res = await route.run();
        expect(res.status, route.name).toBeLessThan(300);
      });
      for (const table of route.reads) {
        const reads = queries.filter((q) => touches(q.sql, table));
        if (reads.length === 0) missing.push(`${route.name}: no query of ${table}`);
        for (const q of reads.filter((r) => /^\s*(select|with|update|delete)\b/i.test(r.sql))) {
          expect(q.plan.length, `${route.name}: ${q.sql} was explained`).toBeGreaterThan(0);
        }
      }
    }
    // A route answered without reaching a table it is hot for judged nothing about that table.
    expect(missing).toEqual([]);
    // The plans themselves are judged by the hook after this test (query-plans.ts `failOnScan`).
  });
});
