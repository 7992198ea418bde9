/**
 * @module A bad row in the database (a migration, a restore or a manual edit) never turns
 * availability, holds and bookings into 500s: it is skipped and logged at `warn` with its id. Once,
 * a closure from `0000-01-01` took every booking of its dates down until it was deleted.
 */
import type { Availability, Problem } from '@frontdesk/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, customer, type Salon, setupSalon } from './fixtures.js';
import { createTestApp, type TestApp } from './helpers.js';

let t: TestApp;
let salon: Salon;
beforeEach(async () => {
  t = await createTestApp();
  salon = await setupSalon(t);
});
afterEach(async () => t?.close());

/** Writes behind the API's back, as a migration or an operator with a SQL shell would. */
async function sql(statement: string, ...args: (string | number)[]) {
  await t.db.client.execute({ sql: statement, args });
  // The catalog is cached per process until the business's version changes; an edit made by hand
  // does not change it, so this restarts the cache as a new process would.
  await t.db.client.execute({
    sql: 'UPDATE businesses SET catalog_version = hex(randomblob(8)) WHERE id = ?',
    args: [t.businessId],
  });
}

const week = (service = salon.serviceId) =>
  call<Availability>(t, 'GET', `/v1/availability?service=${service}&from=2026-03-02&to=2026-03-06`, {
    key: t.publishableKey,
  });
const datesOffered = (a: Availability) => [...new Set(a.slots.map((s) => s.start.slice(0, 10)))];
const warned = () => t.logs.filter((l) => l.level === 'warn').map((l) => l.fields?.id);

describe('a stored row the engine cannot use', () => {
  it('a closure from year 0000 is refused on write', async () => {
    const res = await call<Problem>(t, 'POST', '/v1/closures', {
      body: { startDate: '0000-01-01', endDate: '2027-01-16' },
    });
    expect(res.status).toBe(422);
    expect(res.body.errors?.[0]?.path).toBe('startDate');
  });

  it('a closure from year 0000 already stored still closes its dates, and nothing answers 500', async () => {
    await sql(
      "INSERT INTO closures (id, business_id, start_date, end_date, reason, created_at) VALUES ('clo_year0', ?, '0000-01-01', '2026-03-03', '', 0)",
      t.businessId,
    );
    const res = await week();
    expect(res.status).toBe(200);
    // Closed through 2026-03-03, as the row says; open from the 4th.
    expect(datesOffered(res.body)).toEqual(['2026-03-04', '2026-03-05', '2026-03-06']);
    expect(warned()).toContain('clo_year0');
    const hold = await call(t, 'POST', '/v1/holds', {
      key: t.publishableKey,
      body: { service: salon.serviceId, start: '2026-03-04T09:00:00Z' },
    });
    expect(hold.status).toBe(201);
    const closed = await call<Problem>(t, 'POST', '/v1/bookings', {
      key: t.publishableKey,
      body: { service: salon.serviceId, start: '2026-03-03T09:00:00Z', customer },
    });
    expect(closed.status).toBe(409);
    const booked = await call(t, 'POST', '/v1/bookings', {
      key: t.publishableKey,
      body: { service: salon.serviceId, start: '2026-03-05T09:00:00Z', customer },
    });
    expect(booked.status).toBe(201);
    // The owner sees the closure as it applies (from 1970, the start of the range), and can delete it.
    const list = await call<{ data: { id: string; startDate: string }[] }>(t, 'GET', '/v1/closures');
    expect(list.body.data).toContainEqual(
      expect.objectContaining({ id: 'clo_year0', startDate: '1970-01-01', endDate: '2026-03-03' }),
    );
    expect((await call(t, 'DELETE', '/v1/closures/clo_year0')).status).toBe(204);
  });

  it('closures, overrides, time off, hours and services that do not parse are skipped with a warn', async () => {
    await sql(
      "INSERT INTO closures (id, business_id, start_date, end_date, reason, created_at) VALUES ('clo_garbage', ?, 'soon', '2026-03-05', '', 0)",
      t.businessId,
    );
    await sql(
      "INSERT INTO date_overrides (id, business_id, resource_id, date, intervals, created_at) VALUES ('ovr_feb30', ?, ?, '2026-02-30', '[]', 0)",
      t.businessId,
      salon.resourceId,
    );
    await sql(
      `INSERT INTO date_overrides (id, business_id, resource_id, date, intervals, created_at) VALUES ('ovr_25h', ?, ?, '2026-03-05', '[{"start":"25:00","end":"26:00"}]', 0)`,
      t.businessId,
      salon.resourceId,
    );
    await sql(
      "INSERT INTO time_off (id, business_id, resource_id, start, end, reason, created_at) VALUES ('tof_inverted', ?, ?, 1900000000000, 1800000000000, '', 0)",
      t.businessId,
      salon.resourceId,
    );
    // Monday's hours unreadable; Wednesday's and Thursday's fine.
    const hours = {
      mon: [{ start: '9', end: 'noon' }],
      wed: [{ start: '09:00', end: '10:00' }],
      thu: [{ start: '09:00', end: '10:00' }],
    };
    await sql('UPDATE resources SET hours = ? WHERE id = ?', JSON.stringify(hours), salon.resourceId);
    const res = await week();
    expect(res.status).toBe(200);
    // Thursday's unreadable override is skipped: its weekly hours apply.
    expect(res.body.slots.map((s) => s.start)).toEqual([
      '2026-03-04T09:00:00Z',
      '2026-03-04T09:30:00Z',
      '2026-03-05T09:00:00Z',
      '2026-03-05T09:30:00Z',
    ]);
    expect(warned()).toEqual(
      expect.arrayContaining(['clo_garbage', 'ovr_feb30', 'ovr_25h', 'tof_inverted', salon.resourceId]),
    );

    await sql('UPDATE services SET duration_minutes = 0 WHERE id = ?', salon.classId);
    const broken = await week(salon.classId);
    expect(broken.status).toBe(404);
    expect(warned()).toContain(salon.classId);
    expect((await week()).status).toBe(200);
  });
});
