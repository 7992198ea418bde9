/**
 * @module The console's browser tests' world: a real `frontdesk serve` (a child process on a temp
 * libSQL file, serving the built console and widget), a business made by `frontdesk init
 * --password-stdin --json` on that empty database, a plain site on ANOTHER port (where the embed
 * snippet goes), and Debian's Chromium.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../../test-support/chromium.js';
import { type ServerProcess, startServer } from '../../api/test/process-helpers.js';
import { ensureBuilt as ensureWidgetBuilt } from '../../widget/test/build.js';
import { ensureBuilt, packageDir } from './build.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const cli = fileURLToPath(new URL('../../api/src/cli.ts', import.meta.url));
export const screenshotDir = join(packageDir, 'test/screenshots');

export const OWNER = { email: 'owner@salon.example', password: 'a long salon password' };

export interface Initialized {
  businessId: string;
  slug: string;
  publishableKey: string;
  secretKey: string;
  consoleUrl: string;
}

/** Runs the `frontdesk` CLI on `dbUrl` with `stdin`; resolves with its output. */
export function frontdesk(args: string[], dbUrl: string, stdin = '') {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', cli, ...args], {
      cwd: repoRoot,
      env: { ...process.env, FRONTDESK_DB_URL: dbUrl },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

export interface World {
  /** The API and console origin, e.g. `http://127.0.0.1:41234`. */
  url: string;
  dbUrl: string;
  business: Initialized;
  server: ServerProcess;
  browser: Browser;
  /** A JSON call to the API with the secret key (or `key`). */
  api<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    key?: string,
  ): Promise<{ status: number; body: T }>;
  /** A page on the OTHER origin with this HTML body. */
  hostPage(body: string): string;
  close(): Promise<void>;
}

