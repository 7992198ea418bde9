/**
 * @module The browser tests' world: the REAL API (in-process, on a temp libSQL file, serving the
 * built widget through its widget route) on one 127.0.0.1 port, a plain host site on ANOTHER port
 * (so the widget runs cross-origin, as on a customer's site), and Debian's Chromium.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../../test-support/chromium.js';
import { createApp } from '../../api/src/app.js';
import { createTestApp, type TestApp } from '../../api/test/helpers.js';
import { distDir, ensureBuilt } from './build.js';

export interface World {
  t: TestApp;
  /** The API origin, e.g. `http://127.0.0.1:41234`. */
  api: string;
  serviceId: string;
  browser: Browser;
  /** Every request the API server received, in order (clear it with `length = 0`). */
  requests: ReceivedRequest[];
  /** A host page on the other origin with the script tag and one element. */
  hostPage(options?: HostPageOptions): string;
  /** A JSON call to the API with the secret key (or the given key). */
  call<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    key?: string,
  ): Promise<{ status: number; body: T }>;
  close(): Promise<void>;
}

/** A request as the API server saw it (CORS preflights included, which a page's events do not show). */
export interface ReceivedRequest {
  method: string;
  /** Path and query, e.g. `/v1/availability?service=…&key=…`. */
  url: string;
  origin: string | null;
  authorization: string | null;
}

export interface HostPageOptions {
  /** Attributes of `<frontdesk-booking>` besides `api` and `key`. */
  attrs?: Record<string, string>;
  /** Serve the page with the strict CSP of the brief. */
  csp?: boolean;
  /** Query string of the page URL (e.g. manage link parameters). */
  query?: string;
  htmlLang?: string;
}

const quiet = {
  info: () => undefined,
  warn: () => undefined,
  error: (m: string, f?: unknown) => console.error(m, f),
};

/** Every day 09:00–18:00 in the business zone: there are free times whenever the tests run. */
const everyDay = Object.fromEntries(
  ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [{ start: '09:00', end: '18:00' }]]),
);

