/**
 * @module Bookings. Public: create (rate limited, Idempotency-Key), and by manage token
 * (`?token=`): read, cancel, reschedule, `.ics`. Business (secret key, console session): list, any
 * booking, confirm, decline, arrived / completed / no-show, internal notes, history; staff only for
 * their resources' bookings.
 */
import {
  BookingInput,
  BookingListQuery,
  BookingNotesInput,
  CancelInput,
  DeclineInput,
  EventListQuery,
  ManageTokenQuery,
  RescheduleInput,
} from '@frontdesk/core';
import { type Context, Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { isSecret, requireSecret } from '../middleware/auth.js';
import { respondIdempotently } from '../middleware/idempotency.js';
import { resourceScope } from '../middleware/staff-scope.js';
import { readJson, readQuery } from '../middleware/validate.js';
import { cancelBooking, decideBooking, rescheduleBooking } from '../services/booking-changes.js';
import { markArrived, markCompleted, markNoShow, setInternalNotes } from '../services/booking-outcomes.js';
import { bookingToWire, createBooking, getBookingRow, listBookings } from '../services/bookings.js';
import { getBusinessRow } from '../services/business.js';
import { getService } from '../services/catalog.js';
import { listEvents } from '../services/events.js';
import { bookingCalendar } from '../services/ics.js';
import { onlyTheBusiness } from './availability.js';
import { param, type RouteKit, scope } from './kit.js';

/** The caller: the business (secret key, session; staff narrowed) or the customer's manage token. */
function actorOf(c: Context<AppEnv>) {
  const { token } = readQuery(c, ManageTokenQuery);
  return { secret: isSecret(c.var.auth), token, resourceIds: resourceScope(c.var.auth) };
}

/** The business's own view of a booking (staff: of their resources only). */
const businessAccess = (c: Context<AppEnv>) => ({ secret: true, resourceIds: resourceScope(c.var.auth) });

export function bookingRoutes(kit: RouteKit): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.post('/bookings', kit.publicWriteLimit, async (c) => {
    const input = await readJson(c, BookingInput);
    const { businessId, now, auth, logger } = scope(c);
    if (input.ignoreBookingWindow && !isSecret(auth)) throw onlyTheBusiness();
    return respondIdempotently(c, input, async (tx) => ({
      status: 201,
      body: await createBooking(tx, businessId, input, now, isSecret(auth), logger),
    }));
  });
  app.get('/bookings', requireSecret(), async (c) => {
    const query = readQuery(c, BookingListQuery);
    const { db, businessId, auth } = scope(c);
    return c.json(await listBookings(db, businessId, query, resourceScope(auth)));
  });
  app.get('/bookings/:id', async (c) => {
    const { db, businessId, auth } = scope(c);
    const row = await getBookingRow(db, businessId, param(c, 'id'), actorOf(c));
    return c.json(bookingToWire(row, undefined, isSecret(auth) ? 'business' : 'customer'));
  });
  app.get('/bookings/:id/events', requireSecret(), async (c) => {
    const query = readQuery(c, EventListQuery);
    const { db, businessId } = scope(c);
    const row = await getBookingRow(db, businessId, param(c, 'id'), businessAccess(c));
    return c.json(await listEvents(db, businessId, { ...query, subject: row.id }));
  });
  app.get('/bookings/:id/ics', async (c) => {
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
  });
  app.post('/bookings/:id/cancel', kit.publicWriteLimit, async (c) => {
    const actor = actorOf(c);
    const input = await readJson(c, CancelInput);
    const { database, businessId, now } = scope(c);
    return c.json(
      await database.write((tx) => cancelBooking(tx, businessId, param(c, 'id'), actor, input.reason, now)),
    );
  });
  app.post('/bookings/:id/reschedule', kit.publicWriteLimit, async (c) => {
    const actor = actorOf(c);
    const input = await readJson(c, RescheduleInput);
    const { database, businessId, now, logger } = scope(c);
    return c.json(
      await database.write((tx) =>
        rescheduleBooking(tx, businessId, param(c, 'id'), actor, input, now, logger),
      ),
    );
  });
  app.post('/bookings/:id/confirm', requireSecret(), async (c) => {
    const { database, businessId, now } = scope(c);
    return c.json(
      await database.write((tx) => decideBooking(tx, businessId, param(c, 'id'), { confirm: true }, now)),
    );
  });
  app.post('/bookings/:id/decline', requireSecret(), async (c) => {
    const input = await readJson(c, DeclineInput);
    const { database, businessId, now } = scope(c);
    return c.json(
      await database.write((tx) =>
        decideBooking(tx, businessId, param(c, 'id'), { confirm: false, reason: input.reason }, now),
      ),
    );
  });
  const outcome = (mark: typeof markArrived) => async (c: Context<AppEnv>) => {
    const { database, businessId, now } = scope(c);
    return c.json(await database.write((tx) => mark(tx, businessId, param(c, 'id'), businessAccess(c), now)));
  };
  app.post('/bookings/:id/arrive', requireSecret(), outcome(markArrived));
  app.post('/bookings/:id/complete', requireSecret(), outcome(markCompleted));
  app.post('/bookings/:id/no-show', requireSecret(), outcome(markNoShow));
  app.put('/bookings/:id/notes', requireSecret(), async (c) => {
    const input = await readJson(c, BookingNotesInput);
    const { database, businessId, now } = scope(c);
    return c.json(
      await database.write((tx) =>
        setInternalNotes(tx, businessId, param(c, 'id'), businessAccess(c), input.internalNotes, now),
      ),
    );
  });
  return app;
}
