/**
 * @module Customers (owners): everyone who booked or reserved, one per email, with their counts;
 * a search over names, emails and phone numbers kept in the URL (`?q=`), and more on demand.
 */

import type { CustomerSummary } from '@frontdesk/sdk/console';
import { useSignal } from '@preact/signals';
import { desk } from '../api.js';
import { Field } from '../components/Field.js';
import { Heading } from '../components/Heading.js';
import { Loadable } from '../components/Loadable.js';
import { ErrorNote } from '../components/Notice.js';
import { describeError } from '../errors.js';
import { formatDateTime } from '../format.js';
import { t } from '../i18n/index.js';
import { link, place, setQuery } from '../router.js';
import { useLoad } from '../state/load.js';
import { zone } from '../state/session.js';

/** The console path of one customer (the email is a path segment, so it is encoded). */
const customerLink = (email: string) => `/customers/${encodeURIComponent(email)}`;

export default function Customers() {
  const tz = zone.value;
  const q = place.value.query.get('q') ?? '';
  const draft = useSignal(q);
  const extra = useSignal<CustomerSummary[]>([]);
  const cursor = useSignal<string | null>(null);
  const moreError = useSignal('');
  const list = useLoad(async () => {
    const page = await desk.customers.list({ limit: 50, ...(q ? { q } : {}) });
    extra.value = [];
    cursor.value = page.nextCursor;
    return page;
  }, [q]);
  const more = async () => {
    if (!cursor.value) return;
    moreError.value = '';
    try {
      const page = await desk.customers.list({ limit: 50, cursor: cursor.value, ...(q ? { q } : {}) });
      extra.value = [...extra.value, ...page.data];
      cursor.value = page.nextCursor;
    } catch (failure) {
      moreError.value = describeError(failure).message;
    }
  };
  return (
    <section>
      <Heading>{t.customers.title}</Heading>
      <p>{t.customers.lead}</p>
      <form
        class="card filters"
        onSubmit={(event) => {
          event.preventDefault();
          setQuery({ q: draft.value.trim() });
        }}
      >
        <Field
          label={t.customers.search}
          type="search"
          value={draft.value}
          onValue={(v) => (draft.value = v)}
        />
        <button type="submit" class="primary">
          {t.customers.searchButton}
        </button>{' '}
        {q && (
          <button
            type="button"
            onClick={() => {
              draft.value = '';
              setQuery({ q: undefined });
            }}
          >
            {t.customers.clear}
          </button>
        )}
      </form>
      <Loadable loader={list}>
        {(page) => {
          const rows = [...page.data, ...extra.value];
          if (rows.length === 0) return <p>{q ? t.customers.noMatch : t.customers.none}</p>;
          return (
            <>
              <div class="table-scroll">
                <table class="list">
                  <caption class="sr-only">{t.customers.list}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t.customers.name}</th>
                      <th scope="col">{t.customers.email}</th>
                      <th scope="col">{t.customers.phone}</th>
                      <th scope="col">{t.customers.visits}</th>
                      <th scope="col">{t.customers.noShows}</th>
                      <th scope="col">{t.customers.cancellations}</th>
                      <th scope="col">{t.customers.lastVisit}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((c) => (
                      <tr key={c.email}>
                        <td>
                          <a {...link(customerLink(c.email))}>{c.name}</a>
                        </td>
                        <td class="breakable">{c.email}</td>
                        <td>{c.phone ?? ''}</td>
                        <td>{c.visits}</td>
                        <td>{c.noShows}</td>
                        <td>{c.cancellations}</td>
                        <td>{c.lastVisit ? formatDateTime(c.lastVisit, tz) : t.customers.never}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {cursor.value && (
                <button type="button" onClick={() => void more()}>
                  {t.customers.more}
                </button>
              )}
              <ErrorNote message={moreError.value} />
            </>
          );
        }}
      </Loadable>
    </section>
  );
}
