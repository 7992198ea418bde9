/**
 * @module Checking the stored rows availability is computed from before the engine sees them.
 * Every write goes through the core schemas, but a migration, a restore, a row written before a
 * rule existed or a manual edit can still leave one the engine would throw on (a closure from year
 * 0000, hours of `25:00`, a service of 0 minutes). Such a row is skipped and logged at `warn` with
 * its id: one bad row must never turn every availability answer, hold and booking of its business
 * into a 500. Rows the engine can read are never skipped for being outside today's write rules.
 */
import { DateOverrideInput, WeeklyHours, weekdays } from '@frontdesk/core';
import * as z from 'zod/mini';
import type { Logger } from '../env.js';

/** Where skipped rows are reported. */
export type RowLogger = Pick<Logger, 'warn'>;

const skipped = (log: RowLogger, table: string, id: string, field: string, problem: string) =>
  log.warn('skipped a stored row that availability cannot use', { table, id, field, problem });

function usable(schema: z.ZodMiniType, value: unknown, table: string, id: string, log: RowLogger): boolean {
  const result = schema.safeParse(value);
  if (result.success) return true;
  const issue = result.error.issues[0];
  skipped(log, table, id, issue?.path.join('.') ?? '', issue?.message ?? 'invalid');
  return false;
}

/** Any real calendar date `YYYY-MM-DD`, whatever its year. */
const AnyDate = z.iso.date();
const FIRST_DATE = '1970-01-01';
const LAST_DATE = '2100-12-31';

/** A `YYYY-MM-DD` date brought into 1970..2100 (string order is date order at four-digit years). */
export const dateInRange = (date: string) =>
  date < FIRST_DATE ? FIRST_DATE : date > LAST_DATE ? LAST_DATE : date;

/**
 * A closure with its dates brought into 1970..2100, the range writes accept: a closure from
 * `0000-01-01` or until `9999-12-31` still closes every date a customer can book, as its row says.
 * Skipped when a date is not a real date or the range is inverted.
 */
export function usableClosure(
  row: { id: string; startDate: string; endDate: string },
  log: RowLogger,
): { startDate: string; endDate: string } | undefined {
  for (const field of ['startDate', 'endDate'] as const) {
    if (!AnyDate.safeParse(row[field]).success) {
      skipped(log, 'closures', row.id, field, 'Expected a date YYYY-MM-DD');
      return undefined;
    }
  }
  if (row.startDate > row.endDate) {
    skipped(log, 'closures', row.id, 'endDate', 'endDate must not be before startDate');
    return undefined;
  }
  const closure = { startDate: dateInRange(row.startDate), endDate: dateInRange(row.endDate) };
  if (closure.startDate !== row.startDate || closure.endDate !== row.endDate) {
    log.warn('a stored closure lies partly outside 1970..2100; applied within that range', {
      table: 'closures',
      id: row.id,
    });
  }
  return closure;
}

/** An override whose date and intervals parse as a write would have them. */
export function usableOverride(row: { id: string; date: string; intervals: unknown }, log: RowLogger) {
  return usable(
    DateOverrideInput,
    { date: row.date, intervals: row.intervals },
    'date_overrides',
    row.id,
    log,
  );
}

/** Time off of two numeric instants, start before end. */
export function usableTimeOff(row: { id: string; start: number; end: number }, log: RowLogger) {
  if (Number.isSafeInteger(row.start) && Number.isSafeInteger(row.end) && row.start < row.end) return true;
  skipped(log, 'time_off', row.id, 'end', 'Expected instants in epoch milliseconds, start before end');
  return false;
}

/** The engine's own minimums (it throws below them), not the stricter bounds of a write. */
const ServiceRules = z.object({
  durationMinutes: z.int().check(z.gte(1)),
  bufferBeforeMinutes: z.int().check(z.gte(0)),
  bufferAfterMinutes: z.int().check(z.gte(0)),
  slotIntervalMinutes: z.int().check(z.gte(1)),
  minNoticeMinutes: z.int().check(z.gte(0)),
  horizonDays: z.int().check(z.gte(0)),
  capacity: z.int().check(z.gte(1)),
});

/** A service whose rules the engine can use; a skipped one answers as not found. */
export function usableService(row: { id: string } & z.infer<typeof ServiceRules>, log: RowLogger) {
  return usable(ServiceRules, row, 'services', row.id, log);
}

/**
 * A resource's weekly hours; when they do not parse, the days that do are kept and the others are
 * left out (closed), so that one bad day does not close the whole week.
 */
export function usableHours(row: { id: string; hours: unknown }, log: RowLogger): WeeklyHours {
  if (usable(WeeklyHours, row.hours, 'resources', row.id, log)) return row.hours as WeeklyHours;
  const days =
    typeof row.hours === 'object' && row.hours !== null ? (row.hours as Record<string, unknown>) : {};
  const kept: WeeklyHours = {};
  for (const day of weekdays) {
    const value = days[day];
    if (value !== undefined && WeeklyHours.safeParse({ [day]: value }).success) {
      kept[day] = value as WeeklyHours[typeof day];
    }
  }
  return kept;
}
