/**
 * @module Customers, derived: the people behind a business's bookings and reservations, grouped by
 * email in any casing (`lower(customer_email)`, indexed), never a table of their own. One SQL
 * aggregate answers both the list and one customer's counts; their name and phone are those of
 * their most recent booking or reservation. Erased rows (`customer-pii.ts`) belong to no one.
 */
import type { CustomerDetail, CustomerListQuery, CustomerSummary } from '@frontdesk/core';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { bookings, reservations } from '../db/schema.js';
import { notFound } from '../errors.js';
import { toInstant } from '../time.js';
import { bookingToWire } from './bookings.js';
import { getCustomerNotes } from './customer-notes.js';
import { customerKey, ERASED_EMAIL } from './customer-pii.js';
import type { Page } from './pagination.js';
import { toReservation } from './reservations.js';

interface SummaryRow {
  email: string;
  name: string;
  phone: string | null;
  last_seen_at: number;
  bookings: number;
  visits: number;
  cancellations: number;
  no_shows: number;
  reservations: number;
  first_visit: number | null;
  last_visit: number | null;
}

/** A list cursor: the last email of a page (emails do not fit the id cursors of other lists). */
const encodeEmailCursor = (email: string) => Buffer.from(email, 'utf8').toString('base64url');
function decodeEmailCursor(cursor: string | undefined): string | undefined {
  if (!cursor) return undefined;
  const email = Buffer.from(cursor, 'base64url').toString('utf8');
  return email.includes('@') && email.length <= 254 ? email : undefined;
}

/** `%text%` for LIKE with LIKE's wildcards taken literally. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** A phone number with the separators people type left out, for matching `912 345` to `912-345-…`. */
const phoneDigits = (column: SQL) =>
  sql`replace(replace(replace(replace(replace(replace(coalesce(${column}, ''), ' ', ''), '-', ''), '.', ''), '(', ''), ')', ''), '/', '')`;

/** Rows of the business in `table` that belong to one of `emails` (lower case; index on `lower()`). */
const ofEmails = (emails: string[]) =>
  sql`lower(customer_email) IN (${sql.join(
    emails.map((email) => sql`${email}`),
    sql`, `,
  )})`;

/**
 * One page of the business's customers' emails (lower case, in order, `limit` of them after
 * `after`), optionally only those with a booking or reservation matching `q`. Read from the
 * `lower(customer_email)` indexes in order, so a page costs its own rows, not the whole table
 * (without `q`).
 */
async function pageOfEmails(
  db: Db,
  businessId: string,
  options: { after: string | undefined; q: string | undefined; limit: number },
): Promise<string[]> {
  const q = options.q?.trim();
  const digits = q?.replace(/[^0-9]/g, '') ?? '';
  const matching = q
    ? sql`AND (lower(customer_email) LIKE ${containing(q)} ESCAPE '\\' OR customer_name LIKE ${containing(q)} ESCAPE '\\'
        ${digits.length >= 3 ? sql`OR ${phoneDigits(sql`customer_phone`)} LIKE ${containing(digits)} ESCAPE '\\'` : sql``})`
    : sql``;
  const after = options.after !== undefined ? sql`AND lower(customer_email) > ${options.after}` : sql``;
  const rows = await db.all<{ email: string }>(sql`
    SELECT email FROM (
      SELECT DISTINCT lower(customer_email) AS email FROM bookings
       WHERE business_id = ${businessId} ${after} ${matching}
      UNION
      SELECT DISTINCT lower(customer_email) FROM reservations
       WHERE business_id = ${businessId} ${after} ${matching}
    )
     WHERE email <> ${ERASED_EMAIL}
     ORDER BY email
     LIMIT ${options.limit}
  `);
  return rows.map((row) => row.email);
}

