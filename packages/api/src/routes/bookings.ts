/**
 * @module Bookings. Public: create (rate limited, Idempotency-Key), and by manage token
 * (`?token=`): read, cancel, reschedule, `.ics`. Business (secret key, console session): list, any
 * booking, confirm, decline, arrived / completed / no-show, internal notes, history; staff only for
 * their resources' bookings.
 */
import {
  Booking,
  BookingInput,
  BookingListQuery,
  BookingNotesInput,
  CancelInput,
  DeclineInput,
  Event,
  EventListQuery,
  listOf,
  ManageTokenQuery,
  RescheduleInput,
} from '@frontdesk/core';
import { type Context, Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { isSecret } from '../middleware/auth.js';
import { respondIdempotently } from '../middleware/idempotency.js';
import { resourceScope } from '../middleware/staff-scope.js';
import { readJson, readQuery } from '../middleware/validate.js';
import { content, problem } from '../openapi/answers.js';
import { route } from '../openapi/route.js';
import { cancelBooking, decideBooking, rescheduleBooking } from '../services/booking-changes.js';
import { markArrived, markCompleted, markNoShow, setInternalNotes } from '../services/booking-outcomes.js';
import { bookingToWire, createBooking, getBookingRow, listBookings } from '../services/bookings.js';
import { getBusinessRow } from '../services/business.js';
import { getService } from '../services/catalog.js';
import { listEvents } from '../services/events.js';
import { bookingCalendar } from '../services/ics.js';
import { markStage } from '../stage-probe.js';
import { onlyTheBusiness } from './availability.js';
import { param, type RouteKit, scope } from './kit.js';

/** The caller: the business (secret key, session; staff narrowed) or the customer's manage token. */
function actorOf(c: Context<AppEnv>) {
  const { token } = readQuery(c, ManageTokenQuery);
  return { secret: isSecret(c.var.auth), token, resourceIds: resourceScope(c.var.auth) };
}

/** The business's own view of a booking (staff: of their resources only). */
const businessAccess = (c: Context<AppEnv>) => ({ secret: true, resourceIds: resourceScope(c.var.auth) });

const over = 'The booking is cancelled, completed or marked no-show.';
const notConfirmedYet = {
  invalid_state:
    'The booking is not confirmed (pending: confirm it first; or already cancelled, completed, no-show), or it has not started yet.',
};

const byToken =
  'A publishable key needs the manage token (`?token=`, from the booking answer); a secret key reads any booking.';
const notPending = { invalid_state: 'The booking is not pending (already confirmed or cancelled).' };

export function bookingRoutes(kit: RouteKit): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.post(
    '/bookings',
    route({
      summary: 'Book',
      description:
        'Re-checks the start inside one write transaction: two customers never get the same seat. ' +
        'Pass `holdId` to turn a hold into the booking. Services with `requiresConfirmation` start ' +
        '`pending`. The answer carries `manageToken` for the customer (cancel, reschedule, `.ics`). ' +
        'The business (secret key, console session) may send `ignoreBookingWindow: true` to book ' +
        "inside the service's minimum notice or past its horizon; capacity still holds.",
      tag: 'Booking',
      auth: 'any',
      body: BookingInput,
      responses: {
        201: Booking,
        403: problem({ forbidden: '`ignoreBookingWindow` with a publishable key.' }),
        404: problem({ not_found: 'No such service (or resource) in this business.' }),
        409: problem({
          slot_unavailable: 'That start is not offered any more, or its seats are taken.',
          insufficient_stock: 'A product the service uses is out of stock.',
        }),
      },
      idempotent: true,
      rateLimited: true,
    }),
    kit.publicWriteLimit,
    async (c) => {
      markStage('route middleware');
      const input = await readJson(c, BookingInput);
      const { businessId, now, auth, logger } = scope(c);
      if (input.ignoreBookingWindow && !isSecret(auth)) throw onlyTheBusiness();
      return respondIdempotently(c, input, async (tx) => ({
        status: 201,
        body: await createBooking(tx, businessId, input, now, isSecret(auth), logger),
      }));
    },
  );
  app.get(
    '/bookings',
    route({
      summary: 'List bookings',
      description:
        'Filter by status, service, resource, customer email (exact) or start dates (business zone). ' +
        "A staff member's session lists the bookings of their resources only.",
      tag: 'Booking',
      auth: 'secret',
      query: BookingListQuery,
      responses: { 200: listOf(Booking) },
    }),
    async (c) => {
      const query = readQuery(c, BookingListQuery);
      const { db, businessId, auth } = scope(c);
      return c.json(await listBookings(db, businessId, query, resourceScope(auth)));
    },
  );
  app.get(
    '/bookings/:id',
    route({
      summary: 'Get a booking',
      description: byToken,
      tag: 'Booking',
      auth: 'any',
      query: ManageTokenQuery,
      responses: { 200: Booking },
    }),
    async (c) => {
      const { db, businessId, auth } = scope(c);
      const row = await getBookingRow(db, businessId, param(c, 'id'), actorOf(c));
      return c.json(bookingToWire(row, undefined, isSecret(auth) ? 'business' : 'customer'));
    },
  );
  app.get(
    '/bookings/:id/events',
    route({
      summary: "A booking's history",
      description: 'Its events, oldest first, each with its actor.',
      tag: 'Booking',
      auth: 'secret',
      query: EventListQuery,
      responses: { 200: listOf(Event) },
    }),
    async (c) => {
      const query = readQuery(c, EventListQuery);
      const { db, businessId } = scope(c);
      const row = await getBookingRow(db, businessId, param(c, 'id'), businessAccess(c));
      return c.json(await listEvents(db, businessId, { ...query, subject: row.id }));
    },
  );
  app.get(
    '/bookings/:id/ics',
    route({
      summary: 'The booking as an iCalendar file',
      description: `An RFC 5545 event to add to a calendar. ${byToken}`,
      tag: 'Booking',
      auth: 'any',
      query: ManageTokenQuery,
      responses: { 200: content('text/calendar', 'The `.ics` file (as an attachment)') },
    }),
    async (c) => {
      const { db, businessId, now } = scope(c);
      const row = await getBookingRow(db, businessId, param(c, 'id'), actorOf(c));
      const business = await getBusinessRow(db, businessId);
      const service = await getService(db, businessId, row.serviceId).catch(() => undefined);
      const ics = bookingCalendar(row, {
        serviceName: service?.row.name ?? 'Booking',
        businessName: business.name,
        address: business.address,
        organizerEmail: business.notifyEmail,
        now,
      });
      return c.body(ics, 200, {
        'Content-Type': 'text/calendar; charset=utf-8',
        'Content-Disposition': `attachment; filename="booking-${row.id}.ics"`,
      });
    },
  );
  app.post(
    '/bookings/:id/cancel',
    route({
      summary: 'Cancel a booking',
      description: `A customer may cancel up to the service's cancellation cut-off; the business any time. ${byToken}`,
      tag: 'Booking',
      auth: 'any',
      query: ManageTokenQuery,
      body: CancelInput,
      responses: {
        200: Booking,
        409: problem({
          invalid_state: over,
          cutoff_passed: 'Too close to the start for the customer to cancel.',
        }),
      },
      rateLimited: true,
    }),
    kit.publicWriteLimit,
    async (c) => {
      const actor = actorOf(c);
      const input = await readJson(c, CancelInput);
      const { database, businessId, now } = scope(c);
      return c.json(
        await database.write((tx) => cancelBooking(tx, businessId, param(c, 'id'), actor, input.reason, now)),
      );
    },
  );
  app.post(
    '/bookings/:id/reschedule',
    route({
      summary: 'Move a booking to another start',
      description:
        `A customer may reschedule up to the service's reschedule cut-off; the business any time, and ` +
        `with \`ignoreBookingWindow: true\` inside the notice or past the horizon. ${byToken}`,
      tag: 'Booking',
      auth: 'any',
      query: ManageTokenQuery,
      body: RescheduleInput,
      responses: {
        200: Booking,
        409: problem({
          invalid_state: over,
          cutoff_passed: 'Too close to the start for the customer to reschedule.',
          slot_unavailable: 'The new start is not offered, or its seats are taken.',
        }),
      },
      rateLimited: true,
    }),
    kit.publicWriteLimit,
    async (c) => {
      const actor = actorOf(c);
      const input = await readJson(c, RescheduleInput);
      const { database, businessId, now, logger } = scope(c);
      return c.json(
        await database.write((tx) =>
          rescheduleBooking(tx, businessId, param(c, 'id'), actor, input, now, logger),
        ),
      );
    },
  );
  app.post(
    '/bookings/:id/confirm',
    route({
      summary: 'Confirm a pending booking',
      tag: 'Booking',
      auth: 'secret',
      responses: { 200: Booking, 409: problem(notPending) },
    }),
    async (c) => {
      const { database, businessId, now } = scope(c);
      return c.json(
        await database.write((tx) => decideBooking(tx, businessId, param(c, 'id'), { confirm: true }, now)),
      );
    },
  );
  app.post(
    '/bookings/:id/decline',
    route({
      summary: 'Decline a pending booking',
      description: 'The booking becomes `cancelled`, with the reason given.',
      tag: 'Booking',
      auth: 'secret',
      body: DeclineInput,
      responses: { 200: Booking, 409: problem(notPending) },
    }),
    async (c) => {
      const input = await readJson(c, DeclineInput);
      const { database, businessId, now } = scope(c);
      return c.json(
        await database.write((tx) =>
          decideBooking(tx, businessId, param(c, 'id'), { confirm: false, reason: input.reason }, now),
        ),
      );
    },
  );
  const outcome = (mark: typeof markArrived) => async (c: Context<AppEnv>) => {
    const { database, businessId, now } = scope(c);
    return c.json(await database.write((tx) => mark(tx, businessId, param(c, 'id'), businessAccess(c), now)));
  };
  app.post(
    '/bookings/:id/arrive',
    route({
      summary: 'Mark the customer as arrived',
      description: 'A confirmed booking, from 12 hours before its start. Again: no change.',
      tag: 'Booking',
      auth: 'secret',
      responses: { 200: Booking, 409: problem(notConfirmedYet) },
    }),
    outcome(markArrived),
  );
  app.post(
    '/bookings/:id/complete',
    route({
      summary: 'Mark a booking completed',
      description: 'A confirmed booking whose start has passed.',
      tag: 'Booking',
      auth: 'secret',
      responses: { 200: Booking, 409: problem(notConfirmedYet) },
    }),
    outcome(markCompleted),
  );
  app.post(
    '/bookings/:id/no-show',
    route({
      summary: 'Mark a booking as a no-show',
      description: 'A confirmed booking whose start has passed and whose customer was not marked arrived.',
      tag: 'Booking',
      auth: 'secret',
      responses: { 200: Booking, 409: problem(notConfirmedYet) },
    }),
    outcome(markNoShow),
  );
  app.put(
    '/bookings/:id/notes',
    route({
      summary: "Replace the business's internal notes",
      description: 'Never shown to the customer; the event says that they changed, not what they say.',
      tag: 'Booking',
      auth: 'secret',
      body: BookingNotesInput,
      responses: { 200: Booking },
    }),
    async (c) => {
      const input = await readJson(c, BookingNotesInput);
      const { database, businessId, now } = scope(c);
      return c.json(
        await database.write((tx) =>
          setInternalNotes(tx, businessId, param(c, 'id'), businessAccess(c), input.internalNotes, now),
        ),
      );
    },
  );
  return app;
}
