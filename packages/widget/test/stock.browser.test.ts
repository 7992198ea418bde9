/**
 * `<frontdesk-stock>` in real Chromium against the real API, from a host page on another origin:
 * it shows the level per shop and follows changes made through the API, live.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorld, type World } from './harness.js';

let world: World;
let host: Server;
let hostUrl: string;
beforeAll(async () => {
  world = await startWorld();
  await world.call('POST', '/v1/locations', { id: 'lisbon', name: 'Lisbon shop' });
  await world.call('POST', '/v1/locations', { id: 'porto', name: 'Porto shop' });
  await world.call('POST', '/v1/products', { sku: 'HELMET-M', name: 'Helmet M', lowStockThreshold: 2 });
  await world.call('POST', '/v1/stock/adjustments', [
    { eventId: 'w-1', sku: 'HELMET-M', locationId: 'lisbon', set: 2 },
    { eventId: 'w-2', sku: 'HELMET-M', locationId: 'porto', set: 9 },
  ]);
  host = createServer((req, res) => {
    const params = new URL(req.url ?? '/', 'http://x').searchParams;
    const sku = params.get('sku') ?? 'HELMET-M';
    const extra = params.has('reserve') ? ' reserve' : '';
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': `default-src 'self'; script-src ${world.api}; connect-src ${world.api}; style-src 'self'`,
    });
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title>
<script src="${world.api}/widget.js" async></script></head><body><main><h1>Helmet</h1>
<frontdesk-stock api="${world.api}" key="${world.t.publishableKey}" sku="${sku}"${extra}></frontdesk-stock></main></body></html>`);
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}/`;
}, 120_000);
afterAll(async () => {
  await new Promise((resolve) => host?.close(resolve));
  await world?.close();
});

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's WCAG 2.2 AA + best-practice findings on the page (shadow roots included). */
async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    type Axe = { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; help: string }[] }> };
    const { axe } = window as unknown as { axe: Axe };
    const result = await axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      },
    });
    return result.violations.map((v) => `${v.id}: ${v.help}`);
  });
}

async function open(query = ''): Promise<Page> {
  const context = await world.browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { stockEvents: unknown[]; reserved: unknown[]; violations: string[] };
    w.stockEvents = [];
    w.reserved = [];
    w.violations = [];
    document.addEventListener('frontdesk:stock', (e) => w.stockEvents.push((e as CustomEvent).detail));
    document.addEventListener('frontdesk:reserved', (e) => w.reserved.push((e as CustomEvent).detail));
    document.addEventListener('securitypolicyviolation', (e) => w.violations.push(e.violatedDirective));
  });
  await page.goto(hostUrl + query);
  return page;
}

