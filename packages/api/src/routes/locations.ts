/**
 * @module Locations: `GET /locations` for any key (active ones for publishable keys), admin
 * create/update, `DELETE` deactivates (the ledger keeps naming it); and the stock settings.
 */
import {
  ListQuery,
  Location,
  LocationInput,
  LocationUpdate,
  listOf,
  StockSettings,
  StockSettingsUpdate,
} from '@frontdesk/core';
import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { notFound } from '../errors.js';
import { isSecret } from '../middleware/auth.js';
import { readJson, readQuery } from '../middleware/validate.js';
import { empty, problem } from '../openapi/answers.js';
import { route } from '../openapi/route.js';
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

  app.get(
    '/locations',
    route({
      summary: 'List locations',
      description: 'Shops and warehouses. Publishable keys see active ones only.',
      tag: 'Stock',
      auth: 'any',
      query: ListQuery,
      responses: { 200: listOf(Location) },
    }),
    async (c) => {
      const query = readQuery(c, ListQuery);
      const { db, businessId, auth } = scope(c);
      return c.json(await listLocations(db, businessId, { ...query, includeInactive: isSecret(auth) }));
    },
  );

  app.get(
    '/locations/:id',
    route({
      summary: 'Get a location',
      description: 'An inactive location is a 404 for publishable keys.',
      tag: 'Stock',
      auth: 'any',
      responses: { 200: Location },
    }),
    async (c) => {
      const { db, businessId, auth } = scope(c);
      const row = await getLocation(db, businessId, param(c, 'id'));
      if (!row.active && !isSecret(auth)) throw notFound('Location');
      return c.json(toLocation(row));
    },
  );

  app.post(
    '/locations',
    route({
      summary: 'Create a location',
      description: "Pass `id` to use the POS's own location id.",
      tag: 'Stock',
      auth: 'secret',
      body: LocationInput,
      responses: { 201: Location, 409: problem({ invalid_state: 'A location with this id exists.' }) },
    }),
    async (c) => {
      const input = await readJson(c, LocationInput);
      const { database, businessId, now } = scope(c);
      return c.json(await database.write((tx) => createLocation(tx, businessId, input, now)), 201);
    },
  );

  app.patch(
    '/locations/:id',
    route({
      summary: 'Update a location',
      tag: 'Stock',
      auth: 'secret',
      body: LocationUpdate,
      responses: { 200: Location },
    }),
    async (c) => {
      const patch = await readJson(c, LocationUpdate);
      const { database, businessId, now } = scope(c);
      const id = param(c, 'id');
      return c.json(await database.write((tx) => updateLocation(tx, businessId, id, patch, now)));
    },
  );

  app.delete(
    '/locations/:id',
    route({
      summary: 'Delete a location',
      description:
        'The location is deactivated (the movement ledger keeps naming it) and leaves stock answers.',
      tag: 'Stock',
      auth: 'secret',
      responses: { 204: empty('Deleted') },
    }),
    async (c) => {
      const { database, businessId, now } = scope(c);
      const id = param(c, 'id');
      await database.write((tx) => updateLocation(tx, businessId, id, { active: false }, now));
      return c.body(null, 204);
    },
  );

  app.get(
    '/stock/settings',
    route({
      summary: 'Stock settings',
      tag: 'Stock',
      auth: 'secret',
      responses: { 200: StockSettings },
    }),
    async (c) => {
      const { db, businessId } = scope(c);
      return c.json(await getStockSettings(db, businessId));
    },
  );

  app.patch(
    '/stock/settings',
    route({
      summary: 'Update stock settings',
      tag: 'Stock',
      auth: 'secret',
      body: StockSettingsUpdate,
      responses: { 200: StockSettings },
    }),
    async (c) => {
      const input = await readJson(c, StockSettingsUpdate);
      const { database, businessId } = scope(c);
      return c.json(await database.write((tx) => updateStockSettings(tx, businessId, input)));
    },
  );

  return app;
}
