import { describe, expect, it } from 'vitest';
import { addDays, addMonths, dateInZone, monthWeeks, weekdayIndex } from './dates.js';

describe('calendar dates', () => {
  it('rolls days and clamps months the way a calendar reader expects', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15');
  });

  it('lays a month out in Monday-first weeks', () => {
    const weeks = monthWeeks('2026-03-10'); // 1 March 2026 is a Sunday
    expect(weekdayIndex('2026-03-01')).toBe(6);
    expect(weeks[0]).toEqual([null, null, null, null, null, null, '2026-03-01']);
    expect(weeks.at(-1)?.[1]).toBe('2026-03-31');
    expect(weeks.flat().filter(Boolean)).toHaveLength(31);
  });

  it('places an instant on the date of the zone it is viewed from', () => {
    expect(dateInZone('2026-03-29T23:30:00Z', 'Europe/Lisbon')).toBe('2026-03-30');
    expect(dateInZone('2026-03-29T23:30:00Z', 'America/New_York')).toBe('2026-03-29');
  });
});
