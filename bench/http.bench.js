/**
 * @module `GET /v1/availability` under load (autocannon, 100 connections) beside a bare Hono
 * hello-world on the same server framework, in the same run: req/s, p99 and the ratio.
 * Needs the built packages: `npx -y pnpm@10.34.8 -r --filter @frontdesk/core --filter @frontdesk/api build`.
 */
import autocannon from 'autocannon';
import { dateIn, startApi, startHello } from './api-server.js';

const duration = Number(process.env.BENCH_SECONDS ?? 10);
const connections = 100;

function run(title, url, headers = {}) {
  return autocannon({ url, connections, duration, headers }).then((r) => {
    const line = {
      title,
      'req/s': Math.round(r.requests.average),
      'p50 ms': r.latency.p50,
      'p99 ms': r.latency.p99,
      non2xx: r.non2xx,
      errors: r.errors,
    };
    console.log(line);
    return line;
  });
}

const apiServer = await startApi();
const hello = await startHello();
const services = await fetch(`${apiServer.url}/v1/services`, {
  headers: { Authorization: `Bearer ${apiServer.seed.publishableKey}` },
}).then((r) => r.json());
const haircut = services.data.find((s) => s.name === 'Haircut');
// One week of a 2-resource service: what the widget asks for when it opens.
const path = `/v1/availability?service=${haircut.id}&from=${dateIn(1)}&to=${dateIn(7)}`;
const sample = await fetch(`${apiServer.url}${path}`, {
  headers: { Authorization: `Bearer ${apiServer.seed.publishableKey}` },
}).then((r) => r.json());
console.log(
  `availability: ${sample.slots.length} slots over 7 days; ${connections} connections, ${duration} s each`,
);

const baseline = await run('bare Hono hello', `${hello.url}/hello`);
const availability = await run('GET /v1/availability', `${apiServer.url}${path}`, {
  Authorization: `Bearer ${apiServer.seed.publishableKey}`,
});
console.log(
  `ratio availability / hello: ${((availability['req/s'] / baseline['req/s']) * 100).toFixed(1)} % ` +
    `(aim >= 35 %), availability p99 ${availability['p99 ms']} ms (aim <= 25 ms)`,
);
await hello.close();
await apiServer.close();
