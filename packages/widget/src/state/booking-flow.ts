/**
 * @module The booking flow as signals: service → day and time (a hold keeps the time while the
 * form is filled, with a countdown) → details → booked. Every request's outcome lands in a status
 * union; nothing here throws into the components.
 */

import type { Booking, Hold, Service, Slot } from '@frontdesk/core';
import { batch, computed, signal } from '@preact/signals-core';
import type { Messages } from '../i18n/en.js';
import { type ApiClient, type ApiFailure, newIdempotencyKey } from './api-client.js';
import { visitorZone } from './dates.js';
import { failureText, type Notice } from './notice.js';
import { idle, loading, type Remote } from './remote.js';
import { createSlotPicker } from './slot-picker.js';
import { cleanAnswers, type DetailsValues, type FieldMessages, validateDetails } from './validate.js';

export type Step = 'service' | 'slot' | 'details' | 'done';

export interface BookingFlowOptions {
  api: ApiClient;
  /** Fixed service id (the `service` attribute): skips the first step. */
  service: string | null;
  t: () => Messages;
  /** Tells the host page: `frontdesk:slot-selected`, `frontdesk:booked`, `frontdesk:error`. */
  emit: (type: 'slot-selected' | 'booked' | 'error', detail: unknown) => void;
  now?: () => number;
  /** The language the widget speaks (`pt-PT`): sent with the booking, so mail to the customer uses it. */
  locale?: string;
}

export type BookingFlow = ReturnType<typeof createBookingFlow>;

/**
 * @example
 * const flow = createBookingFlow({ api, service: null, t: () => en, emit: () => {} });
 * flow.start();
 */
