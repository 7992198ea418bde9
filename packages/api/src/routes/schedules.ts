/**
 * @module Schedules (secret key): date overrides and time off per resource, business closures.
 */
import { ClosureInput, DateOverrideInput, ListQuery, TimeOffInput } from '@frontdesk/core';
import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { requireSecret } from '../middleware/auth.js';
import { readJson, readQuery } from '../middleware/validate.js';
import {
  addClosure,
  addTimeOff,
  deleteClosure,
  deleteOverride,
  deleteTimeOff,
  listClosures,
  listOverrides,
  listTimeOff,
  putOverride,
} from '../services/schedules.js';
import { param, scope } from './kit.js';

export function scheduleRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('/resources/:id/overrides', requireSecret());
  app.use('/resources/:id/overrides/*', requireSecret());
  app.use('/resources/:id/time-off', requireSecret());
  app.use('/resources/:id/time-off/*', requireSecret());
  app.use('/closures', requireSecret());
  app.use('/closures/*', requireSecret());

  app.get('/resources/:id/overrides', async (c) => {
    const query = readQuery(c, ListQuery);
    const { db, businessId } = scope(c);
    return c.json(await listOverrides(db, businessId, param(c, 'id'), query));
  });
  app.post('/resources/:id/overrides', async (c) => {
    const input = await readJson(c, DateOverrideInput);
    const { database, businessId, now } = scope(c);
    return c.json(await database.write((tx) => putOverride(tx, businessId, param(c, 'id'), input, now)), 201);
  });
  app.delete('/resources/:id/overrides/:overrideId', async (c) => {
    const { database, businessId, now } = scope(c);
    await database.write((tx) => deleteOverride(tx, businessId, param(c, 'id'), param(c, 'overrideId'), now));
    return c.body(null, 204);
  });

  app.get('/resources/:id/time-off', async (c) => {
    const query = readQuery(c, ListQuery);
    const { db, businessId } = scope(c);
    return c.json(await listTimeOff(db, businessId, param(c, 'id'), query));
  });
  app.post('/resources/:id/time-off', async (c) => {
    const input = await readJson(c, TimeOffInput);
    const { database, businessId, now } = scope(c);
    return c.json(await database.write((tx) => addTimeOff(tx, businessId, param(c, 'id'), input, now)), 201);
  });
  app.delete('/resources/:id/time-off/:timeOffId', async (c) => {
    const { database, businessId, now } = scope(c);
    await database.write((tx) => deleteTimeOff(tx, businessId, param(c, 'id'), param(c, 'timeOffId'), now));
    return c.body(null, 204);
  });

  app.get('/closures', async (c) => {
    const query = readQuery(c, ListQuery);
    const { db, businessId } = scope(c);
    return c.json(await listClosures(db, businessId, query));
  });
  app.post('/closures', async (c) => {
    const input = await readJson(c, ClosureInput);
    const { database, businessId, now } = scope(c);
    return c.json(await database.write((tx) => addClosure(tx, businessId, input, now)), 201);
  });
  app.delete('/closures/:id', async (c) => {
    const { database, businessId, now } = scope(c);
    await database.write((tx) => deleteClosure(tx, businessId, param(c, 'id'), now));
    return c.body(null, 204);
  });
  return app;
}
