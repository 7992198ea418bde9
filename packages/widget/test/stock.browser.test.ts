/**
 * `<frontdesk-stock>` in real Chromium against the real API, from a host page on another origin:
 * it shows the level per shop and follows changes made through the API, live.
 */
import { createServer, type Server } from 'node:http';
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
    const sku = new URL(req.url ?? '/', 'http://x').searchParams.get('sku') ?? 'HELMET-M';
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': `default-src 'self'; script-src ${world.api}; connect-src ${world.api}; style-src 'self'`,
    });
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title>
<script src="${world.api}/widget.js" async></script></head><body><main><h1>Helmet</h1>
<frontdesk-stock api="${world.api}" key="${world.t.publishableKey}" sku="${sku}"></frontdesk-stock></main></body></html>`);
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}/`;
}, 120_000);
afterAll(async () => {
  await new Promise((resolve) => host?.close(resolve));
  await world?.close();
});

async function open(query = ''): Promise<Page> {
  const context = await world.browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { stockEvents: unknown[]; violations: string[] };
    w.stockEvents = [];
    w.violations = [];
    document.addEventListener('frontdesk:stock', (e) => w.stockEvents.push((e as CustomEvent).detail));
    document.addEventListener('securitypolicyviolation', (e) => w.violations.push(e.violatedDirective));
  });
  await page.goto(hostUrl + query);
  return page;
}

describe('<frontdesk-stock> in a browser', () => {
  it('shows the level overall and per shop, and follows changes live', async () => {
    const page = await open();
    const widget = page.locator('frontdesk-stock');
    await widget.getByRole('status').filter({ hasText: 'In stock' }).waitFor({ timeout: 15_000 });
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
    await shops.getByText('Out of stock').waitFor({ timeout: 5_000 });
    await widget.getByRole('status').filter({ hasText: 'Only 2 left' }).waitFor();
    const events = await page.evaluate(() => (window as unknown as { stockEvents: unknown[] }).stockEvents);
    expect(events.length).toBeGreaterThanOrEqual(2);
    expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('says so when there is no such product', async () => {
    const page = await open('?sku=NOPE');
    await page
      .locator('frontdesk-stock')
      .getByText('Stock information is unavailable right now.')
      .waitFor({ timeout: 15_000 });
    await page.context().close();
  }, 60_000);
});
