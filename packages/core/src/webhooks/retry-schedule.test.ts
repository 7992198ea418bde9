import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maxRetryAfterMs, parseRetryAfter, webhookRetryDelay, webhookRetryDelays } from './retry-schedule.js';

/** The schedule written out the long way, as the issue states it. */
const naive = ['5s', '5m', '30m', '2h', '5h', '10h', '14h', '20h', '24h'].map((step) => {
  const n = Number(step.slice(0, -1));
  return step.endsWith('s') ? n * 1000 : step.endsWith('m') ? n * 60_000 : n * 3_600_000;
});

describe('webhookRetryDelay', () => {
  it('is the issue’s schedule, about 3 days in all, then nothing', () => {
    expect(webhookRetryDelays).toEqual(naive);
    const total = naive.reduce((a, b) => a + b, 0);
    expect(total / 86_400_000).toBeGreaterThan(3);
    expect(total / 86_400_000).toBeLessThan(3.5);
    expect(webhookRetryDelay(10, 0.5)).toBeNull();
    expect(webhookRetryDelay(0, 0.5)).toBeNull();
    expect(webhookRetryDelay(1, 0.5)).toBe(5000);
  });

  it('stays within ±10 % of the step and is monotonic in the draw', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, r) => {
        const base = naive[n - 1]!;
        const delay = webhookRetryDelay(n, r)!;
        expect(delay).toBeGreaterThanOrEqual(Math.floor(base * 0.9));
        expect(delay).toBeLessThanOrEqual(Math.ceil(base * 1.1));
        expect(webhookRetryDelay(n, Math.min(1, r + 0.01))!).toBeGreaterThanOrEqual(delay);
      }),
    );
  });

  it('waits at least what Retry-After asks, capped at a day', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 10 * 86_400_000 }),
        (n, r, after) => {
          const delay = webhookRetryDelay(n, r, after)!;
          expect(delay).toBe(Math.max(webhookRetryDelay(n, r)!, Math.min(after, maxRetryAfterMs)));
        },
      ),
    );
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-03-02T08:00:00Z');
  it('reads seconds and HTTP dates, and ignores the rest', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Mon, 02 Mar 2026 08:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter('Mon, 02 Mar 2026 07:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});
