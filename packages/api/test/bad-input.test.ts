/**
 * @module Bad input at every route never causes a 5xx: fuzzed bodies, ids and queries; fixed 4xx tables.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeDocs } from '../src/openapi/document.js';
import { sendTestEvent } from '../src/services/webhook-deliveries.js';
import { createEndpoint } from '../src/services/webhook-endpoints.js';
import { call, customer, setupSalon } from './fixtures.js';
import { addBusiness, createTestApp, type TestApp } from './helpers.js';

let t: TestApp;
let otherIds: string[];
/** A live calendar feed URL path and a hosted page slug of this business. */
let feedPath: string;
/** Ids of this business's own webhook endpoint and delivery, so deeper paths are fuzzed too. */
let ownIds: string[];
beforeAll(async () => {
  t = await createTestApp();
  const own = await setupSalon(t);
  const ownBooking = await call<{ id: string }>(t, 'POST', '/v1/bookings', {
    body: { service: own.serviceId, start: '2026-03-03T10:00:00Z', customer },
  });
  await call(t, 'PATCH', '/v1/business', { body: { slug: 'fuzz-salon' } });
  feedPath = new URL((await call<{ url: string }>(t, 'POST', '/v1/feed')).body.url).pathname;
  // Ids that exist, but in another business.
  const other = await addBusiness(t.db, t.clock());
  const otherT = { ...t, secretKey: other.secretKey, publishableKey: other.publishableKey };
  const salon = await setupSalon(otherT);
  const booked = await call<{ id: string }>(otherT, 'POST', '/v1/bookings', {
    body: { service: salon.serviceId, start: '2026-03-03T09:00:00Z', customer },
  });
  otherIds = [salon.serviceId, salon.resourceId, booked.body.id];
  const endpoint = await t.db.write((tx) =>
    createEndpoint(
      tx,
      t.businessId,
      { url: 'https://hooks.example/h', events: ['*'], description: '', active: true },
      t.clock(),
    ),
  );
  const delivery = await t.db.write((tx) => sendTestEvent(tx, t.businessId, endpoint.id, t.clock()));
  ownIds = [endpoint.id, delivery.id, ownBooking.body.id, own.resourceId];
});
afterAll(async () => t?.close());

const nasty = [
  "' OR 1=1; --",
  '<script>alert(1)</script>',
  '../../etc/passwd',
  'x'.repeat(300),
  '%00',
  '😀',
  '2026-02-30',
  'Mars/Olympus',
  '-1',
  '1e309',
];

const apiRoutes = routeDocs.filter((r) => r.path.startsWith('/v1') && r.path !== '/v1/stock/stream');

function fillPath(path: string, value: string): string {
  return path.replace(/\{\w+\}/g, encodeURIComponent(value));
}

describe('bad input never causes a 5xx', () => {
  it('random JSON bodies, ids and query strings at every route, with both keys', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...apiRoutes),
        fc.oneof(fc.jsonValue(), fc.constantFrom<unknown>(...nasty), fc.object()),
        fc.oneof(
          fc.constantFrom(...nasty),
          fc.constantFrom(...otherIds),
          fc.constantFrom(...ownIds),
          fc.string({ maxLength: 80 }),
        ),
        fc.dictionary(
          fc.constantFrom(
            'service',
            'from',
            'to',
            'resource',
            'limit',
            'cursor',
            'token',
            'status',
            'email',
            'type',
            'since',
            'kind',
            'booking',
          ),
          fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom(...nasty)),
        ),
        fc.boolean(),
        async (route, body, id, query, secret) => {
          const qs = new URLSearchParams(query).toString();
          const path = `${fillPath(route.path, id)}${qs ? `?${qs}` : ''}`;
          const res = await call(t, route.method.toUpperCase(), path, {
            key: secret ? t.secretKey : t.publishableKey,
            ...(route.method === 'get' || route.method === 'delete' ? {} : { body }),
          });
          if (res.status >= 500)
            throw new Error(`${route.method} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
          if (res.status >= 400) expect(res.headers.get('content-type')).toBe('application/problem+json');
        },
      ),
      { numRuns: 600 },
    );
  }, 120_000);

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

  it('other businesses ids are 404 and wrong types, impossible dates and unknown zones are 422', async () => {
    // The fuzz above may have deleted the endpoint: these cases need a live one.
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