/** The summaries of these customers (emails in lower case), by email; unknown ones are left out. */
async function summaries(db: Db, businessId: string, emails: string[]): Promise<SummaryRow[]> {
  const known = emails.filter((email) => email !== ERASED_EMAIL);
  if (known.length === 0) return [];
  return db.all<SummaryRow>(sql`
    WITH people AS (
      SELECT lower(customer_email) AS email, customer_name AS row_name, customer_phone AS row_phone,
             created_at AS at, status, start, 1 AS is_booking
        FROM bookings
       WHERE business_id = ${businessId} AND ${ofEmails(known)}
      UNION ALL
      SELECT lower(customer_email), customer_name, customer_phone, created_at, status, NULL, 0
        FROM reservations
       WHERE business_id = ${businessId} AND ${ofEmails(known)}
    ),
    ranked AS (
      SELECT *, row_number() OVER (PARTITION BY email ORDER BY at DESC, is_booking DESC) AS recency
        FROM people
    )
    SELECT email,
           max(CASE WHEN recency = 1 THEN row_name END) AS name,
           max(CASE WHEN recency = 1 THEN row_phone END) AS phone,
           max(at) AS last_seen_at,
           sum(is_booking) AS bookings,
           sum(is_booking AND status = 'completed') AS visits,
           sum(is_booking AND status = 'cancelled') AS cancellations,
           sum(is_booking AND status = 'no_show') AS no_shows,
           sum(1 - is_booking) AS reservations,
           min(CASE WHEN is_booking AND status = 'completed' THEN start END) AS first_visit,
           max(CASE WHEN is_booking AND status = 'completed' THEN start END) AS last_visit
      FROM ranked
     GROUP BY email
     ORDER BY email
  `);
}

function summaryToWire(row: SummaryRow): CustomerSummary {
  return {
    email: row.email,
    name: row.name,
    phone: row.phone,
    bookings: Number(row.bookings),
    visits: Number(row.visits),
    cancellations: Number(row.cancellations),
    noShows: Number(row.no_shows),
    reservations: Number(row.reservations),
    firstVisit: row.first_visit === null ? null : toInstant(Number(row.first_visit)),
    lastVisit: row.last_visit === null ? null : toInstant(Number(row.last_visit)),
    lastSeenAt: toInstant(Number(row.last_seen_at)),
  };
}

/** The business's customers by email, optionally those matching `q` (name, email or phone). */
export async function listCustomers(
  db: Db,
  businessId: string,
  query: CustomerListQuery,
): Promise<Page<CustomerSummary>> {
  const limit = query.limit ?? 50;
  const emails = await pageOfEmails(db, businessId, {
    after: decodeEmailCursor(query.cursor),
    q: query.q,
    limit: limit + 1,
  });
  const page = emails.slice(0, limit);
  const rows = await summaries(db, businessId, page);
  const last = page.at(-1);
  return {
    data: rows.map(summaryToWire),
    nextCursor: emails.length > limit && last ? encodeEmailCursor(last) : null,
  };
}

/** One customer's counts (404 when the business has no booking or reservation with that email). */
export async function getCustomerSummary(
  db: Db,
  businessId: string,
  email: string,
): Promise<CustomerSummary> {
  const key = customerKey(email);
  const [row] = await summaries(db, businessId, [key]);
  if (!row) throw notFound('Customer');
  return summaryToWire(row);
}

/** Every booking (newest first) and reservation of a customer, as the business reads them. */
export async function customerHistory(db: Db, businessId: string, email: string, now: number) {
  const key = customerKey(email);
  const bookingRows = await db
    .select()
    .from(bookings)
    .where(and(eq(bookings.businessId, businessId), sql`lower(${bookings.customerEmail}) = ${key}`));
  const reservationRows = await db
    .select()
    .from(reservations)
    .where(and(eq(reservations.businessId, businessId), sql`lower(${reservations.customerEmail}) = ${key}`));
  // Sorted here, not in SQL: an ORDER BY on `start` draws the planner to the business's start index,
  // a scan of every booking, instead of the customer index that finds their handful.
  bookingRows.sort((a, b) => b.start - a.start || (a.id < b.id ? 1 : -1));
  reservationRows.sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
  return {
    bookingRows,
    reservationRows,
    bookings: bookingRows.map((row) => bookingToWire(row, undefined, 'business')),
    reservations: reservationRows.map((row) => toReservation(row, now)),
  };
}

/** A customer with their counts, notes and history. */
export async function getCustomer(
  db: Db,
  businessId: string,
  email: string,
  now: number,
): Promise<CustomerDetail> {
  const summary = await getCustomerSummary(db, businessId, email);
  const history = await customerHistory(db, businessId, email, now);
  return {
    ...summary,
    notes: await getCustomerNotes(db, businessId, email),
    history: { bookings: history.bookings, reservations: history.reservations },
  };
}
