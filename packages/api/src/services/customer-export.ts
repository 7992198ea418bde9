/**
 * @module A customer's data export (`GET /v1/customers/{email}/export`): everything one business
 * stores about one customer, as JSON — their bookings (with answers, notes, the business's internal
 * notes), reservations, the business's notes about them, the event log of those bookings and
 * reservations, and the mail about them (to the customer, and the business's notices). Only rows of this business with this email (any casing): nothing of another
 * customer, nor of the same email at another business.
 */
import type { CustomerExport, Event, Message } from '@frontdesk/core';
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { messages } from '../db/schema.js';
import { toInstant } from '../time.js';
import { getBusinessRow } from './business.js';
import { getCustomerNotes } from './customer-notes.js';
import { customerKey } from './customer-pii.js';
import { customerHistory, getCustomerSummary } from './customers.js';
import { listEvents } from './events.js';
import { messageToWire } from './messages.js';

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

/** Mail to this customer or about one of their bookings or reservations, oldest first. */
async function messagesOf(db: Db, businessId: string, key: string, subjects: string[]): Promise<Message[]> {
  const rows = await db
    .select()
    .from(messages)
    .where(
      and(
        eq(messages.businessId, businessId),
        or(
          sql`lower(${messages.toEmail}) = ${key}`,
          ...(subjects.length > 0
            ? [inArray(messages.bookingId, subjects), inArray(messages.reservationId, subjects)]
            : []),
        ),
      ),
    )
    .orderBy(messages.id);
  return rows.map(messageToWire);
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
    messages: await messagesOf(
      db,
      businessId,
      customerKey(email),
      rowsOldestFirst.map((row) => row.id),
    ),
  };
}
