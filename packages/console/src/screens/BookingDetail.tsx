/**
 * @module One booking: who, what, when, answers and notes; what can be done with it now (confirm or
 * decline; arrived, completed, no-show; cancel with a reason; reschedule to a free time); the
 * internal notes; and its history with who did each thing. Status changes show at once and are
 * rolled back, with the API's reason next to the button, if the API refuses them.
 */

import type { Booking, FrontdeskEvent, Slot } from '@frontdesk/sdk/console';
import { useSignal } from '@preact/signals';
import { Fragment } from 'preact';
import { desk } from '../api.js';
import { Field, TextArea } from '../components/Field.js';
import { Heading } from '../components/Heading.js';
import { Loadable } from '../components/Loadable.js';
import { DoneNote, ErrorNote } from '../components/Notice.js';
import { SlotPicker } from '../components/SlotPicker.js';
import { describeError } from '../errors.js';
import { formatDateTime, formatTime, instantToZoned } from '../format.js';
import { t } from '../i18n/index.js';
import { link } from '../router.js';
import { type Catalog, loadCatalog } from '../state/catalog.js';
import { type Loader, useLoad } from '../state/load.js';
import { isOwner, zone } from '../state/session.js';

type Data = { booking: Booking; catalog: Catalog; history: FrontdeskEvent[] };

function History({ events }: { events: FrontdeskEvent[] }) {
  const tz = zone.value;
  if (events.length === 0) return <p>{t.booking.historyEmpty}</p>;
  return (
    <ol class="history">
      {events.map((e) => {
        const by = (e.payload as { by?: string } | null)?.by;
        const who =
          e.actor.name ?? (by === 'customer' ? t.booking.actor.customer : t.booking.actor[e.actor.type]);
        return (
          <li key={e.id}>
            <time dateTime={e.createdAt}>{formatDateTime(e.createdAt, tz)}</time> —{' '}
            {t.booking.event[e.type] ?? e.type} <span class="hint">{t.booking.by(who ?? '')}</span>
          </li>
        );
      })}
    </ol>
  );
}

function Actions({ data, loader }: { data: Data; loader: Loader<Data> }) {
  const tz = zone.value;
  const { booking } = data;
  const error = useSignal('');
  const busy = useSignal(false);
  const cancelling = useSignal(false);
  const reason = useSignal('');
  const rescheduling = useSignal(false);
  const newDate = useSignal(instantToZoned(Date.parse(booking.start), tz).date);
  const newSlot = useSignal<Slot | null>(null);

  /** Shows `optimistic` at once, then the API's answer; on failure, puts the booking back. */
  const act = async (optimistic: Partial<Booking>, call: () => Promise<Booking>) => {
    const before = data;
    loader.set({ ...data, booking: { ...booking, ...optimistic } });
    busy.value = true;
    error.value = '';
    try {
      const after = await call();
      const history = await desk.bookings.history(booking.id, { limit: 100 }).then(
        (p) => p.data,
        () => data.history,
      );
      loader.set({ ...before, booking: after, history });
      cancelling.value = false;
      rescheduling.value = false;
    } catch (failure) {
      loader.set(before);
      error.value = describeError(failure).message;
    } finally {
      busy.value = false;
    }
  };

  const now = Date.now();
  const started = now >= Date.parse(booking.start);
  const owner = isOwner.value;
  const open = booking.status === 'confirmed';
  return (
    <div class="card">
      <div class="actions">
        {booking.status === 'pending' && owner && (
          <>
            <button
              type="button"
              class="primary"
              disabled={busy.value}
              onClick={() => void act({ status: 'confirmed' }, () => desk.bookings.confirm(booking.id))}
            >
              {t.bookings.confirm}
            </button>
            <button
              type="button"
              disabled={busy.value}
              onClick={() =>
                void act({ status: 'cancelled' }, () => desk.bookings.decline(booking.id, { reason: '' }))
              }
            >
              {t.bookings.decline}
            </button>
          </>
        )}
        {open && !booking.arrivedAt && (
          <button
            type="button"
            disabled={busy.value}
            onClick={() =>
              void act({ arrivedAt: new Date().toISOString() }, () => desk.bookings.arrive(booking.id))
            }
          >
            {t.booking.arrived}
          </button>
        )}
        {open && started && (
          <button
            type="button"
            class="primary"
            disabled={busy.value}
            onClick={() => void act({ status: 'completed' }, () => desk.bookings.complete(booking.id))}
          >
            {t.booking.complete}
          </button>
        )}
        {open && started && !booking.arrivedAt && (
          <button
            type="button"
            disabled={busy.value}
            onClick={() => void act({ status: 'no_show' }, () => desk.bookings.noShow(booking.id))}
          >
            {t.booking.noShow}
          </button>
        )}
        {(open || booking.status === 'pending') && owner && (
          <>
            <button
              type="button"
              aria-expanded={rescheduling.value ? 'true' : 'false'}
              onClick={() => (rescheduling.value = !rescheduling.value)}
            >
              {t.booking.reschedule}
            </button>
            <button
              type="button"
              class="danger"
              aria-expanded={cancelling.value ? 'true' : 'false'}
              onClick={() => (cancelling.value = !cancelling.value)}
            >
              {t.booking.cancel}
            </button>
          </>
        )}
      </div>
      <ErrorNote message={error.value} />
      {cancelling.value && (
        <form
          class="subform"
          onSubmit={(e) => {
            e.preventDefault();
            void act({ status: 'cancelled', cancelReason: reason.value }, () =>
              desk.bookings.cancel(booking.id, { reason: reason.value }),
            );
          }}
        >
          <Field label={t.booking.cancelReason} value={reason.value} onValue={(v) => (reason.value = v)} />
          <button type="submit" class="danger" disabled={busy.value}>
            {t.booking.cancelConfirm}
          </button>{' '}
          <button type="button" onClick={() => (cancelling.value = false)}>
            {t.booking.keep}
          </button>
        </form>
      )}
      {rescheduling.value && (
        <form
          class="subform"
          onSubmit={(e) => {
            e.preventDefault();
            const slot = newSlot.value;
            if (!slot) {
              error.value = t.newBooking.chooseTime;
              return;
            }
            void act({ start: slot.start, end: slot.end }, () =>
              desk.bookings.reschedule(booking.id, { start: slot.start, ignoreBookingWindow: true }),
            );
          }}
        >
          <p>{t.booking.rescheduleLead}</p>
          <Field
            label={t.newBooking.date}
            type="date"
            value={newDate.value}
            onValue={(v) => {
              if (v) newDate.value = v;
            }}
          />
          <SlotPicker
            legend={t.newBooking.time}
            service={booking.serviceId}
            date={newDate.value}
            zone={tz}
            value={newSlot.value}
            onPick={(s) => (newSlot.value = s)}
          />
          <button type="submit" class="primary" disabled={busy.value}>
            {t.booking.reschedule}
          </button>
        </form>
      )}
    </div>
  );
}

