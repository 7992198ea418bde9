/**
 * @module Booking creation under 50 concurrent clients (bookings/s through the whole API: auth,
 * validation, availability re-check and insert in one BEGIN IMMEDIATE transaction) beside the raw
 * rate of libSQL interactive write transactions (BEGIN IMMEDIATE; an indexed read; one INSERT;
 * COMMIT) from 50 concurrent clients through one serialized writer, on a file with the same pragmas,
 * in the same run. For comparison with earlier figures it also times the previous baseline (one
 * connection, serial BEGIN IMMEDIATE; INSERT; COMMIT, no read). Needs the built packages (see
 * http.bench.js).
 *
 * `node bench/bookings.bench.js limiter`: the cost of the rate limit counted in the database — the
 * same booking load with the limit off and on (so high that nothing is refused: every request
 * reads its bucket and takes a token in its transaction), alternating, in one run.
 */

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { api, startApi } from './api-server.js';
import { createBenchClass, rotatingStarts } from './bench-class.js';

const seconds = Number(process.env.BENCH_SECONDS ?? (process.argv[2] === 'limiter' ? 5 : 10));
const apiRequire = createRequire(new URL('../packages/api/package.json', import.meta.url));
const { createClient } = await import(pathToFileURL(apiRequire.resolve('@libsql/client')).href);

/**
 * CPU time (user + system, ms) the process `pid` has used so far, from /proc (Linux); undefined
 * elsewhere. Per booking it is steadier than bookings/s on a shared machine.
 */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return undefined;
  }
}

async function rawTransactions({ interactive }) {
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-raw-'));
  const file = join(dir, 'raw.db');
  const client = createClient({ url: pathToFileURL(file).href });
  for (const pragma of [
    'PRAGMA journal_mode=WAL',
    'PRAGMA busy_timeout=5000',
    'PRAGMA synchronous=FULL',
    'PRAGMA foreign_keys=ON',
  ]) {
    await client.execute(pragma);
  }
  await client.execute(
    'CREATE TABLE t (id INTEGER PRIMARY KEY, slot INTEGER NOT NULL, body TEXT NOT NULL, created_at INTEGER NOT NULL)',
  );
  await client.execute('CREATE INDEX t_slot ON t (slot)');
  // 50 clients, like the API bench, through ONE serialized writer (the API has one writer
  // connection too): each transaction is BEGIN IMMEDIATE; a read (rows of a slot, by index); an
  // INSERT; COMMIT — one fsync per transaction, no batching. That is what "raw interactive write
  // transactions" means here; the API's group commit is its own work and is not given to the baseline.
  const end = Date.now() + seconds * 1000;
  const cpu = process.cpuUsage();
  let count = 0;
  let queue = Promise.resolve();
  const serialized = (fn) => {
    const run = queue.then(fn);
    queue = run.catch(() => undefined);
    return run;
  };
  const clientLoop = async (c) => {
    for (let i = 0; Date.now() < end; i++) {
      await serialized(async () => {
        const slot = (c * 1000 + i) % 960;
        await client.execute('BEGIN IMMEDIATE');
        await client.execute({ sql: 'SELECT COUNT(*) AS n FROM t WHERE slot = ?', args: [slot] });
        await client.execute({
          sql: 'INSERT INTO t (slot, body, created_at) VALUES (?, ?, ?)',
          args: [slot, 'x'.repeat(200), Date.now()],
        });
        await client.execute('COMMIT');
        count++;
      });
    }
  };
  if (interactive) {
    await Promise.all(Array.from({ length: 50 }, (_, c) => clientLoop(c)));
  } else {
    // The previous baseline: one loop, no read.
    while (Date.now() < end) {
      await client.execute('BEGIN IMMEDIATE');
      await client.execute({
        sql: 'INSERT INTO t (slot, body, created_at) VALUES (?, ?, ?)',
        args: [count % 960, 'x'.repeat(200), Date.now()],
      });
      await client.execute('COMMIT');
      count++;
    }
  }
  const used = process.cpuUsage(cpu);
  client.close();
  rmSync(dir, { recursive: true, force: true });
  return { perSecond: count / seconds, cpuUs: (used.user + used.system) / count };
}

