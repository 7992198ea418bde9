/**
 * @module Stock: `POST /stock/adjustments` (secret key; POS events, one or a batch of up to 100,
 * applied whole or not at all), `GET /stock/movements` (the ledger), and `stockRoutes`, which
 * mounts every stock route module under `/v1` in one line of `createApp`.
 */
import { AdjustmentResult, listOf, Movement, MovementListQuery, StockAdjustmentBody } from '@frontdesk/core';
import { Hono } from 'hono';
import * as z from 'zod/mini';
import type { AppEnv } from '../env.js';
import { readJson, readQuery } from '../middleware/validate.js';
import { route } from '../openapi/route.js';
import { listMovements } from '../services/movements.js';
import { applyAdjustments } from '../services/stock.js';
import type { RouteKit } from './kit.js';
import { scope } from './kit.js';
import { locationRoutes } from './locations.js';
import { productRoutes } from './products.js';
import { reservationRoutes } from './reservations.js';
import { stockImportRoutes } from './stock-imports.js';

/** One adjustment answers its result; a batch (an array) answers `{ data: [...] }` in order. */
const AdjustmentAnswer = z.union([AdjustmentResult, z.object({ data: z.array(AdjustmentResult) })]);

function adjustmentRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.post(
    '/stock/adjustments',
    route({
      summary: 'Apply stock adjustments or counts',
      description:
        'POS events: `delta` (a sale, a delivery) or `set` (a physical count), one or a batch of up ' +
        'to 100, applied whole or not at all. Idempotent by `eventId`: a repeated event is not ' +
        'applied twice. Every product and location must exist (else 422).',
      tag: 'Stock',
      auth: 'secret',
      body: StockAdjustmentBody,
      responses: { 200: AdjustmentAnswer },
    }),
    async (c) => {
      const body = await readJson(c, StockAdjustmentBody);
      const { database, businessId, now } = scope(c);
      const batch = Array.isArray(body);
      const items = batch ? body : [body];
      const results = await database.write((tx) =>
        applyAdjustments(tx, businessId, items, { now, source: 'api', paths: batch ? 'batch' : 'single' }),
      );
      return c.json(batch ? { data: results } : results[0]);
    },
  );

  app.get(
    '/stock/movements',
    route({
      summary: 'The stock movement ledger',
      description: 'Append-only: every change of on-hand stock, filtered by `sku` or `location`.',
      tag: 'Stock',
      auth: 'secret',
      query: MovementListQuery,
      responses: { 200: listOf(Movement) },
    }),
    async (c) => {
      const query = readQuery(c, MovementListQuery);
      const { db, businessId } = scope(c);
      return c.json(await listMovements(db, businessId, query));
    },
  );

  return app;
}

/** Every authenticated stock route (the SSE stream authenticates itself: see stock-stream.ts). */
export function stockRoutes(kit: RouteKit): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.route('/', productRoutes());
  app.route('/', locationRoutes());
  app.route('/', adjustmentRoutes());
  app.route('/', reservationRoutes(kit));
  app.route('/', stockImportRoutes());
  return app;
}
