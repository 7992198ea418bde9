/**
 * @module Regressions for what one client may hold with the publishable key: units per
 * reservation and live reservations per client (the stock settings), the reservation period as a
 * ceiling, and per-address limits that count an IPv6 client by its /64.
 */
import type { Problem, Reservation, StockSettings } from '@frontdesk/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, setupSalon } from './fixtures.js';
import { createStockTestApp, type StockTestApp } from './stock-fixtures.js';

let t: StockTestApp;
beforeEach(async () => {
  t = await createStockTestApp({ trustProxy: 1, catalog: false });
  await t.adjust({ eventId: 'count-1', sku: 'HELMET-M', locationId: 'lisbon', set: 11 });
});
afterEach(async () => {
  await t.close();
});

const customer = { name: 'Ana Silva', email: 'ana@example.com' };

/** `POST /v1/reservations` from `from` (X-Forwarded-For; the app trusts one proxy). */
const reserve = (
  quantity: number,
  from: string,
  extra: { key?: string; body?: Record<string, unknown>; idempotencyKey?: string } = {},
) =>
  call<Reservation & Omit<Problem, 'status'>>(t, 'POST', '/v1/reservations', {
    key: extra.key ?? t.publishableKey,
    headers: {
      'X-Forwarded-For': from,
      ...(extra.idempotencyKey ? { 'Idempotency-Key': extra.idempotencyKey } : {}),
    },
    body: { sku: 'HELMET-M', locationId: 'lisbon', quantity, customer, ...extra.body },
  });

const me = '203.0.113.7';

describe('units per publishable-key reservation', () => {
  it('refuses more than 5 units with 422 on quantity, leaving the shelf alone; secret keys are not capped', async () => {
    const greedy = await reserve(11, me);
    expect(greedy.status).toBe(422);
    expect(greedy.headers.get('content-type')).toContain('application/problem+json');
    expect(greedy.body.code).toBe('validation_failed');
    expect(greedy.body.errors).toEqual([
      { path: 'quantity', message: 'At most 5 units per reservation', code: 'too_big' },
    ]);
    expect(await t.availableAt('HELMET-M', 'lisbon')).toBe(11);

    expect((await reserve(5, me)).status).toBe(201);
    expect((await reserve(6, me, { key: t.secretKey })).status).toBe(201);
    expect(await t.availableAt('HELMET-M', 'lisbon')).toBe(0);
  });

  it('follows the business setting', async () => {
    const patched = await t.call<StockSettings>('PATCH', '/v1/stock/settings', { maxUnitsPerReservation: 1 });
    expect(patched.status).toBe(200);
    const res = await reserve(2, me);
    expect(res.status).toBe(422);
    expect(res.body.errors?.[0]?.message).toBe('At most 1 unit per reservation');
    expect((await reserve(1, me)).status).toBe(201);
  });
});

describe('live reservations per client', () => {
  it('allows 3 live reservations per key and address (429 with Retry-After beyond), until one is released', async () => {
    const placed: Reservation[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await reserve(1, me);
      expect(res.status).toBe(201);
      placed.push(res.body);
    }
    const refused = await reserve(1, me, { idempotencyKey: 'fourth' });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body.code).toBe('rate_limited');
    expect(refused.body.detail).toContain('At most 3 reservations can be live at once');
    // The first place frees when the oldest reservation expires, 24 h from now.
    expect(Number(refused.headers.get('retry-after'))).toBe(24 * 60 * 60);

    // Another address, and the business itself, are not affected.
    expect((await reserve(1, '198.51.100.9')).status).toBe(201);
    expect((await reserve(1, me, { key: t.secretKey })).status).toBe(201);

    // Releasing one frees a place; the refused request's retry is not a replay of the 429.
    const first = placed[0]!;
    const released = await call(
      t,
      'POST',
      `/v1/reservations/${first.id}/release?token=${first.manageToken}`,
      {
        key: t.publishableKey,
        headers: { 'X-Forwarded-For': me },
      },
    );
    expect(released.status).toBe(200);
    const retried = await reserve(1, me, { idempotencyKey: 'fourth' });
    expect(retried.status).toBe(201);
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
    expect((await reserve(1, me)).status).toBe(429);
  });

  it('frees places as reservations expire, and follows the business setting', async () => {
    expect((await t.call('PATCH', '/v1/stock/settings', { reservationMinutes: 30 })).status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await reserve(1, me)).status).toBe(201);
    expect((await reserve(1, me)).status).toBe(429);
    t.clock.advance(30 * 60_000);
    expect((await reserve(1, me)).status).toBe(201);

    expect((await t.call('PATCH', '/v1/stock/settings', { maxLiveReservationsPerClient: 1 })).status).toBe(
      200,
    );
    expect((await reserve(1, '198.51.100.9')).status).toBe(201);
    expect((await reserve(1, '198.51.100.9')).status).toBe(429);
  });

  it('stores a hash of key and address, never the address, and clears it when the reservation ends', async () => {
    const res = await reserve(1, me);
    expect(res.status).toBe(201);
    const stored = async () =>
      (await t.db.client.execute({ sql: 'SELECT * FROM reservations WHERE id = ?', args: [res.body.id] }))
        .rows[0]!;
    const row = await stored();
    expect(row.client_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(me);
    await call(t, 'POST', `/v1/reservations/${res.body.id}/release?token=${res.body.manageToken}`, {
      key: t.publishableKey,
    });
    expect((await stored()).client_hash).toBeNull();
  });
});

