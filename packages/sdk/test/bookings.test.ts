/**
 * @module Booking end to end through the SDK against the real API and a real libSQL file: the
 * customer's path with a publishable key (services, availability, hold, book, manage by token),
 * the business's path with a secret key, and each domain error as its class.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CutoffPassedError,
  InvalidStateError,
  isSlotUnavailableError,
  NotFoundError,
  SlotUnavailableError,
  ValidationError,
} from '../src/index.js';
import { createSalon, customer, day } from './fixtures.js';
import { type Bench, startBench, stopBench } from './harness.js';

let bench: Bench;
let salon: Awaited<ReturnType<typeof createSalon>>;
beforeAll(async () => {
  bench = await startBench();
  salon = await createSalon(bench.admin);
});
afterAll(() => stopBench(bench));

describe('a customer books with a publishable key', () => {
  it('finds a slot, holds it, books it, and manages the booking with its token', async () => {
    const haircut = await salon.service();
    const client = bench.public;

    const { data: services } = await client.services.list();
    expect(services.map((s) => s.id)).toContain(haircut.id);

    const { timezone, slots } = await client.availability.get({ service: haircut.id, from: day, to: day });
    expect(timezone).toBe('Europe/Lisbon');
    expect(slots[0]).toMatchObject({
      start: '2026-03-03T09:00:00Z',
      end: '2026-03-03T09:30:00Z',
      remaining: 1,
    });

    const hold = await client.holds.create({ service: haircut.id, start: slots[0]!.start });
    expect(Date.parse(hold.expiresAt)).toBeGreaterThan(bench.clock());
    const booking = await client.bookings.create({
      service: haircut.id,
      start: slots[0]!.start,
      holdId: hold.id,
      customer,
      notes: '<b>verbatim</b>',
    });
    expect(booking).toMatchObject({
      status: 'confirmed',
      start: slots[0]!.start,
      customer,
      notes: '<b>verbatim</b>',
    });
    const token = booking.manageToken!;
    expect(token).toEqual(expect.any(String));

    const after = await client.availability.get({ service: haircut.id, from: day, to: day });
    expect(after.slots.map((s) => s.start)).not.toContain(slots[0]!.start);

    await expect(client.bookings.get(booking.id, { token })).resolves.toMatchObject({
      id: booking.id,
      customer,
    });
    const ics = await client.bookings.ics(booking.id, { token });
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain('DTSTART:20260303T090000Z');

    const moved = await client.bookings.reschedule(booking.id, { start: slots[2]!.start }, { token });
    expect(moved).toMatchObject({ id: booking.id, start: slots[2]!.start, status: 'confirmed' });

    const cancelled = await client.bookings.cancel(booking.id, { reason: 'Cannot make it' }, { token });
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'Cannot make it' });
    await expect(client.bookings.cancel(booking.id, undefined, { token })).rejects.toBeInstanceOf(
      InvalidStateError,
    );
  });

  it('a taken slot is a SlotUnavailableError with a request id, and is not retried', async () => {
    const colour = await salon.service({ name: 'Colour', durationMinutes: 60 });
    const start = '2026-03-03T14:00:00Z';
    await bench.public.bookings.create({ service: colour.id, start, customer });
    bench.seen.length = 0;
    const error = await bench.public.bookings
      .create({ service: colour.id, start, customer: { name: 'Late', email: 'late@example.com' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SlotUnavailableError);
    expect(isSlotUnavailableError(error)).toBe(true);
    expect(error).toMatchObject({ status: 409, code: 'slot_unavailable', requestId: expect.any(String) });
    expect(bench.seen.filter((r) => r.path === '/v1/bookings')).toHaveLength(1);
  });

  it('invalid customer details are a ValidationError naming the field', async () => {
    const haircut = await salon.service();
    const error = await bench.public.bookings
      .create({
        service: haircut.id,
        start: '2026-03-03T10:00:00Z',
        customer: { name: 'X', email: 'not-an-email' },
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors).toContainEqual(
      expect.objectContaining({ path: 'customer.email' }),
    );
  });

  it('a wrong manage token is a NotFoundError (existence is not revealed)', async () => {
    const haircut = await salon.service();
    const booking = await bench.public.bookings.create({
      service: haircut.id,
      start: '2026-03-03T11:00:00Z',
      customer,
    });
    await expect(bench.public.bookings.get(booking.id, { token: 'wrong' })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(bench.public.bookings.get(booking.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('after the cut-off the customer gets CutoffPassedError; the business may still cancel', async () => {
    const strict = await salon.service({ name: 'Strict', cancellationCutoffMinutes: 7 * 24 * 60 });
    const booking = await bench.public.bookings.create({
      service: strict.id,
      start: '2026-03-04T09:00:00Z',
      customer,
    });
    const token = booking.manageToken!;
    const error = await bench.public.bookings.cancel(booking.id, {}, { token }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CutoffPassedError);
    expect(error).toMatchObject({ status: 409, code: 'cutoff_passed' });
    await expect(bench.admin.bookings.cancel(booking.id)).resolves.toMatchObject({ status: 'cancelled' });
  });
});

describe('the business manages bookings with a secret key', () => {
  it('confirms and declines pending bookings; confirming twice is an InvalidStateError', async () => {
    const consult = await salon.service({ name: 'Consultation', requiresConfirmation: true });
    const first = await bench.public.bookings.create({
      service: consult.id,
      start: '2026-03-05T09:00:00Z',
      customer,
    });
    const second = await bench.public.bookings.create({
      service: consult.id,
      start: '2026-03-05T10:00:00Z',
      customer,
    });
    expect([first.status, second.status]).toEqual(['pending', 'pending']);

    const pending = [];
    for await (const b of bench.admin.bookings.list({ status: 'pending', service: consult.id, limit: 1 }))
      pending.push(b.id);
    expect(pending.sort()).toEqual([first.id, second.id].sort());

    await expect(bench.admin.bookings.confirm(first.id)).resolves.toMatchObject({ status: 'confirmed' });
    await expect(bench.admin.bookings.decline(second.id, { reason: 'Fully booked' })).resolves.toMatchObject({
      status: 'cancelled',
    });
    await expect(bench.admin.bookings.confirm(first.id)).rejects.toBeInstanceOf(InvalidStateError);
  });

  it('lists with filters and sees customer details', async () => {
    const page = await bench.admin.bookings.list({ from: day, to: day, email: customer.email });
    expect(page.data.length).toBeGreaterThan(0);
    expect(page.data.every((b) => b.customer.email === customer.email && b.start.startsWith(day))).toBe(true);
  });
});
