/**
 * @module The month calendar as an ARIA grid (the WAI-ARIA date-picker pattern): one tab stop
 * (roving tabindex), arrows move by day and week, Home/End to the week's ends, PageUp/PageDown by
 * month (with Shift, by year). Each day is a button read as its full date and whether it has times.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import { addDays, addMonths, type IsoDate, monthStart, monthWeeks, weekdayIndex } from '../state/dates.js';
import { fullDate, monthTitle, weekdayNames } from '../state/format.js';
import { useEnv } from './env.js';

export interface CalendarProps {
  focusDate: IsoDate;
  selectedDate: IsoDate | null;
  today: IsoDate;
  /** Dates that have at least one free time; `null` while the month loads. */
  freeDates: Set<IsoDate> | null;
  onFocusDate: (date: IsoDate) => void;
  onChoose: (date: IsoDate) => void;
}

export function Calendar(props: CalendarProps) {
  const { t, lang } = useEnv();
  const grid = useRef<HTMLTableElement>(null);
  const keyboardMove = useRef(false);
  const { focusDate, today, freeDates } = props;
  const firstMonth = monthStart(today);

  // After a key moved the focus date (possibly into another month), move real focus to it — in a
  // layout effect, before the browser handles the next key: the old day's button may be gone.
  useLayoutEffect(() => {
    if (!keyboardMove.current) return;
    keyboardMove.current = false;
    grid.current?.querySelector<HTMLButtonElement>(`[data-date="${focusDate}"]`)?.focus();
  }, [focusDate]);

  const move = (date: IsoDate) => props.onFocusDate(date < today ? today : date);

  const onKeyDown = (event: KeyboardEvent) => {
    // Preact re-renders in a microtask, so by the next key event `focusDate` is the moved-to date.
    const d = focusDate;
    const target: Record<string, () => IsoDate> = {
      ArrowLeft: () => addDays(d, -1),
      ArrowRight: () => addDays(d, 1),
      ArrowUp: () => addDays(d, -7),
      ArrowDown: () => addDays(d, 7),
      Home: () => addDays(d, -weekdayIndex(d)),
      End: () => addDays(d, 6 - weekdayIndex(d)),
      PageUp: () => addMonths(d, event.shiftKey ? -12 : -1),
      PageDown: () => addMonths(d, event.shiftKey ? 12 : 1),
    };
    const next = target[event.key];
    if (!next) return;
    event.preventDefault();
    keyboardMove.current = true;
    move(next());
  };

  const names = weekdayNames(lang);
  const titleId = 'fd-month';
  return (
    <div>
      <div class="row between">
        <button
          type="button"
          aria-label={t.prevMonth}
          disabled={monthStart(focusDate) <= firstMonth}
          onClick={() => move(addMonths(focusDate, -1))}
        >
          <span aria-hidden="true">‹</span>
        </button>
        <h3 id={titleId} aria-live="polite">
          {monthTitle(focusDate, lang)}
        </h3>
        <button type="button" aria-label={t.nextMonth} onClick={() => move(addMonths(focusDate, 1))}>
          <span aria-hidden="true">›</span>
        </button>
      </div>
      <table
        ref={grid}
        class="cal"
        // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the WAI-ARIA date-picker pattern is a table with role grid
        role="grid"
        aria-labelledby={titleId}
        aria-busy={freeDates === null ? 'true' : 'false'}
        onKeyDown={onKeyDown}
      >
        <thead>
          <tr>
            {names.map((n) => (
              <th key={n.long} scope="col" aria-label={n.long}>
                {n.short}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthWeeks(focusDate).map((week) => (
            <tr key={week.find(Boolean)}>
              {week.map((date, i) => (date ? <Day key={date} date={date} {...props} /> : <td key={i} />))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Day({
  date,
  focusDate,
  selectedDate,
  today,
  freeDates,
  onChoose,
  onFocusDate,
}: CalendarProps & { date: IsoDate }) {
  const { t, lang } = useEnv();
  const free = freeDates?.has(date) ?? false;
  const label = fullDate(date, lang);
  return (
    // biome-ignore lint/a11y/useAriaPropsSupportedByRole: inside role=grid a td is a gridcell, which has aria-selected
    <td aria-selected={date === selectedDate ? 'true' : 'false'}>
      <button
        type="button"
        class={`day${free ? ' free' : ''}${date === today ? ' today' : ''}`}
        data-date={date}
        tabIndex={date === focusDate ? 0 : -1}
        aria-label={free ? t.dayFree(label) : t.dayFull(label)}
        aria-disabled={free ? 'false' : 'true'}
        aria-current={date === today ? 'date' : undefined}
        onClick={() => {
          onFocusDate(date);
          if (free) onChoose(date);
        }}
      >
        {Number(date.slice(8))}
      </button>
    </td>
  );
}
