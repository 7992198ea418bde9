/**
 * @module One booking seen through its manage token: look, cancel (after a confirmation), or move
 * it to another time through the same calendar. The service's cut-offs are the server's to
 * enforce; a `cutoff_passed` answer is explained, not hidden.
 */

import type { Booking, Service, Slot } from '@frontdesk/core';
import { batch, signal } from '@preact/signals-core';
import type { Messages } from '../i18n/en.js';
import type { ManageMessages } from '../i18n/en-manage.js';
import type { ApiClient, ApiResult } from './api-client.js';
import { failureText, type Notice } from './notice.js';
import { idle, loading, type Remote } from './remote.js';
import { createSlotPicker } from './slot-picker.js';

export type ManageMode = 'view' | 'confirm-cancel' | 'reschedule';

export interface ManageFlowOptions {
  api: ApiClient;
  booking: string;
  token: string;
  t: () => Messages & ManageMessages;
  emit: (type: 'cancelled' | 'rescheduled' | 'error', detail: unknown) => void;
  now?: () => number;
}

export type ManageFlow = ReturnType<typeof createManageFlow>;

/**
 * @example
 * const flow = createManageFlow({ api, booking: 'bk_1', token: '…', t: () => en, emit: () => {} });
 * await flow.load();
 */
export function createManageFlow(options: ManageFlowOptions) {
  const { api, t, emit, token } = options;
  const picker = createSlotPicker(api, options.now);
  const booking = signal<Remote<Booking>>(idle);
  const service = signal<Service | null>(null);
  const mode = signal<ManageMode>('view');
  const chosen = signal<Slot | null>(null);
  const busy = signal(false);
  const notice = signal<Notice>(null);

  async function act(
    call: () => Promise<ApiResult<Booking>>,
    done: string,
    event: 'cancelled' | 'rescheduled',
  ) {
    if (busy.value) return;
    busy.value = true;
    notice.value = null;
    const result = await call();
    busy.value = false;
    if (result.ok) {
      batch(() => {
        booking.value = { status: 'ready', value: { ...result.value, manageToken: token } };
        mode.value = 'view';
        chosen.value = null;
        notice.value = { tone: 'info', text: done };
      });
      emit(event, result.value);
      return;
    }
    notice.value = { tone: 'error', text: failureText(result.error, t()) };
    emit('error', { error: result.error });
    if (result.error.kind === 'http' && result.error.code === 'slot_unavailable') {
      chosen.value = null;
      await picker.refresh();
    }
  }

  return {
    picker,
    booking,
    service,
    mode,
    chosen,
    busy,
    notice,
    async load(): Promise<void> {
      booking.value = loading;
      const result = await api.booking(options.booking, token);
      if (!result.ok) {
        booking.value = { status: 'failed', error: result.error };
        notice.value = { tone: 'error', text: failureText(result.error, t()) };
        return;
      }
      booking.value = { status: 'ready', value: result.value };
      const s = await api.service(result.value.serviceId);
      if (s.ok) service.value = s.value;
    },
    askCancel(): void {
      mode.value = 'confirm-cancel';
    },
    keep(): void {
      batch(() => {
        mode.value = 'view';
        chosen.value = null;
      });
    },
    cancel: () => act(() => api.cancel(options.booking, token), t().cancelled, 'cancelled'),
    startReschedule(): void {
      const b = booking.value;
      if (b.status !== 'ready') return;
      batch(() => {
        mode.value = 'reschedule';
        notice.value = null;
      });
      void picker.open(b.value.serviceId);
    },
    pick(slot: Slot): void {
      chosen.value = slot;
    },
    reschedule(): Promise<void> {
      const slot = chosen.value;
      if (!slot) return Promise.resolve();
      return act(() => api.reschedule(options.booking, token, slot.start), t().rescheduled, 'rescheduled');
    },
  };
}
