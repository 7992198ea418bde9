/**
 * @module Webhook delivery, two figures, each a same-run ratio (needs the built packages, see
 * README.md):
 * 1. deliveries/s: a `frontdesk worker` process drains a backlog of N events to one endpoint (a
 *    node:http receiver in its own process) — fan-out, claim, sign, send, record — beside a bare
 *    loop in this process posting the same N bodies to the same receiver with `fetch`, at the
 *    worker's concurrency per endpoint (8).
 * 2. bookings/s: POST /v1/bookings (50 clients) on a `frontdesk serve` with 3 active endpoints
 *    (`booking.*`, delivered by its own worker while the load runs) beside one with none, phases
 *    interleaved (none, three, none, three) so that machine noise falls on both.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { startApi, startScript } from './api-server.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const backlog = Number(process.env.BENCH_WEBHOOKS ?? 3000);
const perTarget = 8;
const allowPrivate = { FRONTDESK_WEBHOOK_ALLOW_PRIVATE: '1' };

const json = (key) => ({ Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' });
async function post(url, key, body) {
  const res = await fetch(url, { method: 'POST', headers: json(key), body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return res.json();
}
const stats = async (receiver) => (await fetch(`${receiver.url}/stats`)).json();
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `task(i)` for i in [0, n) with `concurrency` at a time. */
async function pool(n, concurrency, task) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) await task(next++);
    }),
  );
}

/** `frontdesk worker` on `dbUrl`; resolves once it says it started, with that instant. */
function startWorker(dbUrl) {
  const cli = fileURLToPath(new URL('../packages/api/dist/cli.js', import.meta.url));
  const child = spawn(process.execPath, [cli, 'worker'], {
    env: { ...process.env, FRONTDESK_DB_URL: dbUrl, ...allowPrivate },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    let log = '';
    child.stderr.on('data', (chunk) => {
      log += chunk.toString();
      if (log.includes('"worker started"')) {
        const close = () => {
          child.kill('SIGTERM');
          return exited;
        };
        resolve({ startedAt: performance.now(), close });
      }
    });
    child.once('exit', (code) => reject(new Error(`worker exited (${code}):\n${log}`)));
  });
}

