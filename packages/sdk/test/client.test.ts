/**
 * @module `createClient` settings against the real API: mistakes in them fail at once and clearly,
 * and the forms of `baseUrl` a developer is likely to paste all reach the same API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../src/index.js';
import { type Bench, baseUrl, startBench, stopBench } from './harness.js';

let bench: Bench;
beforeAll(async () => {
  bench = await startBench();
});
afterAll(() => stopBench(bench));

describe('createClient', () => {
  it('refuses a missing key or a relative base URL at once, saying what to pass', () => {
    expect(() => createClient({ baseUrl, key: '' })).toThrow(/key is required/);
    expect(() => createClient({ baseUrl: '/api', key: 'fd_pk_x' })).toThrow(/absolute URL/);
  });

  it.each([baseUrl, `${baseUrl}/`, `${baseUrl}/v1`, `${baseUrl}/v1/`, new URL(baseUrl)])(
    'reaches the API with baseUrl %s',
    async (url) => {
      const client = createClient({ baseUrl: url, key: bench.secretKey });
      await expect(client.business.get()).resolves.toMatchObject({ id: bench.businessId });
    },
  );

  it('encodes ids in paths: an id cannot reach another route', async () => {
    const error = await bench.admin.services.get('../business').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 404 });
    expect(bench.seen.at(-1)?.path).toBe('/v1/services/..%2Fbusiness');
  });
});
