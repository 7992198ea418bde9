/**
 * Retention of stream-only events (services/event-retention.ts): `stock.changed` and `stock.low`
 * older than the window leave the event log; nothing a user was promised goes with them — every
 * other event stays, the stock ledger and on-hand stay, reports answer the same, a webhook endpoint
 * that has not read them yet keeps them, and a stream resuming from before the window gets fresh
 * snapshots instead of a replay with holes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mailProducer } from '../src/mail/producer.js';
import { eventRetentionProducer, pruneStreamOnlyEvents } from '../src/services/event-retention.js';
import { noMail } from '../src/worker.js';
import { allEvents } from './event-pages.js';
import { call } from './fixtures.js';
import { type TestApp, testLogger } from './helpers.js';
import { openStream } from './sse.js';
import { createStockTestApp, type StockTestApp } from './stock-fixtures.js';
import { createWebhookTest, type Receiver, startReceiver, type WebhookTest } from './webhook-helpers.js';

let t: StockTestApp | WebhookTest;
let receiver: Receiver | undefined;
afterEach(async () => {
  await t?.close();
  await receiver?.close();
  receiver = undefined;
});

/** The mail producer reads the log (it plans owner mail from `stock.low`): retention never passes it. */
async function mailCatchesUp(app: TestApp) {
  const mail = mailProducer(app.db, noMail, testLogger());
  while (await mail.produce(app.clock()));
}

/** What the business can read that retention must not change. */
async function figures(app: StockTestApp) {
  const get = async (path: string) => (await app.call('GET', path)).body;
  return {
    stock: await get('/v1/products/HELMET-M/stock'),
    ledger: await get('/v1/stock/movements?limit=100'),
    light: await get('/v1/products/LIGHT-1/stock'),
    stockReport: await get('/v1/reports/stock?from=2026-01-01&to=2026-04-30'),
    bookingReport: await get('/v1/reports/bookings?from=2026-01-01&to=2026-04-30'),
  };
}

/** March: a count, sales, a low-stock warning and a booking; April 20: one more sale. */
async function history(app: StockTestApp) {
  app.clock.set('2026-03-02T08:00:00Z');
  expect((await app.adjust({ eventId: 'c1', sku: 'HELMET-M', locationId: 'lisbon', set: 5 })).status).toBe(
    200,
  );
  for (let i = 0; i < 4; i++) {
    expect(
      (await app.adjust({ eventId: `s${i}`, sku: 'HELMET-M', locationId: 'lisbon', delta: -1 })).status,
    ).toBe(200);
  }
  const booking = await app.call('POST', '/v1/bookings', {
    service: app.catalog!.serviceIds.haircut,
    start: '2026-03-03T10:00:00Z',
    customer: { name: 'Maria Silva', email: 'maria@example.com' },
  });
  expect(booking.status).toBe(201);
  app.clock.set('2026-04-20T08:00:00Z');
  expect((await app.adjust({ eventId: 'late', sku: 'LIGHT-1', locationId: 'porto', delta: 3 })).status).toBe(
    200,
  );
}