export function createBookingFlow(options: BookingFlowOptions) {
  const { api, t, emit } = options;
  const now = options.now ?? Date.now;
  const picker = createSlotPicker(api, now);
  const step = signal<Step>(options.service ? 'slot' : 'service');
  const services = signal<Remote<Service[]>>(idle);
  const service = signal<Service | null>(null);
  const hold = signal<Remote<Hold>>(idle);
  const slot = signal<Slot | null>(null);
  const secondsLeft = signal(0);
  const values = signal<DetailsValues>({ name: '', email: '', phone: '', answers: {} });
  const fieldErrors = signal<FieldMessages>({});
  const submission = signal<Remote<Booking>>(idle);
  const notice = signal<Notice>(null);
  let timer: ReturnType<typeof setInterval> | undefined;
  // One key per booking attempt on a hold: if the visitor presses Book again after a lost answer,
  // the API replays the booking it already made instead of refusing a "taken" slot.
  let bookingKey = newIdempotencyKey();

  const fail = (error: ApiFailure) => {
    notice.value = { tone: 'error', text: failureText(error, t()) };
    emit('error', { error });
  };

  async function start(): Promise<void> {
    services.value = loading;
    // A fixed service's month does not need the service itself: ask for both at once (one round
    // trip fewer before the calendar shows free days, which matters most on slow networks).
    if (options.service) void picker.open(options.service);
    const result = options.service ? await api.service(options.service) : await api.services();
    if (!result.ok) {
      services.value = { status: 'failed', error: result.error };
      fail(result.error);
      return;
    }
    const list = 'data' in result.value ? result.value.data : [result.value];
    services.value = { status: 'ready', value: list };
    if (options.service && list[0]) {
      service.value = list[0];
      step.value = 'slot';
    }
  }

  function chooseService(chosen: Service): void {
    batch(() => {
      service.value = chosen;
      step.value = 'slot';
      notice.value = null;
    });
    void picker.open(chosen.id);
  }

  function stopTimer(): void {
    if (timer) clearInterval(timer);
    timer = undefined;
  }

  /** The visitor picked a time: keep it with a hold, then ask for details. */
  async function chooseSlot(chosen: Slot): Promise<void> {
    const current = service.value;
    if (!current || hold.value.status === 'loading') return;
    slot.value = chosen;
    hold.value = loading;
    notice.value = null;
    emit('slot-selected', { service: current.id, start: chosen.start, end: chosen.end });
    const result = await api.hold(current.id, chosen.start);
    if (!result.ok) {
      hold.value = { status: 'failed', error: result.error };
      await slotLost(result.error);
      return;
    }
    bookingKey = newIdempotencyKey();
    batch(() => {
      hold.value = { status: 'ready', value: result.value };
      step.value = 'details';
    });
    const expires = Date.parse(result.value.expiresAt);
    // When the hold runs out the visitor is not sent away: the API still books the time if it is
    // free (and answers 409 if not). So there is no time limit on filling the form (WCAG 2.2.1),
    // only a shorter guarantee, and the visitor is told when it ends.
    const tick = () => {
      secondsLeft.value = Math.max(0, Math.round((expires - now()) / 1000));
      if (secondsLeft.value === 0) {
        stopTimer();
        if (step.value === 'details') notice.value = { tone: 'info', text: t().holdExpired };
      }
    };
    stopTimer();
    tick();
    timer = setInterval(tick, 1000);
  }

  /** A 409 (or any failure) on a chosen time: say so and show fresh times. */
  async function slotLost(error: ApiFailure): Promise<void> {
    if (error.kind === 'http' && error.code === 'slot_unavailable') {
      backToTimes({ tone: 'error', text: t().slotTaken });
      await picker.refresh();
    } else {
      fail(error);
    }
  }

  function backToTimes(message: Notice = null): void {
    stopTimer();
    const h = hold.value;
    if (h.status === 'ready' && submission.value.status !== 'ready') void api.releaseHold(h.value.id);
    batch(() => {
      hold.value = idle;
      step.value = 'slot';
      submission.value = idle;
      fieldErrors.value = {};
      notice.value = message;
    });
  }

  async function submit(): Promise<void> {
    const current = service.value;
    const chosen = slot.value;
    const h = hold.value;
    if (!current || !chosen || submission.value.status === 'loading') return;
    const errors = validateDetails(values.value, current.questions, t());
    fieldErrors.value = errors;
    if (Object.keys(errors).length) {
      notice.value = { tone: 'error', text: t().fixErrors };
      return;
    }
    submission.value = loading;
    notice.value = { tone: 'info', text: t().booking };
    const v = values.value;
    const input = {
      service: current.id,
      start: chosen.start,
      ...(h.status === 'ready' ? { holdId: h.value.id } : {}),
      customer: {
        name: v.name.trim(),
        email: v.email.trim(),
        ...(v.phone.trim() ? { phone: v.phone.trim() } : {}),
        // Mail then shows times in the visitor's zone too, beside the business's.
        timeZone: visitorZone(),
      },
      answers: cleanAnswers(v, current.questions),
      locale: options.locale,
    };
    let result = await api.book(input, bookingKey);
    if (!result.ok && result.error.kind === 'http' && result.error.code === 'idempotency_conflict') {
      // The details changed since the last attempt: that is a new request, with a new key.
      bookingKey = newIdempotencyKey();
      result = await api.book(input, bookingKey);
    }
    if (result.ok) {
      stopTimer();
      batch(() => {
        submission.value = { status: 'ready', value: result.value };
        step.value = 'done';
        notice.value = null;
      });
      emit('booked', result.value);
      return;
    }
    submission.value = { status: 'failed', error: result.error };
    const error = result.error;
    if (error.kind === 'http' && error.code === 'validation_failed' && error.fieldErrors.length) {
      // Server field paths are `customer.email`, `answers.allergies`: map them onto our fields.
      const server: FieldMessages = {};
      for (const fe of error.fieldErrors) server[fe.path.replace(/^customer\./, '')] = fe.message;
      fieldErrors.value = server;
      notice.value = { tone: 'error', text: t().fixErrors };
      return;
    }
    if (error.kind === 'http' && (error.code === 'slot_unavailable' || error.status === 410)) {
      await slotLost({ ...error, code: 'slot_unavailable' });
      return;
    }
    fail(error);
  }

  return {
    picker,
    step,
    services,
    service,
    hold,
    slot,
    secondsLeft,
    values,
    fieldErrors,
    submission,
    notice,
    /** True when the service was fixed by the host page: no way back to the service list. */
    fixedService: computed(() => options.service !== null),
    start,
    chooseService,
    chooseSlot,
    backToTimes,
    submit,
    /** Back to the list of services. */
    backToServices(): void {
      backToTimes();
      step.value = 'service';
    },
    /** After a booking: start a new one. */
    again(): void {
      batch(() => {
        submission.value = idle;
        slot.value = null;
        picker.selectedDate.value = null;
        step.value = options.service ? 'slot' : 'service';
      });
      void picker.refresh();
    },
    setValue(field: 'name' | 'email' | 'phone', value: string): void {
      values.value = { ...values.value, [field]: value };
    },
    setAnswer(id: string, value: string | boolean): void {
      values.value = { ...values.value, answers: { ...values.value.answers, [id]: value } };
    },
    dispose(): void {
      stopTimer();
    },
  };
}
