/**
 * @module Retries against the real API with faults injected by msw: what is retried (reads,
 * creates with an idempotency key), on what (network errors, timeouts, 408/429/5xx), how long it
 * waits (`Retry-After`), and what is never retried (other 4xx, writes without a key, aborts).
 */
import { delay, HttpResponse, http } from 'msw';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, isFrontdeskError, NetworkError, RateLimitError, TimeoutError } from '../src/index.js';
import { type Bench, baseUrl, problemResponse, startBench, stopBench } from './harness.js';

let bench: Bench;
beforeAll(async () => {
  bench = await startBench();
});
afterAll(() => stopBench(bench));
beforeEach(() => {
  bench.seen.length = 0;
});
afterEach(() => bench.server.resetHandlers());

const attempts = (path: string) => bench.seen.filter((r) => r.path === path).length;
const businessUrl = `${baseUrl}/v1/business`;

describe('reads are retried', () => {
  it('after a 503, waiting the Retry-After seconds, then answer', async () => {
    bench.server.use(
      http.get(businessUrl, () => problemResponse(503, 'unavailable', { 'retry-after': '1' }), {
        once: true,
      }),
    );
    const started = performance.now();
    const business = await bench.admin.business.get();
    expect(business.id).toBe(bench.businessId);
    expect(attempts('/v1/business')).toBe(2);
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('after a Retry-After given as an HTTP date', async () => {
    const soon = new Date(Date.now() + 1000).toUTCString();
    bench.server.use(
      http.get(businessUrl, () => problemResponse(429, 'rate_limited', { 'retry-after': soon }), {
        once: true,
      }),
    );
    await expect(bench.admin.business.get()).resolves.toMatchObject({ id: bench.businessId });
    expect(attempts('/v1/business')).toBe(2);
  });

  it('with the usual backoff when Retry-After is unreadable', async () => {
    bench.server.use(
      http.get(businessUrl, () => problemResponse(503, 'unavailable', { 'retry-after': 'soon' }), {
        once: true,
      }),
    );
    const started = performance.now();
    await expect(bench.admin.business.get()).resolves.toMatchObject({ id: bench.businessId });
    expect(attempts('/v1/business')).toBe(2);
    expect(performance.now() - started).toBeLessThan(5000); // not the 10 s maxRetryAfter
  });

  it('not when Retry-After is longer than maxRetryAfter: the RateLimitError says how long', async () => {
    bench.server.use(
      http.get(businessUrl, () => problemResponse(429, 'rate_limited', { 'retry-after': '120' })),
    );
    const error = await bench.admin.business.get().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ status: 429, retryAfter: 120, requestId: 'fault-429' });
    expect(attempts('/v1/business')).toBe(1);
  });

  it('after a dropped connection', async () => {
    bench.server.use(http.get(businessUrl, () => HttpResponse.error(), { once: true }));
    await expect(bench.admin.business.get()).resolves.toMatchObject({ id: bench.businessId });
    expect(attempts('/v1/business')).toBe(2);
  });

  it('tells onRetry about each retry and why', async () => {
    bench.server.use(http.get(businessUrl, () => HttpResponse.error(), { once: true }));
    bench.server.use(http.get(businessUrl, () => problemResponse(503, 'unavailable'), { once: true }));
    const events: unknown[] = [];
    const client = bench.client({ retry: { baseDelay: 1, onRetry: (event) => events.push(event) } });
    await expect(client.business.get()).resolves.toMatchObject({ id: bench.businessId });
    // msw runs the most recently added handler first: the 503, then the dropped connection.
    expect(events).toEqual([
      { attempt: 1, reason: 503 },
      { attempt: 2, reason: 'network' },
    ]);
  });

  it('up to the limit, then a NetworkError', async () => {
    bench.server.use(http.get(businessUrl, () => HttpResponse.error()));
    const client = bench.client({ retry: { limit: 3, baseDelay: 1 } });
    const error = await client.business.get().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ code: 'network_error', status: undefined });
    expect(attempts('/v1/business')).toBe(4);
  });

  it('after a timeout; a slow API with retries off is a TimeoutError', async () => {
    bench.server.use(
      http.get(
        businessUrl,
        async ({ request }) => {
          await delay(300);
          return bench.forward(request);
        },
        { once: true },
      ),
    );
    const client = bench.client({ timeout: 100 });
    await expect(client.business.get()).resolves.toMatchObject({ id: bench.businessId });
    expect(attempts('/v1/business')).toBe(2);

    bench.server.use(
      http.get(businessUrl, async ({ request }) => {
        await delay(300);
        return bench.forward(request);
      }),
    );
    const impatient = bench.client({ timeout: 100, retry: false });
    const error = await impatient.business.get().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ name: 'TimeoutError', code: 'timeout' });
  });

  it('on a 500 that is not problem+json (a proxy page): ApiError internal_error after the retries', async () => {
    bench.server.use(
      http.get(
        businessUrl,
        () =>
          new HttpResponse('<h1>Bad gateway</h1>', { status: 502, headers: { 'content-type': 'text/html' } }),
      ),
    );
    const error = await bench.admin.business.get().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 502, code: 'internal_error' });
    expect(attempts('/v1/business')).toBe(3);
  });
});

