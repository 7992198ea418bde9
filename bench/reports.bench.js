/**
 * @module The report API on a business with 100,000 bookings: latency of `GET /v1/reports/bookings`
 * (a month by day, a quarter by resource, a year by week — each a period not asked before, so
 * computed afresh — and a year asked again, from the cached copy) and `GET /v1/reports/stock`, one request at
 * a time from this process to `frontdesk serve` in its own process, beside two baselines in the same
 * run on the same server: `GET /v1/business` (the cheapest authenticated call) and the first page of
 * `GET /v1/bookings` (the bookings list). Requests of every kind are interleaved, so a change in the
 * machine's load hits all alike. Needs the built packages (`npx -y pnpm@10.34.8 --filter
 * @frontdesk/core --filter @frontdesk/api build`). `BENCH_BOOKINGS` (default 100000) and
 * `BENCH_ROUNDS` (default 25) change the size; the default run takes about half a minute.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { serveFile, startApi } from './api-server.js';

const total = Number(process.env.BENCH_BOOKINGS ?? 100_000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 25);
const DAY = 86_400_000;

/** 100,000 bookings over the two years before today (~137 a day), written straight into the file. */
async function seedBookings(dbUrl, businessId) {
  const apiRequire = createRequire(new URL('../packages/api/package.json', import.meta.url));
  const { createClient } = await import(pathToFileURL(apiRequire.resolve('@libsql/client')).href);
  const client = createClient({ url: dbUrl });
  await client.execute('PRAGMA busy_timeout=5000');
  const links = (
    await client.execute({
      sql: `SELECT sr.service_id, sr.resource_id, s.duration_minutes FROM service_resources sr
        JOIN services s ON s.id = sr.service_id WHERE s.business_id = ?`,
      args: [businessId],
    })
  ).rows;
  const statuses = ['confirmed', 'completed', 'completed', 'completed', 'cancelled', 'no_show', 'pending'];
  const end = Math.floor(Date.now() / 900_000) * 900_000;
  const first = end - 730 * DAY;
  let seed = 42;
  const next = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const started = performance.now();
  const perStatement = 500;
  const statements = [];
  for (let i = 0; i < total; i += perStatement) {
    const args = [];
    const rows = [];
    for (let j = i; j < Math.min(total, i + perStatement); j++) {
      const link = links[Math.floor(next() * links.length)];
      // Opening hours, roughly: 08:00–20:00 UTC on a 15-minute grid.
      const day = first + Math.floor(next() * 730) * DAY;
      const start = day + 8 * 3_600_000 + Math.floor(next() * 48) * 900_000;
      const stop = start + Number(link.duration_minutes) * 60_000;
      rows.push('(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
      args.push(
        `bkg_bench_${j}`,
        businessId,
        link.service_id,
        link.resource_id,
        statuses[Math.floor(next() * statuses.length)],
        start,
        stop,
        start,
        stop,
        'Bench Customer',
        'bench@example.com',
        '{}',
        '',
        `bench-hash-${j}`,
        '',
        start - Math.floor(next() * 30 * DAY),
        start,
      );
    }
    statements.push({
      sql: `INSERT INTO bookings (id, business_id, service_id, resource_id, status, start, end, block_start,
        block_end, customer_name, customer_email, answers, notes, manage_token_hash, internal_notes,
        created_at, updated_at) VALUES ${rows.join(', ')}`,
      args,
    });
  }
  await client.batch(statements, 'write');
  client.close();
  return { ms: performance.now() - started, first, end };
}

const iso = (ms) => new Date(ms).toISOString().slice(0, 10);
const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const ms = (value) => `${value.toFixed(1)} ms`;

const server = await startApi({ env: { FRONTDESK_LOG_LEVEL: 'warn' }, args: ['--no-worker'] });
let oneThread;
try {
  const seeded = await seedBookings(server.dbUrl, server.seed.businessId);
  console.log(`seeded ${total} bookings over 730 days in ${(seeded.ms / 1000).toFixed(1)} s`);
  // The same file served with the side reader off: a year's two periods read one after the other.
  oneThread = await serveFile(server.dbUrl, {
    env: { FRONTDESK_LOG_LEVEL: 'warn', FRONTDESK_SIDE_READER: '0' },
    args: ['--no-worker'],
  });
  const today = seeded.end;
  const paths = {
    'GET /v1/business (baseline)': '/v1/business',
    'GET /v1/bookings?limit=50 (baseline)': '/v1/bookings?limit=50',
    // Each bookings report asks for a period one day earlier on every call: never answered before, so
    // computed afresh (never the process's cached copy); the last row repeats one period (cached).
    'reports/bookings 30 days, by day': (call) =>
      `/v1/reports/bookings?from=${iso(today - (30 + call) * DAY)}&to=${iso(today - (1 + call) * DAY)}&groupBy=day`,
    'reports/bookings 90 days, by resource': (call) =>
      `/v1/reports/bookings?from=${iso(today - (90 + call) * DAY)}&to=${iso(today - (1 + call) * DAY)}&groupBy=resource`,
    'reports/bookings 365 days, by week': (call) =>
      `/v1/reports/bookings?from=${iso(today - (365 + call) * DAY)}&to=${iso(today - (1 + call) * DAY)}&groupBy=week`,
    'reports/bookings 365 days, by week, side reader off (FRONTDESK_SIDE_READER=0)': (call) => ({
      url: oneThread.url,
      path: `/v1/reports/bookings?from=${iso(today - (365 + call) * DAY)}&to=${iso(today - (1 + call) * DAY)}&groupBy=week`,
    }),
    'reports/bookings 365 days, by week, the same period again (cached)': `/v1/reports/bookings?from=${iso(today - 365 * DAY)}&to=${iso(today - DAY)}&groupBy=week`,
    'reports/stock 30 days': `/v1/reports/stock?from=${iso(today - 30 * DAY)}&to=${iso(today - DAY)}`,
  };
  const headers = { Authorization: `Bearer ${server.seed.secretKey}` };
  const times = Object.fromEntries(Object.keys(paths).map((name) => [name, []]));
  // Calls of each kind so far: each shifts its period by one more day (at most ~30 days over a run).
  const calls = new Map();
  const pathOf = (name) => {
    if (typeof paths[name] !== 'function') return paths[name];
    calls.set(name, (calls.get(name) ?? 0) + 1);
    return paths[name](calls.get(name));
  };
  const once = async (name) => {
    const target = pathOf(name);
    const { url, path } = typeof target === 'string' ? { url: server.url, path: target } : target;
    const started = performance.now();
    const res = await fetch(`${url}${path}`, { headers });
    const body = await res.text();
    const took = performance.now() - started;
    if (res.status !== 200) throw new Error(`${name}: ${res.status} ${body.slice(0, 300)}`);
    return { took, body };
  };
  // Warm-up: compiled code, prepared statements, page cache.
  for (const name of Object.keys(paths)) for (let i = 0; i < 3; i++) await once(name);
  const year = JSON.parse(
    (await once('reports/bookings 365 days, by week, the same period again (cached)')).body,
  );
  console.log(
    `the 365-day report counts ${year.current.totals.total} bookings (previous year: ${year.previous.totals.total})`,
  );
  for (let round = 0; round < rounds; round++) {
    for (const name of Object.keys(paths)) times[name].push((await once(name)).took);
  }
  const base = times['GET /v1/business (baseline)'].sort((a, b) => a - b);
  const baseMedian = quantile(base, 0.5);
  console.log(`\n${rounds} requests each, one at a time, interleaved:\n`);
  console.log('| request | median | p95 | max | median ÷ /v1/business |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const [name, list] of Object.entries(times)) {
    const sorted = list.sort((a, b) => a - b);
    const median = quantile(sorted, 0.5);
    console.log(
      `| ${name} | ${ms(median)} | ${ms(quantile(sorted, 0.95))} | ${ms(sorted.at(-1))} | ${(median / baseMedian).toFixed(1)}× |`,
    );
  }
} finally {
  await oneThread?.close();
  await server.close();
}
