/**
 * @module The manage view (`booking` + `token` attributes, or a manage link): the booking, and
 * buttons to cancel it or move it.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import { withManage } from '../i18n/en-manage.js';
import { dateTime, zoneName } from '../state/format.js';
import type { ManageFlow } from '../state/manage-flow.js';
import { useEnv } from './env.js';
import { Notice } from './Notice.js';
import { Skeleton } from './Skeleton.js';
import { SlotPicker } from './SlotPicker.js';
import { tracked } from './tracked.js';

export const ManageApp = tracked(({ flow }: { flow: ManageFlow }) => {
  const env = useEnv();
  const { lang } = env;
  const t = withManage(env.t);
  const state = flow.booking.value;
  const mode = flow.mode.value;
  const zone = flow.picker.zone.value;
  const confirmRef = useRef<HTMLButtonElement>(null);
  const chosen = flow.chosen.value;

  // Asking "are you sure?" moves focus to the answer, so keyboard users are not left behind.
  useLayoutEffect(() => {
    if (mode === 'confirm-cancel' || chosen) confirmRef.current?.focus();
  }, [mode, chosen]);

  let body = null;
  if (state.status === 'ready') {
    const b = state.value;
    const open = b.status === 'pending' || b.status === 'confirmed';
    body = (
      <>
        <dl>
          <dt>{t.serviceLabel}</dt>
          <dd>{flow.service.value?.name ?? '…'}</dd>
          <dt>{t.when}</dt>
          <dd>
            <time dateTime={b.start}>{dateTime(b.start, lang, zone)}</time> ({zoneName(zone)})
          </dd>
          <dt>{t.yourBooking}</dt>
          {/* Completed and no-show (set by the business afterwards) show as the API names them:
              four more translations would not fit the booking flow's 20 KB budget. */}
          <dd>{t.status[b.status]}</dd>
        </dl>
        {open && mode === 'view' ? (
          <div class="row">
            <button type="button" onClick={flow.startReschedule}>
              {t.changeTime}
            </button>
            <button type="button" onClick={flow.askCancel}>
              {t.cancel}
            </button>
          </div>
        ) : null}
        {open && mode === 'confirm-cancel' ? (
          <div class="row">
            <button
              ref={confirmRef}
              type="button"
              class="primary"
              aria-disabled={flow.busy.value ? 'true' : 'false'}
              onClick={() => void flow.cancel()}
            >
              {t.confirmCancel}
            </button>
            <button type="button" onClick={flow.keep}>
              {t.keep}
            </button>
          </div>
        ) : null}
        {open && mode === 'reschedule' ? (
          <>
            <SlotPicker
              picker={flow.picker}
              onPick={flow.pick}
              busyStart={flow.busy.value ? (chosen?.start ?? null) : null}
            />
            <div class="row">
              {chosen ? (
                <button
                  ref={confirmRef}
                  type="button"
                  class="primary"
                  aria-disabled={flow.busy.value ? 'true' : 'false'}
                  onClick={() => void flow.reschedule()}
                >
                  {t.moveTo(dateTime(chosen.start, lang, zone))}
                </button>
              ) : null}
              <button type="button" onClick={flow.keep}>
                {t.back}
              </button>
            </div>
          </>
        ) : null}
      </>
    );
  } else if (state.status !== 'failed') {
    body = <Skeleton />;
  }

  return (
    <div class="fd">
      <h2>{t.yourBooking}</h2>
      {body}
      <Notice notice={flow.notice.value} />
    </div>
  );
});
