/**
 * @module The torture harness: races (r1), kill -9 crashes (r2), bad input (r3) and a soak against
 * the BUILT `frontdesk serve` processes on one libSQL file, each followed by checks of what must
 * hold. Prints a summary table per run and exits 1 on any violation (CI runs `--short` through
 * test/torture/short.test.ts; the long figures are in docs/benchmarks.md).
 *
 *   node bench/torture.js [r1|r2|r3|soak|all] [--short|--long] [--json]
 *
 * Sizes (flags win over the environment, which wins over the preset):
 *   --requests / TORTURE_REQUESTS   r1 requests            short 1,000   long 100,000
 *   --clients  / TORTURE_CLIENTS    r1 and r2 clients      short 16      long 200
 *   --processes/ TORTURE_PROCESSES  servers on the file    short 2       long 4
 *   --slots    / TORTURE_SLOTS      r1 starts per service  short 8       long 24
 *   --kills    / TORTURE_KILLS      r2 kill -9 points      short 5       long 200
 *   --fuzz     / TORTURE_FUZZ       r3 requests            short 2,000   long 100,000
 *   --minutes  / TORTURE_MINUTES    soak length            short 1       long 30
 *   --rate     / TORTURE_RATE       soak requests/s        short 100     long 200
 *   --webhooks / TORTURE_WEBHOOKS   r2 counts webhooks     short 0       long 1 (1 = on; waits for
 *                                   the deliveries a killed worker leased: up to a minute)
 *   --mail     / TORTURE_MAIL       r2 counts mail         short 0       long 1 (1 = on: the servers
 *                                   send to an SMTP server on 127.0.0.1; each acknowledged booking's
 *                                   confirmation must arrive)
 *   --seed     / TORTURE_SEED       the seed every run prints (replay with it)
 * `all` runs r1, r2 and r3 (the soak only when named: it is long by nature).
 */
import { parseArgs } from 'node:util';
import { runCrashes } from './torture/crashes.js';
import { runFuzz } from './torture/fuzz.js';
import { runRaces } from './torture/races.js';
import { printReport } from './torture/report.js';
import { runSoak } from './torture/soak.js';

const presets = {
  short: {
    requests: 1000,
    clients: 16,
    processes: 2,
    slots: 8,
    kills: 5,
    fuzz: 2000,
    minutes: 1,
    rate: 100,
    webhooks: 0,
    mail: 0,
  },
  long: {
    requests: 100_000,
    clients: 200,
    processes: 4,
    slots: 24,
    kills: 200,
    fuzz: 100_000,
    minutes: 30,
    rate: 200,
    webhooks: 1,
    mail: 1,
  },
};
const sizeNames = Object.keys(presets.short);

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    short: { type: 'boolean' },
    long: { type: 'boolean' },
    json: { type: 'boolean' },
    seed: { type: 'string' },
    ...Object.fromEntries(sizeNames.map((name) => [name, { type: 'string' }])),
  },
});
const preset = presets[values.long ? 'long' : 'short'];
const size = Object.fromEntries(
  sizeNames.map((name) => {
    const given = values[name] ?? process.env[`TORTURE_${name.toUpperCase()}`];
    return [name, given === undefined ? preset[name] : Number(given)];
  }),
);
const seed = Number(values.seed ?? process.env.TORTURE_SEED ?? Math.floor(Math.random() * 2 ** 31));
const which = positionals[0] ?? 'all';
const runs = {
  r1: () => runRaces({ ...size, seed }),
  r2: () => runCrashes({ ...size, webhooks: size.webhooks === 1, mail: size.mail === 1, seed }),
  r3: () => runFuzz({ ...size, seed }),
  soak: () => runSoak({ ...size, seed }),
};
const chosen = which === 'all' ? ['r1', 'r2', 'r3'] : [which];
if (!chosen.every((name) => name in runs)) {
  console.error(`usage: node bench/torture.js [r1|r2|r3|soak|all] [--short|--long] [--json]`);
  process.exit(2);
}

console.error(`torture: ${chosen.join(', ')} with seed ${seed} (replay: --seed ${seed})`);
const results = [];
for (const name of chosen) results.push(await runs[name]());
printReport(results, { json: values.json });
process.exit(results.some((r) => r.violations.length > 0) ? 1 : 0);
