import { describe, expect, it } from 'vitest';
import { WeeklyHours } from './schedule.js';

describe('WeeklyHours', () => {
  it('accepts several sorted intervals a day and rejects overlapping ones', () => {
    expect(
      WeeklyHours.safeParse({
        mon: [
          { start: '09:00', end: '12:00' },
          { start: '13:00', end: '24:00' },
        ],
      }).success,
    ).toBe(true);
    const bad = WeeklyHours.safeParse({
      mon: [
        { start: '09:00', end: '12:00' },
        { start: '11:00', end: '14:00' },
      ],
    });
    expect(bad.success).toBe(false);
    expect(WeeklyHours.safeParse({ mon: [{ start: '25:00', end: '26:00' }] }).success).toBe(false);
    expect(WeeklyHours.safeParse({ funday: [] }).success).toBe(false);
  });
});
