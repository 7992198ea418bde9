/**
 * @module Bookings: creating one (availability re-checked inside the write transaction, a matching
 * hold converted), reading by manage token or secret key, listing for the business.
 */
import type { Booking, BookingInput, BookingListQuery, BookingStatus, Question } from '@frontdesk/core';
import { and, eq, gt, gte, inArray, lt } from 'drizzle-orm';
import type * as z from 'zod/mini';
import type { Db } from '../db/open.js';
import { placeholderRow, prepared } from '../db/prepared.js';
import { bookingLinkTokens, bookings, holds } from '../db/schema.js';
import { sameTokenHash } from '../db/token-hash.js';
import { fieldError, notFound, slotUnavailable } from '../errors.js';
import { newId, newSecret, sha256, sha256Bytes } from '../ids.js';
import { markStage } from '../stage-probe.js';
import { nextDate, startOfLocalDate, toInstant } from '../time.js';
import { checkAnswers } from './answers.js';
import { checkBookableStart } from './availability.js';
import { reserveForBooking } from './booking-stock.js';
import { getBusinessRow } from './business.js';
import type { RowLogger } from './catalog-rows.js';
import { appendEvent } from './events.js';
import { findHold } from './holds.js';
import { decodeCursor, type Page, pageOf } from './pagination.js';

export type BookingRow = typeof bookings.$inferSelect;

/**
 * Who an answer is for: the business sees its internal notes and arrival; a customer (publishable
 * key, manage token) never does.
 */
export type BookingView = 'business' | 'customer';

export function bookingToWire(
  row: BookingRow,
  manageToken?: string,
  view: BookingView = 'customer',
): Booking {
  return {
    id: row.id,
    status: row.status,
    serviceId: row.serviceId,
    resourceId: row.resourceId,
    start: toInstant(row.start),
    end: toInstant(row.end),
    customer: {
      name: row.customerName,
      email: row.customerEmail,
      ...(row.customerPhone !== null ? { phone: row.customerPhone } : {}),
      ...(row.customerTimeZone !== null ? { timeZone: row.customerTimeZone } : {}),
    },
    answers: row.answers,
    notes: row.notes,
    locale: row.locale,
    ...(manageToken !== undefined ? { manageToken } : {}),
    cancelReason: row.cancelReason,
    ...(view === 'business'
      ? {
          internalNotes: row.internalNotes,
          arrivedAt: row.arrivedAt === null ? null : toInstant(row.arrivedAt),
        }
      : {}),
    createdAt: toInstant(row.createdAt),
    updatedAt: toInstant(row.updatedAt),
  };
}

/**
 * What goes into the event log: the booking as the secret key reads it, less the personal part
 * (customer, answers, notes), which stays in the booking row alone — the log is an audit trail, not
 * a CRM. Webhooks add that part back from the row when they send the event (it never changes after
 * booking): see webhooks/event-data.ts. Its iCalendar SEQUENCE orders the versions of one booking
 * (mail sends this version's .ics). Internal notes stay out of both: the business edits them at
 * any time, and `booking.notes_changed` says that they changed, not what they say.
 */
export const bookingEventPayload = (row: BookingRow) => {
  const {
    customer: _c,
    answers: _a,
    notes: _n,
    internalNotes: _i,
    ...rest
  } = bookingToWire(row, undefined, 'business');
  return { ...rest, sequence: row.sequence };
};

/**
 * The booking insert, prepared once per handle (every column a placeholder of the same name): built
 * per call, drizzle's SQL building cost more than the insert itself.
 */
const insertBooking = (tx: Db) =>
  prepared(tx, 'booking:insert', (d) => d.insert(bookings).values(placeholderRow(bookings)).prepare());

