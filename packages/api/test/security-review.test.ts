/**
 * @module Regressions for the security review: secrets at rest, publishable-key limits, customer
 * reschedules, revoked stream keys, hold caps, and the smaller HTTP findings.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { call, customer, setupSalon } from './fixtures.js';
import { createTestApp, type TestApp, testLogger } from './helpers.js';

let t: TestApp;
afterEach(async () => t?.close());

/** Every text value of every row of every table, as `table.column`. */
async function everyStoredText(app: TestApp): Promise<Array<{ where: string; value: string }>> {
  const tables = await app.db.client.execute(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
  );
  const found: Array<{ where: string; value: string }> = [];
  for (const table of tables.rows) {
    const name = String(table.name);
    const rows = await app.db.client.execute(`SELECT * FROM "${name}"`);
    for (const row of rows.rows) {
      for (const column of rows.columns) {
        const value = row[column];
        if (typeof value === 'string') found.push({ where: `${name}.${column}`, value });
      }
    }
  }
  return found;
}

describe('idempotent answers at rest', () => {
  it('keeps no manage token or customer email in clear outside the booking, and a replay still gets the token', async () => {
    t = await createTestApp();
    const salon = await setupSalon(t);
    const request = {
      key: t.publishableKey,
      headers: { 'Idempotency-Key': 'retry-me-1' },
      body: { service: salon.serviceId, start: '2026-03-03T09:00:00Z', customer },
    };
    const first = await call<{ id: string; manageToken: string }>(t, 'POST', '/v1/bookings', request);
    expect(first.status).toBe(201);
    const token = first.body.manageToken;
    expect(token).toMatch(/\w{20,}/);

    const stored = await everyStoredText(t);
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.filter((s) => s.value.includes(token))).toEqual([]);
    expect(stored.filter((s) => s.value.includes('retry-me-1'))).toEqual([]);
    // The booking itself must hold the customer's address; nothing else may.
    expect(stored.filter((s) => s.value.includes(customer.email)).map((s) => s.where)).toEqual([
      'bookings.customer_email',
    ]);

    const replay = await call<{ id: string; manageToken: string }>(t, 'POST', '/v1/bookings', request);
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(first.body);
  });
});

describe('publishable keys and reservations', () => {
  it('caps a publishable reservation at the business period; a secret key may ask for longer', async () => {
    t = await createTestApp();
    const secret = (method: string, path: string, body?: unknown) =>
      call(t, method, path, body === undefined ? {} : { body });
    expect((await secret('POST', '/v1/locations', { id: 'shop', name: 'Shop' })).status).toBe(201);
    expect(
      (await secret('POST', '/v1/products', { sku: 'BIKE', name: 'Bike', lowStockThreshold: 0 })).status,
    ).toBe(201);
    expect(
      (
        await secret('POST', '/v1/stock/adjustments', {
          eventId: 'count',
          sku: 'BIKE',
          locationId: 'shop',
          set: 5,
        })
      ).status,
    ).toBe(200);
    expect((await secret('PATCH', '/v1/stock/settings', { reservationMinutes: 60 })).status).toBe(200);
    const reserve = (key: string, expiresInMinutes: number) =>
      call<{ expiresAt: string }>(t, 'POST', '/v1/reservations', {
        key,
        body: { sku: 'BIKE', locationId: 'shop', quantity: 1, customer, expiresInMinutes },
      });
    const twoWeeks = 14 * 24 * 60;
    const publicOne = await reserve(t.publishableKey, twoWeeks);
    expect(publicOne.status).toBe(201);
    expect(publicOne.body.expiresAt).toBe('2026-03-02T09:00:00Z');
    // Shorter than the period is still honoured.
    expect((await reserve(t.publishableKey, 10)).body.expiresAt).toBe('2026-03-02T08:10:00Z');
    const business = await reserve(t.secretKey, twoWeeks);
    expect(business.body.expiresAt).toBe('2026-03-16T08:00:00Z');
  });
});

