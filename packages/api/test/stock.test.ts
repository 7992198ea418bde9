import { pathToFileURL } from 'node:url';
import type { AdjustmentResult, Movement, Problem, Product, ProductStock } from '@frontdesk/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { openDatabase } from '../src/db/open.js';
import { addBusiness, testLogger } from './helpers.js';
import { createStockTestApp, type StockTestApp } from './stock-fixtures.js';

let t: StockTestApp;
beforeEach(async () => {
  t = await createStockTestApp();
});
afterEach(async () => {
  await t.close();
});

type Batch = { data: AdjustmentResult[] };

/** Sum of the ledger's deltas for one SKU and location, read page by page. */
async function ledgerSum(sku: string, locationId: string): Promise<number> {
  let sum = 0;
  let cursor: string | null = null;
  do {
    const query: string = `/v1/stock/movements?sku=${sku}&location=${locationId}&limit=100${cursor ? `&cursor=${cursor}` : ''}`;
    const page = await t.call<{ data: Movement[]; nextCursor: string | null }>('GET', query);
    for (const m of page.body.data) sum += m.delta;
    cursor = page.body.nextCursor;
  } while (cursor);
  return sum;
}

async function onHand(sku: string, locationId: string): Promise<number> {
  const res = await t.call<ProductStock>('GET', `/v1/products/${sku}/stock`);
  return res.body.locations.find((l) => l.locationId === locationId)?.onHand ?? Number.NaN;
}

describe('GET /v1/products/{sku}/stock', () => {
  it('answers the design shape for every active location, zero before any stock', async () => {
    const res = await t.call('GET', '/v1/products/HELMET-M/stock', undefined, t.publishableKey);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      sku: 'HELMET-M',
      available: 0,
      level: 'out',
      locations: [
        { locationId: 'lisbon', onHand: 0, reserved: 0, available: 0, level: 'out' },
        { locationId: 'porto', onHand: 0, reserved: 0, available: 0, level: 'out' },
      ],
    });
  });

  it('is 404 for an unknown, malformed or other business’s SKU', async () => {
    expect((await t.call('GET', '/v1/products/NOPE/stock')).status).toBe(404);
    expect((await t.call('GET', '/v1/products/%3Cscript%3E/stock')).status).toBe(404);
    const other = await addBusiness(t.db, t.clock());
    const res = await t.call<Problem>('GET', '/v1/products/HELMET-M/stock', undefined, other.secretKey);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('not_found');
  });
});

describe('cached stock reads', () => {
  it('see a change made through another process on the same file at once', async () => {
    const other = await openDatabase(pathToFileURL(t.file).href);
    const otherApp = createApp({
      database: other,
      clock: t.clock,
      rateLimit: false,
      logger: testLogger(),
    });
    try {
      const read = async () => {
        const res = await otherApp.request('/v1/products/HELMET-M/stock', {
          headers: { Authorization: `Bearer ${t.publishableKey}` },
        });
        return ((await res.json()) as ProductStock).available;
      };
      expect(await read()).toBe(0);
      expect(await read()).toBe(0); // now served from the other process's cache
      await t.adjust({ eventId: 'elsewhere', sku: 'HELMET-M', locationId: 'lisbon', set: 4 });
      expect(await read()).toBe(4);
      await t.call('PATCH', '/v1/products/HELMET-M', { active: false });
      const hidden = await otherApp.request('/v1/products/HELMET-M/stock', {
        headers: { Authorization: `Bearer ${t.publishableKey}` },
      });
      expect(hidden.status).toBe(404);
    } finally {
      await other.close();
    }
  });
});

