/**
 * @module Does Frontdesk slow down as its data grows? Two built `frontdesk serve` processes on
 * 127.0.0.1, one on a large file and one on a small one (both made by generate.js; the demo
 * business of each answers), asked the same requests one at a time, alternating between them so
 * that the machine's load hits both alike. Per kind it prints median and p95 of each and the ratio
 * large / small (aim: ≤ 1.5).
 *
 *   node bench/scale/generate.js --bookings 1000 --businesses 10 --out /tmp/scale-1k.db
 *   node bench/scale/generate.js --bookings 1000000 --businesses 1000 --out /tmp/scale-1m.db
 *   node bench/scale/latency.js --small /tmp/scale-1k.db --large /tmp/scale-1m.db [--rounds 200]
 *
 * Each round asks, on each server: availability of the haircut for one week (after the previous
 * round's booking, so occupancy is read afresh), POST /v1/bookings on a slot that answer offered,
 * GET /v1/bookings (first page), GET /v1/events (first page, and booking.created only), and
 * GET /v1/products/{sku}/stock. Needs the built packages.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const cli = fileURLToPath(new URL('../../packages/api/dist/cli.js', import.meta.url));
const origin = 'http://localhost:8787';
const DAY = 86_400_000;

/** `frontdesk serve` on `file`, on a port of its own choosing; resolves with its URL. */
function serve(file) {
  const child = spawn(process.execPath, [cli, 'serve', '--no-worker'], {
    env: {
      ...process.env,
      FRONTDESK_DB_URL: pathToFileURL(file).href,
      PORT: '0',
      HOST: '127.0.0.1',
      FRONTDESK_RATE_LIMIT: '0',
      FRONTDESK_SECRET_RATE_LIMIT: '0',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  process.on('exit', () => child.kill('SIGKILL'));
  return new Promise((resolve, reject) => {
    let log = '';
    child.once('exit', (code) => reject(new Error(`frontdesk serve exited (${code}):\n${log}`)));
    child.stderr.on('data', (chunk) => {
      log += chunk.toString();
      const match = /"url":"([^"]+)"[^\n]*"msg":"listening"/.exec(log);
      if (match) {
        child.stderr.removeAllListeners('data');
        child.stderr.resume();
        resolve({ url: match[1], stop: () => child.kill('SIGTERM') });
      }
    });
  });
}

/** A site's view of one server: its keys, the haircut service and a product. */
async function connect(file) {
  const keys = JSON.parse(readFileSync(`${file}.keys.json`, 'utf8'));
  const server = await serve(file);
  const request = async (method, path, { key = keys.secretKey, body } = {}) => {
    const started = performance.now();
    const res = await fetch(`${server.url}/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${key}`,
        // A publishable key is used from a page (its origin); a secret key from a server (none).
        ...(key === keys.publishableKey ? { origin } : {}),
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const json = await res.json();
    return { ms: performance.now() - started, status: res.status, json };
  };
  const services = (await request('GET', '/services')).json.data;
  const products = (await request('GET', '/products')).json.data;
  return {
    file,
    server,
    keys,
    request,
    haircut: services.find((s) => s.name === 'Haircut').id,
    sku: products[0].sku,
    times: new Map(),
  };
}

function record(target, kind, answer) {
  if (answer.status >= 400 && answer.status !== 409) {
    throw new Error(
      `${kind} on ${target.file}: ${answer.status} ${JSON.stringify(answer.json).slice(0, 300)}`,
    );
  }
  const list = target.times.get(kind) ?? [];
  list.push(answer.ms);
  target.times.set(kind, list);
  return answer;
}

/** One round of every kind on one server. */
async function round(target, i, random) {
  const from = new Date(Date.now() + (2 + (i % 7) * 7) * DAY).toISOString().slice(0, 10);
  const to = new Date(Date.parse(from) + 6 * DAY).toISOString().slice(0, 10);
  const { keys } = target;
  const slots = record(
    target,
    'availability (a week)',
    await target.request('GET', `/availability?service=${target.haircut}&from=${from}&to=${to}`, {
      key: keys.publishableKey,
    }),
  ).json.slots;
  const slot = slots[Math.floor(random() * slots.length)];
  if (slot) {
    record(
      target,
      'POST /v1/bookings',
      await target.request('POST', '/bookings', {
        key: keys.publishableKey,
        body: {
          service: target.haircut,
          start: slot.start,
          customer: { name: `Latency ${i}`, email: `latency.${i}@example.com` },
        },
      }),
    );
  }
  record(target, 'GET /v1/bookings', await target.request('GET', '/bookings?limit=50'));
  record(target, 'GET /v1/events', await target.request('GET', '/events?limit=50'));
  record(
    target,
    'GET /v1/events?type=booking.created',
    await target.request('GET', '/events?type=booking.created&limit=50'),
  );
  record(
    target,
    'GET /v1/products/{sku}/stock',
    await target.request('GET', `/products/${target.sku}/stock`, { key: keys.publishableKey }),
  );
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: {
      small: { type: 'string' },
      large: { type: 'string' },
      rounds: { type: 'string', default: '200' },
    },
  });
  if (!values.small || !values.large)
    throw new Error('usage: latency.js --small FILE --large FILE [--rounds N]');
  const rounds = Number(values.rounds);
  const small = await connect(values.small);
  const large = await connect(values.large);
  let seed = 7;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  // Warm-up: caches filled, code compiled, on both.
  for (let i = 0; i < 10; i++) for (const t of [small, large]) await round(t, i, random);
  for (const t of [small, large]) t.times.clear();
  for (let i = 0; i < rounds; i++) {
    const order = i % 2 === 0 ? [small, large] : [large, small];
    for (const t of order) await round(t, i, random);
  }
  console.log(`${rounds} rounds, sequential, ${small.file} (small) vs ${large.file} (large)\n`);
  console.log(
    '| request | small median | small p95 | large median | large p95 | large / small (median) | (p95) |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const kind of small.times.keys()) {
    const a = [...small.times.get(kind)].sort((x, y) => x - y);
    const b = [...(large.times.get(kind) ?? [])].sort((x, y) => x - y);
    const [am, ap, bm, bp] = [quantile(a, 0.5), quantile(a, 0.95), quantile(b, 0.5), quantile(b, 0.95)];
    console.log(
      `| ${kind} | ${am.toFixed(2)} ms | ${ap.toFixed(2)} ms | ${bm.toFixed(2)} ms | ${bp.toFixed(2)} ms | ${(bm / am).toFixed(2)}× | ${(bp / ap).toFixed(2)}× |`,
    );
  }
  small.server.stop();
  large.server.stop();
}
