/**
 * @module Customers (owners): everyone who booked or reserved, one per email, with their counts;
 * a search over names, emails and phone numbers kept in the URL (`?q=`), and more on demand.
 */

import { useSignal } from '@preact/signals';
import { desk } from '../api.js';
import { Field } from '../components/Field.js';
import { Heading } from '../components/Heading.js';
import { ListTable } from '../components/ListTable.js';
import { Loadable } from '../components/Loadable.js';
import { ShowMore } from '../components/ShowMore.js';
import { formatDateTime } from '../format.js';
import { t } from '../i18n/index.js';
import { link, place, setQuery } from '../router.js';
import { usePaged } from '../state/paged.js';
import { zone } from '../state/session.js';

/** The console path of one customer (the email is a path segment, so it is encoded). */
const customerLink = (email: string) => `/customers/${encodeURIComponent(email)}`;

export default function Customers() {
  const tz = zone.value;
  const q = place.value.query.get('q') ?? '';
  const draft = useSignal(q);
  const customers = usePaged(
    (cursor?: string) =>
      desk.customers.list({ limit: 50, ...(cursor ? { cursor } : {}), ...(q ? { q } : {}) }),
    [q],
  );
  const list = customers.list;
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
          const rows = customers.rows(page);
          if (rows.length === 0) return <p>{q ? t.customers.noMatch : t.customers.none}</p>;
          return (
            <>
              <ListTable
                caption={t.customers.list}
                columns={[
                  t.customers.name,
                  t.customers.email,
                  t.customers.phone,
                  t.customers.visits,
                  t.customers.noShows,
                  t.customers.cancellations,
                  t.customers.lastVisit,
                ]}
              >
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
              </ListTable>
              <ShowMore paged={customers} label={t.customers.more} />
            </>
          );
        }}
      </Loadable>
    </section>
  );
}
