/**
 * @module Runs the example as a user would: a real API server (the API's `serve`, 127.0.0.1, random
 * port, temp database file) seeded with the demo business, then `node index.js` as a child process
 * against it; the printed manage link must open the booking it names.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type RunningServer, seedDemo, serve } from '../../../packages/api/src/index.js';
import { createClient } from '../../../packages/sdk/src/index.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../../', import.meta.url));
const script = fileURLToPath(new URL('../index.js', import.meta.url));

let dir: string;
let server: RunningServer;
let keys: { publishableKey: string; secretKey: string };

beforeAll(async () => {
  // `node index.js` imports the SDK as published (its dist); `pnpm test` builds it first, and a
  // lone run of this project builds it here if it is missing.
  if (!existsSync(join(root, 'packages/sdk/dist/index.js'))) {
    const tsc = join(root, 'node_modules/.bin/tsc');
    if (!existsSync(join(root, 'packages/core/dist/index.d.ts'))) {
      await run(tsc, ['-p', 'packages/core/tsconfig.build.json'], { cwd: root });
    }
    await run(tsc, ['-p', 'packages/sdk/tsconfig.build.json'], { cwd: root });
  }
  dir = mkdtempSync(join(tmpdir(), 'frontdesk-example-'));
  server = await serve({
    url: pathToFileURL(join(dir, 'api.db')).href,
    port: 0,
    host: '127.0.0.1',
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
  });
  keys = await seedDemo(server.database);
}, 120_000);

afterAll(async () => {
  await server?.close(1000);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const runScript = (env: Record<string, string>) =>
  run(process.execPath, [script], { env: { PATH: process.env.PATH ?? '', ...env }, timeout: 30_000 });

it('books the first free slot and prints a manage link that opens that booking', async () => {
  const { stdout } = await runScript({ FRONTDESK_API_URL: server.url, FRONTDESK_KEY: keys.publishableKey });
  expect(stdout).toMatch(/^Booked "[^"]+" at .+ \(Europe\/Lisbon\)\.$/m);
  const link = /^Manage link: (\S+)$/m.exec(stdout)?.[1];
  expect(link).toBeDefined();
  const url = new URL(link!);
  expect(url.origin).toBe(server.url);

  // The link opens the manage page (the API's demo page hosting the widget's manage view) …
  const page = await fetch(url);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('<frontdesk-booking');

  // … and carries the booking's id and manage token: with them, the customer sees that booking.
  // In the fragment, which browsers never send to the server (so the token stays out of logs).
  expect(url.search).toBe('');
  const fragment = new URLSearchParams(url.hash.slice(1));
  const booking = fragment.get('frontdesk_booking')!;
  const token = fragment.get('frontdesk_token')!;
  const customer = createClient({ baseUrl: server.url, key: keys.publishableKey });
  const seen = await customer.bookings.get(booking, { token });
  expect(stdout).toContain(`Booking ${seen.id} is ${seen.status}.`);
  expect(seen.customer.email).toBe('ana.silva@example.com');

  // Exactly one booking was made.
  const admin = createClient({ baseUrl: server.url, key: keys.secretKey });
  const all = [];
  for await (const b of admin.bookings.list()) all.push(b.id);
  expect(all).toEqual([booking]);
});

it('says what is missing when no key is given', async () => {
  const error = await runScript({ FRONTDESK_API_URL: server.url }).catch(
    (e: { code: number; stderr: string }) => e,
  );
  expect(error).toMatchObject({ code: 2 });
  expect((error as { stderr: string }).stderr).toContain('Set FRONTDESK_KEY');
});

it('reports an API error with its class and code, and fails', async () => {
  const error = await runScript({ FRONTDESK_API_URL: server.url, FRONTDESK_KEY: 'fd_pk_revoked' }).catch(
    (e: { code: number; stderr: string }) => e,
  );
  expect(error).toMatchObject({ code: 1 });
  expect((error as { stderr: string }).stderr).toContain('AuthenticationError (unauthorized)');
});
