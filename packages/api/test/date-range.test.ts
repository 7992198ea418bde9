/**
 * @module Every date and instant the API accepts lies in 1970..2100: outside it is a 422 with a
 * field error (once a 500 `Invalid date "0000-01-01"` that anyone with the public key could cause).
 */
import type { Problem } from '@frontdesk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, customer, type Salon, setupSalon } from './fixtures.js';
import { createTestApp, type TestApp } from './helpers.js';

let t: TestApp;
let salon: Salon;
beforeAll(async () => {
  t = await createTestApp();
  salon = await setupSalon(t);
});
afterAll(async () => t?.close());

/** The answer is a 422 naming `field`. */
function expectFieldError(res: { status: number; body: unknown }, field: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(422);
  const problem = res.body as Problem;
  expect(problem.code).toBe('validation_failed');
  expect(problem.errors?.map((e) => e.path)).toContain(field);
}

describe('dates outside 1970..2100', () => {
  it('GET /v1/availability with the publishable key answers 422, not 500', async () => {
    for (const [from, to, field] of [
      ['0000-01-01', '0000-01-02', 'from'],
      ['0001-01-01', '0001-01-02', 'from'],
      ['1969-12-31', '1970-01-01', 'from'],
      ['2100-12-31', '2101-01-01', 'to'],
      ['9999-12-30', '9999-12-31', 'from'],
    ] as const) {
      const res = await call(t, 'GET', `/v1/availability?service=${salon.serviceId}&from=${from}&to=${to}`, {
        key: t.publishableKey,
      });
      expectFieldError(res, field);
    }
  });

  it('the first and last dates of the range are answered', async () => {
    for (const [from, to] of [
      ['1970-01-01', '1970-01-02'],
      ['2100-12-30', '2100-12-31'],
    ]) {
      const res = await call<{ slots: unknown[] }>(
        t,
        'GET',
        `/v1/availability?service=${salon.serviceId}&from=${from}&to=${to}`,
        { key: t.publishableKey },
      );
      expect(res.status).toBe(200);
      expect(res.body.slots).toEqual([]);
    }
  });

  it('GET /v1/bookings?from=&to= with the secret key answers 422, not 500', async () => {
    expectFieldError(await call(t, 'GET', '/v1/bookings?to=9999-12-31'), 'to');
    expectFieldError(await call(t, 'GET', '/v1/bookings?from=0000-01-01'), 'from');
    expectFieldError(await call(t, 'GET', '/v1/bookings?from=2101-01-01'), 'from');
    expect((await call(t, 'GET', '/v1/bookings?from=1970-01-01&to=2100-12-31')).status).toBe(200);
  });

  it('closures, overrides and time off outside the range are refused on write', async () => {
    expectFieldError(
      await call(t, 'POST', '/v1/closures', { body: { startDate: '0000-01-01', endDate: '2027-01-16' } }),
      'startDate',
    );
    expectFieldError(
      await call(t, 'POST', '/v1/closures', { body: { startDate: '2026-01-01', endDate: '9999-12-31' } }),
      'endDate',
    );
    expectFieldError(
      await call(t, 'POST', `/v1/resources/${salon.resourceId}/overrides`, {
        body: { date: '1969-07-20', intervals: [] },
      }),
      'date',
    );
    expectFieldError(
      await call(t, 'POST', `/v1/resources/${salon.resourceId}/time-off`, {
        body: { start: '2026-03-10T00:00:00Z', end: '+275760-09-13T00:00:00Z' },
      }),
      'end',
    );
    expectFieldError(
      await call(t, 'POST', `/v1/resources/${salon.resourceId}/time-off`, {
        body: { start: '1969-12-31T23:59:59Z', end: '2026-03-10T00:00:00Z' },
      }),
      'start',
    );
  });

  it('holds, bookings and reschedules at instants outside the range answer 422', async () => {
    for (const start of ['0000-01-01T09:00:00Z', '1969-12-31T09:00:00Z', '2101-01-01T09:00:00Z']) {
      expectFieldError(
        await call(t, 'POST', '/v1/holds', {
          key: t.publishableKey,
          body: { service: salon.serviceId, start },
        }),
        'start',
      );
      expectFieldError(
        await call(t, 'POST', '/v1/bookings', {
          key: t.publishableKey,
          body: { service: salon.serviceId, start, customer },
        }),
        'start',
      );
    }
    const booked = await call<{ id: string }>(t, 'POST', '/v1/bookings', {
      body: { service: salon.serviceId, start: '2026-03-03T10:00:00Z', customer },
    });
    expect(booked.status).toBe(201);
    expectFieldError(
      await call(t, 'POST', `/v1/bookings/${booked.body.id}/reschedule`, {
        body: { start: '0000-01-01T09:00:00Z' },
      }),
      'start',
    );
  });

  it('the OpenAPI document states the range', async () => {
    const doc = await (await t.app.request('/openapi.json')).text();
    expect(doc).toContain('from 1970-01-01 to 2100-12-31');
    expect(doc).toContain('^(?:19[7-9]\\\\d|20\\\\d\\\\d|2100)-');
  });
});