/** Creates a booking; call inside a write transaction. Answers 409 `slot_unavailable` when taken. */
export async function createBooking(
  tx: Db,
  businessId: string,
  input: z.output<typeof BookingInput>,
  now: number,
  includeInactive: boolean,
  logger: RowLogger,
): Promise<Booking> {
  // Only the business books outside the booking window (the route refuses it to others).
  const ignoreBookingWindow = includeInactive && input.ignoreBookingWindow === true;
  const start = Date.parse(input.start);
  // A live hold of the same service and start gives its seat (and its resource) to the booking.
  let holdId: string | undefined;
  let resourceId = input.resource;
  if (input.holdId !== undefined) {
    const hold = await findHold(tx, businessId, input.holdId);
    // One message for every mismatch: whoever has a hold id must not learn what it holds.
    if (
      hold &&
      (hold.serviceId !== input.service ||
        hold.start !== start ||
        (input.resource !== undefined && hold.resourceId !== input.resource))
    ) {
      throw fieldError(
        'holdId',
        'This hold does not match the service, start and resource booked',
        'hold_mismatch',
      );
    }
    // An expired or unknown hold is no error: the seat may still be free, and the check below decides.
    if (hold && hold.expiresAt > now) {
      holdId = hold.id;
      resourceId = hold.resourceId;
    }
  }
  const check = await checkBookableStart(tx, {
    businessId,
    serviceId: input.service,
    resourceId,
    start,
    now,
    exclude: { holdId },
    includeInactive,
    ignoreBookingWindow,
    logger,
  });
  const opening = check.openings[0];
  if (!opening) throw slotUnavailable();
  checkAnswers(check.service.questions as Question[], input.answers);
  markStage('check');

  const manageToken = newSecret('mt_');
  const status: BookingStatus = check.service.requiresConfirmation ? 'pending' : 'confirmed';
  const row: BookingRow = {
    id: newId('bkg', now),
    businessId,
    serviceId: check.service.id,
    resourceId: opening.resourceId,
    status,
    ...check.block,
    customerName: input.customer.name,
    customerEmail: input.customer.email,
    customerPhone: input.customer.phone ?? null,
    customerTimeZone: input.customer.timeZone ?? null,
    locale: input.locale ?? null,
    answers: input.answers,
    notes: input.notes,
    manageTokenHash: sha256Bytes(manageToken),
    cancelReason: null,
    sequence: 0,
    internalNotes: '',
    arrivedAt: null,
    createdAt: now,
    updatedAt: now,
  };
  if (holdId !== undefined) await tx.delete(holds).where(eq(holds.id, holdId));
  await insertBooking(tx).run(row);
  markStage('insert');
  // Products the service uses are reserved in this same transaction: both or neither.
  await reserveForBooking(tx, {
    businessId,
    serviceId: row.serviceId,
    bookingId: row.id,
    customer: input.customer,
    end: row.end,
    now,
  });
  markStage('stock');
  await appendEvent(tx, {
    businessId,
    type: 'booking.created',
    subjectId: row.id,
    payload: { ...bookingEventPayload(row), ...(holdId ? { holdId } : {}) },
    now,
  });
  markStage('events');
  const answer = bookingToWire(row, manageToken, includeInactive ? 'business' : 'customer');
  markStage('shape');
  return answer;
}

/** Who is reading or changing a booking. */
export interface BookingAccess {
  /** The business (secret key or console session). */
  secret: boolean;
  /** The customer's manage token (with a publishable key). */
  token?: string | undefined;
  /** A staff member's resources: bookings of other resources do not exist for them. */
  resourceIds?: string[] | undefined;
}

/**
 * The booking the caller may see: with a secret key any booking of the business (staff: of their
 * resources); otherwise only with its manage token. A wrong token is a 404, like a wrong id:
 * existence is not revealed.
 */
export async function getBookingRow(
  db: Db,
  businessId: string,
  id: string,
  access: BookingAccess,
): Promise<BookingRow> {
  const [row] = await db
    .select()
    .from(bookings)
    .where(and(eq(bookings.businessId, businessId), eq(bookings.id, id)));
  if (!row) throw notFound('Booking');
  if (access.resourceIds && !access.resourceIds.includes(row.resourceId)) throw notFound('Booking');
  if (access.secret) return row;
  if (access.token === undefined || access.token.length > 200) throw notFound('Booking');
  if (sameTokenHash(sha256Bytes(access.token), row.manageTokenHash)) return row;
  const hash = sha256(access.token);
  // Links in mail carry tokens of their own (the one shown on screen is stored hashed only).
  const [link] = await db
    .select({ bookingId: bookingLinkTokens.bookingId })
    .from(bookingLinkTokens)
    .where(eq(bookingLinkTokens.tokenHash, hash));
  if (link?.bookingId !== row.id) throw notFound('Booking');
  return row;
}

export async function listBookings(
  db: Db,
  businessId: string,
  q: BookingListQuery,
  resourceIds?: string[],
): Promise<Page<Booking>> {
  const limit = q.limit ?? 50;
  const after = decodeCursor(q.cursor);
  const zone =
    q.from !== undefined || q.to !== undefined ? (await getBusinessRow(db, businessId)).timezone : 'UTC';
  const rows = await db
    .select()
    .from(bookings)
    .where(
      and(
        eq(bookings.businessId, businessId),
        q.status ? eq(bookings.status, q.status) : undefined,
        q.service ? eq(bookings.serviceId, q.service) : undefined,
        q.resource ? eq(bookings.resourceId, q.resource) : undefined,
        resourceIds ? inArray(bookings.resourceId, resourceIds) : undefined,
        q.email ? eq(bookings.customerEmail, q.email) : undefined,
        q.from ? gte(bookings.start, startOfLocalDate(q.from, zone)) : undefined,
        q.to ? lt(bookings.start, startOfLocalDate(nextDate(q.to), zone)) : undefined,
        after ? gt(bookings.id, after) : undefined,
      ),
    )
    .orderBy(bookings.id)
    .limit(limit + 1);
  return pageOf(rows, limit, (row) => bookingToWire(row, undefined, 'business'));
}
