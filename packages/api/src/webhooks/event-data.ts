/**
 * @module The `data` of a webhook: the event's payload plus the personal part the event log does
 * not hold — a booking's customer, answers and notes, a reservation's customer — read from the
 * booking or reservation row when the event is sent. Those fields never change after the booking
 * or reservation is made, so the object is still the one "as it was when the event happened",
 * and a replay sends the same.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { prepared } from '../db/prepared.js';
import { bookings, reservations } from '../db/schema.js';

const p = (name: string) => sql.placeholder(name);

const bookingPersonal = (db: Db) =>
  prepared(db, 'webhook:booking-personal', (d) =>
    d
      .select({
        name: bookings.customerName,
        email: bookings.customerEmail,
        phone: bookings.customerPhone,
        answers: bookings.answers,
        notes: bookings.notes,
      })
      .from(bookings)
      .where(and(eq(bookings.id, p('id')), eq(bookings.businessId, p('businessId'))))
      .prepare(),
  );

const reservationCustomer = (db: Db) =>
  prepared(db, 'webhook:reservation-customer', (d) =>
    d
      .select({
        name: reservations.customerName,
        email: reservations.customerEmail,
        phone: reservations.customerPhone,
      })
      .from(reservations)
      .where(and(eq(reservations.id, p('id')), eq(reservations.businessId, p('businessId'))))
      .prepare(),
  );

const customerOf = (row: { name: string; email: string; phone: string | null }) => ({
  name: row.name,
  email: row.email,
  ...(row.phone ? { phone: row.phone } : {}),
});

export async function webhookData(
  db: Db,
  event: { businessId: string; type: string; subjectId: string; payload: unknown },
): Promise<unknown> {
  const key = { id: event.subjectId, businessId: event.businessId };
  if (event.type.startsWith('booking.')) {
    // `sequence` is the booking's calendar SEQUENCE, kept in the event for the mail planner's
    // .ics files; it is no part of the booking the secret key reads, so the body leaves it out.
    const { sequence: _calendarSequence, ...payload } = event.payload as Record<string, unknown>;
    const [row] = await bookingPersonal(db).all(key);
    return row ? { ...payload, customer: customerOf(row), answers: row.answers, notes: row.notes } : payload;
  }
  const payload = event.payload as Record<string, unknown>;
  if (event.type.startsWith('reservation.')) {
    const [row] = await reservationCustomer(db).all(key);
    if (row) return { ...payload, customer: customerOf(row) };
  }
  return payload;
}
