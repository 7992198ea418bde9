/**
 * @module The stock report against a history made through the API (counts, sales, deliveries,
 * reservations collected, released and left to expire, in February and March): units per product
 * and location, reservation outcomes and products below threshold, each compared with a plain
 * JavaScript tally of the actions the test took. Also tenant isolation and the query plans.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stockReportQueries } from '../src/services/reports/stock-queries.js';
import { addBusiness } from './helpers.js';
import { createStockTestApp, type StockTestApp } from './stock-fixtures.js';

let t: StockTestApp;

/** What the test did, in order; the expectations are tallied from this list. */
type Action =
  | { kind: 'count'; sku: string; location: string; set: number; at: string }
  | { kind: 'delta'; sku: string; location: string; delta: number; at: string }
  | {
      kind: 'reservation';
      sku: string;
      location: string;
      quantity: number;
      at: string;
      outcome: 'collect' | 'release' | 'expire' | 'keep';
    };
const actions: Action[] = [
  { kind: 'count', sku: 'HELMET-M', location: 'lisbon', set: 12, at: '2026-02-02T09:00:00Z' },
  { kind: 'count', sku: 'HELMET-M', location: 'porto', set: 4, at: '2026-02-02T09:00:00Z' },
  { kind: 'delta', sku: 'HELMET-M', location: 'lisbon', delta: -1, at: '2026-02-15T11:00:00Z' },
  { kind: 'delta', sku: 'LIGHT-1', location: 'porto', delta: 6, at: '2026-02-20T11:00:00Z' },
  {
    kind: 'reservation',
    sku: 'HELMET-M',
    location: 'lisbon',
    quantity: 1,
    at: '2026-02-21T10:00:00Z',
    outcome: 'collect',
  },
  { kind: 'delta', sku: 'HELMET-M', location: 'lisbon', delta: -2, at: '2026-03-03T12:00:00Z' },
  { kind: 'delta', sku: 'HELMET-M', location: 'lisbon', delta: -3, at: '2026-03-14T16:30:00Z' },
  { kind: 'delta', sku: 'HELMET-M', location: 'porto', delta: 5, at: '2026-03-09T08:00:00Z' },
  { kind: 'delta', sku: 'LIGHT-1', location: 'porto', delta: -4, at: '2026-03-21T10:00:00Z' },
  { kind: 'delta', sku: 'LIGHT-1', location: 'lisbon', delta: -1, at: '2026-03-31T23:30:00Z' }, // 1 April in Lisbon (UTC+1)
  {
    kind: 'reservation',
    sku: 'HELMET-M',
    location: 'lisbon',
    quantity: 2,
    at: '2026-03-05T10:00:00Z',
    outcome: 'collect',
  },
  {
    kind: 'reservation',
    sku: 'HELMET-M',
    location: 'porto',
    quantity: 1,
    at: '2026-03-06T10:00:00Z',
    outcome: 'release',
  },
  {
    kind: 'reservation',
    sku: 'LIGHT-1',
    location: 'porto',
    quantity: 1,
    at: '2026-03-07T10:00:00Z',
    outcome: 'expire',
  },
  {
    kind: 'reservation',
    sku: 'HELMET-M',
    location: 'lisbon',
    quantity: 3,
    at: '2026-03-30T10:00:00Z',
    outcome: 'keep',
  },
];
/** When the report is asked for: the kept reservation (14 days) is still live. */
const NOW = '2026-04-02T12:00:00Z';

