/**
 * @module Changing a booking: cancel and reschedule (by the customer with the manage token, bound
 * by the service's cut-offs; or by the business, which is not), confirm and decline (business).
 */
import type { Booking } from '@frontdesk/core';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { bookings } from '../db/schema.js';
import { ApiError, invalidState, slotUnavailable } from '../errors.js';
import { toInstant } from '../time.js';
import { checkBookableStart } from './availability.js';
import { moveForBooking, releaseForBooking } from './booking-stock.js';
import {
  type BookingAccess,
  type BookingRow,
  bookingEventPayload,
  bookingToWire,
  getBookingRow,
} from './bookings.js';
import { getService } from './catalog.js';
import type { RowLogger } from './catalog-rows.js';
import { appendEvent } from './events.js';

/** Who is asking: the customer (manage token) or the business (secret key, console session). */
export type Actor = BookingAccess;

const by = (actor: Actor) => (actor.secret ? 'business' : 'customer');
const viewOf = (actor: Actor) => (actor.secret ? 'business' : 'customer');

/** Bookings that are over (cancelled, completed, no-show) cannot be changed any more. */
const finished = { cancelled: 'cancelled', completed: 'completed', no_show: 'marked as a no-show' } as const;
const finishedAs = (status: BookingRow['status']) =>
  status in finished ? finished[status as keyof typeof finished] : undefined;

function cutoffPassed(what: string, minutes: number): ApiError {
  return new ApiError(409, 'cutoff_passed', {
    detail: `${what} is possible up to ${minutes} minutes before the start; please contact the business`,
  });
}

async function save(tx: Db, row: BookingRow): Promise<void> {
  const { id, businessId: _b, createdAt: _c, manageTokenHash: _m, ...changes } = row;
  await tx.update(bookings).set(changes).where(eq(bookings.id, id));
}

export async function cancelBooking(
  tx: Db,
  businessId: string,
  id: string,
  actor: Actor,
  reason: string,
  now: number,
): Promise<Booking> {
  const row = await getBookingRow(tx, businessId, id, actor);
  const over = finishedAs(row.status);
  if (over) throw invalidState(`This booking is already ${over}`);
  if (!actor.secret) {
    const { row: service } = await getService(tx, businessId, row.serviceId).catch(() => ({
      row: undefined,
    }));
    const cutoff = service?.cancellationCutoffMinutes ?? 0;
    if (now > row.start - cutoff * 60_000) throw cutoffPassed('Cancelling', cutoff);
  }
  const next: BookingRow = {
    ...row,
    status: 'cancelled',
    cancelReason: reason,
    sequence: row.sequence + 1,
    updatedAt: now,
  };
  await save(tx, next);
  await releaseForBooking(tx, businessId, id, now);
  await appendEvent(tx, {
    businessId,
    type: 'booking.cancelled',
    subjectId: id,
    payload: { ...bookingEventPayload(next), by: by(actor), reason },
    now,
  });
  return bookingToWire(next, undefined, viewOf(actor));
}

export async function rescheduleBooking(
  tx: Db,
  businessId: string,
  id: string,
  actor: Actor,
  input: { start: string; resource?: string | undefined; ignoreBookingWindow?: boolean | undefined },
  now: number,
  logger: RowLogger,
): Promise<Booking> {
  const row = await getBookingRow(tx, businessId, id, actor);
  const over = finishedAs(row.status);
  if (over) throw invalidState(`This booking was ${over}: it cannot be rescheduled`);
  const { row: service } = await getService(tx, businessId, row.serviceId);
  if (!actor.secret && now > row.start - service.rescheduleCutoffMinutes * 60_000) {
    throw cutoffPassed('Rescheduling', service.rescheduleCutoffMinutes);
  }
  const start = Date.parse(input.start);
  const check = await checkBookableStart(tx, {
    businessId,
    serviceId: row.serviceId,
    resourceId: input.resource,
    start,
    now,
    exclude: { bookingId: id },
    // Only the business may move a booking onto a resource or service it has switched off.
    includeInactive: actor.secret,
    ignoreBookingWindow: actor.secret && input.ignoreBookingWindow === true,
    logger,
  });
  // Stay with the same resource when it can take the new time; the customer chose it, maybe.
  const opening = check.openings.find((o) => o.resourceId === row.resourceId) ?? check.openings[0];
  if (!opening) throw slotUnavailable();
  const next: BookingRow = {
    ...row,
    ...check.block,
    resourceId: opening.resourceId,
    sequence: row.sequence + 1,
    updatedAt: now,
  };
  await save(tx, next);
  await moveForBooking(tx, businessId, id, next.end, now);
  await appendEvent(tx, {
    businessId,
    type: 'booking.rescheduled',
    subjectId: id,
    payload: { ...bookingEventPayload(next), by: by(actor), previousStart: toInstant(row.start) },
    now,
  });
  return bookingToWire(next, undefined, viewOf(actor));
}

/** Confirms or declines a booking that awaits confirmation (secret key only). */
export async function decideBooking(
  tx: Db,
  businessId: string,
  id: string,
  decision: { confirm: true } | { confirm: false; reason: string },
  now: number,
): Promise<Booking> {
  const row = await getBookingRow(tx, businessId, id, { secret: true });
  if (row.status !== 'pending')
    throw invalidState(`Only pending bookings can be confirmed or declined (this one is ${row.status})`);
  // Calendars replace an event only by a higher SEQUENCE: every change a calendar shows bumps it.
  const sequence = row.sequence + 1;
  const next: BookingRow = decision.confirm
    ? { ...row, status: 'confirmed', sequence, updatedAt: now }
    : { ...row, status: 'cancelled', cancelReason: decision.reason, sequence, updatedAt: now };
  await save(tx, next);
  if (next.status === 'cancelled') await releaseForBooking(tx, businessId, id, now);
  await appendEvent(tx, {
    businessId,
    type: decision.confirm ? 'booking.confirmed' : 'booking.declined',
    subjectId: id,
    payload: { ...bookingEventPayload(next), ...(decision.confirm ? {} : { reason: decision.reason }) },
    now,
  });
  return bookingToWire(next, undefined, 'business');
}
