/**
 * @module Regressions for the live stock stream: it shows a key only the products the REST read
 * shows it (on replay and live), and it is limited in SKUs, open streams (per client and per
 * process) and connects.
 */
import type { Problem, ProductStock } from '@frontdesk/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AppOptions, createApp } from '../src/app.js';
import { testLogger } from './helpers.js';
import { openStream } from './sse.js';
import { createStockTestApp, type StockTestApp } from './stock-fixtures.js';

let t: StockTestApp;
const opened: Array<{ close(): Promise<void> }> = [];
beforeEach(async () => {
  t = await createStockTestApp();
});
afterEach(async () => {
  for (const stream of opened.splice(0)) await stream.close();
  await t.close();
});

describe('the stream shows what the REST read shows', () => {
  it('replays and streams nothing of a product hidden from publishable keys, until it is shown again', async () => {
    await t.adjust({ eventId: 'h1', sku: 'HELMET-M', locationId: 'lisbon', set: 4 });
    expect((await t.call('PATCH', '/v1/products/HELMET-M', { active: false })).status).toBe(200);
    await t.adjust({ eventId: 'h2', sku: 'HELMET-M', locationId: 'lisbon', delta: -1 }); // after hiding
    await t.adjust({ eventId: 'l1', sku: 'LIGHT-1', locationId: 'lisbon', set: 2 });
    const read = await t.call('GET', '/v1/products/HELMET-M/stock', undefined, t.publishableKey);
    expect(read.status).toBe(404);

    // The probe's request: a replay from the start.
    const replay = await openStream(
      t.app,
      `/v1/stock/stream?skus=HELMET-M,LIGHT-1&key=${t.publishableKey}&lastEventId=0`,
    );
    opened.push(replay);
    expect(replay.res.status).toBe(200);
    const first = await replay.nextStock();
    expect(first.event.sku).toBe('LIGHT-1');
    // Live: a change of the hidden product is not sent; the next news is the visible one's.
    await t.adjust({ eventId: 'h3', sku: 'HELMET-M', locationId: 'lisbon', delta: -1 });
    await t.adjust({ eventId: 'l2', sku: 'LIGHT-1', locationId: 'lisbon', delta: 1 });
    expect((await replay.nextStock()).event).toMatchObject({ sku: 'LIGHT-1', stock: { available: 3 } });

    // A fresh connect (snapshots) leaves it out too.
    const fresh = await openStream(t.app, `/v1/stock/stream?skus=HELMET-M,LIGHT-1&key=${t.publishableKey}`);
    opened.push(fresh);
    expect((await fresh.nextStock()).event.sku).toBe('LIGHT-1');

    // Shown again: its changes reach both streams.
    expect((await t.call('PATCH', '/v1/products/HELMET-M', { active: true })).status).toBe(200);
    await t.adjust({ eventId: 'h4', sku: 'HELMET-M', locationId: 'lisbon', delta: 5 });
    for (const stream of [replay, fresh]) {
      expect((await stream.nextStock()).event).toMatchObject({ sku: 'HELMET-M', stock: { available: 7 } });
    }
  });

  it('shows an inactive product to a secret key (Authorization header), as the REST read does', async () => {
    expect((await t.call('PATCH', '/v1/products/HELMET-M', { active: false })).status).toBe(200);
    await t.adjust({ eventId: 'h1', sku: 'HELMET-M', locationId: 'lisbon', set: 4 });
    expect((await t.call('GET', '/v1/products/HELMET-M/stock')).status).toBe(200);
    const replay = await openStream(t.app, '/v1/stock/stream?skus=HELMET-M&lastEventId=0', {
      Authorization: `Bearer ${t.secretKey}`,
    });
    opened.push(replay);
    expect((await replay.nextStock()).event).toMatchObject({ sku: 'HELMET-M', stock: { available: 4 } });
    const fresh = await openStream(t.app, '/v1/stock/stream?skus=HELMET-M', {
      Authorization: `Bearer ${t.secretKey}`,
    });
    opened.push(fresh);
    expect((await fresh.nextStock()).event).toMatchObject({ sku: 'HELMET-M', stock: { available: 4 } });
    await t.adjust({ eventId: 'h2', sku: 'HELMET-M', locationId: 'lisbon', delta: -1 });
    expect((await fresh.nextStock()).event.stock.available).toBe(3);
  });

  it('sends on connect, for many SKUs at once, what GET /v1/products/{sku}/stock answers for each', async () => {
    await t.call('POST', '/v1/products', { sku: 'EMPTY-1', name: 'Never counted' });
    await t.adjust({ eventId: 'a', sku: 'HELMET-M', locationId: 'lisbon', set: 4 });
    await t.adjust({ eventId: 'b', sku: 'HELMET-M', locationId: 'porto', set: 1 });
    await t.adjust({ eventId: 'c', sku: 'LIGHT-1', locationId: 'porto', set: 7 });
    const customer = { name: 'Ana', email: 'ana@example.com' };
    await t.call('POST', '/v1/reservations', {
      sku: 'HELMET-M',
      locationId: 'lisbon',
      quantity: 3,
      customer,
    });
    await t.call('POST', '/v1/reservations', { sku: 'LIGHT-1', locationId: 'porto', quantity: 2, customer });
    const skus = ['LIGHT-1', 'NOPE', 'EMPTY-1', 'HELMET-M'];
    const stream = await openStream(t.app, `/v1/stock/stream?skus=${skus.join(',')}&key=${t.publishableKey}`);
    opened.push(stream);
    for (const sku of ['LIGHT-1', 'EMPTY-1', 'HELMET-M']) {
      const { event } = await stream.nextStock();
      const read = await t.call<ProductStock>(
        'GET',
        `/v1/products/${sku}/stock`,
        undefined,
        t.publishableKey,
      );
      expect(event.stock).toEqual(read.body);
    }
  });
});

