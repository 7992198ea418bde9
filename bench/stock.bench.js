/**
 * @module Stock benchmark: stock reads (req/s, p99) and POS adjustments ingested per second, each
 * beside a same-run baseline — a bare Hono hello-world on the same server framework, and raw libSQL
 * write transactions (BEGIN IMMEDIATE; one INSERT; COMMIT) on a file with the API's pragmas.
 * Servers run in child processes so autocannon does not share their event loop.
 *
 *   npx -y pnpm@10.34.8 --filter @frontdesk/core --filter @frontdesk/api build
 *   node bench/stock.bench.js            # BENCH_SECONDS=10 by default per measurement
 *   node bench/stock.bench.js streams    # the stream scenarios; BENCH_SECONDS=5 by default
 *
 * The stream scenarios: the server CPU (from /proc) and wall time of one connect watching 50
 * SKUs, and the latency of a stock read (one connection) alone and while 16 clients (distinct
 * addresses) open and drop 50-SKU streams in a loop, with the stream limits on and off.
 */
import { execSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import autocannon from 'autocannon';

const here = fileURLToPath(import.meta.url);
const apiRequire = createRequire(new URL('../packages/api/package.json', import.meta.url));
const streamsMode = process.argv[2] === 'streams';
const seconds = Number(process.env.BENCH_SECONDS || (streamsMode ? 5 : 10));

/** Child mode: serve something on 127.0.0.1, print the URL, run until killed. */
async function child(mode, dbUrl) {
  const { Hono } = await import(pathToFileURL(apiRequire.resolve('hono')).href);
  const { serve } = await import(pathToFileURL(apiRequire.resolve('@hono/node-server')).href);
  if (mode === 'hello') {
    const app = new Hono();
    app.get('/hello', (c) => c.json({ hello: 'world' }));
    serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
      console.log(`http://127.0.0.1:${info.port}`),
    );
    return;
  }
  const api = await import('../packages/api/dist/index.js');
  const extra = JSON.parse(process.argv[5] || '{}');
  const server = await api.serve({
    url: dbUrl,
    port: 0,
    host: '127.0.0.1',
    rateLimit: false,
    logger: quiet,
    ...extra,
  });
  console.log(server.url);
}
const quiet = { info() {}, warn() {}, error() {} };

function startChild(mode, dbUrl = '', extra = {}) {
  const proc = spawn(process.execPath, [here, '--child', mode, dbUrl, JSON.stringify(extra)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    proc.stdout.once('data', (chunk) => resolve({ url: chunk.toString().trim(), proc }));
    proc.once('exit', (code) => reject(new Error(`${mode} server exited with ${code}`)));
  });
}

function cannon(options) {
  return autocannon({ connections: 100, duration: seconds, ...options });
}

const rps = (r) => r.requests.average;
const fmt = (n) => Math.round(n).toLocaleString('en-US');

