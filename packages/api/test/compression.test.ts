/**
 * @module Answers are gzipped for clients that accept it: availability (its cached bytes, with the
 * weak form of its ETag) and the other JSON answers (hono's compress). A client that does not ask
 * gets the same JSON as before, uncompressed.
 */
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers.js';

let t: TestApp;
afterEach(async () => t?.close());

/** A GET with the publishable key, raw: the bytes as sent and the headers. */
async function get(path: string, headers: Record<string, string> = {}) {
  const res = await t.app.request(path, {
    headers: { Authorization: `Bearer ${t.publishableKey}`, ...headers },
  });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

describe('compressed answers', () => {
  it('sends availability gzipped to a client that accepts it, the same JSON, revalidated by either tag', async () => {
    t = await createTestApp();
    const path = `/v1/availability?service=${t.catalog!.serviceIds.haircut}&from=2026-03-02&to=2026-03-31`;
    const plain = await get(path);
    expect(plain.status).toBe(200);
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('vary')).toMatch(/Accept-Encoding/i);
    const strong = plain.headers.get('etag')!;
    expect(strong).toMatch(/^"/);

    // Asked twice, so the second answer comes from the answer cache (its gzip kept with it).
    for (let ask = 0; ask < 2; ask++) {
      const zipped = await get(path, { 'Accept-Encoding': 'gzip, deflate, br' });
      expect(zipped.status).toBe(200);
      expect(zipped.headers.get('content-encoding')).toBe('gzip');
      expect(zipped.headers.get('content-type')).toBe('application/json');
      expect(zipped.headers.get('vary')).toMatch(/Accept-Encoding/i);
      expect(zipped.headers.get('etag')).toBe(`W/${strong}`);
      const json = gunzipSync(zipped.bytes);
      expect(json.equals(plain.bytes)).toBe(true);
      // A month of slots repeats one shape: the wire carries a small part of it.
      expect(plain.bytes.length).toBeGreaterThan(10_000);
      expect(zipped.bytes.length).toBeLessThan(plain.bytes.length / 5);
    }

    for (const tag of [strong, `W/${strong}`]) {
      const again = await get(path, { 'Accept-Encoding': 'gzip', 'If-None-Match': tag });
      expect(again.status).toBe(304);
      expect(again.bytes.length).toBe(0);
    }
  });

  it('gzips other JSON answers when accepted, and leaves them plain otherwise', async () => {
    t = await createTestApp();
    const plain = await get('/v1/services');
    expect(plain.status).toBe(200);
    expect(plain.bytes.length).toBeGreaterThan(1024);
    expect(plain.headers.get('content-encoding')).toBeNull();

    const zipped = await get('/v1/services', { 'Accept-Encoding': 'gzip' });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(JSON.parse(gunzipSync(zipped.bytes).toString())).toEqual(JSON.parse(plain.bytes.toString()));
    expect(zipped.bytes.length).toBeLessThan(plain.bytes.length);
  });
});
