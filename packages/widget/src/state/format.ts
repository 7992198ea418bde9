/**
 * @module Dates, times, zones and prices in the visitor's language, all through `Intl` (cached:
 * building a formatter costs far more than using one).
 */
import { type IsoDate, parts } from './dates.js';

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = lang + JSON.stringify(options);
  let f = cache.get(key);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(lang, options);
    } catch {
      // An invalid `lang` attribute must not break the widget.
      f = new Intl.DateTimeFormat('en', options);
    }
    cache.set(key, f);
  }
  return f;
}

/** A calendar date is a square, not an instant: format it at noon UTC, read in UTC. */
const dateValue = (date: IsoDate) => {
  const p = parts(date);
  return Date.UTC(p.year, p.month - 1, p.day, 12);
};

/** "Tuesday, 3 March 2026" */
export const fullDate = (date: IsoDate, lang: string) =>
  formatter(lang, { dateStyle: 'full', timeZone: 'UTC' }).format(dateValue(date));

/** "March 2026" */
export const monthTitle = (date: IsoDate, lang: string) =>
  formatter(lang, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(dateValue(date));

/** Short and long names of the weekdays, Monday first. */
export const weekdayNames = (lang: string) =>
  Array.from({ length: 7 }, (_, i) => {
    const monday = Date.UTC(2024, 0, 1 + i, 12); // 1 January 2024 was a Monday
    return {
      short: formatter(lang, { weekday: 'short', timeZone: 'UTC' }).format(monday),
      long: formatter(lang, { weekday: 'long', timeZone: 'UTC' }).format(monday),
    };
  });

/** "09:30" or "9:30 AM", as the language writes times. */
export const time = (instant: string, lang: string, timeZone: string) =>
  formatter(lang, { timeStyle: 'short', timeZone }).format(Date.parse(instant));

/** "Tuesday, 3 March 2026 at 09:30" */
export const dateTime = (instant: string, lang: string, timeZone: string) =>
  formatter(lang, { dateStyle: 'full', timeStyle: 'short', timeZone }).format(Date.parse(instant));

/** "Lisbon" from "Europe/Lisbon": the place people recognise. */
export const zoneName = (zone: string) => (zone.split('/').pop() ?? zone).replaceAll('_', ' ');

/** "€25.00" */
export function price(amount: number, currency: string, lang: string): string {
  try {
    const f = new Intl.NumberFormat(lang, { style: 'currency', currency });
    // Minor units: cents for EUR, none for JPY — the currency's own number of decimals.
    return f.format(amount / 10 ** (f.resolvedOptions().maximumFractionDigits ?? 2));
  } catch {
    return `${(amount / 100).toFixed(2)} ${currency}`;
  }
}

/** "4:05" for a countdown. */
export const minutesSeconds = (seconds: number) =>
  `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
