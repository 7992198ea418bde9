/**
 * @module `GET /availability?service=&from=&to=[&resource=]`: offered start times.
 */
import { Availability, AvailabilityQuery } from '@frontdesk/core';
import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { isSecret } from '../middleware/auth.js';
import { readQuery } from '../middleware/validate.js';
import { problem } from '../openapi/answers.js';
import { route } from '../openapi/route.js';
import { getAvailabilityJson } from '../services/availability.js';
import { scope } from './kit.js';

export function availabilityRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get(
    '/availability',
    route({
      summary: 'Offered start times between two dates',
      description:
        '`from` and `to` are dates in the business zone (inclusive). Each slot is a UTC instant with ' +
        'the seats left and the resources that can take it. Publishable keys see active services only.',
      tag: 'Booking',
      auth: 'any',
      query: AvailabilityQuery,
      responses: {
        200: Availability,
        404: problem({ not_found: 'No such service (or an inactive one, for a publishable key).' }),
      },
    }),
    async (c) => {
      const query = readQuery(c, AvailabilityQuery);
      const { db, businessId, now, auth, logger } = scope(c);
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
          logger,
        },
        auth.business,
      );
      return c.body(json, 200, { 'Content-Type': 'application/json' });
    },
  );
  return app;
}