export async function startWorld(): Promise<World> {
  await ensureBuilt();
  const t = await createTestApp();
  // The browser lives in real time, so this app does too (the helper's app has a frozen clock).
  const app = createApp({
    database: t.db,
    rateLimit: false,
    logger: quiet,
    static: { widgetDir: distDir, demoKey: t.publishableKey },
  });
  const requests: ReceivedRequest[] = [];
  const apiServer = serve({
    fetch: (request, env) => {
      const url = new URL(request.url);
      requests.push({
        method: request.method,
        url: url.pathname + url.search,
        origin: request.headers.get('origin'),
        authorization: request.headers.get('authorization'),
      });
      return app.fetch(request, env);
    },
    port: 0,
    hostname: '127.0.0.1',
  }) as Server;
  await new Promise((resolve) => apiServer.once('listening', resolve));
  const api = `http://127.0.0.1:${(apiServer.address() as AddressInfo).port}`;

  const call: World['call'] = async (method, path, body, key = t.secretKey) => {
    const res = await fetch(api + path, {
      method,
      headers: { Authorization: `Bearer ${key}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };

  const resource = await call<{ id: string }>('POST', '/v1/resources', { name: 'Ana', hours: everyDay });
  if (resource.status !== 201) throw new Error(`resource: ${JSON.stringify(resource.body)}`);
  const service = await call<{ id: string }>('POST', '/v1/services', {
    name: 'Signature cut',
    description: 'Wash and cut',
    durationMinutes: 30,
    minNoticeMinutes: 0,
    resourceIds: [resource.body.id],
    price: { amount: 2500, currency: 'EUR' },
    questions: [{ id: 'allergies', label: 'Any allergies?', type: 'text', required: true }],
  });
  if (service.status !== 201) throw new Error(`service: ${JSON.stringify(service.body)}`);
  await call('POST', '/v1/services', {
    name: 'Beard trim',
    durationMinutes: 15,
    minNoticeMinutes: 0,
    resourceIds: [resource.body.id],
  });

  const pages = new Map<string, { html: string; csp: boolean }>();
  let nextPage = 0;
  const hostServer: Server = createServer((req, res) => {
    const page = pages.get(new URL(req.url ?? '/', 'http://x').pathname);
    if (!page) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      ...(page.csp
        ? {
            'Content-Security-Policy': `default-src 'self'; script-src ${api}; connect-src ${api}; style-src 'self'`,
          }
        : {}),
    });
    res.end(page.html);
  });
  await new Promise<void>((resolve) => hostServer.listen(0, '127.0.0.1', resolve));
  const host = `http://127.0.0.1:${(hostServer.address() as AddressInfo).port}`;

  const browser = await launchChromium();

  return {
    t,
    api,
    serviceId: service.body.id,
    browser,
    requests,
    call,
    hostPage(options = {}) {
      const attrs = Object.entries({ api, key: t.publishableKey, ...options.attrs })
        .map(([name, value]) => ` ${name}="${value.replaceAll('"', '&quot;')}"`)
        .join('');
      const path = `/page-${nextPage++}`;
      pages.set(path, {
        csp: options.csp ?? false,
        html: `<!doctype html>
<html lang="${options.htmlLang ?? 'en'}"><head><meta charset="utf-8"><title>Book with us</title>
<script src="${api}/widget.js" async></script></head>
<body><main><h1>Book with us</h1><frontdesk-booking${attrs}></frontdesk-booking></main></body></html>`,
      });
      return host + path + (options.query ? `?${options.query}` : '');
    },
    async close() {
      await browser.close();
      await new Promise((resolve) => hostServer.close(resolve));
      await new Promise((resolve) => apiServer.close(resolve));
      await t.close();
    },
  };
}

/** Opens a page in a fresh context (cold cache) in the business's zone unless told otherwise. */
export async function openPage(
  world: World,
  url: string,
  options: {
    timezoneId?: string;
    colorScheme?: 'light' | 'dark';
    /** e.g. `{ width: 375, height: 740 }` for a small phone. */
    viewport?: { width: number; height: number };
  } = {},
): Promise<Page> {
  const context = await world.browser.newContext({
    timezoneId: options.timezoneId ?? 'Europe/Lisbon',
    locale: 'en-GB',
    colorScheme: options.colorScheme ?? 'light',
    ...(options.viewport ? { viewport: options.viewport, isMobile: true, hasTouch: true } : {}),
  });
  const page = await context.newPage();
  // Shorter than a test's 20 s: a step that never happens fails naming its locator, not as a
  // bare test timeout.
  page.setDefaultTimeout(12_000);
  await page.addInitScript(() => {
    const w = window as unknown as { fdEvents: { type: string; detail: unknown }[]; cspViolations: string[] };
    w.fdEvents = [];
    w.cspViolations = [];
    for (const type of ['ready', 'slot-selected', 'booked', 'error', 'cancelled', 'rescheduled']) {
      document.addEventListener(`frontdesk:${type}`, (e) =>
        w.fdEvents.push({ type, detail: (e as CustomEvent).detail }),
      );
    }
    document.addEventListener('securitypolicyviolation', (e) =>
      w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await page.goto(url);
  return page;
}

/** The `frontdesk:*` events the page has seen, in order. */
export const events = (page: Page) =>
  page.evaluate(() => (window as unknown as { fdEvents: { type: string; detail: unknown }[] }).fdEvents);

export const cspViolations = (page: Page) =>
  page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

/** What has focus inside the widget's shadow root: `tag.class "text"`. */
export const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.querySelector('frontdesk-booking')?.shadowRoot?.activeElement as HTMLElement | null;
    return el
      ? `${el.tagName.toLowerCase()}${el.className ? `.${el.className.split(' ').join('.')}` : ''} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim()}"`
      : 'none';
  });
