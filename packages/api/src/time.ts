/**
 * @module Instants on the wire and dates in a business's zone. The zone math itself lives in
 * @frontdesk/core (cached offsets, DST rules); this file only adapts it to the API's needs.
 */
import { addDays, instantToZoned, startOfZonedDate } from '@frontdesk/core';

/** Epoch milliseconds to ISO-8601 UTC, without `.000` when there are no milliseconds. */
export function toInstant(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
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
