/**
 * @module Bad input at every route never causes a 5xx: fuzzed bodies, ids and queries; fixed 4xx tables.
 * The generator is shared with the torture harness (test-support/bad-input.js).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiRoutes,
  badRequests,
  edgeDate,
  edgeInstant,
  fillPath,
  nasty,
} from '../../../test-support/bad-input.js';
import { openApiDocument } from '../src/openapi/document.js';
import { sendTestEvent } from '../src/services/webhook-deliveries.js';
import { createEndpoint } from '../src/services/webhook-endpoints.js';
import { answerChecker } from './conformance-hook.js';
import { call, customer, type Salon, setupSalon } from './fixtures.js';
import { addBusiness, createTestApp, type TestApp } from './helpers.js';

let t: TestApp;
let salon: Salon;
let bookingId: string;
let otherIds: string[];
let ownIds: string[];
let samples: unknown[];
/** The path of a live calendar feed of this business (`/feeds/{token}.ics`). */
let feedPath: string;
beforeAll(async () => {
  t = await createTestApp();
  salon = await setupSalon(t);
  // Ids that exist in this business, so fuzzed calls also reach the rules past the lookup (a
  // confirmed booking confirmed again, a service with bookings deleted, …).
  const booked = await call<{ id: string }>(t, 'POST', '/v1/bookings', {
    body: { service: salon.serviceId, start: '2026-03-04T09:00:00Z', customer },
  });
  await call(t, 'POST', '/v1/locations', { body: { id: 'lisbon', name: 'Lisbon shop' } });
  await call(t, 'POST', '/v1/products', { body: { sku: 'HELMET-M', name: 'Helmet M' } });
  await call(t, 'POST', '/v1/stock/adjustments', {
    body: { eventId: 'fuzz-1', sku: 'HELMET-M', locationId: 'lisbon', set: 2 },
  });
  const reserved = await call<{ id: string }>(t, 'POST', '/v1/reservations', {
    body: { sku: 'HELMET-M', locationId: 'lisbon', quantity: 1, customer },
  });
  bookingId = booked.body.id;
  await call(t, 'PATCH', '/v1/business', { body: { slug: 'fuzz-salon' } });
  feedPath = new URL((await call<{ url: string }>(t, 'POST', '/v1/feed')).body.url).pathname;
  // A webhook endpoint and one delivery of it, so the deeper webhook paths are fuzzed too.
  const endpoint = await t.db.write((tx) =>
    createEndpoint(
      tx,
      t.businessId,
      { url: 'https://hooks.example/h', events: ['*'], description: '', active: true },
      t.clock(),
    ),
  );
  const delivery = await t.db.write((tx) => sendTestEvent(tx, t.businessId, endpoint.id, t.clock()));
  ownIds = [
    salon.serviceId,
    salon.resourceId,
    booked.body.id,
    reserved.body.id,
    'lisbon',
    'HELMET-M',
    endpoint.id,
    delivery.id,
  ];
  // Valid bodies of the main writes: mixed into the random ones, they reach the 409s.
  samples = [
    { service: salon.serviceId, start: '2026-03-04T09:00:00Z', customer },
    { service: salon.classId, start: '2026-03-04T10:00:00Z' },
    { sku: 'HELMET-M', locationId: 'lisbon', quantity: 2, customer },
    { start: '2026-03-04T09:00:00Z' },
    { reason: 'fuzz' },
    { name: 'Fuzz', durationMinutes: 30, resourceIds: [salon.resourceId] },
    { eventId: 'fuzz-2', sku: 'HELMET-M', locationId: 'lisbon', delta: -5 },
    { id: 'lisbon', name: 'Again' },
    { sku: 'HELMET-M', name: 'Again' },
    { since: '2026-03-01T00:00:00Z' },
    { active: false },
    { active: true, events: ['booking.*'] },
  ];
  // Ids that exist, but in another business.
  const other = await addBusiness(t.db, t.clock());
  const otherT = { ...t, secretKey: other.secretKey, publishableKey: other.publishableKey };
  const otherSalon = await setupSalon(otherT);
  const otherBooking = await call<{ id: string }>(otherT, 'POST', '/v1/bookings', {
    body: { service: otherSalon.serviceId, start: '2026-03-03T09:00:00Z', customer },
  });
  otherIds = [otherSalon.serviceId, otherSalon.resourceId, otherBooking.body.id];
});
afterAll(async () => t?.close());

