/**
 * @module What the business records once a booking's time comes: the customer arrived, the booking
 * was completed or was a no-show (neither before the start), and its internal notes. Business only
 * (secret key or console session; staff for the bookings of their resources).
 */
import type { Booking } from '@frontdesk/core';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { bookings } from '../db/schema.js';
import { invalidState } from '../errors.js';
import {
  type BookingAccess,
  type BookingRow,
  bookingEventPayload,
  bookingToWire,
  getBookingRow,
} from './bookings.js';
import { appendEvent } from './events.js';

/** A customer can be marked as arrived from this long before the start (early is common). */
const ARRIVE_FROM_MS = 12 * 3_600_000;

const when = (ms: number) => new Date(ms).toISOString().replace(/:\d\d\.\d{3}Z$/, 'Z');

async function load(tx: Db, businessId: string, id: string, access: BookingAccess): Promise<BookingRow> {
  return getBookingRow(tx, businessId, id, { ...access, secret: true });
}

async function record(
  tx: Db,
  row: BookingRow,
  changes: Partial<BookingRow>,
  type: string,
  now: number,
  payload: Record<string, unknown> = {},
): Promise<Booking> {
  const next: BookingRow = { ...row, ...changes, updatedAt: now };
  await tx
    .update(bookings)
    .set({ ...changes, updatedAt: now })
    .where(eq(bookings.id, row.id));
  await appendEvent(tx, {
    businessId: row.businessId,
    type,
    subjectId: row.id,
    payload: { ...bookingEventPayload(next), ...payload },
    now,
  });
  return bookingToWire(next, undefined, 'business');
}

function requireStarted(row: BookingRow, what: string, now: number): void {
  if (now < row.start) {
    throw invalidState(`This booking starts at ${when(row.start)}; it can be ${what} once it has started`);
  }
}

function requireConfirmed(row: BookingRow): void {
  if (row.status === 'pending') throw invalidState('This booking awaits confirmation: confirm it first');
  if (row.status !== 'confirmed') {
    throw invalidState(`This booking is ${row.status.replace('_', '-')}: it cannot be changed any more`);
  }
}

/** Marks the customer as arrived (again: no change). */
export async function markArrived(
  tx: Db,
  businessId: string,
  id: string,
  access: BookingAccess,
  now: number,
) {
  const row = await load(tx, businessId, id, access);
  requireConfirmed(row);
  if (row.arrivedAt !== null) return bookingToWire(row, undefined, 'business');
  if (now < row.start - ARRIVE_FROM_MS) {
    throw invalidState(`This booking starts at ${when(row.start)}; arrivals are marked on the day`);
  }
  return record(tx, row, { arrivedAt: now }, 'booking.arrived', now);
}

export async function markCompleted(
  tx: Db,
  businessId: string,
  id: string,
  access: BookingAccess,
  now: number,
) {
  const row = await load(tx, businessId, id, access);
  requireConfirmed(row);
  requireStarted(row, 'marked completed', now);
  return record(tx, row, { status: 'completed' }, 'booking.completed', now);
}

export async function markNoShow(tx: Db, businessId: string, id: string, access: BookingAccess, now: number) {
  const row = await load(tx, businessId, id, access);
  requireConfirmed(row);
  if (row.arrivedAt !== null)
    throw invalidState('The customer was marked as arrived: mark it completed instead');
  requireStarted(row, 'marked as a no-show', now);
  return record(tx, row, { status: 'no_show' }, 'booking.no_show', now);
}

/** Replaces the internal notes. The event says that they changed, not what they say. */
export async function setInternalNotes(
  tx: Db,
  businessId: string,
  id: string,
  access: BookingAccess,
  internalNotes: string,
  now: number,
) {
  const row = await load(tx, businessId, id, access);
  if (row.internalNotes === internalNotes) return bookingToWire(row, undefined, 'business');
  return record(tx, row, { internalNotes }, 'booking.notes_changed', now);
}
