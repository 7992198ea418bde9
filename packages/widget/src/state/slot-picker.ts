/**
 * @module State of "pick a day, then a time" for one service: the displayed month, the roving
 * focus date of the calendar, the chosen date, the zone times are shown in, and the month's
 * availability grouped by the day each slot falls on in that zone. Shared by booking and manage.
 */

import type { Availability, Slot } from '@frontdesk/core';
import { batch, computed, signal } from '@preact/signals-core';
import type { ApiClient } from './api-client.js';
import { addDays, addMonths, dateInZone, type IsoDate, monthEnd, monthStart, visitorZone } from './dates.js';
import { idle, loading, type Remote } from './remote.js';

export type SlotPicker = ReturnType<typeof createSlotPicker>;

/**
 * @example
 * const picker = createSlotPicker(api, () => Date.now());
 * picker.open('svc_1');
 */
export function createSlotPicker(api: ApiClient, now: () => number = Date.now) {
  const myZone = visitorZone();
  const today = dateInZone(now(), myZone);
  const serviceId = signal<string | null>(null);
  const focusDate = signal<IsoDate>(today);
  const month = computed(() => monthStart(focusDate.value));
  const selectedDate = signal<IsoDate | null>(null);
  const availability = signal<Remote<Availability>>(idle);
  const useBusinessZone = signal(false);
  const cache = new Map<string, Availability>();
  let request = 0;

  const businessZone = computed(() => {
    const a = availability.value;
    return a.status === 'ready' ? a.value.timezone : null;
  });
  const zone = computed(() => (useBusinessZone.value && businessZone.value) || myZone);

  /** Slots of the displayed month by the date they fall on in the zone shown. */
  const slotsByDate = computed(() => {
    const byDate = new Map<IsoDate, Slot[]>();
    const a = availability.value;
    if (a.status !== 'ready') return byDate;
    const first = month.value;
    const last = monthEnd(first);
    for (const slot of a.value.slots) {
      const date = dateInZone(slot.start, zone.value);
      if (date < first || date > last || slot.remaining < 1) continue;
      const list = byDate.get(date);
      if (list) list.push(slot);
      else byDate.set(date, [slot]);
    }
    return byDate;
  });

  /** Dates with a free time; `null` until the month has loaded. */
  const freeDates = computed(() =>
    availability.value.status === 'ready' ? new Set(slotsByDate.value.keys()) : null,
  );

  const timesOfSelected = computed(
    () => (selectedDate.value && slotsByDate.value.get(selectedDate.value)) || [],
  );

  /** Loads the displayed month. `fresh` skips the cache (after a conflict: times changed). */
  async function load(fresh = false): Promise<void> {
    const service = serviceId.value;
    if (!service) return;
    const first = month.value;
    const key = `${service}|${first}`;
    const cached = fresh ? undefined : cache.get(key);
    if (cached) {
      availability.value = { status: 'ready', value: cached };
      return;
    }
    const mine = ++request;
    availability.value = loading;
    // Dates are read in the business's zone; a day either side covers any zone the visitor is in.
    const result = await api.availability(service, addDays(first, -1), addDays(monthEnd(first), 1));
    if (mine !== request) return; // a newer month or service won the race
    if (result.ok) {
      cache.set(key, result.value);
      availability.value = { status: 'ready', value: result.value };
    } else {
      availability.value = { status: 'failed', error: result.error };
    }
  }

  return {
    today,
    myZone,
    serviceId,
    focusDate,
    month,
    selectedDate,
    availability,
    useBusinessZone,
    businessZone,
    zone,
    slotsByDate,
    freeDates,
    timesOfSelected,
    load,
    /**
     * Starts over for `service`, on the current month — or, when nothing is free in what is left
     * of it (late on a month's last day, a fully booked week), on the next month with a free day,
     * looking at most two months ahead. Stops as soon as the visitor moves the calendar.
     */
    async open(service: string): Promise<void> {
      batch(() => {
        serviceId.value = service;
        selectedDate.value = null;
        focusDate.value = today;
      });
      await load();
      for (
        let ahead = 0, shown = today;
        // Not when the visitor moved meanwhile or picked another service: theirs to decide.
        ahead < 2 && serviceId.value === service && focusDate.value === shown && freeDates.value?.size === 0;
        ahead++
      ) {
        focusDate.value = shown = addMonths(month.value, 1);
        await load();
        // Slots come in order, so the first free date is the earliest.
        const [first] = freeDates.value ?? [];
        if (first && focusDate.value === shown) focusDate.value = shown = first;
      }
    },
    /** Moves the calendar's focus; loads the month if it changed. */
    moveFocus(date: IsoDate): void {
      const before = month.value;
      focusDate.value = date;
      if (month.value !== before) void load();
    },
    choose(date: IsoDate): void {
      selectedDate.value = date;
    },
    /** Forgets cached months: the next load asks the server again. */
    refresh(): Promise<void> {
      cache.clear();
      return load(true);
    },
  };
}
