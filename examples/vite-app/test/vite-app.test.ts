/**
 * The example Vite app, built by Vite against the real API, served statically on its own origin:
 * the widget mounts, books, and the app hears `frontdesk:booked`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  chooseFirstFreeDay,
  chooseFirstTime,
  fillDetails,
  ready,
  widget,
} from '../../../packages/widget/test/flow-steps.js';
import { openPage, startWorld, type World } from '../../../packages/widget/test/harness.js';

const appDir = fileURLToPath(new URL('..', import.meta.url));
let world: World;
let server: Server;
let outDir: string;
let url: string;

beforeAll(async () => {
  world = await startWorld(); // also builds @frontdesk/widget if needed
  outDir = mkdtempSync(join(tmpdir(), 'frontdesk-vite-app-'));
  execFileSync(join(appDir, 'node_modules/.bin/vite'), ['build', '--outDir', outDir, '--logLevel', 'warn'], {
    cwd: appDir,
    stdio: 'inherit',
    env: {
      ...process.env,
      NODE_ENV: 'production',
      VITE_FRONTDESK_API_URL: world.api,
      VITE_FRONTDESK_KEY: world.t.publishableKey,
    },
  });
  const types: Record<string, string> = {
    '.html': 'text/html',
    '.js': 'text/javascript',
    '.css': 'text/css',
  };
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    try {
      const file = join(outDir, path === '/' ? 'index.html' : path.replace(/^\/+/, '').replaceAll('..', ''));
      const body = readFileSync(file);
      res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}, 180_000);

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await world?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

it('mounts the widget with mountBooking and hears frontdesk:booked', async () => {
  const page = await openPage(world, url);
  await ready(page);
  const w = widget(page);
  await w.getByRole('button', { name: /^Signature cut/ }).click();
  await chooseFirstFreeDay(page);
  await chooseFirstTime(page);
  await fillDetails(page, { name: 'Vite Visitor', email: 'vite@example.com' });
  await w.getByRole('button', { name: 'Book', exact: true }).click();
  await page
    .locator('#last-booking')
    .filter({ hasText: /^Booked \S+ for / })
    .waitFor();
  await page.context().close();
});

it('puts the booking UI in a lazily loaded chunk of the app', () => {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const entry = /src="\/(assets\/[^"]+\.js)"/.exec(html)![1]!;
  const code = readFileSync(join(outDir, entry), 'utf8');
  // The element shell is in the entry; the Preact UI (and its texts) only behind an import().
  expect(code).toMatch(/import\(/);
  expect(code).not.toContain('Choose a service');
});
