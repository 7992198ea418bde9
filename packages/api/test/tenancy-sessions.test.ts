/**
 * @module Two businesses on one server: the owner of one, signed in to the console, calls EVERY
 * route of the API with the other business's ids (and plausible bodies). No answer may carry the
 * other business's data, and nothing of it may change.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedCatalog } from '../src/services/demo.js';
import { call, customer } from './fixtures.js';
import { addBusiness, createTestApp, type TestApp } from './helpers.js';
import { addUser, asSession, signIn } from './session-helpers.js';

let t: TestApp;
let owner: string;
/** The other business: its keys and the ids of one of everything it has. */
let b: Awaited<ReturnType<typeof seedOther>>;

async function seedOther() {
  const other = await addBusiness(t.db, t.clock(), 'Private Business B');
  const catalog = await t.db.write((tx) => seedCatalog(tx, other.businessId, t.clock()));
  const as = <T = { id: string }>(method: string, path: string, body?: unknown) =>
    call<T>(t, method, path, { key: other.secretKey, ...(body !== undefined ? { body } : {}) });
  const ana = catalog.resourceIds.ana;
  const haircut = catalog.serviceIds.haircut;
  const booking = await as('POST', '/v1/bookings', {
    service: haircut,
    start: '2026-03-03T10:00:00Z',
    resource: ana,
    customer: { name: 'B Customer', email: 'b-customer@example.com' },
  });
  const hold = await as('POST', '/v1/holds', {
    service: haircut,
    start: '2026-03-03T11:00:00Z',
    resource: ana,
  });
  const override = await as('POST', `/v1/resources/${ana}/overrides`, { date: '2026-03-10', intervals: [] });
  const timeOff = await as('POST', `/v1/resources/${ana}/time-off`, {
    start: '2026-03-11T09:00:00Z',
    end: '2026-03-11T12:00:00Z',
  });
  const closure = await as('POST', '/v1/closures', {
    startDate: '2026-04-25',
    endDate: '2026-04-25',
    reason: 'B holiday',
  });
  await as('POST', '/v1/locations', { id: 'b-shop', name: 'B shop' });
  await as('POST', '/v1/products', { sku: 'B-SKU', name: 'B product' });
  await as('POST', '/v1/stock/adjustments', { eventId: 'b-1', sku: 'B-SKU', locationId: 'b-shop', set: 5 });
  const reservation = await as('POST', '/v1/reservations', {
    sku: 'B-SKU',
    locationId: 'b-shop',
    quantity: 1,
    customer: { name: 'B Customer', email: 'b-customer@example.com' },
  });
  const keys = await as<{ data: { id: string }[] }>('GET', '/v1/keys');
  const user = await addUser(
    t.db,
    other.businessId,
    { email: 'staff@b.example', role: 'staff', resourceIds: [ana] },
    t.clock(),
  );
  for (const res of [booking, hold, override, timeOff, closure, reservation]) {
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  }
  return {
    ...other,
    as,
    ids: {
      business: other.businessId,
      ana,
      haircut,
      booking: booking.body.id,
      hold: hold.body.id,
      override: override.body.id,
      timeOff: timeOff.body.id,
      closure: closure.body.id,
      reservation: reservation.body.id,
      key: keys.body.data[0]!.id,
      user: user.id,
    },
  };
}

/** B as its own secret key sees it: compared before and after A's attempts. */
async function snapshotOfB() {
  const { ana, haircut, booking, reservation } = b.ids;
  const paths = [
    '/v1/business',
    `/v1/services/${haircut}`,
    `/v1/resources/${ana}`,
    `/v1/resources/${ana}/overrides`,
    `/v1/resources/${ana}/time-off`,
    '/v1/closures',
    `/v1/bookings/${booking}`,
    '/v1/keys',
    '/v1/users',
    '/v1/products/B-SKU/stock',
    '/v1/locations/b-shop',
    `/v1/reservations/${reservation}`,
    '/v1/events?limit=100',
  ];
  return Promise.all(paths.map(async (path) => JSON.stringify((await b.as('GET', path)).body)));
}

beforeAll(async () => {
  t = await createTestApp();
  await addUser(t.db, t.businessId, { email: 'owner@a.example' }, t.clock());
  b = await seedOther();
  owner = (await signIn(t, 'owner@a.example')).cookie!;
}, 60_000);
afterAll(() => t?.close());

