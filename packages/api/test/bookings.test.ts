/**
 * @module The booking flow: availability, holds, bookings, manage tokens, cut-offs, questions, confirmation.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { call, customer, setupSalon } from './fixtures.js';
import { createTestApp, type TestApp } from './helpers.js';

let t: TestApp;
afterEach(async () => t?.close());

// The test clock starts Monday 2026-03-02 08:00Z; Lisbon is on UTC in early March.
const slot = '2026-03-03T09:00:00Z';

describe('availability, holds and bookings', () => {
  it('offers the split weekday hours as slots and books one, then that slot is gone', async () => {
    t = await createTestApp();
    const salon = await setupSalon(t);
    const avail = await call<{ timezone: string; slots: { start: string; remaining: number }[] }>(
      t,
      'GET',
      `/v1/availability?service=${salon.serviceId}&from=2026-03-03&to=2026-03-03`,
      { key: t.publishableKey },
    );
    expect(avail.status).toBe(200);
    expect(avail.body.timezone).toBe('Europe/Lisbon');
    const starts = avail.body.slots.map((s) => s.start);
    expect(starts[0]).toBe(slot);
    expect(starts).toContain('2026-03-03T11:30:00Z');
    expect(starts).not.toContain('2026-03-03T12:00:00Z'); // lunch break
    expect(starts).toContain('2026-03-03T13:00:00Z');

    const booked = await call<{ id: string; status: string; manageToken: string; customer: unknown }>(
      t,
      'POST',
      '/v1/bookings',
      { key: t.publishableKey, body: { service: salon.serviceId, start: slot, customer } },
    );
    expect(booked.status).toBe(201);
    expect(booked.body).toMatchObject({
      status: 'confirmed',
      start: slot,
      end: '2026-03-03T09:30:00Z',
      customer,
    });
    expect(booked.body.manageToken).toMatch(/^mt_/);

    const after = await call<{ slots: { start: string }[] }>(
      t,
      'GET',
      `/v1/availability?service=${salon.serviceId}&from=2026-03-03&to=2026-03-03`,
      { key: t.publishableKey },
    );
    expect(after.body.slots.map((s) => s.start)).not.toContain(slot);

    const again = await call(t, 'POST', '/v1/bookings', {
      key: t.publishableKey,
      body: { service: salon.serviceId, start: slot, customer },
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'slot_unavailable' });
  });

  it('converts a hold into a booking without counting its seat twice; holds expire by time', async () => {
    t = await createTestApp();
    const salon = await setupSalon(t);
    const hold = await call<{ id: string; expiresAt: string }>(t, 'POST', '/v1/holds', {
      key: t.publishableKey,
      body: { service: salon.serviceId, start: slot },
    });
    expect(hold.status).toBe(201);
    expect(hold.body.expiresAt).toBe('2026-03-02T08:10:00Z');
    // Someone else cannot take the held slot...
    const other = await call(t, 'POST', '/v1/bookings', {
      key: t.publishableKey,
      body: { service: salon.serviceId, start: slot, customer },
    });
    expect(other.body).toMatchObject({ code: 'slot_unavailable' });
    // ...but the holder can.
    const mine = await call(t, 'POST', '/v1/bookings', {
      key: t.publishableKey,
      body: { service: salon.serviceId, start: slot, holdId: hold.body.id, customer },
    });
    expect(mine.status).toBe(201);

    const second = await call(t, 'POST', '/v1/holds', {
      key: t.publishableKey,
      body: { service: salon.serviceId, start: '2026-03-03T10:00:00Z' },
    });
    expect(second.status).toBe(201);
    t.clock.advance(11 * 60_000);
    const afterExpiry = await call(t, 'POST', '/v1/bookings', {
      key: t.publishableKey,
      body: { service: salon.serviceId, start: '2026-03-03T10:00:00Z', customer },
    });
    expect(afterExpiry.status).toBe(201);
  });

  it('fills a class to its capacity and then refuses', async () => {
    t = await createTestApp();
    const salon = await setupSalon(t);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await call(t, 'POST', '/v1/bookings', {
        key: t.publishableKey,
        body: { service: salon.classId, start: '2026-03-04T10:00:00Z', customer },
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([201, 201, 201, 409]);
  });

  it('lets the customer read, reschedule and cancel with the manage token only', async () => {
    t = await createTestApp();
    const salon = await setupSalon(t, { cancellationCutoffMinutes: 24 * 60 });
    const booked = await call<{ id: string; manageToken: string }>(t, 'POST', '/v1/bookings', {
      key: t.publishableKey,
      body: { service: salon.serviceId, start: '2026-03-05T09:00:00Z', customer, notes: '<b>hi</b>' },
    });
    const { id, manageToken } = booked.body;
    const pk = { key: t.publishableKey };
    expect((await call(t, 'GET', `/v1/bookings/${id}`, pk)).status).toBe(404);
    expect((await call(t, 'GET', `/v1/bookings/${id}?token=wrong`, pk)).status).toBe(404);
    const mine = await call(t, 'GET', `/v1/bookings/${id}?token=${manageToken}`, pk);
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ id, customer, notes: '<b>hi</b>' });
    expect(mine.body.manageToken).toBeUndefined();

    const moved = await call(t, 'POST', `/v1/bookings/${id}/reschedule?token=${manageToken}`, {
      ...pk,
      body: { start: '2026-03-05T10:00:00Z' },
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ start: '2026-03-05T10:00:00Z', end: '2026-03-05T10:30:00Z' });

    const ics = await t.app.request(`/v1/bookings/${id}/ics?token=${manageToken}`, {
      headers: { Authorization: `Bearer ${t.publishableKey}` },
    });
    expect(ics.headers.get('content-type')).toContain('text/calendar');
    expect(await ics.text()).toContain('DTSTART:20260305T100000Z');

    // 24 h cut-off: on the day before at 11:00 the customer is too late, the business is not.
    t.clock.set('2026-03-04T11:00:00Z');
    const late = await call(t, 'POST', `/v1/bookings/${id}/cancel?token=${manageToken}`, pk);
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'cutoff_passed' });
    const byBusiness = await call(t, 'POST', `/v1/bookings/${id}/cancel`, { body: { reason: 'ill' } });
    expect(byBusiness.status).toBe(200);
    expect(byBusiness.body).toMatchObject({ status: 'cancelled', cancelReason: 'ill' });
    const twice = await call(t, 'POST', `/v1/bookings/${id}/cancel`, {});
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ code: 'invalid_state' });
  });

  it('validates answers against the questions and holds confirmation-required bookings as pending', async () => {
    t = await createTestApp();
    const salon = await setupSalon(t, {
      requiresConfirmation: true,
      questions: [
        { id: 'colour', label: 'Colour', type: 'select', required: true, options: ['red', 'blue'] },
        { id: 'notes', label: 'Notes', type: 'text' },
      ],
    });
    const base = { service: salon.serviceId, start: slot, customer };
    const bad = await call<{ errors: { path: string; code: string }[] }>(t, 'POST', '/v1/bookings', {
      key: t.publishableKey,
      body: { ...base, answers: { colour: 'green', shoe: 'x' } },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e) => e.path).sort()).toEqual(['answers.colour', 'answers.shoe']);
    const missing = await call<{ errors: { path: string; code: string }[] }>(t, 'POST', '/v1/bookings', {
      key: t.publishableKey,
      body: base,
    });
    expect(missing.body.errors).toEqual([
      expect.objectContaining({ path: 'answers.colour', code: 'required' }),
    ]);
    const ok = await call<{ id: string; status: string }>(t, 'POST', '/v1/bookings', {
      key: t.publishableKey,
      body: { ...base, answers: { colour: 'red' } },
    });
    expect(ok.body.status).toBe('pending');
    const confirmed = await call(t, 'POST', `/v1/bookings/${ok.body.id}/confirm`);
    expect(confirmed.body).toMatchObject({ status: 'confirmed' });
    const again = await call(t, 'POST', `/v1/bookings/${ok.body.id}/decline`);
    expect(again.body).toMatchObject({ code: 'invalid_state' });
    const byPk = await call(t, 'POST', `/v1/bookings/${ok.body.id}/confirm`, { key: t.publishableKey });
    expect(byPk.status).toBe(403);
  });
});
