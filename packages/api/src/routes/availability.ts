/**
 * @module `GET /availability?service=&from=&to=[&resource=]`: offered start times.
 */
import { AvailabilityQuery } from '@frontdesk/core';
import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { forbidden } from '../errors.js';
import { isSecret } from '../middleware/auth.js';
import { readQuery } from '../middleware/validate.js';
import { getAvailabilityJson } from '../services/availability.js';
import { scope } from './kit.js';

export const onlyTheBusiness = () =>
  forbidden('Only the business (secret key or console) may ignore the booking window');

export function availabilityRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/availability', async (c) => {
    const query = readQuery(c, AvailabilityQuery);
    const { db, businessId, now, auth, logger } = scope(c);
    if (query.ignoreBookingWindow && !isSecret(auth)) throw onlyTheBusiness();
    const json = await getAvailabilityJson(
      db,
      {
        businessId,
        serviceId: query.service,
        resourceId: query.resource,
        from: query.from,
        to: query.to,
        now,
        includeInactive: isSecret(auth),
        ignoreBookingWindow: query.ignoreBookingWindow === true,
        logger,
      },
      auth.business,
    );
    return c.body(json, 200, { 'Content-Type': 'application/json' });
  });
  return app;
}
