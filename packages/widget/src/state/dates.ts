/**
 * @module Calendar arithmetic on plain `YYYY-MM-DD` dates (no zone: a date is a square on the
 * calendar) and the zone-aware bits that place an instant on that calendar, all through `Intl`.
 */

/** `YYYY-MM-DD` */
export type IsoDate = string;

const pad = (n: number) => String(n).padStart(2, '0');

/** Builds a date from numbers; out-of-range days and months roll over like `Date.UTC`. */
export function isoDate(year: number, month: number, day: number): IsoDate {
  const d = new Date(Date.UTC(year, month - 1, day));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function parts(date: IsoDate): { year: number; month: number; day: number } {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const p = parts(date);
  return isoDate(p.year, p.month, p.day + days);
}

/** Same day of another month, clamped to that month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const p = parts(date);
  const last = parts(isoDate(p.year, p.month + months + 1, 0)).day;
  return isoDate(p.year, p.month + months, Math.min(p.day, last));
}

/** Monday = 0 … Sunday = 6. */
export function weekdayIndex(date: IsoDate): number {
  const p = parts(date);
  return (new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay() + 6) % 7;
}

export const monthStart = (date: IsoDate): IsoDate => `${date.slice(0, 8)}01`;
export const monthEnd = (date: IsoDate): IsoDate => addDays(addMonths(monthStart(date), 1), -1);

/** The weeks (Monday first) covering the month of `date`; days outside the month are null. */
export function monthWeeks(date: IsoDate): (IsoDate | null)[][] {
  const first = monthStart(date);
  const last = monthEnd(date);
  const weeks: (IsoDate | null)[][] = [];
  let week: (IsoDate | null)[] = Array.from({ length: weekdayIndex(first) }, () => null);
  for (let d = first; d <= last; d = addDays(d, 1)) {
    week.push(d);
    if (week.length === 7) {
      weeks.push(week);
      week = [];
    }
  }
  if (week.length) weeks.push([...week, ...Array.from({ length: 7 - week.length }, () => null)]);
  return weeks;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar date an instant falls on in `timeZone`. */
export function dateInZone(instant: string | number, timeZone: string): IsoDate {
  let f = dayFormats.get(timeZone);
  if (!f) {
    // en-CA formats as YYYY-MM-DD, which is exactly our IsoDate.
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, f);
  }
  return f.format(new Date(instant));
}

/** The visitor's own zone, as the browser knows it. */
export const visitorZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;
