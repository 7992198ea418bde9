/**
 * @module The availability answer cache keeps an answer only when its question is asked a second
 * time within the answer's lifetime: most questions are asked once (one visitor's week), and keeping
 * those answers cost more in garbage collection than it saved. A question asked again is answered
 * from the cache until the catalogue or the occupancy changes, or the answer is 2 s old.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { getEncodedAvailability } from '../src/services/availability.js';
import { call, customer } from './fixtures.js';
import { createTestApp, type TestApp } from './helpers.js';

let t: TestApp;
afterEach(async () => t?.close());

const day = '2026-03-03';
const warnings: string[] = [];
const logger = { warn: (message: string) => void warnings.push(message) };

function ask(at: number, from = day) {
  return getEncodedAvailability(t.db.db, {
    businessId: t.businessId,
    serviceId: t.catalog!.serviceIds.haircut,
    from,
    to: from,
    now: at,
    includeInactive: false,
    logger,
  });
}

describe('availability answer cache', () => {
  it('keeps an answer only from the second ask of its question, then answers from it', async () => {
    t = await createTestApp();
    const now = t.clock.now();
    const first = await ask(now);
    const second = await ask(now + 10);
    // Asked once: nothing was kept, so the second ask computed a new answer (same bytes and tag).
    expect(second).not.toBe(first);
    expect(second.tag).toBe(first.tag);
    expect(String(second.body)).toBe(String(first.body));
    // Asked twice: the answer was kept, and a third ask gets it as it is.
    const third = await ask(now + 20);
    expect(third).toBe(second);
    // Another question is again asked once.
    const other = await ask(now + 30, '2026-03-04');
    expect(await ask(now + 40, '2026-03-04')).not.toBe(other);
    expect(warnings).toEqual([]);
  });

  it('forgets a first ask after 2 s, and never answers from the cache once a booking changed it', async () => {
    t = await createTestApp();
    const now = t.clock.now();
    const first = await ask(now);
    // Asked again after the answer's lifetime: still a first ask, nothing kept.
    const late = await ask(now + 2_500);
    expect(late).not.toBe(first);
    expect(await ask(now + 2_510)).not.toBe(late);
    const kept = await ask(now + 2_520);
    expect(await ask(now + 2_530)).toBe(kept);

    const slot = JSON.parse(String(kept.body)).slots[0].start as string;
    const booked = await call(t, 'POST', '/v1/bookings', {
      key: t.publishableKey,
      body: { service: t.catalog!.serviceIds.haircut, start: slot, customer },
    });
    expect(booked.status).toBe(201);
    const after = await ask(now + 2_540);
    expect(after).not.toBe(kept);
    expect(after.tag).not.toBe(kept.tag);
    // The booked start is offered with one place fewer (or not at all): the bytes changed.
    expect(String(after.body)).not.toBe(String(kept.body));
  });
});
