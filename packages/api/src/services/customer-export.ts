/**
 * @module A customer's data export (`GET /v1/customers/{email}/export`): everything one business
 * stores about one customer, as JSON — their bookings (with answers, notes, the business's internal
 * notes), reservations, the business's notes about them and the event log of those bookings and
 * reservations. Only rows of this business with this email (any casing): nothing of another
 * customer, nor of the same email at another business.
 */
import type { CustomerExport, Event } from '@frontdesk/core';
import type { Db } from '../db/open.js';
import { toInstant } from '../time.js';
import { getBusinessRow } from './business.js';
import { getCustomerNotes } from './customer-notes.js';
import { customerKey } from './customer-pii.js';
import { customerHistory, getCustomerSummary } from './customers.js';
import { listEvents } from './events.js';

/** Every event about one subject, oldest first (all pages). */
async function eventsOf(db: Db, businessId: string, subject: string): Promise<Event[]> {
  const found: Event[] = [];
  let cursor: string | undefined;
  do {
    const page = await listEvents(db, businessId, { subject, cursor, limit: 500 });
    found.push(...(page.data as Event[]));
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return found;
}

const distinct = (values: (string | null)[]) => [
  ...new Set(values.filter((value): value is string => value !== null && value !== '')),
];

export async function exportCustomer(
  db: Db,
  businessId: string,
  email: string,
  now: number,
): Promise<CustomerExport> {
  // 404 for an email the business does not know (or only as erased rows).
  await getCustomerSummary(db, businessId, email);
  const business = await getBusinessRow(db, businessId);
  const history = await customerHistory(db, businessId, email, now);
  const rowsOldestFirst = [...history.bookingRows, ...history.reservationRows].sort(
    (a, b) => a.createdAt - b.createdAt,
  );
  const events: Event[] = [];
  for (const row of rowsOldestFirst) events.push(...(await eventsOf(db, businessId, row.id)));
  events.sort((a, b) => a.id - b.id);
  return {
    exportedAt: toInstant(now),
    business: { id: business.id, name: business.name },
    email: customerKey(email),
    names: distinct(rowsOldestFirst.map((row) => row.customerName)),
    phones: distinct(rowsOldestFirst.map((row) => row.customerPhone)),
    bookings: history.bookings,
    reservations: history.reservations,
    notes: await getCustomerNotes(db, businessId, email),
    events,
  };
}
