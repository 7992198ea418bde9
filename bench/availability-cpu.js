/**
 * @module CPU time per cached `GET /v1/availability`, in process (`app.fetch` in a loop, no socket):
 * what the API itself spends on an answer it already has, steadier than req/s on a shared machine
 * because waiting for a core is not counted. Given several checkouts (each built), it alternates
 * between them in one process, so an old and a new build are compared under the same load:
 * `node bench/availability-cpu.js [checkout…]` (default: this one). Prints the median and the
 * lowest of 6 rounds of 4,000 requests each (`BENCH_ROUNDS`, `BENCH_REQUESTS`: many short rounds
 * make the lowest a steadier figure on a busy machine). The WHATWG Request/Response that `app.fetch` needs
 * (which @hono/node-server mostly avoids) are included, the same for every checkout.
 * `BENCH_UNCACHED=1` times the computing path instead, as `http.bench.js`'s uncached phase asks it:
 * a secret key with `ignoreBookingWindow=true`, every request another of 1,500 weeks (more than the
 * answer cache keeps), so each answer is computed (occupancy query, engine, JSON, tag).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const checkouts = process.argv.slice(2);
if (checkouts.length === 0) checkouts.push(fileURLToPath(new URL('..', import.meta.url)));
const dateIn = (days) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const quiet = { info() {}, warn() {}, error() {}, debug() {} };
const uncached = process.env.BENCH_UNCACHED === '1';
const rounds = Number(process.env.BENCH_ROUNDS ?? 6);
const perRound = Number(process.env.BENCH_REQUESTS ?? (uncached ? 1500 : 4000));

const setups = [];
for (const checkout of checkouts) {
  const api = await import(pathToFileURL(join(resolve(checkout), 'packages/api/dist/index.js')).href);
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-cpu-'));
  const url = pathToFileURL(join(dir, 'bench.db')).href;
  const seeding = await api.openDatabase(url);
  await api.migrate(seeding);
  const seed = await api.seedDemo(seeding);
  await seeding.close();
  const database = await api.openDatabase(url);
  const app = api.createApp({ database, rateLimit: false, secretRateLimit: false, logger: quiet });
  const headers = { Authorization: `Bearer ${uncached ? seed.secretKey : seed.publishableKey}` };
  const services = await (await app.request('/v1/services', { headers })).json();
  const haircut = services.data.find((s) => s.name === 'Haircut');
  const week = (start) =>
    `http://127.0.0.1/v1/availability?service=${haircut.id}&from=${dateIn(start)}&to=${dateIn(start + 6)}`;
  // Uncached: each request asks for the next of 1,500 weeks (days 1+n..7+n), past the horizon too.
  let asked = 0;
  const pathOf = uncached ? () => `${week(1 + (asked++ % 1500))}&ignoreBookingWindow=true` : () => week(1);
  setups.push({ checkout, app, pathOf, headers, database, dir, cpu: [] });
}

async function ask(setup, count) {
  for (let i = 0; i < count; i++) {
    const res = await setup.app.fetch(new Request(setup.pathOf(), { headers: setup.headers }));
    if (res.status !== 200) throw new Error(`${setup.checkout}: ${res.status}`);
    await res.arrayBuffer();
  }
}

// Warm up, untimed: the JIT, and (uncached) each week's zone offsets, which the engine samples
// from Intl once per week and then keeps, as a long-running server would have.
for (const setup of setups) await ask(setup, uncached ? 1500 : 500);
for (let round = 0; round < rounds; round++) {
  for (const setup of setups) {
    const before = process.cpuUsage();
    await ask(setup, perRound);
    const used = process.cpuUsage(before);
    setup.cpu.push((used.user + used.system) / perRound);
  }
}

// Each round ran every checkout back to back: the median of their ratios round by round is the
// comparison least moved by the machine's load changing between rounds.
for (const setup of setups.slice(1)) {
  const ratios = setup.cpu.map((cpu, round) => cpu / setups[0].cpu[round]).sort((a, b) => a - b);
  console.log(
    `${setup.checkout} / ${setups[0].checkout}: median of the rounds' ratios ${(ratios[Math.floor(rounds / 2)] * 100).toFixed(1)} %`,
  );
}
for (const setup of setups) {
  const sorted = [...setup.cpu].sort((a, b) => a - b);
  console.log(
    `${setup.checkout}: ${uncached ? 'uncached' : 'cached'} availability ${sorted[Math.floor(rounds / 2)].toFixed(0)} µs CPU/request ` +
      `(median of ${rounds} × ${perRound}), lowest ${sorted[0].toFixed(0)} µs; all ${setup.cpu.map((c) => c.toFixed(0)).join(' ')}`,
  );
  await setup.database.close();
  rmSync(setup.dir, { recursive: true, force: true });
}
