/**
 * @module The weekly-hours editor: for each weekday, any number of intervals (a lunch break is two),
 * each a pair of time inputs; an empty day is closed. Errors from the API (`mon.1.end`) show next to
 * the interval they are about.
 */
import type { WeeklyHours } from '@frontdesk/sdk/console';
import { t } from '../i18n/index.js';

export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof weekdays)[number];
export type Interval = { start: string; end: string };

export function HoursEditor({
  hours,
  onChange,
  errors = {},
  prefix = '',
}: {
  hours: WeeklyHours;
  onChange: (hours: WeeklyHours) => void;
  errors?: Record<string, string>;
  /** The path of the hours in the API's field errors (`hours.` when nested in a resource). */
  prefix?: string;
}) {
  const setDay = (day: Weekday, intervals: Interval[]) => onChange({ ...hours, [day]: intervals });
  return (
    <div class="hours-editor">
      {weekdays.map((day) => {
        const intervals = (hours[day] ?? []) as Interval[];
        const dayName = t.resources.weekdays[day] ?? day;
        return (
          <fieldset key={day} class="group day">
            <legend>{dayName}</legend>
            {intervals.length === 0 && <p class="hint">{t.resources.closedDay}</p>}
            {intervals.map((interval, i) => {
              const error =
                errors[`${prefix}${day}.${i}.end`] ??
                errors[`${prefix}${day}.${i}.start`] ??
                (i === 0 ? errors[`${prefix}${day}`] : undefined);
              const errorId = `hours-${day}-${i}-error`;
              const update = (change: Partial<Interval>) =>
                setDay(
                  day,
                  intervals.map((iv, j) => (j === i ? { ...iv, ...change } : iv)),
                );
              return (
                <div key={i} class="interval">
                  <label>
                    <span>{t.resources.from}</span>
                    <input
                      type="time"
                      value={interval.start}
                      onInput={(e) => update({ start: (e.currentTarget as HTMLInputElement).value })}
                      aria-invalid={error ? 'true' : undefined}
                      aria-describedby={error ? errorId : undefined}
                    />
                  </label>
                  <label>
                    <span>{t.resources.until}</span>
                    <input
                      type="time"
                      value={interval.end === '24:00' ? '23:59' : interval.end}
                      onInput={(e) => update({ end: (e.currentTarget as HTMLInputElement).value })}
                      aria-invalid={error ? 'true' : undefined}
                      aria-describedby={error ? errorId : undefined}
                    />
                  </label>
                  <button
                    type="button"
                    class="link danger"
                    onClick={() =>
                      setDay(
                        day,
                        intervals.filter((_, j) => j !== i),
                      )
                    }
                  >
                    {t.remove} <span class="sr-only">{t.resources.removeInterval(dayName, i + 1)}</span>
                  </button>
                  {error && (
                    <p class="error" id={errorId}>
                      {error}
                    </p>
                  )}
                </div>
              );
            })}
            <button
              type="button"
              onClick={() => {
                const last = intervals.at(-1);
                setDay(day, [
                  ...intervals,
                  last
                    ? { start: last.end, end: last.end < '18:00' ? '18:00' : '23:00' }
                    : { start: '09:00', end: '17:00' },
                ]);
              }}
            >
              {t.resources.addInterval(dayName)}
            </button>
          </fieldset>
        );
      })}
    </div>
  );
}