describe('stream limits', () => {
  /** The app with these stream limits, trusting one proxy (X-Forwarded-For names the client). */
  const appWith = (streams: AppOptions['streams']) =>
    createApp({
      database: t.db,
      clock: t.clock,
      rateLimit: false,
      trustProxy: 1,
      logger: testLogger(),
      streams,
    });
  const path = (skus = 'HELMET-M') => `/v1/stock/stream?skus=${skus}&key=${t.publishableKey}`;
  const from = (address: string) => ({ 'X-Forwarded-For': address });
  async function open(app: ReturnType<typeof appWith>, address: string) {
    const stream = await openStream(app, path(), from(address));
    opened.push(stream);
    return stream;
  }
  async function refused(app: ReturnType<typeof appWith>, address: string) {
    const res = await app.request(path(), { headers: from(address) });
    expect(res.status).toBe(429);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    return (await res.json()) as Problem;
  }
  /** The server ends a dropped stream a moment after the client aborts it. */
  async function eventually(check: () => Promise<boolean>) {
    const deadline = Date.now() + 3000;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error('not in time');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it('takes at most 50 SKUs per stream (422 beyond)', async () => {
    const skus = (n: number) => Array.from({ length: n }, (_, i) => `SKU-${i}`).join(',');
    const tooMany = await t.app.request(path(skus(51)));
    expect(tooMany.status).toBe(422);
    const problem = (await tooMany.json()) as Problem;
    expect(problem.code).toBe('validation_failed');
    expect(problem.errors?.[0]).toMatchObject({
      path: 'skus',
      message: 'Give 1 to 50 SKUs, comma separated',
    });
    const fifty = await openStream(t.app, path(skus(50)));
    opened.push(fifty);
    expect(fifty.res.status).toBe(200);
  });

  it('caps open streams per key and client address (default 10), and frees a place when one closes', async () => {
    const app = appWith(undefined);
    const mine = [];
    for (let i = 0; i < 10; i++) {
      const stream = await open(app, '203.0.113.7');
      expect(stream.res.status).toBe(200);
      mine.push(stream);
    }
    const problem = await refused(app, '203.0.113.7');
    expect(problem.code).toBe('rate_limited');
    expect(problem.detail).toContain('At most 10 streams can be open at once from one client');
    expect((await open(app, '198.51.100.9')).res.status).toBe(200);
    await mine[0]!.close();
    await eventually(async () => {
      const res = await app.request(path(), { headers: from('203.0.113.7') });
      await res.body?.cancel();
      return res.status === 200;
    });
  });

  it('counts one IPv6 /64 as one client', async () => {
    const app = appWith({ perClient: 2 });
    expect((await open(app, '2001:db8::1')).res.status).toBe(200);
    expect((await open(app, '2001:db8::2')).res.status).toBe(200);
    await refused(app, '2001:db8::3');
    expect((await open(app, '2001:db8:0:1::1')).res.status).toBe(200);
  });

  it('caps open streams per process', async () => {
    const app = appWith({ perProcess: 3 });
    const streams = [];
    for (const address of ['203.0.113.1', '203.0.113.2', '203.0.113.3']) {
      streams.push(await open(app, address));
      expect(streams.at(-1)!.res.status).toBe(200);
    }
    const problem = await refused(app, '203.0.113.4');
    expect(problem.detail).toContain('as many live streams as it takes');
    await streams[0]!.close();
    await eventually(async () => {
      const res = await app.request(path(), { headers: from('203.0.113.4') });
      await res.body?.cancel();
      return res.status === 200;
    });
  });

  it('limits connects per key and client address with a token bucket', async () => {
    const app = appWith({ connectRate: { limit: 60, windowSeconds: 60, burst: 3 } });
    for (let i = 0; i < 3; i++) {
      const stream = await open(app, '203.0.113.7');
      expect(stream.res.status).toBe(200);
      await stream.close();
    }
    const problem = await refused(app, '203.0.113.7');
    expect(problem.detail).toContain('Too many stream connects');
    expect((await open(app, '198.51.100.9')).res.status).toBe(200);
    t.clock.advance(1000); // one connect a second refills
    expect((await open(app, '203.0.113.7')).res.status).toBe(200);
  });

  it('can be turned off', async () => {
    const app = appWith({ perClient: false, perProcess: false, connectRate: false });
    for (let i = 0; i < 25; i++) expect((await open(app, '203.0.113.7')).res.status).toBe(200);
  });
});
