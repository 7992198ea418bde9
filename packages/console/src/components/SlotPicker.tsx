/**
 * @module Picking a free time of a service on one date, from the same availability customers see,
 * but as the business: notice and horizon do not apply (`ignoreBookingWindow`); capacity does.
 * Times are radio buttons: one Tab stop, arrows move between times.
 */
import type { Slot } from '@frontdesk/sdk/console';
import { useId } from 'preact/hooks';
import { desk } from '../api.js';
import { formatTime } from '../format.js';
import { t } from '../i18n/index.js';
import { useLoad } from '../state/load.js';
import { Loadable } from './Loadable.js';

export function SlotPicker({
  service,
  resource,
  date,
  zone,
  value,
  onPick,
  legend,
  error,
}: {
  service: string;
  resource?: string | undefined;
  date: string;
  zone: string;
  value: Slot | null;
  onPick: (slot: Slot) => void;
  legend: string;
  error?: string | undefined;
}) {
  const id = useId();
  const slots = useLoad(
    async () =>
      service
        ? (
            await desk.availability.get({
              service,
              from: date,
              to: date,
              resource,
              ignoreBookingWindow: true,
            })
          ).slots
        : [],
    [service, resource, date],
  );
  return (
    <fieldset class="group slots" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      <Loadable loader={slots}>
        {(list) =>
          list.length === 0 ? (
            <p>{t.newBooking.noTimes}</p>
          ) : (
            <div class="slot-list">
              {list.map((slot) => (
                <label
                  key={slot.start}
                  class={value?.start === slot.start ? 'slot-option checked' : 'slot-option'}
                >
                  <input
                    type="radio"
                    name={`${id}-slot`}
                    value={slot.start}
                    checked={value?.start === slot.start}
                    onChange={() => onPick(slot)}
                  />
                  <span>{formatTime(slot.start, zone)}</span>
                </label>
              ))}
            </div>
          )
        }
      </Loadable>
      {error && (
        <p class="error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
