import type { Movement, Problem, ProductStock, Reservation } from '@frontdesk/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStockTestApp, type StockTestApp } from './stock-fixtures.js';

let t: StockTestApp;
beforeEach(async () => {
  t = await createStockTestApp();
  await t.adjust({ eventId: 'count-1', sku: 'HELMET-M', locationId: 'lisbon', set: 5 });
});
afterEach(async () => {
  await t.close();
});

const customer = { name: 'Ana Silva', email: 'ana@example.com' };
const reserve = (quantity: number, extra: Record<string, unknown> = {}) =>
  t.call<Reservation & { code?: string }>(
    'POST',
    '/v1/reservations',
    { sku: 'HELMET-M', locationId: 'lisbon', quantity, customer, ...extra },
    t.publishableKey,
  );

async function ledger(): Promise<Movement[]> {
  return (
    await t.call<{ data: Movement[] }>('GET', '/v1/stock/movements?sku=HELMET-M&location=lisbon&limit=100')
  ).body.data;
}

describe('POST /v1/reservations', () => {
  it('holds units with the default expiry and a manage token; available drops, on-hand does not', async () => {
    const res = await reserve(2);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      sku: 'HELMET-M',
      quantity: 2,
      status: 'active',
      expiresAt: '2026-03-03T08:00:00Z',
    });
    expect(res.body.manageToken).toMatch(/^fd_rt_/);
    const stock = await t.call<ProductStock>(
      'GET',
      '/v1/products/HELMET-M/stock',
      undefined,
      t.publishableKey,
    );
    expect(stock.body.locations[0]).toMatchObject({ onHand: 5, reserved: 2, available: 3 });
  });

  it('answers 409 insufficient_stock when not enough is available', async () => {
    expect((await reserve(4)).status).toBe(201);
    const res = await reserve(2);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('insufficient_stock');
  });

  it('gives exactly as many concurrent reservations as there are units, never below zero', async () => {
    // One test client makes all 30: lift its live-reservation cap, which is not what this is about.
    await t.call('PATCH', '/v1/stock/settings', { maxLiveReservationsPerClient: 100 });
    const answers = await Promise.all(Array.from({ length: 30 }, () => reserve(1)));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(5);
    expect(statuses.filter((s) => s === 409)).toHaveLength(25);
    for (const a of answers.filter((x) => x.status === 409)) expect(a.body.code).toBe('insufficient_stock');
    expect(await t.availableAt('HELMET-M', 'lisbon')).toBe(0);
  });

  it('frees the units at the expiry instant, without any sweeper', async () => {
    expect((await reserve(5, { expiresInMinutes: 30 })).status).toBe(201);
    expect(await t.availableAt('HELMET-M', 'lisbon')).toBe(0);
    t.clock.advance(30 * 60_000 - 1);
    expect(await t.availableAt('HELMET-M', 'lisbon')).toBe(0);
    t.clock.advance(1);
    expect(await t.availableAt('HELMET-M', 'lisbon')).toBe(5);
    expect((await reserve(5)).status).toBe(201);
  });

  it('does not reserve at a deactivated location', async () => {
    await t.adjust({ eventId: 'porto-count', sku: 'HELMET-M', locationId: 'porto', set: 3 });
    await t.call('DELETE', '/v1/locations/porto');
    const res = await reserve(1, { locationId: 'porto' });
    expect(res.status).toBe(422);
  });

  it('uses the business setting for the default expiry', async () => {
    expect((await t.call('PATCH', '/v1/stock/settings', { reservationMinutes: 90 })).status).toBe(200);
    expect((await reserve(1)).body.expiresAt).toBe('2026-03-02T09:30:00Z');
  });

  it('rejects bad input with 422 and unknown products with 422, never 5xx', async () => {
    for (const body of [
      {},
      { sku: 'HELMET-M', locationId: 'lisbon', quantity: 0, customer },
      { sku: 'HELMET-M', locationId: 'lisbon', quantity: 1, customer: { name: '', email: 'x' } },
      { sku: 'NOPE', locationId: 'lisbon', quantity: 1, customer },
      { sku: 'HELMET-M', locationId: 'nowhere', quantity: 1, customer },
      { sku: 'HELMET-M', locationId: 'lisbon', quantity: 1, customer, expiresInMinutes: 1 },
    ]) {
      const res = await t.call<Problem>('POST', '/v1/reservations', body, t.publishableKey);
      expect(res.status, JSON.stringify(body)).toBe(422);
    }
  });
});

