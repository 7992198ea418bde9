/**
 * @module Booking rules beyond the happy path: reschedule, holds, notice, decline, list filters, rate limits.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { call, customer, setupSalon } from './fixtures.js';
import { createTestApp, type TestApp } from './helpers.js';

let t: TestApp;
afterEach(async () => t?.close());

const book = (serviceId: string, start: string, extra: Record<string, unknown> = {}) =>
  call<{ id: string; manageToken: string; status: string; resourceId: string }>(t, 'POST', '/v1/bookings', {
    key: t.publishableKey,
    body: { service: serviceId, start, customer, ...extra },
  });

describe('booking rules', () => {
  it('reschedule re-checks availability (not counting itself) and binds the customer by its cut-off', async () => {
    t = await createTestApp({ catalog: false });
    const salon = await setupSalon(t, { rescheduleCutoffMinutes: 120 });
    const a = await book(salon.serviceId, '2026-03-03T09:00:00Z');
    await book(salon.serviceId, '2026-03-03T10:00:00Z');
    const pk = { key: t.publishableKey };
    const taken = await call(t, 'POST', `/v1/bookings/${a.body.id}/reschedule?token=${a.body.manageToken}`, {
      ...pk,
      body: { start: '2026-03-03T10:00:00Z' },
    });
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ code: 'slot_unavailable' });
    // Moving by 30 minutes overlaps its own old time: allowed, it does not block itself.
    const shifted = await call(
      t,
      'POST',
      `/v1/bookings/${a.body.id}/reschedule?token=${a.body.manageToken}`,
      {
        ...pk,
        body: { start: '2026-03-03T09:30:00Z' },
      },
    );
    expect(shifted.status).toBe(200);
    const outside = await call(
      t,
      'POST',
      `/v1/bookings/${a.body.id}/reschedule?token=${a.body.manageToken}`,
      {
        ...pk,
        body: { start: '2026-03-03T12:00:00Z' }, // lunch break
      },
    );
    expect(outside.body).toMatchObject({ code: 'slot_unavailable' });
    t.clock.set('2026-03-03T08:00:00Z'); // 90 minutes before: inside the 120-minute cut-off
    const late = await call(t, 'POST', `/v1/bookings/${a.body.id}/reschedule?token=${a.body.manageToken}`, {
      ...pk,
      body: { start: '2026-03-03T15:00:00Z' },
    });
    expect(late.body).toMatchObject({ code: 'cutoff_passed' });
    const byBusiness = await call(t, 'POST', `/v1/bookings/${a.body.id}/reschedule`, {
      body: { start: '2026-03-03T15:00:00Z' },
    });
    expect(byBusiness.status).toBe(200);
    const events = await call<{ data: { type: string }[] }>(t, 'GET', '/v1/events?type=booking.rescheduled');
    expect(events.body.data).toHaveLength(2);
  });

  it('checks holds and resources given with a booking', async () => {
    t = await createTestApp({ catalog: false });
    const salon = await setupSalon(t);
    const hold = await call<{ id: string }>(t, 'POST', '/v1/holds', {
      key: t.publishableKey,
      body: { service: salon.serviceId, start: '2026-03-03T09:00:00Z' },
    });
    const mismatch = await book(salon.serviceId, '2026-03-03T09:30:00Z', { holdId: hold.body.id });
    expect(mismatch.status).toBe(422);
    expect(mismatch.body).toMatchObject({ errors: [{ path: 'holdId' }] });
    const other = await call<{ id: string }>(t, 'POST', '/v1/resources', { body: { name: 'Not eligible' } });
    const wrong = await book(salon.serviceId, '2026-03-03T10:00:00Z', { resource: other.body.id });
    expect(wrong.status).toBe(422);
    expect(wrong.body).toMatchObject({ errors: [{ path: 'resource' }] });
    const tooSoon = await book(salon.serviceId, '2026-03-02T08:30:00Z'); // 60 minutes notice by default
    expect(tooSoon.body).toMatchObject({ code: 'slot_unavailable' });
    const offGrid = await book(salon.serviceId, '2026-03-03T09:10:00Z');
    expect(offGrid.body).toMatchObject({ code: 'slot_unavailable' });
    // An expired hold is no error: the slot is booked if still free.
    t.clock.advance(11 * 60_000);
    const expired = await book(salon.serviceId, '2026-03-03T09:00:00Z', { holdId: hold.body.id });
    expect(expired.status).toBe(201);
  });

  it('declines pending bookings with a reason, and filters the business list', async () => {
    t = await createTestApp({ catalog: false });
    const salon = await setupSalon(t, { requiresConfirmation: true });
    const a = await book(salon.serviceId, '2026-03-03T09:00:00Z');
    const b = await call<{ id: string }>(t, 'POST', '/v1/bookings', {
      key: t.publishableKey,
      body: {
        service: salon.serviceId,
        start: '2026-03-04T09:00:00Z',
        customer: { name: 'Bo', email: 'bo@example.com' },
      },
    });
    expect(a.body.status).toBe('pending');
    const declined = await call(t, 'POST', `/v1/bookings/${a.body.id}/decline`, {
      body: { reason: 'fully booked' },
    });
    expect(declined.body).toMatchObject({ status: 'cancelled', cancelReason: 'fully booked' });
    // A declined booking frees its slot.
    expect((await book(salon.serviceId, '2026-03-03T09:00:00Z')).status).toBe(201);
    const list = async (q: string) =>
      (await call<{ data: { id: string }[] }>(t, 'GET', `/v1/bookings?${q}`)).body.data.map((x) => x.id);
    expect(await list('status=cancelled')).toEqual([a.body.id]);
    expect(await list('email=bo@example.com')).toEqual([b.body.id]);
    expect(await list('from=2026-03-04&to=2026-03-04')).toEqual([b.body.id]);
    expect(await list(`service=${salon.classId}`)).toEqual([]);
    const bad = await call(t, 'GET', '/v1/bookings?status=lost');
    expect(bad.status).toBe(422);
  });

  it('rate limits cancel and reschedule as public writes', async () => {
    t = await createTestApp({ catalog: false, rateLimit: { limit: 60, windowSeconds: 60, burst: 2 } });
    const salon = await setupSalon(t);
    const a = await book(salon.serviceId, '2026-03-03T09:00:00Z'); // spends 1
    const path = `/v1/bookings/${a.body.id}/reschedule?token=${a.body.manageToken}`;
    const first = await call(t, 'POST', path, {
      key: t.publishableKey,
      body: { start: '2026-03-03T10:00:00Z' },
    });
    expect(first.status).toBe(200);
    const second = await call(t, 'POST', `/v1/bookings/${a.body.id}/cancel?token=${a.body.manageToken}`, {
      key: t.publishableKey,
    });
    expect(second.status).toBe(429);
    // Secret keys have their own bucket.
    expect((await call(t, 'POST', `/v1/bookings/${a.body.id}/cancel`)).status).toBe(200);
  });
});
