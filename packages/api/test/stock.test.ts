import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStockTestApp, type StockTestApp } from './stock-fixtures.js';

let t: StockTestApp;
beforeEach(async () => {
  t = await createStockTestApp();
});
afterEach(async () => {
  await t.close();
});

describe('GET /v1/products/{sku}/stock', () => {
  it('answers the design shape for every active location, zero before any stock', async () => {
    const res = await t.call('GET', '/v1/products/HELMET-M/stock', undefined, t.publishableKey);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      sku: 'HELMET-M',
      available: 0,
      level: 'out',
      locations: [
        { locationId: 'lisbon', onHand: 0, reserved: 0, available: 0, level: 'out' },
        { locationId: 'porto', onHand: 0, reserved: 0, available: 0, level: 'out' },
      ],
    });
  });
});
