/**
 * @module When resources work: weekly hours, date overrides, business closures and time off.
 * Hours are wall-clock times in the business's zone; time off is a pair of instants.
 */
import * as z from 'zod/mini';
import { Id, Instant, LocalDate, LocalTime, text } from './common.js';

const minutesOf = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

/** A working interval within one day, `start` before `end` (`end` may be `24:00`). */
export const TimeInterval = z.object({ start: LocalTime, end: LocalTime }).check(
  z.refine((i) => minutesOf(i.start) < minutesOf(i.end), {
    message: 'start must be before end',
    path: ['end'],
  }),
);
export type TimeInterval = z.infer<typeof TimeInterval>;

/** Intervals of one day: sorted, non-overlapping, at most 12. */
const DayIntervals = z.array(TimeInterval).check(
  z.maxLength(12),
  z.refine(
    (list) => list.every((iv, i) => i === 0 || minutesOf(list[i - 1]!.end) <= minutesOf(iv.start)),
    'intervals must be sorted and must not overlap',
  ),
);

export { type Weekday, weekdays } from '../time/weekdays.js';

/** Weekly hours: for each weekday its intervals; a missing or empty day is closed. */
export const WeeklyHours = z.strictObject({
  mon: z.optional(DayIntervals),
  tue: z.optional(DayIntervals),
  wed: z.optional(DayIntervals),
  thu: z.optional(DayIntervals),
  fri: z.optional(DayIntervals),
  sat: z.optional(DayIntervals),
  sun: z.optional(DayIntervals),
});
export type WeeklyHours = z.infer<typeof WeeklyHours>;

/** Special hours on one date for one resource; empty `intervals` means closed that day. */
export const DateOverride = z.object({
  id: Id,
  resourceId: Id,
  date: LocalDate,
  intervals: DayIntervals,
});
export type DateOverride = z.infer<typeof DateOverride>;
export const DateOverrideInput = z.strictObject({ date: LocalDate, intervals: DayIntervals });
export type DateOverrideInput = z.infer<typeof DateOverrideInput>;

/** A business-wide closure over whole dates (inclusive), e.g. a public holiday. */
export const Closure = z.object({
  id: Id,
  startDate: LocalDate,
  endDate: LocalDate,
  reason: z.string(),
});
export type Closure = z.infer<typeof Closure>;
export const ClosureInput = z
  .strictObject({ startDate: LocalDate, endDate: LocalDate, reason: z._default(text(200), '') })
  .check(
    z.refine((c) => c.startDate <= c.endDate, {
      message: 'endDate must not be before startDate',
      path: ['endDate'],
    }),
  );
export type ClosureInput = z.input<typeof ClosureInput>;

/** A resource away between two instants (holiday, sick day, maintenance). */
export const TimeOff = z.object({
  id: Id,
  resourceId: Id,
  start: Instant,
  end: Instant,
  reason: z.string(),
});
export type TimeOff = z.infer<typeof TimeOff>;
export const TimeOffInput = z
  .strictObject({ start: Instant, end: Instant, reason: z._default(text(200), '') })
  .check(z.refine((t) => t.start < t.end, { message: 'end must be after start', path: ['end'] }));
export type TimeOffInput = z.input<typeof TimeOffInput>;
