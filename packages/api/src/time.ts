/**
 * @module Instants on the wire and dates in a business's zone.
 */

/** Epoch milliseconds to ISO-8601 UTC, without `.000` when there are no milliseconds. */
export function toInstant(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The zone's offset from UTC at `ms`, in milliseconds (Lisbon in summer: +3 600 000). */
function offsetAt(ms: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(ms)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(
    parts.year!,
    parts.month! - 1,
    parts.day!,
    parts.hour!,
    parts.minute!,
    parts.second!,
  );
  return asUtc - (ms - (ms % 1000));
}

/** The instant a local date begins in `timeZone` (its first existing minute on a DST day). */
export function startOfLocalDate(date: string, timeZone: string): number {
  const wall = Date.parse(`${date}T00:00:00Z`);
  let guess = wall - offsetAt(wall, timeZone);
  guess = wall - offsetAt(guess, timeZone);
  return guess;
}

/** The local date (`YYYY-MM-DD`) of an instant in `timeZone`. */
export function localDateOf(ms: number, timeZone: string): string {
  return toInstant(ms + offsetAt(ms, timeZone)).slice(0, 10);
}

/** The day after a `YYYY-MM-DD` date. */
export function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
