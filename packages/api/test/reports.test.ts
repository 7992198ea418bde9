/**
 * @module The bookings report against a seeded data set: every figure is compared with a plain
 * JavaScript reference over the very rows the test wrote (`report-reference.ts`, wall clock from
 * `Intl`), for the period and the previous one, across the spring-forward week of Europe/Lisbon.
 * Also: who may ask (owners and secret keys only), tenant isolation, bad input, and that SQLite
 * answers every report statement through an index, never by scanning a table.
 */
import { offsetSegments } from '@frontdesk/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookings } from '../src/db/schema.js';
import { sha256Bytes } from '../src/ids.js';
import { bookingReportQueries } from '../src/services/reports/booking-queries.js';
import { call } from './fixtures.js';
import { addBusiness, createTestApp, type TestApp } from './helpers.js';
import {
  referenceFigures,
  type SeededBooking,
  type SeededCalendar,
  type SeededService,
  wallClockOf,
} from './report-reference.js';
import { addUser, asSession, signIn } from './session-helpers.js';

const ZONE = 'Europe/Lisbon';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** March 2026 in Lisbon (clocks go forward on Sunday the 29th) and the 31 dates before it. */
const march = {
  from: '2026-03-01',
  to: '2026-03-31',
  start: Date.parse('2026-03-01T00:00:00Z'),
  end: Date.parse('2026-03-31T23:00:00Z'),
};
const before = {
  from: '2026-01-29',
  to: '2026-02-28',
  start: Date.parse('2026-01-29T00:00:00Z'),
  end: Date.parse('2026-03-01T00:00:00Z'),
};

