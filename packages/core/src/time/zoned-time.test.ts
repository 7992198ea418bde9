import { describe, expect, it } from 'vitest';
import { addDays, eachDate, weekdayOf } from './local-date.js';
import { offsetMinutes } from './zone-offsets.js';
import { instantToZoned, zonedToInstant } from './zoned-time.js';

const at = (iso: string) => Date.parse(iso);
const hm = (h: number, m = 0) => h * 60 + m;
const isoOf = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

describe('zonedToInstant across DST changes', () => {
  it('Europe/London: 01:00–01:59 is skipped on 29 March 2026 and 01:00–01:59 repeats on 25 October', () => {
    const z = 'Europe/London';
    expect(isoOf(zonedToInstant('2026-03-29', hm(0, 59), z))).toBe('2026-03-29T00:59:00.000Z');
    expect(zonedToInstant('2026-03-29', hm(1), z)).toBeNull();
    expect(zonedToInstant('2026-03-29', hm(1, 30), z)).toBeNull();
    expect(isoOf(zonedToInstant('2026-03-29', hm(2), z))).toBe('2026-03-29T01:00:00.000Z');
    // Ambiguous: the first occurrence (BST, +01:00) wins.
    expect(isoOf(zonedToInstant('2026-10-25', hm(1), z))).toBe('2026-10-25T00:00:00.000Z');
    expect(isoOf(zonedToInstant('2026-10-25', hm(1, 30), z))).toBe('2026-10-25T00:30:00.000Z');
    expect(isoOf(zonedToInstant('2026-10-25', hm(2), z))).toBe('2026-10-25T02:00:00.000Z');
  });

  it('America/New_York: 02:xx is skipped on 8 March 2026 and 01:xx repeats on 1 November', () => {
    const z = 'America/New_York';
    expect(zonedToInstant('2026-03-08', hm(2, 30), z)).toBeNull();
    expect(isoOf(zonedToInstant('2026-03-08', hm(1, 59), z))).toBe('2026-03-08T06:59:00.000Z');
    expect(isoOf(zonedToInstant('2026-03-08', hm(3), z))).toBe('2026-03-08T07:00:00.000Z');
    expect(isoOf(zonedToInstant('2026-11-01', hm(1, 30), z))).toBe('2026-11-01T05:30:00.000Z');
    expect(isoOf(zonedToInstant('2026-11-01', hm(2), z))).toBe('2026-11-01T07:00:00.000Z');
  });

  it('Australia/Sydney: back in April (02:xx repeats), forward in October (02:xx skipped)', () => {
    const z = 'Australia/Sydney';
    expect(isoOf(zonedToInstant('2026-04-05', hm(2, 30), z))).toBe('2026-04-04T15:30:00.000Z');
    expect(isoOf(zonedToInstant('2026-04-05', hm(3), z))).toBe('2026-04-04T17:00:00.000Z');
    expect(zonedToInstant('2026-10-04', hm(2), z)).toBeNull();
    expect(zonedToInstant('2026-10-04', hm(2, 59), z)).toBeNull();
    expect(isoOf(zonedToInstant('2026-10-04', hm(3), z))).toBe('2026-10-03T16:00:00.000Z');
  });

  it('Asia/Kolkata keeps +05:30 all year', () => {
    expect(isoOf(zonedToInstant('2026-06-01', hm(9), 'Asia/Kolkata'))).toBe('2026-06-01T03:30:00.000Z');
    expect(isoOf(zonedToInstant('2026-12-31', hm(2), 'Asia/Kolkata'))).toBe('2026-12-30T20:30:00.000Z');
    expect(offsetMinutes(at('2026-01-01T00:00:00Z'), 'Asia/Kolkata')).toBe(330);
  });

  it('Pacific/Chatham shifts at 02:45 local between +12:45 and +13:45', () => {
    const z = 'Pacific/Chatham';
    // 27 September 2026: 02:45 jumps to 03:45.
    expect(isoOf(zonedToInstant('2026-09-27', hm(2, 44), z))).toBe('2026-09-26T13:59:00.000Z');
    expect(zonedToInstant('2026-09-27', hm(2, 45), z)).toBeNull();
    expect(zonedToInstant('2026-09-27', hm(3, 30), z)).toBeNull();
    expect(isoOf(zonedToInstant('2026-09-27', hm(3, 45), z))).toBe('2026-09-26T14:00:00.000Z');
    // 5 April 2026: 03:45 falls back to 02:45; 03:00 happens twice, the first at +13:45.
    expect(isoOf(zonedToInstant('2026-04-05', hm(3), z))).toBe('2026-04-04T13:15:00.000Z');
    expect(offsetMinutes(at('2026-04-04T13:59:00Z'), z)).toBe(825);
    expect(offsetMinutes(at('2026-04-04T14:00:00Z'), z)).toBe(765);
  });

  it('maps 24:00 to the next midnight and rejects bad input with a RangeError', () => {
    expect(isoOf(zonedToInstant('2026-12-31', 1440, 'UTC'))).toBe('2027-01-01T00:00:00.000Z');
    expect(() => zonedToInstant('2026-02-30', 0, 'UTC')).toThrow(RangeError);
    expect(() => zonedToInstant('2026-01-01', 1441, 'UTC')).toThrow(RangeError);
    expect(() => zonedToInstant('2026-01-01', 0, 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('instantToZoned', () => {
  it('reads both runs of a repeated hour as the same wall time', () => {
    const z = 'Europe/London';
    expect(instantToZoned(at('2026-10-25T00:30:00Z'), z)).toEqual({
      date: '2026-10-25',
      minutes: 90,
      weekday: 'sun',
    });
    expect(instantToZoned(at('2026-10-25T01:30:00Z'), z)).toEqual({
      date: '2026-10-25',
      minutes: 90,
      weekday: 'sun',
    });
  });

  it('crosses the date line the right way', () => {
    expect(instantToZoned(at('2026-01-01T11:00:00Z'), 'Pacific/Kiritimati')).toEqual({
      date: '2026-01-02',
      minutes: 60,
      weekday: 'fri',
    });
    expect(instantToZoned(at('2026-01-01T11:00:00Z'), 'Pacific/Pago_Pago').date).toBe('2026-01-01');
  });

  it('agrees with Intl for random instants in many zones', () => {
    const zones = [
      'Europe/London',
      'America/Santiago',
      'Australia/Lord_Howe',
      'Asia/Tehran',
      'Africa/Casablanca',
    ];
    const fmt = (zone: string) =>
      new Intl.DateTimeFormat('en-CA', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
      });
    let seed = 7;
    for (let i = 0; i < 400; i++) {
      seed = (seed * 48_271) % 2_147_483_647;
      const ms = at('2024-01-01T00:00:00Z') + (seed % (3 * 365 * 1440)) * 60_000;
      const zone = zones[i % zones.length]!;
      const { date, minutes } = instantToZoned(ms, zone);
      const parts = Object.fromEntries(
        fmt(zone)
          .formatToParts(ms)
          .map((p) => [p.type, p.value]),
      );
      expect(`${date} ${minutes}`).toBe(
        `${parts.year}-${parts.month}-${parts.day} ${Number(parts.hour) * 60 + Number(parts.minute)}`,
      );
    }
  });
});

describe('date helpers', () => {
  it('adds days across month, leap-year and year ends', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('names weekdays and iterates date ranges inclusively', () => {
    expect(weekdayOf('2026-03-29')).toBe('sun');
    expect(weekdayOf('2026-11-23')).toBe('mon');
    expect([...eachDate('2026-12-30', '2027-01-02')]).toEqual([
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
    ]);
    expect([...eachDate('2026-01-02', '2026-01-01')]).toEqual([]);
  });
});
