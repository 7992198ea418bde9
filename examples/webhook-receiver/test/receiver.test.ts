/**
 * @module Runs the example as a user would: a real API (`serve`, 127.0.0.1, random port, temp
 * database, private targets allowed as on a LAN) with the demo business, an endpoint made with the
 * SDK, and `node index.js` as a child process. A booking reaches the receiver verified; a replay is
 * recognised as a duplicate by its webhook-id; a forged request is refused.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type RunningServer, seedDemo, serve } from '../../../packages/api/src/index.js';
import { createClient } from '../../../packages/sdk/src/index.js';
import { createWebhookClient } from '../../../packages/sdk/src/webhooks.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../../', import.meta.url));
const script = fileURLToPath(new URL('../index.js', import.meta.url));

let dir: string;
let server: RunningServer;
let keys: { publishableKey: string; secretKey: string };
let receiver: ChildProcess | undefined;
const lines: Record<string, unknown>[] = [];

beforeAll(async () => {
  // `node index.js` imports the SDK as published (its dist); `pnpm test` builds it first, and a
  // lone run of this project builds it here if it is missing.
  if (!existsSync(join(root, 'packages/sdk/dist/webhooks.js'))) {
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
    webhooks: { allowPrivate: true },
  });
  keys = await seedDemo(server.database);
}, 120_000);

afterAll(async () => {
  receiver?.kill('SIGTERM');
  await server?.close(1000);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Starts `node index.js`; resolves with its URL once it listens. */
function startReceiver(secret: string): Promise<string> {
  const child = spawn(process.execPath, [script], {
    env: { PATH: process.env.PATH ?? '', FRONTDESK_WEBHOOK_SECRET: secret, PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  receiver = child;
  return new Promise((resolve, reject) => {
    let buffered = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      let newline = buffered.indexOf('\n');
      while (newline >= 0) {
        const line = JSON.parse(buffered.slice(0, newline)) as Record<string, unknown>;
        buffered = buffered.slice(newline + 1);
        lines.push(line);
        if (typeof line.listening === 'string') resolve(line.listening);
        newline = buffered.indexOf('\n');
      }
    });
    child.once('exit', (code) => reject(new Error(`receiver exited with ${code}`)));
  });
}

async function until(check: () => boolean, what: string) {
  const end = Date.now() + 15_000;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(lines)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

it('receives a booking verified, ignores a replayed duplicate, and refuses a forged request', async () => {
  const admin = createWebhookClient({ baseUrl: server.url, key: keys.secretKey });
  // The endpoint first (for its secret), pointed at the receiver once that listens.
  const endpoint = await admin.webhookEndpoints.create({
    url: 'http://127.0.0.1:9/webhooks',
    events: ['booking.*'],
  });
  const url = await startReceiver(endpoint.secret);
  await admin.webhookEndpoints.update(endpoint.id, { url });

  const customer = createClient({ baseUrl: server.url, key: keys.publishableKey });
  const { data: services } = await customer.services.list();
  const service = services.find((s) => !s.requiresConfirmation)!;
  const today = new Date().toISOString().slice(0, 10);
  const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  const { slots } = await customer.availability.get({ service: service.id, from: today, to: inAWeek });
  const booking = await customer.bookings.create({
    service: service.id,
    start: slots[0]!.start,
    customer: { name: 'Ana Silva', email: 'ana.silva@example.com' },
  });

  await until(
    () => lines.some((l) => l.type === 'booking.created' && l.subject === booking.id),
    'booking.created',
  );
  const received = lines.find((l) => l.type === 'booking.created')!;
  expect(received.received).toMatch(/^evt_\d+$/);

  // Replay: the same event again, with the same webhook-id — the receiver sees a duplicate.
  const replay = await admin.webhookEndpoints.replay(endpoint.id, { since: received.received as string });
  expect(replay.queued).toBe(1);
  await until(() => lines.some((l) => l.duplicate === received.received), 'the duplicate');

  // Anyone else posting to the receiver is refused.
  const forged = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'webhook-id': 'evt_1',
      'webhook-timestamp': String(Math.floor(Date.now() / 1000)),
      'webhook-signature': 'v1,AAAA',
    },
    body: JSON.stringify({ type: 'booking.created', data: {} }),
  });
  expect(forged.status).toBe(400);
  expect(lines.filter((l) => l.type === 'booking.created' && l.received)).toHaveLength(1);

  // The delivery log shows the two deliveries of that event, both answered 204.
  const log = [];
  for await (const delivery of admin.webhookEndpoints.deliveries(endpoint.id)) log.push(delivery);
  expect(log.map((d) => [d.eventId, d.status, d.attempts.at(-1)?.status])).toEqual([
    [received.received, 'succeeded', 204],
    [received.received, 'succeeded', 204],
  ]);
}, 60_000);

it('says what is missing when no secret is given', async () => {
  const error = await run(process.execPath, [script], { env: { PATH: process.env.PATH ?? '' } }).catch(
    (e: { code: number; stderr: string }) => e,
  );
  expect(error).toMatchObject({ code: 2 });
  expect((error as { stderr: string }).stderr).toContain('FRONTDESK_WEBHOOK_SECRET');
});
