/**
 * @module Property tests of the zone math against `Intl` itself, over every zone the runtime knows
 * and instants from 1990 to 2040: offsets agree, and wall time -> instant -> wall time round-trips
 * with the DST rules (a repeated wall time maps to its first instant, a skipped one to null).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { offsetMinutes } from './zone-offsets.js';
import { instantToZoned, zonedToInstant } from './zoned-time.js';

const zones = Intl.supportedValuesOf('timeZone');
const MIN = 60_000;
const instantArb = fc
  .integer({ min: Date.UTC(1990, 0, 1) / MIN, max: Date.UTC(2040, 0, 1) / MIN })
  .map((minutes) => minutes * MIN);
const zoneArb = fc.constantFrom(...zones);

/** One `Intl` formatter per zone, kept: making one per call was most of this file's time. */
const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** The offset as `Intl` prints it (`GMT+05:45`), in minutes. */
function intlOffset(ms: number, zone: string): number {
  let format = offsetFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
    offsetFormats.set(zone, format);
  }
  const name = format.formatToParts(ms).find((p) => p.type === 'timeZoneName')!.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
}

/** The first offset change (per Intl) within ~8 months after `ms`, to the minute, or null. */
function nextChange(ms: number, zone: string): { at: number; before: number; after: number } | null {
  const before = intlOffset(ms, zone);
  let low = ms;
  let high = ms + 240 * 86_400_000;
  if (intlOffset(high, zone) === before) return null;
  while (high - low > MIN) {
    const mid = low + Math.floor((high - low) / 2 / MIN) * MIN;
    if (intlOffset(mid, zone) === before) low = mid;
    else high = mid;
  }
  return { at: high, before: intlOffset(low, zone), after: intlOffset(high, zone) };
}

describe('zone math against Intl', () => {
  it('offsetMinutes agrees with Intl in every zone', () => {
    fc.assert(
      fc.property(zoneArb, instantArb, (zone, ms) => {
        expect(offsetMinutes(ms, zone)).toBe(intlOffset(ms, zone));
      }),
      { numRuns: 1500 },
    );
  });

  it('agrees just before and at each offset change', () => {
    fc.assert(
      fc.property(zoneArb, instantArb, (zone, ms) => {
        const change = nextChange(ms, zone);
        if (!change) return;
        expect(offsetMinutes(change.at - MIN, zone)).toBe(change.before);
        expect(offsetMinutes(change.at, zone)).toBe(change.after);
      }),
      { numRuns: 300 },
    );
  });

  it('maps wall times around a change: first occurrence when repeated, null when skipped', () => {
    fc.assert(
      fc.property(zoneArb, instantArb, fc.integer({ min: -24, max: 24 }), (zone, ms, step) => {
        const change = nextChange(ms, zone);
        if (!change) return;
        const wall = change.at + (change.before + step * 5) * MIN;
        const date = new Date(wall).toISOString().slice(0, 10);
        const minutes = Math.floor((wall - Date.parse(`${date}T00:00:00Z`)) / MIN);
        // The instants that show this wall time: one under the old offset (before the change), one
        // under the new offset (from the change on).
        const shown = [wall - change.before * MIN, wall - change.after * MIN].filter((t, i) =>
          i === 0 ? t < change.at : t >= change.at,
        );
        expect(zonedToInstant(date, minutes, zone)).toBe(shown.length === 0 ? null : Math.min(...shown));
      }),
      { numRuns: 400 },
    );
  });

  it('round-trips wall time: the first instant of a wall time comes back, a later one maps earlier', () => {
    fc.assert(
      fc.property(zoneArb, instantArb, (zone, ms) => {
        const wall = instantToZoned(ms, zone);
        const back = zonedToInstant(wall.date, wall.minutes, zone);
        expect(back).not.toBeNull();
        expect(back!).toBeLessThanOrEqual(ms);
        expect(instantToZoned(back!, zone)).toEqual(wall);
        // An earlier instant means the wall time repeats: the offset must have gone down in between.
        if (back! < ms) expect(offsetMinutes(back!, zone)).toBeGreaterThan(offsetMinutes(ms, zone));
      }),
      { numRuns: 1500 },
    );
  });
});
