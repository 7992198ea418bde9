/**
 * @module Where a customer's personal data lives, in one list. Erasure (`customer-erasure.ts`) walks
 * it, so a new table that holds a customer's email, name, phone or words is one entry here:
 *
 * - `customerRows`: tables with the customer's email in a column (or, for `messages`, the id of one
 *   of their bookings or reservations). Rows matching it (any casing) get the tombstone values, or
 *   are deleted; the rows themselves (a booking, a reservation, a message) stay, anonymous, so
 *   counts, the stock ledger and the mail log still add up.
 * - `customerMentions`: text that may quote a customer without being keyed by them (the event log,
 *   receivers' answers to webhooks). Rewritten where it mentions them.
 * - Sealed idempotent answers (`idempotency_keys`), which hold a booking or reservation as it was
 *   answered, are found by the id of what they created (`subject_id`); erasure handles those itself.
 *
 * Looked at and holding none: `holds` (a slot, no customer), `stock_movements` (`note` of a collect
 * is `reservation <id>`), `stock_events_seen` (POS answers), `outbox_jobs` (an event id and type, or
 * a message id), `booking_link_tokens` (hashes of random manage tokens and a booking id: the links
 * in her mail keep managing her booking, which stays, as the token she got on screen does),
 * `calendar_feeds` (token hashes; a feed renders the bookings' names as they are now, and erasure
 * gives the business a new occupancy version so no process serves a copy rendered before),
 * `producer_cursors`, bookings' and reservations' `locale` and `customer_time_zone` (a language
 * and a zone, shared by millions), `users`, `sessions`, `login_failures` (the business's people).
 */
import { sql } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable, SQLiteView } from 'drizzle-orm/sqlite-core';
import {
  bookings,
  customerNotes,
  eventRows,
  events,
  messages,
  outboxAttempts,
  reservations,
} from '../db/schema.js';

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
  /** Columns holding the id of a booking or reservation: rows about hers are hers too. */
  subjects?: SQLiteColumn[];
  /**
   * Column (property) name → tombstone value or SQL (a function is given her key, for SQL that
   * tells her rows from others'); `delete` removes the rows instead.
   */
  erase: Record<string, unknown> | ((key: string) => Record<string, unknown>) | 'delete';
}

/** Text that is erased only when set (a null reason stays null). */
const erasedIfSet = (column: SQLiteColumn) => sql`CASE WHEN ${column} IS NULL THEN NULL ELSE ${ERASED} END`;
/** A message's rendered part after erasure: `[erased]` if it had content (stored or rendered from `input`). */
const erasedIfRendered = (column: SQLiteColumn) =>
  sql`CASE WHEN ${column} IS NULL AND ${messages.input} IS NULL THEN NULL ELSE ${ERASED} END`;

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
  {
    // Mail to her and the business's notices about her bookings (which quote her name, email and
    // phone). Tombstoned, not deleted: the business's mail log keeps its rows (what was sent when,
    // attempts, statuses) and the dedupe keys that stop a message being sent twice stay taken.
    // Mail still waiting (a reminder) is skipped: nothing is sent to, or about, her afterwards.
    table: messages,
    name: 'messages',
    businessId: messages.businessId,
    email: messages.toEmail,
    subjects: [messages.bookingId, messages.reservationId],
    erase: (key) => {
      const toHer = sql`lower(${messages.toEmail}) = ${key}`;
      return {
        // A notice keeps the business's own address; mail to her loses hers.
        toName: sql`CASE WHEN ${toHer} THEN NULL ELSE ${messages.toName} END`,
        toEmail: sql`CASE WHEN ${toHer} THEN ${ERASED_EMAIL} ELSE ${messages.toEmail} END`,
        // What it was rendered from quotes her too; a message that had content reads `[erased]`.
        input: null,
        subject: erasedIfRendered(messages.subject),
        html: erasedIfRendered(messages.html),
        text: erasedIfRendered(messages.text),
        calendar: null,
        // An SMTP refusal quotes the address (`550 5.1.1 <her@…>: no such user`).
        smtpResponse: erasedIfSet(messages.smtpResponse),
        // Both read the status before this update (SQL sets every column from the old row).
        status: sql`CASE WHEN ${messages.status} = 'queued' THEN 'skipped' ELSE ${messages.status} END`,
        statusReason: sql`CASE WHEN ${messages.status} = 'queued' THEN 'erased' ELSE ${messages.statusReason} END`,
      };
    },
  },
];

export interface CustomerMentions {
  /** Where the rows are read. */
  table: SQLiteTable | SQLiteView;
  /** Where a rewritten value is written, by its key (default: `table`, by `id`): a view is read, its row written. */
  write?: { table: SQLiteTable; id: SQLiteColumn };
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
    // Read through the view (names spelled out, compact payloads decoded), written to the row.
    table: events,
    write: { table: eventRows, id: eventRows.id },
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
  {
    // Why an attempt failed: an SMTP server's refusal quotes the recipient's address.
    table: outboxAttempts,
    name: 'outbox_attempt_errors',
    id: outboxAttempts.id,
    businessId: outboxAttempts.businessId,
    column: outboxAttempts.error,
    field: 'error',
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