describe('answers that are not the API', () => {
  it('a 200 that is not JSON (a captive portal) is a FrontdeskError invalid_response, not a crash later', async () => {
    bench.server.use(
      http.get(
        businessUrl,
        () =>
          new HttpResponse('<html>Sign in to the Wi-Fi</html>', { headers: { 'content-type': 'text/html' } }),
      ),
    );
    const error = await bench.admin.business.get().catch((e: unknown) => e);
    expect(isFrontdeskError(error)).toBe(true);
    expect(error).toMatchObject({ name: 'FrontdeskError', code: 'invalid_response', status: 200 });
    expect((error as Error).message).toContain('text/html');
  });
});

describe('never retried', () => {
  it('other 4xx: the caller must fix the request', async () => {
    await expect(bench.admin.business.update({ holdMinutes: 0 })).rejects.toMatchObject({ status: 422 });
    await expect(bench.public.keys.list()).rejects.toMatchObject({ status: 403 });
    bench.server.use(http.get(businessUrl, () => problemResponse(409, 'invalid_state')));
    await expect(bench.admin.business.get()).rejects.toMatchObject({ status: 409, code: 'invalid_state' });
    expect(bench.seen.length).toBe(3);
  });

  it('a write without an idempotency key, even on 503: repeating could do it twice', async () => {
    bench.server.use(
      http.post(`${baseUrl}/v1/keys`, () => problemResponse(503, 'unavailable'), { once: true }),
    );
    await expect(bench.admin.keys.create({ kind: 'secret' })).rejects.toMatchObject({ status: 503 });
    expect(attempts('/v1/keys')).toBe(1);
  });

  it('a call the caller aborted: it rejects with the abort reason at once', async () => {
    bench.server.use(
      // A hung server: the answer would come after 3 s (never reaching the closed database).
      http.get(businessUrl, async () => {
        await delay(3000);
        return problemResponse(503, 'unavailable');
      }),
    );
    const controller = new AbortController();
    const pending = bench.admin.business.get({ signal: controller.signal });
    setTimeout(() => controller.abort(), 30);
    const started = performance.now();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(performance.now() - started).toBeLessThan(2000); // well before the 3 s answer
    expect(attempts('/v1/business')).toBe(1);
  });

  it('an abort during the backoff wait stops the retries', async () => {
    bench.server.use(
      http.get(businessUrl, () => problemResponse(503, 'unavailable', { 'retry-after': '5' })),
    );
    const controller = new AbortController();
    const pending = bench.admin.business.get({ signal: controller.signal });
    setTimeout(() => controller.abort(new Error('user left')), 50);
    await expect(pending).rejects.toThrow('user left');
    expect(attempts('/v1/business')).toBe(1);
  });
});
