/**
 * @module What the statement cache (`packages/api/src/db/statement-cache.ts`) is worth, and so what
 * the fallback to the stock `@libsql/client` costs: the built `frontdesk serve` with the cache (the
 * default) and with `FRONTDESK_STATEMENT_CACHE=0`, alternating on/off/on/off in one run, each phase
 * on a fresh demo database: `GET /v1/availability` (one week, publishable key) and `GET /v1/bookings`
 * (secret key: reads that no answer cache serves), 100 connections each.
 * Needs the built packages (see http.bench.js).
 */
import autocannon from 'autocannon';
import { dateIn, startApi } from './api-server.js';

const duration = Number(process.env.BENCH_SECONDS ?? 5);
const connections = 100;

async function phase(mode) {
  const server = await startApi({ env: mode === 'off' ? { FRONTDESK_STATEMENT_CACHE: '0' } : {} });
  try {
    const auth = (key) => ({ Authorization: `Bearer ${key}` });
    const { data } = await fetch(`${server.url}/v1/services`, {
      headers: auth(server.seed.publishableKey),
    }).then((r) => r.json());
    const haircut = data.find((s) => s.name === 'Haircut');
    const routes = {
      availability: [
        `/v1/availability?service=${haircut.id}&from=${dateIn(1)}&to=${dateIn(7)}`,
        auth(server.seed.publishableKey),
      ],
      bookings: [`/v1/bookings?limit=50`, auth(server.seed.secretKey)],
    };
    const line = { cache: mode };
    for (const [name, [path, headers]] of Object.entries(routes)) {
      const r = await autocannon({ url: server.url + path, connections, duration, headers });
      if (r.non2xx || r.errors) throw new Error(`${name}: ${r.non2xx} non-2xx, ${r.errors} errors`);
      line[`${name} req/s`] = Math.round(r.requests.average);
      line[`${name} p99 ms`] = r.latency.p99;
    }
    console.log(line);
    return line;
  } finally {
    await server.close();
  }
}

const phases = [];
for (const mode of ['on', 'off', 'on', 'off']) phases.push(await phase(mode));
const mean = (mode, key) => {
  const values = phases.filter((p) => p.cache === mode).map((p) => p[key]);
  return values.reduce((a, b) => a + b, 0) / values.length;
};
for (const name of ['availability', 'bookings']) {
  const on = mean('on', `${name} req/s`);
  const off = mean('off', `${name} req/s`);
  console.log(
    `${name}: ${Math.round(on)} req/s with the cache, ${Math.round(off)} without: ` +
      `the fallback keeps ${((off / on) * 100).toFixed(1)} %`,
  );
}
