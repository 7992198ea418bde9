/**
 * @module Reservations to collect: the active ones, those expiring soonest first, each with
 * *Collected* (the customer took the units: on hand goes down) and *Release* (the units go back on
 * sale). A row leaves the list when the API accepts; a refusal shows on its row. Owners and staff.
 */
import type { Reservation } from '@frontdesk/sdk/console';
import { useSignal } from '@preact/signals';
import { desk } from '../api.js';
import { Heading } from '../components/Heading.js';
import { ListTable } from '../components/ListTable.js';
import { Loadable } from '../components/Loadable.js';
import { DoneNote, ErrorNote } from '../components/Notice.js';
import { describeError } from '../errors.js';
import { formatDateTime } from '../format.js';
import { t } from '../i18n/index.js';
import { useLoad } from '../state/load.js';
import { zone } from '../state/session.js';
import { StockNav } from '../stock/StockNav.js';
import { loadShop } from '../stock/shop.js';

async function loadToCollect() {
  const [shop, page] = await Promise.all([
    loadShop(),
    desk.reservations.list({ status: 'active', limit: 100 }),
  ]);
  const reservations = [...page.data].sort((a, b) => a.expiresAt.localeCompare(b.expiresAt));
  return { shop, reservations };
}

export default function StockCollect() {
  const tz = zone.value;
  const list = useLoad(loadToCollect, []);
  const busy = useSignal<Record<string, boolean>>({});
  const problems = useSignal<Record<string, string>>({});
  const done = useSignal('');

  const act = async (reservation: Reservation, action: 'collect' | 'release') => {
    if (busy.peek()[reservation.id]) return;
    busy.value = { ...busy.value, [reservation.id]: true };
    problems.value = { ...problems.value, [reservation.id]: '' };
    try {
      if (action === 'collect') await desk.reservations.collect(reservation.id);
      else await desk.reservations.release(reservation.id);
      const state = list.state.peek();
      if (state.status === 'ready')
        list.set({
          ...state.data,
          reservations: state.data.reservations.filter((r) => r.id !== reservation.id),
        });
      done.value = (action === 'collect' ? t.stock.collectedNote : t.stock.releasedNote)(
        reservation.customer.name,
      );
    } catch (failure) {
      problems.value = { ...problems.value, [reservation.id]: describeError(failure).message };
    } finally {
      busy.value = { ...busy.value, [reservation.id]: false };
    }
  };

  return (
    <section>
      <Heading>{t.stock.collectTitle}</Heading>
      <StockNav />
      <p>{t.stock.collectLead}</p>
      <DoneNote message={done.value} />
      <Loadable loader={list}>
        {({ shop, reservations }) =>
          reservations.length === 0 ? (
            <p>{t.stock.noneToCollect}</p>
          ) : (
            <ListTable
              caption={t.stock.collectTitle}
              columns={[
                t.stock.expires,
                t.stock.customer,
                t.stock.product,
                { label: t.stock.units, numeric: true },
                t.stock.location,
                { label: t.stock.actions, hidden: true },
              ]}
            >
              {reservations.map((r) => {
                const who = t.stock.actionsFor(r.customer.name, r.sku);
                return (
                  <tr key={r.id}>
                    <td>{formatDateTime(r.expiresAt, tz)}</td>
                    <th scope="row">
                      {r.customer.name}
                      <br />
                      <span class="sku">{r.customer.email}</span>
                    </th>
                    <td>{shop.productName(r.sku)}</td>
                    <td class="number">{r.quantity}</td>
                    <td>{shop.locationName(r.locationId)}</td>
                    <td>
                      <span class="actions">
                        <button
                          type="button"
                          class="primary"
                          disabled={busy.value[r.id]}
                          onClick={() => void act(r, 'collect')}
                        >
                          {t.stock.collect}
                          <span class="sr-only">: {who}</span>
                        </button>
                        <button
                          type="button"
                          disabled={busy.value[r.id]}
                          onClick={() => void act(r, 'release')}
                        >
                          {t.stock.release}
                          <span class="sr-only">: {who}</span>
                        </button>
                      </span>
                      <ErrorNote message={problems.value[r.id]} />
                    </td>
                  </tr>
                );
              })}
            </ListTable>
          )
        }
      </Loadable>
    </section>
  );
}