async function deliveriesPerSecond(receiver) {
  const api = await startApi({ env: allowPrivate, args: ['--no-worker'] });
  const sk = api.seed.secretKey;
  await post(`${api.url}/v1/webhook-endpoints`, sk, {
    url: `${receiver.url}/hooks`,
    events: ['product.created'],
  });
  await pool(backlog, 20, (i) =>
    post(`${api.url}/v1/products`, sk, { sku: `bench-${i}`, name: `Bench ${i}` }),
  );
  // The bodies the worker will send, for the bare loop: { type, timestamp, data } of each event.
  const bodies = [];
  for (let cursor = ''; ; ) {
    const page = await (
      await fetch(`${api.url}/v1/events?type=product.created&limit=100${cursor ? `&cursor=${cursor}` : ''}`, {
        headers: json(sk),
      })
    ).json();
    for (const e of page.data)
      bodies.push(JSON.stringify({ type: e.type, timestamp: e.createdAt, data: e.payload }));
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  await fetch(`${receiver.url}/reset`, { method: 'POST' });
  const worker = await startWorker(api.dbUrl);
  while ((await stats(receiver)).distinct < backlog) await sleep(10);
  const workerSeconds = (performance.now() - worker.startedAt) / 1000;
  const afterWorker = await stats(receiver);
  await worker.close();
  await api.close();

  await fetch(`${receiver.url}/reset`, { method: 'POST' });
  const started = performance.now();
  await pool(bodies.length, perTarget, async (i) => {
    const res = await fetch(`${receiver.url}/hooks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'webhook-id': `evt_${i}` },
      body: bodies[i],
    });
    await res.arrayBuffer();
  });
  const loopSeconds = (performance.now() - started) / 1000;
  return {
    worker: backlog / workerSeconds,
    duplicates: afterWorker.count - afterWorker.distinct,
    loop: bodies.length / loopSeconds,
  };
}

/** An API with a bookable class of 1000 seats and `endpoints` active endpoints for booking.*. */
async function bookingServer(receiver, endpoints) {
  const server = await startApi({ env: allowPrivate });
  const sk = server.seed.secretKey;
  const allDay = [{ start: '00:00', end: '24:00' }];
  const resource = await post(`${server.url}/v1/resources`, sk, {
    name: 'Bench hall',
    hours: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, allDay])),
  });
  const service = await post(`${server.url}/v1/services`, sk, {
    name: 'Bench class',
    durationMinutes: 30,
    capacity: 1000,
    minNoticeMinutes: 0,
    resourceIds: [resource.id],
  });
  for (let i = 0; i < endpoints; i++) {
    await post(`${server.url}/v1/webhook-endpoints`, sk, {
      url: `${receiver.url}/hooks/${i}`,
      events: ['booking.*'],
    });
  }
  const base = Math.ceil(Date.now() / 1_800_000) * 1_800_000 + 86_400_000;
  const starts = Array.from({ length: 48 * 20 }, (_, i) =>
    new Date(base + i * 1_800_000).toISOString().replace('.000Z', 'Z'),
  );
  let n = 0;
  let booked = 0;
  return {
    server,
    get booked() {
      return booked;
    },
    async load() {
      const result = await autocannon({
        url: `${server.url}/v1/bookings`,
        connections: 50,
        duration: seconds,
        headers: json(server.seed.publishableKey),
        requests: [
          {
            method: 'POST',
            setupRequest: (req) => ({
              ...req,
              body: JSON.stringify({
                service: service.id,
                start: starts[n++ % starts.length],
                customer: { name: 'Bench Customer', email: 'bench@example.com' },
              }),
            }),
          },
        ],
      });
      booked += result['2xx'];
      return result['2xx'] / seconds;
    },
  };
}

const receiver = await startScript('./webhook-receiver-server.js');
try {
  const d = await deliveriesPerSecond(receiver);
  console.log({
    title: `deliveries/s: frontdesk worker draining ${backlog} events to one endpoint`,
    'deliveries/s': Math.round(d.worker),
    duplicates: d.duplicates,
  });
  console.log({
    title: `bare fetch loop, same bodies, ${perTarget} at a time`,
    'posts/s': Math.round(d.loop),
  });
  console.log(`ratio worker / bare loop: ${((d.worker / d.loop) * 100).toFixed(1)} % (aim >= 50 %)`);

  await fetch(`${receiver.url}/reset`, { method: 'POST' });
  const none = await bookingServer(receiver, 0);
  const three = await bookingServer(receiver, 3);
  const rates = { none: [], three: [] };
  for (let round = 0; round < 2; round++) {
    rates.none.push(await none.load());
    rates.three.push(await three.load());
    const seen = await stats(receiver);
    console.log({
      round: round + 1,
      'bookings/s, no endpoints': Math.round(rates.none.at(-1)),
      'bookings/s, 3 endpoints': Math.round(rates.three.at(-1)),
      'deliveries made by the end of the phase': `${seen.count} of ${three.booked * 3}`,
    });
  }
  const caughtUpFrom = performance.now();
  while ((await stats(receiver)).distinct < three.booked) await sleep(20);
  while ((await stats(receiver)).count < three.booked * 3) await sleep(20);
  const lagSeconds = (performance.now() - caughtUpFrom) / 1000;
  const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  console.log({
    title: 'POST /v1/bookings, 50 clients, mean of 2 interleaved phases each',
    'bookings/s, no endpoints': Math.round(mean(rates.none)),
    'bookings/s, 3 endpoints': Math.round(mean(rates.three)),
    'all deliveries made within (s after the load)': lagSeconds.toFixed(1),
  });
  console.log(
    `ratio 3 endpoints / none: ${((mean(rates.three) / mean(rates.none)) * 100).toFixed(1)} % (aim >= 90 %)`,
  );
  await none.server.close();
  await three.server.close();
} finally {
  await receiver.close();
}