describe('customer reschedules', () => {
  it('cannot move a booking onto a resource the business switched off; the business still can', async () => {
    t = await createTestApp();
    const salon = await setupSalon(t);
    const other = await call<{ id: string }>(t, 'POST', '/v1/resources', {
      body: { name: 'Bruno', hours: { tue: [{ start: '09:00', end: '17:00' }] } },
    });
    expect(
      (
        await call(t, 'PATCH', `/v1/services/${salon.serviceId}`, {
          body: { resourceIds: [salon.resourceId, other.body.id] },
        })
      ).status,
    ).toBe(200);
    const booked = await call<{ id: string; manageToken: string }>(t, 'POST', '/v1/bookings', {
      key: t.publishableKey,
      body: { service: salon.serviceId, start: '2026-03-03T09:00:00Z', resource: salon.resourceId, customer },
    });
    expect(booked.status).toBe(201);
    expect(
      (await call(t, 'PATCH', `/v1/resources/${other.body.id}`, { body: { active: false } })).status,
    ).toBe(200);

    const { id, manageToken } = booked.body;
    const move = { start: '2026-03-03T14:00:00Z', resource: other.body.id };
    const byCustomer = await call(t, 'POST', `/v1/bookings/${id}/reschedule?token=${manageToken}`, {
      key: t.publishableKey,
      body: move,
    });
    expect(byCustomer.status).toBeGreaterThanOrEqual(400);
    expect(byCustomer.status).toBeLessThan(500);
    expect((await call(t, 'GET', `/v1/bookings/${id}`)).body).toMatchObject({ resourceId: salon.resourceId });

    const byBusiness = await call(t, 'POST', `/v1/bookings/${id}/reschedule`, { body: move });
    expect(byBusiness.status).toBe(200);
    expect(byBusiness.body).toMatchObject({ resourceId: other.body.id, start: '2026-03-03T14:00:00Z' });
  });
});

describe('stock stream and revoked keys', () => {
  it('ends an open stream at the next heartbeat once its key is revoked', async () => {
    t = await createTestApp();
    const app = createApp({
      database: t.db,
      clock: t.clock,
      rateLimit: false,
      streamHeartbeatMs: 50,
      logger: testLogger(),
    });
    const abort = new AbortController();
    const res = await app.request(`/v1/stock/stream?skus=ANY&key=${t.publishableKey}`, {
      signal: abort.signal,
    });
    expect(res.status).toBe(200);
    const keys = await call<{ data: Array<{ id: string; kind: string }> }>(t, 'GET', '/v1/keys');
    const publishable = keys.body.data.find((k) => k.kind === 'publishable');
    expect((await call(t, 'DELETE', `/v1/keys/${publishable?.id}`)).status).toBe(200);

    // Read to the end: the stream must finish by itself, with a `revoked` event last.
    const reading = (async () => {
      const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
      let text = '';
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) text += chunk.value;
      return text;
    })();
    const timeout = new Promise<string>((resolve) => setTimeout(() => resolve('still open'), 3000));
    const text = await Promise.race([reading, timeout]);
    abort.abort();
    expect(text).toContain('event: revoked');
    expect(text.trimEnd().endsWith('"detail":"The API key was revoked"}')).toBe(true);
  });
});

