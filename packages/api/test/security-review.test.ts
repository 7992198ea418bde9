/**
 * @module Regressions for the security review: secrets at rest, publishable-key limits, customer
 * reschedules, revoked stream keys, hold caps, and the smaller HTTP findings.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { call, customer, setupSalon } from './fixtures.js';
import { createTestApp, type TestApp } from './helpers.js';

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
    const app = createApp({ database: t.db, clock: t.clock, rateLimit: false, streamHeartbeatMs: 50 });
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
