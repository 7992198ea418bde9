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

describe('clientAddress groups IPv6 by /64', () => {
  const through = (address: string) => addressFor(1, address);

  it('keeps IPv4 per address, and an IPv4-mapped IPv6 address as the IPv4 address it carries', async () => {
    expect(await through('203.0.113.7')).toBe('203.0.113.7');
    expect(await through('203.0.113.8')).toBe('203.0.113.8');
    expect(await through('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(await through('::FFFF:cb00:7107')).toBe('203.0.113.7');
    expect(await through('203.0.113.7:51234')).toBe('203.0.113.7');
  });

  it('counts every address of one /64 as one client, whatever the spelling, and other /64s apart', async () => {
    const same = [
      '2001:db8::1',
      '2001:db8::2',
      '2001:0db8:0000:0000:0000:0000:0000:0001',
      '2001:DB8:0:0:ffff:ffff:ffff:ffff',
      '2001:db8::1%eth0',
      '2001:db8::abcd%en0',
      '[2001:db8::3]:443',
    ];
    for (const address of same) expect(await through(address), address).toBe('2001:db8::/64');
    expect(await through('2001:db8:0:1::1')).toBe('2001:db8:0:1::/64');
    expect(await through('2001:db8:0:1::1')).not.toBe(await through('2001:db8::1'));
    expect(await through('::1')).toBe('::/64');
    expect(await through('fe80::1%eth0')).toBe('fe80::/64');
  });

  it('passes anything that is not an address through unchanged', async () => {
    expect(await through('unknown')).toBe('unknown');
    expect(await addressFor(false)).toBe('unknown');
  });
});
