/**
 * @module `POST /v1/stock/imports` against the real app: progress lines then the report (the same
 * rules as the CLI), a file that cannot be used refused whole with 422, the size limit, staff
 * importing stock but not products, and another business's rows never touched.
 */
import type { ImportProgressLine, ImportReport, ProductStock } from '@frontdesk/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addBusiness } from './helpers.js';
import { addUser, consoleHeaders, signIn } from './session-helpers.js';
import { createStockTestApp, type StockTestApp } from './stock-fixtures.js';

let t: StockTestApp;
beforeEach(async () => {
  t = await createStockTestApp();
});
afterEach(async () => {
  await t.close();
});

async function upload(body: BodyInit, query = '', headers: Record<string, string> = {}) {
  const res = await t.app.request(`/v1/stock/imports${query}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${t.secretKey}`, 'Content-Type': 'text/csv', ...headers },
    body,
  });
  const text = await res.text();
  return { res, text };
}

const linesOf = (text: string) =>
  text
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as ImportProgressLine);

const reportOf = (text: string): ImportReport => {
  const last = linesOf(text).at(-1)!;
  if (last.type !== 'report') throw new Error(text);
  return last.report;
};

describe('POST /v1/stock/imports', () => {
  it('streams progress per batch of 100, then a report with each rejected row and why', async () => {
    const rows = Array.from({ length: 250 }, (_, i) => `SKU-${i},Product ${i},${i}.50,EUR,,`);
    rows[41] = 'BAD SKU,Broken,1.00,EUR,,';
    const { res, text } = await upload(
      ['sku,name,price,currency,low_stock_threshold,active', ...rows].join('\n'),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/x-ndjson');
    const lines = linesOf(text);
    expect(lines.filter((l) => l.type === 'progress')).toEqual([
      { type: 'progress', done: 0, total: 250 },
      { type: 'progress', done: 100, total: 250 },
      { type: 'progress', done: 200, total: 250 },
      { type: 'progress', done: 250, total: 250 },
    ]);
    const report = reportOf(text);
    expect(report).toMatchObject({ kind: 'products', total: 250, imported: 249, rejectedCount: 1 });
    expect(report.rejected[0]).toMatchObject({ line: 43, errors: [{ path: 'sku' }] });
    expect((await t.call('GET', '/v1/products/SKU-249')).body).toMatchObject({
      name: 'Product 249',
      price: { amount: 24950, currency: 'EUR' },
    });
  });

  it('imports stock counts once: the same file again changes nothing', async () => {
    const csv = 'sku,location,quantity\nHELMET-M,lisbon,7\nNOPE,lisbon,1\nLIGHT-1,porto,3\n';
    for (let run = 0; run < 2; run++) {
      const report = reportOf((await upload(csv)).text);
      expect(report).toMatchObject({ kind: 'stock', total: 3, imported: 2, rejectedCount: 1 });
      expect(report.rejected[0]!.line).toBe(3);
    }
    expect(await t.availableAt('HELMET-M', 'lisbon')).toBe(7);
    const ledger = await t.call<{ data: unknown[] }>('GET', '/v1/stock/movements?sku=HELMET-M');
    expect(ledger.body.data).toHaveLength(1);
  });

  it('refuses a file that cannot be used with a 422 naming the line, and writes nothing', async () => {
    const latin1 = new Uint8Array([
      ...new TextEncoder().encode('sku,name\nCAFE-1,Caf'),
      0xe9, // é in Latin-1: not UTF-8
      ...new TextEncoder().encode('\n'),
    ]);
    const refused = await upload(latin1);
    expect(refused.res.status).toBe(422);
    expect(refused.res.headers.get('content-type')).toContain('application/problem+json');
    const problem = JSON.parse(refused.text);
    expect(problem).toMatchObject({
      code: 'validation_failed',
      errors: [{ path: 'file', code: 'invalid_file' }],
    });
    expect(problem.detail).toMatch(/line 2: the file is not UTF-8 text.*nothing was imported/);
    expect((await t.call('GET', '/v1/products/CAFE-1')).status).toBe(404);

    // Told its encoding, the same bytes import, with the name right.
    expect(reportOf((await upload(latin1, '?encoding=latin1')).text).imported).toBe(1);
    expect((await t.call<{ name: string }>('GET', '/v1/products/CAFE-1')).body.name).toBe('Café');

    const unknown = await upload('sku,location\nHELMET-M,lisbon\n');
    expect(unknown.res.status).toBe(422);
    expect(JSON.parse(unknown.text).detail).toContain('Cannot tell products from stock');
    const missing = await upload('sku,location\nHELMET-M,lisbon\n', '?kind=stock');
    expect(missing.res.status).toBe(422);
    expect(JSON.parse(missing.text).detail).toContain('Missing column(s): quantity or delta');
    expect((await upload('sku,name\nA,B\n', '?kind=boxes')).res.status).toBe(422);
  });

  it('takes files up to 16 MiB (more than a JSON body) and refuses bigger ones with 413', async () => {
    const header = 'sku,name\n';
    const row = 'ROW-1,A product with a long enough name to fill the file quickly\n';
    const big = header + row.repeat(Math.ceil((1024 * 1024) / row.length)); // 1 MiB: over the JSON limit
    const ok = await upload(big);
    expect(ok.res.status).toBe(200);
    expect(reportOf(ok.text).imported).toBeGreaterThan(10_000);
    const tooBig = await upload(new Uint8Array(16 * 1024 * 1024 + 1));
    expect(tooBig.res.status).toBe(413);
    // Other routes keep the small JSON limit.
    const json = await t.app.request('/v1/stock/adjustments', {
      method: 'POST',
      headers: { Authorization: `Bearer ${t.secretKey}`, 'Content-Type': 'application/json' },
      body: `{"pad":"${'x'.repeat(70_000)}"}`,
    });
    expect(json.status).toBe(413);
    // ~16,000 rows: 6-9 s alone, twice that on a CI machine running other suites.
  }, 60_000);

  it('lets staff import stock counts but not products; publishable keys not at all', async () => {
    await addUser(t.db, t.businessId, { email: 'desk@shop.test', role: 'staff' }, t.clock());
    const { cookie } = await signIn(t, 'desk@shop.test');
    const asStaff = (csv: string, query = '') =>
      t.app.request(`/v1/stock/imports${query}`, {
        method: 'POST',
        headers: { ...consoleHeaders(cookie), 'Content-Type': 'text/csv' },
        body: csv,
      });
    const counted = await asStaff('sku,location,quantity\nHELMET-M,porto,4\n');
    expect(counted.status).toBe(200);
    expect(reportOf(await counted.text()).imported).toBe(1);
    expect(await t.availableAt('HELMET-M', 'porto')).toBe(4);
    expect((await asStaff('sku,name\nNEW-1,New\n', '?kind=products')).status).toBe(403);
    // A products file without a kind is read as stock for staff: its columns are wrong for that.
    expect((await asStaff('sku,name\nNEW-1,New\n')).status).toBe(422);
    expect((await t.call('GET', '/v1/products/NEW-1')).status).toBe(404);

    const publishable = await upload('sku,name\nNEW-1,New\n', '', {
      Authorization: `Bearer ${t.publishableKey}`,
    });
    expect(publishable.res.status).toBe(403);
  });

  it("never touches another business's products of the same SKU", async () => {
    const other = await addBusiness(t.db, t.clock(), 'Other shop');
    const create = await t.app.request('/v1/products', {
      method: 'POST',
      headers: { Authorization: `Bearer ${other.secretKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ sku: 'HELMET-M', name: 'Their helmet' }),
    });
    expect(create.status).toBe(201);
    expect(reportOf((await upload('sku,name\nHELMET-M,Our helmet\n')).text).imported).toBe(1);
    const theirs = await t.call<{ name: string }>('GET', '/v1/products/HELMET-M', undefined, other.secretKey);
    expect(theirs.body.name).toBe('Their helmet');
    const stock = await t.call<ProductStock>(
      'GET',
      '/v1/products/HELMET-M/stock',
      undefined,
      other.secretKey,
    );
    expect(stock.status).toBe(200);
  });
});
