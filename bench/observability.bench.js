/**
 * @module What the request log and metrics cost on a hot route: `GET /v1/availability` (a cached
 * week, the cheapest call a widget makes, so the fixed per-request cost shows most) under 100
 * connections, against two `frontdesk serve` processes in the same run — one as an operator runs
 * it with everything on (`FRONTDESK_METRICS_TOKEN` set, `FRONTDESK_LOG_LEVEL` info: a JSON line
 * per request into a drained pipe), one with both off (no token, level warn). The phases
 * alternate off/on so that a change in the machine's load hits both, and besides req/s each
 * reports the server process's CPU time per answer (from /proc: steadier than throughput on a
 * shared machine). First, the same comparison in-process: the two apps answer `app.request()`
 * one call at a time, and the process's CPU time per answer is the cost without the network and
 * the load generator. Needs the built packages (`npx -y pnpm@10.34.8 --filter @frontdesk/core
 * --filter @frontdesk/api build`). `BENCH_SECONDS` sets each phase (default 3; 3 rounds: under a minute
 * in all).
 */
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { api, dateIn, startApi } from './api-server.js';

// Hono's ESM build, the one the API's middleware imports (require() would resolve its CJS copy,
// whose request internals the middleware cannot read).
const { Hono } = await import('../packages/api/node_modules/hono/dist/index.js');
const { requestLog } = await import('../packages/api/dist/middleware/request-log.js');
const { measureRequests } = await import('../packages/api/dist/middleware/metrics.js');
const { createMetrics } = await import('../packages/api/dist/metrics/registry.js');

const seconds = Number(process.env.BENCH_SECONDS ?? 3);
const rounds = 3;

/** User + system CPU time of process `pid` in ms (Linux /proc), or undefined elsewhere. */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime are fields 14 and 15 of the line, in clock ticks (100 a second on Linux).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}
const connections = 100;
const token = 'bench-metrics-token-0123456789';

/** In-process: CPU time per answer of `app.request()` for the two apps, in alternating blocks. */
async function inProcess() {
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-obs-'));
  const database = await api.openDatabase(pathToFileURL(join(dir, 'obs.db')).href);
  await api.migrate(database);
  const seed = await api.seedDemo(database);
  const devNull = openSync('/dev/null', 'w');
  const apps = {
    off: api.createApp({
      database,
      rateLimit: false,
      logger: api.createJsonLogger({ level: 'warn', destination: devNull }),
    }),
    on: api.createApp({
      database,
      rateLimit: false,
      metricsToken: token,
      logger: api.createJsonLogger({ destination: devNull }),
    }),
  };
  const headers = { Authorization: `Bearer ${seed.publishableKey}` };
  const services = await (await apps.off.request('/v1/services', { headers })).json();
  const haircut = services.data.find((s) => s.name === 'Haircut');
  const path = `/v1/availability?service=${haircut.id}&from=${dateIn(1)}&to=${dateIn(7)}`;
  // Short blocks, alternating, many rounds: a change in the machine's load hits both apps alike,
  // and the median of the per-round differences shrugs off the rounds a neighbour disturbed.
  const calls = 250;
  const rounds = 24;
  const perAnswer = { on: [], off: [] };
  const differences = [];
  const block = async (name) => {
    const before = process.cpuUsage();
    for (let i = 0; i < calls; i++) {
      const res = await apps[name].request(path, { headers });
      if (res.status !== 200) throw new Error(`${name}: ${res.status}`);
      await res.arrayBuffer();
    }
    const used = process.cpuUsage(before);
    return (used.user + used.system) / calls;
  };
  await block('off'); // warm both up: not counted
  await block('on');
  for (let round = 0; round < rounds; round++) {
    // Which goes first alternates too.
    const order = round % 2 === 0 ? ['off', 'on'] : ['on', 'off'];
    const cost = {};
    for (const name of order) cost[name] = await block(name);
    perAnswer.on.push(cost.on);
    perAnswer.off.push(cost.off);
    differences.push(cost.on - cost.off);
  }
  const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
  const [cpuOn, cpuOff, added] = [median(perAnswer.on), median(perAnswer.off), median(differences)];
  console.log(
    `in-process app.request() GET /v1/availability, ${rounds} rounds of ${calls} calls each: CPU per answer ` +
      `${cpuOn.toFixed(1)} µs with metrics + request log vs ${cpuOff.toFixed(1)} µs without (medians); ` +
      `median difference +${added.toFixed(1)} µs (${((added / cpuOff) * 100).toFixed(1)} %)`,
  );
  await database.close();
  rmSync(dir, { recursive: true, force: true });
}
/**
 * The two middlewares alone, around a route that does nothing: Hono apps with the request log at
 * `warn` (as the API has it with the log off) or at `info` into /dev/null, with or without the
 * metrics middleware. What is left is their own cost per request, each part and both, without a
 * database.
 */