/** Raw libSQL: serial write transactions on a file with the API's pragmas, for `seconds`. */
async function rawWriteTransactions(dir) {
  const { createClient } = await import(pathToFileURL(apiRequire.resolve('@libsql/client')).href);
  const client = createClient({ url: pathToFileURL(join(dir, 'raw.db')).href });
  for (const p of ['journal_mode=WAL', 'busy_timeout=5000', 'synchronous=FULL', 'foreign_keys=ON']) {
    await client.execute(`PRAGMA ${p}`);
  }
  await client.execute('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)');
  let n = 0;
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) {
    await client.execute('BEGIN IMMEDIATE');
    await client.execute({ sql: 'INSERT INTO t (v) VALUES (?)', args: [`row ${n}`] });
    await client.execute('COMMIT');
    n++;
  }
  client.close();
  return n / seconds;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-stock-bench-'));
  const dbUrl = pathToFileURL(join(dir, 'bench.db')).href;
  const api = await import('../packages/api/dist/index.js');
  const setup = await api.openDatabase(dbUrl);
  await api.migrate(setup);
  const demo = await api.seedDemo(setup);
  await setup.close();

  const hello = await startChild('hello');
  const server = await startChild('api', dbUrl);
  const results = {};
  try {
    const helloRun = await cannon({ url: `${hello.url}/hello` });
    const readRun = await cannon({
      url: `${server.url}/v1/products/SHAMPOO-250/stock`,
      headers: { authorization: `Bearer ${demo.publishableKey}` },
    });
    if (readRun.non2xx > 0) throw new Error(`stock reads: ${readRun.non2xx} non-2xx answers`);

    let n = 0;
    const adjust = (batch) =>
      cannon({
        url: `${server.url}/v1/stock/adjustments`,
        connections: 50,
        requests: [
          {
            method: 'POST',
            headers: { authorization: `Bearer ${demo.secretKey}`, 'content-type': 'application/json' },
            setupRequest: (req) => {
              const events = Array.from({ length: batch }, () => ({
                eventId: `bench-${process.pid}-${n++}`,
                sku: n % 2 ? 'SHAMPOO-250' : 'OIL-50',
                locationId: n % 3 ? 'chiado' : 'alvalade',
                delta: n % 5 === 0 ? 5 : -1,
              }));
              return { ...req, body: JSON.stringify(batch === 1 ? events[0] : events) };
            },
          },
        ],
      });
    const single = await adjust(1);
    const batched = await adjust(100);
    for (const run of [single, batched])
      if (run.non2xx > 0) throw new Error(`adjustments: ${run.non2xx} non-2xx`);
    const raw = await rawWriteTransactions(dir);

    results.hello = { rps: rps(helloRun), p99: helloRun.latency.p99 };
    results.reads = { rps: rps(readRun), p99: readRun.latency.p99 };
    results.single = { rps: rps(single), p99: single.latency.p99 };
    results.batched = { rps: rps(batched) * 100, p99: batched.latency.p99 };
    results.raw = raw;
  } finally {
    hello.proc.kill();
    server.proc.kill();
    rmSync(dir, { recursive: true, force: true });
  }

  console.log(`Stock benchmark — Node ${process.version}, ${seconds} s per measurement, 127.0.0.1`);
  console.log(`| what | rate | p99 | vs baseline |`);
  console.log(`| --- | ---: | ---: | ---: |`);
  console.log(
    `| bare Hono hello-world (100 conn.) | ${fmt(results.hello.rps)} req/s | ${results.hello.p99} ms | baseline |`,
  );
  console.log(
    `| GET /v1/products/{sku}/stock (100 conn.) | ${fmt(results.reads.rps)} req/s | ${results.reads.p99} ms | ${((results.reads.rps / results.hello.rps) * 100).toFixed(0)}% of hello-world |`,
  );
  console.log(`| raw libSQL write txns (serial, FULL sync) | ${fmt(results.raw)} txn/s | — | baseline |`);
  console.log(
    `| POST /v1/stock/adjustments, 1 event per request (50 conn.) | ${fmt(results.single.rps)} events/s | ${results.single.p99} ms | ${((results.single.rps / results.raw) * 100).toFixed(0)}% of raw txns |`,
  );
  console.log(
    `| POST /v1/stock/adjustments, batches of 100 (50 conn.) | ${fmt(results.batched.rps)} events/s | ${results.batched.p99} ms | ${((results.batched.rps / results.raw) * 100).toFixed(0)}% of raw txns |`,
  );
}

/** SKUs of the stream scenarios: the demo's three and 47 more, each counted at `chiado`. */
async function addBenchProducts(api, dbUrl, demo) {
  const database = await api.openDatabase(dbUrl);
  const app = api.createApp({ database, rateLimit: false, logger: quiet });
  const headers = { authorization: `Bearer ${demo.secretKey}`, 'content-type': 'application/json' };
  const skus = ['SHAMPOO-250', 'WAX-75', 'OIL-50'];
  for (let i = skus.length; i < 50; i++) {
    const sku = `BENCH-${i}`;
    const res = await app.request('/v1/products', {
      method: 'POST',
      headers,
      body: JSON.stringify({ sku, name: `Bench product ${i}`, lowStockThreshold: 2 }),
    });
    if (res.status !== 201) throw new Error(`product ${sku}: ${res.status}`);
    await app.request('/v1/stock/adjustments', {
      method: 'POST',
      headers,
      body: JSON.stringify({ eventId: `count-${sku}`, sku, locationId: 'chiado', set: 10 }),
    });
    skus.push(sku);
  }
  await database.close();
  return skus;
}

/** User + system CPU time of a process so far, in ms (Linux /proc). */
const clockTicks = Number(execSync('getconf CLK_TCK').toString().trim()) || 100;
function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  // Fields 14 and 15 of stat (utime, stime); index 11 and 12 after the `(comm) ` prefix.
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks;
}

/** Opens a stream, reads until `want` stock messages arrived (the connect's snapshots), drops it. */
async function connectOnce(url, headers, want) {
  const abort = new AbortController();
  const res = await fetch(url, { headers, signal: abort.signal });
  if (res.status !== 200) {
    await res.text();
    return res.status;
  }
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let seen = 0;
  while (seen < want) {
    const chunk = await reader.read();
    if (chunk.done) break;
    seen += chunk.value.split('event: stock').length - 1;
  }
  abort.abort();
  await reader.cancel().catch(() => undefined);
  return 200;
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];

/**
 * Child mode `churn`: 16 loops open and drop streams for `seconds`, each from its own address
 * (`many`: 16 clients) or all from one (`one`: one attacker with 16 connections).
 */
