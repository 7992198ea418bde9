/**
 * @module Shared setup of the stock tests: a test app with two locations and a couple of products,
 * and small request helpers that speak JSON with a key.
 */
import type { ProductStock } from '@frontdesk/core';
import { createTestApp, type TestApp, type TestAppOptions } from './helpers.js';

/** A parsed answer; tests name the shape they expect (`Reservation`, `Problem`…). */
export interface Answer<T> {
  status: number;
  body: T;
}

export interface StockTestApp extends TestApp {
  /** A JSON request with the secret key (or `key`), answering status and parsed body. */
  call<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    key?: string,
  ): Promise<Answer<T>>;
  /** POST /v1/stock/adjustments with the secret key. */
  adjust<T = Record<string, unknown>>(body: unknown): Promise<Answer<T>>;
  /** The `available` of one SKU at one location, via the public stock read. */
  availableAt(sku: string, locationId: string): Promise<number>;
}

export async function createStockTestApp(options: TestAppOptions = {}): Promise<StockTestApp> {
  const t = await createTestApp(options);
  const call: StockTestApp['call'] = async (method, path, body, key = t.secretKey) => {
    const headers: Record<string, string> = { Authorization: `Bearer ${key}` };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await t.app.request(path, {
      method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null } as Answer<never>;
  };
  for (const location of [
    { id: 'lisbon', name: 'Lisbon shop' },
    { id: 'porto', name: 'Porto shop' },
  ]) {
    const res = await call('POST', '/v1/locations', location);
    if (res.status !== 201) throw new Error(`location: ${res.status} ${JSON.stringify(res.body)}`);
  }
  for (const product of [
    { sku: 'HELMET-M', name: 'Helmet M', lowStockThreshold: 2, price: { amount: 4500, currency: 'EUR' } },
    { sku: 'LIGHT-1', name: 'Front light', lowStockThreshold: 0 },
  ]) {
    const res = await call('POST', '/v1/products', product);
    if (res.status !== 201) throw new Error(`product: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return {
    ...t,
    call,
    adjust: (body) => call('POST', '/v1/stock/adjustments', body),
    availableAt: async (sku, locationId) => {
      const res = await call<ProductStock>('GET', `/v1/products/${sku}/stock`, undefined, t.publishableKey);
      const location = res.body.locations.find((l) => l.locationId === locationId);
      if (!location) throw new Error(`no location ${locationId} in ${JSON.stringify(res.body)}`);
      return location.available;
    },
  };
}