describe('POST /v1/stock/adjustments', () => {
  it('applies a delta and a count, and shows levels by threshold', async () => {
    const first = await t.adjust<AdjustmentResult>({
      eventId: 'pos-1',
      sku: 'HELMET-M',
      locationId: 'lisbon',
      set: 10,
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ outcome: 'applied', delta: 10, onHand: 10, replayed: false });
    const sale = await t.adjust<AdjustmentResult>({
      eventId: 'pos-2',
      sku: 'HELMET-M',
      locationId: 'lisbon',
      delta: -8,
    });
    expect(sale.body).toMatchObject({ delta: -8, onHand: 2 });
    const stock = await t.call<ProductStock>(
      'GET',
      '/v1/products/HELMET-M/stock',
      undefined,
      t.publishableKey,
    );
    expect(stock.body.available).toBe(2);
    expect(stock.body.level).toBe('low');
    expect(stock.body.locations[0]).toEqual({
      locationId: 'lisbon',
      onHand: 2,
      reserved: 0,
      available: 2,
      level: 'low',
    });
  });

  it('changes nothing for a replayed eventId and answers as the first time', async () => {
    const body = { eventId: 'pos-9', sku: 'LIGHT-1', locationId: 'porto', delta: 5 };
    const first = await t.adjust<AdjustmentResult>(body);
    await t.adjust({ eventId: 'pos-10', sku: 'LIGHT-1', locationId: 'porto', delta: 1 });
    const again = await t.adjust<AdjustmentResult>(body);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ ...first.body, replayed: true });
    expect(await onHand('LIGHT-1', 'porto')).toBe(6);
    // The same id with other content is still the same event: the first answer wins.
    const altered = await t.adjust<AdjustmentResult>({ ...body, delta: 500 });
    expect(altered.body.onHand).toBe(5);
    expect(await onHand('LIGHT-1', 'porto')).toBe(6);
  });

  it('reaches the same on-hand from the same events in any order, sent twice', async () => {
    const events = [
      { eventId: 'a', sku: 'HELMET-M', locationId: 'lisbon', delta: 4, occurredAt: '2026-03-01T09:00:00Z' },
      { eventId: 'b', sku: 'HELMET-M', locationId: 'lisbon', set: 20, occurredAt: '2026-03-01T10:00:00Z' },
      { eventId: 'c', sku: 'HELMET-M', locationId: 'lisbon', delta: -3, occurredAt: '2026-03-01T11:00:00Z' },
      { eventId: 'd', sku: 'HELMET-M', locationId: 'lisbon', delta: -1, occurredAt: '2026-03-01T09:30:00Z' },
      { eventId: 'e', sku: 'HELMET-M', locationId: 'lisbon', set: 15, occurredAt: '2026-03-01T08:00:00Z' },
    ];
    // In order: count 20 at 10:00 supersedes everything before it; then -3 → 17.
    for (const e of events) expect((await t.adjust(e)).status).toBe(200);
    expect(await onHand('HELMET-M', 'lisbon')).toBe(17);
    expect(await ledgerSum('HELMET-M', 'lisbon')).toBe(17);

    const reversed = [...events]
      .reverse()
      .map((e) => ({ ...e, eventId: `porto-${e.eventId}`, locationId: 'porto' }));
    expect((await t.adjust(reversed)).status).toBe(200);
    expect((await t.adjust(reversed.slice(1, 3))).status).toBe(200);
    expect(await onHand('HELMET-M', 'porto')).toBe(17);
    expect(await ledgerSum('HELMET-M', 'porto')).toBe(17);
  });

  it('applies a batch whole or not at all', async () => {
    const good = { eventId: 'ok-1', sku: 'HELMET-M', locationId: 'lisbon', delta: 3 };
    const res = await t.adjust<Problem>([
      good,
      { eventId: 'bad-1', sku: 'NOPE', locationId: 'lisbon', delta: 1 },
    ]);
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ path: '1.sku', code: 'unknown_sku' })]);
    expect(await onHand('HELMET-M', 'lisbon')).toBe(0);
    expect(await ledgerSum('HELMET-M', 'lisbon')).toBe(0);
    // The rejected batch did not mark `ok-1` as seen: sent again alone, it applies.
    const retry = await t.adjust<AdjustmentResult>(good);
    expect(retry.body).toMatchObject({ replayed: false, onHand: 3 });
  });

  it('answers a batch in order, a duplicate within it as a replay', async () => {
    const res = await t.adjust<Batch>([
      { eventId: 'x1', sku: 'LIGHT-1', locationId: 'lisbon', delta: 2 },
      { eventId: 'x2', sku: 'HELMET-M', locationId: 'porto', delta: 7 },
      { eventId: 'x1', sku: 'LIGHT-1', locationId: 'lisbon', delta: 2 },
    ]);
    expect(res.status).toBe(200);
    expect(res.body.data.map((r) => [r.eventId, r.onHand, r.replayed])).toEqual([
      ['x1', 2, false],
      ['x2', 7, false],
      ['x1', 2, true],
    ]);
  });

  it('rejects bad bodies with 422 and publishable keys with 403, never 5xx', async () => {
    const bad = [
      {},
      [],
      { eventId: 'e', sku: 'HELMET-M', locationId: 'lisbon' },
      { eventId: 'e', sku: 'HELMET-M', locationId: 'lisbon', delta: 1, set: 2 },
      { eventId: 'e', sku: 'HELMET-M', locationId: 'lisbon', delta: 1.5 },
      { eventId: 'e', sku: 'HELMET-M', locationId: 'lisbon', set: -1 },
      { eventId: 'e', sku: 'HELMET-M', locationId: 'lisbon', delta: 1, occurredAt: '2026-02-30T00:00:00Z' },
      { eventId: 'has space', sku: 'HELMET-M', locationId: 'lisbon', delta: 1 },
      Array.from({ length: 101 }, (_, i) => ({
        eventId: `n${i}`,
        sku: 'HELMET-M',
        locationId: 'lisbon',
        delta: 1,
      })),
    ];
    for (const body of bad) {
      const res = await t.adjust<Problem>(body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(422);
      expect(res.body.code).toBe('validation_failed');
    }
    const unknownLocation = await t.adjust<Problem>({
      eventId: 'e',
      sku: 'HELMET-M',
      locationId: 'nowhere',
      delta: 1,
    });
    expect(unknownLocation.body.errors?.[0]?.path).toBe('locationId');
    const pk = await t.call(
      'POST',
      '/v1/stock/adjustments',
      { eventId: 'e', sku: 'HELMET-M', locationId: 'lisbon', delta: 1 },
      t.publishableKey,
    );
    expect(pk.status).toBe(403);
  });

  it('keeps event ids per business: another business’s ids and products are its own', async () => {
    await t.adjust({ eventId: 'shared-id', sku: 'HELMET-M', locationId: 'lisbon', delta: 2 });
    const other = await addBusiness(t.db, t.clock());
    const res = await t.call<Problem>(
      'POST',
      '/v1/stock/adjustments',
      { eventId: 'shared-id', sku: 'HELMET-M', locationId: 'lisbon', delta: 2 },
      other.secretKey,
    );
    expect(res.status).toBe(422); // its catalogue is empty; our product is invisible to it
    expect(await onHand('HELMET-M', 'lisbon')).toBe(2);
  });

  it('writes stock.changed and stock.low events in the event log', async () => {
    await t.adjust({ eventId: 'l1', sku: 'HELMET-M', locationId: 'lisbon', set: 5 });
    await t.adjust({ eventId: 'l2', sku: 'HELMET-M', locationId: 'lisbon', delta: -4 });
    const log = await t.call<{ data: { type: string; subjectId: string }[] }>('GET', '/v1/events?limit=100');
    const stockEvents = log.body.data.filter((e) => e.type.startsWith('stock.')).map((e) => e.type);
    expect(stockEvents).toEqual(['stock.changed', 'stock.changed', 'stock.low']);
  });
});

