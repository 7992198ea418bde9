/**
 * @module The promise of safe retries, checked on the real API: when a create's `201` is lost on
 * the way back, the SDK's retry (same Idempotency-Key) gets the replayed answer and the database
 * holds exactly one booking or hold. Plus fresh keys per call and idempotency conflicts.
 */
import { HttpResponse, http } from 'msw';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { IdempotencyConflictError, NetworkError } from '../src/index.js';
import { createSalon, customer, day } from './fixtures.js';
import { type Bench, baseUrl, startBench, stopBench } from './harness.js';

let bench: Bench;
let salon: Awaited<ReturnType<typeof createSalon>>;
beforeAll(async () => {
  bench = await startBench();
  salon = await createSalon(bench.admin);
});
afterAll(() => stopBench(bench));
beforeEach(() => {
  bench.seen.length = 0;
});
afterEach(() => bench.server.resetHandlers());

/** The API does the work and answers, but the answer never reaches the client. */
const loseAnswerOnce = (path: string) =>
  bench.server.use(
    http.post(
      `${baseUrl}${path}`,
      async ({ request }) => {
        const answer = await bench.forward(request);
        expect(answer.status).toBe(201);
        return HttpResponse.error();
      },
      { once: true },
    ),
  );

const posts = (path: string) => bench.seen.filter((r) => r.method === 'POST' && r.path === path);

describe('a lost 201', () => {
  it('on bookings.create: the retry gets the same booking, and only one exists', async () => {
    const haircut = await salon.service();
    loseAnswerOnce('/v1/bookings');
    const booking = await bench.public.bookings.create({
      service: haircut.id,
      start: '2026-03-03T09:00:00Z',
      customer,
    });
    expect(booking).toMatchObject({ status: 'confirmed', manageToken: expect.any(String) });

    const sent = posts('/v1/bookings');
    expect(sent).toHaveLength(2);
    expect(sent[0]!.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent[1]!.idempotencyKey).toBe(sent[0]!.idempotencyKey);

    const stored = await bench.admin.bookings.list({ service: haircut.id });
    expect(stored.data.map((b) => b.id)).toEqual([booking.id]);
    // The replayed answer is the first one: its manage token works.
    await expect(
      bench.public.bookings.get(booking.id, { token: booking.manageToken! }),
    ).resolves.toMatchObject({
      id: booking.id,
    });
  });

  it('on holds.create: one hold, one seat taken', async () => {
    const yoga = await salon.service({ name: 'Yoga class', durationMinutes: 60, capacity: 3 });
    const start = '2026-03-03T10:00:00Z';
    loseAnswerOnce('/v1/holds');
    const hold = await bench.public.holds.create({ service: yoga.id, start });
    expect(posts('/v1/holds')).toHaveLength(2);
    const { slots } = await bench.public.availability.get({ service: yoga.id, from: day, to: day });
    expect(slots.find((s) => s.start === start)?.remaining).toBe(2);
    await bench.public.holds.release(hold.id);
    const again = await bench.public.availability.get({ service: yoga.id, from: day, to: day });
    expect(again.slots.find((s) => s.start === start)?.remaining).toBe(3);
  });

  it('with retries off, the caller sees a NetworkError and can retry with its own key', async () => {
    const haircut = await salon.service({ name: 'Beard trim' });
    const input = { service: haircut.id, start: '2026-03-03T11:00:00Z', customer };
    const idempotencyKey = 'order-1234-booking';
    loseAnswerOnce('/v1/bookings');
    const noRetry = bench.client({ key: bench.publishableKey, retry: false });
    await expect(noRetry.bookings.create(input, { idempotencyKey })).rejects.toBeInstanceOf(NetworkError);
    const booking = await noRetry.bookings.create(input, { idempotencyKey });
    const stored = await bench.admin.bookings.list({ service: haircut.id });
    expect(stored.data.map((b) => b.id)).toEqual([booking.id]);
  });
});

describe('idempotency keys', () => {
  it('a fresh key per call: two identical calls are two attempts at booking', async () => {
    const colour = await salon.service({ name: 'Colour', capacity: 2 });
    const input = { service: colour.id, start: '2026-03-03T12:00:00Z', customer };
    const first = await bench.public.bookings.create(input);
    const second = await bench.public.bookings.create(input);
    expect(second.id).not.toBe(first.id);
  });

  it('reusing a key with another body is an IdempotencyConflictError', async () => {
    const haircut = await salon.service({ name: 'Wash' });
    const idempotencyKey = 'same-key-other-body';
    await bench.public.bookings.create(
      { service: haircut.id, start: '2026-03-03T13:00:00Z', customer },
      { idempotencyKey },
    );
    const error = await bench.public.bookings
      .create({ service: haircut.id, start: '2026-03-03T13:30:00Z', customer }, { idempotencyKey })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IdempotencyConflictError);
    expect(error).toMatchObject({ status: 409, code: 'idempotency_conflict' });
  });
});
