/**
 * @module Where local dates begin in a zone, DST days included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localDateOf, startOfLocalDate, toInstant } from './time.js';

describe('time', () => {
  it('finds where local dates begin, also on DST days', () => {
    expect(toInstant(startOfLocalDate('2026-03-03', 'Europe/Lisbon'))).toBe('2026-03-03T00:00:00Z');
    expect(toInstant(startOfLocalDate('2026-07-03', 'Europe/Lisbon'))).toBe('2026-07-02T23:00:00Z');
    expect(toInstant(startOfLocalDate('2026-03-08', 'America/New_York'))).toBe('2026-03-08T05:00:00Z');
    expect(toInstant(startOfLocalDate('2026-11-01', 'America/New_York'))).toBe('2026-11-01T04:00:00Z');
    expect(toInstant(startOfLocalDate('2026-04-05', 'Australia/Sydney'))).toBe('2026-04-04T13:00:00Z');
    expect(localDateOf(Date.parse('2026-07-02T23:30:00Z'), 'Europe/Lisbon')).toBe('2026-07-03');
    expect(toInstant(Date.parse('2026-03-03T09:00:00.250Z'))).toBe('2026-03-03T09:00:00.250Z');
  });
});

describe('a midnight skipped by DST', () => {
  it('begins the day at the change (Santiago springs forward at 00:00)', () => {
    // 2026-09-06 in America/Santiago: 00:00 -04 jumps to 01:00 -03, so the day begins at 04:00Z.
    expect(toInstant(startOfLocalDate('2026-09-06', 'America/Santiago'))).toBe('2026-09-06T04:00:00Z');
  });
});

describe('toInstant', () => {
  const reference = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

  it('writes what Date#toISOString writes, for any instant (whole seconds, minutes, or not)', () => {
    const instant = fc.integer({ min: -62_198_755_200_000, max: 8_640_000_000_000_000 });
    fc.assert(
      fc.property(instant, fc.constantFrom(1, 1000, 60_000, 900_000), (ms, grid) => {
        const onGrid = Math.floor(ms / grid) * grid;
        expect(toInstant(onGrid)).toBe(reference(onGrid));
      }),
      { numRuns: 20_000 },
    );
  });

  it('keeps each day right when called for one day after another and back', () => {
    const day = 86_400_000;
    const start = Date.parse('2026-12-31T23:45:00Z');
    const seen = [0, 1, 0, 2, -1, 400].map((n) => start + n * day);
    expect(seen.map(toInstant)).toEqual(seen.map(reference));
    expect(toInstant(Date.parse('1970-01-01T00:00:00Z'))).toBe('1970-01-01T00:00:00Z');
    expect(toInstant(-1000)).toBe('1969-12-31T23:59:59Z');
    expect(toInstant(Date.parse('9999-12-31T23:59:59Z'))).toBe('9999-12-31T23:59:59Z');
    expect(toInstant(Date.parse('9999-12-31T23:59:59Z') + 1000)).toBe('+010000-01-01T00:00:00Z');
  });
});
