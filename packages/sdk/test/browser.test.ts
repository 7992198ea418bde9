/**
 * @module The SDK in a real browser (Debian's Chromium via playwright-core): the browser bundle,
 * loaded by a page on one origin, books through a real API server on another origin — so CORS
 * preflights for `Authorization` and `Idempotency-Key`, exposed `X-Request-Id`, `crypto` and the
 * error classes are all exercised as a site would.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium } from '../../../test-support/chromium.js';
import { type RunningServer, seedDemo, serve } from '../../api/src/index.js';
import type * as Sdk from '../src/index.js';
import { createClient } from '../src/index.js';
import { bundleBrowserPath } from './bundle.js';

let dir: string;
let api: RunningServer;
let page: Server;
let pageOrigin: string;
let browser: Browser;
let publishableKey: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'frontdesk-sdk-browser-'));
  api = await serve({
    url: pathToFileURL(join(dir, 'api.db')).href,
    port: 0,
    host: '127.0.0.1',
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
  });
  const seed = await seedDemo(api.database);

  const { text: sdk } = await bundleBrowserPath();
  page = createServer((req, res) => {
    if (req.url === '/sdk.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(sdk);
    } else {
      // The page loads the bundle as a site would, and leaves it on `window` for the test.
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end(
          '<!doctype html><title>shop</title><p>shop</p>' +
            '<script type="module">import * as sdk from "/sdk.js"; window.frontdeskSdk = sdk;</script>',
        );
    }
  });
  await new Promise<void>((resolve) => page.listen(0, '127.0.0.1', resolve));
  pageOrigin = `http://127.0.0.1:${(page.address() as AddressInfo).port}`;

  // A publishable key for exactly the shop's origin, made with the SDK on the server side.
  const admin = createClient({ baseUrl: api.url, key: seed.secretKey });
  ({ secret: publishableKey } = await admin.keys.create({
    kind: 'publishable',
    label: 'shop',
    allowedOrigins: [pageOrigin],
  }));

  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => page?.close(resolve));
  await api?.close(1000);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it('a page on another origin books a slot, and errors arrive as classes with request ids', async () => {
  const tab = await browser.newPage();
  await tab.goto(pageOrigin);
  await tab.waitForFunction(() => 'frontdeskSdk' in window);
  const result = await tab.evaluate(
    async ({ apiUrl, key }) => {
      const sdk = (window as unknown as { frontdeskSdk: typeof Sdk }).frontdeskSdk;
      const client = sdk.createClient({ baseUrl: apiUrl, key });
      const business = await client.business.get();
      const { data: services } = await client.services.list();
      const service = services.find((s) => !s.requiresConfirmation)!;
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: business.timezone }).format(new Date());
      const later = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
      const { slots } = await client.availability.get({ service: service.id, from: today, to: later });
      const slot = slots[0]!;
      const start = slot.start;
      const hold = await client.holds.create({ service: service.id, start });
      const customer = { name: 'Browser Customer', email: 'browser@example.com' };
      const booking = await client.bookings.create({
        service: service.id,
        start,
        holdId: hold.id,
        customer,
      });
      const mine = await client.bookings.get(booking.id, { token: booking.manageToken });
      // The time may be open on several resources (more of them later in the day): fill it.
      for (let left = slot.remaining - 1; left > 0; left--) {
        await client.bookings.create({ service: service.id, start, customer });
      }
      const taken = await client.bookings
        .create({ service: service.id, start, customer })
        .catch((error: unknown) => error);
      const forbidden = await client.keys.list().catch((error: unknown) => error);
      return {
        status: booking.status,
        sameBooking: mine.id === booking.id,
        taken: sdk.isFrontdeskError(taken)
          ? { slot: sdk.isSlotUnavailableError(taken), requestId: taken.requestId, name: taken.name }
          : String(taken),
        forbidden: sdk.isFrontdeskError(forbidden)
          ? { permission: sdk.isPermissionError(forbidden), status: forbidden.status }
          : String(forbidden),
      };
    },
    { apiUrl: api.url, key: publishableKey },
  );
  expect(result).toEqual({
    status: 'confirmed',
    sameBooking: true,
    taken: { slot: true, requestId: expect.stringMatching(/\S/), name: 'SlotUnavailableError' },
    forbidden: { permission: true, status: 403 },
  });
  await tab.close();
}, 30_000);

it('a page on an origin the key does not allow gets an SDK error at once, not a hang or a crash', async () => {
  const tab = await browser.newPage();
  // Same page, reached through another host name: a different origin for the browser.
  await tab.goto(pageOrigin.replace('127.0.0.1', 'localhost'));
  await tab.waitForFunction(() => 'frontdeskSdk' in window);
  const result = await tab.evaluate(
    async ({ apiUrl, key }) => {
      const sdk = (window as unknown as { frontdeskSdk: typeof Sdk }).frontdeskSdk;
      const client = sdk.createClient({ baseUrl: apiUrl, key, retry: false });
      const error = await client.business.get().catch((e: unknown) => e);
      return sdk.isFrontdeskError(error)
        ? { name: error.name, code: error.code }
        : { name: String(error), code: '' };
    },
    { apiUrl: api.url, key: publishableKey },
  );
  // The API answers 403 without CORS headers for an origin the key does not allow, so the browser
  // hides that answer from the page: all the SDK can see (and report) is that none arrived.
  expect(result).toEqual({ name: 'NetworkError', code: 'network_error' });
  await tab.close();
}, 30_000);
