/**
 * @module Products: `GET /products` and `GET /products/{sku}[/stock]` for any key (publishable
 * keys see active products only), admin create/update/delete by SKU, and the products a service
 * uses (`PUT /services/{id}/products`).
 */
import {
  ListQuery,
  ProductInput,
  ProductListQuery,
  ProductUpdate,
  parseSkuList,
  ServiceProductsInput,
  Sku,
} from '@frontdesk/core';
import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { notFound } from '../errors.js';
import { isSecret, requireSecret } from '../middleware/auth.js';
import { readJson, readQuery } from '../middleware/validate.js';
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

  app.get('/products', async (c) => {
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
  });

  app.get('/products/:sku', async (c) => {
    const { db, businessId, auth } = scope(c);
    return c.json(toProduct(await getProduct(db, businessId, skuParam(c), isSecret(auth))));
  });

  app.get('/products/:sku/stock', async (c) => {
    const { database, businessId, auth, now } = scope(c);
    const sku = skuParam(c);
    return c.json(
      await readProductStock(database, businessId, sku, { includeInactive: isSecret(auth), now }),
    );
  });

  app.post('/products', requireSecret(), async (c) => {
    const input = await readJson(c, ProductInput);
    const { database, businessId, now } = scope(c);
    return c.json(await database.write((tx) => createProduct(tx, businessId, input, now)), 201);
  });

  app.patch('/products/:sku', requireSecret(), async (c) => {
    const patch = await readJson(c, ProductUpdate);
    const { database, businessId, now } = scope(c);
    const sku = skuParam(c);
    return c.json(await database.write((tx) => updateProduct(tx, businessId, sku, patch, now)));
  });

  app.delete('/products/:sku', requireSecret(), async (c) => {
    const { database, businessId, now } = scope(c);
    const sku = skuParam(c);
    await database.write((tx) => deleteProduct(tx, businessId, sku, now));
    return c.body(null, 204);
  });

  app.get('/services/:id/products', requireSecret(), async (c) => {
    readQuery(c, ListQuery);
    const { db, businessId } = scope(c);
    return c.json({ data: await listServiceProducts(db, businessId, param(c, 'id')), nextCursor: null });
  });

  app.put('/services/:id/products', requireSecret(), async (c) => {
    const items = await readJson(c, ServiceProductsInput);
    const { database, businessId } = scope(c);
    const serviceId = param(c, 'id');
    const data = await database.write((tx) => setServiceProducts(tx, businessId, serviceId, items));
    return c.json({ data, nextCursor: null });
  });

  return app;
}
