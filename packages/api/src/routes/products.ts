/**
 * @module Products: `GET /products` and `GET /products/{sku}[/stock]` for any key (publishable
 * keys see active products only), admin create/update/delete by SKU, and the products a service
 * uses (`PUT /services/{id}/products`).
 */
import {
  ListQuery,
  listOf,
  Product,
  ProductInput,
  ProductListQuery,
  ProductStock,
  ProductUpdate,
  parseSkuList,
  ServiceProduct,
  ServiceProductsInput,
  Sku,
} from '@frontdesk/core';
import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { notFound } from '../errors.js';
import { isSecret } from '../middleware/auth.js';
import { readJson, readQuery } from '../middleware/validate.js';
import { empty, problem } from '../openapi/answers.js';
import { route } from '../openapi/route.js';
import { listServiceProducts, setServiceProducts } from '../services/booking-stock.js';
import {
  createProduct,
  deleteProduct,
  getProduct,
  listProducts,
  toProduct,
  updateProduct,
} from '../services/products.js';
import { readProductStock } from '../services/stock-read-cache.js';
import { param, scope } from './kit.js';

/** The `:sku` path parameter, validated (a malformed SKU is a 404: no such product). */
function skuParam(c: Parameters<typeof param>[0]): string {
  const sku = param(c, 'sku');
  if (!Sku.safeParse(sku).success) throw notFound('Product');
  return sku;
}

export function productRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get(
    '/products',
    route({
      summary: 'List products',
      description: 'Publishable keys see active products only; `skus` picks some by SKU (comma separated).',
      tag: 'Stock',
      auth: 'any',
      query: ProductListQuery,
      responses: { 200: listOf(Product) },
    }),
    async (c) => {
      const query = readQuery(c, ProductListQuery);
      const { db, businessId, auth } = scope(c);
      const skus = query.skus ? parseSkuList(query.skus).slice(0, 100) : undefined;
      return c.json(
        await listProducts(db, businessId, {
          cursor: query.cursor,
          limit: query.limit,
          skus,
          includeInactive: isSecret(auth),
        }),
      );
    },
  );

  app.get(
    '/products/:sku',
    route({
      summary: 'Get a product',
      description: 'An inactive product is a 404 for publishable keys.',
      tag: 'Stock',
      auth: 'any',
      responses: { 200: Product },
    }),
    async (c) => {
      const { db, businessId, auth } = scope(c);
      return c.json(toProduct(await getProduct(db, businessId, skuParam(c), isSecret(auth))));
    },
  );

  app.get(
    '/products/:sku/stock',
    route({
      summary: 'Stock of a product, overall and per location',
      description: '`available` is on hand minus live reservations, never below zero.',
      tag: 'Stock',
      auth: 'any',
      responses: { 200: ProductStock },
    }),
    async (c) => {
      const { database, businessId, auth, now } = scope(c);
      const sku = skuParam(c);
      return c.json(
        await readProductStock(database, businessId, sku, { includeInactive: isSecret(auth), now }),
      );
    },
  );

  app.post(
    '/products',
    route({
      summary: 'Create a product',
      description: 'The SKU is its name in the POS and in URLs; re-creating a deleted SKU brings it back.',
      tag: 'Stock',
      auth: 'secret',
      body: ProductInput,
      responses: {
        201: Product,
        409: problem({ invalid_state: 'A product with this SKU exists (change it with `PATCH`).' }),
      },
    }),
    async (c) => {
      const input = await readJson(c, ProductInput);
      const { database, businessId, now } = scope(c);
      return c.json(await database.write((tx) => createProduct(tx, businessId, input, now)), 201);
    },
  );

  app.patch(
    '/products/:sku',
    route({
      summary: 'Update a product',
      tag: 'Stock',
      auth: 'secret',
      body: ProductUpdate,
      responses: { 200: Product },
    }),
    async (c) => {
      const patch = await readJson(c, ProductUpdate);
      const { database, businessId, now } = scope(c);
      const sku = skuParam(c);
      return c.json(await database.write((tx) => updateProduct(tx, businessId, sku, patch, now)));
    },
  );

  app.delete(
    '/products/:sku',
    route({
      summary: 'Delete a product',
      description: 'The product is deactivated; the movement ledger keeps naming it.',
      tag: 'Stock',
      auth: 'secret',
      responses: {
        204: empty('Deleted'),
        409: problem({ invalid_state: 'Customers hold live reservations of this product.' }),
      },
    }),
    async (c) => {
      const { database, businessId, now } = scope(c);
      const sku = skuParam(c);
      await database.write((tx) => deleteProduct(tx, businessId, sku, now));
      return c.body(null, 204);
    },
  );

  app.get(
    '/services/:id/products',
    route({
      summary: 'Products a service uses',
      tag: 'Services',
      auth: 'secret',
      query: ListQuery,
      responses: { 200: listOf(ServiceProduct) },
    }),
    async (c) => {
      readQuery(c, ListQuery);
      const { db, businessId } = scope(c);
      return c.json({ data: await listServiceProducts(db, businessId, param(c, 'id')), nextCursor: null });
    },
  );

  app.put(
    '/services/:id/products',
    route({
      summary: 'Set the products a service uses',
      description:
        'The full list (an empty one removes them all). Booking the service then reserves them in the ' +
        'same transaction, or fails with `409 insufficient_stock`.',
      tag: 'Services',
      auth: 'secret',
      body: ServiceProductsInput,
      responses: { 200: listOf(ServiceProduct) },
    }),
    async (c) => {
      const items = await readJson(c, ServiceProductsInput);
      const { database, businessId } = scope(c);
      const serviceId = param(c, 'id');
      const data = await database.write((tx) => setServiceProducts(tx, businessId, serviceId, items));
      return c.json({ data, nextCursor: null });
    },
  );

  return app;
}
