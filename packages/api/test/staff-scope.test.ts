/**
 * @module Staff sessions, tested against the API directly: a staff member sees and updates only
 * the bookings of the resources linked to them, and every other call is refused (403) — checked
 * for every route the app has, so a new route is closed to staff until it is put on the list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, customer } from './fixtures.js';
import { createTestApp, type TestApp } from './helpers.js';
import { addUser, asSession, signIn } from './session-helpers.js';

let t: TestApp;
let staff: string;
let ana: string;
let bruno: string;
let anaBooking: string;
let brunoBooking: string;

/** Calls staff may make (the rest must be 403); their answers are narrowed by the routes. */
const allowed = new Set([
  'GET /v1/business',
  'GET /v1/services',
  'GET /v1/services/:id',
  'GET /v1/resources',
  'GET /v1/resources/:id',
  'GET /v1/agenda',
  'GET /v1/bookings',
  'GET /v1/bookings/:id',
  'GET /v1/bookings/:id/events',
  'POST /v1/bookings/:id/arrive',
  'POST /v1/bookings/:id/complete',
  'POST /v1/bookings/:id/no-show',
  'PUT /v1/bookings/:id/notes',
  'GET /v1/products',
  'GET /v1/products/:sku',
  'GET /v1/products/:sku/stock',
  'GET /v1/locations',
  'GET /v1/locations/:id',
  'POST /v1/stock/adjustments',
  'GET /v1/stock/movements',
  'GET /v1/stock/stream',
  'POST /v1/stock/imports',
  'GET /v1/reservations',
  'GET /v1/reservations/:id',
  'POST /v1/reservations/:id/collect',
  'POST /v1/reservations/:id/release',
  'GET /v1/session',
  'DELETE /v1/session',
  'DELETE /v1/sessions',
  'POST /v1/session/password',
]);

beforeAll(async () => {
  t = await createTestApp();
  ana = t.catalog!.resourceIds.ana;
  bruno = t.catalog!.resourceIds.bruno;
  const book = async (resource: string, start: string) => {
    const res = await call<{ id: string }>(t, 'POST', '/v1/bookings', {
      body: { service: t.catalog!.serviceIds.haircut, start, resource, customer },
    });
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
    return res.body.id;
  };
  anaBooking = await book(ana, '2026-03-03T10:00:00Z');
  brunoBooking = await book(bruno, '2026-03-03T10:00:00Z');
  await addUser(
    t.db,
    t.businessId,
    { email: 'ana@salon.example', role: 'staff', resourceIds: [ana] },
    t.clock(),
  );
  staff = (await signIn(t, 'ana@salon.example')).cookie!;
}, 60_000);
afterAll(() => t?.close());

const ids = (list: { data: { id: string }[] }) => list.data.map((item) => item.id);

