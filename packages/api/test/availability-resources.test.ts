/**
 * @module Availability of a service that several resources offer: each resource's bookings and live
 * holds take only that resource's seat (the occupancy of all of them is read in one statement), and
 * the answer for all agrees, start by start, with the answers asked one resource at a time.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { call, customer } from './fixtures.js';
import { createTestApp, type TestApp } from './helpers.js';

let t: TestApp;
afterEach(async () => t?.close());

type Slot = { start: string; remaining: number; resourceIds: string[] };
const day = '2026-03-03';

async function slots(serviceId: string, resource?: string): Promise<Slot[]> {
  const only = resource === undefined ? '' : `&resource=${resource}`;
  const res = await call<{ slots: Slot[] }>(
    t,
    'GET',
    `/v1/availability?service=${serviceId}&from=${day}&to=${day}${only}`,
    { key: t.publishableKey },
  );
  expect(res.status).toBe(200);
  return res.body.slots;
}

describe('availability over several resources', () => {
  it("counts each resource's bookings and holds against that resource only", async () => {
    t = await createTestApp();
    const { serviceIds, resourceIds } = t.catalog!;
    const haircut = serviceIds.haircut;
    const before = await slots(haircut);
    const both = before.find((s) => s.resourceIds.length === 2)!;
    expect(both).toBeDefined();
    const later = before.filter((s) => s.resourceIds.length === 2 && s.start > both.start)[3]!;

    const [first, second] = both.resourceIds as [string, string];
    const booked = await call(t, 'POST', '/v1/bookings', {
      key: t.publishableKey,
      body: { service: haircut, start: both.start, resource: first, customer },
    });
    expect(booked.status).toBe(201);
    const held = await call(t, 'POST', '/v1/holds', {
      key: t.publishableKey,
      body: { service: haircut, start: later.start, resource: second },
    });
    expect(held.status).toBe(201);

    const after = await slots(haircut);
    expect(after.find((s) => s.start === both.start)).toMatchObject({ remaining: 1, resourceIds: [second] });
    expect(after.find((s) => s.start === later.start)).toMatchObject({ remaining: 1, resourceIds: [first] });

    // The same answer, start by start, as asking each resource alone (one statement each).
    const alone = new Map<string, Map<string, number>>();
    for (const id of [resourceIds.ana, resourceIds.bruno]) {
      for (const s of await slots(haircut, id)) {
        const at = alone.get(s.start) ?? new Map<string, number>();
        at.set(id, s.remaining);
        alone.set(s.start, at);
      }
    }
    expect(after.map((s) => s.start)).toEqual([...alone.keys()].sort());
    for (const s of after) {
      const at = alone.get(s.start)!;
      expect(s.resourceIds.slice().sort()).toEqual([...at.keys()].sort());
      expect(s.remaining).toBe([...at.values()].reduce((a, b) => a + b, 0));
    }
  });
});
