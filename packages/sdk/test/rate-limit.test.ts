/**
 * @module The API's own rate limit (a real 429 with `Retry-After`) as the SDK surfaces it. Its own
 * file: it needs an API started with a tight limit, and msw serves one API per test file.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { RateLimitError } from '../src/index.js';
import { createSalon } from './fixtures.js';
import { type Bench, startBench, stopBench } from './harness.js';

let bench: Bench;
beforeAll(async () => {
  bench = await startBench({ rateLimit: { limit: 2, windowSeconds: 60, burst: 2 } });
});
afterAll(() => stopBench(bench));

it('a 429 asking for longer than maxRetryAfter surfaces at once as RateLimitError with retryAfter', async () => {
  const { service } = await createSalon(bench.admin);
  const yoga = await service({ capacity: 10 });
  const client = bench.client({ key: bench.publishableKey, retry: { maxRetryAfter: 0 } });
  const hold = () => client.holds.create({ service: yoga.id, start: '2026-03-03T09:00:00Z' });
  await hold();
  await hold();
  const error = await hold().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(RateLimitError);
  expect(error).toMatchObject({ status: 429, code: 'rate_limited', requestId: expect.any(String) });
  expect((error as RateLimitError).retryAfter).toBeGreaterThan(0);
  expect(bench.seen.filter((r) => r.path === '/v1/holds')).toHaveLength(3);
});

it('once the window allows again, the same call succeeds', async () => {
  bench.clock.advance(60_000);
  const { data } = await bench.public.services.list();
  await expect(
    bench.public.holds.create({ service: data[0]!.id, start: '2026-03-03T10:00:00Z' }),
  ).resolves.toMatchObject({
    start: '2026-03-03T10:00:00Z',
  });
});
