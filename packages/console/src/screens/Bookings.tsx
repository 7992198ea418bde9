/**
 * @module Bookings: the queue of pending ones (confirm or decline right there, optimistically, put
 * back with the reason if the API refuses), and the list with filters kept in the URL.
 */

import type { Booking, BookingListQuery } from '@frontdesk/sdk/console';
import { useSignal } from '@preact/signals';
import { desk } from '../api.js';
import { Choice, Field } from '../components/Field.js';
import { Heading } from '../components/Heading.js';
import { ListTable } from '../components/ListTable.js';
import { Loadable } from '../components/Loadable.js';
import { ErrorNote } from '../components/Notice.js';
import { ShowMore } from '../components/ShowMore.js';
import { describeError } from '../errors.js';
import { formatDateTime } from '../format.js';
import { t } from '../i18n/index.js';
import { link, place, setQuery } from '../router.js';
import { type Catalog, loadCatalog } from '../state/catalog.js';
import { useLoad } from '../state/load.js';
import { usePaged } from '../state/paged.js';
import { isOwner, zone } from '../state/session.js';

const filterNames = ['status', 'service', 'resource', 'from', 'to', 'email'] as const;
const statuses = ['pending', 'confirmed', 'completed', 'no_show', 'cancelled'];

function PendingQueue({ catalog }: { catalog: Catalog }) {
  const tz = zone.value;
  const queue = useLoad(() => desk.bookings.list({ status: 'pending', limit: 50 }), []);
  const problems = useSignal<Record<string, string>>({});
  const decide = async (booking: Booking, confirm: boolean) => {
    const state = queue.state.value;
    if (state.status !== 'ready') return;
    const before = state.data;
    // Optimistic: gone from the queue at once; back in place with the reason if the API says no.
    queue.set({ ...before, data: before.data.filter((b) => b.id !== booking.id) });
    problems.value = { ...problems.value, [booking.id]: '' };
    try {
      if (confirm) await desk.bookings.confirm(booking.id);
      else await desk.bookings.decline(booking.id, { reason: '' });
    } catch (failure) {
      queue.set(before);
      problems.value = { ...problems.value, [booking.id]: describeError(failure).message };
    }
  };
  return (
    <section class="card" aria-labelledby="pending-title">
      <h2 id="pending-title">{t.bookings.pendingQueue}</h2>
      <Loadable loader={queue}>
        {(page) =>
          page.data.length === 0 ? (
            <p>{t.bookings.pendingNone}</p>
          ) : (
            <ul class="queue">
              {page.data.map((b) => (
                <li key={b.id}>
                  <a {...link(`/bookings/${b.id}`)}>
                    {formatDateTime(b.start, tz)} · {catalog.serviceName(b.serviceId)} · {b.customer.name}
                  </a>
                  {isOwner.value && (
                    <span class="actions">
                      <button type="button" class="primary" onClick={() => void decide(b, true)}>
                        {t.bookings.confirm}
                      </button>
                      <button type="button" onClick={() => void decide(b, false)}>
                        {t.bookings.decline}
                      </button>
                    </span>
                  )}
                  <ErrorNote message={problems.value[b.id]} />
                </li>
              ))}
            </ul>
          )
        }
      </Loadable>
    </section>
  );
}

export default function Bookings() {
  const tz = zone.value;
  const query = place.value.query;
  const filters = Object.fromEntries(filterNames.map((n) => [n, query.get(n) ?? ''])) as Record<
    (typeof filterNames)[number],
    string
  >;
  const draft = useSignal({ ...filters });
  const catalog = useLoad(loadCatalog, []);
  const bookings = usePaged(
    (cursor?: string) => {
      const q: BookingListQuery = { limit: 50, ...(cursor ? { cursor } : {}) };
      for (const name of filterNames) if (filters[name]) (q as Record<string, string>)[name] = filters[name];
      return desk.bookings.list(q);
    },
    [query.toString()],
  );
  const list = bookings.list;

  const apply = (event: Event) => {
    event.preventDefault();
    setQuery(draft.value);
  };
  const set = (name: (typeof filterNames)[number]) => (value: string) =>
    (draft.value = { ...draft.value, [name]: value });

  return (
    <section>
      <Heading>{t.bookings.title}</Heading>
      <Loadable loader={catalog}>
        {(cat) => (
          <>
            <PendingQueue catalog={cat} />
            <form class="card filters" onSubmit={apply} aria-label={t.bookings.filters}>
              <h2>{t.bookings.filters}</h2>
              <div class="grid">
                <Choice
                  label={t.bookings.status}
                  value={draft.value.status}
                  onValue={set('status')}
                  options={[
                    { value: '', label: t.bookings.anyStatus },
                    ...statuses.map((s) => ({ value: s, label: t.status[s] ?? s })),
                  ]}
                />
                <Choice
                  label={t.bookings.service}
                  value={draft.value.service}
                  onValue={set('service')}
                  options={[
                    { value: '', label: t.bookings.anyService },
                    ...cat.services.map((s) => ({ value: s.id, label: s.name })),
                  ]}
                />
                <Choice
                  label={t.bookings.resource}
                  value={draft.value.resource}
                  onValue={set('resource')}
                  options={[
                    { value: '', label: t.bookings.anyResource },
                    ...cat.resources.map((r) => ({ value: r.id, label: r.name })),
                  ]}
                />
                <Field label={t.bookings.from} type="date" value={draft.value.from} onValue={set('from')} />
                <Field label={t.bookings.to} type="date" value={draft.value.to} onValue={set('to')} />
                <Field
                  label={t.bookings.email}
                  type="email"
                  value={draft.value.email}
                  onValue={set('email')}
                />
              </div>
              <button type="submit" class="primary">
                {t.bookings.apply}
              </button>{' '}
              <button
                type="button"
                onClick={() => {
                  draft.value = { status: '', service: '', resource: '', from: '', to: '', email: '' };
                  setQuery(draft.value);
                }}
              >
                {t.bookings.clear}
              </button>
            </form>
            <Loadable loader={list}>
              {(page) => {
                const rows = bookings.rows(page).sort((a, b) => a.start.localeCompare(b.start));
                if (rows.length === 0) return <p>{t.bookings.none}</p>;
                return (
                  <>
                    <ListTable
                      caption={t.bookings.list}
                      columns={[
                        t.bookings.when,
                        t.bookings.service,
                        t.bookings.resource,
                        t.bookings.customer,
                        t.bookings.status,
                      ]}
                    >
                      {rows.map((b) => (
                        <tr key={b.id}>
                          <td>
                            <a {...link(`/bookings/${b.id}`)}>{formatDateTime(b.start, tz)}</a>
                          </td>
                          <td>{cat.serviceName(b.serviceId)}</td>
                          <td>{cat.resourceName(b.resourceId)}</td>
                          <td>{b.customer.name}</td>
                          <td>
                            <span class={`pill pill--${b.status}`}>{t.status[b.status] ?? b.status}</span>
                          </td>
                        </tr>
                      ))}
                    </ListTable>
                    <ShowMore paged={bookings} label={t.bookings.more} />
                  </>
                );
              }}
            </Loadable>
          </>
        )}
      </Loadable>
    </section>
  );
}
