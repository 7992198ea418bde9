/**
 * @module CPU time per `POST /v1/bookings`, in process (`app.request`, no sockets), by stage: parse,
 * auth, validate, idempotency, check, insert, events, seal, commit, serialize, … — read from
 * `process.cpuUsage()` at each `markStage()` the API passes (packages/api/src/stage-probe.ts; off
 * unless this tool sets it). Stages are timed one booking at a time (each its own transaction and
 * fsync, so the commit stage is the unshared worst case); then the total is timed with 50 bookings
 * in flight (group commit shares BEGIN/COMMIT and the fsync, as under the HTTP bench), and the mail
 * planning the background worker does per booking (letter and .ics rendered into the message
 * table), which the request itself does not wait for.
 *
 * `node bench/booking-cpu.js [checkout…]` (default: this one; each built). With several checkouts it
 * alternates between them in one process, so an old and a new build see the same machine load; a
 * checkout without the probe reports totals only. `BENCH_ROUNDS` (default 5), `BENCH_REQUESTS`
 * (bookings per round, default 960), `BENCH_IDEMPOTENCY=1` sends an `Idempotency-Key` with each.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createBenchClass, rotatingStarts } from './bench-class.js';

const checkouts = process.argv.slice(2);
if (checkouts.length === 0) checkouts.push(fileURLToPath(new URL('..', import.meta.url)));
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const perRound = Number(process.env.BENCH_REQUESTS ?? 960);
const idempotent = process.env.BENCH_IDEMPOTENCY === '1';
/**
 * `BENCH_ONLY=concurrent` skips the by-stage and mail phases, `BENCH_ONLY=mail` the by-stage phase
 * (for a CPU profile of one path).
 */
