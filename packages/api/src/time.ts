/**
 * @module Instants on the wire and dates in a business's zone. The zone math itself lives in
 * @frontdesk/core (cached offsets, DST rules); this file only adapts it to the API's needs.
 */
import { addDays, instantToZoned, startOfZonedDate } from '@frontdesk/core';

const DAY_MS = 86_400_000;
/** The last instant `Date` writes with a four-digit year (+010000 after it). */
const LAST_FOUR_DIGIT_YEAR_MS = 253_402_300_799_999;
const twoDigits = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, '0'));
/** The `YYYY-MM-DDT` of the day last written: an answer's slots mostly share a few days. */
let lastDay = Number.NaN;
let lastDayPrefix = '';

/**
 * Epoch milliseconds to ISO-8601 UTC, without `.000` when there are no milliseconds. Whole seconds
 * (every slot and booking time) are written from the day's cached prefix and a table of two-digit
 * numbers: an uncached week of availability writes ~190 instants, and `Date#toISOString` plus the
 * `replace` cost ~0.8 µs each (150 µs an answer, measured), this ~0.1 µs. Anything else takes the
 * `Date` path; `time.test.ts` holds the two to the same output.
 */
export function toInstant(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  const secondOfDay = (ms - day * DAY_MS) / 1000;
  if (!Number.isInteger(secondOfDay) || ms < 0 || ms > LAST_FOUR_DIGIT_YEAR_MS) {
    return new Date(ms).toISOString().replace('.000Z', 'Z');
  }
  if (day !== lastDay) {
    lastDayPrefix = new Date(day * DAY_MS).toISOString().slice(0, 11);
    lastDay = day;
  }
  const hours = twoDigits[Math.floor(secondOfDay / 3600)];
  const minutes = twoDigits[Math.floor(secondOfDay / 60) % 60];
  return `${lastDayPrefix}${hours}:${minutes}:${twoDigits[secondOfDay % 60]}Z`;
}

/** The instant a local date begins in `timeZone` (its first existing minute on a DST day). */
export function startOfLocalDate(date: string, timeZone: string): number {
  return startOfZonedDate(date, timeZone);
}

/** The local date (`YYYY-MM-DD`) of an instant in `timeZone`. */
export function localDateOf(ms: number, timeZone: string): string {
  return instantToZoned(ms, timeZone).date;
}

/** The day after a `YYYY-MM-DD` date. */
export function nextDate(date: string): string {
  return addDays(date, 1);
}
