/**
 * @module Calendar feed benchmark: `GET /feeds/{token}.ics` for a resource with 1,000 bookings,
 * as a calendar app asks for it — a full answer (200, the whole VCALENDAR), a revalidation
 * (If-None-Match → 304), and the first answer after the business changed something (the feed is
 * rendered again: what every poll would cost without the per-process copy). The built API serves
 * on 127.0.0.1 in this process; requests are sent one at a time, so each figure is the latency of
 * one answer.
 *
 *   npx -y pnpm@10.34.8 --filter @frontdesk/core --filter @frontdesk/api build
 *   node bench/feed.bench.js            # BENCH_RUNS=200 by default
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const api = await import('../packages/api/dist/index.js');
const runs = Number(process.env.BENCH_RUNS || 200);
const target = 1000;
const quiet = { info() {}, error() {} };

const dir = mkdtempSync(join(tmpdir(), 'frontdesk-feed-bench-'));
const dbUrl = pathToFileURL(join(dir, 'bench.db')).href;
const setup = await api.openDatabase(dbUrl);
await api.migrate(setup);
const demo = await api.seedDemo(setup);
await setup.close();
const server = await api.serve({ url: dbUrl, port: 0, host: '127.0.0.1', rateLimit: false, logger: quiet });

const call = async (method, path, body) => {
  const res = await fetch(server.url + path, {
    method,
    headers: { authorization: `Bearer ${demo.secretKey}`, 'content-type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json();
};

function stats(times) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95), min: sorted[0] };
}

try {
  // The demo's yoga class: 8 seats every two hours in the studio, so 1,000 bookings fit in its
  // 60-day horizon. Names in several scripts, as a real salon's customers have.
  const services = await call('GET', '/v1/services?limit=100');
  const yoga = services.data.find((s) => s.capacity > 1);
  const studio = yoga.resourceIds[0];
  const day = (n) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
  const availability = await call('GET', `/v1/availability?service=${yoga.id}&from=${day(1)}&to=${day(59)}`);
  const names = ['Conceição Gonçalves', '王小明', 'Zoë 😀 Müller', 'Ana Silva'];
  let made = 0;
  const started = performance.now();
  for (const slot of availability.slots) {
    for (let seat = 0; seat < slot.remaining && made < target; seat++, made++) {
      await call('POST', '/v1/bookings', {
        service: yoga.id,
        start: slot.start,
        customer: { name: `${names[made % names.length]} ${made}`, email: `c${made}@example.com` },
      });
    }
  }
  if (made < target) throw new Error(`only ${made} bookings fit`);
  const seeding = performance.now() - started;
  const { url } = await call('POST', `/v1/resources/${studio}/feed`);

  const full = [];
  const revalidate = [];
  const rendered = [];
  let etag = '';
  let bytes = 0;
  let events = 0;
  for (let i = 0; i < 20; i++) await (await fetch(url)).text(); // warm-up
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    const res = await fetch(url);
    const text = await res.text();
    full.push(performance.now() - t);
    etag = res.headers.get('etag');
    bytes = Buffer.byteLength(text);
    events = text.split('BEGIN:VEVENT').length - 1;
    t = performance.now();
    const again = await fetch(url, { headers: { 'if-none-match': etag } });
    await again.text();
    revalidate.push(performance.now() - t);
    if (again.status !== 304) throw new Error(`expected 304, got ${again.status}`);
    // A change to the business (untimed) makes the next answer render the feed again.
    await call('PATCH', '/v1/business', { holdMinutes: 10 + (i % 2) });
    t = performance.now();
    await (await fetch(url)).text();
    rendered.push(performance.now() - t);
  }
  const f = stats(full);
  const r = stats(revalidate);
  const c = stats(rendered);
  console.log(
    `Calendar feed — Node ${process.version}, ${events} events, ${(bytes / 1024).toFixed(0)} KB, ${runs} runs (seeded ${made} bookings in ${(seeding / 1000).toFixed(1)} s)`,
  );
  console.log('| what | median | p95 | min |');
  console.log('| --- | ---: | ---: | ---: |');
  console.log(
    `| GET feed, 200 | ${f.median.toFixed(2)} ms | ${f.p95.toFixed(2)} ms | ${f.min.toFixed(2)} ms |`,
  );
  console.log(
    `| GET feed with If-None-Match, 304 | ${r.median.toFixed(2)} ms | ${r.p95.toFixed(2)} ms | ${r.min.toFixed(2)} ms |`,
  );
  console.log(
    `| GET feed after a change (rendered again), 200 | ${c.median.toFixed(2)} ms | ${c.p95.toFixed(2)} ms | ${c.min.toFixed(2)} ms |`,
  );
} finally {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