async function middlewareAlone() {
  const devNull = openSync('/dev/null', 'w');
  const stubDatabase = { observeWrites: () => () => undefined, writeQueueDepth: () => 0 };
  const build = ({ log, metrics }) => {
    const deps = {
      logger: api.createJsonLogger({ level: log ? 'info' : 'warn', destination: devNull }),
    };
    const app = new Hono();
    app.use(async (c, next) => {
      c.set('deps', deps);
      c.set('requestId', 'req_bench0123456789');
      await next();
    });
    app.use(requestLog());
    if (metrics) {
      const measured = createMetrics({
        database: stubDatabase,
        clock: Date.now,
        logger: deps.logger,
        openStreams: () => 0,
      });
      app.use(measureRequests(measured));
    }
    app.get('/v1/things/:id', (c) => c.json({ ok: true }));
    return app;
  };
  const apps = {
    off: build({ log: false, metrics: false }),
    log: build({ log: true, metrics: false }),
    metrics: build({ log: false, metrics: true }),
    both: build({ log: true, metrics: true }),
  };
  const calls = 4000;
  const block = async (name) => {
    const before = process.cpuUsage();
    for (let i = 0; i < calls; i++)
      await (await apps[name].request(`/v1/things/${i}?from=2026-03-01`)).arrayBuffer();
    const used = process.cpuUsage(before);
    return (used.user + used.system) / calls;
  };
  for (const name of Object.keys(apps)) await block(name); // warm up: not counted
  const added = { log: [], metrics: [], both: [] };
  const costs = { off: [], both: [] };
  const rounds = 8;
  for (let round = 0; round < rounds; round++) {
    const names = Object.keys(apps);
    if (round % 2 === 1) names.reverse();
    const cost = {};
    for (const name of names) cost[name] = await block(name);
    for (const name of Object.keys(added)) added[name].push(cost[name] - cost.off);
    costs.off.push(cost.off);
    costs.both.push(cost.both);
  }
  const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
  console.log(
    `the middlewares alone (Hono, a route answering {"ok":true}), ${rounds} rounds of ${calls}: CPU per request ` +
      `${median(costs.both).toFixed(1)} µs with both vs ${median(costs.off).toFixed(1)} µs off (medians); ` +
      `added (median of per-round differences): log +${median(added.log).toFixed(1)} µs, ` +
      `metrics +${median(added.metrics).toFixed(1)} µs, both +${median(added.both).toFixed(1)} µs`,
  );
}

await middlewareAlone();
await inProcess();

const on = await startApi({ env: { FRONTDESK_METRICS_TOKEN: token, FRONTDESK_LOG_LEVEL: 'info' } });
const off = await startApi({ env: { FRONTDESK_LOG_LEVEL: 'warn' } });

async function availabilityPath(server) {
  const headers = { Authorization: `Bearer ${server.seed.publishableKey}` };
  const services = await fetch(`${server.url}/v1/services`, { headers }).then((r) => r.json());
  const haircut = services.data.find((s) => s.name === 'Haircut');
  return `/v1/availability?service=${haircut.id}&from=${dateIn(1)}&to=${dateIn(7)}`;
}

async function phase(title, server, path) {
  const cpuBefore = cpuMs(server.pid);
  const result = await autocannon({
    url: `${server.url}${path}`,
    connections,
    duration: seconds,
    headers: { Authorization: `Bearer ${server.seed.publishableKey}` },
  });
  const cpu = cpuMs(server.pid) - cpuBefore;
  const line = {
    title,
    'req/s': Math.round(result.requests.average),
    'server CPU µs/answer': Number.isNaN(cpu) ? undefined : Math.round((cpu * 1000) / result.requests.total),
    'p50 ms': result.latency.p50,
    'p99 ms': result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
  console.log(line);
  return line;
}

const paths = { on: await availabilityPath(on), off: await availabilityPath(off) };
console.log(`GET /v1/availability (7 days), ${connections} connections, ${seconds} s a phase`);
const runs = { on: [], off: [] };
for (let round = 1; round <= rounds; round++) {
  runs.off.push(await phase(`off (no metrics, level warn) #${round}`, off, paths.off));
  runs.on.push(await phase(`on (metrics + request log) #${round}`, on, paths.on));
}
const total = (list, key) => list.reduce((sum, r) => sum + r[key], 0);
const ratio = total(runs.on, 'req/s') / total(runs.off, 'req/s');
const cpuOn = total(runs.on, 'server CPU µs/answer') / rounds;
const cpuOff = total(runs.off, 'server CPU µs/answer') / rounds;
console.log(
  `throughput with metrics + request log: ${(ratio * 100).toFixed(1)} % of without; ` +
    `server CPU per answer ${cpuOn.toFixed(0)} µs vs ${cpuOff.toFixed(0)} µs ` +
    `(+${(cpuOn - cpuOff).toFixed(0)} µs, ${((cpuOn / cpuOff - 1) * 100).toFixed(1)} %); ` +
    `p99 ${runs.on.map((r) => r['p99 ms']).join('/')} ms vs ${runs.off.map((r) => r['p99 ms']).join('/')} ms`,
);

// The server that measured shows what it measured.
const scrape = await fetch(`${on.url}/metrics`, { headers: { Authorization: `Bearer ${token}` } }).then((r) =>
  r.text(),
);
const counted =
  /frontdesk_http_request_duration_seconds_count\{[^}]*route="\/v1\/availability"[^}]*status_class="2xx"\} (\d+)/.exec(
    scrape,
  );
console.log(`/metrics of the measured server: ${counted?.[1] ?? 'no'} availability answers counted`);
await on.close();
await off.close();
