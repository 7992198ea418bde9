/**
 * @module Customers: not accounts but the people behind a business's bookings and reservations,
 * recognised by email (case-insensitive). Their list and history, the business's notes about them,
 * and the two privacy duties: an export of everything stored about one, and erasure.
 */
import * as z from 'zod/mini';
import { Booking } from './booking.js';
import { Id, Instant, ListQuery, multilineText, text } from './common.js';
import { Event } from './event.js';
import { Message } from './message.js';
import { Reservation } from './stock.js';

/** A customer's email as the path names it (`/v1/customers/{email}`); matched case-insensitively. */
export const CustomerEmail = z.email().check(z.maxLength(254));

export const CustomerListQuery = z.extend(ListQuery, {
  /** Part of a name, an email or a phone number (case-insensitive; a phone's spaces and dashes ignored). */
  q: z.optional(text(200)),
});
export type CustomerListQuery = z.infer<typeof CustomerListQuery>;

/** One customer in the list: who, how to reach them (their latest details), and their record. */
export const CustomerSummary = z.object({
  /** Lower case: the customer's identity in this business. */
  email: z.string(),
  /** The name on their most recent booking or reservation. */
  name: z.string(),
  phone: z.nullable(z.string()),
  /** Every booking, whatever its status. */
  bookings: z.int(),
  /** Completed bookings. */
  visits: z.int(),
  cancellations: z.int(),
  noShows: z.int(),
  reservations: z.int(),
  /** Start of the first and of the last completed booking. */
  firstVisit: z.nullable(Instant),
  lastVisit: z.nullable(Instant),
  /** When their latest booking or reservation was made. */
  lastSeenAt: Instant,
});
export type CustomerSummary = z.infer<typeof CustomerSummary>;

/** The business's notes about a customer (never shown to the customer). */
export const CustomerNotes = z.object({
  notes: z.string(),
  /** Null until notes are first written. */
  updatedAt: z.nullable(Instant),
});
export type CustomerNotes = z.infer<typeof CustomerNotes>;

export const CustomerNotesInput = z.strictObject({ notes: multilineText(5000) });
export type CustomerNotesInput = z.infer<typeof CustomerNotesInput>;

/** A customer with their history, newest first. */
export const CustomerDetail = z.extend(CustomerSummary, {
  notes: CustomerNotes,
  history: z.object({ bookings: z.array(Booking), reservations: z.array(Reservation) }),
});
export type CustomerDetail = z.infer<typeof CustomerDetail>;

/** Everything stored about one customer in one business (`GET /v1/customers/{email}/export`). */
export const CustomerExport = z.object({
  exportedAt: Instant,
  business: z.object({ id: Id, name: z.string() }),
  /** Lower case, as the business matches it. */
  email: z.string(),
  /** Every name and phone number the customer gave, oldest first. */
  names: z.array(z.string()),
  phones: z.array(z.string()),
  /** Bookings with answers, notes, the business's internal notes and cancellation reasons. */
  bookings: z.array(Booking),
  reservations: z.array(Reservation),
  notes: CustomerNotes,
  /** The event log about those bookings and reservations (what happened to them, and who did it). */
  events: z.array(Event),
  /** Mail to the customer and the business's notices about those bookings and reservations. */
  messages: z.array(Message),
});
export type CustomerExport = z.infer<typeof CustomerExport>;

/** What `POST /v1/customers/{email}/erase` changed: counts only, and the ids that stay. */
export const CustomerErasure = z.object({
  /**
   * Rows changed, by table (`bookings`, `reservations`, `customer_notes`, `events`,
   * `idempotency_keys`, `outbox_attempts`, …): 0 everywhere on a repeat.
   */
  erased: z.record(z.string(), z.int()),
  /** The bookings and reservations that stay, anonymous, so counts and the stock ledger add up. */
  bookingIds: z.array(Id),
  reservationIds: z.array(Id),
});
export type CustomerErasure = z.infer<typeof CustomerErasure>;
