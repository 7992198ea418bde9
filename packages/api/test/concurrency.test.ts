/**
 * @module No double booking under 50 concurrent requests in one process, idempotent or not.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { call, customer, setupSalon } from './fixtures.js';
import { createTestApp, type TestApp } from './helpers.js';

let t: TestApp;
afterEach(async () => t?.close());

async function race(serviceId: string, n: number, extra: (i: number) => Record<string, string> = () => ({})) {
  const answers = await Promise.all(
    Array.from({ length: n }, (_, i) =>
      call(t, 'POST', '/v1/bookings', {
        key: t.publishableKey,
        body: {
          service: serviceId,
          start: '2026-03-04T10:00:00Z',
          customer: { ...customer, name: `Customer ${i}` },
        },
        headers: extra(i),
      }),
    ),
  );
  const count = (status: number) => answers.filter((a) => a.status === status).length;
  return {
    answers,
    created: count(201),
    conflicts: count(409),
    serverErrors: answers.filter((a) => a.status >= 500).length,
  };
}

describe('no double booking under concurrency (one process)', () => {
  it('50 concurrent bookings of one capacity-1 slot: exactly one 201, 49 slot_unavailable', async () => {
    t = await createTestApp();
    const salon = await setupSalon(t);
    const result = await race(salon.serviceId, 50);
    expect(result).toMatchObject({ created: 1, conflicts: 49, serverErrors: 0 });
    expect(
      result.answers.filter((a) => a.status === 409).every((a) => a.body.code === 'slot_unavailable'),
    ).toBe(true);
    const list = await call<{ data: unknown[] }>(t, 'GET', `/v1/bookings?service=${salon.serviceId}`);
    expect(list.body.data).toHaveLength(1);
  });

  it('50 concurrent bookings of a capacity-3 class: exactly three 201s', async () => {
    t = await createTestApp();
    const salon = await setupSalon(t);
    const result = await race(salon.classId, 50);
    expect(result).toMatchObject({ created: 3, conflicts: 47, serverErrors: 0 });
  });

  it('50 concurrent identical requests with one Idempotency-Key: one booking, the rest replay it', async () => {
    t = await createTestApp();
    const salon = await setupSalon(t);
    const result = await race(salon.classId, 1);
    expect(result.created).toBe(1);
    const same = await Promise.all(
      Array.from({ length: 50 }, () =>
        call<{ id: string }>(t, 'POST', '/v1/bookings', {
          key: t.publishableKey,
          body: { service: salon.classId, start: '2026-03-04T10:00:00Z', customer },
          headers: { 'Idempotency-Key': 'same-key-1' },
        }),
      ),
    );
    expect(new Set(same.map((a) => a.status))).toEqual(new Set([201]));
    expect(new Set(same.map((a) => a.body.id)).size).toBe(1);
    expect(same.filter((a) => a.headers.get('idempotent-replayed') === 'true')).toHaveLength(49);
    const list = await call<{ data: unknown[] }>(t, 'GET', `/v1/bookings?service=${salon.classId}`);
    expect(list.body.data).toHaveLength(2);
  });
});