/** A small deterministic generator, so every run seeds the same rows. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let t: TestApp;
let other: Awaited<ReturnType<typeof addBusiness>>;
const seeded: SeededBooking[] = [];
const services: SeededService[] = [];
const calendars: SeededCalendar[] = [];
const closedDates = ['2026-02-16', '2026-03-20'];
let ids: { ana: string; room: string; cut: string; klass: string; consult: string; tour: string };

async function created<T = { id: string }>(path: string, body: unknown, key = t.secretKey): Promise<T> {
  const res = await call<T>(t, 'POST', path, { body, key });
  if (res.status !== 201) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

async function insertBookings(rows: SeededBooking[]) {
  await t.db.write(async (tx) => {
    for (let i = 0; i < rows.length; i += 200) {
      await tx.insert(bookings).values(
        rows.slice(i, i + 200).map((row, j) => ({
          id: `bkg_report_${row.businessId.slice(-6)}_${i + j}`,
          ...row,
          blockStart: row.start,
          blockEnd: row.end,
          customerName: 'Report Customer',
          customerEmail: 'report@example.com',
          answers: {},
          notes: '',
          manageTokenHash: sha256Bytes(`hash-${row.businessId}-${i + j}`),
          updatedAt: row.createdAt,
        })),
      );
    }
  });
}

beforeAll(async () => {
  t = await createTestApp({ now: '2026-04-15T12:00:00Z', catalog: false, timezone: ZONE });
  const weekday: Array<[number, number]> = [[9 * 60, 17 * 60]];
  const ana = await created('/v1/resources', {
    name: 'Ana',
    hours: {
      mon: [
        { start: '09:00', end: '12:00' },
        { start: '13:00', end: '17:00' },
      ],
      tue: [{ start: '09:00', end: '17:00' }],
      wed: [{ start: '09:00', end: '17:00' }],
      thu: [{ start: '09:00', end: '17:00' }],
      fri: [{ start: '09:00', end: '17:00' }],
    },
  });
  // Open all weekend, so the short Sunday of the DST change shows in its open time.
  const room = await created('/v1/resources', {
    name: 'Studio',
    kind: 'room',
    hours: { sat: [{ start: '00:00', end: '24:00' }], sun: [{ start: '00:00', end: '24:00' }] },
  });
  await created(`/v1/resources/${ana.id}/overrides`, { date: '2026-03-10', intervals: [] });
  await created(`/v1/resources/${ana.id}/overrides`, {
    date: '2026-03-12',
    intervals: [{ start: '10:00', end: '14:00' }],
  });
  await created(`/v1/resources/${ana.id}/overrides`, {
    date: '2026-02-03',
    intervals: [{ start: '08:00', end: '10:00' }],
  });
  await created(`/v1/resources/${ana.id}/time-off`, {
    start: '2026-03-18T13:00:00Z',
    end: '2026-03-18T17:00:00Z',
  });
  for (const date of closedDates) await created('/v1/closures', { startDate: date, endDate: date });
  calendars.push(
    {
      id: ana.id,
      name: 'Ana',
      hours: {
        mon: [
          [540, 720],
          [780, 1020],
        ],
        tue: weekday,
        wed: weekday,
        thu: weekday,
        fri: weekday,
      },
      overrides: { '2026-03-10': [], '2026-03-12': [[600, 840]], '2026-02-03': [[480, 600]] },
      timeOff: [[Date.parse('2026-03-18T13:00:00Z'), Date.parse('2026-03-18T17:00:00Z')]],
    },
    {
      id: room.id,
      name: 'Studio',
      hours: { sat: [[0, 1440]], sun: [[0, 1440]] },
      overrides: {},
      timeOff: [],
    },
  );

  const service = async (name: string, body: Record<string, unknown>, price: SeededService['price']) => {
    const made = await created('/v1/services', { name, ...body, price });
    services.push({ id: made.id, name, price });
    return made.id;
  };
  ids = {
    ana: ana.id,
    room: room.id,
    cut: await service(
      'Cut',
      { durationMinutes: 30, resourceIds: [ana.id] },
      { amount: 2500, currency: 'EUR' },
    ),
    klass: await service(
      'Class',
      { durationMinutes: 60, capacity: 4, resourceIds: [room.id] },
      { amount: 1200, currency: 'EUR' },
    ),
    consult: await service('Consult', { durationMinutes: 45, resourceIds: [ana.id, room.id] }, null),
    tour: await service(
      'Tour',
      { durationMinutes: 90, resourceIds: [room.id] },
      { amount: 4000, currency: 'GBP' },
    ),
  };

  const next = random(13);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const statusWeights = [
    'confirmed',
    'confirmed',
    'completed',
    'completed',
    'completed',
    'cancelled',
    'no_show',
    'pending',
  ] as const;
  const first = Date.parse('2026-01-20T00:00:00Z');
  const span = Date.parse('2026-04-08T00:00:00Z') - first;
  const kinds = [
    { serviceId: ids.cut, resourceId: ids.ana, minutes: 30 },
    { serviceId: ids.consult, resourceId: ids.ana, minutes: 45 },
    { serviceId: ids.consult, resourceId: ids.room, minutes: 45 },
    { serviceId: ids.tour, resourceId: ids.room, minutes: 90 },
  ];
  const leads = [0, 20 * MINUTE, 5 * HOUR, 3 * DAY, 12 * DAY, 45 * DAY, -2 * HOUR];
  for (let i = 0; i < 420; i++) {
    const kind = pick(kinds);
    const start = first + Math.floor((next() * span) / (15 * MINUTE)) * 15 * MINUTE;
    seeded.push({
      businessId: t.businessId,
      serviceId: kind.serviceId,
      resourceId: kind.resourceId,
      status: pick(statusWeights),
      start,
      end: start + kind.minutes * MINUTE,
      createdAt: start - pick(leads) - Math.floor(next() * 50) * MINUTE,
    });
  }
  // Classes: several seats of one session share its time (utilisation counts the hour once).
  for (const session of [
    '2026-02-07T10:00:00Z',
    '2026-03-07T10:00:00Z',
    '2026-03-28T10:00:00Z',
    '2026-03-29T09:00:00Z',
  ]) {
    const start = Date.parse(session);
    for (let seat = 0; seat < 3; seat++) {
      seeded.push({
        businessId: t.businessId,
        serviceId: ids.klass,
        resourceId: ids.room,
        status: seat === 2 ? 'cancelled' : 'completed',
        start,
        end: start + HOUR,
        createdAt: start - (seat + 1) * DAY,
      });
    }
  }
  // The DST week, by hand: Saturday 10:00 (UTC+0) and Sunday 10:00 (UTC+1) are both hour 10;
  // Sunday 00:30 is before the change, 02:30 just after it.
  for (const start of [
    '2026-03-28T10:00:00Z',
    '2026-03-29T09:00:00Z',
    '2026-03-29T00:30:00Z',
    '2026-03-29T01:30:00Z',
  ]) {
    const at = Date.parse(start);
    seeded.push({
      businessId: t.businessId,
      serviceId: ids.tour,
      resourceId: ids.room,
      status: 'confirmed',
      start: at,
      end: at + 90 * MINUTE,
      createdAt: at - 4 * DAY,
    });
  }
  await insertBookings(seeded);

  // Another business books in the same weeks: none of it may show in ours.
  other = await addBusiness(t.db, t.clock(), 'Elsewhere');
  const theirs = await created('/v1/resources', { name: 'Theirs', hours: {} }, other.secretKey);
  const theirService = await created(
    '/v1/services',
    {
      name: 'Their cut',
      durationMinutes: 30,
      resourceIds: [theirs.id],
      price: { amount: 999, currency: 'EUR' },
    },
    other.secretKey,
  );
  const foreign: SeededBooking[] = Array.from({ length: 25 }, (_, i) => ({
    businessId: other.businessId,
    serviceId: theirService.id,
    resourceId: theirs.id,
    status: 'completed' as const,
    start: Date.parse('2026-03-02T10:00:00Z') + i * DAY,
    end: Date.parse('2026-03-02T10:30:00Z') + i * DAY,
    createdAt: Date.parse('2026-03-01T10:00:00Z'),
  }));
  await insertBookings(foreign);
});
afterAll(async () => t?.close());

type Report = {
  timezone: string;
  groupBy: string;
  current: Figures;
  previous: Figures;
};
type Figures = {
  period: { from: string; to: string; days: number; start: string; end: string };
  totals: Record<string, number>;
  cancellationRate: number | null;
  noShowRate: number | null;
  groups: Array<{ key: string; label: string; counts: Record<string, number> }>;
  leadTime: {
    bookings: number;
    medianMinutes: number | null;
    averageMinutes: number | null;
    buckets: unknown[];
  };
  revenue: Array<{ currency: string; amount: number; bookings: number }>;
  utilisation: Array<{
    resourceId: string;
    name: string;
    bookedMinutes: number;
    openMinutes: number;
    rate: number | null;
  }>;
  heatmap: number[][];
  topServices: unknown[];
};

const report = async (query: string, key = t.secretKey) =>
  call<Report>(t, 'GET', `/v1/reports/bookings?${query}`, { key });

function expectFigures(figures: Figures, period: typeof march) {
  const want = referenceFigures({
    zone: ZONE,
    ...period,
    bookings: seeded,
    services,
    calendars,
    closedDates,
  });
  expect(want.totals.total).toBeGreaterThan(100);
  expect(figures.period).toEqual({
    from: period.from,
    to: period.to,
    days: 31,
    start: new Date(period.start).toISOString().replace('.000Z', 'Z'),
    end: new Date(period.end).toISOString().replace('.000Z', 'Z'),
  });
  expect(figures.totals).toEqual(want.totals);
  expect(figures.cancellationRate).toBeCloseTo(want.cancellationRate!, 10);
  expect(figures.noShowRate).toBeCloseTo(want.noShowRate!, 10);
  expect(figures.leadTime).toEqual({
    bookings: want.leadTime.bookings,
    medianMinutes: want.leadTime.medianMinutes,
    averageMinutes: expect.closeTo(want.leadTime.averageMinutes!, 6),
    buckets: want.leadTime.buckets,
  });
  expect(figures.revenue).toEqual(want.revenue);
  expect(figures.heatmap).toEqual(want.heatmap);
  expect(figures.topServices).toEqual(want.topServices);
  expect(figures.groups.map((g) => ({ key: g.key, counts: g.counts }))).toEqual(want.byDay);
  const utilisation = new Map(figures.utilisation.map((u) => [u.resourceId, u]));
  expect(utilisation.size).toBe(2);
  for (const expected of want.utilisation) {
    const got = utilisation.get(expected.resourceId)!;
    expect(got.bookedMinutes).toBe(expected.bookedMinutes);
    expect(got.openMinutes).toBe(expected.openMinutes);
    expect(got.rate).toBeCloseTo(expected.rate!, 10);
  }
  return want;
}

describe('GET /v1/reports/bookings', () => {
  it('answers every figure of the period as the reference computes it from the seeded rows', async () => {
    const res = await report(`from=${march.from}&to=${march.to}`);
    expect(res.status).toBe(200);
    expect(res.body.timezone).toBe(ZONE);
    expect(res.body.groupBy).toBe('day');
    const want = expectFigures(res.body.current, march);
    // Both currencies earn, and the class's three seats (two kept) are one hour of the studio.
    expect(want.revenue.map((r) => r.currency)).toEqual(['EUR', 'GBP']);
  });

  it('compares with the 31 dates before, computed the same way', async () => {
    const res = await report(`from=${march.from}&to=${march.to}`);
    expectFigures(res.body.previous, before);
    expect(res.body.previous.totals.total).not.toBe(res.body.current.totals.total);
  });

  it('groups by week (from Monday), resource and service', async () => {
    const want = referenceFigures({
      zone: ZONE,
      ...march,
      bookings: seeded,
      services,
      calendars,
      closedDates,
    });
    const weekly = await report(`from=${march.from}&to=${march.to}&groupBy=week`);
    expect(weekly.body.current.groups.map((g) => ({ key: g.key, counts: g.counts }))).toEqual(want.byWeek);
    expect(weekly.body.current.groups[0]!.key).toBe('2026-02-23');

    const byResource = await report(`from=${march.from}&to=${march.to}&groupBy=resource`);
    expect(new Map(byResource.body.current.groups.map((g) => [g.key, g.counts]))).toEqual(want.byResource);
    expect(byResource.body.current.groups.find((g) => g.key === ids.ana)!.label).toBe('Ana');

    const byService = await report(`from=${march.from}&to=${march.to}&groupBy=service`);
    expect(new Map(byService.body.current.groups.map((g) => [g.key, g.counts]))).toEqual(want.byService);
    expect(byService.body.current.groups.map((g) => g.label).sort()).toEqual([
      'Class',
      'Consult',
      'Cut',
      'Tour',
    ]);
  });

  it('reads hours on the business clock across the spring-forward week', async () => {
    const res = await report('from=2026-03-23&to=2026-03-29');
    expect(res.status).toBe(200);
    const week = {
      from: '2026-03-23',
      to: '2026-03-29',
      start: Date.parse('2026-03-23T00:00:00Z'),
      end: Date.parse('2026-03-29T23:00:00Z'),
    };
    const want = referenceFigures({
      zone: ZONE,
      ...week,
      bookings: seeded,
      services,
      calendars,
      closedDates,
    });
    expect(res.body.current.heatmap).toEqual(want.heatmap);
    expect(res.body.current.period.end).toBe('2026-03-29T23:00:00Z');
    // Saturday 10:00 UTC and Sunday 09:00 UTC are both 10:00 in Lisbon; 01:30 UTC on Sunday is 02:30.
    const saturday10 = seeded.filter(
      (b) =>
        b.status !== 'cancelled' &&
        wallClockOf(b.start, ZONE).weekday === 5 &&
        wallClockOf(b.start, ZONE).hour === 10 &&
        b.start >= week.start &&
        b.start < week.end,
    );
    expect(res.body.current.heatmap[5]![10]).toBe(saturday10.length);
    expect(res.body.current.heatmap[6]![10]).toBeGreaterThanOrEqual(3); // 2 class seats + the tour
    expect(res.body.current.heatmap[6]![2]).toBeGreaterThanOrEqual(1);
    // The studio is open all Sunday: 23 hours on the day the clocks skip one.
    const studio = res.body.current.utilisation.find((u) => u.resourceId === ids.room)!;
    expect(studio.openMinutes).toBe((24 + 23) * 60);
    expect(studio.openMinutes).toBe(want.utilisation.find((u) => u.resourceId === ids.room)!.openMinutes);
  });

  it("shows one business's bookings only", async () => {
    const ours = await report(`from=${march.from}&to=${march.to}`);
    const theirs = await report(`from=${march.from}&to=${march.to}`, other.secretKey);
    expect(theirs.status).toBe(200);
    expect(theirs.body.current.totals).toEqual({
      total: 25,
      pending: 0,
      confirmed: 0,
      cancelled: 0,
      completed: 25,
      no_show: 0,
    });
    expect(theirs.body.current.revenue).toEqual([{ currency: 'EUR', amount: 25 * 999, bookings: 25 }]);
    expect(theirs.body.current.utilisation.map((u) => u.name)).toEqual(['Theirs']);
    expect(ours.body.current.topServices).not.toContainEqual(expect.objectContaining({ name: 'Their cut' }));
    expect(ours.body.current.utilisation.map((u) => u.name).sort()).toEqual(['Ana', 'Studio']);
  });

  it('is for owners and secret keys: publishable keys and staff are refused', async () => {
    const query = `from=${march.from}&to=${march.to}`;
    expect((await report(query, t.publishableKey)).status).toBe(403);
    expect((await call(t, 'GET', `/v1/reports/bookings?${query}`, { key: null })).status).toBe(401);
    await addUser(t.db, t.businessId, { email: 'owner@report.example', role: 'owner' }, t.clock());
    await addUser(
      t.db,
      t.businessId,
      { email: 'staff@report.example', role: 'staff', resourceIds: [ids.ana] },
      t.clock(),
    );
    const owner = (await signIn(t, 'owner@report.example')).cookie!;
    const staff = (await signIn(t, 'staff@report.example')).cookie!;
    const asOwner = await asSession<Report>(t, owner, 'GET', `/v1/reports/bookings?${query}`);
    expect(asOwner.status).toBe(200);
    expect(asOwner.body.current.totals.total).toBeGreaterThan(100);
    const asStaff = await asSession(t, staff, 'GET', `/v1/reports/bookings?${query}`);
    expect(asStaff.status).toBe(403);
    expect((await asSession(t, staff, 'GET', `/v1/reports/stock?${query}`)).status).toBe(403);
  });

  it.each([
    ['from after to', 'from=2026-03-31&to=2026-03-01', 'to'],
    ['a period over 366 days', 'from=2025-01-01&to=2026-01-02', 'to'],
    ['an unknown groupBy', 'from=2026-03-01&to=2026-03-31&groupBy=month', 'groupBy'],
    ['no from', 'to=2026-03-31', 'from'],
    ['a date that does not exist', 'from=2026-02-30&to=2026-03-31', 'from'],
    ['a year outside 1970..2100', 'from=2101-01-01&to=2101-01-31', 'from'],
  ])('answers 422 problem+json for %s', async (_, query, path) => {
    for (const endpoint of ['bookings', 'stock']) {
      if (endpoint === 'stock' && path === 'groupBy') continue;
      const res = await call<{ code: string; errors: Array<{ path: string }> }>(
        t,
        'GET',
        `/v1/reports/${endpoint}?${query}`,
      );
      expect(res.status, `${endpoint} ${query}`).toBe(422);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.code).toBe('validation_failed');
      expect(res.body.errors.map((e) => e.path)).toContain(path);
    }
  });

  it('accepts a whole leap year, and the earliest and latest periods the calendar allows', async () => {
    expect((await report('from=2028-01-01&to=2028-12-31&groupBy=week')).status).toBe(200);
    const early = await report('from=1971-01-03&to=1972-01-03');
    expect(early.status).toBe(200);
    expect(early.body.previous.period.from).toBe('1970-01-02');
    expect((await report('from=2100-01-01&to=2100-12-30')).status).toBe(200);
    expect((await report('from=1971-01-02&to=1971-01-10')).status).toBe(422);
    expect((await report('from=2100-12-01&to=2100-12-31')).status).toBe(422);
  });

  it('answers a repeated report from its copy, and anything changed since at once', async () => {
    const week = 'from=2026-04-20&to=2026-04-26&groupBy=service';
    const empty = await report(week);
    expect(empty.body.current.totals.total).toBe(0);
    // A booking made through the API: the next report has it.
    const slots = await call<{ slots: { start: string; resourceIds: string[] }[] }>(
      t,
      'GET',
      `/v1/availability?service=${ids.cut}&from=2026-04-20&to=2026-04-26`,
    );
    const slot = slots.body.slots[0]!;
    const booked = await call<{ id: string }>(t, 'POST', '/v1/bookings', {
      body: {
        service: ids.cut,
        start: slot.start,
        resource: slot.resourceIds[0],
        customer: { name: 'Rita Repeat', email: 'rita@example.com' },
      },
    });
    expect(booked.status).toBe(201);
    const one = await report(week);
    expect(one.body.current.totals).toMatchObject({ total: 1, confirmed: 1, completed: 0 });
    expect(await report(week)).toMatchObject({ body: one.body }); // the same answer again
    // A status change is a change: completed (once it has happened), it earns.
    const now = t.clock();
    t.clock.set(Date.parse(slot.start) + 60 * MINUTE);
    try {
      const completed = await call(t, 'POST', `/v1/bookings/${booked.body.id}/complete`);
      expect(completed.status, JSON.stringify(completed.body)).toBe(200);
    } finally {
      t.clock.set(now);
    }
    const done = await report(week);
    expect(done.body.current.totals).toMatchObject({ total: 1, confirmed: 0, completed: 1 });
    expect(done.body.current.revenue).toEqual([{ currency: 'EUR', amount: 2500, bookings: 1 }]);
    // So is a catalogue change: the service's new name shows.
    const rename = (name: string) => call(t, 'PATCH', `/v1/services/${ids.cut}`, { body: { name } });
    expect((await rename('Haircut')).status).toBe(200);
    try {
      expect((await report(week)).body.current.groups.map((g) => g.label)).toEqual(['Haircut']);
    } finally {
      expect((await rename('Cut')).status).toBe(200);
    }
  });

  it('counts every figure through an index: no statement scans a table', async () => {
    const q = {
      businessId: t.businessId,
      start: march.start,
      end: march.end,
      segments: offsetSegments(ZONE, march.start, march.end),
    };
    expect(q.segments).toHaveLength(2);
    for (const [name, query] of Object.entries(bookingReportQueries(q))) {
      const plan = (await t.db.db.all<{ detail: string }>(sql`EXPLAIN QUERY PLAN ${query}`)).map(
        (p) => p.detail,
      );
      expect(
        plan.filter((line) => /^SCAN (?!\(subquery)/.test(line)),
        `${name}: ${plan.join(' | ')}`,
      ).toEqual([]);
      expect(
        plan.some((line) =>
          /^SEARCH b USING (COVERING )?INDEX bookings_business_\w+ \(business_id=\? AND start>\? AND start<\?\)/.test(
            line,
          ),
        ),
        name,
      ).toBe(true);
    }
  });
});