describe('holds', () => {
  let serviceId = '';
  const holdAt = (start: string, from: string, extra: { key?: string; idempotencyKey?: string } = {}) =>
    call<{ id: string; code?: string; detail?: string }>(t, 'POST', '/v1/holds', {
      key: extra.key ?? t.publishableKey,
      headers: {
        'X-Forwarded-For': from,
        ...(extra.idempotencyKey ? { 'Idempotency-Key': extra.idempotencyKey } : {}),
      },
      body: { service: serviceId, start },
    });

  it('caps live holds per key and client address at 3 (429), until one is released, booked or expires', async () => {
    t = await createTestApp({ trustProxy: 1, catalog: false });
    serviceId = (await setupSalon(t)).serviceId;
    const me = '203.0.113.7';
    const starts = ['09:00', '10:00', '11:00', '14:00', '15:00'].map((h) => `2026-03-03T${h}:00Z`);
    const placed = [];
    for (const start of starts.slice(0, 3)) {
      const res = await holdAt(start, me);
      expect(res.status).toBe(201);
      placed.push(res.body.id);
    }
    const refused = await holdAt(starts[3]!, me, { idempotencyKey: 'fourth' });
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ code: 'rate_limited' });
    expect(refused.body.detail).toContain('At most 3');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // Someone else (another address) and the business (secret key) are not affected.
    expect((await holdAt(starts[4]!, '198.51.100.9')).status).toBe(201);
    expect((await holdAt('2026-03-03T16:00:00Z', me, { key: t.secretKey })).status).toBe(201);

    // Releasing one frees a place, and the refused request's retry (same Idempotency-Key) now
    // succeeds: a 429 is not stored as the key's answer.
    const release = await call(t, 'DELETE', `/v1/holds/${placed[0]}`, {
      key: t.publishableKey,
      headers: { 'X-Forwarded-For': me },
    });
    expect(release.status).toBe(204);
    const retried = await holdAt(starts[3]!, me, { idempotencyKey: 'fourth' });
    expect(retried.status).toBe(201);
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
    // Booking with a hold turns it into a booking: the place is free again.
    const booked = await call(t, 'POST', '/v1/bookings', {
      key: t.publishableKey,
      headers: { 'X-Forwarded-For': me },
      body: { service: serviceId, start: starts[3], customer, holdId: retried.body.id },
    });
    expect(booked.status).toBe(201);
    expect((await holdAt('2026-03-04T09:00:00Z', me)).status).toBe(201);
    expect((await holdAt('2026-03-04T10:00:00Z', me)).status).toBe(429);
  });

  it('frees places as holds expire', async () => {
    t = await createTestApp({ trustProxy: 1, catalog: false });
    serviceId = (await setupSalon(t)).serviceId;
    for (const h of ['09:00', '10:00', '11:00']) {
      expect((await holdAt(`2026-03-03T${h}:00Z`, '203.0.113.7')).status).toBe(201);
    }
    expect((await holdAt('2026-03-03T14:00:00Z', '203.0.113.7')).status).toBe(429);
    t.clock.advance(60 * 60_000);
    expect((await holdAt('2026-03-03T14:00:00Z', '203.0.113.7')).status).toBe(201);
  });

  it('says the same thing for every hold mismatch, revealing nothing of the hold', async () => {
    t = await createTestApp({ catalog: false });
    const salon = await setupSalon(t);
    const hold = await call<{ id: string; resourceId: string }>(t, 'POST', '/v1/holds', {
      key: t.publishableKey,
      body: { service: salon.serviceId, start: '2026-03-03T09:00:00Z' },
    });
    const other = await call<{ id: string }>(t, 'POST', '/v1/resources', {
      body: { name: 'Bruno', hours: { tue: [{ start: '09:00', end: '17:00' }] } },
    });
    await call(t, 'PATCH', `/v1/services/${salon.serviceId}`, {
      body: { resourceIds: [salon.resourceId, other.body.id] },
    });
    const book = (body: Record<string, unknown>) =>
      call<{ errors: Array<{ message: string; code: string }> }>(t, 'POST', '/v1/bookings', {
        key: t.publishableKey,
        body: {
          service: salon.serviceId,
          start: '2026-03-03T09:00:00Z',
          customer,
          holdId: hold.body.id,
          ...body,
        },
      });
    const wrongStart = await book({ start: '2026-03-03T09:30:00Z' });
    const wrongResource = await book({ resource: other.body.id });
    expect(wrongStart.status).toBe(422);
    expect(wrongResource.status).toBe(422);
    expect(wrongStart.body.errors).toEqual(wrongResource.body.errors);
    expect(wrongStart.body.errors[0]?.code).toBe('hold_mismatch');
  });
});

describe('smaller findings', () => {
  it('lets a browser read a 401 (CORS headers reflect the origin, no credentials)', async () => {
    t = await createTestApp();
    const origin = 'https://shop.example';
    for (const [path, headers] of [
      ['/v1/business', { Origin: origin }],
      ['/v1/business', { Origin: origin, Authorization: 'Bearer fd_pk_unknownunknownunknown' }],
      ['/v1/stock/stream?skus=A&key=fd_pk_unknownunknownunknown', { Origin: origin }],
    ] as const) {
      const res = await t.app.request(path, { headers });
      expect(res.status, path).toBe(401);
      expect(res.headers.get('access-control-allow-origin'), path).toBe(origin);
      expect(res.headers.get('access-control-allow-credentials'), path).toBeNull();
      expect(await res.json()).toMatchObject({ code: 'unauthorized' });
    }
  });

  it('answers 404 (not a 405 listing the same methods) for a known path with a trailing slash', async () => {
    t = await createTestApp();
    const res = await call(t, 'GET', '/v1/services/');
    expect(res.status).toBe(404);
    expect(res.headers.get('allow')).toBeNull();
    expect((await call(t, 'DELETE', '/v1/services')).status).toBe(405);
  });

  it('refuses reserved question ids (__proto__, constructor, prototype) with 422', async () => {
    t = await createTestApp({ catalog: false });
    const salon = await setupSalon(t);
    for (const id of ['__proto__', 'constructor', 'prototype']) {
      const res = await call(t, 'PATCH', `/v1/services/${salon.serviceId}`, {
        body: `{"questions":[{"id":${JSON.stringify(id)},"label":"Allergies","type":"text","required":true}]}`,
      });
      expect(res.status, id).toBe(422);
    }
  });
});
