import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Product, ProductStock } from '@frontdesk/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runImportCommand } from '../src/import/command.js';
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

  it('refuses a Latin-1 file as UTF-8 with the line, writing nothing; reads it as Windows-1252 when told', async () => {
    const latin1 = Buffer.from('sku,name\nPLAIN,Plain\nCAFE,Café crème\n', 'latin1');
    await expect(importCsv(t.db, latin1, { businessId: t.businessId })).rejects.toThrow(
      /^line 3: the file is not UTF-8 text/,
    );
    expect((await t.call('GET', '/v1/products/PLAIN')).status).toBe(404);
    const report = await importCsv(t.db, latin1, { businessId: t.businessId, encoding: 'windows-1252' });
    expect(report).toMatchObject({ imported: 2, rejectedCount: 0 });
    expect((await t.call<Product>('GET', '/v1/products/CAFE')).body.name).toBe('Café crème');
  });

  it('streams a file opened twice, keeps the first 1000 rejected rows and counts the rest', async () => {
    const rows = ['sku,name', ...Array.from({ length: 1200 }, (_, i) => `BAD SKU ${i},x`), 'GOOD-1,Good'];
    const bytes = new TextEncoder().encode(rows.join('\n'));
    let opened = 0;
    const report = await importCsv(
      t.db,
      async function* () {
        opened++;
        for (let at = 0; at < bytes.length; at += 1000) yield bytes.subarray(at, at + 1000);
      },
      { businessId: t.businessId },
    );
    expect(opened).toBe(2);
    expect(report).toMatchObject({ total: 1201, imported: 1, rejectedCount: 1200 });
    expect(report.rejected).toHaveLength(1000);
    expect(report.rejected.map((r) => r.line).slice(0, 3)).toEqual([2, 3, 4]);
    expect((await t.call('GET', '/v1/products/GOOD-1')).status).toBe(200);
  });
});

/** Runs `frontdesk …` on the test database; `peakRssMb` is the child's peak resident memory. */
function runCli(args: string[]) {
  const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
  const reportPeakRss =
    'data:text/javascript,process.on("exit",()=>process.stderr.write(' +
    '"peak-rss-kb="+process.resourceUsage().maxRSS+"\\n"))';
  const run = spawnSync(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', '--import', reportPeakRss, cli, ...args],
    {
      cwd: fileURLToPath(new URL('../../../', import.meta.url)),
      env: { ...process.env, FRONTDESK_DB_URL: pathToFileURL(t.file).href },
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  const peakRssKb = Number(/peak-rss-kb=(\d+)/.exec(run.stderr)?.[1]);
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, peakRssMb: peakRssKb / 1024 };
}

describe('frontdesk import (CLI)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'frontdesk-import-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports a file, reports rejected rows on stderr and exits 1', async () => {
    const file = join(dir, 'products.csv');
    writeFileSync(file, productsCsv);
    const run = runCli(['import', file, '--business', t.businessId]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('Imported 3 of 5 products rows');
    expect(run.stderr).toContain('products.csv:3: rejected — sku:');
    expect(run.stderr).toContain('import: 5/5 rows (100%)');
    expect((await t.call('GET', '/v1/products/PUMP-1')).status).toBe(200);
  }, 60_000);

  it('refuses a Latin-1 file with the line and what to do (exit 2); --encoding latin1 imports it', async () => {
    const file = join(dir, 'pos-export.csv');
    writeFileSync(file, Buffer.from('sku,name\r\nCAFE,Café crème\r\n', 'latin1'));
    const run = async (...args: string[]) => {
      const io = { stdout: '', stderr: '' };
      const status = await runImportCommand([file, '--business', t.businessId, ...args], t.db, {
        stdout: { write: (text: string) => (io.stdout += text) },
        stderr: { write: (text: string) => (io.stderr += text) },
      });
      return { status, ...io };
    };
    const refused = await run();
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('pos-export.csv: line 2: the file is not UTF-8 text. Save it as UTF-8');
    expect(refused.stderr).toContain('--encoding windows-1252');
    expect((await t.call('GET', '/v1/products/CAFE')).status).toBe(404);

    expect((await run('--encoding', 'latin1')).status).toBe(0);
    expect((await t.call<Product>('GET', '/v1/products/CAFE')).body.name).toBe('Café crème');
    const unknown = await run('--encoding', 'ebcdic');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown --encoding ebcdic');
  });

  it('refuses 100 MB hostile files (one huge field; an unclosed quote) by line, in the memory of a small import', async () => {
    /** A header, then row 2 opening a quoted field and 100 MB of `filler`, written 1 MB at a time. */
    const hostile = (name: string, filler: string, end: string) => {
      const file = join(dir, name);
      const fd = openSync(file, 'w');
      writeSync(fd, 'sku,name\nHUGE-1,"');
      const megabyte = filler.repeat(Math.ceil(2 ** 20 / filler.length)).slice(0, 2 ** 20);
      for (let i = 0; i < 100; i++) writeSync(fd, megabyte);
      writeSync(fd, end);
      closeSync(fd);
      return file;
    };
    // The peak of importing a one-row file is the baseline: it is the process and its modules, and it
    // differs by Node version (Node 24's collector lets startup garbage reach ~290 MB, Node 20's
    // ~135 MB). Reading a 100 MB file whole would add at least 100 MB to it.
    const small = join(dir, 'small.csv');
    writeFileSync(small, 'sku,name\nSMALL-1,Small\n');
    const baseline = runCli(['import', small, '--business', t.businessId]);
    expect(baseline.status).toBe(0);
    const flat = baseline.peakRssMb + 64;

    const hugeField = runCli(['import', hostile('huge-field.csv', 'x', '"\n'), '--business', t.businessId]);
    expect(hugeField.status).toBe(2);
    expect(hugeField.stderr).toContain(
      'huge-field.csv: line 2: the line is longer than 1,048,576 bytes, the most a line may hold; nothing was imported',
    );
    expect(hugeField.peakRssMb).toBeLessThan(flat);

    const unclosed = runCli([
      'import',
      hostile('unclosed.csv', 'lorem ipsum dolor\n', ''),
      '--business',
      t.businessId,
    ]);
    expect(unclosed.status).toBe(2);
    expect(unclosed.stderr).toContain(
      'unclosed.csv: line 2: the row is longer than 1,048,576 bytes, the most a row may hold (is a quote never closed?)',
    );
    expect(unclosed.peakRssMb).toBeLessThan(flat);
    expect((await t.call('GET', '/v1/products/HUGE-1')).status).toBe(404);
  }, 120_000);
});
