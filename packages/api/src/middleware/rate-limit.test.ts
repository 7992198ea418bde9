/**
 * @module Which client address the rate limit counts, with and without trusted proxies.
 */
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../env.js';
import { clientAddress } from './rate-limit.js';

async function addressFor(trustProxy: boolean | number, forwardedFor?: string) {
  const app = new Hono<AppEnv>();
  app.get('/', (c) => c.text(clientAddress(c, trustProxy)));
  const res = await app.request('/', { headers: forwardedFor ? { 'X-Forwarded-For': forwardedFor } : {} });
  return res.text();
}

describe('clientAddress', () => {
  it('ignores X-Forwarded-For unless proxies are trusted, then takes the address n hops from the right', async () => {
    // No socket in-process: the fallback is "unknown", and a forged header must not change it.
    expect(await addressFor(false, '6.6.6.6')).toBe('unknown');
    expect(await addressFor(1, '6.6.6.6, 203.0.113.7')).toBe('203.0.113.7');
    expect(await addressFor(2, '6.6.6.6, 203.0.113.7, 10.0.0.2')).toBe('203.0.113.7');
    expect(await addressFor(true, '203.0.113.9')).toBe('203.0.113.9');
    // Fewer entries than trusted proxies: none is trustworthy, so the socket address counts.
    expect(await addressFor(3, '203.0.113.9')).toBe('unknown');
    expect(await addressFor(2, '6.6.6.6')).toBe('unknown');
  });
});
