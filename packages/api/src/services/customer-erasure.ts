/**
 * @module Erasing a customer (`POST /v1/customers/{email}/erase`): in one write transaction, every
 * place `customer-pii.ts` lists gets the tombstone where it held the customer's email, name, phone,
 * answers or notes; sealed idempotent answers about their bookings and reservations are replaced
 * by a marker; then one `customer.erased` event names the ids that stay, never the person.
 * Bookings, reservations and stock movements stay as anonymous rows: counts and the ledger add up.
 * Erasing again finds nothing and changes nothing (no second event).
 */
import type { CustomerErasure } from '@frontdesk/core';
import { and, eq, inArray, type like, notLike, or, type SQL, sql } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Database, Db } from '../db/open.js';
import { bookings, idempotencyKeys, reservations } from '../db/schema.js';
import { newId } from '../ids.js';
import {
  type CustomerMentions,
  customerKey,
  customerMentions,
  customerRows,
  ERASED,
  personalPayloadFields,
} from './customer-pii.js';
import { appendEvent } from './events.js';
import { ERASED_ANSWER } from './idempotency-seal.js';

/** `%text%` for LIKE, with LIKE's own wildcards taken literally (`ESCAPE '\'`). */
function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** `column LIKE '%text%'` (case-insensitive for ASCII, as SQLite's LIKE is). */
const mentions = (column: SQL | Parameters<typeof like>[0], text: string) =>
  sql`${column} LIKE ${containing(text)} ESCAPE '\\'`;

interface Person {
  key: string;
  /**
   * What identifies them in free text: the email and every phone number they gave (lower case).
   * Not names: another customer, a resource or a service may share one, and erasing this customer
   * must not rewrite what is about them. Names are cleared with the fields that hold them.
   */
  quotes: string[];
  subjects: Set<string>;
}

/** Replaces, in a JSON value, the customer's fields (for their own rows) and every quote of them. */
function scrubJson(value: unknown, person: Person, ownRow: boolean): unknown {
  if (typeof value === 'string') {
    const lower = value.toLowerCase();
    return person.quotes.some((quote) => lower.includes(quote)) ? ERASED : value;
  }
  if (Array.isArray(value)) return value.map((item) => scrubJson(item, person, ownRow));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [field, inner] of Object.entries(value)) {
    const set = inner !== null && inner !== '' && inner !== undefined;
    out[field] =
      ownRow && set && field in personalPayloadFields
        ? personalPayloadFields[field]
        : scrubJson(inner, person, ownRow);
  }
  return out;
}

/** Rewrites the rows of one `customerMentions` entry that quote the customer; answers how many. */
async function scrubMentions(tx: Db, businessId: string, place: CustomerMentions, person: Person) {
  const quoted = or(...person.quotes.map((quote) => mentions(place.column, quote)));
  const own =
    place.subject && person.subjects.size > 0 ? inArray(place.subject, [...person.subjects]) : undefined;
  const rows = (await tx
    .select({ id: place.id, value: place.column, subject: place.subject ?? sql`NULL` })
    .from(place.table)
    .where(and(eq(place.businessId, businessId), own ? or(own, quoted) : quoted))) as {
    id: string | number;
    value: unknown;
    subject: string | null;
  }[];
  let changed = 0;
  for (const row of rows) {
    if (row.value === null) continue;
    const next =
      place.kind === 'text'
        ? ERASED
        : scrubJson(row.value, person, row.subject !== null && person.subjects.has(row.subject));
    if (JSON.stringify(next) === JSON.stringify(row.value)) continue;
    const write = place.write ?? { table: place.table as SQLiteTable, id: place.id };
    await tx
      .update(write.table)
      .set({ [place.field]: next } as never)
      .where(eq(write.id, row.id));
    changed++;
  }
  return changed;
}

