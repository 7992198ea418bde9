/**
 * @module One customer (owners): counts, the business's notes, every booking and reservation, and
 * the privacy duties — a download of everything stored about them, and erasure, which asks for the
 * email to be typed first because it cannot be undone.
 */

import type { CustomerDetail as Customer } from '@frontdesk/sdk/console';
import { useSignal } from '@preact/signals';
import { desk } from '../api.js';
import { Field, TextArea } from '../components/Field.js';
import { Heading } from '../components/Heading.js';
import { Loadable } from '../components/Loadable.js';
import { DoneNote, ErrorNote } from '../components/Notice.js';
import { describeError } from '../errors.js';
import { formatDateTime } from '../format.js';
import { t } from '../i18n/index.js';
import { link } from '../router.js';
import { type Catalog, loadCatalog } from '../state/catalog.js';
import { useLoad } from '../state/load.js';
import { zone } from '../state/session.js';

interface Data {
  customer: Customer;
  catalog: Catalog;
}

/** Runs `action` with a busy flag, an error line and a done line. */
function useAction() {
  const busy = useSignal(false);
  const error = useSignal('');
  const done = useSignal('');
  const run = async (action: () => Promise<string>) => {
    busy.value = true;
    error.value = '';
    done.value = '';
    try {
      done.value = await action();
    } catch (failure) {
      error.value = describeError(failure).message;
    } finally {
      busy.value = false;
    }
  };
  return { busy, error, done, run };
}

function Notes({ customer }: { customer: Customer }) {
  const text = useSignal(customer.notes.notes);
  const action = useAction();
  return (
    <form
      class="card"
      onSubmit={(event) => {
        event.preventDefault();
        void action.run(async () => {
          await desk.customers.setNotes(customer.email, text.value);
          return t.saved;
        });
      }}
    >
      <TextArea
        label={t.customers.notes}
        hint={t.customers.notesHint}
        value={text.value}
        onValue={(v) => (text.value = v)}
        rows={4}
      />
      <ErrorNote message={action.error.value} />
      <DoneNote message={action.done.value} />
      <button type="submit" disabled={action.busy.value}>
        {action.busy.value ? t.saving : t.customers.saveNotes}
      </button>
    </form>
  );
}