describe('the reservation period caps publishable keys', () => {
  it('gives a publishable key at most the business period, whatever it asks; a secret key what it asks', async () => {
    expect((await t.call('PATCH', '/v1/stock/settings', { reservationMinutes: 60 })).status).toBe(200);
    const now = t.clock();
    const at = (minutes: number) => new Date(now + minutes * 60_000).toISOString().replace('.000Z', 'Z');
    const longer = await reserve(1, me, { body: { expiresInMinutes: 14 * 24 * 60 } });
    expect(longer.status).toBe(201);
    expect(longer.body.expiresAt).toBe(at(60));
    const shorter = await reserve(1, me, { body: { expiresInMinutes: 30 } });
    expect(shorter.body.expiresAt).toBe(at(30));
    const business = await reserve(1, me, { key: t.secretKey, body: { expiresInMinutes: 600 } });
    expect(business.body.expiresAt).toBe(at(600));
  });
});

describe('GET and PATCH /v1/stock/settings', () => {
  it('shows the defaults to secret keys, changes only what a patch names, and refuses bad values', async () => {
    expect((await t.call<StockSettings>('GET', '/v1/stock/settings')).body).toEqual({
      reservationMinutes: 1440,
      maxUnitsPerReservation: 5,
      maxLiveReservationsPerClient: 3,
    });
    const patched = await t.call('PATCH', '/v1/stock/settings', { maxLiveReservationsPerClient: 2 });
    expect(patched.body).toEqual({
      reservationMinutes: 1440,
      maxUnitsPerReservation: 5,
      maxLiveReservationsPerClient: 2,
    });
    expect((await t.call('GET', '/v1/stock/settings')).body).toEqual(patched.body);
    for (const bad of [
      { maxUnitsPerReservation: 0 },
      { maxUnitsPerReservation: 1.5 },
      { maxLiveReservationsPerClient: '3' },
      { maxLiveReservationsPerClient: 0 },
      { maxReservations: 3 },
    ]) {
      const res = await t.call<Problem>('PATCH', '/v1/stock/settings', bad);
      expect(res.status, JSON.stringify(bad)).toBe(422);
      expect(res.body.code).toBe('validation_failed');
    }
    expect((await t.call('GET', '/v1/stock/settings', undefined, t.publishableKey)).status).toBe(403);
    expect(
      (await t.call('PATCH', '/v1/stock/settings', { maxUnitsPerReservation: 99 }, t.publishableKey)).status,
    ).toBe(403);
  });
});

describe('per-address limits count an IPv6 client by its /64', () => {
  it('caps reservations across the addresses of one /64, not across /64s', async () => {
    for (const from of ['2001:db8::1', '2001:db8::2', '2001:0db8:0000:0000:0000:0000:0000:0003']) {
      expect((await reserve(1, from)).status, from).toBe(201);
    }
    expect((await reserve(1, '2001:db8::ffff')).status).toBe(429);
    expect((await reserve(1, '2001:db8:0:1::1')).status).toBe(201);
  });

  it('caps holds across the addresses of one /64', async () => {
    const salon = await setupSalon(t);
    const hold = (start: string, from: string) =>
      call(t, 'POST', '/v1/holds', {
        key: t.publishableKey,
        headers: { 'X-Forwarded-For': from },
        body: { service: salon.serviceId, start },
      });
    const starts = ['09:00', '10:00', '11:00', '14:00', '15:00'].map((h) => `2026-03-03T${h}:00Z`);
    expect((await hold(starts[0]!, '2001:db8::1')).status).toBe(201);
    expect((await hold(starts[1]!, '2001:db8::2')).status).toBe(201);
    expect((await hold(starts[2]!, '2001:db8::3%eth0')).status).toBe(201);
    expect((await hold(starts[3]!, '2001:db8::4')).status).toBe(429);
    expect((await hold(starts[4]!, '2001:db8:0:1::1')).status).toBe(201);
  });
});
