/**
 * @module Origins and CORS, key kinds and revocation, tenancy on every route, PII.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { call, customer, setupSalon } from './fixtures.js';
import { addBusiness, createTestApp, type TestApp } from './helpers.js';

let t: TestApp;
afterEach(async () => t?.close());

describe('origins and CORS', () => {
  it('answers preflights, allows listed origins with ACAO and refuses others with 403', async () => {
    t = await createTestApp({ allowedOrigins: ['https://shop.example', 'http://localhost:*'] });
    const pre = await t.app.request('/v1/bookings', {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://shop.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization, content-type, idempotency-key',
      },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    expect(pre.headers.get('access-control-allow-headers')).toMatch(
      /Authorization.*Content-Type.*Idempotency-Key/,
    );

    const headers = (origin: string) => ({ Authorization: `Bearer ${t.publishableKey}`, Origin: origin });
    const ok = await t.app.request('/v1/business', { headers: headers('https://shop.example') });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    expect(ok.headers.get('access-control-expose-headers')).toContain('RateLimit');
    expect(ok.headers.get('access-control-expose-headers')).toContain('X-Request-Id');

    const local = await t.app.request('/v1/business', { headers: headers('http://localhost:5173') });
    expect(local.status).toBe(200);

    const evil = await t.app.request('/v1/business', { headers: headers('https://evil.example') });
    expect(evil.status).toBe(403);
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    expect(await evil.json()).toMatchObject({ code: 'forbidden' });

    // Server-side calls (no Origin) are not restricted.
    const server = await t.app.request('/v1/business', {
      headers: { Authorization: `Bearer ${t.publishableKey}` },
    });
    expect(server.status).toBe(200);
  });
});

describe('keys', () => {
  it('publishable keys cannot use secret routes; revoked keys stop working', async () => {
    t = await createTestApp();
    for (const [method, path] of [
      ['GET', '/v1/bookings'],
      ['POST', '/v1/services'],
      ['PATCH', '/v1/business'],
      ['GET', '/v1/keys'],
      ['GET', '/v1/events'],
      ['GET', '/v1/closures'],
    ] as const) {
      const res = await call(t, method, path, {
        key: t.publishableKey,
        body: method === 'GET' ? undefined : {},
      });
      expect(res.status, `${method} ${path}`).toBe(403);
    }
    const created = await call<{ id: string; secret: string; prefix: string }>(t, 'POST', '/v1/keys', {
      body: { kind: 'secret', label: 'ci' },
    });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^fd_sk_[A-Za-z0-9]{32}$/);
    expect(created.body.secret.startsWith(created.body.prefix)).toBe(true);
    const listed = await call<{ data: Record<string, unknown>[] }>(t, 'GET', '/v1/keys');
    expect(listed.body.data.every((k) => !('secret' in k) && !('hash' in k))).toBe(true);
    expect((await call(t, 'GET', '/v1/business', { key: created.body.secret })).status).toBe(200);
    expect((await call(t, 'DELETE', `/v1/keys/${created.body.id}`)).status).toBe(200);
    expect((await call(t, 'GET', '/v1/business', { key: created.body.secret })).status).toBe(401);
    const events = await call<{ data: { type: string }[] }>(t, 'GET', '/v1/events?type=key.revoked');
    expect(events.body.data).toHaveLength(1);
  });
});

describe('tenancy', () => {
  it("never shows another business's data: their ids are 404 on every route", async () => {
    t = await createTestApp();
    const salon = await setupSalon(t);
    const booked = await call<{ id: string; manageToken: string }>(t, 'POST', '/v1/bookings', {
      key: t.publishableKey,
      body: { service: salon.serviceId, start: '2026-03-03T09:00:00Z', customer },
    });
    const hold = await call<{ id: string }>(t, 'POST', '/v1/holds', {
      key: t.publishableKey,
      body: { service: salon.serviceId, start: '2026-03-03T10:00:00Z' },
    });
    const override = await call<{ id: string }>(t, 'POST', `/v1/resources/${salon.resourceId}/overrides`, {
      body: { date: '2026-03-10', intervals: [] },
    });
    const off = await call<{ id: string }>(t, 'POST', `/v1/resources/${salon.resourceId}/time-off`, {
      body: { start: '2026-03-11T00:00:00Z', end: '2026-03-12T00:00:00Z' },
    });
    const closure = await call<{ id: string }>(t, 'POST', '/v1/closures', {
      body: { startDate: '2026-04-25', endDate: '2026-04-25' },
    });
    const keys = await call<{ data: { id: string }[] }>(t, 'GET', '/v1/keys');
    const other = await addBusiness(t.db, t.clock());
    const b = booked.body;
    const routes: [string, string, unknown?][] = [
      ['GET', `/v1/services/${salon.serviceId}`],
      ['PATCH', `/v1/services/${salon.serviceId}`, { name: 'Mine now' }],
      ['DELETE', `/v1/services/${salon.serviceId}`],
      ['GET', `/v1/resources/${salon.resourceId}`],
      ['PATCH', `/v1/resources/${salon.resourceId}`, { name: 'Mine now' }],
      ['PUT', `/v1/resources/${salon.resourceId}/hours`, {}],
      ['DELETE', `/v1/resources/${salon.resourceId}`],
      ['GET', `/v1/resources/${salon.resourceId}/overrides`],
      ['POST', `/v1/resources/${salon.resourceId}/overrides`, { date: '2026-03-10', intervals: [] }],
      ['DELETE', `/v1/resources/${salon.resourceId}/overrides/${override.body.id}`],
      ['GET', `/v1/resources/${salon.resourceId}/time-off`],
      [
        'POST',
        `/v1/resources/${salon.resourceId}/time-off`,
        { start: '2026-03-11T00:00:00Z', end: '2026-03-12T00:00:00Z' },
      ],
      ['DELETE', `/v1/resources/${salon.resourceId}/time-off/${off.body.id}`],
      ['DELETE', `/v1/closures/${closure.body.id}`],
      ['GET', `/v1/availability?service=${salon.serviceId}&from=2026-03-03&to=2026-03-03`],
      ['POST', '/v1/holds', { service: salon.serviceId, start: '2026-03-03T11:00:00Z' }],
      ['DELETE', `/v1/holds/${hold.body.id}`],
      ['POST', '/v1/bookings', { service: salon.serviceId, start: '2026-03-03T11:00:00Z', customer }],
      ['GET', `/v1/bookings/${b.id}`],
      ['GET', `/v1/bookings/${b.id}?token=${b.manageToken}`],
      ['GET', `/v1/bookings/${b.id}/ics?token=${b.manageToken}`],
      ['POST', `/v1/bookings/${b.id}/cancel?token=${b.manageToken}`, {}],
      ['POST', `/v1/bookings/${b.id}/reschedule?token=${b.manageToken}`, { start: '2026-03-03T13:00:00Z' }],
      ['POST', `/v1/bookings/${b.id}/confirm`],
      ['POST', `/v1/bookings/${b.id}/decline`, {}],
      ['DELETE', `/v1/keys/${keys.body.data[0]!.id}`],
    ];
    for (const [method, path, body] of routes) {
      const res = await call(t, method, path, { key: other.secretKey, body });
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    // Lists of the other business are empty of ours.
    for (const path of ['/v1/services', '/v1/resources', '/v1/bookings', '/v1/closures', '/v1/events']) {
      const res = await call<{ data: unknown[] }>(t, 'GET', path, { key: other.secretKey });
      expect(JSON.stringify(res.body), path).not.toContain(salon.serviceId);
      expect(JSON.stringify(res.body), path).not.toContain(b.id);
    }
    // And ours is untouched.
    const mine = await call(t, 'GET', `/v1/bookings/${b.id}`);
    expect(mine.body).toMatchObject({ status: 'confirmed', start: '2026-03-03T09:00:00Z' });
  });
});

describe('PII', () => {
  it('publishable keys never see customer details except their own booking via its token', async () => {
    t = await createTestApp();
    const salon = await setupSalon(t);
    const booked = await call<{ id: string; manageToken: string }>(t, 'POST', '/v1/bookings', {
      key: t.publishableKey,
      body: { service: salon.serviceId, start: '2026-03-03T09:00:00Z', customer, notes: 'secret note' },
    });
    const pkPaths = [
      '/v1/business',
      '/v1/services',
      '/v1/resources',
      `/v1/availability?service=${salon.serviceId}&from=2026-03-03&to=2026-03-03`,
      `/v1/bookings/${booked.body.id}`,
      '/v1/bookings',
      '/v1/events',
    ];
    for (const path of pkPaths) {
      const res = await t.app.request(path, { headers: { Authorization: `Bearer ${t.publishableKey}` } });
      const text = await res.text();
      expect(text, path).not.toContain(customer.email);
      expect(text, path).not.toContain('secret note');
    }
    // The business's event log records the booking without customer details.
    const events = await call(t, 'GET', '/v1/events?type=booking.created');
    expect(JSON.stringify(events.body)).toContain(booked.body.id);
    expect(JSON.stringify(events.body)).not.toContain(customer.email);
  });
});