/** Starts the world; `env` is added to the server's environment (e.g. `FRONTDESK_WEBHOOK_ALLOW_PRIVATE`). */
export async function startWorld(options: { env?: Record<string, string> } = {}): Promise<World> {
  await Promise.all([ensureBuilt(), ensureWidgetBuilt()]);
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-console-'));
  const dbUrl = pathToFileURL(join(dir, 'fd.db')).href;
  const made = await frontdesk(
    [
      'init',
      '--name',
      'Salão Lisboa',
      '--timezone',
      'Europe/Lisbon',
      '--owner-email',
      OWNER.email,
      '--owner-name',
      'Olga',
      '--password-stdin',
      '--json',
    ],
    dbUrl,
    `${OWNER.password}\n`,
  );
  if (made.code !== 0) throw new Error(`init failed: ${made.stderr}`);
  const business = JSON.parse(made.stdout) as Initialized;
  const server = await startServer(dbUrl, options.env);
  const url = server.url;

  const api: World['api'] = async (method, path, body, key = business.secretKey) => {
    const res = await fetch(url + path, {
      method,
      headers: {
        Authorization: `Bearer ${key}`,
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };

  const pages = new Map<string, string>();
  const hostServer: Server = createServer((req, res) => {
    const html = pages.get(new URL(req.url ?? '/', 'http://x').pathname);
    if (html === undefined) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise<void>((resolve) => hostServer.listen(0, '127.0.0.1', resolve));
  const host = `http://127.0.0.1:${(hostServer.address() as AddressInfo).port}`;
  let next = 0;
  const browser = await launchChromium();
  mkdirSync(screenshotDir, { recursive: true });

  return {
    url,
    dbUrl,
    business,
    server,
    browser,
    api,
    hostPage(body) {
      const path = `/page-${next++}`;
      pages.set(
        path,
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Our salon</title></head><body><main><h1>Our salon</h1>${body}</main></body></html>`,
      );
      return host + path;
    },
    async close() {
      await browser.close();
      await new Promise((resolve) => hostServer.close(resolve));
      server.child.kill('SIGTERM');
      await server.exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface OpenOptions {
  colorScheme?: 'light' | 'dark';
  width?: number;
}

/** A fresh browser context (its own cookies) at the console, CSP violations recorded. */
export async function openConsole(
  world: World,
  path = '/console/',
  options: OpenOptions = {},
): Promise<Page> {
  const context: BrowserContext = await world.browser.newContext({
    timezoneId: 'Europe/Lisbon',
    locale: 'en-GB',
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: options.width ?? 1280, height: 900 },
  });
  const page = await context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await page.goto(world.url + path);
  return page;
}

/** Signs in through the sign-in screen, with the keyboard only. */
export async function signIn(page: Page, email = OWNER.email, password = OWNER.password): Promise<void> {
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await page.getByLabel('Email').focus();
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
}

export const cspViolations = (page: Page) =>
  page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

/** Saves a screenshot of the page at 375 and 1280 px wide under test/screenshots/. */
export async function screenshots(page: Page, name: string): Promise<void> {
  const original = page.viewportSize() ?? { width: 1280, height: 900 };
  for (const width of [375, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: join(screenshotDir, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize(original);
}

export interface Salon {
  ana: string;
  bruno: string;
  haircut: string;
  consultation: string;
  bookings: { pending: string; toCancel: string; toReschedule: string; past: string; bruno: string };
  /** Tomorrow's date in the business zone (where the test bookings are). */
  tomorrow: string;
}

const allDay = Object.fromEntries(
  ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [{ start: '00:00', end: '24:00' }]]),
);

/** A catalogue and bookings made through the API, plus one booking already started (written with a past clock). */
export async function seedSalon(world: World): Promise<Salon> {
  const must = async <T>(res: Promise<{ status: number; body: T }>) => {
    const answer = await res;
    if (answer.status >= 300) throw new Error(JSON.stringify(answer.body));
    return answer.body;
  };
  const ana = await must(world.api<{ id: string }>('POST', '/v1/resources', { name: 'Ana', hours: allDay }));
  const bruno = await must(
    world.api<{ id: string }>('POST', '/v1/resources', { name: 'Bruno', hours: allDay }),
  );
  const haircut = await must(
    world.api<{ id: string }>('POST', '/v1/services', {
      name: 'Haircut',
      durationMinutes: 30,
      minNoticeMinutes: 0,
      resourceIds: [ana.id, bruno.id],
      price: { amount: 2500, currency: 'EUR' },
    }),
  );
  const consultation = await must(
    world.api<{ id: string }>('POST', '/v1/services', {
      name: 'Colour consultation',
      durationMinutes: 30,
      minNoticeMinutes: 0,
      requiresConfirmation: true,
      resourceIds: [ana.id],
    }),
  );
  const { instantToZoned, addDays, zonedToInstant } = await import('@frontdesk/core');
  const tomorrow = addDays(instantToZoned(Date.now(), 'Europe/Lisbon').date, 1);
  const at = (hour: number) =>
    new Date(zonedToInstant(tomorrow, hour * 60, 'Europe/Lisbon')!).toISOString().replace('.000Z', 'Z');
  const book = (service: string, resource: string, hour: number, name: string) =>
    must(
      world.api<{ id: string }>('POST', '/v1/bookings', {
        service,
        resource,
        start: at(hour),
        customer: { name, email: `${name.toLowerCase().replace(/\s+/g, '.')}@example.com` },
      }),
    );
  const pending = await book(consultation.id, ana.id, 10, 'Paula Pending');
  const toCancel = await book(haircut.id, ana.id, 11, 'Carla Cancel');
  const toReschedule = await book(haircut.id, ana.id, 12, 'Rui Reschedule');
  const forBruno = await book(haircut.id, bruno.id, 11, 'Beatriz Bruno');

  // A booking that started 40 minutes ago: made through the booking service with a clock 2 hours back.
  const { openDatabase } = await import('../../api/src/db/open.js');
  const { createBooking } = await import('../../api/src/services/bookings.js');
  const database = await openDatabase(world.dbUrl);
  const start = Math.floor((Date.now() - 40 * 60_000) / (30 * 60_000)) * 30 * 60_000;
  const past = await database.write((tx) =>
    createBooking(
      tx,
      world.business.businessId,
      {
        service: haircut.id,
        resource: ana.id,
        start: new Date(start).toISOString().replace('.000Z', 'Z'),
        customer: { name: 'Nuno Noshow', email: 'nuno@example.com' },
        answers: {},
        notes: '',
      },
      start - 2 * 3_600_000,
      true,
      { warn: (message: string) => console.warn(message) },
    ),
  );
  await database.close();
  return {
    ana: ana.id,
    bruno: bruno.id,
    haircut: haircut.id,
    consultation: consultation.id,
    bookings: {
      pending: pending.id,
      toCancel: toCancel.id,
      toReschedule: toReschedule.id,
      past: past.id,
      bruno: forBruno.id,
    },
    tomorrow,
  };
}
