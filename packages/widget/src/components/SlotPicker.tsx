/**
 * @module Day, then time: the calendar, the chosen day's times (in the visitor's zone, or the
 * business's at a click), and what to say while the month loads or when it failed.
 */
import type { Slot } from '@frontdesk/core';
import { fullDate, time, zoneName } from '../state/format.js';
import { failureText } from '../state/notice.js';
import type { SlotPicker as PickerState } from '../state/slot-picker.js';
import { Calendar } from './Calendar.js';
import { useEnv } from './env.js';
import { Skeleton } from './Skeleton.js';
import { tracked } from './tracked.js';

export interface SlotPickerProps {
  picker: PickerState;
  onPick: (slot: Slot) => void;
  /** The start being worked on (a hold or reschedule in flight): its button says so. */
  busyStart?: string | null;
}

export const SlotPicker = tracked(({ picker, onPick, busyStart }: SlotPickerProps) => {
  const { t, lang } = useEnv();
  const availability = picker.availability.value;
  const freeDates = picker.freeDates.value;
  const selected = picker.selectedDate.value;
  const zone = picker.zone.value;
  const business = picker.businessZone.value;
  const other = picker.useBusinessZone.value ? picker.myZone : business;

  return (
    <div>
      <Calendar
        focusDate={picker.focusDate.value}
        selectedDate={selected}
        today={picker.today}
        freeDates={freeDates}
        onFocusDate={picker.moveFocus}
        onChoose={picker.choose}
      />
      {availability.status === 'failed' ? (
        <div class="row">
          <p class="err">{failureText(availability.error, t)}</p>
          <button type="button" onClick={() => void picker.refresh()}>
            {t.tryAgain}
          </button>
        </div>
      ) : freeDates && freeDates.size === 0 ? (
        <p class="muted">{t.noDays}</p>
      ) : null}
      {business && business !== picker.myZone ? (
        <div class="row">
          <p class="muted">{t.timesIn(zoneName(zone))}</p>
          {other ? (
            <button
              type="button"
              onClick={() => (picker.useBusinessZone.value = !picker.useBusinessZone.value)}
            >
              {t.useZone(zoneName(other))}
            </button>
          ) : null}
        </div>
      ) : null}
      {selected ? (
        <section aria-labelledby="fd-times">
          <h3 id="fd-times">{t.chooseTime(fullDate(selected, lang))}</h3>
          {availability.status === 'loading' ? (
            <Skeleton rows={2} />
          ) : picker.timesOfSelected.value.length === 0 ? (
            <p class="muted">{t.noTimes}</p>
          ) : (
            <ul class="times">
              {picker.timesOfSelected.value.map((slot) => (
                <li key={slot.start}>
                  <button
                    type="button"
                    aria-busy={busyStart === slot.start ? 'true' : 'false'}
                    aria-disabled={busyStart ? 'true' : 'false'}
                    onClick={() => onPick(slot)}
                  >
                    <time dateTime={slot.start}>{time(slot.start, lang, zone)}</time>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
    </div>
  );
});
