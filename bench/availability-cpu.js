/**
 * @module CPU time per cached `GET /v1/availability`, in process (`app.fetch` in a loop, no socket):
 * what the API itself spends on an answer it already has, steadier than req/s on a shared machine
 * because waiting for a core is not counted. Given several checkouts (each built), it alternates
 * between them in one process, so an old and a new build are compared under the same load:
 * `node bench/availability-cpu.js [checkout…]` (default: this one). Prints the median and the
 * lowest of 6 rounds of 4,000 requests each. The WHATWG Request/Response that `app.fetch` needs
 * (which @hono/node-server mostly avoids) are included, the same for every checkout.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const checkouts = process.argv.slice(2);
if (checkouts.length === 0) checkouts.push(fileURLToPath(new URL('..', import.meta.url)));
const dateIn = (days) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const quiet = { info() {}, warn() {}, error() {}, debug() {} };
const rounds = 6;
const perRound = 4000;

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
  const headers = { Authorization: `Bearer ${seed.publishableKey}` };
  const services = await (await app.request('/v1/services', { headers })).json();
  const haircut = services.data.find((s) => s.name === 'Haircut');
  const path = `http://127.0.0.1/v1/availability?service=${haircut.id}&from=${dateIn(1)}&to=${dateIn(7)}`;
  setups.push({ checkout, app, path, headers, database, dir, cpu: [] });
}

for (let round = 0; round < rounds; round++) {
  for (const setup of setups) {
    const before = process.cpuUsage();
    for (let i = 0; i < perRound; i++) {
      const res = await setup.app.fetch(new Request(setup.path, { headers: setup.headers }));
      if (res.status !== 200) throw new Error(`${setup.checkout}: ${res.status}`);
      await res.arrayBuffer();
    }
    const used = process.cpuUsage(before);
    setup.cpu.push((used.user + used.system) / perRound);
  }
}

for (const setup of setups) {
  const sorted = [...setup.cpu].sort((a, b) => a - b);
  console.log(
    `${setup.checkout}: cached availability ${sorted[Math.floor(rounds / 2)].toFixed(0)} µs CPU/request ` +
      `(median of ${rounds} × ${perRound}), lowest ${sorted[0].toFixed(0)} µs`,
  );
  await setup.database.close();
  rmSync(setup.dir, { recursive: true, force: true });
}