beforeAll(async () => {
  t = await createStockTestApp({ now: '2026-02-01T08:00:00Z' });
  for (const [i, action] of actions.entries()) {
    if (action.kind === 'reservation') {
      t.clock.set(action.at);
      const made = await t.call<{ id: string }>('POST', '/v1/reservations', {
        sku: action.sku,
        locationId: action.location,
        quantity: action.quantity,
        customer: { name: 'Rita', email: 'rita@example.com' },
        expiresInMinutes: action.outcome === 'expire' ? 30 : 14 * 24 * 60,
      });
      expect(made.status).toBe(201);
      t.clock.advance(10 * 60_000);
      if (action.outcome === 'collect' || action.outcome === 'release') {
        const done = await t.call('POST', `/v1/reservations/${made.body.id}/${action.outcome}`);
        expect(done.status).toBe(200);
      }
      continue;
    }
    const change = action.kind === 'count' ? { set: action.set } : { delta: action.delta };
    const res = await t.adjust({
      eventId: `report-${i}`,
      sku: action.sku,
      locationId: action.location,
      occurredAt: action.at,
      ...change,
    });
    expect(res.status).toBe(200);
  }
  t.clock.set(NOW);
});
afterAll(async () => t?.close());

/** The instants of local dates in Lisbon, written out: WET (UTC+0) until 29 March, then WEST. */
const march = { start: Date.parse('2026-03-01T00:00:00Z'), end: Date.parse('2026-03-31T23:00:00Z') };
const february = { start: Date.parse('2026-01-29T00:00:00Z'), end: Date.parse('2026-03-01T00:00:00Z') };

function tally(period: { start: number; end: number }) {
  const inPeriod = (at: string) => Date.parse(at) >= period.start && Date.parse(at) < period.end;
  const rows = new Map<
    string,
    { sku: string; locationId: string; sold: number; collected: number; received: number }
  >();
  const row = (sku: string, locationId: string) => {
    const key = `${sku}|${locationId}`;
    if (!rows.has(key)) rows.set(key, { sku, locationId, sold: 0, collected: 0, received: 0 });
    return rows.get(key)!;
  };
  const reservations = { total: 0, collected: 0, expired: 0, released: 0, active: 0 };
  for (const action of actions) {
    if (!inPeriod(action.at)) continue;
    if (action.kind === 'delta' && action.delta < 0) row(action.sku, action.location).sold -= action.delta;
    if (action.kind === 'delta' && action.delta > 0)
      row(action.sku, action.location).received += action.delta;
    if (action.kind === 'reservation') {
      reservations.total++;
      const outcome = {
        collect: 'collected',
        release: 'released',
        expire: 'expired',
        keep: 'active',
      } as const;
      reservations[outcome[action.outcome]]++;
      // Collected ten minutes after it was made: the same period here.
      if (action.outcome === 'collect') row(action.sku, action.location).collected += action.quantity;
    }
  }
  const movements = [...rows.values()].sort((a, b) =>
    a.sku === b.sku ? (a.locationId < b.locationId ? -1 : 1) : a.sku < b.sku ? -1 : 1,
  );
  return { movements, reservations };
}

