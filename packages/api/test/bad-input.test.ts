/**
 * @module Bad input at every route never causes a 5xx: fuzzed bodies, ids and queries; fixed 4xx tables.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument } from '../src/openapi/document.js';
import { call, customer, setupSalon } from './fixtures.js';
import { addBusiness, createTestApp, type TestApp } from './helpers.js';

let t: TestApp;
let otherIds: string[];
beforeAll(async () => {
  t = await createTestApp();
  await setupSalon(t);
  // Ids that exist, but in another business.
  const other = await addBusiness(t.db, t.clock());
  const otherT = { ...t, secretKey: other.secretKey, publishableKey: other.publishableKey };
  const salon = await setupSalon(otherT);
  const booked = await call<{ id: string }>(otherT, 'POST', '/v1/bookings', {
    body: { service: salon.serviceId, start: '2026-03-03T09:00:00Z', customer },
  });
  otherIds = [salon.serviceId, salon.resourceId, booked.body.id];
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

/** Every operation of the generated document under /v1 (the stream never ends: left out). */
async function apiRoutes() {
  const document = await openApiDocument(t.app);
  return Object.entries(document.paths)
    .filter(([path]) => path.startsWith('/v1') && path !== '/v1/stock/stream')
    .flatMap(([path, operations]) => Object.keys(operations).map((method) => ({ method, path })));
}

function fillPath(path: string, value: string): string {
  return path.replace(/\{\w+\}/g, encodeURIComponent(value));
}

describe('bad input never causes a 5xx', () => {
  it('random JSON bodies, ids and query strings at every route, with both keys', async () => {
    const routes = await apiRoutes();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.oneof(fc.jsonValue(), fc.constantFrom<unknown>(...nasty), fc.object()),
        fc.oneof(fc.constantFrom(...nasty), fc.constantFrom(...otherIds), fc.string({ maxLength: 80 })),
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

  it('other businesses ids are 404 and wrong types, impossible dates and unknown zones are 422', async () => {
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
    ];
    for (const [method, path, body] of cases) {
      const res = await call(t, method, path, { body });
      expect(res.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(422);
    }
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
