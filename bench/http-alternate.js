/**
 * @module Server CPU per request of several builds under the same HTTP load, alternating in short
 * bursts: each checkout's BUILT `frontdesk serve` runs in its own process on its own seeded file
 * (all at once), and autocannon drives one, then the next, round after round. CPU time comes from
 * `/proc/PID/stat` (Linux), so it counts the server alone; the median of the rounds' ratios
 * compares builds under the same moment's load, which on a shared machine moves more between runs
 * minutes apart than the change being measured.
 *
 * `node bench/http-alternate.js cached|uncached|bookings|messages [checkout…]` (default: this one).
 * - `cached`: `GET /v1/availability` of the Haircut, the same week every time (publishable key), as
 *   `http.bench.js`'s cached phase: the answer cache hits.
 * - `uncached`: `GET /v1/availability` of the Haircut, every request another of 1,500 weeks
 *   (secret key, `ignoreBookingWindow=true`), as `http.bench.js`'s uncached phase; a warm-up pass
 *   of all weeks first (each week's zone offsets are sampled once, as on a long-running server).
 * - `bookings`: `POST /v1/bookings` of a 1,000-seat class on 960 rotating starts, as
 *   `bookings.bench.js`, with the background worker as `frontdesk serve` runs it (its mail planning
 *   counts); `BENCH_NO_WORKER=1` serves with `--no-worker` (the request path alone).
 * - `messages`: `GET /v1/messages?limit=100` (secret key), a page of 100 confirmations of 200
 *   bookings made first (no SMTP: kept `not_sent`, each with its preview).
 * `BENCH_ROUNDS` (default 8), `BENCH_SECONDS` per burst (default 2), `BENCH_CONNECTIONS` (default
 * 50).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { createBenchClass, rotatingStarts } from './bench-class.js';

const [mode, ...given] = process.argv.slice(2);
if (!['cached', 'uncached', 'bookings', 'messages'].includes(mode))
  throw new Error('usage: http-alternate.js cached|uncached|bookings|messages [checkout…]');
const checkouts = given.length > 0 ? given : [fileURLToPath(new URL('..', import.meta.url))];
const rounds = Number(process.env.BENCH_ROUNDS ?? 8);
const seconds = Number(process.env.BENCH_SECONDS ?? 2);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const dateIn = (days) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** CPU ms the process has used so far (USER_HZ is 100 on Linux). */
function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function freePort() {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
}

