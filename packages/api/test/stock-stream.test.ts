import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { openDatabase } from '../src/db/open.js';
import { testLogger } from './helpers.js';
import { addUser, asSession, consoleHeaders, signIn } from './session-helpers.js';
import { openStream } from './sse.js';
import { createStockTestApp, type StockTestApp } from './stock-fixtures.js';

let t: StockTestApp;
beforeEach(async () => {
  t = await createStockTestApp();
});
afterEach(async () => {
  await t.close();
});

describe('GET /v1/stock/stream', () => {
  it('takes the publishable key as ?key=, sends the current stock, then each change', async () => {
    await t.adjust({ eventId: 'c1', sku: 'HELMET-M', locationId: 'lisbon', set: 4 });
    // As a browser asks: it accepts gzip, and the stream still comes plain, event by event.
    const stream = await openStream(t.app, `/v1/stock/stream?skus=HELMET-M&key=${t.publishableKey}`, {
      'Accept-Encoding': 'gzip, deflate, br',
    });
    expect(stream.res.status).toBe(200);
    expect(stream.res.headers.get('content-type')).toContain('text/event-stream');
    expect(stream.res.headers.get('content-encoding')).toBeNull();
    expect((await stream.nextStock()).event.stock.available).toBe(4);

    await t.adjust({ eventId: 'c2', sku: 'LIGHT-1', locationId: 'lisbon', delta: 9 }); // not watched
    await t.adjust({ eventId: 'c3', sku: 'HELMET-M', locationId: 'lisbon', delta: -1 });
    const change = await stream.nextStock();
    expect(change.event).toMatchObject({ type: 'stock.changed', sku: 'HELMET-M', stock: { available: 3 } });
    expect(Number(change.id)).toBeGreaterThan(0);
    await stream.close();
  });

  it('resumes after Last-Event-ID with what happened in between', async () => {
    const stream = await openStream(t.app, `/v1/stock/stream?skus=HELMET-M,LIGHT-1&key=${t.publishableKey}`);
    const snapshots = [await stream.nextStock(), await stream.nextStock()];
    expect(snapshots.map((s) => s.event.sku)).toEqual(['HELMET-M', 'LIGHT-1']);
    await t.adjust({ eventId: 'r1', sku: 'HELMET-M', locationId: 'lisbon', delta: 1 });
    const first = await stream.nextStock();
    expect(first.event.stock.available).toBe(1);
    await stream.close();
    await t.adjust({ eventId: 'r2', sku: 'LIGHT-1', locationId: 'porto', delta: 2 });
    await t.adjust({ eventId: 'r3', sku: 'HELMET-M', locationId: 'porto', delta: 3 });
    const resumed = await openStream(
      t.app,
      `/v1/stock/stream?skus=HELMET-M,LIGHT-1&key=${t.publishableKey}`,
      {
        'Last-Event-ID': first.id!,
      },
    );
    expect((await resumed.nextStock()).event.sku).toBe('LIGHT-1');
    expect((await resumed.nextStock()).event).toMatchObject({ sku: 'HELMET-M', stock: { available: 4 } });
    await resumed.close();
  });

  it('refuses a secret key in the URL, a missing key, and a foreign origin', async () => {
    expect((await t.app.request(`/v1/stock/stream?skus=A&key=${t.secretKey}`)).status).toBe(403);
    expect((await t.app.request('/v1/stock/stream?skus=A')).status).toBe(401);
    const strict = await createStockTestApp({ allowedOrigins: ['https://shop.example'] });
    try {
      const res = await strict.app.request(`/v1/stock/stream?skus=A&key=${strict.publishableKey}`, {
        headers: { Origin: 'https://evil.example' },
      });
      expect(res.status).toBe(403);
    } finally {
      await strict.close();
    }
  });

  it('delivers a change written through another app on the same file within a second', async () => {
    const other = await openDatabase(pathToFileURL(t.file).href);
    const otherApp = createApp({
      database: other,
      clock: t.clock,
      rateLimit: false,
      logger: testLogger(),
    });
    try {
      const stream = await openStream(otherApp, `/v1/stock/stream?skus=HELMET-M&key=${t.publishableKey}`);
      await stream.nextStock();
      const started = Date.now();
      await t.adjust({ eventId: 'x1', sku: 'HELMET-M', locationId: 'porto', delta: 6 });
      const change = await stream.nextStock(1000);
      expect(Date.now() - started).toBeLessThan(1000);
      expect(change.event.stock.available).toBe(6);
      await stream.close();
    } finally {
      await other.close();
    }
  });
});

describe('GET /v1/stock/stream with a console session', () => {
  it('streams to owners and staff signed in, with the CSRF header as every session call', async () => {
    const now = t.clock();
    await addUser(t.db, t.businessId, { email: 'owner@shop.test' }, now);
    await addUser(t.db, t.businessId, { email: 'desk@shop.test', role: 'staff' }, now);
    for (const email of ['owner@shop.test', 'desk@shop.test']) {
      const { cookie } = await signIn(t, email);
      const stream = await openStream(t.app, '/v1/stock/stream?skus=HELMET-M', consoleHeaders(cookie));
      expect(stream.res.status).toBe(200);
      const before = (await stream.nextStock()).event.stock.available;
      await t.adjust({ eventId: `s-${email}`, sku: 'HELMET-M', locationId: 'lisbon', delta: 2 });
      expect((await stream.nextStock()).event.stock.available).toBe(before + 2);
      await stream.close();
      // Without the CSRF header (a page of another site riding the cookie) it is refused.
      const { 'X-Frontdesk-CSRF': _csrf, ...bare } = consoleHeaders(cookie);
      expect((await t.app.request('/v1/stock/stream?skus=HELMET-M', { headers: bare })).status).toBe(403);
    }
  });

  it('ends the stream of a session that signs out, at the next heartbeat', async () => {
    const app = createApp({
      database: t.db,
      clock: t.clock,
      rateLimit: false,
      streamHeartbeatMs: 50,
      logger: testLogger(),
    });
    await addUser(t.db, t.businessId, { email: 'owner@shop.test' }, t.clock());
    const { cookie } = await signIn({ app }, 'owner@shop.test');
    const stream = await openStream(app, '/v1/stock/stream?skus=HELMET-M', consoleHeaders(cookie));
    await stream.nextStock();
    expect((await asSession({ app }, cookie!, 'DELETE', '/v1/session')).status).toBe(204);
    let last = await stream.next();
    while (last.event !== 'revoked') last = await stream.next();
    expect(JSON.parse(last.data)).toMatchObject({ detail: 'Your session has ended' });
    await stream.close();
  });
});