const only = process.env.BENCH_ONLY;
const quiet = { info() {}, warn() {}, error() {}, debug() {} };
const cpuNow = () => {
  const { user, system } = process.cpuUsage();
  return user + system;
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

let keySerial = 0;
const setups = [];
for (const checkout of checkouts) {
  const dist = join(resolve(checkout), 'packages/api/dist');
  const api = await import(pathToFileURL(join(dist, 'index.js')).href);
  const probeFile = join(dist, 'stage-probe.js');
  const probe = existsSync(probeFile) ? (await import(pathToFileURL(probeFile).href)).stageProbe : undefined;
  const { mailProducer } = await import(pathToFileURL(join(dist, 'mail/producer.js')).href);
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-bcpu-'));
  const database = await api.openDatabase(pathToFileURL(join(dir, 'bench.db')).href);
  await api.migrate(database);
  const seed = await api.seedDemo(database);
  const app = api.createApp({ database, rateLimit: false, secretRateLimit: false, logger: quiet });
  // Content-Length as any HTTP client sends it: without it Hono's bodyLimit must wrap the body
  // stream to count bytes, CPU a real request (HTTP bench, browsers, the SDK) never spends.
  const send = (key, body, extra = {}) => {
    const text = JSON.stringify(body);
    return app.request('http://127.0.0.1/v1/bookings', {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${key}`,
        'Content-Type': 'application/json',
        'Content-Length': String(Buffer.byteLength(text)),
        ...extra,
      },
      body: text,
    });
  };
  const post = (path, body) =>
    app
      .request(`http://127.0.0.1${path}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${seed.secretKey}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      })
      .then((r) => r.json());
  // The HTTP bench's setup: a hall open around the clock, a 1000-seat class, 960 rotating starts.
  const { service } = await createBenchClass(post);
  const starts = rotatingStarts();
  let n = 0;
  const book = async () => {
    const res = await send(
      seed.publishableKey,
      {
        service: service.id,
        start: starts[n++ % starts.length],
        customer: { name: 'Bench Customer', email: 'bench@example.com' },
      },
      idempotent ? { 'Idempotency-Key': `bench-${process.pid}-${keySerial++}` } : {},
    );
    if (res.status !== 201) throw new Error(`booking answered ${res.status}: ${await res.text()}`);
    await res.arrayBuffer();
  };
  const mail = mailProducer(database, { transport: null, from: null, publicUrl: undefined }, quiet);
  for (let i = 0; i < 100; i++) await book(); // warm-up: JIT, prepared statements, caches
  while (await mail.produce(Date.now()));
  await mail.produce(Date.now());
  setups.push({
    checkout,
    probe,
    book,
    mail,
    database,
    dir,
    stages: new Map(),
    flightStages: new Map(),
    serial: [],
    concurrent: [],
    mailCpu: [],
  });
}

for (let round = 0; round < rounds; round++) {
  for (const setup of setups) {
    // One at a time, by stage.
    const sums = new Map();
    let last = 0;
    if (setup.probe) {
      setup.probe.mark = (stage) => {
        const now = cpuNow();
        if (stage !== 'start') sums.set(stage, (sums.get(stage) ?? 0) + now - last);
        last = now;
      };
    }
    let began = cpuNow();
    for (let i = 0; i < (only === undefined ? perRound : 0); i++) {
      await setup.book();
      if (setup.probe) setup.probe.mark('after response');
    }
    if (only === undefined) setup.serial.push((cpuNow() - began) / perRound);
    if (setup.probe) setup.probe.mark = undefined;
    for (const [stage, us] of sums) {
      const list = setup.stages.get(stage) ?? [];
      list.push(us / perRound);
      setup.stages.set(stage, list);
    }
    // 50 in flight: group commit batches them as under HTTP load. Marks now interleave between
    // requests; each span of CPU is charged to the stage whose mark ends it (the code before an
    // await), so the shares stay meaningful while the per-request order does not.
    const flightSums = new Map();
    if (setup.probe) {
      last = cpuNow();
      setup.probe.mark = (stage) => {
        const now = cpuNow();
        flightSums.set(stage, (flightSums.get(stage) ?? 0) + now - last);
        last = now;
      };
    }
    began = cpuNow();
    let left = perRound;
    await Promise.all(
      Array.from({ length: 50 }, async () => {
        while (left-- > 0) await setup.book();
      }),
    );
    setup.concurrent.push((cpuNow() - began) / perRound);
    if (setup.probe) setup.probe.mark = undefined;
    for (const [stage, us] of flightSums) {
      const list = setup.flightStages.get(stage) ?? [];
      list.push(us / perRound);
      setup.flightStages.set(stage, list);
    }
    // The background mail planning of the bookings just made (2 × perRound, or perRound when the
    // one-at-a-time phase was skipped).
    if (only === 'concurrent') continue;
    began = cpuNow();
    while (await setup.mail.produce(Date.now()));
    await setup.mail.produce(Date.now());
    setup.mailCpu.push((cpuNow() - began) / ((only === undefined ? 2 : 1) * perRound));
  }
}

for (const setup of setups) {
  console.log(
    `\n${setup.checkout}${idempotent ? ' (with Idempotency-Key)' : ''}: medians of ${rounds} rounds × ${perRound} bookings`,
  );
  if (setup.stages.size > 0 || setup.flightStages.size > 0) {
    const names = [...new Set([...setup.stages.keys(), ...setup.flightStages.keys()])];
    const sums = [0, 0];
    console.log(`  ${'stage'.padEnd(20)} ${'one at a time'.padStart(14)} ${'50 in flight'.padStart(14)}`);
    for (const stage of names) {
      const cells = [setup.stages, setup.flightStages].map((m, i) => {
        const list = m.get(stage);
        if (!list) return '—'.padStart(14);
        const us = median(list);
        sums[i] += us;
        return `${us.toFixed(1)} µs`.padStart(14);
      });
      console.log(`  ${stage.padEnd(20)} ${cells.join(' ')}`);
    }
    console.log(
      `  ${'sum of stages'.padEnd(20)} ${sums.map((us) => `${us.toFixed(1)} µs`.padStart(14)).join(' ')}`,
    );
  }
  if (setup.serial.length > 0)
    console.log(`  one at a time:       ${median(setup.serial).toFixed(1).padStart(7)} µs CPU/booking`);
  console.log(`  50 in flight:        ${median(setup.concurrent).toFixed(1).padStart(7)} µs CPU/booking`);
  if (setup.mailCpu.length > 0)
    console.log(`  mail planning (bg):  ${median(setup.mailCpu).toFixed(1).padStart(7)} µs CPU/booking`);
  await setup.database.close();
  rmSync(setup.dir, { recursive: true, force: true });
}
