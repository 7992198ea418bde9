/**
 * @module Where local dates begin in a zone, DST days included.
 */
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
