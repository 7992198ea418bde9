/**
 * @module `GET /v1/availability` under load (autocannon, 100 connections), in the same run as two
 * bare Hono routes on the same server framework: a 5-byte hello-world, and a route answering the
 * very bytes (and headers) the API answered, so that the second ratio measures only the API's own
 * work. Then the uncached path: every request asks for another week, so the answer cache never hits.
 * Needs the built packages: `npx -y pnpm@10.34.8 -r --filter @frontdesk/core --filter @frontdesk/api build`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { dateIn, startApi, startHello, startScript } from './api-server.js';

const duration = Number(process.env.BENCH_SECONDS ?? 10);
const connections = 100;
// `BENCH_PHASES=cached` (comma-separated: hello, bytes, cached, uncached) runs only those phases,
// e.g. to take a CPU profile of one path.
const phases = (process.env.BENCH_PHASES ?? 'hello,bytes,cached,uncached').split(',');
const skipped = { 'req/s': Number.NaN };

function run(title, url, headers = {}, requests = undefined) {
  return autocannon({ url, connections, duration, headers, ...(requests ? { requests } : {}) }).then((r) => {
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

const percent = (part, whole) => `${((part['req/s'] / whole['req/s']) * 100).toFixed(1)} %`;

const apiServer = await startApi();
const publishable = { Authorization: `Bearer ${apiServer.seed.publishableKey}` };
const services = await fetch(`${apiServer.url}/v1/services`, { headers: publishable }).then((r) => r.json());
const haircut = services.data.find((s) => s.name === 'Haircut');
// One week of a 2-resource service: what the widget asks for when it opens.
const path = `/v1/availability?service=${haircut.id}&from=${dateIn(1)}&to=${dateIn(7)}`;
const sampleResponse = await fetch(`${apiServer.url}${path}`, { headers: publishable });
const sampleText = await sampleResponse.text();
const sample = JSON.parse(sampleText);
console.log(
  `availability: ${sample.slots.length} slots over 7 days, ${Buffer.byteLength(sampleText)} bytes; ` +
    `${connections} connections, ${duration} s each`,
);

// The same-bytes baseline answers the API's body with the API's own headers (all but those Node
// writes itself); the request id is a constant of the same length.
const dir = mkdtempSync(join(tmpdir(), 'frontdesk-bytes-'));
const bytesFile = join(dir, 'answer.json');
writeFileSync(bytesFile, sampleText);
const ownHeaders = Object.fromEntries(
  [...sampleResponse.headers].filter(
    ([name]) => !['connection', 'content-length', 'date', 'keep-alive', 'x-request-id'].includes(name),
  ),
);
const hello = await startHello();
const bytes = await startScript('./bytes-server.js', {
  BENCH_BYTES_FILE: bytesFile,
  BENCH_BYTES_HEADERS: JSON.stringify(ownHeaders),
});
const copy = await fetch(`${bytes.url}/bytes`).then((r) => r.text());
if (copy !== sampleText) throw new Error('the same-bytes baseline does not answer the same bytes');

const helloLine = phases.includes('hello')
  ? await run('bare Hono hello (5 B)', `${hello.url}/hello`)
  : skipped;
const bytesLine = phases.includes('bytes')
  ? await run(`bare Hono, same ${Buffer.byteLength(sampleText)} B`, `${bytes.url}/bytes`)
  : skipped;
const cached = phases.includes('cached')
  ? await run('GET /v1/availability (cached)', `${apiServer.url}${path}`, publishable)
  : skipped;

// The uncached path: each request asks for a different week (a secret key with
// `ignoreBookingWindow=true`, so weeks past the 60-day horizon are still computed in full). More
// distinct weeks than the answer cache holds (1,000), asked in turn, so every answer is computed:
// the occupancy query, the engine and JSON serialisation, as after any booking. The catalogue
// stays cached (as it does after a booking).
const secret = { Authorization: `Bearer ${apiServer.seed.secretKey}` };
const weeks = 1500;
let week = 0;
const uncached = phases.includes('uncached')
  ? await run('GET /v1/availability (uncached)', `${apiServer.url}${path}`, secret, [
      {
        setupRequest(request) {
          const start = 1 + (week++ % weeks);
          request.path = `/v1/availability?service=${haircut.id}&from=${dateIn(start)}&to=${dateIn(start + 6)}&ignoreBookingWindow=true`;
          return request;
        },
      },
    ])
  : skipped;

console.log(
  `cached availability / same-bytes Hono: ${percent(cached, bytesLine)} (aim >= 60 %), ` +
    `p99 ${cached['p99 ms']} ms (aim <= 25 ms)`,
);
console.log(`cached availability / hello-world: ${percent(cached, helloLine)}`);
console.log(`uncached availability / same-bytes Hono: ${percent(uncached, bytesLine)} (aim >= 25 %)`);
await hello.close();
await bytes.close();
await apiServer.close();
rmSync(dir, { recursive: true, force: true });
