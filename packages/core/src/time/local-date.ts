/**
 * @module Calendar dates (`YYYY-MM-DD`) as day numbers, with no zone and no `Date`: pure
 * proleptic-Gregorian arithmetic, so that date loops are exact and cheap in every runtime.
 */
import { type Weekday, weekdays } from './weekdays.js';

export const MS_PER_MINUTE = 60_000;
export const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of a calendar date (H. Hinnant's `days_from_civil`). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The calendar date of a day number (H. Hinnant's `civil_from_days`). */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day number of `YYYY-MM-DD`; throws a `RangeError` for anything that is not a real date. */
export function parseLocalDate(date: string): number {
  const match = datePattern.exec(date);
  if (match) {
    const year = Number(match[1]);
    const month = Number(match[2]);
    const day = Number(match[3]);
    const days = daysFromCivil(year, month, day);
    const back = civilFromDays(days);
    // A round trip rejects 2026-02-30 and month 13, which the arithmetic would silently roll over.
    if (year >= 1 && back.year === year && back.month === month && back.day === day) return days;
  }
  throw new RangeError(`Invalid date "${date}": expected a real calendar date as YYYY-MM-DD`);
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** `YYYY-MM-DD` of a day number. */
export function formatLocalDate(days: number): string {
  const { year, month, day } = civilFromDays(days);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** The weekday of a day number (1970-01-01 was a Thursday). */
export function weekdayOfDay(days: number): Weekday {
  return weekdays[(((days + 3) % 7) + 7) % 7]!;
}

/** The weekday of `YYYY-MM-DD`, e.g. `weekdayOf('2026-03-29') === 'sun'`. */
export function weekdayOf(date: string): Weekday {
  return weekdayOfDay(parseLocalDate(date));
}

/** `date` moved by `days` calendar days (negative goes back), e.g. across month and year ends. */
export function addDays(date: string, days: number): string {
  return formatLocalDate(parseLocalDate(date) + days);
}

/** Every date from `from` to `to`, both included; nothing when `to` is before `from`. */
export function* eachDate(from: string, to: string): Generator<string, void, undefined> {
  const last = parseLocalDate(to);
  for (let day = parseLocalDate(from); day <= last; day++) yield formatLocalDate(day);
}
