/**
 * @module What the console needs of bookings: completed / no-show (not before the start), arrival,
 * internal notes that customers never see, bookings by the business outside the booking window
 * (never over capacity), the agenda in one answer, and the actor of every change in the log.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { call, customer } from './fixtures.js';
import { createTestApp, type TestApp } from './helpers.js';
import { addUser, asSession, signIn } from './session-helpers.js';

let t: TestApp;
afterEach(async () => t?.close());

interface BookingAnswer {
  id: string;
  status: string;
  manageToken?: string;
  internalNotes?: string;
  arrivedAt?: string | null;
}

async function booked(start = '2026-03-03T10:00:00Z', service = t.catalog!.serviceIds.haircut) {
  const res = await call<BookingAnswer>(t, 'POST', '/v1/bookings', {
    key: t.publishableKey,
    body: { service, start, resource: t.catalog!.resourceIds.ana, customer },
  });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  return res.body;
}

describe('outcomes', () => {
  it('completes or marks a no-show only once the booking has started', async () => {
    t = await createTestApp();
    const a = await booked('2026-03-03T10:00:00Z');
    const b = await booked('2026-03-03T11:00:00Z');
    const early = await call(t, 'POST', `/v1/bookings/${a.id}/complete`);
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({
      code: 'invalid_state',
      detail: 'This booking starts at 2026-03-03T10:00Z; it can be marked completed once it has started',
    });
    expect((await call(t, 'POST', `/v1/bookings/${b.id}/no-show`)).status).toBe(409);
    t.clock.set('2026-03-03T11:05:00Z');
    expect((await call(t, 'POST', `/v1/bookings/${a.id}/complete`)).body).toMatchObject({
      status: 'completed',
    });
    expect((await call(t, 'POST', `/v1/bookings/${b.id}/no-show`)).body).toMatchObject({ status: 'no_show' });
    // Over is over: no cancelling, no rescheduling, no second outcome.
    expect((await call(t, 'POST', `/v1/bookings/${a.id}/cancel`, { body: {} })).status).toBe(409);
    expect((await call(t, 'POST', `/v1/bookings/${b.id}/complete`)).status).toBe(409);
    expect(
      (await call(t, 'POST', `/v1/bookings/${a.id}/reschedule`, { body: { start: '2026-03-04T10:00:00Z' } }))
        .status,
    ).toBe(409);
    // Publishable keys cannot record outcomes.
    expect((await call(t, 'POST', `/v1/bookings/${a.id}/complete`, { key: t.publishableKey })).status).toBe(
      403,
    );
    const completed = await call<{ data: { id: string }[] }>(t, 'GET', '/v1/bookings?status=completed');
    expect(completed.body.data.map((x) => x.id)).toEqual([a.id]);
  });

  it('an arrived customer is no no-show; pending bookings are confirmed first', async () => {
    t = await createTestApp();
    const a = await booked('2026-03-03T10:00:00Z');
    const pending = await call<BookingAnswer>(t, 'POST', '/v1/bookings', {
      body: {
        service: t.catalog!.serviceIds.colourConsultation,
        start: '2026-03-03T11:00:00Z',
        customer,
        answers: { 'hair-length': 'Short' },
      },
    });
    expect(pending.body.status).toBe('pending');
    t.clock.set('2026-03-03T09:50:00Z');
    expect((await call<BookingAnswer>(t, 'POST', `/v1/bookings/${a.id}/arrive`)).body.arrivedAt).toBe(
      '2026-03-03T09:50:00Z',
    );
    t.clock.set('2026-03-03T10:10:00Z');
    expect((await call(t, 'POST', `/v1/bookings/${a.id}/no-show`)).status).toBe(409);
    const notYet = await call(t, 'POST', `/v1/bookings/${pending.body.id}/arrive`);
    expect(notYet.body).toMatchObject({
      code: 'invalid_state',
      detail: 'This booking awaits confirmation: confirm it first',
    });
  });
});

describe('internal notes', () => {
  it('are the business’s: never in the customer’s view, nor in the event log', async () => {
    t = await createTestApp();
    const a = await booked();
    const written = await call<BookingAnswer>(t, 'PUT', `/v1/bookings/${a.id}/notes`, {
      body: { internalNotes: 'Allergic to lavender — use the plain shampoo' },
    });
    expect(written.body.internalNotes).toBe('Allergic to lavender — use the plain shampoo');
    const customerView = await call(t, 'GET', `/v1/bookings/${a.id}?token=${a.manageToken}`, {
      key: t.publishableKey,
    });
    expect(customerView.status).toBe(200);
    expect(JSON.stringify(customerView.body)).not.toContain('lavender');
    expect(customerView.body).not.toHaveProperty('internalNotes');
    const cancelled = await call(t, 'POST', `/v1/bookings/${a.id}/cancel?token=${a.manageToken}`, {
      key: t.publishableKey,
      body: {},
    });
    expect(JSON.stringify(cancelled.body)).not.toContain('lavender');
    const events = await call(t, 'GET', '/v1/events?limit=100');
    expect(JSON.stringify(events.body)).not.toContain('lavender');
    expect(
      (
        await call(t, 'PUT', `/v1/bookings/${a.id}/notes`, {
          key: t.publishableKey,
          body: { internalNotes: 'x' },
        })
      ).status,
    ).toBe(403);
  });
});

describe('booking for a customer', () => {
  it('lets the business ignore notice and horizon, never capacity; not a publishable key', async () => {
    t = await createTestApp();
    const haircut = t.catalog!.serviceIds.haircut;
    const ana = t.catalog!.resourceIds.ana;
    t.clock.set('2026-03-02T08:30:00Z');
    // 09:00 today is inside the 60-minute notice; 100 days ahead is past the 60-day horizon.
    const soon = '2026-03-02T09:00:00Z';
    const far = '2026-06-10T09:00:00Z';
    // The availability the console picks from opens the same window.
    const q = `/v1/availability?service=${haircut}&resource=${ana}&from=2026-03-02&to=2026-03-02`;
    const plain = await call<{ slots: { start: string }[] }>(t, 'GET', q);
    const wide = await call<{ slots: { start: string }[] }>(t, 'GET', `${q}&ignoreBookingWindow=true`);
    expect(plain.body.slots.map((s) => s.start)).not.toContain(soon);
    expect(wide.body.slots.map((s) => s.start)).toContain(soon);
    expect((await call(t, 'GET', `${q}&ignoreBookingWindow=true`, { key: t.publishableKey })).status).toBe(
      403,
    );

    const body = (start: string, extra = {}) => ({
      service: haircut,
      start,
      resource: ana,
      customer,
      ...extra,
    });
    expect((await call(t, 'POST', '/v1/bookings', { body: body(soon) })).status).toBe(409);
    expect((await call(t, 'POST', '/v1/bookings', { body: body(far) })).status).toBe(409);
    expect(
      (await call(t, 'POST', '/v1/bookings', { body: body(soon, { ignoreBookingWindow: true }) })).status,
    ).toBe(201);
    expect(
      (await call(t, 'POST', '/v1/bookings', { body: body(far, { ignoreBookingWindow: true }) })).status,
    ).toBe(201);
    // Capacity holds: the same seat again is taken.
    const again = await call(t, 'POST', '/v1/bookings', { body: body(soon, { ignoreBookingWindow: true }) });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'slot_unavailable' });
    const pk = await call(t, 'POST', '/v1/bookings', {
      key: t.publishableKey,
      body: body('2026-06-11T09:00:00Z', { ignoreBookingWindow: true }),
    });
    expect(pk.status).toBe(403);
    // A reschedule by the business may also move inside the notice.
    const later = await call<BookingAnswer>(t, 'POST', '/v1/bookings', {
      body: body('2026-03-04T10:00:00Z'),
    });
    const moved = await call(t, 'POST', `/v1/bookings/${later.body.id}/reschedule`, {
      body: { start: '2026-03-02T10:00:00Z', ignoreBookingWindow: true },
    });
    expect(moved.status).toBe(200);
  });
});

describe('agenda', () => {
  it('answers bookings, holds, time off, overrides and closures of a date range in one call', async () => {
    t = await createTestApp();
    const ana = t.catalog!.resourceIds.ana;
    const a = await booked('2026-03-03T10:00:00Z');
    const cancelled = await booked('2026-03-03T11:00:00Z');
    await call(t, 'POST', `/v1/bookings/${cancelled.id}/cancel`, { body: {} });
    await booked('2026-03-10T10:00:00Z'); // outside the range
    const hold = await call<{ id: string }>(t, 'POST', '/v1/holds', {
      key: t.publishableKey,
      body: { service: t.catalog!.serviceIds.haircut, start: '2026-03-04T10:00:00Z', resource: ana },
    });
    await call(t, 'POST', `/v1/resources/${ana}/time-off`, {
      body: { start: '2026-03-05T09:00:00Z', end: '2026-03-05T12:00:00Z', reason: 'Dentist' },
    });
    await call(t, 'POST', `/v1/resources/${ana}/overrides`, {
      body: { date: '2026-03-06', intervals: [{ start: '10:00', end: '14:00' }] },
    });
    await call(t, 'POST', '/v1/closures', {
      body: { startDate: '2026-03-07', endDate: '2026-03-07', reason: 'Holiday' },
    });
    const agenda = await call<
      Record<string, { id?: string; reason?: string; date?: string; name?: string }[]>
    >(t, 'GET', `/v1/agenda?from=2026-03-02&to=2026-03-08&resource=${ana}`);
    expect(agenda.status).toBe(200);
    expect(agenda.body).toMatchObject({ timezone: 'Europe/Lisbon', from: '2026-03-02', to: '2026-03-08' });
    expect(agenda.body.resources!.map((r) => r.name)).toEqual(['Ana']);
    expect(agenda.body.bookings!.map((b) => b.id)).toEqual([a.id]);
    expect(agenda.body.holds!.map((h) => h.id)).toEqual([hold.body.id]);
    expect(agenda.body.timeOff!.map((x) => x.reason)).toEqual(['Dentist']);
    expect(agenda.body.overrides!.map((x) => x.date)).toEqual(['2026-03-06']);
    expect(agenda.body.closures!.map((x) => x.reason)).toEqual(['Holiday']);
    // Without `resource`: every resource is a column.
    const all = await call<{ resources: unknown[] }>(t, 'GET', '/v1/agenda?from=2026-03-02&to=2026-03-02');
    expect(all.body.resources).toHaveLength(3);
    expect((await call(t, 'GET', '/v1/agenda?from=2026-03-02&to=2026-05-02')).status).toBe(422);
    expect(
      (await call(t, 'GET', '/v1/agenda?from=2026-03-02&to=2026-03-03', { key: t.publishableKey })).status,
    ).toBe(403);
  });
});

describe('audit', () => {
  it('names the actor of every change: a person, a key, or the server', async () => {
    t = await createTestApp();
    await addUser(t.db, t.businessId, { email: 'olga@salon.example', name: 'Olga' }, t.clock());
    const owner = (await signIn(t, 'olga@salon.example')).cookie!;
    const a = await booked();
    await asSession(t, owner, 'POST', `/v1/bookings/${a.id}/cancel`, { reason: 'Customer phoned' });
    const keys = await call<{ data: { id: string; kind: string }[] }>(t, 'GET', '/v1/keys');
    const pk = keys.body.data.find((k) => k.kind === 'publishable')!.id;
    const events = await asSession<{ data: { type: string; actor: unknown; payload: { by?: string } }[] }>(
      t,
      owner,
      'GET',
      `/v1/events?subject=${a.id}`,
    );
    expect(events.body.data.map((e) => [e.type, e.actor])).toEqual([
      ['booking.created', { type: 'key', id: pk }],
      ['booking.cancelled', { type: 'user', id: expect.stringMatching(/^usr_/), name: 'Olga' }],
    ]);
    // Made by the server itself (seeding): no actor.
    const seeded = await call<{ data: { actor: unknown }[] }>(
      t,
      'GET',
      '/v1/events?type=service.created&limit=1',
    );
    expect(seeded.body.data[0]?.actor).toEqual({ type: 'system', id: null });
    // A booking's history is its events, for the business only.
    const history = await asSession<{ data: { type: string }[] }>(
      t,
      owner,
      'GET',
      `/v1/bookings/${a.id}/events`,
    );
    expect(history.body.data.map((e) => e.type)).toEqual(['booking.created', 'booking.cancelled']);
  });
});
