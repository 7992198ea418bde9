/**
 * @module Bookings. Public: create (rate limited, Idempotency-Key), and by manage token
 * (`?token=`): read, cancel, reschedule, `.ics`. Secret key: list, any booking, confirm, decline.
 */
import {
  Booking,
  BookingInput,
  BookingListQuery,
  CancelInput,
  DeclineInput,
  listOf,
  ManageTokenQuery,
  RescheduleInput,
} from '@frontdesk/core';
import { type Context, Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { isSecret } from '../middleware/auth.js';
import { respondIdempotently } from '../middleware/idempotency.js';
import { readJson, readQuery } from '../middleware/validate.js';
import { content, problem } from '../openapi/answers.js';
import { route } from '../openapi/route.js';
import { cancelBooking, decideBooking, rescheduleBooking } from '../services/booking-changes.js';
import { bookingToWire, createBooking, getBookingRow, listBookings } from '../services/bookings.js';
import { getBusinessRow } from '../services/business.js';
import { getService } from '../services/catalog.js';
import { bookingCalendar } from '../services/ics.js';
import { param, type RouteKit, scope } from './kit.js';

/** The caller: the business (secret key) or the customer holding the manage token. */
function actorOf(c: Context<AppEnv>) {
  const { token } = readQuery(c, ManageTokenQuery);
  return { secret: isSecret(c.var.auth), token };
}

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
        '`pending`. The answer carries `manageToken` for the customer (cancel, reschedule, `.ics`).',
      tag: 'Booking',
      auth: 'any',
      body: BookingInput,
      responses: {
        201: Booking,
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
      const input = await readJson(c, BookingInput);
      const { businessId, now, auth, logger } = scope(c);
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
        'Filter by status, service, resource, customer email (exact) or start dates (business zone).',
      tag: 'Booking',
      auth: 'secret',
      query: BookingListQuery,
      responses: { 200: listOf(Booking) },
    }),
    async (c) => {
      const query = readQuery(c, BookingListQuery);
      const { db, businessId } = scope(c);
      return c.json(await listBookings(db, businessId, query));
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
      const { db, businessId } = scope(c);
      return c.json(bookingToWire(await getBookingRow(db, businessId, param(c, 'id'), actorOf(c))));
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
          invalid_state: 'The booking is already cancelled.',
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
      description: `A customer may reschedule up to the service's reschedule cut-off; the business any time. ${byToken}`,
      tag: 'Booking',
      auth: 'any',
      query: ManageTokenQuery,
      body: RescheduleInput,
      responses: {
        200: Booking,
        409: problem({
          invalid_state: 'A cancelled booking cannot be rescheduled.',
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
  return app;
}
