/**
 * @module Schedules (secret key): date overrides and time off per resource, business closures.
 */
import {
  Closure,
  ClosureInput,
  DateOverride,
  DateOverrideInput,
  ListQuery,
  listOf,
  TimeOff,
  TimeOffInput,
} from '@frontdesk/core';
import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { readJson, readQuery } from '../middleware/validate.js';
import { empty } from '../openapi/answers.js';
import { route } from '../openapi/route.js';
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

  app.get(
    '/resources/:id/overrides',
    route({
      summary: 'List date overrides',
      tag: 'Schedules',
      auth: 'secret',
      query: ListQuery,
      responses: { 200: listOf(DateOverride) },
    }),
    async (c) => {
      const query = readQuery(c, ListQuery);
      const { db, businessId } = scope(c);
      return c.json(await listOverrides(db, businessId, param(c, 'id'), query));
    },
  );
  app.post(
    '/resources/:id/overrides',
    route({
      summary: 'Set special hours for a date',
      description: 'Replaces the weekly hours of the resource on that date; no intervals means closed.',
      tag: 'Schedules',
      auth: 'secret',
      body: DateOverrideInput,
      responses: { 201: DateOverride },
    }),
    async (c) => {
      const input = await readJson(c, DateOverrideInput);
      const { database, businessId, now } = scope(c);
      return c.json(
        await database.write((tx) => putOverride(tx, businessId, param(c, 'id'), input, now)),
        201,
      );
    },
  );
  app.delete(
    '/resources/:id/overrides/:overrideId',
    route({
      summary: 'Remove a date override',
      tag: 'Schedules',
      auth: 'secret',
      responses: { 204: empty('Removed') },
    }),
    async (c) => {
      const { database, businessId, now } = scope(c);
      await database.write((tx) =>
        deleteOverride(tx, businessId, param(c, 'id'), param(c, 'overrideId'), now),
      );
      return c.body(null, 204);
    },
  );

  app.get(
    '/resources/:id/time-off',
    route({
      summary: 'List time off',
      tag: 'Schedules',
      auth: 'secret',
      query: ListQuery,
      responses: { 200: listOf(TimeOff) },
    }),
    async (c) => {
      const query = readQuery(c, ListQuery);
      const { db, businessId } = scope(c);
      return c.json(await listTimeOff(db, businessId, param(c, 'id'), query));
    },
  );
  app.post(
    '/resources/:id/time-off',
    route({
      summary: 'Add time off',
      description: 'An interval of instants when the resource takes no bookings.',
      tag: 'Schedules',
      auth: 'secret',
      body: TimeOffInput,
      responses: { 201: TimeOff },
    }),
    async (c) => {
      const input = await readJson(c, TimeOffInput);
      const { database, businessId, now } = scope(c);
      return c.json(
        await database.write((tx) => addTimeOff(tx, businessId, param(c, 'id'), input, now)),
        201,
      );
    },
  );
  app.delete(
    '/resources/:id/time-off/:timeOffId',
    route({
      summary: 'Remove time off',
      tag: 'Schedules',
      auth: 'secret',
      responses: { 204: empty('Removed') },
    }),
    async (c) => {
      const { database, businessId, now } = scope(c);
      await database.write((tx) => deleteTimeOff(tx, businessId, param(c, 'id'), param(c, 'timeOffId'), now));
      return c.body(null, 204);
    },
  );

  app.get(
    '/closures',
    route({
      summary: 'List business closures',
      tag: 'Schedules',
      auth: 'secret',
      query: ListQuery,
      responses: { 200: listOf(Closure) },
    }),
    async (c) => {
      const query = readQuery(c, ListQuery);
      const { db, businessId } = scope(c);
      return c.json(await listClosures(db, businessId, query));
    },
  );
  app.post(
    '/closures',
    route({
      summary: 'Add a closure',
      description: 'Whole dates (business zone) when no resource takes bookings, e.g. a public holiday.',
      tag: 'Schedules',
      auth: 'secret',
      body: ClosureInput,
      responses: { 201: Closure },
    }),
    async (c) => {
      const input = await readJson(c, ClosureInput);
      const { database, businessId, now } = scope(c);
      return c.json(await database.write((tx) => addClosure(tx, businessId, input, now)), 201);
    },
  );
  app.delete(
    '/closures/:id',
    route({
      summary: 'Remove a closure',
      tag: 'Schedules',
      auth: 'secret',
      responses: { 204: empty('Removed') },
    }),
    async (c) => {
      const { database, businessId, now } = scope(c);
      await database.write((tx) => deleteClosure(tx, businessId, param(c, 'id'), now));
      return c.body(null, 204);
    },
  );
  return app;
}