function History({ customer, catalog }: Data) {
  const tz = zone.value;
  const { bookings, reservations } = customer.history;
  return (
    <section class="card" aria-labelledby="history-title">
      <h2 id="history-title">{t.customers.history}</h2>
      <h3>{t.customers.bookingsTitle}</h3>
      {bookings.length === 0 ? (
        <p>{t.customers.noBookings}</p>
      ) : (
        <div class="table-scroll">
          <table class="list">
            <caption class="sr-only">{t.customers.bookingsTitle}</caption>
            <thead>
              <tr>
                <th scope="col">{t.customers.when}</th>
                <th scope="col">{t.customers.service}</th>
                <th scope="col">{t.customers.status}</th>
              </tr>
            </thead>
            <tbody>
              {bookings.map((b) => (
                <tr key={b.id}>
                  <td>
                    <a {...link(`/bookings/${b.id}`)}>{formatDateTime(b.start, tz)}</a>
                  </td>
                  <td>{catalog.serviceName(b.serviceId)}</td>
                  <td>
                    <span class={`pill pill--${b.status}`}>{t.status[b.status] ?? b.status}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>{t.customers.reservationsTitle}</h3>
      {reservations.length === 0 ? (
        <p>{t.customers.noReservations}</p>
      ) : (
        <div class="table-scroll">
          <table class="list">
            <caption class="sr-only">{t.customers.reservationsTitle}</caption>
            <thead>
              <tr>
                <th scope="col">{t.customers.reservedAt}</th>
                <th scope="col">{t.customers.product}</th>
                <th scope="col">{t.customers.quantity}</th>
                <th scope="col">{t.customers.status}</th>
              </tr>
            </thead>
            <tbody>
              {reservations.map((r) => (
                <tr key={r.id}>
                  <td>{formatDateTime(r.createdAt, tz)}</td>
                  <td>{r.sku}</td>
                  <td>{r.quantity}</td>
                  <td>{t.customers.reservationStatus[r.status] ?? r.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** Saves `data` as a JSON file through a temporary link (no page navigation, nothing inline). */
function download(data: unknown, name: string) {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = name;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function Privacy({ customer, onErased }: { customer: Customer; onErased: (message: string) => void }) {
  const exporting = useAction();
  const erasing = useAction();
  const typed = useSignal('');
  const confirmed = typed.value.trim().toLowerCase() === customer.email;
  return (
    <section class="card" aria-labelledby="privacy-title">
      <h2 id="privacy-title">{t.customers.privacy}</h2>
      <p>{t.customers.exportLead}</p>
      <button
        type="button"
        disabled={exporting.busy.value}
        onClick={() =>
          void exporting.run(async () => {
            download(await desk.customers.export(customer.email), `customer-${customer.email}.json`);
            return t.customers.exported;
          })
        }
      >
        {t.customers.export}
      </button>
      <ErrorNote message={exporting.error.value} />
      <DoneNote message={exporting.done.value} />
      <form
        class="danger-zone"
        onSubmit={(event) => {
          event.preventDefault();
          if (!confirmed) return;
          void erasing.run(async () => {
            const result = await desk.customers.erase(customer.email);
            const message = t.customers.erased(result.bookingIds.length, result.reservationIds.length);
            onErased(message);
            return message;
          });
        }}
      >
        <p>{t.customers.eraseLead}</p>
        <Field
          label={t.customers.eraseConfirmLabel(customer.email)}
          type="email"
          autoComplete="off"
          value={typed.value}
          onValue={(v) => (typed.value = v)}
        />
        <button type="submit" class="danger" disabled={!confirmed || erasing.busy.value}>
          {t.customers.erase}
        </button>
        <ErrorNote message={erasing.error.value} />
      </form>
    </section>
  );
}

export default function CustomerDetail({ params }: { params: Record<string, string> }) {
  const email = params.email ?? '';
  const tz = zone.value;
  const erased = useSignal('');
  const loader = useLoad<Data>(async () => {
    const [customer, catalog] = await Promise.all([desk.customers.get(email), loadCatalog()]);
    return { customer, catalog };
  }, [email]);
  if (erased.value) {
    return (
      <section>
        <Heading>{t.customers.title}</Heading>
        <p class="notice notice--done" role="status">
          {erased.value}
        </p>
        <p>
          <a {...link('/customers')}>{t.customers.back}</a>
        </p>
      </section>
    );
  }
  const name = loader.state.value.status === 'ready' ? loader.state.value.data.customer.name : email;
  return (
    <section>
      <Heading>{name}</Heading>
      <p>
        <a {...link('/customers')}>{t.customers.back}</a>
      </p>
      <Loadable loader={loader}>
        {(data) => {
          const c = data.customer;
          return (
            <>
              <dl class="card facts">
                <dt>{t.customers.email}</dt>
                <dd>
                  <a href={`mailto:${c.email}`}>{c.email}</a>
                </dd>
                {c.phone && (
                  <>
                    <dt>{t.customers.phone}</dt>
                    <dd>
                      <a href={`tel:${c.phone}`}>{c.phone}</a>
                    </dd>
                  </>
                )}
                <dt>{t.customers.bookings}</dt>
                <dd>{c.bookings}</dd>
                <dt>{t.customers.visits}</dt>
                <dd>{c.visits}</dd>
                <dt>{t.customers.noShows}</dt>
                <dd>{c.noShows}</dd>
                <dt>{t.customers.cancellations}</dt>
                <dd>{c.cancellations}</dd>
                <dt>{t.customers.reservations}</dt>
                <dd>{c.reservations}</dd>
                <dt>{t.customers.firstVisit}</dt>
                <dd>{c.firstVisit ? formatDateTime(c.firstVisit, tz) : t.customers.never}</dd>
                <dt>{t.customers.lastVisit}</dt>
                <dd>{c.lastVisit ? formatDateTime(c.lastVisit, tz) : t.customers.never}</dd>
              </dl>
              <Notes customer={c} />
              <History {...data} />
              <Privacy customer={c} onErased={(message) => (erased.value = message)} />
            </>
          );
        }}
      </Loadable>
    </section>
  );
}
