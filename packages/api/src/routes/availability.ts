/**
 * @module `GET /availability?service=&from=&to=[&resource=]`: offered start times.
 */
import { Availability, AvailabilityQuery } from '@frontdesk/core';
import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { forbidden } from '../errors.js';
import { isSecret } from '../middleware/auth.js';
import { readQuery } from '../middleware/validate.js';
import { problem } from '../openapi/answers.js';
import { route } from '../openapi/route.js';
import { getAvailabilityJson } from '../services/availability.js';
import { scope } from './kit.js';

export const onlyTheBusiness = () =>
  forbidden('Only the business (secret key or console) may ignore the booking window');

export function availabilityRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get(
    '/availability',
    route({
      summary: 'Offered start times between two dates',
      description:
        '`from` and `to` are dates in the business zone (inclusive). Each slot is a UTC instant with ' +
        'the seats left and the resources that can take it. Publishable keys see active services only. ' +
        '`ignoreBookingWindow=true` (secret key or console session only) also offers starts inside the ' +
        "service's minimum notice and past its horizon, for a booking made by the business.",
      tag: 'Booking',
      auth: 'any',
      query: AvailabilityQuery,
      responses: {
        200: Availability,
        403: problem({ forbidden: '`ignoreBookingWindow` with a publishable key.' }),
        404: problem({ not_found: 'No such service (or an inactive one, for a publishable key).' }),
      },
    }),
    async (c) => {
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
    },
  );
  return app;
}