describe('<frontdesk-stock> in a browser', () => {
  it('shows the level overall and per shop, and follows changes live', async () => {
    const page = await open();
    const widget = page.locator('frontdesk-stock');
    await widget.getByRole('status').filter({ hasText: 'In stock' }).waitFor({ timeout: 40_000 });
    const shops = widget.getByRole('list', { name: 'Stock by shop' });
    await expect(shops.getByRole('listitem').allTextContents()).resolves.toEqual([
      'Lisbon shopOnly 2 left',
      'Porto shopIn stock',
    ]);

    // A sale in Porto through the API (another client): the page follows without a reload.
    await world.call('POST', '/v1/stock/adjustments', {
      eventId: 'w-3',
      sku: 'HELMET-M',
      locationId: 'porto',
      set: 0,
    });
    await shops.getByText('Out of stock').waitFor({ timeout: 10_000 });
    await widget.getByRole('status').filter({ hasText: 'Only 2 left' }).waitFor();
    const events = await page.evaluate(() => (window as unknown as { stockEvents: unknown[] }).stockEvents);
    expect(events.length).toBeGreaterThanOrEqual(2);
    expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
    await page.context().close();
  }, 90_000);

  it('reads the stock and follows it from another origin without a CORS preflight', async () => {
    world.requests.length = 0;
    const page = await open();
    const widget = page.locator('frontdesk-stock');
    await widget.getByRole('status').waitFor({ timeout: 40_000 });
    await world.call('POST', '/v1/stock/adjustments', {
      eventId: 'w-pf',
      sku: 'HELMET-M',
      locationId: 'lisbon',
      set: 7,
    });
    await widget
      .getByRole('list', { name: 'Stock by shop' })
      .getByText('Lisbon shopIn stock')
      .waitFor({ timeout: 10_000 });
    // Every call of the page: a plain GET (the names, and the live stream) with the publishable key
    // in its query and no Authorization header, so Chromium sent no OPTIONS before any of them.
    const origin = new URL(hostUrl).origin;
    const fromPage = world.requests.filter(
      (r) => r.url.startsWith('/v1/') && (r.origin === origin || r.method === 'OPTIONS'),
    );
    const paths = [...new Set(fromPage.map((r) => `${r.method} ${r.url.split('?')[0]}`))];
    expect(paths).toEqual(
      expect.arrayContaining(['GET /v1/stock/stream', 'GET /v1/products/HELMET-M', 'GET /v1/locations']),
    );
    expect(paths.filter((p) => !p.startsWith('GET '))).toEqual([]);
    for (const read of fromPage) {
      expect(read.authorization).toBeNull();
      expect(new URL(read.url, world.api).searchParams.getAll('key')).toEqual([world.t.publishableKey]);
    }
    await page.context().close();
  }, 90_000);

  it('reserves for pickup from the page (submitted with Enter), and the shelf follows', async () => {
    await world.call('POST', '/v1/stock/adjustments', {
      eventId: 'w-4',
      sku: 'HELMET-M',
      locationId: 'porto',
      set: 5,
    });
    const page = await open('?reserve');
    const widget = page.locator('frontdesk-stock');
    await widget.getByRole('button', { name: 'Reserve for pickup' }).click();
    await widget.getByLabel('Shop', { exact: true }).selectOption({ label: 'Porto shop' });
    await widget.getByLabel('Quantity').fill('2');
    await widget.getByLabel('Name').fill('Rita Alves');
    await widget.getByLabel('Email').fill('rita@example.com');
    expect(await axeViolations(page)).toEqual([]);
    await widget.getByLabel('Email').press('Enter');
    await widget
      .getByRole('status')
      .filter({ hasText: /Reserved\. Collect it at Porto shop before/ })
      .waitFor({ timeout: 20_000 });
    expect(await axeViolations(page)).toEqual([]);
    const reserved = await page.evaluate(
      () => (window as unknown as { reserved: { id: string; quantity: number }[] }).reserved,
    );
    expect(reserved).toHaveLength(1);
    expect(reserved[0]?.quantity).toBe(2);
    const stored = await world.call<{ status: string; customer: { email: string } }>(
      'GET',
      `/v1/reservations/${reserved[0]?.id}`,
    );
    expect(stored.body).toMatchObject({ status: 'active', customer: { email: 'rita@example.com' } });
    // The element's language and the visitor's zone came along, for the mail to the customer.
    expect(stored.body).toMatchObject({
      locale: expect.any(String),
      customer: { timeZone: expect.any(String) },
    });
    // 5 on hand, 2 reserved, then a sale of 2 at the till: the page shows 1 left in Porto, live.
    await world.call('POST', '/v1/stock/adjustments', {
      eventId: 'w-5',
      sku: 'HELMET-M',
      locationId: 'porto',
      delta: -2,
    });
    await widget
      .getByRole('listitem')
      .filter({ hasText: 'Porto shop' })
      .filter({ hasText: 'Only 1 left' })
      .waitFor({ timeout: 10_000 });
    expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
    await page.context().close();
  }, 90_000);

  it('says so when there is no such product', async () => {
    const page = await open('?sku=NOPE');
    await page
      .locator('frontdesk-stock')
      .getByText('Stock information is unavailable right now.')
      .waitFor({ timeout: 40_000 });
    await page.context().close();
  }, 90_000);
});