async function apiBookings(env = {}) {
  // BENCH_NO_WORKER=1 serves without the background worker (mail planning, webhook fan-out), to
  // tell the request path's CPU from the worker's.
  const server = await startApi({ env, args: process.env.BENCH_NO_WORKER === '1' ? ['--no-worker'] : [] });
  const sk = server.seed.secretKey;
  const headers = { Authorization: `Bearer ${sk}`, 'Content-Type': 'application/json' };
  const post = (path, body) =>
    fetch(`${server.url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) }).then((r) =>
      r.json(),
    );
  const { service } = await createBenchClass(post);
  const starts = rotatingStarts();
  let n = 0;
  const statuses = {};
  const cpuBefore = cpuMs(server.pid);
  const result = await autocannon({
    url: `${server.url}/v1/bookings`,
    connections: 50,
    duration: seconds,
    headers: { Authorization: `Bearer ${server.seed.publishableKey}`, 'Content-Type': 'application/json' },
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
        onResponse: (status) => {
          statuses[status] = (statuses[status] ?? 0) + 1;
        },
      },
    ],
  });
  const cpuAfter = cpuMs(server.pid);
  console.log('answers by status:', statuses);
  await server.close();
  return {
    // The server's CPU over the run per booking answered (its background worker's mail planning
    // of those bookings included, as far as it kept up).
    cpuUs: cpuBefore === undefined ? undefined : ((cpuAfter - cpuBefore) * 1000) / result['2xx'],
    perSecond: result['2xx'] / seconds,
    non2xx: result.non2xx,
    errors: result.errors,
    p99: result.latency.p99,
  };
}

/**
 * CPU time per booking request in this process (`app.request`, no sockets, one at a time), with the
 * rate limit off or on: steadier than throughput on a shared machine, since it counts only this
 * process's own work.
 */
async function inProcessCpu(limited, count) {
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-limit-'));
  const database = await api.openDatabase(pathToFileURL(join(dir, 'cpu.db')).href);
  await api.migrate(database);
  const seed = await api.seedDemo(database);
  const quiet = { info() {}, warn() {}, error() {} };
  const app = api.createApp({
    database,
    logger: quiet,
    rateLimit: limited ? { limit: 1e9, windowSeconds: 60, burst: 1e9 } : false,
    secretRateLimit: false,
  });
  const send = (path, key, body) =>
    app.request(path, {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  const { service } = await createBenchClass(async (path, body) =>
    (await send(path, seed.secretKey, body)).json(),
  );
  const starts = rotatingStarts();
  let n = 0;
  const book = async () => {
    const res = await send('/v1/bookings', seed.publishableKey, {
      service: service.id,
      start: starts[n++ % starts.length],
      customer: { name: 'Bench Customer', email: 'bench@example.com' },
    });
    if (res.status !== 201) throw new Error(`booking answered ${res.status}: ${await res.text()}`);
  };
  for (let i = 0; i < 50; i++) await book(); // warm-up: JIT, prepared statements, caches
  const cpu = process.cpuUsage();
  const began = performance.now();
  for (let i = 0; i < count; i++) await book();
  const used = process.cpuUsage(cpu);
  const wall = performance.now() - began;
  await database.close();
  rmSync(dir, { recursive: true, force: true });
  return { cpuUs: (used.user + used.system) / count, wallMs: wall / count };
}

if (process.argv[2] === 'limiter') {
  const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
  const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const ratio = (on, off) => `${((mean(on) / mean(off)) * 100).toFixed(1)} %`;
  // Publishable key, one client address: all 50 connections share one bucket, the busiest case.
  const modes = { off: { FRONTDESK_RATE_LIMIT: '0' }, on: { FRONTDESK_RATE_LIMIT: '1000000000' } };
  const rates = { off: [], on: [] };
  const cpu = { off: [], on: [] };
  for (let round = 1; round <= rounds; round++) {
    for (const [mode, env] of Object.entries(modes)) {
      const booked = await apiBookings(env);
      rates[mode].push(booked.perSecond);
      console.log({
        title: `POST /v1/bookings, 50 clients, rate limit ${mode} (round ${round})`,
        'bookings/s': Math.round(booked.perSecond),
        'p99 ms': booked.p99,
        non2xx: booked.non2xx,
        errors: booked.errors,
      });
    }
    for (const mode of ['off', 'on']) {
      const used = await inProcessCpu(mode === 'on', Number(process.env.BENCH_REQUESTS ?? 300));
      cpu[mode].push(used.cpuUs);
      console.log({
        title: `in-process, one at a time, rate limit ${mode} (round ${round})`,
        'CPU µs/booking': Math.round(used.cpuUs),
        'ms/booking': used.wallMs.toFixed(2),
      });
    }
  }
  console.log(
    `throughput, limit on / off: ${ratio(rates.on, rates.off)} ` +
      `(${Math.round(mean(rates.on))} vs ${Math.round(mean(rates.off))} bookings/s, mean of ${rounds} rounds)`,
  );
  console.log(
    `CPU per booking, limit on / off: ${ratio(cpu.on, cpu.off)} ` +
      `(${Math.round(mean(cpu.on))} vs ${Math.round(mean(cpu.off))} µs, mean of ${rounds} rounds)`,
  );
  process.exit(0);
}

const serial = await rawTransactions({ interactive: false });
console.log({
  title: 'previous baseline: raw libSQL BEGIN IMMEDIATE; INSERT; COMMIT (1 serial loop, FULL sync)',
  'tx/s': Math.round(serial.perSecond),
});
const raw = await rawTransactions({ interactive: true });
console.log({
  title: 'raw libSQL BEGIN IMMEDIATE; SELECT; INSERT; COMMIT (50 clients, 1 serialized writer, FULL sync)',
  'tx/s': Math.round(raw.perSecond),
  'CPU µs/tx': Math.round(raw.cpuUs),
});
const booked = await apiBookings();
console.log({
  title: 'POST /v1/bookings, 50 concurrent clients',
  'bookings/s': Math.round(booked.perSecond),
  'p99 ms': booked.p99,
  'server CPU µs/booking': booked.cpuUs === undefined ? undefined : Math.round(booked.cpuUs),
  non2xx: booked.non2xx,
  errors: booked.errors,
});
console.log(
  `ratio bookings / raw transactions: ${((booked.perSecond / raw.perSecond) * 100).toFixed(1)} % (aim >= 100 %); ` +
    `vs the previous serial INSERT-only baseline: ${((booked.perSecond / serial.perSecond) * 100).toFixed(1)} %`,
);
