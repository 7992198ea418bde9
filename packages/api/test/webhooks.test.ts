/**
 * @module Webhook delivery end to end: the API writes the change, the outbox worker sends it to a
 * REAL receiver on 127.0.0.1, and the receiver verifies it with the `standardwebhooks` package.
 * Time is the test clock: retries hours apart take milliseconds.
 */
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { call, customer, setupSalon } from './fixtures.js';
import {
  createWebhookTest,
  type Receiver,
  startReceiver,
  verifyAt,
  type WebhookTest,
} from './webhook-helpers.js';

let t: WebhookTest;
const receivers: Receiver[] = [];
afterEach(async () => {
  await t?.close();
  for (const r of receivers.splice(0)) await r.close();
});

async function receiver(...script: Parameters<typeof startReceiver>) {
  const r = await startReceiver(...script);
  receivers.push(r);
  return r;
}

/** A product change: an event that needs no opening hours. */
async function product(sku: string) {
  const res = await call(t, 'POST', '/v1/products', { body: { sku, name: `Product ${sku}` } });
  expect(res.status).toBe(201);
}

async function bookOne(salon: { serviceId: string }, start = '2026-03-03T09:00:00Z') {
  const res = await call<{ id: string }>(t, 'POST', '/v1/bookings', {
    key: t.publishableKey,
    body: { service: salon.serviceId, start, customer },
  });
  expect(res.status).toBe(201);
  return res.body;
}

interface Delivery {
  id: string;
  eventId: string;
  eventType: string;
  status: string;
  attempts: { at: string; status: number | null; error: string | null; response: string | null }[];
  nextAttemptAt: string | null;
}

async function deliveries(endpointId: string, query = '') {
  const res = await call<{ data: Delivery[] }>(
    t,
    'GET',
    `/v1/webhook-endpoints/${endpointId}/deliveries${query}`,
  );
  expect(res.status).toBe(200);
  return res.body.data;
}

