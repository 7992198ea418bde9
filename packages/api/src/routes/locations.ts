/**
 * @module Locations: `GET /locations` for any key (active ones for publishable keys), admin
 * create/update, `DELETE` deactivates (the ledger keeps naming it); and the stock settings.
 */
import { ListQuery, LocationInput, LocationUpdate, StockSettingsUpdate } from '@frontdesk/core';
import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { notFound } from '../errors.js';
import { isSecret, requireSecret } from '../middleware/auth.js';
import { readJson, readQuery } from '../middleware/validate.js';
import {
  createLocation,
  getLocation,
  listLocations,
  toLocation,
  updateLocation,
} from '../services/locations.js';
import { getStockSettings, updateStockSettings } from '../services/stock-settings.js';
import { param, scope } from './kit.js';

export function locationRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/locations', async (c) => {
    const query = readQuery(c, ListQuery);
    const { db, businessId, auth } = scope(c);
    return c.json(await listLocations(db, businessId, { ...query, includeInactive: isSecret(auth) }));
  });

  app.get('/locations/:id', async (c) => {
    const { db, businessId, auth } = scope(c);
    const row = await getLocation(db, businessId, param(c, 'id'));
    if (!row.active && !isSecret(auth)) throw notFound('Location');
    return c.json(toLocation(row));
  });

  app.post('/locations', requireSecret(), async (c) => {
    const input = await readJson(c, LocationInput);
    const { database, businessId, now } = scope(c);
    return c.json(await database.write((tx) => createLocation(tx, businessId, input, now)), 201);
  });

  app.patch('/locations/:id', requireSecret(), async (c) => {
    const patch = await readJson(c, LocationUpdate);
    const { database, businessId, now } = scope(c);
    const id = param(c, 'id');
    return c.json(await database.write((tx) => updateLocation(tx, businessId, id, patch, now)));
  });

  app.delete('/locations/:id', requireSecret(), async (c) => {
    const { database, businessId, now } = scope(c);
    const id = param(c, 'id');
    return c.json(await database.write((tx) => updateLocation(tx, businessId, id, { active: false }, now)));
  });

  app.get('/stock/settings', requireSecret(), async (c) => {
    const { db, businessId } = scope(c);
    return c.json(await getStockSettings(db, businessId));
  });

  app.patch('/stock/settings', requireSecret(), async (c) => {
    const input = await readJson(c, StockSettingsUpdate);
    const { database, businessId } = scope(c);
    return c.json(await database.write((tx) => updateStockSettings(tx, businessId, input)));
  });

  return app;
}
