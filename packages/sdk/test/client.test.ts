/**
 * @module `createClient` settings against the real API: mistakes in them fail at once and clearly,
 * and the forms of `baseUrl` a developer is likely to paste all reach the same API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Transport } from '../src/http/transport.js';
import { createClient, NotFoundError } from '../src/index.js';
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
    expect(() => createClient({ baseUrl, key: 'fd_pk_x', timeout: 0 })).toThrow(/timeout must be/);
    expect(() => createClient({ baseUrl, key: 'fd_pk_x', timeout: 2 ** 31 })).toThrow(/timeout must be/);
  });

  it.each([
    baseUrl,
    `${baseUrl}/`,
    `${baseUrl}/v1`,
    `${baseUrl}/v1/`,
    `${baseUrl}/?from=docs#top`,
    new URL(baseUrl),
  ])('reaches the API with baseUrl %s', async (url) => {
    const client = createClient({ baseUrl: url, key: bench.secretKey });
    await expect(client.business.get()).resolves.toMatchObject({ id: bench.businessId });
  });

  it('encodes ids in paths: an id cannot reach another route', async () => {
    const error = await bench.admin.services.get('../business').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 404 });
    expect(bench.seen.at(-1)?.path).toBe('/v1/services/..%2Fbusiness');
  });

  it('read: response hands back the unread response (for streams); errors still map to classes', async () => {
    // What a streaming resource (the stock stream in @frontdesk/sdk/stock) builds on.
    const transport = new Transport({ baseUrl, key: bench.secretKey });
    const response = await transport.request<Response>({ method: 'GET', path: 'business', read: 'response' });
    expect(response.bodyUsed).toBe(false);
    const reader = response.body!.getReader();
    let text = '';
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      text += new TextDecoder().decode(chunk.value);
    }
    expect(JSON.parse(text)).toMatchObject({ id: bench.businessId });

    const error = await transport
      .request({ method: 'GET', path: 'services/nope', read: 'response' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
  });
});