describe('products and locations admin', () => {
  it('creates, lists with a cursor, updates, hides and restores products', async () => {
    const list = await t.call<{ data: Product[]; nextCursor: string | null }>(
      'GET',
      '/v1/products?limit=1',
      undefined,
      t.publishableKey,
    );
    expect(list.body.data).toHaveLength(1);
    const next = await t.call<{ data: Product[]; nextCursor: string | null }>(
      'GET',
      `/v1/products?limit=1&cursor=${list.body.nextCursor}`,
      undefined,
      t.publishableKey,
    );
    expect([...list.body.data, ...next.body.data].map((p) => p.sku).sort()).toEqual(['HELMET-M', 'LIGHT-1']);
    expect(next.body.nextCursor).toBeNull();

    expect((await t.call('POST', '/v1/products', { sku: 'HELMET-M', name: 'Dup' })).status).toBe(409);
    const patched = await t.call<Product>('PATCH', '/v1/products/LIGHT-1', { active: false, name: 'Light' });
    expect(patched.body).toMatchObject({ active: false, name: 'Light' });
    expect((await t.call('GET', '/v1/products/LIGHT-1', undefined, t.publishableKey)).status).toBe(404);
    expect((await t.call('GET', '/v1/products/LIGHT-1')).status).toBe(200);

    expect((await t.call('DELETE', '/v1/products/HELMET-M')).status).toBe(204);
    expect((await t.call('GET', '/v1/products/HELMET-M')).status).toBe(404);
    const back = await t.call<Product>('POST', '/v1/products', { sku: 'HELMET-M', name: 'Helmet M v2' });
    expect(back.status).toBe(201);
    expect(back.body.name).toBe('Helmet M v2');
    expect((await t.call('POST', '/v1/products', { sku: 'A', name: 'x' }, t.publishableKey)).status).toBe(
      403,
    );
  });

  it('deactivates a location on delete, hiding it from stock answers', async () => {
    const res = await t.call('DELETE', '/v1/locations/porto');
    expect(res.status).toBe(204);
    const stock = await t.call<ProductStock>(
      'GET',
      '/v1/products/HELMET-M/stock',
      undefined,
      t.publishableKey,
    );
    expect(stock.body.locations.map((l) => l.locationId)).toEqual(['lisbon']);
    expect((await t.call('POST', '/v1/locations', { id: 'lisbon', name: 'again' })).status).toBe(409);
  });
});

describe('demo seed', () => {
  it('includes a few products counted in two locations', async () => {
    const { seedDemo } = await import('../src/services/demo.js');
    const demo = await seedDemo(t.db, t.clock());
    const list = await t.call<{ data: Product[] }>('GET', '/v1/products', undefined, demo.publishableKey);
    expect(list.body.data.map((p) => p.sku).sort()).toEqual(['OIL-50', 'SHAMPOO-250', 'WAX-75']);
    const stock = await t.call<ProductStock>(
      'GET',
      '/v1/products/WAX-75/stock',
      undefined,
      demo.publishableKey,
    );
    expect(stock.body.locations.map((l) => [l.locationId, l.onHand, l.level])).toEqual([
      ['alvalade', 0, 'out'],
      ['chiado', 2, 'low'],
    ]);
  });
});
