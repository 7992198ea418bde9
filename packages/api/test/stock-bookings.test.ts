import type { Availability, Booking, Problem, Reservation } from '@frontdesk/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStockTestApp, type StockTestApp } from './stock-fixtures.js';

let t: StockTestApp;
let serviceId: string;
beforeEach(async () => {
  t = await createStockTestApp();
  serviceId = t.catalog!.serviceIds.haircut;
  const set = await t.call('PUT', `/v1/services/${serviceId}/products`, [
    { sku: 'HELMET-M', locationId: 'lisbon', quantity: 1 },
  ]);
  expect(set.status).toBe(200);
  await t.adjust({ eventId: 'count', sku: 'HELMET-M', locationId: 'lisbon', set: 1 });
});
afterEach(async () => {
  await t.close();
});

async function slots(): Promise<string[]> {
  const res = await t.call<Availability>(
    'GET',
    `/v1/availability?service=${serviceId}&from=2026-03-03&to=2026-03-03`,
  );
  return res.body.slots.map((s) => s.start);
}

const book = (start: string) =>
  t.call<Booking & { code?: string }>(
    'POST',
    '/v1/bookings',
    { service: serviceId, start, customer: { name: 'Rui', email: 'rui@example.com' } },
    t.publishableKey,
  );

describe('booking a service that uses products', () => {
  it('reserves the products in the booking transaction: both or neither', async () => {
    const [first, second] = await slots();
    const booked = await book(first!);
    expect(booked.status).toBe(201);
    const held = await t.call<{ data: Reservation[] }>('GET', '/v1/reservations');
    expect(held.body.data).toEqual([
      expect.objectContaining({ sku: 'HELMET-M', quantity: 1, status: 'active', bookingId: booked.body.id }),
    ]);
    expect(await t.availableAt('HELMET-M', 'lisbon')).toBe(0);

    // No helmet left: the second booking fails whole, and no booking row is left behind.
    const refused = await book(second!);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('insufficient_stock');
    const list = await t.call<{ data: Booking[] }>('GET', '/v1/bookings');
    expect(list.body.data.map((b) => b.id)).toEqual([booked.body.id]);
  });

  it('gives the products back when the booking is cancelled', async () => {
    const [first] = await slots();
    const booked = await book(first!);
    const cancel = await t.call(
      'POST',
      `/v1/bookings/${booked.body.id}/cancel?token=${booked.body.manageToken}`,
      {},
      t.publishableKey,
    );
    expect(cancel.status).toBe(200);
    expect(await t.availableAt('HELMET-M', 'lisbon')).toBe(1);
  });

  it('rejects unknown products for a service with 422', async () => {
    const res = await t.call<Problem>('PUT', `/v1/services/${serviceId}/products`, [
      { sku: 'NOPE', quantity: 1 },
    ]);
    expect(res.status).toBe(422);
    expect(res.body.errors?.[0]?.path).toBe('0.sku');
  });
});