describe('stream-only event retention', () => {
  it('deletes stock.changed and stock.low past the window; every other event, the ledger and reports stay', async () => {
    t = await createStockTestApp();
    await history(t);
    const before = await allEvents(t, 100);
    const oldStock = before.filter((e) => e.type.startsWith('stock.') && e.id < before.at(-1)!.id);
    expect(oldStock.map((e) => e.type)).toContain('stock.low');
    const figuresBefore = await figures(t);

    // Before the mail producer has read them, nothing goes.
    expect((await pruneStreamOnlyEvents(t.db, { now: t.clock(), retentionDays: 30 })).deleted).toBe(0);
    await mailCatchesUp(t);
    // April 20 with a 30-day window: March's stock events go, April's sale stays.
    const pass = await pruneStreamOnlyEvents(t.db, { now: t.clock(), retentionDays: 30 });
    expect(pass.deleted).toBe(oldStock.length);
    const after = await allEvents(t, 100);
    expect(after).toEqual(before.filter((e) => !oldStock.includes(e)));
    expect(after.filter((e) => e.type.startsWith('booking.')).length).toBe(1);
    expect(after.at(-1)).toMatchObject({ type: 'stock.changed', subjectId: 'LIGHT-1' });
    expect(await figures(t)).toEqual(figuresBefore);
    // The ledger still holds every movement.
    const ledger = await t.call<{ data: unknown[] }>('GET', '/v1/stock/movements?sku=HELMET-M');
    expect(ledger.body.data.length).toBe(5);

    // A second pass finds nothing new; a window of 0 keeps everything.
    expect((await pruneStreamOnlyEvents(t.db, { now: t.clock(), retentionDays: 30 })).deleted).toBe(0);
    t.clock.set('2026-09-01T08:00:00Z');
    expect((await pruneStreamOnlyEvents(t.db, { now: t.clock(), retentionDays: 0 })).deleted).toBe(0);
    expect(await allEvents(t, 100)).toEqual(after);
  });

  it('keeps what an active webhook endpoint has not read yet, and prunes it once the worker fanned it out', async () => {
    t = await createWebhookTest({ worker: { stockEventRetentionDays: 30 } });
    receiver = await startReceiver();
    const hook = await t.endpoint({ url: receiver.url, events: ['booking.*'] });
    expect(hook.id).toMatch(/^whe_/);
    for (const location of [{ id: 'lisbon', name: 'Lisbon' }]) {
      expect((await call(t, 'POST', '/v1/locations', { body: location })).status).toBe(201);
    }
    expect(
      (await call(t, 'POST', '/v1/products', { body: { sku: 'HELMET-M', name: 'Helmet' } })).status,
    ).toBe(201);
    const adjust = { eventId: 'c1', sku: 'HELMET-M', locationId: 'lisbon', set: 4 };
    expect((await call(t, 'POST', '/v1/stock/adjustments', { body: adjust })).status).toBe(200);
    const stockEvents = async () =>
      (await allEvents(t, 100)).filter((e) => e.type === 'stock.changed').length;
    expect(await stockEvents()).toBe(1);

    // Two months on, only mail has read the log: the endpoint's cursor is behind the event.
    t.clock.set('2026-05-02T08:00:00Z');
    await mailCatchesUp(t);
    expect((await pruneStreamOnlyEvents(t.db, { now: t.clock(), retentionDays: 30 })).deleted).toBe(0);
    expect(await stockEvents()).toBe(1);
    // The worker's round (retention is one of its steps) fans out — the endpoint does not want stock
    // events — and prunes.
    await t.worker.drain();
    expect(await stockEvents()).toBe(0);
  });

  it('a stream resuming from before the window gets the current stock, not a replay with holes', async () => {
    t = await createStockTestApp();
    await history(t);
    const first = await openStream(t.app, `/v1/stock/stream?skus=HELMET-M,LIGHT-1&key=${t.publishableKey}`);
    await first.next(); // ready
    await first.close();
    await mailCatchesUp(t);
    await pruneStreamOnlyEvents(t.db, { now: t.clock(), retentionDays: 30 });
    // The client last saw event 1 (before everything above).
    const resumed = await openStream(
      t.app,
      `/v1/stock/stream?skus=HELMET-M,LIGHT-1&key=${t.publishableKey}`,
      {
        'Last-Event-ID': '1',
      },
    );
    const received = [await resumed.nextStock(), await resumed.nextStock()];
    await resumed.close();
    const bySku = Object.fromEntries(received.map((m) => [m.event.sku, m.event.stock.available]));
    // HELMET-M's changes were all pruned: a replay would have sent nothing for it.
    expect(bySku).toEqual({ 'HELMET-M': 1, 'LIGHT-1': 3 });
  });
});

describe('the upkeep as a worker step', () => {
  it('runs once an hour, but goes on at the next round while a backlog remains', async () => {
    t = await createStockTestApp();
    t.clock.set('2026-03-02T08:00:00Z');
    for (let i = 0; i < 30; i++) {
      expect(
        (await t.adjust({ eventId: `e${i}`, sku: 'LIGHT-1', locationId: 'porto', delta: 1 })).status,
      ).toBe(200);
    }
    await mailCatchesUp(t);
    const stockEvents = async () =>
      (await allEvents(t, 100)).filter((e) => e.type === 'stock.changed').length;
    expect(await stockEvents()).toBe(30);
    t.clock.set('2026-05-02T08:00:00Z');
    // 2 events a transaction, 10 transactions a round: 20 events looked at per round.
    const step = eventRetentionProducer(t.db, { retentionDays: 30, batch: 2 });
    expect(await step.produce(t.clock())).toBe(false); // it never asks for an immediate new round
    const afterFirst = await stockEvents();
    expect(afterFirst).toBeGreaterThan(0);
    expect(afterFirst).toBeLessThan(30);
    // The backlog: each next round (a second later, not an hour) goes on until it is gone.
    let done = t.clock();
    for (let round = 2; (await stockEvents()) > 0; round++) {
      expect(round).toBeLessThan(5);
      done += 1000;
      await step.produce(done);
    }
    // Done: the next run waits for the hour, even with an old event to prune.
    t.clock.set('2026-03-03T08:00:00Z');
    await t.adjust({ eventId: 'late', sku: 'LIGHT-1', locationId: 'porto', delta: 1 });
    await mailCatchesUp(t);
    await step.produce(done + 60_000);
    expect(await stockEvents()).toBe(1);
    await step.produce(done + 3_600_000);
    expect(await stockEvents()).toBe(0);
  });
});