describe('a staff member', () => {
  it('sees only their resources, their bookings and their agenda', async () => {
    const resources = await asSession<{ data: { id: string }[] }>(t, staff, 'GET', '/v1/resources');
    expect(ids(resources.body)).toEqual([ana]);
    expect((await asSession(t, staff, 'GET', `/v1/resources/${bruno}`)).status).toBe(404);
    expect((await asSession(t, staff, 'GET', `/v1/resources/${ana}`)).status).toBe(200);

    const list = await asSession<{ data: { id: string }[] }>(t, staff, 'GET', '/v1/bookings');
    expect(ids(list.body)).toEqual([anaBooking]);
    const filtered = await asSession<{ data: unknown[] }>(t, staff, 'GET', `/v1/bookings?resource=${bruno}`);
    expect(filtered.body.data).toEqual([]);
    expect((await asSession(t, staff, 'GET', `/v1/bookings/${brunoBooking}`)).status).toBe(404);
    const mine = await asSession(t, staff, 'GET', `/v1/bookings/${anaBooking}`);
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ id: anaBooking, internalNotes: '', arrivedAt: null });

    const agenda = await asSession<{ resources: { id: string }[]; bookings: { id: string }[] }>(
      t,
      staff,
      'GET',
      '/v1/agenda?from=2026-03-02&to=2026-03-08',
    );
    expect(agenda.status).toBe(200);
    expect(agenda.body.resources.map((r) => r.id)).toEqual([ana]);
    expect(agenda.body.bookings.map((b) => b.id)).toEqual([anaBooking]);
    expect(
      (await asSession(t, staff, 'GET', `/v1/agenda?from=2026-03-02&to=2026-03-08&resource=${bruno}`)).status,
    ).toBe(404);
    expect((await asSession(t, staff, 'GET', `/v1/bookings/${brunoBooking}/events`)).status).toBe(404);
    const history = await asSession<{ data: { type: string }[] }>(
      t,
      staff,
      'GET',
      `/v1/bookings/${anaBooking}/events`,
    );
    expect(history.body.data.map((e) => e.type)).toEqual(['booking.created']);
  });

  it('marks arrived / completed and writes notes on their bookings only', async () => {
    t.clock.set('2026-03-03T09:55:00Z');
    // A day later: the first session has idled out.
    staff = (await signIn(t, 'ana@salon.example')).cookie!;
    for (const action of ['arrive', 'complete', 'no-show']) {
      expect((await asSession(t, staff, 'POST', `/v1/bookings/${brunoBooking}/${action}`)).status).toBe(404);
    }
    expect(
      (await asSession(t, staff, 'PUT', `/v1/bookings/${brunoBooking}/notes`, { internalNotes: 'x' })).status,
    ).toBe(404);
    const arrived = await asSession(t, staff, 'POST', `/v1/bookings/${anaBooking}/arrive`);
    expect(arrived.status).toBe(200);
    expect(arrived.body.arrivedAt).toBe('2026-03-03T09:55:00Z');
    expect((await asSession(t, staff, 'POST', `/v1/bookings/${anaBooking}/complete`)).status).toBe(409);
    t.clock.set('2026-03-03T10:40:00Z');
    const done = await asSession(t, staff, 'POST', `/v1/bookings/${anaBooking}/complete`);
    expect(done.body).toMatchObject({ status: 'completed' });
    const notes = await asSession(t, staff, 'PUT', `/v1/bookings/${anaBooking}/notes`, {
      internalNotes: 'Prefers Ana',
    });
    expect(notes.body).toMatchObject({ internalNotes: 'Prefers Ana' });
    // The business sees the same, with the staff member as the actor.
    const events = await call<{ data: { type: string; actor: { type: string; name?: string } }[] }>(
      t,
      'GET',
      `/v1/events?subject=${anaBooking}`,
    );
    expect(events.body.data.map((e) => [e.type, e.actor.type])).toEqual([
      ['booking.created', 'key'],
      ['booking.arrived', 'user'],
      ['booking.completed', 'user'],
      ['booking.notes_changed', 'user'],
    ]);
  });

  it('is refused (403) every call not on the staff list, on every route of the app', async () => {
    const routes = [
      ...new Set(
        t.app.routes
          .filter((r) => r.method !== 'ALL' && r.path.startsWith('/v1/'))
          .map((r) => `${r.method} ${r.path}`),
      ),
    ];
    // Signing in and one-time links need no session.
    const open = new Set(['POST /v1/session', 'POST /v1/invitations/lookup', 'POST /v1/invitations/accept']);
    const refused: string[] = [];
    for (const route of routes) {
      if (allowed.has(route) || open.has(route)) continue;
      const [method, path] = route.split(' ') as [string, string];
      const concrete = path.replace(/:(\w+)/g, (_m, name: string) =>
        name === 'id' && path.startsWith('/v1/bookings')
          ? anaBooking
          : name === 'id' && path.startsWith('/v1/resources')
            ? ana
            : 'x',
      );
      const res = await asSession(
        t,
        staff,
        method,
        concrete,
        method === 'GET' || method === 'DELETE' ? undefined : {},
      );
      if (res.status !== 403) refused.push(`${route} → ${res.status}`);
    }
    expect(refused).toEqual([]);
    expect(routes.length).toBeGreaterThan(60);
  });

  it('works the stock counter (levels, counts, ledger, hand-overs) but cannot change the catalogue of products', async () => {
    const must = async (res: Promise<{ status: number; body: unknown }>) => {
      const answer = await res;
      if (answer.status >= 300) throw new Error(JSON.stringify(answer.body));
    };
    await must(call(t, 'POST', '/v1/products', { body: { sku: 'COMB', name: 'Comb' } }));
    await must(call(t, 'POST', '/v1/locations', { body: { id: 'desk', name: 'Front desk' } }));
    const counted = await asSession(t, staff, 'POST', '/v1/stock/adjustments', {
      eventId: 'count-1',
      sku: 'COMB',
      locationId: 'desk',
      set: 5,
    });
    expect(counted.body).toMatchObject({ outcome: 'applied', onHand: 5 });
    const reserved = await call<{ id: string }>(t, 'POST', '/v1/reservations', {
      body: { sku: 'COMB', locationId: 'desk', quantity: 2, customer },
    });
    expect(reserved.status).toBe(201);
    const active = await asSession<{ data: { id: string }[] }>(
      t,
      staff,
      'GET',
      '/v1/reservations?status=active',
    );
    expect(ids(active.body)).toContain(reserved.body.id);
    const collected = await asSession(t, staff, 'POST', `/v1/reservations/${reserved.body.id}/collect`);
    expect(collected.body).toMatchObject({ status: 'collected' });
    const stock = await asSession<{ locations: { onHand: number }[] }>(
      t,
      staff,
      'GET',
      '/v1/products/COMB/stock',
    );
    expect(stock.body.locations[0]?.onHand).toBe(3);
    const ledger = await asSession<{ data: { delta: number }[] }>(
      t,
      staff,
      'GET',
      '/v1/stock/movements?sku=COMB',
    );
    expect(ledger.body.data.map((m) => m.delta)).toEqual([5, -2]);
    expect((await asSession(t, staff, 'POST', '/v1/products', { sku: 'X', name: 'X' })).status).toBe(403);
    expect((await asSession(t, staff, 'PATCH', '/v1/products/COMB', { name: 'Y' })).status).toBe(403);
  });
});
