import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Product, ProductStock } from '@frontdesk/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importCsv } from '../src/import/run.js';
import { createStockTestApp, type StockTestApp } from './stock-fixtures.js';

let t: StockTestApp;
beforeEach(async () => {
  t = await createStockTestApp();
});
afterEach(async () => {
  await t.close();
});

const productsCsv = [
  'sku,name,price,currency,low_stock_threshold,active',
  'PUMP-1,"Floor pump, steel",39.90,EUR,2,true',
  'BAD SKU,Broken,1.00,EUR,,',
  'TUBE-26,Inner tube 26",4.5,,,',
  'HELMET-M,Helmet M (renamed),45,EUR,2,yes',
  'PRICEY,Too precise,1.999,EUR,,',
].join('\n');

describe('importCsv', () => {
  it('keeps good product rows, rejects bad ones with their line, updates existing SKUs', async () => {
    const progress: number[] = [];
    const report = await importCsv(t.db, productsCsv, {
      businessId: t.businessId,
      batchSize: 2,
      onProgress: (done) => progress.push(done),
    });
    expect(report).toMatchObject({ kind: 'products', total: 5, imported: 3 });
    expect(report.rejected.map((r) => [r.line, r.errors[0]?.path])).toEqual([
      [3, 'sku'],
      [6, 'price'],
    ]);
    expect(progress.at(-1)).toBe(5);
    const pump = await t.call<Product>('GET', '/v1/products/PUMP-1');
    expect(pump.body).toMatchObject({ name: 'Floor pump, steel', price: { amount: 3990, currency: 'EUR' } });
    const tube = await t.call<Product>('GET', '/v1/products/TUBE-26');
    expect(tube.body.price).toEqual({ amount: 450, currency: 'EUR' });
    expect((await t.call<Product>('GET', '/v1/products/HELMET-M')).body.name).toBe('Helmet M (renamed)');
  });

  it('imports stock counts; rows naming unknown products or locations are rejected, the rest kept', async () => {
    const csv = [
      'sku,location,quantity',
      'HELMET-M,lisbon,7',
      'NOPE,lisbon,3',
      'LIGHT-1,mars,3',
      'LIGHT-1,porto,4',
    ].join('\r\n');
    const report = await importCsv(t.db, csv, { businessId: t.businessId, now: t.clock });
    expect(report.imported).toBe(2);
    expect(report.rejected.map((r) => [r.line, r.errors[0]?.code])).toEqual([
      [3, 'unknown_sku'],
      [4, 'unknown_location'],
    ]);
    expect(await t.availableAt('HELMET-M', 'lisbon')).toBe(7);
    expect(await t.availableAt('LIGHT-1', 'porto')).toBe(4);
    // The same file again replays its event ids: nothing changes twice.
    await t.adjust({ eventId: 'sale', sku: 'HELMET-M', locationId: 'lisbon', delta: -1 });
    await importCsv(t.db, csv, { businessId: t.businessId, now: t.clock });
    expect(await t.availableAt('HELMET-M', 'lisbon')).toBe(6);
  });

  it('refuses a malformed file or missing columns whole, writing nothing', async () => {
    await expect(
      importCsv(t.db, 'sku,location,quantity\nHELMET-M,lisbon,"5', { businessId: t.businessId }),
    ).rejects.toThrow(/line 2/);
    await expect(importCsv(t.db, 'sku,name2\nA,b', { businessId: t.businessId })).rejects.toThrow(
      /Cannot tell/,
    );
    await expect(
      importCsv(t.db, 'sku,location\nA,b', { businessId: t.businessId, kind: 'stock' }),
    ).rejects.toThrow(/quantity or delta/);
    const stock = await t.call<ProductStock>('GET', '/v1/products/HELMET-M/stock');
    expect(stock.body.available).toBe(0);
  });
});

describe('frontdesk import (CLI)', () => {
  it('imports a file, reports rejected rows on stderr and exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'frontdesk-import-'));
    const file = join(dir, 'products.csv');
    writeFileSync(file, productsCsv);
    const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
    const run = spawnSync(
      process.execPath,
      ['--conditions=source', '--import', 'tsx', cli, 'import', file, '--business', t.businessId],
      {
        cwd: fileURLToPath(new URL('../../../', import.meta.url)),
        env: { ...process.env, FRONTDESK_DB_URL: pathToFileURL(t.file).href },
        encoding: 'utf8',
        timeout: 30_000,
      },
    );
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('Imported 3 of 5 products rows');
    expect(run.stderr).toContain('products.csv:3: rejected — sku:');
    expect(run.stderr).toContain('import: 5/5 rows (100%)');
    expect((await t.call('GET', '/v1/products/PUMP-1')).status).toBe(200);
  }, 40_000);
});