/** What the API must accept as a date: a real calendar date of 1970..2100 (the oracle, kept apart). */
function acceptedDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(2000, month - 1, day));
  d.setUTCFullYear(year);
  const real = d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
  return real && year >= 1970 && year <= 2100;
}
function acceptedInstant(value: string): boolean {
  const m = /^(.{10})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?Z$/.exec(value);
  return !!m && acceptedDate(m[1]!) && Number(m[2]) < 24 && Number(m[3]) < 60 && Number(m[4]) < 60;
}

/** Every operation of the generated document under /v1 (the stream never ends: left out). */
async function routes() {
  return apiRoutes(await openApiDocument(t.app));
}

/** `FUZZ_RUNS=100000` for a long hunt; CI runs the default. */
const fuzzRuns = Number(process.env.FUZZ_RUNS ?? 800);

describe('bad input never causes a 5xx, and every answer is the documented one', () => {
  it(
    'random JSON bodies, ids and query strings at every route, with both keys',
    async () => {
      const checker = await answerChecker(t.app);
      await fc.assert(
        fc.asyncProperty(
          badRequests({ routes: await routes(), ownIds, otherIds, samples }),
          async ({ method, path, headers, body, secret }) => {
            const request = new Request(`http://localhost${path}`, {
              method,
              headers: { Authorization: `Bearer ${secret ? t.secretKey : t.publishableKey}`, ...headers },
              ...(body !== undefined ? { body } : {}),
            });
            const res = await t.app.fetch(request);
            const text = await res.clone().text();
            if (res.status >= 500) throw new Error(`${method} ${path} → ${res.status} ${text}`);
            // Checked here as well as by the helpers' hook, so fast-check shrinks a drift to its core.
            const drifts = await checker.check(method, request.url, res);
            if (drifts.length > 0) throw new Error(`${drifts.join('\n')}\n${text.slice(0, 500)}`);
          },
        ),
        { numRuns: fuzzRuns },
      );
    },
    120_000 + fuzzRuns * 20,
  );

  it('calendar feeds and hosted pages: random tokens, slugs and If-None-Match headers', async () => {
    // The fuzz above may have revoked the feed or changed the slug: make them live again.
    await call(t, 'PATCH', '/v1/business', { body: { slug: 'fuzz-salon' } });
    feedPath = new URL((await call<{ url: string }>(t, 'POST', '/v1/feed')).body.url).pathname;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.constantFrom(...nasty, feedPath.slice('/feeds/'.length), 'fuzz-salon'),
          fc.string({ maxLength: 80 }),
        ),
        fc.constantFrom('/feeds/', '/book/'),
        fc.constantFrom('', '.ics'),
        fc.oneof(fc.constant(undefined), fc.string({ maxLength: 60 }), fc.constant('*')),
        async (value, prefix, suffix, etag) => {
          const path = `${prefix}${encodeURIComponent(value)}${suffix}`;
          const res = await t.app.request(
            path,
            etag === undefined ? {} : { headers: { 'If-None-Match': etag } },
          );
          if (res.status >= 500) throw new Error(`GET ${path} → ${res.status} ${await res.text()}`);
          if (res.status >= 400) expect(res.headers.get('content-type')).toBe('application/problem+json');
        },
      ),
      { numRuns: 300 },
    );
    expect((await t.app.request(feedPath)).status).toBe(200);
    expect((await t.app.request('/book/fuzz-salon')).status).toBe(200);
  }, 120_000);

  it('every operation with ids of this business, an empty body and both keys answers as documented', async () => {
    const checker = await answerChecker(t.app);
    const found: string[] = [];
    for (const route of await routes()) {
      for (const id of ownIds) {
        for (const key of [t.publishableKey, t.secretKey]) {
          const path = fillPath(route.path, id);
          const method = route.method.toUpperCase();
          const withBody = route.method !== 'get' && route.method !== 'delete';
          const request = new Request(`http://localhost${path}`, {
            method,
            headers: {
              Authorization: `Bearer ${key}`,
              ...(withBody ? { 'Content-Type': 'application/json' } : {}),
            },
            ...(withBody ? { body: '{}' } : {}),
          });
          const res = await t.app.fetch(request);
          expect(res.status, `${method} ${path}`).toBeLessThan(500);
          found.push(...(await checker.check(method, request.url, res)));
        }
      }
    }
    expect(found).toEqual([]);
  }, 120_000);

  it('edge dates and instants at every input that takes one: 422 outside 1970..2100, never a 5xx', async () => {
    type Probe = {
      method: string;
      path: string;
      body?: unknown;
      dates: Record<string, string>;
      instants: Record<string, string>;
    };
    const probes: fc.Arbitrary<Probe>[] = [
      fc.tuple(edgeDate, edgeDate).map(([from, to]) => ({
        method: 'GET',
        path: `/v1/availability?service=${salon.serviceId}&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
        dates: { from, to },
        instants: {},
      })),
      fc.tuple(edgeDate, edgeDate).map(([from, to]) => ({
        method: 'GET',
        path: `/v1/bookings?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
        dates: { from, to },
        instants: {},
      })),
      fc.tuple(edgeDate, edgeDate).map(([startDate, endDate]) => ({
        method: 'POST',
        path: '/v1/closures',
        body: { startDate, endDate },
        dates: { startDate, endDate },
        instants: {},
      })),
      edgeDate.map((date) => ({
        method: 'POST',
        path: `/v1/resources/${salon.resourceId}/overrides`,
        body: { date, intervals: [] },
        dates: { date },
        instants: {},
      })),
      fc.tuple(edgeInstant, edgeInstant).map(([start, end]) => ({
        method: 'POST',
        path: `/v1/resources/${salon.resourceId}/time-off`,
        body: { start, end },
        dates: {},
        instants: { start, end },
      })),
      edgeInstant.map((start) => ({
        method: 'POST',
        path: '/v1/holds',
        body: { service: salon.serviceId, start },
        dates: {},
        instants: { start },
      })),
      edgeInstant.map((start) => ({
        method: 'POST',
        path: '/v1/bookings',
        body: { service: salon.serviceId, start, customer },
        dates: {},
        instants: { start },
      })),
      edgeInstant.map((start) => ({
        method: 'POST',
        path: `/v1/bookings/${bookingId}/reschedule`,
        body: { start },
        dates: {},
        instants: { start },
      })),
      edgeInstant.map((occurredAt) => ({
        method: 'POST',
        path: '/v1/stock/adjustments',
        body: { eventId: 'edge', sku: 'NONE', locationId: 'nowhere', delta: 1, occurredAt },
        dates: {},
        instants: { occurredAt },
      })),
    ];
    await fc.assert(
      fc.asyncProperty(fc.oneof(...probes), fc.boolean(), async (probe, secret) => {
        const res = await call<{ errors?: { path: string; code: string }[] }>(t, probe.method, probe.path, {
          key: secret ? t.secretKey : t.publishableKey,
          ...(probe.body !== undefined ? { body: probe.body } : {}),
        });
        const where = `${probe.method} ${probe.path} ${JSON.stringify(probe.body)} → ${res.status} ${JSON.stringify(res.body)}`;
        if (res.status >= 500) throw new Error(where);
        // A publishable key may be refused (403) before its input is read; otherwise bad dates are 422.
        if (res.status === 403) return;
        const refused = [
          ...Object.entries(probe.dates).filter(([, v]) => !acceptedDate(v)),
          ...Object.entries(probe.instants).filter(([, v]) => !acceptedInstant(v)),
        ].map(([field]) => field);
        if (refused.length > 0) {
          expect(res.status, where).toBe(422);
          expect(
            res.body.errors?.map((e) => e.path),
            where,
          ).toEqual(expect.arrayContaining(refused));
        } else {
          // Accepted values may still break a rule (to before from), but never a format check.
          const fields = Object.keys({ ...probe.dates, ...probe.instants });
          const formatErrors = (res.body.errors ?? []).filter(
            (e) => fields.includes(e.path) && e.code === 'invalid_format',
          );
          expect(formatErrors, where).toEqual([]);
        }
      }),
      { numRuns: 400 },
    );
  }, 120_000);

  it('other businesses ids are 404 and wrong types, impossible dates and unknown zones are 422', async () => {
    // A fresh endpoint: the fuzz above may have deleted the first one.
    const endpoint = await t.db.write((tx) =>
      createEndpoint(
        tx,
        t.businessId,
        { url: 'https://hooks.example/h2', events: ['*'], description: '', active: true },
        t.clock(),
      ),
    );
    for (const id of otherIds) {
      for (const path of [`/v1/services/${id}`, `/v1/resources/${id}`, `/v1/bookings/${id}`]) {
        expect((await call(t, 'GET', path)).status).toBe(404);
      }
    }
    const cases: [string, string, unknown][] = [
      ['PATCH', '/v1/business', { timezone: 'Mars/Olympus' }],
      ['PATCH', '/v1/business', { holdMinutes: '10' }],
      ['POST', '/v1/services', { name: 'x', durationMinutes: 30.5, resourceIds: ['r'] }],
      ['POST', '/v1/services', { name: 'x', durationMinutes: 30, resourceIds: ['res_missing'] }],
      ['POST', '/v1/resources', { name: 'x', hours: { mon: [{ start: '18:00', end: '09:00' }] } }],
      ['POST', '/v1/closures', { startDate: '2026-02-30', endDate: '2026-03-01' }],
      ['POST', '/v1/holds', { service: 'svc_x', start: '2026-03-03 09:00' }],
      ['POST', '/v1/bookings', { service: 'svc_x', start: '2026-03-03T09:00:00Z', customer: { name: 1 } }],
      ['POST', '/v1/bookings', []],
      ['POST', '/v1/bookings', null],
      ['POST', '/v1/keys', { kind: 'admin' }],
      ['POST', '/v1/webhook-endpoints', { url: 'https://169.254.169.254/' }],
      ['POST', '/v1/webhook-endpoints', { url: 'https://hooks.example/h', events: ['nope.*'] }],
      ['POST', `/v1/webhook-endpoints/${endpoint.id}/replay`, { since: '2026-02-30T00:00:00Z' }],
      ['POST', `/v1/webhook-endpoints/${endpoint.id}/replay`, { since: 'evt_x' }],
      ['PATCH', `/v1/webhook-endpoints/${endpoint.id}`, { url: 'http://[::1]/' }],
      ['PATCH', '/v1/business', { bookingPageUrl: 'http://salon.example/book' }],
      ['PATCH', '/v1/business', { bookingPageUrl: 'javascript:alert(1)' }],
      ['PATCH', '/v1/business', { slug: 'Not A Slug' }],
      ['PATCH', '/v1/business', { reminders: [{ offsetMinutes: 1 }] }],
      ['PATCH', '/v1/business', { reminders: [{ offsetMinutes: 60 * 24 * 31 }] }],
      ['PATCH', '/v1/business', { notifyEmail: 'owner@salon.example\r\nBcc: x@evil.example' }],
      ['PATCH', '/v1/business', { name: 'Salon\r\nBcc: x@evil.example' }],
      ['POST', '/v1/services', { name: 'Cut\nBcc: x@evil.example', durationMinutes: 30, resourceIds: ['r'] }],
      [
        'POST',
        '/v1/bookings',
        { service: 'svc_x', start: '2026-03-03T09:00:00Z', customer: { name: 'A\r\nB', email: 'a@b.co' } },
      ],
      ['GET', '/v1/messages?status=lost', undefined],
    ];
    for (const [method, path, body] of cases) {
      const res = await call(t, method, path, { body });
      expect(res.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(422);
    }
    // A slug another business already has.
    await call(t, 'PATCH', '/v1/business', { body: { slug: 'fuzz-salon' } });
    const clash = await addBusiness(t.db, t.clock(), 'Clash');
    const taken = await call({ ...t, secretKey: clash.secretKey }, 'PATCH', '/v1/business', {
      body: { slug: 'fuzz-salon' },
    });
    expect(taken.status).toBe(422);
    const avail = await call(t, 'GET', '/v1/availability?service=svc_x&from=2026-02-30&to=2026-03-01');
    expect(avail.status).toBe(422);
  });

  it('huge and chunked bodies are 413, never 5xx', async () => {
    const huge = await call(t, 'POST', '/v1/bookings', {
      key: t.publishableKey,
      body: `{"a":"${'x'.repeat(200_000)}"}`,
    });
    expect(huge.status).toBe(413);
    const chunk = new TextEncoder().encode('x'.repeat(16_384));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 10) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const res = await t.app.request('/v1/bookings', {
      method: 'POST',
      headers: { Authorization: `Bearer ${t.publishableKey}`, 'Content-Type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
  });

  it('stores SQL and HTML in strings verbatim and answers them as JSON', async () => {
    const name = `<img src=x onerror=alert(1)> '); DROP TABLE bookings; --`;
    const created = await call<{ id: string; name: string }>(t, 'POST', '/v1/resources', { body: { name } });
    expect(created.status).toBe(201);
    expect(created.headers.get('content-type')).toContain('application/json');
    const read = await call<{ name: string }>(t, 'GET', `/v1/resources/${created.body.id}`);
    expect(read.body.name).toBe(name);
    expect((await call(t, 'GET', '/v1/bookings')).status).toBe(200);
  });
});
