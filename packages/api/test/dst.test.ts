/**
 * @module A DST day in the business zone, end to end.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { call, customer } from './fixtures.js';
import { createTestApp, type TestApp } from './helpers.js';

let t: TestApp;
afterEach(async () => t?.close());

describe('a DST day in the business zone, end to end', () => {
  it('Lisbon springs forward on 2026-03-29: local 01:00 does not exist, later hours move to UTC+1', async () => {
    t = await createTestApp({ now: '2026-03-20T12:00:00Z', catalog: false });
    const resource = await call<{ id: string }>(t, 'POST', '/v1/resources', {
      body: { name: 'Night desk', hours: { sun: [{ start: '00:00', end: '04:00' }] } },
    });
    const service = await call<{ id: string }>(t, 'POST', '/v1/services', {
      body: { name: 'Hour', durationMinutes: 60, resourceIds: [resource.body.id] },
    });
    const avail = await call<{ slots: { start: string; end: string }[] }>(
      t,
      'GET',
      `/v1/availability?service=${service.body.id}&from=2026-03-29&to=2026-03-29`,
      { key: t.publishableKey },
    );
    expect(avail.status).toBe(200);
    // 00:00 WET = 00:00Z; 01:00 is skipped; 02:00 and 03:00 WEST = 01:00Z and 02:00Z. Three real hours.
    expect(avail.body.slots.map((s) => s.start)).toEqual([
      '2026-03-29T00:00:00Z',
      '2026-03-29T01:00:00Z',
      '2026-03-29T02:00:00Z',
    ]);
    const booked = await call(t, 'POST', '/v1/bookings', {
      key: t.publishableKey,
      body: { service: service.body.id, start: '2026-03-29T01:00:00Z', customer },
    });
    expect(booked.status).toBe(201);
    // The same day a week earlier (no DST change) has four hours, all at UTC+0.
    const before = await call<{ slots: { start: string }[] }>(
      t,
      'GET',
      `/v1/availability?service=${service.body.id}&from=2026-03-22&to=2026-03-22`,
      { key: t.publishableKey },
    );
    expect(before.body.slots).toHaveLength(4);
    // Listing by local date uses the zone too: the booking is on the 29th.
    const list = await call<{ data: { id: string }[] }>(
      t,
      'GET',
      '/v1/bookings?from=2026-03-29&to=2026-03-29',
    );
    expect(list.body.data).toHaveLength(1);
  });
});
