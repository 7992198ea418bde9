/**
 * @module Wall time -> instant for one day in one zone, prepared once and cached: a day without
 * an offset change nearby converts by one subtraction; a DST day keeps its changes at hand so that
 * each conversion is a few comparisons, never a call to `Intl`. The DST rules live here: a wall
 * time that occurs twice maps to its first occurrence; one that never occurs maps per `GapPolicy`.
 */
import { MS_PER_DAY, MS_PER_MINUTE } from './local-date.js';
import { zoneOffsets } from './zone-offsets.js';

/**
 * Every real offset lies within ±15 h, so the instants of a day's wall times lie within this
 * distance of the day; a little more keeps the window safe.
 */
const SEARCH_MS = 26 * 3_600_000;
/** Past this many cached days for one zone the cache starts over, so memory stays bounded. */
const MAX_DAYS = 10_000;

/**
 * What to do with a wall time that does not exist: `skip` answers null (no slot starts there);
 * `clamp` answers the instant of the change, the right reading for the edge of working hours
 * (hours 01:00–04:00 on a day that jumps 01:00→02:00 begin at the jump).
 */
export type GapPolicy = 'skip' | 'clamp';

export interface DayClock {
  /** The offset (minutes) of the whole day when no change is near it; null on a DST day. */
  readonly offset: number | null;
  /** The instant of `minutes` (0–1440) past the day's wall-clock midnight. */
  toInstant(minutes: number, gap: GapPolicy): number | null;
}

interface Change {
  at: number;
  before: number;
  after: number;
}

function uniformClock(midnight: number, offset: number): DayClock {
  const base = midnight - offset * MS_PER_MINUTE;
  return { offset, toInstant: (minutes) => base + minutes * MS_PER_MINUTE };
}

function shiftingClock(midnight: number, first: number, changes: readonly Change[]): DayClock {
  // Exact for any instant of the day: the changes cover the whole search window.
  const offsetAt = (instant: number) => {
    let offset = first;
    for (const change of changes) if (instant >= change.at) offset = change.after;
    return offset;
  };
  const candidates = [first, ...changes.map((c) => c.after)];
  return {
    offset: null,
    toInstant(minutes, gap) {
      const wall = midnight + minutes * MS_PER_MINUTE;
      // Each offset in force near the day gives a candidate; it is real if the zone agrees.
      let best: number | null = null;
      for (const offset of candidates) {
        const instant = wall - offset * MS_PER_MINUTE;
        if (offsetAt(instant) === offset && (best === null || instant < best)) best = instant;
      }
      if (best !== null || gap === 'skip') return best;
      for (const change of changes) {
        const inGap =
          wall >= change.at + change.before * MS_PER_MINUTE &&
          wall < change.at + change.after * MS_PER_MINUTE;
        if (inGap) return change.at;
      }
      return wall - first * MS_PER_MINUTE;
    },
  };
}

const clocks = new Map<string, Map<number, DayClock>>();

/** The clock of day number `day` (days since 1970-01-01, wall-clock) in `zone`. */
export function dayClock(day: number, zone: string): DayClock {
  let byDay = clocks.get(zone);
  if (!byDay) {
    byDay = new Map();
    clocks.set(zone, byDay);
  }
  let clock = byDay.get(day);
  if (!clock) {
    const offsets = zoneOffsets(zone);
    const midnight = day * MS_PER_DAY;
    const from = midnight - SEARCH_MS;
    const to = midnight + MS_PER_DAY + SEARCH_MS;
    const first = offsets.offsetAt(from);
    clock = offsets.changesWithin(from, to)
      ? shiftingClock(midnight, first, offsets.changesBetween(from, to))
      : uniformClock(midnight, first);
    if (byDay.size >= MAX_DAYS) byDay.clear();
    byDay.set(day, clock);
  }
  return clock;
}
