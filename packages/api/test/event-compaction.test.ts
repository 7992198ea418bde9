/**
 * Compaction of settled events (services/event-compaction.ts, db/event-payload.ts): what every
 * reader of the event log answers is the same before and after — the events API, a booking's
 * history, a webhook replay, a stock stream's replay — while the rows shrink; free text stays
 * readable to SQL, so erasing a customer still finds and rewrites it.
 */
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { compactSettledEvents } from '../src/services/event-compaction.js';
import { allEvents } from './event-pages.js';
import { call } from './fixtures.js';
import type { TestApp } from './helpers.js';
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

/** How each event's payload is stored (in `event_rows`, not as the view hands it out): `text` or `blob`, by type. */
async function storage(app: TestApp) {
  return app.db.db.all<{ id: number; type: string; kind: string; bytes: number }>(
    sql`SELECT r.id, e.type, typeof(r.payload) AS kind, length(CAST(r.payload AS BLOB)) AS bytes
        FROM event_rows r JOIN events e ON e.id = r.id ORDER BY r.id`,
  );
}

const maria = { name: 'Maria Silva', email: 'maria@example.com', phone: '+351 912 000 111' };

describe('event compaction', () => {
  it('the events API and a booking history answer the same; token-only payloads shrink, free text stays text', async () => {
    t = await createStockTestApp();
    const { serviceIds } = t.catalog!;
    const booked = await t.call<{ id: string }>('POST', '/v1/bookings', {
      service: serviceIds.haircut,
      start: '2026-03-03T10:00:00Z',
      customer: maria,
    });
    const cancelled = await t.call<{ id: string }>('POST', '/v1/bookings', {
      service: serviceIds.haircut,
      start: '2026-03-03T14:00:00Z',
      customer: maria,
    });
    await t.call('POST', `/v1/bookings/${cancelled.body.id}/cancel`, {
      reason: 'Call me on +351 912 000 111',
    });
    await t.adjust({ eventId: 'c1', sku: 'HELMET-M', locationId: 'lisbon', set: 3 });
    const before = await allEvents(t, 7);
    const history = await t.call('GET', `/v1/bookings/${booked.body.id}/events`);

    // Nothing is settled yet.
    expect((await compactSettledEvents(t.db, { now: t.clock() })).compacted).toBe(0);
    t.clock.set('2026-03-02T10:00:00Z');
    const pass = await compactSettledEvents(t.db, { now: t.clock() });
    expect(pass.compacted).toBeGreaterThan(3);

    expect(await allEvents(t, 7)).toEqual(before);
    expect(await t.call('GET', `/v1/bookings/${booked.body.id}/events`)).toEqual(history);
    const rows = await storage(t);
    const kindOf = (type: string) => [...new Set(rows.filter((r) => r.type === type).map((r) => r.kind))];
    expect(kindOf('booking.created')).toEqual(['blob']);
    expect(kindOf('stock.changed')).toEqual(['blob']);
    // The cancellation quotes the customer; services and resources have descriptions: text.
    expect(kindOf('booking.cancelled')).toEqual(['text']);
    expect(kindOf('service.created')).toEqual(['text']);
    const created = rows.find((r) => r.type === 'booking.created')!;
    expect(created.bytes).toBeLessThan(150);
    // A second pass has nothing left to do; new events are written as text.
    expect((await compactSettledEvents(t.db, { now: t.clock() })).compacted).toBe(0);
  });

  it('erasing a customer rewrites her compacted and her text events alike', async () => {
    t = await createStockTestApp();
    const booked = await t.call<{ id: string }>('POST', '/v1/bookings', {
      service: t.catalog!.serviceIds.haircut,
      start: '2026-03-03T10:00:00Z',
      customer: maria,
    });
    await t.call('POST', `/v1/bookings/${booked.body.id}/cancel`, { reason: 'Maria is ill' });
    t.clock.set('2026-03-02T10:00:00Z');
    await compactSettledEvents(t.db, { now: t.clock() });
    const erase = await t.call<{ erased: Record<string, number> }>(
      'POST',
      `/v1/customers/${encodeURIComponent(maria.email)}/erase`,
    );
    expect(erase.status).toBe(200);
    const history = await t.call<{ data: { type: string; payload: Record<string, unknown> }[] }>(
      'GET',
      `/v1/bookings/${booked.body.id}/events`,
    );
    const cancel = history.body.data.find((e) => e.type === 'booking.cancelled')!;
    expect(cancel.payload).toMatchObject({
      reason: '[erased]',
      cancelReason: '[erased]',
      status: 'cancelled',
    });
    expect(history.body.data.find((e) => e.type === 'booking.created')!.payload).toMatchObject({
      id: booked.body.id,
      status: 'confirmed',
    });
  });

  it('a webhook replay of compacted events sends the same bodies as the first delivery', async () => {
    t = await createWebhookTest();
    receiver = await startReceiver();
    const hook = await t.endpoint({ url: receiver.url, events: ['booking.*'] });
    const booking = await call<{ id: string }>(t, 'POST', '/v1/bookings', {
      body: { service: t.catalog!.serviceIds.haircut, start: '2026-03-03T10:00:00Z', customer: maria },
    });
    expect(booking.status).toBe(201);
    await t.worker.drain();
    const first = receiver.events();
    expect(first.map((e) => e.type)).toEqual(['booking.created']);
    t.clock.set('2026-03-02T10:00:00Z');
    expect((await compactSettledEvents(t.db, { now: t.clock() })).compacted).toBeGreaterThan(0);
    const replay = await call(t, 'POST', `/v1/webhook-endpoints/${hook.id}/replay`, {
      body: { since: '2026-03-01T00:00:00Z' },
    });
    expect(replay.status).toBe(202);
    await t.worker.drain();
    const again = receiver.events().slice(first.length);
    expect(again.map((e) => e.data)).toEqual(first.map((e) => e.data));
    expect(again[0]!.data).toMatchObject({ id: booking.body.id, customer: { email: maria.email } });
  });

  it('a stock stream replays compacted changes', async () => {
    t = await createStockTestApp();
    await t.adjust({ eventId: 'c1', sku: 'HELMET-M', locationId: 'lisbon', set: 5 });
    await t.adjust({ eventId: 's1', sku: 'HELMET-M', locationId: 'lisbon', delta: -2 });
    t.clock.set('2026-03-02T10:00:00Z');
    expect((await compactSettledEvents(t.db, { now: t.clock() })).compacted).toBeGreaterThan(1);
    const [first] = await t.db.db.all<{ id: number }>(
      sql`SELECT min(id) AS id FROM events WHERE type = 'stock.changed'`,
    );
    const stream = await openStream(t.app, `/v1/stock/stream?skus=HELMET-M&key=${t.publishableKey}`, {
      'Last-Event-ID': String(first!.id - 1),
    });
    const replayed = [await stream.nextStock(), await stream.nextStock()];
    await stream.close();
    expect(replayed.map((m) => m.event.stock.available)).toEqual([5, 3]);
  });
});
