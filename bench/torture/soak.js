/**
 * @module Soak: D minutes of mixed load at a steady rate (open loop: requests start on a clock,
 * whether or not earlier ones have answered, at most 500 in flight) over P `frontdesk serve`
 * processes on one file. Every 10 s it samples each server's RSS and open descriptors (/proc) and
 * the database and WAL file sizes; every minute the p99 of that minute. Growth is reported from
 * the end of the warm-up (the first minute, or a fifth of a shorter run) to the last sample; in a
 * run of 5 minutes or more, RSS or descriptors growing by more than 10 % is a violation.
 */
import { processStats, startCluster } from './cluster.js';
import { pick, seededRandom, setUpBusiness, weightedPicker } from './fixture.js';
import { call, percentile, Tally } from './http.js';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runSoak({ minutes, rate, processes, seed }) {
  const random = seededRandom(seed);
  const cluster = await startCluster({ processes });
  const { publishableKey: pk, secretKey: sk } = cluster.seed;
  const business = await setUpBusiness(cluster.url(0), sk, { slotsPerService: 96 });
  const tally = new Tally();
  const live = [];
  let serial = 0;
  const url = () => cluster.url(Math.floor(random() * processes));
  const day = business.slots[0].slice(0, 10);
  const ops = weightedPicker(
    [
      [
        40,
        () =>
          call(
            url(),
            pk,
            'GET',
            `/v1/availability?service=${pick(random, business.services).id}&from=${day}&to=${day}`,
          ),
      ],
      [
        20,
        async () => {
          const answer = await call(url(), pk, 'POST', '/v1/bookings', {
            body: {
              service: pick(random, business.services).id,
              start: pick(random, business.slots),
              customer: { name: 'Soak', email: `soak${serial++}@example.com` },
            },
          });
          if (answer.status === 201) live.push(answer.body.id);
          return answer;
        },
      ],
      [
        10,
        () =>
          live.length === 0
            ? call(url(), pk, 'GET', '/v1/services')
            : call(
                url(),
                sk,
                'POST',
                `/v1/bookings/${live.splice(Math.floor(random() * live.length), 1)[0]}/cancel`,
                {
                  body: {},
                },
              ),
      ],
      [
        10,
        () =>
          call(url(), pk, 'POST', '/v1/holds', {
            body: { service: pick(random, business.services).id, start: pick(random, business.slots) },
          }),
      ],
      [
        10,
        () =>
          call(url(), sk, 'POST', '/v1/stock/adjustments', {
            body: {
              eventId: `soak-${seed}-${serial++}`,
              sku: pick(random, business.skus),
              locationId: 'shop',
              delta: 1,
            },
          }),
      ],
      [10, () => call(url(), pk, 'GET', `/v1/products/${pick(random, business.skus)}/stock`)],
    ],
    random,
  );

  const durationMs = minutes * 60_000;
  const warmupMs = Math.min(60_000, durationMs / 5);
  const samples = [];
  const minutesSeen = [];
  let minuteLatencies = [];
  let inFlight = 0;
  let skipped = 0;
  const started = Date.now();
  const sample = () => {
    const stats = cluster.servers.map((s) => processStats(s.pid));
    samples.push({ at: Date.now() - started, stats, ...cluster.fileSizes() });
  };
  sample();
  let nextSample = 10_000;
  let nextMinute = 60_000;
  const tickMs = 20;
  let sent = 0;
  while (Date.now() - started < durationMs) {
    // Owed from the clock, not from ticks: a late timer sends the requests it missed.
    const owed = Math.floor((rate * (Date.now() - started)) / 1000) - sent;
    for (let i = 0; i < owed; i++) {
      sent++;
      if (inFlight >= 500) {
        skipped++;
        continue;
      }
      inFlight++;
      ops()[1]().then((answer) => {
        inFlight--;
        tally.add('soak', answer);
        minuteLatencies.push(answer.ms);
      });
    }
    const elapsed = Date.now() - started;
    if (elapsed >= nextSample) {
      sample();
      nextSample += 10_000;
    }
    if (elapsed >= nextMinute || elapsed + tickMs >= durationMs) {
      minutesSeen.push({
        requests: minuteLatencies.length,
        p99: Number(percentile(minuteLatencies, 99).toFixed(1)),
      });
      minuteLatencies = [];
      nextMinute += 60_000;
    }
    await sleep(tickMs);
  }
  while (inFlight > 0) await sleep(20);
  sample();
  await cluster.stop();
  cluster.remove();

  const afterWarmup = samples.find((s) => s.at >= warmupMs) ?? samples[0];
  const last = samples.at(-1);
  const growth = (key) =>
    Math.max(
      ...afterWarmup.stats.map((s, i) => (s[key] === 0 ? 0 : (last.stats[i][key] - s[key]) / s[key]) * 100),
    );
  const rssGrowth = growth('rss');
  const fdGrowth = growth('fds');
  const maxWal = Math.max(...samples.map((s) => s.wal));
  const judged = minutes >= 5;
  const mb = (bytes) => Number((bytes / 1048576).toFixed(1));
  return {
    name: 'soak',
    title: `Soak: ${minutes} min at ${rate} requests/s, ${processes} processes`,
    seed,
    figures: {
      requests: tally.requests,
      'not sent (500 in flight)': skipped,
      '5xx': tally.count5xx,
      'without an answer': tally.networkErrors,
      'p99 ms per minute': minutesSeen.map((m) => m.p99).join(' / '),
      'RSS MB after warm-up → end': `${afterWarmup.stats.map((s) => mb(s.rss)).join(', ')} → ${last.stats.map((s) => mb(s.rss)).join(', ')}`,
      'RSS growth % (worst process)': Number(rssGrowth.toFixed(1)),
      'open fds after warm-up → end': `${afterWarmup.stats.map((s) => s.fds).join(', ')} → ${last.stats.map((s) => s.fds).join(', ')}`,
      'WAL MB max / end': `${mb(maxWal)} / ${mb(last.wal)}`,
      'database MB end': mb(last.db),
      'server error lines': cluster.errorLines.length,
    },
    statuses: tally.statuses(),
    notes: [
      `warm-up ${warmupMs / 1000} s; samples every 10 s`,
      ...(judged ? [] : ['shorter than 5 minutes: growth reported, not judged']),
    ],
    violations: [
      ...tally.serverErrors,
      ...tally.notProblem,
      ...(tally.networkErrors > 0
        ? [
            `${tally.networkErrors} requests without an answer: ${JSON.stringify(Object.fromEntries(tally.noAnswer))}`,
          ]
        : []),
      ...(judged && rssGrowth > 10 ? [`RSS grew ${rssGrowth.toFixed(1)} % after warm-up`] : []),
      ...(judged && fdGrowth > 10 ? [`open descriptors grew ${fdGrowth.toFixed(1)} % after warm-up`] : []),
      ...cluster.errorLines.map((line) => `server error log: ${line}`),
    ],
  };
}
