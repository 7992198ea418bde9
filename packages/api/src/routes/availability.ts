/**
 * @module `GET /availability?service=&from=&to=[&resource=]`: offered start times.
 */
import { AvailabilityQuery } from '@frontdesk/core';
import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { isSecret } from '../middleware/auth.js';
import { readQuery } from '../middleware/validate.js';
import { getAvailabilityJson } from '../services/availability.js';
import { scope } from './kit.js';

export function availabilityRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/availability', async (c) => {
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
  });
  return app;
}
