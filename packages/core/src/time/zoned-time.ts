/**
 * @module The public face of zone math: a wall-clock date and time in a zone <-> an instant.
 */

import { dayClock } from './day-clock.js';
import { formatLocalDate, MS_PER_DAY, MS_PER_MINUTE, parseLocalDate, weekdayOfDay } from './local-date.js';
import type { Weekday } from './weekdays.js';
import { zoneOffsets } from './zone-offsets.js';

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
  return dayClock(parseLocalDate(date), zone).toInstant(minutes, 'skip');
}

/**
 * The instant `date` begins in `zone`: its first existing minute (on a day whose midnight is
 * skipped by a DST change, the moment of the change).
 *
 * @example startOfZonedDate('2026-07-03', 'Europe/Lisbon') === Date.parse('2026-07-02T23:00:00Z')
 */
export function startOfZonedDate(date: string, zone: string): number {
  return dayClock(parseLocalDate(date), zone).toInstant(0, 'clamp') as number;
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