describe('reading, collecting and releasing', () => {
  it('shows the reservation to its customer by token only, 404 otherwise', async () => {
    const { body } = await reserve(1);
    const own = await t.call<Reservation>(
      'GET',
      `/v1/reservations/${body.id}?token=${body.manageToken}`,
      undefined,
      t.publishableKey,
    );
    expect(own.status).toBe(200);
    expect(own.body.customer).toEqual(customer);
    expect(own.body.manageToken).toBeUndefined();
    expect((await t.call('GET', `/v1/reservations/${body.id}`, undefined, t.publishableKey)).status).toBe(
      404,
    );
    expect(
      (await t.call('GET', `/v1/reservations/${body.id}?token=fd_rt_wrong`, undefined, t.publishableKey))
        .status,
    ).toBe(404);
    expect((await t.call('GET', `/v1/reservations/${body.id}`)).status).toBe(200);
  });

  it('collect lowers on-hand with a collect ledger row; the ledger still sums to on-hand', async () => {
    const { body } = await reserve(2);
    expect(
      (await t.call('POST', `/v1/reservations/${body.id}/collect`, undefined, t.publishableKey)).status,
    ).toBe(403);
    const collected = await t.call<Reservation>('POST', `/v1/reservations/${body.id}/collect`);
    expect(collected.body.status).toBe('collected');
    const stock = await t.call<ProductStock>('GET', '/v1/products/HELMET-M/stock');
    expect(stock.body.locations[0]).toMatchObject({ onHand: 3, reserved: 0, available: 3 });
    const rows = await ledger();
    expect(rows.map((m) => [m.reason, m.delta])).toEqual([
      ['count', 5],
      ['collect', -2],
    ]);
    expect(rows.reduce((sum, m) => sum + m.delta, 0)).toBe(3);
    const twice = await t.call<Problem>('POST', `/v1/reservations/${body.id}/collect`);
    expect([twice.status, twice.body.code]).toEqual([409, 'invalid_state']);
  });

  it('release by the customer’s token returns the units and leaves the ledger alone', async () => {
    const { body } = await reserve(3);
    const released = await t.call<Reservation>(
      'POST',
      `/v1/reservations/${body.id}/release?token=${body.manageToken}`,
      undefined,
      t.publishableKey,
    );
    expect(released.body.status).toBe('released');
    expect(await t.availableAt('HELMET-M', 'lisbon')).toBe(5);
    expect((await ledger()).map((m) => m.reason)).toEqual(['count']);
    expect(
      (await t.call('POST', `/v1/reservations/${body.id}/release`, undefined, t.publishableKey)).status,
    ).toBe(404);
  });

  it('refuses to collect an expired reservation and records it expired', async () => {
    const { body } = await reserve(1, { expiresInMinutes: 10 });
    t.clock.advance(11 * 60_000);
    const res = await t.call<Problem>('POST', `/v1/reservations/${body.id}/collect`);
    expect([res.status, res.body.code]).toEqual([409, 'invalid_state']);
    expect((await t.call<Reservation>('GET', `/v1/reservations/${body.id}`)).body.status).toBe('expired');
    const listed = await t.call<{ data: Reservation[] }>('GET', '/v1/reservations?status=expired');
    expect(listed.body.data.map((r) => r.id)).toEqual([body.id]);
    expect(
      (await t.call<{ data: Reservation[] }>('GET', '/v1/reservations?status=active')).body.data,
    ).toEqual([]);
    // Releasing it now records the expiry (with its event) instead of a release.
    const release = await t.call<Reservation>('POST', `/v1/reservations/${body.id}/release`);
    expect(release.body.status).toBe('expired');
    const log = await t.call<{ data: { type: string }[] }>('GET', '/v1/events?type=reservation.expired');
    expect(log.body.data).toHaveLength(1);
  });
});

describe('Idempotency-Key and rate limit on POST /v1/reservations', () => {
  const post = (app: StockTestApp, key: string, body: unknown, idempotencyKey?: string) =>
    app.app.request('/v1/reservations', {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${key}`,
        'Content-Type': 'application/json',
        ...(idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {}),
      },
      body: JSON.stringify(body),
    });

  it('replays the first answer for the same key and body, 409 for another body; one hold', async () => {
    const body = { sku: 'HELMET-M', locationId: 'lisbon', quantity: 2, customer };
    const answers = await Promise.all([1, 2, 3].map(() => post(t, t.publishableKey, body, 'k-1')));
    const created = await Promise.all(answers.map((a) => a.json() as Promise<Reservation>));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
    expect(new Set(created.map((r) => r.id)).size).toBe(1);
    expect(answers.filter((a) => a.headers.get('idempotent-replayed') === 'true')).toHaveLength(2);
    expect(await t.availableAt('HELMET-M', 'lisbon')).toBe(3);
    const conflict = await post(t, t.publishableKey, { ...body, quantity: 1 }, 'k-1');
    expect(conflict.status).toBe(409);
    expect(((await conflict.json()) as Problem).code).toBe('idempotency_conflict');
  });

  it('answers 429 rate_limited with Retry-After past the burst', async () => {
    const limited = await createStockTestApp({ rateLimit: { limit: 2, windowSeconds: 60, burst: 2 } });
    try {
      const body = { sku: 'HELMET-M', locationId: 'lisbon', quantity: 1, customer };
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await post(limited, limited.publishableKey, body)).status);
      expect(statuses.slice(0, 2)).not.toContain(429);
      const refused = await post(limited, limited.publishableKey, body);
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBeTruthy();
    } finally {
      await limited.close();
    }
  });
});

describe('recording expiry', () => {
  it('marks past reservations expired with a reservation.expired event on the next reservation', async () => {
    const { body } = await reserve(2, { expiresInMinutes: 5 });
    t.clock.advance(6 * 60_000);
    expect((await reserve(1)).status).toBe(201);
    const log = await t.call<{ data: { type: string; subjectId: string }[] }>(
      'GET',
      '/v1/events?type=reservation.expired',
    );
    expect(log.body.data.map((e) => e.subjectId)).toEqual([body.id]);
    const listed = await t.call<{ data: Reservation[] }>('GET', '/v1/reservations?status=expired');
    expect(listed.body.data.map((r) => r.id)).toEqual([body.id]);
  });
});
