/**
 * @module The customers tests' shop: a salon with stock, one customer (Zelda) who booked, cancelled,
 * missed and completed appointments and reserved and collected stock — with her email in two
 * casings, a phone number, answers and notes — and another customer (João) beside her. Everything
 * made through the API, as a business and its customers would.
 */
import type { Booking, Reservation } from '@frontdesk/core';
import type { TestAppOptions } from './helpers.js';
import { createStockTestApp, type StockTestApp } from './stock-fixtures.js';

/** Zelda as she typed herself, in two casings; names and numbers found nowhere else in the data. */
export const zelda = {
  name: 'Zelda Quintanilha',
  email: 'Zelda.Quintanilha@Example.org',
  phone: '+351 934 567 890',
};
export const zeldaLower = 'zelda.quintanilha@example.org';
export const joao = { name: 'João Tavares', email: 'joao.tavares@example.net', phone: '+351 211 000 111' };

export interface Shop {
  t: StockTestApp;
  /** Zelda's bookings: completed, no-show, cancelled (with answers), upcoming. */
  zeldaBookings: { completed: Booking; noShow: Booking; cancelled: Booking; upcoming: Booking };
  /** Zelda's reservations: one collected, one never collected (made with an Idempotency-Key; expired by the end). */
  zeldaReservations: { collected: Reservation; active: Reservation };
  joaoBooking: Booking;
  joaoReservation: Reservation;
  /** The Idempotency-Key of Zelda's active reservation. */
  reservationKey: string;
}

async function ok<T>(answer: Promise<{ status: number; body: T }>, status = 201): Promise<T> {
  const res = await answer;
  if (res.status !== status)
    throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function openShop(options: TestAppOptions = {}): Promise<Shop> {
  const t = await createStockTestApp(options);
  await ok(t.adjust({ eventId: 'count-1', sku: 'HELMET-M', locationId: 'lisbon', set: 10 }), 200);
  const { serviceIds, resourceIds } = t.catalog!;
  const book = (start: string, customer: object, extra: object = {}, service = serviceIds.haircut) =>
    ok(
      t.call<Booking>(
        'POST',
        '/v1/bookings',
        { service, start, resource: resourceIds.ana, customer, ...extra },
        t.publishableKey,
      ),
    );
  const completed = await book('2026-03-03T10:00:00Z', zelda);
  const noShow = await book('2026-03-03T11:00:00Z', { ...zelda, email: zeldaLower });
  const cancelled = await book(
    '2026-03-04T10:00:00Z',
    { name: 'Zelda Q.', email: zeldaLower.toUpperCase() },
    {
      answers: { 'hair-length': 'Long', allergies: 'Zelda allergic to peroxide' },
      notes: 'Zelda prefers mornings',
    },
    serviceIds.colourConsultation,
  );
  const upcoming = await book('2026-03-09T10:00:00Z', zelda);
  const joaoBooking = await book('2026-03-03T14:00:00Z', joao);

  const reserve = async (customer: object, quantity: number, key?: string) => {
    const res = await t.app.request('/v1/reservations', {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${t.publishableKey}`,
        'Content-Type': 'application/json',
        ...(key ? { 'Idempotency-Key': key } : {}),
      },
      body: JSON.stringify({ sku: 'HELMET-M', locationId: 'lisbon', quantity, customer }),
    });
    if (res.status !== 201) throw new Error(`reservation: ${res.status} ${await res.text()}`);
    return (await res.json()) as Reservation;
  };
  const collected = await reserve(zelda, 2);
  const reservationKey = 'zelda-reservation-1';
  const active = await reserve({ ...zelda, email: zeldaLower }, 1, reservationKey);
  const joaoReservation = await reserve(joao, 1);
  await ok(t.call('POST', `/v1/reservations/${collected.id}/collect`), 200);

  // The customer cancels with a reason of her own; then the day passes and the desk records outcomes.
  await ok(t.call('POST', `/v1/bookings/${cancelled.id}/cancel`, { reason: 'Zelda has the flu' }), 200);
  t.clock.set('2026-03-03T16:00:00Z');
  await ok(t.call('POST', `/v1/bookings/${completed.id}/complete`), 200);
  await ok(t.call('POST', `/v1/bookings/${noShow.id}/no-show`), 200);
  await ok(t.call('PUT', `/v1/bookings/${completed.id}/notes`, { internalNotes: 'Zelda tips well' }), 200);
  return {
    t,
    zeldaBookings: { completed, noShow, cancelled, upcoming },
    zeldaReservations: { collected, active },
    joaoBooking,
    joaoReservation,
    reservationKey,
  };
}

/** `/v1/customers/{email}` with the email URL-encoded, as a client sends it. */
export const customerPath = (email: string, rest = '') => `/v1/customers/${encodeURIComponent(email)}${rest}`;
