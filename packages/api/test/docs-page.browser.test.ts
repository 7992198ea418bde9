/**
 * @module `/docs` in real Chromium (needs Debian's /usr/bin/chromium, see test-support/chromium.js):
 * the reference loads from the API alone — no request leaves its origin — under its CSP without a
 * single violation, and shows the operations with the problem codes of their answers.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../../test-support/chromium.js';
import { createTestApp, type TestApp } from './helpers.js';

let t: TestApp;
let server: Server;
let origin: string;
let browser: Browser;
beforeAll(async () => {
  t = await createTestApp();
  server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
  await new Promise((resolve) => server.once('listening', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  await t?.close();
});

describe('/docs in Chromium', () => {
  it('shows every operation, with no request off the origin and no CSP violation', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.addInitScript(() => {
      const w = window as unknown as { violations: string[] };
      w.violations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        w.violations.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });

    await page.goto(`${origin}/docs`);
    const operations = page.locator('.opblock');
    await operations.first().waitFor({ timeout: 20_000 });
    const spec = (await (await t.app.request('/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const count = Object.values(spec.paths).reduce((n, ops) => n + Object.keys(ops).length, 0);
    expect(await operations.count()).toBe(count);

    // Opening an operation shows its answers, with the problem codes each one can carry.
    await page.locator('#operations-Booking-postV1Bookings .opblock-summary-control').click();
    const answers = page.locator('#operations-Booking-postV1Bookings .responses-table');
    await answers.waitFor();
    const text = (await answers.textContent()) ?? '';
    for (const expected of ['201', '409', 'slot_unavailable', 'insufficient_stock', 'idempotency_conflict']) {
      expect(text).toContain(expected);
    }

    const violations = await page.evaluate(() => (window as unknown as { violations: string[] }).violations);
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    const elsewhere = requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:'));
    expect(elsewhere).toEqual([]);
    expect(requests).toContain(`${origin}/openapi.json`);
    await context.close();
  }, 60_000);
});