it("an owner's session reaches nothing of another business, on every route", async () => {
  const before = await snapshotOfB();
  const { ids } = b;
  const param = (path: string, name: string): string => {
    if (name === 'overrideId') return ids.override;
    if (name === 'timeOffId') return ids.timeOff;
    if (name === 'sku') return 'B-SKU';
    const section = path.split('/')[2];
    const byPath: Record<string, string> = {
      services: ids.haircut,
      resources: ids.ana,
      closures: ids.closure,
      holds: ids.hold,
      bookings: ids.booking,
      keys: ids.key,
      locations: 'b-shop',
      reservations: ids.reservation,
      users: ids.user,
    };
    return byPath[section ?? ''] ?? 'x';
  };
  const start = '2026-03-03T12:00:00Z';
  const bodies: Record<string, unknown> = {
    'PATCH /v1/business': { name: 'A renamed' },
    'POST /v1/services': { name: 'S', durationMinutes: 30, resourceIds: [ids.ana] },
    'PATCH /v1/services/:id': { name: 'Hijacked' },
    'PUT /v1/services/:id/products': [],
    'POST /v1/resources': { name: 'A resource' },
    'PATCH /v1/resources/:id': { name: 'Hijacked' },
    'PUT /v1/resources/:id/hours': {},
    'POST /v1/resources/:id/overrides': { date: '2026-03-12', intervals: [] },
    'POST /v1/resources/:id/time-off': { start: '2026-03-12T09:00:00Z', end: '2026-03-12T10:00:00Z' },
    'POST /v1/closures': { startDate: '2026-05-01', endDate: '2026-05-01' },
    'POST /v1/holds': { service: ids.haircut, start, resource: ids.ana },
    'POST /v1/bookings': { service: ids.haircut, start, resource: ids.ana, customer },
    'POST /v1/bookings/:id/cancel': {},
    'POST /v1/bookings/:id/reschedule': { start },
    'POST /v1/bookings/:id/decline': {},
    'PUT /v1/bookings/:id/notes': { internalNotes: 'Hijacked' },
    'POST /v1/keys': { kind: 'publishable' },
    'POST /v1/products': { sku: 'A-NEW', name: 'A product' },
    'PATCH /v1/products/:sku': { name: 'Hijacked' },
    'POST /v1/locations': { id: 'a-shop', name: 'A shop' },
    'PATCH /v1/locations/:id': { name: 'Hijacked' },
    'PATCH /v1/stock/settings': {},
    'POST /v1/stock/adjustments': { eventId: 'a-1', sku: 'B-SKU', locationId: 'b-shop', delta: -5 },
    'POST /v1/reservations': { sku: 'B-SKU', locationId: 'b-shop', quantity: 1, customer },
    'POST /v1/users': { email: 'new@a.example', role: 'staff', resourceIds: [ids.ana] },
    'PATCH /v1/users/:id': { name: 'Hijacked', role: 'owner' },
  };
  const queries: Record<string, string> = {
    'GET /v1/availability': `?service=${ids.haircut}&from=2026-03-03&to=2026-03-04`,
    'GET /v1/agenda': `?from=2026-03-02&to=2026-03-08&resource=${ids.ana}`,
    'GET /v1/bookings': `?resource=${ids.ana}`,
    'GET /v1/events': `?subject=${ids.booking}`,
  };
  const routes = [
    ...new Set(
      t.app.routes
        .filter((r) => r.method !== 'ALL' && r.path.startsWith('/v1/'))
        .map((r) => `${r.method} ${r.path}`),
    ),
  ];
  // Signing out and changing the password concern only the person asking: last, so the rest runs signed in.
  const personal = ['POST /v1/session/password', 'DELETE /v1/sessions', 'DELETE /v1/session'];
  routes.sort((x, y) => Number(personal.includes(x)) - Number(personal.includes(y)));
  const secrets = [
    ...Object.values(ids),
    'Private Business B',
    'b-customer@example.com',
    'B holiday',
    'B product',
  ];
  const leaks: string[] = [];
  const reached: string[] = [];
  for (const route of routes) {
    const [method, path] = route.split(' ') as [string, string];
    const concrete =
      path.replace(/:(\w+)/g, (_m, name: string) => param(path, name)) + (queries[route] ?? '');
    const body = route in bodies ? bodies[route] : method === 'GET' || method === 'DELETE' ? undefined : {};
    const res = await asSession(t, owner, method, concrete, body);
    const text = JSON.stringify(res.body);
    // What the request itself carried may be echoed (a problem's `instance`, a field error); the
    // rest of B must not appear.
    const asked = concrete + JSON.stringify(body ?? '');
    const leaked = secrets.filter((s) => !asked.includes(s) && text.includes(s));
    if (leaked.length) leaks.push(`${route} → ${res.status} shows ${leaked.join(', ')}`);
    // A route about one of B's things must not succeed.
    if (path.includes(':') && res.status < 300) reached.push(`${route} → ${res.status}`);
  }
  expect(leaks).toEqual([]);
  expect(reached).toEqual([]);
  expect(routes.length).toBeGreaterThan(60);
  expect(await snapshotOfB()).toEqual(before);
});
