/**
 * @module Limits across real processes: two `frontdesk serve` on one database file enforce the
 * rate limit of public writes and the live-hold cap once, not once each; a secret key's budget
 * (the server's, or its own from `POST /v1/keys`) holds across them too.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  removeSeededFiles,
  type ServerProcess,
  seedFile,
  startServer,
  tomorrowAt,
} from './process-helpers.js';

const running: ServerProcess[] = [];
afterEach(async () => {
  for (const server of running.splice(0)) {
    if (server.child.exitCode === null) server.child.kill('SIGKILL');
    await server.exited;
  }
  removeSeededFiles();
});

async function twoServers(dbUrl: string, env: Record<string, string>) {
  const servers = await Promise.all([startServer(dbUrl, env), startServer(dbUrl, env)]);
  running.push(...servers);
  return servers.map((s) => s.url) as [string, string];
}

async function post(url: string, key: string, path: string, body: unknown) {
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return {
    status: res.status,
    headers: res.headers,
    body: (await res.json()) as { id?: string; code?: string },
  };
}

const customer = { name: 'Proc Test', email: 'proc@example.com' };

describe('limits across two processes on one file', () => {
  it('a publishable key and address gets its burst once, not once per process; a secret key its budget', async () => {
    const seed = await seedFile(1000);
    // Publishable: 6 a minute, bursts of 2, one token back every 10 s — far longer than these
    // requests take. Secret keys: 40 a minute.
    const [a, b] = await twoServers(seed.dbUrl, {
      FRONTDESK_RATE_LIMIT: '6',
      FRONTDESK_SECRET_RATE_LIMIT: '40',
    });
    const book = (url: string, key: string) =>
      post(url, key, '/v1/bookings', { service: seed.classId, start: tomorrowAt(10), customer });

    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => book(i % 2 ? a : b, seed.publishableKey)),
    );
    expect(answers.map((x) => x.status).sort()).toEqual([201, 201, 429, 429, 429, 429, 429, 429, 429, 429]);
    for (const refused of answers.filter((x) => x.status === 429)) {
      expect(refused.body.code).toBe('rate_limited');
      const wait = Number(refused.headers.get('retry-after'));
      expect(wait).toBeGreaterThanOrEqual(1);
      expect(wait).toBeLessThanOrEqual(10);
    }

    // The secret key, from the same address: past the publishable limit, up to its own 40.
    const secret = await Promise.all(
      Array.from({ length: 44 }, (_, i) => book(i % 2 ? a : b, seed.secretKey)),
    );
    // 40 a minute is two-thirds of a token a second: at most one more comes back during the run.
    const allowed = secret.filter((x) => x.status === 201).length;
    expect(allowed).toBeGreaterThanOrEqual(40);
    expect(allowed).toBeLessThanOrEqual(41);
    expect(secret.filter((x) => x.status === 429).length).toBe(44 - allowed);

    // A key made with a budget of its own keeps it, across both processes.
    const own = await post(a, seed.secretKey, '/v1/keys', { kind: 'secret', rateLimitPerMinute: 3 });
    expect(own.status).toBe(201);
    const ownKey = (own.body as { secret: string }).secret;
    const limited = await Promise.all(Array.from({ length: 6 }, (_, i) => book(i % 2 ? a : b, ownKey)));
    expect(limited.map((x) => x.status).sort()).toEqual([201, 201, 201, 429, 429, 429]);
    expect(limited.find((x) => x.status === 429)!.headers.get('retry-after')).toMatch(/^(1\d|20)$/);
  }, 60_000);

  it('the live-hold cap counts holds placed through either process', async () => {
    const seed = await seedFile(1);
    const [a, b] = await twoServers(seed.dbUrl, { FRONTDESK_MAX_LIVE_HOLDS: '3' });
    const hold = (url: string, hour: number) =>
      post(url, seed.publishableKey, '/v1/holds', { service: seed.serviceId, start: tomorrowAt(hour) });
    const placed = await Promise.all([
      hold(a, 9),
      hold(b, 10),
      hold(a, 11),
      hold(b, 12),
      hold(a, 13),
      hold(b, 14),
    ]);
    expect(placed.map((x) => x.status).sort()).toEqual([201, 201, 201, 429, 429, 429]);
    const first = placed.find((x) => x.status === 201)!;
    const release = await fetch(`${b}/v1/holds/${first.body.id}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${seed.publishableKey}` },
    });
    expect(release.status).toBe(204);
    expect((await hold(a, 15)).status).toBe(201);
    expect((await hold(b, 16)).status).toBe(429);
  }, 60_000);
});