describe('GET /v1/reports/stock', () => {
  it('tallies units per product and location and reservation outcomes, this period and the one before', async () => {
    const res = await t.call<{
      timezone: string;
      current: {
        period: { start: string; end: string };
        movements: Array<Record<string, unknown>>;
        reservations: unknown;
      };
      previous: { movements: Array<Record<string, unknown>>; reservations: unknown };
    }>('GET', '/v1/reports/stock?from=2026-03-01&to=2026-03-31');
    expect(res.status).toBe(200);
    expect(res.body.timezone).toBe('Europe/Lisbon');
    const names: Record<string, string> = { 'HELMET-M': 'Helmet M', 'LIGHT-1': 'Front light' };
    const withNames = (rows: ReturnType<typeof tally>['movements']) =>
      rows.map((r) => ({ ...r, name: names[r.sku] }));
    const now = tally(march);
    expect(now.reservations.total).toBe(4);
    expect(res.body.current.movements).toEqual(withNames(now.movements));
    expect(res.body.current.reservations).toEqual(now.reservations);
    const then = tally(february);
    expect(res.body.previous.movements).toEqual(withNames(then.movements));
    expect(res.body.previous.reservations).toEqual(then.reservations);
    // The sale at 23:30 UTC on 31 March happened on 1 April in Lisbon: not in March.
    expect(res.body.current.movements).not.toContainEqual(
      expect.objectContaining({ sku: 'LIGHT-1', locationId: 'lisbon' }),
    );
  });

  it('lists the products at or below their threshold now, from on-hand minus live reservations', async () => {
    // On hand per shelf after every action, less the units the kept reservation still holds.
    const onHand = new Map<string, number>();
    for (const action of actions) {
      const key = `${action.sku}|${action.location}`;
      if (action.kind === 'count') onHand.set(key, action.set);
      if (action.kind === 'delta') onHand.set(key, (onHand.get(key) ?? 0) + action.delta);
      if (action.kind === 'reservation' && action.outcome === 'collect')
        onHand.set(key, (onHand.get(key) ?? 0) - action.quantity);
    }
    const held = new Map([['HELMET-M|lisbon', 3]]);
    const available = (sku: string) =>
      ['lisbon', 'porto'].reduce(
        (sum, location) =>
          sum + Math.max(0, (onHand.get(`${sku}|${location}`) ?? 0) - (held.get(`${sku}|${location}`) ?? 0)),
        0,
      );
    // HELMET-M: Lisbon 12 − 1 − 1 − 2 − 3 − 2 = 3, 3 held → 0; Porto 4 + 5 = 9. LIGHT-1: 6 − 4 = 2, −1.
    expect(available('HELMET-M')).toBe(9);
    expect(available('LIGHT-1')).toBe(2);
    await t.call('PATCH', '/v1/products/HELMET-M', { lowStockThreshold: 9 });
    const res = await t.call<{ belowThreshold: unknown[] }>(
      'GET',
      '/v1/reports/stock?from=2026-03-01&to=2026-03-31',
    );
    expect(res.body.belowThreshold).toEqual([
      { sku: 'HELMET-M', name: 'Helmet M', lowStockThreshold: 9, available: 9, level: 'low' },
    ]);
    // A threshold of 0 lists a product only once none is left.
    await t.adjust({ eventId: 'report-empty', sku: 'LIGHT-1', locationId: 'porto', set: 0 });
    const empty = await t.call<{ belowThreshold: Array<{ sku: string; level: string }> }>(
      'GET',
      '/v1/reports/stock?from=2026-03-01&to=2026-03-31',
    );
    expect(empty.body.belowThreshold.map((p) => [p.sku, p.level])).toEqual([
      ['LIGHT-1', 'out'],
      ['HELMET-M', 'low'],
    ]);
  });

  it("shows one business's stock only", async () => {
    const other = await addBusiness(t.db, t.clock(), 'Elsewhere');
    const res = await t.call<{
      current: { movements: unknown[]; reservations: { total: number } };
      belowThreshold: unknown[];
    }>('GET', '/v1/reports/stock?from=2026-03-01&to=2026-03-31', undefined, other.secretKey);
    expect(res.status).toBe(200);
    expect(res.body.current.movements).toEqual([]);
    expect(res.body.current.reservations.total).toBe(0);
    expect(res.body.belowThreshold).toEqual([]);
    const publishable = await t.call(
      'GET',
      '/v1/reports/stock?from=2026-03-01&to=2026-03-31',
      undefined,
      t.publishableKey,
    );
    expect(publishable.status).toBe(403);
  });

  it('reads every figure through an index: no statement scans a table', async () => {
    const q = { businessId: t.businessId, start: march.start, end: march.end, now: Date.parse(NOW) };
    for (const [name, query] of Object.entries(stockReportQueries(q))) {
      const plan = (await t.db.db.all<{ detail: string }>(sql`EXPLAIN QUERY PLAN ${query}`)).map(
        (p) => p.detail,
      );
      expect(
        plan.filter((line) => /^SCAN (?!\(subquery)/.test(line)),
        `${name}: ${plan.join(' | ')}`,
      ).toEqual([]);
      expect(plan[0], name).toMatch(/^SEARCH \w+ USING (COVERING )?INDEX \w+ \(business_id=\?/);
    }
  });
});
