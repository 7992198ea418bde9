/**
 * @module Where a customer's personal data lives, in one list. Erasure (`customer-erasure.ts`) walks
 * it, so a new table that holds a customer's email, name, phone or words is one entry here:
 *
 * - `customerRows`: tables with the customer's email in a column. Rows matching it (any casing)
 *   get the tombstone values, or are deleted; the rows themselves (a booking, a reservation) stay,
 *   anonymous, so counts and the stock ledger still add up.
 * - `customerMentions`: text that may quote a customer without being keyed by them (the event log,
 *   receivers' answers to webhooks). Rewritten where it mentions them.
 * - Sealed idempotent answers (`idempotency_keys`), which hold a booking or reservation as it was
 *   answered, are found by the id of what they created (`subject_id`); erasure handles those itself.
 *
 * Looked at and holding none: `holds` (a slot, no customer), `stock_movements` (`note` of a collect
 * is `reservation <id>`), `stock_events_seen` (POS answers), `outbox_jobs` (an event id and type),
 * `users`, `sessions`, `login_failures` (the business's people, not its customers).
 */
import { sql } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { bookings, customerNotes, events, outboxAttempts, reservations } from '../db/schema.js';

/** What erased text reads as. */
export const ERASED = '[erased]';
/** What an erased email reads as: `.invalid` is reserved (RFC 2606), so no customer has it. */
export const ERASED_EMAIL = 'erased@erased.invalid';

/**
 * A customer's identity in a business: the email with ASCII letters in lower case, exactly as
 * SQLite's `lower()` folds them (the customer indexes are on `lower(customer_email)`).
 */
export function customerKey(email: string): string {
  return email.trim().replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
}

export interface CustomerRows {
  table: SQLiteTable;
  /** Names the table in erasure counts. */
  name: string;
  businessId: SQLiteColumn;
  email: SQLiteColumn;
  /** Column (property) name → tombstone value or SQL; `delete` removes the rows instead. */
  erase: Record<string, unknown> | 'delete';
}

/** Text that is erased only when set (a null reason stays null). */
const erasedIfSet = (column: SQLiteColumn) => sql`CASE WHEN ${column} IS NULL THEN NULL ELSE ${ERASED} END`;

export const customerRows: CustomerRows[] = [
  {
    table: bookings,
    name: 'bookings',
    businessId: bookings.businessId,
    email: bookings.customerEmail,
    erase: {
      customerName: ERASED,
      customerEmail: ERASED_EMAIL,
      customerPhone: null,
      answers: {},
      notes: '',
      internalNotes: '',
      // Written by the customer (or about them) when cancelling.
      cancelReason: erasedIfSet(bookings.cancelReason),
    },
  },
  {
    table: reservations,
    name: 'reservations',
    businessId: reservations.businessId,
    email: reservations.customerEmail,
    erase: { customerName: ERASED, customerEmail: ERASED_EMAIL, customerPhone: null },
  },
  {
    table: customerNotes,
    name: 'customer_notes',
    businessId: customerNotes.businessId,
    email: customerNotes.email,
    erase: 'delete',
  },
];

export interface CustomerMentions {
  table: SQLiteTable;
  name: string;
  /** The row's key, to rewrite exactly the rows read. */
  id: SQLiteColumn;
  businessId: SQLiteColumn;
  column: SQLiteColumn;
  /** The column's property name (what drizzle's `set()` takes). */
  field: string;
  /**
   * `json`: the value is JSON; fields about the customer of a booking or reservation (by `subject`)
   * are tombstoned and any other string quoting them is replaced. `text`: the whole value is
   * replaced when it quotes them.
   */
  kind: 'json' | 'text';
  /** For `json`: the id of the booking or reservation the row is about. */
  subject?: SQLiteColumn;
}

export const customerMentions: CustomerMentions[] = [
  {
    table: events,
    name: 'events',
    id: events.id,
    businessId: events.businessId,
    column: events.payload,
    field: 'payload',
    kind: 'json',
    subject: events.subjectId,
  },
  {
    // What a webhook receiver answered (its first 4 KB): it may echo the customer back.
    table: outboxAttempts,
    name: 'outbox_attempts',
    id: outboxAttempts.id,
    businessId: outboxAttempts.businessId,
    column: outboxAttempts.response,
    field: 'response',
    kind: 'text',
  },
];

/**
 * Fields of a booking's or reservation's event payload that are the customer's own words or
 * details: cleared (the booking's cancellation `reason` is the customer's text when they cancel).
 */
export const personalPayloadFields: Record<string, unknown> = {
  customer: { name: ERASED, email: ERASED_EMAIL },
  answers: {},
  notes: '',
  internalNotes: '',
  cancelReason: ERASED,
  reason: ERASED,
};
