/**
 * @module `GET /metrics`: off without a token, 401 without the right one, and with it Prometheus
 * text that a parser reads, whose counters move as bookings are made, changed and refused, and
 * whose labels never carry an id, key, email or token — after traffic from two businesses.
 *
 * parse-prometheus-text-format checks every line (it throws on one that is not valid) and reads
 * counters and gauges; it flattens labelled histograms (their labels are lost), so their series are
 * read from the `_count` lines of the text.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import parsePrometheusTextFormat, { type MetricFamily, type Sample } from 'parse-prometheus-text-format';
import { afterEach, describe, expect, it } from 'vitest';
import { serve } from '../src/server.js';
import { seedCatalog } from '../src/services/demo.js';
import { call, customer } from './fixtures.js';
import { addBusiness, createTestApp, type TestApp, testLogger } from './helpers.js';
import { openStream } from './sse.js';
import { createStockTestApp } from './stock-fixtures.js';
import { createWebhookTest } from './webhook-helpers.js';

const token = 'metrics-token-0123456789abcdef';

let t: TestApp;
afterEach(async () => t?.close());

async function scrape(app: TestApp, authorization = `Bearer ${token}`) {
  return app.app.request('/metrics', { headers: { Authorization: authorization } });
}

interface Scrape {
  families: Map<string, MetricFamily>;
  /** `{labels}` of each `<histogram>_count` line, with its count. */
  histogram(name: string): { labels: Record<string, string>; count: number }[];
}

