/**
 * @module `GET /business` (any key) and `PATCH /business` (secret key).
 */
import { Business, BusinessUpdate } from '@frontdesk/core';
import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { isSecret } from '../middleware/auth.js';
import { readJson } from '../middleware/validate.js';
import { route } from '../openapi/route.js';
import { businessToWire, getBusinessRow, updateBusiness } from '../services/business.js';
import { scope } from './kit.js';

export function businessRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get(
    '/business',
    route({
      summary: 'The business of the key',
      description:
        'Name, IANA time zone, locale and currency: what a page needs to show times and prices. ' +
        '`notifyEmail` only with the secret key.',
      tag: 'Business',
      auth: 'any',
      responses: { 200: Business },
    }),
    async (c) => {
      const { db, businessId, auth } = scope(c);
      return c.json(businessToWire(await getBusinessRow(db, businessId), { secret: isSecret(auth) }));
    },
  );
  app.patch(
    '/business',
    route({
      summary: 'Update the business',
      tag: 'Business',
      auth: 'secret',
      body: BusinessUpdate,
      responses: { 200: Business },
    }),
    async (c) => {
      const patch = await readJson(c, BusinessUpdate);
      const { database, businessId, now } = scope(c);
      return c.json(await database.write((tx) => updateBusiness(tx, businessId, patch, now)));
    },
  );
  return app;
}
