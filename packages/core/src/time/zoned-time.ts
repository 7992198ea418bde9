/**
 * @module Wall-clock time in a zone <-> instants. A wall time is held as "wall milliseconds": the
 * epoch milliseconds it would be if the zone were UTC. On a DST change a wall time can be missing
 * (spring forward) or occur twice (fall back); the rules for both live here and nowhere else.
 */
import type { Weekday } from '../schemas/schedule.js';
import { formatLocalDate, MS_PER_DAY, MS_PER_MINUTE, parseLocalDate, weekdayOfDay } from './local-date.js';
import { zoneOffsets } from './zone-offsets.js';

/**
 * Every real offset lies within ±15 h, so the instants of a wall time lie within this distance of
 * its wall milliseconds; a little more keeps the window safe.
 */
const SEARCH_MS = 26 * 3_600_000;

/**
 * What to do with a wall time that does not exist: `skip` answers null (no slot starts there);
 * `clamp` answers the instant of the change, the right reading for the edge of working hours
 * (hours 01:00–04:00 on a day that jumps 01:00→02:00 begin at the jump).
 */
export type GapPolicy = 'skip' | 'clamp';

/**
 * The instant of a wall time in `zone`. An ambiguous wall time (fall back) answers the earlier
 * instant; a missing one answers per `gap`.
 */
export function wallToInstant(wallMs: number, zone: string, gap: GapPolicy): number | null {
  const offsets = zoneOffsets(zone);
  const changes = offsets.changesBetween(wallMs - SEARCH_MS, wallMs + SEARCH_MS);
  const first = offsets.offsetAt(wallMs - SEARCH_MS);
  if (changes.length === 0) return wallMs - first * MS_PER_MINUTE;
  // Each offset in force near the wall time gives a candidate; it is real if the zone agrees.
  let best: number | null = null;
  for (const offset of [first, ...changes.map((c) => c.after)]) {
    const instant = wallMs - offset * MS_PER_MINUTE;
    if (offsets.offsetAt(instant) === offset && (best === null || instant < best)) best = instant;
  }
  if (best !== null || gap === 'skip') return best;
  for (const change of changes) {
    const gapStart = change.at + change.before * MS_PER_MINUTE;
    const gapEnd = change.at + change.after * MS_PER_MINUTE;
    if (wallMs >= gapStart && wallMs < gapEnd) return change.at;
  }
  return wallMs - offsets.offsetAt(wallMs) * MS_PER_MINUTE;
}

/**
 * The single offset (minutes) that converts every wall time of day `day` (00:00 through 24:00) in
 * `zone`, or null when an offset change falls near that day and each time needs `wallToInstant`.
 * The availability engine converts whole days through this fast path.
 */
export function uniformDayOffset(day: number, zone: string): number | null {
  const offsets = zoneOffsets(zone);
  const start = day * MS_PER_DAY;
  if (offsets.changesBetween(start - SEARCH_MS, start + MS_PER_DAY + SEARCH_MS).length > 0) return null;
  return offsets.offsetAt(start);
}

/**
 * The instant of `minutes` past midnight (0–1440; 1440 is the next midnight) on `date` in `zone`,
 * or null when that wall time does not exist (spring forward). An ambiguous wall time (fall back)
 * maps to its first occurrence.
 *
 * @example zonedToInstant('2026-03-29', 90, 'Europe/London') === null // 01:30 is skipped
 */
export function zonedToInstant(date: string, minutes: number, zone: string): number | null {
  if (!Number.isInteger(minutes) || minutes < 0 || minutes > 1440) {
    throw new RangeError(`Invalid minutes of day ${minutes}: expected an integer from 0 to 1440`);
  }
  return wallToInstant(parseLocalDate(date) * MS_PER_DAY + minutes * MS_PER_MINUTE, zone, 'skip');
}

/** A wall-clock reading: the date, whole minutes past midnight (0–1439) and weekday. */
export interface ZonedTime {
  date: string;
  minutes: number;
  weekday: Weekday;
}

/** The wall-clock day number and minute of an instant in `zone` (seconds are dropped). */
export function instantToWall(ms: number, zone: string): { day: number; minutes: number } {
  const wall = ms + zoneOffsets(zone).offsetAt(ms) * MS_PER_MINUTE;
  const day = Math.floor(wall / MS_PER_DAY);
  return { day, minutes: Math.floor((wall - day * MS_PER_DAY) / MS_PER_MINUTE) };
}

/** The wall-clock date, minute of day and weekday of instant `ms` in `zone`. */
export function instantToZoned(ms: number, zone: string): ZonedTime {
  if (!Number.isFinite(ms)) throw new RangeError(`Invalid instant ${ms}`);
  const { day, minutes } = instantToWall(ms, zone);
  return { date: formatLocalDate(day), minutes, weekday: weekdayOfDay(day) };
}
