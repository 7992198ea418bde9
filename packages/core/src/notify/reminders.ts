/**
 * @module When reminders go out, and whether one still should when its time comes. Pure: times are
 * passed in. The rules (the bugs other schedulers have are why each is spelled out):
 * - a reminder is due at `start − offset`;
 * - it is skipped when the booking was made after that moment (a "24 h before" reminder for a
 *   booking made 2 h ahead is noise);
 * - when it falls due it is sent only if the booking still stands (not cancelled or declined),
 *   still starts at the time it was planned for (a reschedule plans new ones) and has not started.
 */

const MINUTE = 60_000;

export interface PlannedReminder {
  offsetMinutes: number;
  /** Epoch ms. */
  dueAt: number;
  /** True when the booking was made at or after `dueAt`: recorded, never sent. */
  skipped: boolean;
}

/**
 * The reminders of a booking starting at `start`, made at `bookedAt`, for the given offsets (the
 * service's list, else the business's), earliest first.
 *
 * @example
 * planReminders({ start: Date.parse('2026-03-03T09:00Z'), bookedAt: Date.parse('2026-03-03T07:00Z'),
 *   offsetsMinutes: [1440, 60] });
 * // [{ offsetMinutes: 1440, dueAt: …(2 Mar 09:00), skipped: true },
 * //  { offsetMinutes: 60, dueAt: …(3 Mar 08:00), skipped: false }]
 */
export function planReminders(input: {
  start: number;
  bookedAt: number;
  offsetsMinutes: readonly number[];
}): PlannedReminder[] {
  return [...new Set(input.offsetsMinutes)]
    .map((offsetMinutes) => {
      const dueAt = input.start - offsetMinutes * MINUTE;
      return { offsetMinutes, dueAt, skipped: dueAt <= input.bookedAt };
    })
    .sort((a, b) => a.dueAt - b.dueAt);
}

export type ReminderFate = 'send' | 'wait' | 'skip_cancelled' | 'skip_moved' | 'skip_started';

/**
 * What to do with a reminder planned for `plannedStart` at `now`, given the booking as it is now.
 */
export function reminderFate(
  reminder: { dueAt: number; plannedStart: number },
  booking: { status: 'pending' | 'confirmed' | 'cancelled' | 'completed' | 'no_show'; start: number },
  now: number,
): ReminderFate {
  if (booking.status === 'cancelled') return 'skip_cancelled';
  if (booking.start !== reminder.plannedStart) return 'skip_moved';
  if (now >= booking.start) return 'skip_started';
  if (now < reminder.dueAt) return 'wait';
  return 'send';
}