async function startCheckout(checkout) {
  const root = resolve(checkout);
  const api = await import(pathToFileURL(join(root, 'packages/api/dist/index.js')).href);
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-alt-'));
  const dbUrl = pathToFileURL(join(dir, 'bench.db')).href;
  const seeding = await api.openDatabase(dbUrl);
  await api.migrate(seeding);
  const seed = await api.seedDemo(seeding);
  await seeding.close();
  const port = await freePort();
  const args = [
    join(root, 'packages/api/dist/cli.js'),
    'serve',
    ...(process.env.BENCH_NO_WORKER === '1' ? ['--no-worker'] : []),
  ];
  const child = spawn(process.execPath, args, {
    env: {
      ...process.env,
      FRONTDESK_DB_URL: dbUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      FRONTDESK_RATE_LIMIT: '0',
      FRONTDESK_SECRET_RATE_LIMIT: '0',
    },
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    const up = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const secret = { Authorization: `Bearer ${seed.secretKey}`, 'Content-Type': 'application/json' };
  const post = (path, body) =>
    fetch(`${url}${path}`, { method: 'POST', headers: secret, body: JSON.stringify(body) }).then((r) =>
      r.json(),
    );
  let request;
  if (mode === 'cached') {
    const publishable = { Authorization: `Bearer ${seed.publishableKey}` };
    const services = await fetch(`${url}/v1/services`, { headers: publishable }).then((r) => r.json());
    const haircut = services.data.find((s) => s.name === 'Haircut');
    request = {
      headers: publishable,
      path: `/v1/availability?service=${haircut.id}&from=${dateIn(1)}&to=${dateIn(7)}`,
    };
  } else if (mode === 'uncached') {
    const services = await fetch(`${url}/v1/services`, { headers: secret }).then((r) => r.json());
    const haircut = services.data.find((s) => s.name === 'Haircut');
    let week = 0;
    request = {
      headers: secret,
      setupRequest(req) {
        const start = 1 + (week++ % 1500);
        req.path = `/v1/availability?service=${haircut.id}&from=${dateIn(start)}&to=${dateIn(start + 6)}&ignoreBookingWindow=true`;
        return req;
      },
    };
  } else if (mode === 'messages') {
    const { service: klass } = await createBenchClass(post);
    const starts = rotatingStarts();
    const publishable = {
      Authorization: `Bearer ${seed.publishableKey}`,
      'Content-Type': 'application/json',
    };
    for (let i = 0; i < 200; i++) {
      const body = {
        service: klass.id,
        start: starts[i % starts.length],
        customer: { name: 'Bench Customer', email: 'bench@example.com' },
      };
      const res = await fetch(`${url}/v1/bookings`, {
        method: 'POST',
        headers: publishable,
        body: JSON.stringify(body),
      });
      if (res.status !== 201) throw new Error(`booking: ${res.status} ${await res.text()}`);
    }
    // The worker plans the confirmations in the background: wait until a full page is there.
    for (;;) {
      const page = await fetch(`${url}/v1/messages?limit=100`, { headers: secret }).then((r) => r.json());
      if (page.data.length === 100) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    request = { headers: secret, path: '/v1/messages?limit=100' };
  } else {
    const { service: klass } = await createBenchClass(post);
    const starts = rotatingStarts();
    let n = 0;
    let reported = false;
    request = {
      method: 'POST',
      path: '/v1/bookings',
      headers: { Authorization: `Bearer ${seed.publishableKey}`, 'Content-Type': 'application/json' },
      onResponse: (status, body) => {
        if (status >= 300 && !reported) {
          reported = true;
          console.log(`first non-2xx: ${status} ${body}`);
        }
      },
      setupRequest: (req) => ({
        ...req,
        body: JSON.stringify({
          service: klass.id,
          start: starts[n++ % starts.length],
          customer: { name: 'Bench Customer', email: 'bench@example.com' },
        }),
      }),
    };
  }
  const exited = new Promise((r) => child.once('exit', r));
  return {
    checkout,
    url,
    pid: child.pid,
    request,
    cpu: [],
    close: async () => {
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function burst(server, options) {
  const before = cpuMs(server.pid);
  const r = await autocannon({ url: server.url, connections, requests: [server.request], ...options });
  const answered = r['2xx'];
  if (r.non2xx > 0) throw new Error(`${server.checkout}: ${r.non2xx} non-2xx answers`);
  // On a loaded machine a request can time out (autocannon's 10 s): said, not fatal.
  if (r.errors > 0) console.log(`${server.checkout}: ${r.errors} errors (${r.timeouts} timeouts)`);
  return {
    cpuUs: ((cpuMs(server.pid) - before) * 1000) / answered,
    perSecond: answered / (options.duration ?? 1),
  };
}

const servers = [];
for (const checkout of checkouts) servers.push(await startCheckout(checkout));
// Warm-up, untimed: the JIT, and for availability one pass over every week.
for (const server of servers) await burst(server, mode === 'uncached' ? { amount: 1500 } : { duration: 1 });
for (let round = 0; round < rounds; round++) {
  for (const server of servers) server.cpu.push((await burst(server, { duration: seconds })).cpuUs);
}
const unit = mode === 'bookings' ? 'booking' : 'request';
for (const server of servers) {
  console.log(
    `${server.checkout}: server CPU µs/${unit} median ${median(server.cpu).toFixed(0)}, lowest ` +
      `${Math.min(...server.cpu).toFixed(0)}; rounds ${server.cpu.map((c) => c.toFixed(0)).join(' ')}`,
  );
}
for (const server of servers.slice(1)) {
  const ratios = server.cpu.map((cpu, i) => cpu / servers[0].cpu[i]);
  console.log(
    `${server.checkout} / ${servers[0].checkout}: median ratio ${(median(ratios) * 100).toFixed(1)} %`,
  );
}
for (const server of servers) await server.close();