async function churn(url, key, skus, addresses) {
  const end = Date.now() + seconds * 1000;
  const statuses = {};
  await Promise.all(
    Array.from({ length: 16 }, async (_, i) => {
      const headers = { 'x-forwarded-for': `198.51.100.${addresses === 'one' ? 1 : i + 1}` };
      while (Date.now() < end) {
        const status = await connectOnce(`${url}/v1/stock/stream?skus=${skus}&key=${key}`, headers, 1).catch(
          () => 'error',
        );
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    }),
  );
  console.log(JSON.stringify(statuses));
}

async function streams() {
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-stream-bench-'));
  const dbUrl = pathToFileURL(join(dir, 'bench.db')).href;
  const api = await import('../packages/api/dist/index.js');
  const setup = await api.openDatabase(dbUrl);
  await api.migrate(setup);
  const demo = await api.seedDemo(setup);
  await setup.close();
  const skus = (await addBenchProducts(api, dbUrl, demo)).join(',');
  // One server with every stream limit off (what a connect costs), one with the defaults.
  const unlimited = await startChild('api', dbUrl, {
    trustProxy: 1,
    streams: { connectRate: false, perClient: false, perProcess: false },
  });
  const limited = await startChild('api', dbUrl, { trustProxy: 1 });
  const lines = [];
  try {
    // Connect cost: one client, one connect after another, each until its 50 snapshots arrived.
    const streamUrl = `${unlimited.url}/v1/stock/stream?skus=${skus}&key=${demo.publishableKey}`;
    for (let i = 0; i < 20; i++) await connectOnce(streamUrl, {}, 50); // warm-up
    const connects = 200;
    const walls = [];
    const cpuBefore = cpuMs(unlimited.proc.pid);
    for (let i = 0; i < connects; i++) {
      const start = performance.now();
      const status = await connectOnce(streamUrl, {}, 50);
      if (status !== 200) throw new Error(`connect: ${status}`);
      walls.push(performance.now() - start);
    }
    const cpuPerConnect = (cpuMs(unlimited.proc.pid) - cpuBefore) / connects;
    walls.sort((a, b) => a - b);
    lines.push(
      `| connect with 50 SKUs, until the 50 snapshots arrived (${connects} in a row) | server CPU ${cpuPerConnect.toFixed(2)} ms/connect | wall median ${percentile(walls, 0.5).toFixed(2)} ms, p95 ${percentile(walls, 0.95).toFixed(2)} ms |`,
    );

    // Stock-read latency, one connection: alone, then while 16 clients churn streams.
    // One reader, one request after another (autocannon's histogram has 1 ms steps: too coarse).
    const read = async (server) => {
      const url = `${server.url}/v1/products/SHAMPOO-250/stock`;
      const headers = { authorization: `Bearer ${demo.publishableKey}` };
      const times = [];
      const end = Date.now() + seconds * 1000;
      while (Date.now() < end) {
        const start = performance.now();
        const res = await fetch(url, { headers });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`stock read: ${res.status}`);
        times.push(performance.now() - start);
      }
      return times.sort((a, b) => a - b);
    };
    const ms = (n) => n.toFixed(2);
    const show = (name, times, churned = '') =>
      `| ${name} | median ${ms(percentile(times, 0.5))} ms, p99 ${ms(percentile(times, 0.99))} ms, max ${ms(times.at(-1))} ms | ${fmt(times.length / seconds)} reads/s${churned} |`;
    lines.push(show('GET /v1/products/{sku}/stock, nothing else running', await read(unlimited)));
    for (const [name, server, addresses] of [
      ['16 clients, limits off', unlimited, 'many'],
      ['16 clients, default limits', limited, 'many'],
      ['one client with 16 connections, default limits', limited, 'one'],
    ]) {
      const churner = spawn(
        process.execPath,
        [here, '--child', 'churn', server.url, demo.publishableKey, skus, addresses],
        { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, BENCH_SECONDS: String(seconds) } },
      );
      let churned = '';
      churner.stdout.on('data', (chunk) => {
        churned += chunk;
      });
      const done = new Promise((resolve) => churner.once('exit', resolve));
      const run = await read(server);
      await done;
      lines.push(
        show(
          `GET /v1/products/{sku}/stock while 50-SKU streams are opened and dropped in 16 loops (${name})`,
          run,
          `; connects by status ${churned.trim()}`,
        ),
      );
    }
  } finally {
    unlimited.proc.kill();
    limited.proc.kill();
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(
    `Stock stream benchmark — Node ${process.version}, ${seconds} s per latency measurement, 127.0.0.1`,
  );
  console.log('| what | figure | more |');
  console.log('| --- | --- | --- |');
  for (const line of lines) console.log(line);
}

if (process.argv[2] === '--child' && process.argv[3] === 'churn') {
  await churn(process.argv[4], process.argv[5], process.argv[6], process.argv[7]);
} else if (process.argv[2] === '--child') await child(process.argv[3], process.argv[4]);
else if (streamsMode) await streams();
else await main();