async function families(app: TestApp): Promise<Scrape> {
  const res = await scrape(app);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  const text = await res.text();
  return {
    families: new Map(parsePrometheusTextFormat(text).map((family) => [family.name, family])),
    histogram: (name) =>
      [...text.matchAll(new RegExp(`^${name}_count(?:\\{(.*)\\})? (\\S+)$`, 'gm'))].map((m) => ({
        labels: Object.fromEntries([...(m[1] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((l) => [l[1], l[2]])),
        count: Number(m[2]),
      })),
  };
}

/** The value of the sample of `name` whose labels include `labels` (0 when there is none yet). */
function sampleValue(all: Scrape, name: string, labels: Record<string, string> = {}): number {
  const sample = all.families
    .get(name)
    ?.metrics.find((m: Sample) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v));
  return Number(sample?.value ?? sample?.count ?? 0);
}

// Monday 2026-03-02 08:00Z is the test clock's start; the demo catalog works weekdays 09:00–18:00.
const at = (hour: number) => `2026-03-04T${String(hour).padStart(2, '0')}:00:00Z`;

describe('GET /metrics', () => {
  it('is off (404) when the app has no metrics token', async () => {
    t = await createTestApp({ catalog: false });
    const res = await scrape(t);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(await res.json()).toMatchObject({
      code: 'not_found',
      detail: expect.stringContaining('FRONTDESK_METRICS_TOKEN'),
    });
  });

  it('refuses a missing or wrong token with a 401 problem, never the metrics', async () => {
    t = await createTestApp({ catalog: false, metricsToken: token });
    for (const authorization of [
      '',
      'Bearer wrong-token-0123456789abcd',
      `Bearer ${token}x`,
      token,
      `Basic ${token}`,
    ]) {
      const res = await scrape(t, authorization);
      expect(res.status, authorization).toBe(401);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(res.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
      const text = await res.text();
      expect(JSON.parse(text)).toMatchObject({ code: 'unauthorized' });
      expect(text).not.toContain('frontdesk_');
    }
    // An API key is not the metrics token either.
    expect((await scrape(t, `Bearer ${t.secretKey}`)).status).toBe(401);
  });

  it('parses as Prometheus text, and its counters move as bookings are made, changed and refused', async () => {
    t = await createTestApp({ metricsToken: token });
    const haircut = t.catalog!.serviceIds.haircut;
    const before = await families(t);
    expect(before.families.get('process_cpu_user_seconds_total')?.type).toBe('COUNTER');
    expect(before.families.get('nodejs_eventloop_lag_seconds')?.type).toBe('GAUGE');
    expect(sampleValue(before, 'frontdesk_booking_changes_total', { change: 'created' })).toBe(0);

    const book = (start: string, key = t.publishableKey, headers: Record<string, string> = {}) =>
      call<{ id: string; manageToken: string }>(t, 'POST', '/v1/bookings', {
        key,
        headers,
        body: { service: haircut, start, customer },
      });
    const first = await book(at(9), t.publishableKey, { 'Idempotency-Key': 'first-booking' });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect((await book(at(9), t.publishableKey, { 'Idempotency-Key': 'first-booking' })).status).toBe(201);
    const second = await book(at(10));
    const third = await book(at(11));
    expect([second.status, third.status]).toEqual([201, 201]);
    // Every stylist at 09:00 taken, then one more: slot_unavailable.
    let refused = 0;
    for (let i = 0; i < 4; i++) if ((await book(at(9))).status === 409) refused++;
    expect(refused).toBeGreaterThan(0);
    const cancel = await call(t, 'POST', `/v1/bookings/${second.body.id}/cancel`, { body: {} });
    expect(cancel.status).toBe(200);
    const moved = await call(t, 'POST', `/v1/bookings/${third.body.id}/reschedule`, {
      body: { start: at(14) },
    });
    expect(moved.status).toBe(200);
    const hold = await call(t, 'POST', '/v1/holds', {
      key: t.publishableKey,
      body: { service: haircut, start: at(15) },
    });
    expect(hold.status).toBe(201);

    const after = await families(t);
    const created = 3 + (4 - refused); // the replay is not a new booking
    expect(sampleValue(after, 'frontdesk_booking_changes_total', { change: 'created' })).toBe(created);
    expect(sampleValue(after, 'frontdesk_booking_changes_total', { change: 'cancelled' })).toBe(1);
    expect(sampleValue(after, 'frontdesk_booking_changes_total', { change: 'rescheduled' })).toBe(1);
    expect(sampleValue(after, 'frontdesk_conflicts_total', { code: 'slot_unavailable' })).toBe(refused);
    expect(sampleValue(after, 'frontdesk_idempotent_replays_total', { route: '/v1/bookings' })).toBe(1);
    expect(sampleValue(after, 'frontdesk_holds_live')).toBe(1);
    expect(sampleValue(after, 'frontdesk_reservations_live')).toBe(0);
    expect(sampleValue(after, 'frontdesk_stock_streams_open')).toBe(0);
    expect(sampleValue(after, 'frontdesk_write_queue_depth')).toBe(0);
    // Each write went through a transaction; the histograms saw them.
    const [batches] = after.histogram('frontdesk_write_batch_size');
    expect(batches!.count).toBeGreaterThanOrEqual(1);
    expect(after.histogram('frontdesk_write_transaction_seconds')[0]!.count).toBe(batches!.count);
    expect(sampleValue(after, 'frontdesk_write_busy_retries_total')).toBe(0);
    // Request durations by route pattern and status class, never by URL.
    expect(after.families.get('frontdesk_http_request_duration_seconds')?.type).toBe('HISTOGRAM');
    const series = after.histogram('frontdesk_http_request_duration_seconds');
    const seen = series.map(({ labels }) => `${labels.method} ${labels.route} ${labels.status_class}`);
    expect(seen).toEqual(
      expect.arrayContaining([
        'POST /v1/bookings 2xx',
        'POST /v1/bookings 4xx',
        'POST /v1/bookings/:id/cancel 2xx',
        'POST /v1/bookings/:id/reschedule 2xx',
        'GET /metrics 2xx',
      ]),
    );
    const bookingAnswers = series.find(
      ({ labels }) =>
        labels.method === 'POST' && labels.route === '/v1/bookings' && labels.status_class === '2xx',
    );
    expect(bookingAnswers?.count).toBe(created + 1);

    // Time passes: the hold expires and the gauge follows.
    t.clock.advance(60 * 60_000);
    expect(sampleValue(await families(t), 'frontdesk_holds_live')).toBe(0);
  });

  it('counts open stock streams, live reservations and insufficient_stock answers', async () => {
    const stock = await createStockTestApp({ metricsToken: token });
    t = stock;
    await stock.adjust({ eventId: 'count-1', sku: 'HELMET-M', locationId: 'lisbon', set: 2 });
    const reserve = (quantity: number) =>
      stock.call(
        'POST',
        '/v1/reservations',
        {
          sku: 'HELMET-M',
          locationId: 'lisbon',
          quantity,
          customer: { name: 'Ana', email: 'ana@example.com' },
        },
        stock.publishableKey,
      );
    expect((await reserve(2)).status).toBe(201);
    expect((await reserve(1)).status).toBe(409);
    const stream = await openStream(stock.app, `/v1/stock/stream?skus=HELMET-M&key=${stock.publishableKey}`);
    await stream.nextStock();
    const open = await families(stock);
    expect(sampleValue(open, 'frontdesk_stock_streams_open')).toBe(1);
    expect(sampleValue(open, 'frontdesk_reservations_live')).toBe(1);
    expect(sampleValue(open, 'frontdesk_conflicts_total', { code: 'insufficient_stock' })).toBe(1);
    await stream.close();
    for (let i = 0; i < 50 && sampleValue(await families(stock), 'frontdesk_stock_streams_open') > 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(sampleValue(await families(stock), 'frontdesk_stock_streams_open')).toBe(0);
    // The reservation period passes: no longer live.
    stock.clock.advance(25 * 60 * 60_000);
    expect(sampleValue(await families(stock), 'frontdesk_reservations_live')).toBe(0);
  });

  it('carries no business id, key, email, token or path value in any label, after traffic from two businesses', async () => {
    t = await createTestApp({ metricsToken: token });
    const other = await addBusiness(t.db, t.clock());
    const otherCatalog = await t.db.write((tx) => seedCatalog(tx, other.businessId, t.clock()));
    const secrets: string[] = [
      t.businessId,
      other.businessId,
      t.publishableKey,
      t.secretKey,
      other.publishableKey,
      other.secretKey,
    ];
    for (const [key, service, email] of [
      [t.publishableKey, t.catalog!.serviceIds.haircut, 'ana.one@example.com'],
      [other.publishableKey, otherCatalog.serviceIds.haircut, 'bea.two@example.org'],
    ] as const) {
      const booked = await call<{ id: string; manageToken: string; resourceId: string }>(
        t,
        'POST',
        '/v1/bookings',
        {
          key,
          headers: { 'Idempotency-Key': `idem-${email}` },
          body: { service, start: at(9), customer: { name: 'Ana', email, phone: '+351 912 345 678' } },
        },
      );
      expect(booked.status).toBe(201);
      const { id, manageToken, resourceId } = booked.body;
      secrets.push(id, manageToken, resourceId, service, email, `idem-${email}`);
      await call(t, 'GET', `/v1/bookings/${id}?token=${manageToken}`, { key });
      await call(t, 'GET', `/v1/bookings/${manageToken}`, { key });
      await call(t, 'GET', `/v1/availability?service=${service}&from=2026-03-04&to=2026-03-04`, { key });
      await call(t, 'GET', `/v1/no-such-thing/${id}`, { key });
      await call(t, 'GET', `/v1/bookings?email=${encodeURIComponent(email)}`, { key: null });
    }
    const text = await (await scrape(t)).text();
    for (const secret of secrets) expect(text, secret).not.toContain(secret);
    const labelValues = [...text.matchAll(/="([^"]*)"/g)].map((m) => m[1]!);
    expect(() => parsePrometheusTextFormat(text)).not.toThrow();
    expect(labelValues.length).toBeGreaterThan(20);
    for (const value of labelValues) {
      expect(value).not.toMatch(/@|fd_[a-z]{2}_|mt_|[a-z]{2,4}_[0-9A-Za-z]{16,}|\d{3} \d{3}/);
    }
  });
});

describe('a metrics port on loopback (FRONTDESK_METRICS_PORT)', () => {
  it('serves /metrics there without a token; the main port then refuses every token', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'frontdesk-metrics-port-'));
    const server = await serve({
      url: pathToFileURL(join(dir, 'm.db')).href,
      port: 0,
      metricsPort: 0,
      rateLimit: false,
      logger: testLogger(),
    });
    try {
      expect(server.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const loopback = await fetch(`${server.metricsUrl}/metrics`);
      expect(loopback.status).toBe(200);
      const names = parsePrometheusTextFormat(await loopback.text()).map((family) => family.name);
      expect(names).toContain('frontdesk_write_queue_depth');
      expect((await fetch(`${server.metricsUrl}/v1/business`)).status).toBe(404);
      expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
      expect(
        (
          await fetch(`${server.url}/metrics`, {
            headers: { Authorization: 'Bearer guess-0123456789abcdef' },
          })
        ).status,
      ).toBe(401);
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the outbox on /metrics', () => {
  it('shows webhook deliveries waiting, and how long the most overdue one has been due', async () => {
    const w = await createWebhookTest({ metricsToken: token });
    t = w;
    // Nothing listens on port 1: each attempt fails at once and the delivery waits for its retry.
    await w.endpoint({ url: 'http://127.0.0.1:1/hook' });
    const booked = await call(w, 'POST', '/v1/bookings', {
      key: w.publishableKey,
      body: { service: w.catalog!.serviceIds.haircut, start: at(10), customer },
    });
    expect(booked.status).toBe(201);
    const before = await families(w);
    expect(sampleValue(before, 'frontdesk_outbox_pending', { kind: 'webhook' })).toBe(0);
    await w.worker.drain();
    const waiting = await families(w);
    expect(sampleValue(waiting, 'frontdesk_outbox_pending', { kind: 'webhook' })).toBe(1);
    expect(sampleValue(waiting, 'frontdesk_outbox_oldest_due_seconds', { kind: 'webhook' })).toBe(0);
    w.clock.advance(65_000); // the first retry was due after about 5 s
    const overdue = sampleValue(await families(w), 'frontdesk_outbox_oldest_due_seconds', {
      kind: 'webhook',
    });
    expect(overdue).toBeGreaterThan(55);
    expect(overdue).toBeLessThanOrEqual(65);
  });
});