/** The customer as they appear in this business: their rows' ids and what identifies them in text. */
async function findPerson(tx: Db, businessId: string, key: string): Promise<Person> {
  const ofBookings = await tx
    .select({ id: bookings.id, phone: bookings.customerPhone })
    .from(bookings)
    .where(and(eq(bookings.businessId, businessId), sql`lower(${bookings.customerEmail}) = ${key}`));
  const ofReservations = await tx
    .select({ id: reservations.id, phone: reservations.customerPhone })
    .from(reservations)
    .where(and(eq(reservations.businessId, businessId), sql`lower(${reservations.customerEmail}) = ${key}`));
  const rows = [...ofBookings, ...ofReservations];
  const quotes = new Set([key]);
  for (const row of rows)
    if (row.phone && row.phone.trim().length >= 5) quotes.add(row.phone.trim().toLowerCase());
  return { key, quotes: [...quotes], subjects: new Set(rows.map((row) => row.id)) };
}

/** Erases one customer of one business; safe to repeat. Call it through `eraseCustomer`. */
async function eraseInTransaction(tx: Db, businessId: string, email: string, now: number) {
  const person = await findPerson(tx, businessId, customerKey(email));
  const bookingIds = (
    await tx
      .select({ id: bookings.id })
      .from(bookings)
      .where(and(eq(bookings.businessId, businessId), sql`lower(${bookings.customerEmail}) = ${person.key}`))
  ).map((row) => row.id);
  const reservationIds = [...person.subjects].filter((id) => !bookingIds.includes(id));
  const erased: Record<string, number> = {};

  // Mentions first: they are found by the phone numbers the rows below still hold.
  for (const place of customerMentions) {
    erased[place.name] = await scrubMentions(tx, businessId, place, person);
  }
  for (const place of customerRows) {
    const ofSubjects =
      person.subjects.size > 0
        ? (place.subjects ?? []).map((column) => inArray(column, [...person.subjects]))
        : [];
    const match = and(
      eq(place.businessId, businessId),
      or(sql`lower(${place.email}) = ${person.key}`, ...ofSubjects),
    );
    const erase = typeof place.erase === 'function' ? place.erase(person.key) : place.erase;
    const result =
      erase === 'delete'
        ? await tx.delete(place.table).where(match)
        : await tx
            .update(place.table)
            .set(erase as never)
            .where(match);
    erased[place.name] = result.rowsAffected;
  }
  erased.idempotency_keys = await eraseIdempotentAnswers(tx, businessId, person);

  if (person.subjects.size > 0 || (erased.customer_notes ?? 0) > 0) {
    await appendEvent(tx, {
      businessId,
      type: 'customer.erased',
      // The event is about an erasure, not about a person: its subject is an id of its own.
      subjectId: newId('era', now),
      payload: { bookingIds, reservationIds },
      now,
    });
  }
  return { erased, bookingIds, reservationIds };
}

/**
 * Sealed answers about the customer's bookings and reservations (found by `subject_id`), and any
 * answer stored before sealing (plain JSON) that quotes them: replaced by a marker that a retry
 * with the same key is told about (409) instead of re-running the request.
 */
async function eraseIdempotentAnswers(tx: Db, businessId: string, person: Person): Promise<number> {
  const ofSubjects =
    person.subjects.size > 0 ? inArray(idempotencyKeys.subjectId, [...person.subjects]) : undefined;
  const legacy = and(
    notLike(idempotencyKeys.body, 'v1.%'),
    or(...person.quotes.map((quote) => mentions(idempotencyKeys.body, quote))),
  );
  const result = await tx
    .update(idempotencyKeys)
    .set({ body: ERASED_ANSWER })
    .where(
      and(
        eq(idempotencyKeys.businessId, businessId),
        sql`${idempotencyKeys.body} <> ${ERASED_ANSWER}`,
        ofSubjects ? or(ofSubjects, legacy) : legacy,
      ),
    );
  return result.rowsAffected;
}

/**
 * Erases a customer, then (on a local file) checkpoints the WAL so the old pages leave it too; a
 * reader still holding an old snapshot makes that a no-op until the next checkpoint.
 */
export async function eraseCustomer(
  database: Database,
  businessId: string,
  email: string,
  now: number,
): Promise<CustomerErasure> {
  const outcome = await database.write((tx) => eraseInTransaction(tx, businessId, email, now));
  if (database.local) {
    await database.client.execute('PRAGMA wal_checkpoint(TRUNCATE)').catch(() => undefined);
  }
  return outcome;
}