describe('delivery to a real receiver', () => {
  it('an endpoint deleted while a delivery to it is under way: the attempt ends without an error, nothing of it is left', async () => {
    // Found by the bad-input torture run (R3): the attempt's outcome was written against a job the
    // delete had removed, and the worker logged `outbox outcome not recorded` (an error line
    // fails this test through the test logger).
    t = await createWebhookTest({ worker: { webhooks: { timeoutMs: 800 } } });
    const slow = await receiver({ status: 200, hang: true });
    const endpoint = await t.endpoint({ url: slow.url });
    await product('sku-gone');
    const draining = t.worker.drain();
    await vi.waitFor(() => expect(slow.received).toHaveLength(1), { timeout: 5_000 });
    expect((await call(t, 'DELETE', `/v1/webhook-endpoints/${endpoint.id}`)).status).toBe(204);
    await draining;
    const left = await t.db.db.all<{ jobs: number; attempts: number }>(
      sql`SELECT (SELECT count(*) FROM outbox_jobs WHERE target = ${endpoint.id}) AS jobs,
        (SELECT count(*) FROM outbox_attempts) AS attempts`,
    );
    expect(left).toEqual([{ jobs: 0, attempts: 0 }]);
    expect(t.logger.lines.filter((line) => line.includes('"level":"error"'))).toEqual([]);
  });

  it('POST /v1/bookings → booking.created, verified by standardwebhooks, with the booking and its customer', async () => {
    t = await createWebhookTest();
    const salon = await setupSalon(t);
    const r = await receiver();
    const endpoint = await t.endpoint({ url: r.url, events: ['booking.*'] });
    expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const booking = await bookOne(salon);
    await t.worker.drain();

    expect(r.received).toHaveLength(1);
    const [message] = r.received;
    expect(message!.headers['content-type']).toBe('application/json');
    expect(message!.headers['webhook-id']).toMatch(/^evt_\d+$/);
    expect(Number(message!.headers['webhook-timestamp'])).toBe(Math.floor(t.clock() / 1000));
    const event = verifyAt(endpoint.secret, message!, t.clock()) as {
      type: string;
      timestamp: string;
      data: Record<string, unknown>;
    };
    expect(event.type).toBe('booking.created');
    expect(event.timestamp).toBe('2026-03-02T08:00:00Z');
    expect(event.data).toMatchObject({
      id: booking.id,
      status: 'confirmed',
      customer: { email: customer.email },
    });
    expect(event.data).not.toHaveProperty('manageToken');
    // The same message with one byte changed, or checked 6 minutes later, is refused.
    expect(() =>
      verifyAt(endpoint.secret, { ...message!, body: message!.body.replace('}', ' }') }, t.clock()),
    ).toThrow();
    expect(() => verifyAt(endpoint.secret, message!, t.clock() + 6 * 60_000)).toThrow();

    const [delivery] = await deliveries(endpoint.id);
    expect(delivery).toMatchObject({
      eventType: 'booking.created',
      status: 'succeeded',
      nextAttemptAt: null,
    });
    expect(delivery!.attempts).toEqual([
      expect.objectContaining({ at: '2026-03-02T08:00:00Z', status: 200, error: null }),
    ]);
  });

  it('500, 500, 200: the same webhook-id three times, each signed at its own timestamp, on the schedule', async () => {
    t = await createWebhookTest({ worker: { webhooks: { random: () => 0.5 } } });
    const salon = await setupSalon(t);
    const r = await receiver();
    r.script.push({ status: 500, body: 'oops' }, { status: 500 });
    const endpoint = await t.endpoint({ url: r.url });
    await bookOne(salon);
    await t.worker.drain();
    expect(r.received).toHaveLength(1);
    let [delivery] = await deliveries(endpoint.id, '?status=pending');
    // 5 s after the first failure (the jitter draw 0.5 is the middle of ±10 %).
    expect(delivery!.nextAttemptAt).toBe('2026-03-02T08:00:05Z');
    expect(delivery!.attempts[0]).toMatchObject({ status: 500, response: 'oops' });

    t.clock.advance(4_000);
    await t.worker.drain();
    expect(r.received).toHaveLength(1); // not due yet
    t.clock.advance(1_000);
    await t.worker.drain();
    expect(r.received).toHaveLength(2);
    [delivery] = await deliveries(endpoint.id);
    expect(delivery!.nextAttemptAt).toBe('2026-03-02T08:05:05Z');

    t.clock.set('2026-03-02T08:05:05Z');
    await t.worker.drain();
    expect(r.received).toHaveLength(3);

    const ids = new Set(r.ids());
    expect(ids.size).toBe(1);
    const stamps = r.received.map((m) => Number(m.headers['webhook-timestamp']));
    expect(stamps).toEqual([
      Date.parse('2026-03-02T08:00:00Z') / 1000,
      Date.parse('2026-03-02T08:00:05Z') / 1000,
      Date.parse('2026-03-02T08:05:05Z') / 1000,
    ]);
    for (const message of r.received) {
      expect(() =>
        verifyAt(endpoint.secret, message, Number(message.headers['webhook-timestamp']) * 1000),
      ).not.toThrow();
    }
    [delivery] = await deliveries(endpoint.id);
    expect(delivery!.status).toBe('succeeded');
    expect(delivery!.attempts.map((a) => a.status)).toEqual([500, 500, 200]);
  });

  it('a 3xx is a failure (not followed), 429 waits at least its Retry-After, the answer body is cut at 4 KB', async () => {
    t = await createWebhookTest({ worker: { webhooks: { random: () => 0.5 } } });
    const salon = await setupSalon(t);
    const target = await receiver();
    const r = await receiver();
    r.script.push(
      { status: 302, headers: { location: target.url } },
      { status: 429, headers: { 'retry-after': '3600' }, body: 'x'.repeat(10_000) },
    );
    const endpoint = await t.endpoint({ url: r.url });
    await bookOne(salon);
    await t.worker.drain();
    t.clock.advance(5_000);
    await t.worker.drain();
    expect(target.received).toHaveLength(0);
    const [delivery] = await deliveries(endpoint.id);
    expect(delivery!.attempts.map((a) => a.status)).toEqual([302, 429]);
    expect(delivery!.attempts[1]!.response).toHaveLength(4096);
    // The schedule says 5 min; the endpoint asked for an hour.
    expect(delivery!.nextAttemptAt).toBe('2026-03-02T09:00:05Z');
  });

  it('410 Gone disables the endpoint at once and tells the other endpoints', async () => {
    t = await createWebhookTest();
    const salon = await setupSalon(t);
    const gone = await receiver({ status: 410 });
    const other = await receiver();
    const dead = await t.endpoint({ url: gone.url });
    await t.endpoint({ url: other.url, events: ['webhook_endpoint.disabled'] });
    await bookOne(salon);
    await t.worker.drain();
    const read = await call<{ active: boolean; disabledReason: string }>(
      t,
      'GET',
      `/v1/webhook-endpoints/${dead.id}`,
    );
    expect(read.body).toMatchObject({ active: false, disabledReason: 'gone' });
    expect(other.events().map((e) => e.type)).toEqual(['webhook_endpoint.disabled']);
    expect(other.events()[0]!.data).toMatchObject({ id: dead.id, reason: 'gone', active: false });
    expect(JSON.stringify(other.events())).not.toContain(dead.secret);
    // Nothing more is sent there.
    await bookOne(salon, '2026-03-03T10:00:00Z');
    await t.worker.drain();
    expect(gone.received).toHaveLength(1);
    expect((await deliveries(dead.id)).map((d) => d.status)).toEqual(['failed']);
  });

  it('5 days of nothing but failures disable the endpoint, with a webhook_endpoint.disabled event', async () => {
    t = await createWebhookTest();
    const down = await receiver({ status: 503 });
    const watcher = await receiver();
    const endpoint = await t.endpoint({ url: down.url, events: ['product.*'] });
    await t.endpoint({ url: watcher.url, events: ['webhook_endpoint.disabled'] });
    const isActive = async () =>
      (
        await call<{ active: boolean; disabledReason: string | null }>(
          t,
          'GET',
          `/v1/webhook-endpoints/${endpoint.id}`,
        )
      ).body;
    for (let day = 0; day < 5; day++) {
      await product(`sku-${day}`);
      await t.worker.drain();
      expect((await isActive()).active).toBe(true);
      t.clock.advance(86_400_000);
    }
    await product('sku-5');
    await t.worker.drain();
    expect(await isActive()).toMatchObject({ active: false, disabledReason: 'failing' });
    expect(watcher.events().map((e) => e.type)).toEqual(['webhook_endpoint.disabled']);
    expect(watcher.events()[0]!.data).toMatchObject({ id: endpoint.id, reason: 'failing' });
  });

  it('a success resets the failing streak', async () => {
    t = await createWebhookTest();
    const flaky = await receiver({ status: 500 });
    const endpoint = await t.endpoint({ url: flaky.url, events: ['product.*'] });
    await product('a');
    await t.worker.drain();
    t.clock.advance(4 * 86_400_000);
    flaky.fallback = { status: 200 };
    await product('b');
    await t.worker.drain();
    flaky.fallback = { status: 500 };
    t.clock.advance(2 * 86_400_000);
    await product('c');
    await t.worker.drain();
    const read = await call<{ active: boolean }>(t, 'GET', `/v1/webhook-endpoints/${endpoint.id}`);
    expect(read.body.active).toBe(true);
  });
});

