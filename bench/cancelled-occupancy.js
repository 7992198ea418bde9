/**
 * @module What cancelled bookings cost the occupancy read (issue 15, seen in the R1 torture run):
 * one business, two resources alike — "quiet" with no cancelled booking, "busy" with N cancelled
 * bookings (default 5,000) piled on four starts of one day, the shape R1 left — timed on the two
 * paths that read a resource's occupancy: an uncached `GET /v1/availability` of that day, and a
 * `POST /v1/bookings` on the same four starts (a class of 1,000 seats: they never fill).
 * In process (`app.request`, no socket), one request at a time; prints per request the median wall
 * time and CPU time, and busy ÷ quiet. Cancelled bookings should cost nothing: the ratio should be
 * about 1.
 *
 * `node bench/cancelled-occupancy.js [checkout…]` (default: this one; each built). With several
 * checkouts it alternates between them round by round in one process, so an old and a new build
 * see the same machine load. `BENCH_CANCELLED` (default 5000), `BENCH_ROUNDS` (default 5).
 *
 * The pile is one booking made and cancelled through the API, then copied in SQL (N API calls would
 * take longer than the timing). Every answer is uncached: the app's clock moves 2.5 s before each
 * availability request, past the answer cache's 2 s. The bookings made while timing (the same
 * number on both resources) stay: each round's bookings add to both resources' live occupancy.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createBenchClass } from './bench-class.js';

const checkouts = process.argv.slice(2);
if (checkouts.length === 0) checkouts.push(fileURLToPath(new URL('..', import.meta.url)));
const cancelled = Number(process.env.BENCH_CANCELLED ?? 5000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const availabilityPerRound = 200;
const bookingsPerRound = 48;
const quiet = { info() {}, warn() {}, error() {}, debug() {} };
const DAY = 86_400_000;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const cpuNow = () => {
  const { user, system } = process.cpuUsage();
  return user + system;
};

// Day D, three days ahead (UTC midnight): the pile and the timed bookings are at 10:00–11:30 on D.
const dayD = Math.ceil(Date.now() / DAY) * DAY + 3 * DAY;
const iso = (ms) => new Date(ms).toISOString().replace('.000Z', 'Z');
const dateOf = (ms) => iso(ms).slice(0, 10);

async function setUp(checkout) {
  const api = await import(pathToFileURL(join(resolve(checkout), 'packages/api/dist/index.js')).href);
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-cancelled-'));
  const database = await api.openDatabase(pathToFileURL(join(dir, 'bench.db')).href);
  await api.migrate(database);
  const seed = await api.seedDemo(database);
  let now = Date.now();
  const app = api.createApp({
    database,
    rateLimit: false,
    secretRateLimit: false,
    logger: quiet,
    clock: () => now,
  });
  const call = async (method, path, body, key = seed.secretKey) => {
    const res = await app.request(`http://127.0.0.1${path}`, {
      method,
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return JSON.parse(text);
  };
  const sides = {};
  for (const name of ['quiet', 'busy']) {
    const { resource, service } = await createBenchClass((path, body) => call('POST', path, body), name);
    sides[name] = { resource, service, availability: [], availabilityCpu: [], booking: [], bookingCpu: [] };
  }
  // The pile: one booking made and cancelled, copied N - 1 times over four starts of day D.
  const first = await call(
    'POST',
    '/v1/bookings',
    {
      service: sides.busy.service.id,
      start: iso(dayD + 10 * 3_600_000),
      customer: { name: 'Pile', email: 'pile@example.com' },
    },
    seed.publishableKey,
  );
  await call('POST', `/v1/bookings/${first.id}/cancel`, { reason: 'pile' });
  const columns = (await database.client.execute('PRAGMA table_info(bookings)')).rows.map((r) =>
    String(r.name),
  );
  const shifted = new Set(['start', 'end', 'block_start', 'block_end']);
  const select = columns.map((c) =>
    c === 'id' ? `'bk_pile_' || n` : shifted.has(c) ? `"${c}" + (n % 4) * 1800000` : `"${c}"`,
  );
  await database.client.execute({
    sql: `WITH RECURSIVE pile(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM pile WHERE n < ?)
      INSERT INTO bookings (${columns.map((c) => `"${c}"`).join(', ')})
      SELECT ${select.join(', ')} FROM pile, bookings WHERE bookings.id = ?`,
    args: [cancelled - 1, first.id],
  });
  const piled = await database.client.execute({
    sql: `SELECT count(*) AS n FROM bookings WHERE resource_id = ? AND status = 'cancelled'`,
    args: [sides.busy.resource.id],
  });
  let serial = 0;
  const availability = async (side) => {
    now += 2500; // past the answer cache's TTL: every answer computed afresh
    const body = await call(
      'GET',
      `/v1/availability?service=${side.service.id}&from=${dateOf(dayD)}&to=${dateOf(dayD)}`,
      undefined,
      seed.publishableKey,
    );
    if (body.slots.length === 0) throw new Error('no slots');
  };
  const book = (side) =>
    call(
      'POST',
      '/v1/bookings',
      {
        service: side.service.id,
        start: iso(dayD + 10 * 3_600_000 + (serial++ % 4) * 1_800_000),
        customer: { name: 'Bench Customer', email: 'bench@example.com' },
      },
      seed.publishableKey,
    );
  // Warm-up: JIT, prepared statements, the catalog cache.
  for (const side of Object.values(sides)) {
    for (let i = 0; i < 20; i++) await availability(side);
  }
  return { checkout, database, dir, sides, availability, book, piled: Number(piled.rows[0].n) };
}

async function timed(times, cpu, n, fn) {
  const wall = [];
  const began = cpuNow();
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    wall.push(performance.now() - t0);
  }
  cpu.push((cpuNow() - began) / n / 1000);
  times.push(median(wall));
}

const setups = [];
for (const checkout of checkouts) setups.push(await setUp(checkout));

for (let round = 0; round < rounds; round++) {
  for (const setup of setups) {
    for (const side of Object.values(setup.sides)) {
      await timed(side.availability, side.availabilityCpu, availabilityPerRound, () =>
        setup.availability(side),
      );
      await timed(side.booking, side.bookingCpu, bookingsPerRound, () => setup.book(side));
    }
  }
}

const ms = (x) => `${x.toFixed(2)} ms`.padStart(9);
for (const setup of setups) {
  const { quiet: q, busy: b } = setup.sides;
  console.log(
    `\n${setup.checkout}: ${setup.piled} cancelled bookings on "busy", none on "quiet"; medians of ${rounds} rounds`,
  );
  console.log(`  ${''.padEnd(44)} ${'quiet'.padStart(9)} ${'busy'.padStart(9)}  busy ÷ quiet`);
  const line = (label, qs, bs) =>
    console.log(
      `  ${label.padEnd(44)} ${ms(median(qs))} ${ms(median(bs))}  ${(median(bs) / median(qs)).toFixed(2)}×`,
    );
  line(`availability, uncached (wall, ${availabilityPerRound}/round)`, q.availability, b.availability);
  line('availability, uncached (CPU)', q.availabilityCpu, b.availabilityCpu);
  line(`POST /v1/bookings (wall, ${bookingsPerRound}/round)`, q.booking, b.booking);
  line('POST /v1/bookings (CPU)', q.bookingCpu, b.bookingCpu);
  await setup.database.close();
  rmSync(setup.dir, { recursive: true, force: true });
}
