/**
 * @module `<frontdesk-stock>` in real Chromium against TWO real `frontdesk serve` processes on one
 * libSQL file: the element on a plain host page streams from process A, the till posts a sale to
 * process B, and the page shows the new level within a second of B's answer.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../../test-support/chromium.js';
import {
  removeSeededFiles,
  type SeededFile,
  type ServerProcess,
  seedFile,
  startServer,
} from '../../api/test/process-helpers.js';
import { ensureBuilt } from './build.js';

let seed: SeededFile;
const servers: ServerProcess[] = [];
let host: Server | undefined;
let hostUrl: string;
let browser: Browser | undefined;

async function call(url: string, method: string, path: string, body: unknown) {
  const res = await fetch(url + path, {
    method,
    headers: { Authorization: `Bearer ${seed.secretKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  // Process A serves the widget from packages/widget/dist (its default widget directory).
  await ensureBuilt();
  seed = await seedFile(1);
  servers.push(...(await Promise.all([startServer(seed.dbUrl), startServer(seed.dbUrl)])));
  const [a, b] = servers as [ServerProcess, ServerProcess];
  expect((await call(a.url, 'POST', '/v1/locations', { id: 'shop', name: 'Main shop' })).status).toBe(201);
  expect(
    (await call(a.url, 'POST', '/v1/products', { sku: 'HELMET-M', name: 'Helmet M', lowStockThreshold: 2 }))
      .status,
  ).toBe(201);
  expect(
    (
      await call(b.url, 'POST', '/v1/stock/adjustments', {
        eventId: 'c-1',
        sku: 'HELMET-M',
        locationId: 'shop',
        set: 9,
      })
    ).status,
  ).toBe(200);

  // A plain page on a third origin; the seeded publishable key allows any origin.
  host = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title>
<script src="${a.url}/widget.js" async></script></head><body><main><h1>Helmet</h1>
<frontdesk-stock api="${a.url}" key="${seed.publishableKey}" sku="HELMET-M"></frontdesk-stock></main></body></html>`);
  });
  await new Promise<void>((resolve) => host!.listen(0, '127.0.0.1', resolve));
  hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}/`;

  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (host) await new Promise((resolve) => host!.close(resolve));
  for (const server of servers.splice(0)) {
    if (server.child.exitCode === null) server.child.kill('SIGTERM');
    const stopped = await Promise.race([
      server.exited.then(() => true),
      new Promise((resolve) => setTimeout(() => resolve(false), 5_000)),
    ]);
    if (!stopped) {
      server.child.kill('SIGKILL');
      await server.exited;
    }
  }
  removeSeededFiles();
});

/** Runs in the page: whether the element's overall level (its `role="status"` line) contains `text`. */
const statusShows = (text: string) =>
  (
    document.querySelector('frontdesk-stock')?.shadowRoot?.querySelector('[role="status"]')?.textContent ?? ''
  ).includes(text);

describe('<frontdesk-stock> across two API processes', () => {
  it('shows a sale made through another process within a second of its answer', async () => {
    const [, b] = servers as [ServerProcess, ServerProcess];
    const context = await browser!.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(hostUrl);
    // The numbers come only from A's stream, so a level on screen means the stream is open.
    await page.waitForFunction(statusShows, 'In stock', { timeout: 40_000 });

    const sale = await call(b.url, 'POST', '/v1/stock/adjustments', {
      eventId: 'sale-1',
      sku: 'HELMET-M',
      locationId: 'shop',
      delta: -8,
    });
    const answered = Date.now();
    expect(sale.status).toBe(200);
    await page.waitForFunction(statusShows, 'Only 1 left', { timeout: 1000 });
    const elapsed = Date.now() - answered;
    console.info(`stock element updated ${elapsed} ms after process B answered the sale`);
    expect(elapsed).toBeLessThan(1000);
    await context.close();
  }, 90_000);
});
