/**
 * @module Reminder plans against a naive reference (walk the minutes before the start and see
 * which offsets land after the booking was made), and the fate of a reminder as the booking changes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planReminders, reminderFate } from './reminders.js';

const MINUTE = 60_000;

/** The slow, obvious way: for every offset, is the moment `start − offset` after `bookedAt`? */
function naivePlan(start: number, bookedAt: number, offsets: number[]) {
  const out: { offsetMinutes: number; dueAt: number; skipped: boolean }[] = [];
  for (const offsetMinutes of new Set(offsets)) {
    let dueAt = start;
    for (let m = 0; m < offsetMinutes; m++) dueAt -= MINUTE;
    out.push({ offsetMinutes, dueAt, skipped: !(dueAt > bookedAt) });
  }
  return out.sort((a, b) => a.dueAt - b.dueAt);
}

describe('planReminders', () => {
  it('matches the naive reference', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4_000_000_000_000 }),
        fc.integer({ min: -60 * 24 * 40, max: 60 * 24 * 40 }),
        fc.array(fc.integer({ min: 5, max: 43_200 }), { maxLength: 3 }),
        (start, bookedBeforeMinutes, offsets) => {
          const bookedAt = start - bookedBeforeMinutes * MINUTE;
          expect(planReminders({ start, bookedAt, offsetsMinutes: offsets })).toEqual(
            naivePlan(start, bookedAt, offsets),
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('skips a 24 h reminder of a booking made 2 h ahead, keeps the 1 h one', () => {
    const start = Date.parse('2026-03-03T09:00:00Z');
    const plan = planReminders({ start, bookedAt: start - 2 * 60 * MINUTE, offsetsMinutes: [1440, 60] });
    expect(plan.map((r) => [r.offsetMinutes, r.skipped])).toEqual([
      [1440, true],
      [60, false],
    ]);
  });
});

describe('reminderFate', () => {
  const start = Date.parse('2026-03-03T09:00:00Z');
  const reminder = { dueAt: start - 60 * MINUTE, plannedStart: start };
  it('waits, sends when due, and skips what no longer stands', () => {
    expect(reminderFate(reminder, { status: 'confirmed', start }, reminder.dueAt - 1)).toBe('wait');
    expect(reminderFate(reminder, { status: 'confirmed', start }, reminder.dueAt)).toBe('send');
    expect(reminderFate(reminder, { status: 'pending', start }, reminder.dueAt + 1)).toBe('send');
    expect(reminderFate(reminder, { status: 'cancelled', start }, reminder.dueAt)).toBe('skip_cancelled');
    expect(reminderFate(reminder, { status: 'confirmed', start: start + 3_600_000 }, reminder.dueAt)).toBe(
      'skip_moved',
    );
    expect(reminderFate(reminder, { status: 'confirmed', start }, start)).toBe('skip_started');
  });
});
