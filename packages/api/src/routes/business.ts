/**
 * @module `GET /business` (any key) and `PATCH /business` (secret key).
 */
import { BusinessUpdate } from '@frontdesk/core';
import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { isSecret, requireSecret } from '../middleware/auth.js';
import { readJson } from '../middleware/validate.js';
import { businessToWire, getBusinessRow, updateBusiness } from '../services/business.js';
import { scope } from './kit.js';

export function businessRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/business', async (c) => {
    const { db, businessId, auth } = scope(c);
    return c.json(businessToWire(await getBusinessRow(db, businessId), { secret: isSecret(auth) }));
  });
  app.patch('/business', requireSecret(), async (c) => {
    const patch = await readJson(c, BusinessUpdate);
    const { database, businessId, now } = scope(c);
    return c.json(await database.write((tx) => updateBusiness(tx, businessId, patch, now)));
  });
  return app;
}
