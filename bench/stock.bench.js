/**
 * @module Stock benchmark: stock reads (req/s, p99) and POS adjustments ingested per second, each
 * beside a same-run baseline — a bare Hono hello-world on the same server framework, and raw libSQL
 * write transactions (BEGIN IMMEDIATE; one INSERT; COMMIT) on a file with the API's pragmas.
 * Servers run in child processes so autocannon does not share their event loop.
 *
 *   npx -y pnpm@10.34.8 --filter @frontdesk/core --filter @frontdesk/api build
 *   node bench/stock.bench.js            # BENCH_SECONDS=10 by default per measurement
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import autocannon from 'autocannon';

const here = fileURLToPath(import.meta.url);
const apiRequire = createRequire(new URL('../packages/api/package.json', import.meta.url));
const seconds = Number(process.env.BENCH_SECONDS || 10);

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
  const server = await api.serve({ url: dbUrl, port: 0, host: '127.0.0.1', rateLimit: false, logger: quiet });
  console.log(server.url);
}
const quiet = { info() {}, error() {} };

function startChild(mode, dbUrl = '') {
  const proc = spawn(process.execPath, [here, '--child', mode, dbUrl], {
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

if (process.argv[2] === '--child') await child(process.argv[3], process.argv[4]);
else await main();
