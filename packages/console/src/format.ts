/**
 * @module Dates and times as the business reads them: every instant is shown in the business's
 * zone (the agenda is the shop's day, wherever the owner's laptop is), with the browser's language.
 */
import { addDays, instantToZoned, startOfZonedDate, weekdayOf, zonedToInstant } from '@frontdesk/core/time';

export { addDays, instantToZoned, startOfZonedDate, weekdayOf, zonedToInstant };

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(zone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${zone}|${JSON.stringify(options)}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(undefined, { ...options, timeZone: zone });
    formatters.set(key, found);
  }
  return found;
}

const asMs = (instant: string | number) => (typeof instant === 'number' ? instant : Date.parse(instant));

/** `14:30` */
export const formatTime = (instant: string | number, zone: string) =>
  formatter(zone, { hour: '2-digit', minute: '2-digit' }).format(asMs(instant));

/** `Tue 3 Mar 2026, 14:30` */
export const formatDateTime = (instant: string | number, zone: string) =>
  formatter(zone, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(asMs(instant));

/** A local date (`2026-03-03`) as `Tuesday 3 March 2026`. Formatted at noon UTC: no zone can move it. */
export const formatDate = (date: string, style: 'long' | 'short' = 'long') =>
  formatter(
    'UTC',
    style === 'long'
      ? { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }
      : { weekday: 'short', day: 'numeric', month: 'short' },
  ).format(Date.parse(`${date}T12:00:00Z`));

/** Today's date in `zone`. */
export const todayIn = (zone: string, now = Date.now()) => instantToZoned(now, zone).date;

/** Minutes past midnight of `instant` in `zone`. */
export const minutesIn = (instant: string | number, zone: string) =>
  instantToZoned(asMs(instant), zone).minutes;

/** The Monday of the week of `date`. */
export function mondayOf(date: string): string {
  const order = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
  return addDays(date, -order.indexOf(weekdayOf(date)));
}

/** `HH:MM` of minutes past midnight. */
export const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** `HH:MM` → minutes past midnight. */
export const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** The instant of `date` + `HH:MM` in `zone` as ISO (a skipped DST time moves to the change). */
export function wallToInstant(date: string, time: string, zone: string): string {
  const at =
    zonedToInstant(date, minutesOf(time), zone) ?? startOfZonedDate(date, zone) + minutesOf(time) * 60_000;
  return new Date(at).toISOString().replace('.000Z', 'Z');
}

/** Digits after the point of a currency (2 for EUR, 0 for JPY): what a minor unit is. */
export const currencyDigits = (currency: string) =>
  new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;

/** Money in minor units as `€25.00` in the browser's language. */
export const formatMoney = (amount: number, currency: string) =>
  new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(
    amount / 10 ** currencyDigits(currency),
  );
