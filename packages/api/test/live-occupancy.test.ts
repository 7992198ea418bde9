/**
 * @module A resource's occupancy comes from the index of its live bookings only
 * (`bookings_live_by_resource`, partial: `status <> 'cancelled'`), so cancelled bookings piling up
 * on popular starts cost availability and booking checks nothing (issue 15). Checked twice: the
 * plans of the queries that read it, and what a user sees — cancelled bookings never block a
 * start, live ones do, through bookings, reschedules and cancellations.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { call, customer, type Salon, setupSalon } from './fixtures.js';
import { createTestApp, type TestApp } from './helpers.js';
import { queriesRunBy } from './query-plans.js';

let t: TestApp;
afterEach(async () => t?.close());

// The test clock starts Monday 2026-03-02 08:00Z; Lisbon is on UTC in early March.
const day = '2026-03-03';
const at = (time: string) => `${day}T${time}:00Z`;

async function offered(salon: Salon, service = salon.serviceId): Promise<Map<string, number>> {
  const answer = await call<{ slots: { start: string; remaining: number }[] }>(
    t,
    'GET',
    `/v1/availability?service=${service}&from=${day}&to=${day}`,
    { key: t.publishableKey },
  );
  expect(answer.status).toBe(200);
  return new Map(answer.body.slots.map((s) => [s.start, s.remaining]));
}

async function book(service: string, start: string): Promise<{ status: number; id: string }> {
  const res = await call<{ id: string }>(t, 'POST', '/v1/bookings', {
    key: t.publishableKey,
    body: { service, start, customer },
  });
  return { status: res.status, id: res.body.id };
}

const cancel = async (id: string) =>
  expect((await call(t, 'POST', `/v1/bookings/${id}/cancel`, { body: {} })).status).toBe(200);
const reschedule = async (id: string, start: string) =>
  (await call(t, 'POST', `/v1/bookings/${id}/reschedule`, { body: { start } })).status;

describe('occupancy from live bookings only', () => {
  it('reads a resource’s bookings through the index of live bookings', async () => {
    t = await createTestApp({ catalog: false });
    const salon = await setupSalon(t);
    const queries = await queriesRunBy(async () => {
      await offered(salon);
      expect((await book(salon.serviceId, at('09:00'))).status).toBe(201);
      // Refused (a booking is live), after reading the resource's live bookings.
      expect((await call(t, 'DELETE', `/v1/resources/${salon.resourceId}`)).status).toBe(409);
    });
    const byResource = queries.filter(
      (q) => /from "bookings"/.test(q.sql) && /"bookings"\."resource_id" = \?/.test(q.sql),
    );
    // The occupancy read (availability and the booking's check share it) and the deletion check.
    expect(byResource).toHaveLength(2);
    for (const q of byResource) {
      expect(q.plan.join('\n'), q.sql).toMatch(
        /SEARCH bookings USING INDEX bookings_live_by_resource \(resource_id=\?/,
      );
    }
    // The occupancy read walks the live index from 4 h before its window only, and takes the
    // longer blocks that began earlier from the index of long blocks.
    const occupancy = byResource.find((q) => /union all/.test(q.sql));
    expect(occupancy?.plan.join('\n'), occupancy?.sql).toMatch(
      /SEARCH bookings USING INDEX bookings_live_by_resource \(resource_id=\? AND block_start>\? AND block_start<\?\)[\s\S]*SEARCH bookings USING INDEX bookings_long_by_resource \(resource_id=\? AND block_start>\? AND block_start<\?\)/,
    );
  });

  it('reads the live bookings’ index for a service of several resources too (one statement for all)', async () => {
    t = await createTestApp();
    const haircut = t.catalog!.serviceIds.haircut;
    const queries = await queriesRunBy(async () => {
      const res = await call(t, 'GET', `/v1/availability?service=${haircut}&from=${day}&to=${day}`, {
        key: t.publishableKey,
      });
      expect(res.status).toBe(200);
    });
    const occupancy = queries.filter((q) => /from "bookings"/.test(q.sql) && /json_each/.test(q.sql));
    expect(occupancy).toHaveLength(1);
    expect(occupancy[0]!.plan.join('\n'), occupancy[0]!.sql).toMatch(
      /SEARCH bookings USING INDEX bookings_live_by_resource \(resource_id=\?/,
    );
  });

  it('keeps a block longer than 4 h that began the day before on its resource, in availability and booking checks', async () => {
    t = await createTestApp({ catalog: false });
    // A repair bay open around the clock: a block may run past midnight.
    const allDay = [{ start: '00:00', end: '24:00' }];
    const bay = await call<{ id: string }>(t, 'POST', '/v1/resources', {
      body: {
        name: 'Bay',
        hours: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, allDay])),
      },
    });
    expect(bay.status).toBe(201);
    const service = async (body: Record<string, unknown>) => {
      const made = await call<{ id: string }>(t, 'POST', '/v1/services', {
        body: { ...body, resourceIds: [bay.body.id] },
      });
      expect(made.status).toBe(201);
      return made.body.id;
    };
    const tuneUp = await service({ name: 'Tune-up', durationMinutes: 30 });
    // A 30-minute drop-off whose 24 h buffer after keeps the bay until 09:30 the next day.
    const dropOff = await service({ name: 'Drop-off', durationMinutes: 30, bufferAfterMinutes: 1440 });
    // A 5-hour block: an hour's work, then 4 h of buffer.
    const overhaul = await service({ name: 'Overhaul', durationMinutes: 60, bufferAfterMinutes: 240 });

    const wednesday = '2026-03-04';
    const onWednesday = async () => {
      const answer = await call<{ slots: { start: string }[] }>(
        t,
        'GET',
        `/v1/availability?service=${tuneUp}&from=${wednesday}&to=${wednesday}`,
        { key: t.publishableKey },
      );
      expect(answer.status).toBe(200);
      return new Set(answer.body.slots.map((s) => s.start));
    };
    expect((await onWednesday()).has(`${wednesday}T09:00:00Z`)).toBe(true);
    expect((await book(dropOff, at('09:00'))).status).toBe(201);
    const wednesdaySlots = await onWednesday();
    expect(wednesdaySlots.has(`${wednesday}T09:00:00Z`)).toBe(false);
    expect(wednesdaySlots.has(`${wednesday}T09:30:00Z`)).toBe(true);
    expect((await book(tuneUp, `${wednesday}T09:00:00Z`)).status).toBe(409);
    expect((await book(tuneUp, `${wednesday}T09:30:00Z`)).status).toBe(201);

    // Thursday the overhaul holds the bay 09:00-14:00: a check at 13:30 is 4.5 h after it began.
    const thursday = '2026-03-05';
    expect((await book(overhaul, `${thursday}T09:00:00Z`)).status).toBe(201);
    expect((await book(tuneUp, `${thursday}T13:30:00Z`)).status).toBe(409);
    expect((await book(tuneUp, `${thursday}T14:00:00Z`)).status).toBe(201);
  });

  it('never lets a cancelled booking block a start, through bookings, reschedules and cancellations', async () => {
    t = await createTestApp({ catalog: false });
    const salon = await setupSalon(t);
    // Three bookings of 09:00 made and cancelled in turn: each cancellation frees the start.
    for (let i = 0; i < 3; i++) {
      expect((await offered(salon)).has(at('09:00'))).toBe(true);
      const made = await book(salon.serviceId, at('09:00'));
      expect(made.status).toBe(201);
      expect((await offered(salon)).has(at('09:00'))).toBe(false);
      await cancel(made.id);
    }
    const first = await book(salon.serviceId, at('09:00'));
    expect(first.status).toBe(201);
    expect((await book(salon.serviceId, at('09:00'))).status).toBe(409);

    // Moved to 10:00: its old start is free again, the new one taken.
    expect(await reschedule(first.id, at('10:00'))).toBe(200);
    let slots = await offered(salon);
    expect(slots.has(at('09:00'))).toBe(true);
    expect(slots.has(at('10:00'))).toBe(false);
    const second = await book(salon.serviceId, at('09:00'));
    expect(second.status).toBe(201);
    expect(await reschedule(second.id, at('10:00'))).toBe(409);

    // Cancelled at 10:00: the start is free, and a reschedule onto it is accepted.
    await cancel(first.id);
    expect((await offered(salon)).has(at('10:00'))).toBe(true);
    expect(await reschedule(second.id, at('10:00'))).toBe(200);
    slots = await offered(salon);
    expect(slots.has(at('09:00'))).toBe(true);
    expect(slots.has(at('10:00'))).toBe(false);

    // A class counts live seats only: one cancelled and one live booking of three seats leave two.
    const seat = await book(salon.classId, at('13:00'));
    await cancel(seat.id);
    expect((await book(salon.classId, at('13:00'))).status).toBe(201);
    expect((await offered(salon, salon.classId)).get(at('13:00'))).toBe(2);

    // Nothing live left: the resource can go, whatever it has cancelled.
    expect((await call(t, 'DELETE', `/v1/resources/${salon.resourceId}`)).status).toBe(409);
    await cancel(second.id);
    const live = await call<{ data: { id: string; status: string }[] }>(t, 'GET', '/v1/bookings?limit=100');
    for (const b of live.body.data.filter((b) => b.status !== 'cancelled')) await cancel(b.id);
    expect((await call(t, 'DELETE', `/v1/resources/${salon.resourceId}`)).status).toBe(204);
  });
});
