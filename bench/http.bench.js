/**
 * @module `GET /v1/availability` under load (autocannon, 100 connections), in the same run as two
 * bare Hono routes on the same server framework: a 5-byte hello-world, and a route answering the
 * very bytes (and headers) the API answered, so that the second ratio measures only the API's own
 * work. Then the uncached path: every request asks for another week, so the answer cache never hits.
 * Needs the built packages: `npx -y pnpm@10.34.8 -r --filter @frontdesk/core --filter @frontdesk/api build`.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { dateIn, startApi, startHello, startScript } from './api-server.js';

const duration = Number(process.env.BENCH_SECONDS ?? 10);
const connections = 100;
// `BENCH_PHASES=cached` (comma-separated: hello, bytes, cached, revalidated, uncached) runs only those phases,
// e.g. to take a CPU profile of one path.
const phases = (process.env.BENCH_PHASES ?? 'hello,bytes,cached,revalidated,uncached').split(',');
const skipped = { 'req/s': Number.NaN };

/**
 * CPU time (user + system, ms) the process `pid` has used so far, from /proc (Linux); undefined
 * elsewhere. Per request it is steadier than req/s on a shared machine: it does not count the time
 * the server waited for a core.
 */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return undefined;
  }
}

async function run(title, server, path, headers = {}, requests = undefined) {
  const cpuBefore = cpuMs(server.pid);
  const r = await autocannon({
    url: `${server.url}${path}`,
    connections,
    duration,
    headers,
    ...(requests ? { requests } : {}),
  });
  const cpuAfter = cpuMs(server.pid);
  const line = {
    title,
    'req/s': Math.round(r.requests.average),
    'p50 ms': r.latency.p50,
    'p99 ms': r.latency.p99,
    'server CPU µs/req':
      cpuBefore === undefined ? undefined : Math.round(((cpuAfter - cpuBefore) * 1000) / r.requests.total),
    non2xx: r.non2xx,
    errors: r.errors,
  };
  console.log(line);
  return line;
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

const helloLine = phases.includes('hello') ? await run('bare Hono hello (5 B)', hello, '/hello') : skipped;
const bytesLine = phases.includes('bytes')
  ? await run(`bare Hono, same ${Buffer.byteLength(sampleText)} B`, bytes, '/bytes')
  : skipped;
const cached = phases.includes('cached')
  ? await run('GET /v1/availability (cached)', apiServer, path, publishable)
  : skipped;

// A browser that kept the answer asks again with its ETag (the API answers 304, no body).
const etag = sampleResponse.headers.get('etag');
const revalidated =
  phases.includes('revalidated') && etag !== null
    ? await run('GET /v1/availability (If-None-Match, 304)', apiServer, path, {
        ...publishable,
        'If-None-Match': etag,
      })
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
  ? await run('GET /v1/availability (uncached)', apiServer, path, secret, [
      {
        setupRequest(request) {
          const start = 1 + (week++ % weeks);
          request.path = `/v1/availability?service=${haircut.id}&from=${dateIn(start)}&to=${dateIn(start + 6)}&ignoreBookingWindow=true`;
          return request;
        },
      },
    ])
  : skipped;

const cpuPercent = (part, whole) =>
  `${((whole['server CPU µs/req'] / part['server CPU µs/req']) * 100).toFixed(1)} %`;
console.log(
  `by server CPU per request: cached ${cpuPercent(cached, bytesLine)}, uncached ${cpuPercent(uncached, bytesLine)} of same-bytes`,
);
console.log(
  `cached availability / same-bytes Hono: ${percent(cached, bytesLine)} (aim >= 60 %), ` +
    `p99 ${cached['p99 ms']} ms (aim <= 25 ms)`,
);
console.log(`cached availability / hello-world: ${percent(cached, helloLine)}`);
if (revalidated !== skipped)
  console.log(`304 revalidation / same-bytes Hono: ${percent(revalidated, bytesLine)}`);
console.log(`uncached availability / same-bytes Hono: ${percent(uncached, bytesLine)} (aim >= 25 %)`);
await hello.close();
await bytes.close();
await apiServer.close();
rmSync(dir, { recursive: true, force: true });