describe('order and isolation', () => {
  it('one booking’s events go out in order; another booking does not wait for them', async () => {
    t = await createWebhookTest({ worker: { webhooks: { random: () => 0.5 } } });
    const salon = await setupSalon(t);
    const r = await receiver();
    r.script.push({ status: 500 }); // the first booking.created fails once
    await t.endpoint({ url: r.url, events: ['booking.*'] });
    const first = await bookOne(salon);
    await call(t, 'POST', `/v1/bookings/${first.id}/cancel`, { body: {} });
    const second = await bookOne(salon, '2026-03-03T10:00:00Z');
    await t.worker.drain();
    const seen = () =>
      r.events<{ type: string; data: { id: string } }>().map((e) => `${e.type} ${e.data.id}`);
    // The second booking went through; the first one's cancel waits behind its failed create.
    expect(seen()).toEqual([`booking.created ${first.id}`, `booking.created ${second.id}`]);
    t.clock.advance(6_000);
    await t.worker.drain();
    expect(seen().slice(2)).toEqual([`booking.created ${first.id}`, `booking.cancelled ${first.id}`]);
  });

  it('a dead endpoint (never answers) does not delay a healthy one', async () => {
    // 8 slots in all, at most 4 per endpoint: without that cap the dead one would end up holding all 8.
    t = await createWebhookTest({ worker: { concurrency: 8, perTarget: 4, webhooks: { timeoutMs: 1500 } } });
    const dead = await receiver({ status: 200, hang: true });
    const healthy = await receiver();
    await t.endpoint({ url: dead.url });
    await t.endpoint({ url: healthy.url });
    for (let i = 0; i < 12; i++) await product(`sku-${i}`);
    const started = performance.now();
    await t.worker.drain();
    const drained = performance.now() - started;
    const created = healthy.events().filter((e) => e.type === 'product.created');
    expect(created).toHaveLength(12);
    const lastHealthy = Math.max(...healthy.received.map((m) => m.receivedAt)) - started;
    // The dead endpoint held its slots for the whole 1.5 s timeout; the healthy one was served meanwhile.
    expect(drained).toBeGreaterThanOrEqual(1400);
    expect(lastHealthy).toBeLessThan(1000);
    expect(dead.received.length).toBeGreaterThan(0);
  });
});
