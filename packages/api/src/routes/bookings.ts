/**
 * @module Bookings. Public: create (rate limited, Idempotency-Key), and by manage token
 * (`?token=`): read, cancel, reschedule, `.ics`. Secret key: list, any booking, confirm, decline.
 */
import {
  BookingInput,
  BookingListQuery,
  CancelInput,
  DeclineInput,
  ManageTokenQuery,
  RescheduleInput,
} from '@frontdesk/core';
import { type Context, Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { isSecret, requireSecret } from '../middleware/auth.js';
import { respondIdempotently } from '../middleware/idempotency.js';
import { readJson, readQuery } from '../middleware/validate.js';
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

export function bookingRoutes(kit: RouteKit): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.post('/bookings', kit.publicWriteLimit, async (c) => {
    const input = await readJson(c, BookingInput);
    const { businessId, now, auth, logger } = scope(c);
    return respondIdempotently(c, input, async (tx) => ({
      status: 201,
      body: await createBooking(tx, businessId, input, now, isSecret(auth), logger),
    }));
  });
  app.get('/bookings', requireSecret(), async (c) => {
    const query = readQuery(c, BookingListQuery);
    const { db, businessId } = scope(c);
    return c.json(await listBookings(db, businessId, query));
  });
  app.get('/bookings/:id', async (c) => {
    const { db, businessId } = scope(c);
    return c.json(bookingToWire(await getBookingRow(db, businessId, param(c, 'id'), actorOf(c))));
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
  return app;
}
