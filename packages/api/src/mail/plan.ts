/**
 * @module From events to messages: what each booking, reservation, stock and webhook event means
 * for the customer's and the business's inbox. Runs inside the mail producer's write transaction:
 * each message is stored with what it is rendered from (a reminder's only when it falls due) and a
 * dedupe key, and given an outbox job when there is SMTP to send it; without SMTP it is stored
 * `not_sent`. Rendering waits for the send or the preview (`stored.ts`).
 */
import { planReminders } from '@frontdesk/core';
import { and, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { placeholderRow, prepared } from '../db/prepared.js';
import { bookingLinkTokens, bookings, messages } from '../db/schema.js';
import { newId, newSecret, sha256 } from '../ids.js';
import { addJobs } from '../outbox/jobs.js';
import { type BusinessRow, getBusinessRow } from '../services/business.js';
import { ERASED_EMAIL } from '../services/customer-pii.js';
import {
  type BookingEventData,
  type BookingEventWithCustomer,
  bookingNames,
  findBooking,
  mailBookingFromEvent,
  mailBusiness,
  mailReservation,
  stockNames,
} from './gather.js';
import type { BookingMessage, MessageInput, MessageKind } from './kinds.js';
import { manageUrl } from './manage-link.js';
import { recipient } from './render.js';
import { type MailSettings, messageIdDomain } from './settings.js';
import { inputJson } from './stored.js';

/** The outbox job kind of mail. */
export const MAIL_JOB = 'mail';
/** Every mail job has this target: the per-target cap keeps SMTP from taking every worker slot. */
export const MAIL_TARGET = 'smtp';

const HOUR = 3_600_000;
/** "About to expire": two hours before, for reservations that last more than four. */
const reservationWarning = { before: 2 * HOUR, minLength: 4 * HOUR };

export interface MailJobPayload {
  messageId: string;
}

interface PlannedMessage {
  kind: MessageKind;
  dedupeKey: string;
  bookingId?: string | undefined;
  reservationId?: string | undefined;
  to: { name: string | null; email: string };
  /** What it is rendered from; absent for a reminder, decided when it falls due. */
  input?: MessageInput | undefined;
  dueAt: number;
  plannedFor?: number | undefined;
  /** `skipped` rows record a reminder that will never be sent (and why). */
  skip?: string | undefined;
  /** The hash of the manage token the message's link carries. */
  linkTokenHash?: string | undefined;
}

export interface PlanContext {
  tx: Db;
  settings: MailSettings;
  now: number;
  /** Messages planned but not yet written (written together by `flushPlanned`). */
  pending: { businessId: string; message: PlannedMessage }[];
  /** Rows read once per batch: most events of a batch are one business's. */
  businesses: Map<string, BusinessRow>;
  names: Map<string, Awaited<ReturnType<typeof bookingNames>>>;
  /**
   * The customer columns of the bookings a batch's events are about, read with one query by
   * `readCustomers` (null: the booking is gone); an id not here is read on its own.
   */
  customers: Map<string, CustomerColumns | null>;
}

export function planContext(tx: Db, settings: MailSettings, now: number): PlanContext {
  return { tx, settings, now, pending: [], businesses: new Map(), names: new Map(), customers: new Map() };
}

function store(ctx: PlanContext, businessId: string, message: PlannedMessage): void {
  ctx.pending.push({ businessId, message });
}

/** Messages per round; their link tokens and jobs go in one INSERT each, well under SQLite's bound parameters. */
const CHUNK = 200;

/**
 * Writes the planned messages: each message (a dedupe key already taken is passed over), then the
 * link tokens and outbox jobs of those actually written, a few rows per statement.
 */
export async function flushPlanned(ctx: PlanContext): Promise<void> {
  const { tx, settings, now } = ctx;
  const planned = ctx.pending.splice(0);
  for (let i = 0; i < planned.length; i += CHUNK) {
    const rows = planned.slice(i, i + CHUNK).map(({ businessId, message: m }) => {
      const id = newId('msg', now);
      // Decided now and for good: mail from a time without SMTP is never sent later by surprise.
      const status: MessageRow['status'] = m.skip
        ? 'skipped'
        : m.input !== undefined && !settings.transport
          ? 'not_sent'
          : 'queued';
      return {
        plan: m,
        row: {
          id,
          businessId,
          kind: m.kind,
          dedupeKey: m.dedupeKey,
          bookingId: m.bookingId ?? null,
          reservationId: m.reservationId ?? null,
          toName: m.to.name,
          toEmail: m.to.email,
          input: m.input ? inputJson(m.input, now) : null,
          locale: null,
          subject: null,
          html: null,
          text: null,
          calendar: null,
          calendarMethod: null,
          messageId: `<${id}@${messageIdDomain(settings)}>`,
          status,
          statusReason: m.skip ?? (status === 'not_sent' ? 'no_smtp' : null),
          deliver: settings.transport !== null,
          attempts: 0,
          smtpResponse: null,
          dueAt: m.dueAt,
          plannedFor: m.plannedFor ?? null,
          sentAt: null,
          createdAt: now,
          updatedAt: now,
        } satisfies MessageRow,
      };
    });
    // One prepared insert per message: building a multi-row INSERT of 26 columns a row cost drizzle
    // more than SQLite's writing it (~30 µs a message); a dedupe key already taken changes no row.
    // (Counted rather than `RETURNING id`: reading a returned row cost SQLite ~15 µs a message.)
    const kept: typeof rows = [];
    for (const r of rows) {
      if ((await insertMessage(tx).run(r.row)).rowsAffected > 0) kept.push(r);
    }
    // Likewise one prepared insert per link token (a multi-row one was built per chunk).
    for (const r of kept) {
      if (!r.plan.linkTokenHash || !r.row.bookingId) continue;
      await insertLinkToken(tx).run({
        tokenHash: r.plan.linkTokenHash,
        businessId: r.row.businessId,
        bookingId: r.row.bookingId,
        createdAt: now,
      });
    }
    const jobs = kept
      .filter((r) => r.row.status === 'queued')
      .map((r) => ({
        businessId: r.row.businessId,
        kind: MAIL_JOB,
        target: MAIL_TARGET,
        orderingKey: null,
        seq: 0,
        payload: { messageId: r.row.id } satisfies MailJobPayload,
        dueAt: r.row.dueAt,
      }));
    if (jobs.length > 0) await addJobs(tx, jobs, now);
  }
}

type MessageRow = typeof messages.$inferSelect;

/** A message row, every column a placeholder of its name; prepared once per handle. */
const insertMessage = (tx: Db) =>
  prepared(tx, 'mail:insert-message', (d) =>
    d.insert(messages).values(placeholderRow(messages)).onConflictDoNothing().prepare(),
  );

/** A mail link's manage token row; prepared once per handle. */
const insertLinkToken = (tx: Db) =>
  prepared(tx, 'mail:insert-link-token', (d) =>
    d
      .insert(bookingLinkTokens)
      .values({
        tokenHash: sql.placeholder('tokenHash'),
        businessId: sql.placeholder('businessId'),
        bookingId: sql.placeholder('bookingId'),
        createdAt: sql.placeholder('createdAt'),
      })
      .prepare(),
  );

/** A manage token for one message's link, and the link (null when the business has no page). */
export function mintManageLink(business: BusinessRow, settings: MailSettings, bookingId: string) {
  const token = newSecret('mt_');
  const url = manageUrl(business, settings.publicUrl, bookingId, token);
  return url ? { url, tokenHash: sha256(token) } : { url: null, tokenHash: undefined };
}

/** Marks the booking's reminders still waiting as skipped (`except` a start they still fit). */
async function skipWaitingReminders(ctx: PlanContext, bookingId: string, reason: string, except?: number) {
  // Reminders planned earlier in this batch are written first, so that they are skipped too.
  await flushPlanned(ctx);
  const { tx, now } = ctx;
  await tx
    .update(messages)
    .set({ status: 'skipped', statusReason: reason, updatedAt: now })
    .where(
      and(
        eq(messages.bookingId, bookingId),
        eq(messages.kind, 'booking_reminder'),
        eq(messages.status, 'queued'),
        except !== undefined ? ne(messages.plannedFor, except) : undefined,
      ),
    );
}

async function planReminderRows(
  ctx: PlanContext,
  businessId: string,
  booking: { id: string; start: number; email: string; name: string },
  offsets: readonly number[],
  bookedAt: number,
) {
  for (const r of planReminders({ start: booking.start, bookedAt, offsetsMinutes: offsets })) {
    store(ctx, businessId, {
      kind: 'booking_reminder',
      dedupeKey: `booking_reminder:${booking.id}:${booking.start}:${r.offsetMinutes}`,
      bookingId: booking.id,
      to: { name: booking.name, email: booking.email },
      dueAt: r.dueAt,
      plannedFor: booking.start,
      skip: r.skipped ? 'booked_after_due' : undefined,
    });
  }
}

const customerKindOf: Record<string, (d: BookingEventData) => BookingMessage['kind'] | null> = {
  'booking.created': (d) => (d.status === 'pending' ? 'booking_received' : 'booking_confirmed'),
  'booking.confirmed': () => 'booking_confirmed',
  'booking.declined': () => 'booking_declined',
  'booking.rescheduled': () => 'booking_rescheduled',
  'booking.cancelled': () => 'booking_cancelled',
};

const noticeKindOf: Record<string, (d: BookingEventData) => BookingMessage['kind'] | null> = {
  'booking.created': (d) => (d.status === 'pending' ? 'notice_awaiting_confirmation' : 'notice_new_booking'),
  'booking.cancelled': (d) => (d.by === 'customer' ? 'notice_cancelled_by_customer' : null),
};

const linked = new Set<MessageKind>(['booking_received', 'booking_confirmed', 'booking_rescheduled']);

/** What mail takes from a booking row: the personal part the event log leaves out. */
const customerColumns = {
  id: bookings.id,
  customerName: bookings.customerName,
  customerEmail: bookings.customerEmail,
  customerPhone: bookings.customerPhone,
  customerTimeZone: bookings.customerTimeZone,
  notes: bookings.notes,
  locale: bookings.locale,
};
type CustomerColumns = Pick<typeof bookings.$inferSelect, keyof typeof customerColumns>;

/**
 * The id of the booking whose customer planning `event` will read (every booking event logged since
 * the log holds no personal data), else undefined. A malformed payload is left to `planEvent`,
 * which logs it and passes over it.
 */
function customerToRead(event: EventRow): string | undefined {
  if (!event.type.startsWith('booking.') || !mailEventTypes.has(event.type)) return undefined;
  const data = event.payload as Partial<BookingEventData> | null;
  if (typeof data?.id !== 'string' || (data.customer && data.notes !== undefined)) return undefined;
  return data.id;
}

/**
 * Reads the customer columns of every booking `batch`'s events need, in one query instead of one
 * per event (each cost the producer ~60 µs). Planning writes no booking, so rows read up front are
 * the rows a read per event would find, in the same transaction.
 */
export async function readCustomers(ctx: PlanContext, batch: readonly EventRow[]): Promise<void> {
  const ids = [...new Set(batch.map(customerToRead).filter((id) => id !== undefined))];
  if (ids.length === 0) return;
  const rows = await prepared(ctx.tx, 'mail:customers', (d) =>
    d
      .select(customerColumns)
      .from(bookings)
      .where(sql`${bookings.id} in (select value from json_each(${sql.placeholder('ids')}))`)
      .prepare(),
  ).all({ ids: JSON.stringify(ids) });
  for (const id of ids) ctx.customers.set(id, null);
  for (const row of rows) ctx.customers.set(row.id, row);
}

/**
 * The event with the booking's customer and notes: the event log holds no personal data (see
 * `bookingEventPayload`), so they are read from the row, where they never change after booking.
 * Undefined when the booking is gone.
 */
async function withCustomer(
  ctx: PlanContext,
  data: BookingEventData,
): Promise<BookingEventWithCustomer | undefined> {
  if (data.customer && data.notes !== undefined)
    return { ...data, customer: data.customer, notes: data.notes };
  const read = ctx.customers.get(data.id);
  const row = read !== undefined ? read : await findBooking(ctx.tx, data.id);
  if (!row) return undefined;
  const customer = {
    name: row.customerName,
    email: row.customerEmail,
    ...(row.customerPhone ? { phone: row.customerPhone } : {}),
    ...(row.customerTimeZone ? { timeZone: row.customerTimeZone } : {}),
  };
  return { ...data, customer, notes: row.notes, locale: data.locale ?? row.locale };
}

async function planBooking(ctx: PlanContext, event: EventRow, business: BusinessRow): Promise<void> {
  const data = await withCustomer(ctx, event.payload as BookingEventData);
  if (!data) return;
  const booking = mailBookingFromEvent(data);
  const key = `${data.serviceId}|${data.resourceId}`;
  let names = ctx.names.get(key);
  if (!names) {
    names = await bookingNames(ctx.tx, data.serviceId, data.resourceId);
    ctx.names.set(key, names);
  }
  const base = {
    business: mailBusiness(business),
    booking,
    serviceName: names.serviceName,
    resourceName: names.resourceName,
    previousStart: data.previousStart ? Date.parse(data.previousStart) : undefined,
    organizerEmail: business.notifyEmail ?? ctx.settings.from?.address ?? null,
  };
  // Erased before this event was planned (the producer runs behind the log): no mail to her.
  const erased = booking.customerEmail === ERASED_EMAIL;
  const customerKind = erased ? null : (customerKindOf[event.type]?.(data) ?? null);
  if (customerKind) {
    const link = linked.has(customerKind) ? mintManageLink(business, ctx.settings, booking.id) : null;
    const input: BookingMessage = { ...base, kind: customerKind, manageUrl: link?.url ?? null };
    store(ctx, event.businessId, {
      kind: customerKind,
      dedupeKey: `${customerKind}:${booking.id}:${booking.sequence}`,
      bookingId: booking.id,
      to: { name: recipient(input)?.name ?? null, email: booking.customerEmail },
      input,
      dueAt: ctx.now,
      linkTokenHash: link?.tokenHash,
    });
  }
  const noticeKind = noticeKindOf[event.type]?.(data) ?? null;
  if (noticeKind && business.notifyEmail) {
    const input: BookingMessage = { ...base, kind: noticeKind, manageUrl: null };
    store(ctx, event.businessId, {
      kind: noticeKind,
      dedupeKey: `${noticeKind}:${booking.id}:${booking.sequence}`,
      bookingId: booking.id,
      to: { name: recipient(input)?.name ?? null, email: business.notifyEmail },
      input,
      dueAt: ctx.now,
    });
  }
  // No reminders for her either (those planned before the erasure were skipped by it).
  if (erased) return;
  // Reminders follow the booking: planned when it is made or moved, dropped when it is off.
  const offsets = (names.serviceReminders ?? business.reminders).map((r) => r.offsetMinutes);
  const who = {
    id: booking.id,
    start: booking.start,
    email: booking.customerEmail,
    name: booking.customerName,
  };
  if (event.type === 'booking.created') {
    await planReminderRows(ctx, event.businessId, who, offsets, event.createdAt);
  } else if (event.type === 'booking.rescheduled') {
    await skipWaitingReminders(ctx, booking.id, 'moved', booking.start);
    await planReminderRows(ctx, event.businessId, who, offsets, event.createdAt);
  } else if (event.type === 'booking.cancelled' || event.type === 'booking.declined') {
    await skipWaitingReminders(ctx, booking.id, 'cancelled');
  }
}

async function planReservation(ctx: PlanContext, event: EventRow, business: BusinessRow): Promise<void> {
  const found = await mailReservation(ctx.tx, event.subjectId);
  // A reservation made for a booking is part of that booking's mail.
  // Nor to a customer erased since (the producer runs behind the log).
  if (!found || found.row.bookingId !== null || found.row.customerEmail === ERASED_EMAIL) return;
  const { row, reservation } = found;
  const input: MessageInput = { kind: 'reservation_made', business: mailBusiness(business), reservation };
  const to = { name: recipient(input)?.name ?? null, email: reservation.customerEmail };
  store(ctx, event.businessId, {
    kind: 'reservation_made',
    dedupeKey: `reservation_made:${row.id}`,
    reservationId: row.id,
    to,
    input,
    dueAt: ctx.now,
  });
  if (row.expiresAt - row.createdAt > reservationWarning.minLength) {
    store(ctx, event.businessId, {
      kind: 'reservation_expiring',
      dedupeKey: `reservation_expiring:${row.id}:${row.expiresAt}`,
      reservationId: row.id,
      to,
      dueAt: row.expiresAt - reservationWarning.before,
      plannedFor: row.expiresAt,
    });
  }
}

async function planNotice(ctx: PlanContext, event: EventRow, business: BusinessRow): Promise<void> {
  if (!business.notifyEmail) return;
  const b = mailBusiness(business);
  let input: MessageInput;
  if (event.type === 'stock.low') {
    const data = event.payload as {
      sku: string;
      locationId: string;
      stock?: { locations?: { locationId: string; available: number }[] };
    };
    const shop = data.stock?.locations?.find((l) => l.locationId === data.locationId);
    const names = await stockNames(ctx.tx, event.businessId, data.sku, data.locationId);
    input = {
      kind: 'notice_stock_low',
      business: b,
      productName: names.product ?? data.sku,
      sku: data.sku,
      locationName: names.location ?? data.locationId,
      available: shop?.available ?? 0,
    };
  } else {
    const data = event.payload as { url?: string; reason?: string };
    input = {
      kind: 'notice_webhook_disabled',
      business: b,
      endpointUrl: data.url ?? event.subjectId,
      reason: data.reason === 'gone' ? 'The endpoint answered 410 Gone.' : 'Deliveries kept failing.',
    };
  }
  store(ctx, event.businessId, {
    kind: input.kind,
    dedupeKey: `${input.kind}:${event.id}`,
    to: { name: recipient(input)?.name ?? null, email: business.notifyEmail },
    input,
    dueAt: ctx.now,
  });
}

export interface EventRow {
  id: number;
  businessId: string;
  type: string;
  subjectId: string;
  payload: unknown;
  createdAt: number;
}

/** Event types that lead to mail. */
export const mailEventTypes = new Set([
  'booking.created',
  'booking.confirmed',
  'booking.declined',
  'booking.rescheduled',
  'booking.cancelled',
  'reservation.created',
  'stock.low',
  'webhook_endpoint.disabled',
]);

/** Plans the messages of one event (any type; most mean no mail). */
export async function planEvent(ctx: PlanContext, event: EventRow): Promise<void> {
  if (!mailEventTypes.has(event.type)) return;
  let business = ctx.businesses.get(event.businessId);
  if (!business) {
    business = await getBusinessRow(ctx.tx, event.businessId);
    ctx.businesses.set(event.businessId, business);
  }
  if (event.type.startsWith('booking.')) return planBooking(ctx, event, business);
  if (event.type === 'reservation.created') return planReservation(ctx, event, business);
  return planNotice(ctx, event, business);
}
