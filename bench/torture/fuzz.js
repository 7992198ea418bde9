/**
 * @module R3, bad input: M requests from the API's own fuzz generator (test-support/bad-input.js)
 * to every route of the served `/openapi.json`, with both key kinds, over HTTP to P `frontdesk
 * serve` processes: random bodies, ids of this business and of another, edge dates in queries.
 * Generated in batches of 1,000 from `seed + batch` (printed with any violation, for replay with
 * `--seed`). Then: 0 5xx, 0 requests without an answer, every 4xx a problem+json.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { apiRoutes, badRequests } from '../../test-support/bad-input.js';
import { startCluster } from './cluster.js';
import { setUpBusiness } from './fixture.js';
import { call, percentile, runClients, Tally } from './http.js';

const cli = fileURLToPath(new URL('../../packages/api/dist/cli.js', import.meta.url));
const customer = { name: 'Fuzz', email: 'fuzz@example.com' };
const batchSize = 1000;

/** Ids that exist, in this business and in another one, and valid bodies to mix in. */
async function realIds(cluster) {
  const url = cluster.url(0);
  const { publishableKey: pk, secretKey: sk } = cluster.seed;
  const business = await setUpBusiness(url, sk, { products: 1, slotsPerService: 4 });
  const [service] = business.services;
  const [sku] = business.skus;
  const booked = await call(url, pk, 'POST', '/v1/bookings', {
    body: { service: service.id, start: business.slots[0], customer },
  });
  const reserved = await call(url, pk, 'POST', '/v1/reservations', {
    body: { sku, locationId: 'shop', quantity: 1, customer },
  });
  const endpoint = await call(url, sk, 'POST', '/v1/webhook-endpoints', {
    body: { url: 'http://127.0.0.1:9/hook', events: ['*'] },
  });
  const delivery = await call(url, sk, 'POST', `/v1/webhook-endpoints/${endpoint.body.id}/test`, {
    body: {},
  });
  // Another business, made the way an operator makes one.
  const other = JSON.parse(
    execFileSync(
      process.execPath,
      [cli, 'init', '--name', 'Other', '--timezone', 'UTC', '--owner-email', 'other@example.com', '--json'],
      { env: { ...process.env, FRONTDESK_DB_URL: cluster.dbUrl } },
    ).toString(),
  );
  const otherBusiness = await setUpBusiness(url, other.secretKey, {
    capacities: [1],
    products: 0,
    slotsPerService: 1,
  });
  const otherBooking = await call(url, other.publishableKey, 'POST', '/v1/bookings', {
    body: { service: otherBusiness.services[0].id, start: otherBusiness.slots[0], customer },
  });
  for (const [what, answer] of Object.entries({ booked, reserved, endpoint, delivery, otherBooking })) {
    if (answer.status >= 300) throw new Error(`setup: ${what} → ${answer.status} ${answer.text}`);
  }
  return {
    ownIds: [
      service.id,
      service.resourceId,
      booked.body.id,
      reserved.body.id,
      'shop',
      sku,
      endpoint.body.id,
      delivery.body.id,
    ],
    otherIds: [otherBusiness.services[0].id, otherBusiness.services[0].resourceId, otherBooking.body.id],
    samples: [
      { service: service.id, start: business.slots[1], customer },
      { service: business.services[2].id, start: business.slots[2] },
      { sku, locationId: 'shop', quantity: 2, customer },
      { start: business.slots[3] },
      { reason: 'fuzz' },
      { name: 'Fuzz', durationMinutes: 30, resourceIds: [service.resourceId] },
      { eventId: 'fuzz-2', sku, locationId: 'shop', delta: -5 },
      { id: 'shop', name: 'Again' },
      { sku, name: 'Again' },
      { since: '2026-03-01T00:00:00Z' },
      { active: false },
      { active: true, events: ['booking.*'] },
    ],
  };
}

export async function runFuzz({ fuzz, clients, processes, seed }) {
  // The webhook endpoint points at a closed local port (deliveries fail and wait for their retry).
  const cluster = await startCluster({ processes, env: { FRONTDESK_WEBHOOK_ALLOW_PRIVATE: '1' } });
  const { publishableKey: pk, secretKey: sk } = cluster.seed;
  const ids = await realIds(cluster);
  const document = await call(cluster.url(0), undefined, 'GET', '/openapi.json');
  const routes = apiRoutes(document.body);
  const arbitrary = badRequests({ routes, ...ids });
  const tally = new Tally();
  const started = performance.now();
  for (let batch = 0; batch * batchSize < fuzz; batch++) {
    const requests = fc.sample(arbitrary, {
      numRuns: Math.min(batchSize, fuzz - batch * batchSize),
      seed: seed + batch,
    });
    let next = 0;
    await runClients(clients, async (client) => {
      while (next < requests.length) {
        const index = next++;
        const { method, path, headers, body, secret } = requests[index];
        const answer = await call(cluster.url(client), secret ? sk : pk, method, path, { body, headers });
        tally.add(`[seed ${seed + batch} #${index}] ${method} ${path} ${secret ? 'sk' : 'pk'}`, answer);
      }
    });
    if ((batch + 1) % 10 === 0) console.error(`r3: ${tally.requests} of ${fuzz} requests`);
  }
  const seconds = (performance.now() - started) / 1000;
  await cluster.stop();
  cluster.remove();
  return {
    name: 'r3',
    title: `R3 bad input: ${fuzz} requests over ${routes.length} operations, ${processes} processes`,
    seed,
    figures: {
      requests: tally.requests,
      operations: routes.length,
      seconds: Number(seconds.toFixed(1)),
      'requests/s': Math.round(tally.requests / seconds),
      'p99 ms': Number(percentile(tally.latencies, 99).toFixed(1)),
      '5xx': tally.count5xx,
      '4xx not problem+json': tally.countNotProblem,
      'without an answer': tally.networkErrors,
      'server error lines': cluster.errorLines.length,
    },
    statuses: tally.statuses(),
    notes: [`batches of ${batchSize} generated from seeds ${seed}, ${seed + 1}, …`],
    violations: [
      ...tally.serverErrors,
      ...(tally.count5xx > tally.serverErrors.length ? [`${tally.count5xx} 5xx in all`] : []),
      ...tally.notProblem,
      ...(tally.networkErrors > 0 ? [`${tally.networkErrors} requests without an answer`] : []),
      ...cluster.errorLines.map((line) => `server error log: ${line}`),
    ],
  };
}