function Notes({ data, loader }: { data: Data; loader: Loader<Data> }) {
  const text = useSignal(data.booking.internalNotes ?? '');
  const error = useSignal('');
  const done = useSignal('');
  const busy = useSignal(false);
  const save = async (event: Event) => {
    event.preventDefault();
    busy.value = true;
    error.value = '';
    done.value = '';
    try {
      const booking = await desk.bookings.setNotes(data.booking.id, text.value);
      loader.set({ ...data, booking });
      done.value = t.saved;
    } catch (failure) {
      error.value = describeError(failure).message;
    } finally {
      busy.value = false;
    }
  };
  return (
    <form class="card" onSubmit={save}>
      <TextArea
        label={t.booking.internalNotes}
        hint={t.booking.internalNotesHint}
        value={text.value}
        onValue={(v) => (text.value = v)}
        rows={4}
      />
      <ErrorNote message={error.value} />
      <DoneNote message={done.value} />
      <button type="submit" disabled={busy.value}>
        {busy.value ? t.saving : t.booking.saveNotes}
      </button>
    </form>
  );
}

export default function BookingDetail({ params }: { params: Record<string, string> }) {
  const id = params.id ?? '';
  const tz = zone.value;
  const loader = useLoad<Data>(async () => {
    const [booking, catalog, history] = await Promise.all([
      desk.bookings.get(id),
      loadCatalog(),
      desk.bookings.history(id, { limit: 100 }).then((p) => p.data),
    ]);
    return { booking, catalog, history };
  }, [id]);
  return (
    <section>
      <Heading>{t.booking.title}</Heading>
      <p>
        <a {...link('/bookings')}>← {t.nav.bookings}</a>
      </p>
      <Loadable loader={loader}>
        {(data) => {
          const { booking: b, catalog } = data;
          return (
            <>
              <dl class="card facts">
                <dt>{t.booking.status}</dt>
                <dd>
                  <span class={`pill pill--${b.status}`}>{t.status[b.status] ?? b.status}</span>
                  {b.arrivedAt && <span> · {t.booking.arrivedAt(formatTime(b.arrivedAt, tz))}</span>}
                  {b.status === 'cancelled' && (
                    <span> · {t.booking.cancelledBecause(b.cancelReason ?? '')}</span>
                  )}
                </dd>
                <dt>{t.booking.when}</dt>
                <dd>
                  {formatDateTime(b.start, tz)} – {formatTime(b.end, tz)}
                </dd>
                <dt>{t.booking.service}</dt>
                <dd>{catalog.serviceName(b.serviceId)}</dd>
                <dt>{t.booking.resource}</dt>
                <dd>{catalog.resourceName(b.resourceId)}</dd>
                <dt>{t.booking.customer}</dt>
                <dd>{b.customer.name}</dd>
                <dt>{t.booking.email}</dt>
                <dd>
                  <a href={`mailto:${b.customer.email}`}>{b.customer.email}</a>
                </dd>
                {b.customer.phone && (
                  <>
                    <dt>{t.booking.phone}</dt>
                    <dd>
                      <a href={`tel:${b.customer.phone}`}>{b.customer.phone}</a>
                    </dd>
                  </>
                )}
                {b.notes && (
                  <>
                    <dt>{t.booking.customerNotes}</dt>
                    <dd>{b.notes}</dd>
                  </>
                )}
                {Object.entries(b.answers).map(([question, answer]) => (
                  <Fragment key={question}>
                    <dt>
                      {catalog.services
                        .find((s) => s.id === b.serviceId)
                        ?.questions.find((q) => q.id === question)?.label ?? question}
                    </dt>
                    <dd>{typeof answer === 'boolean' ? (answer ? t.yes : t.no) : answer}</dd>
                  </Fragment>
                ))}
              </dl>
              <Actions data={data} loader={loader} />
              <Notes data={data} loader={loader} />
              <section class="card" aria-labelledby="history-title">
                <h2 id="history-title">{t.booking.history}</h2>
                <History events={data.history} />
              </section>
            </>
          );
        }}
      </Loadable>
    </section>
  );
}
