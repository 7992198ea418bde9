import { useSignal } from '@preact/signals';
import { desk } from '../api.js';
import { Choice } from '../components/Field.js';
import { Heading } from '../components/Heading.js';
import { ListTable } from '../components/ListTable.js';
import { Loadable } from '../components/Loadable.js';
import { ShowMore } from '../components/ShowMore.js';
import { formatDateTime } from '../format.js';
import { t } from '../i18n/index.js';
import { place, setQuery } from '../router.js';
import { useLoad } from '../state/load.js';
import { usePaged } from '../state/paged.js';
import { zone } from '../state/session.js';
import { StockNav } from '../stock/StockNav.js';
import { loadShop } from '../stock/shop.js';

export default function StockLedger() {
  const tz = zone.value;
  const query = place.value.query;
  const filters = { sku: query.get('sku') ?? '', location: query.get('location') ?? '' };
  const draft = useSignal(filters);
  const shop = useLoad(loadShop, []);
  const movements = usePaged(
    (cursor?: string) =>
      desk.stock.movements({
        limit: 100,
        ...(filters.sku ? { sku: filters.sku } : {}),
        ...(filters.location ? { location: filters.location } : {}),
        ...(cursor ? { cursor } : {}),
      }),
    [query.toString()],
  );
  const list = movements.list;

  return (
    <section>
      <Heading>{t.stock.ledgerTitle}</Heading>
      <StockNav />
      <p>{t.stock.ledgerLead}</p>
      <Loadable loader={shop}>
        {(data) => (
          <>
            <form
              class="card filters"
              aria-labelledby="ledger-filters"
              onSubmit={(event) => {
                event.preventDefault();
                setQuery(draft.value);
              }}
            >
              <h2 id="ledger-filters">{t.stock.filters}</h2>
              <div class="grid">
                <Choice
                  label={t.stock.product}
                  value={draft.value.sku}
                  onValue={(sku) => (draft.value = { ...draft.value, sku })}
                  options={[
                    { value: '', label: t.stock.anyProduct },
                    ...data.products.map((p) => ({ value: p.sku, label: `${p.name} (${p.sku})` })),
                  ]}
                />
                <Choice
                  label={t.stock.location}
                  value={draft.value.location}
                  onValue={(location) => (draft.value = { ...draft.value, location })}
                  options={[
                    { value: '', label: t.stock.anyLocation },
                    ...data.locations.map((l) => ({ value: l.id, label: l.name })),
                  ]}
                />
              </div>
              <button type="submit" class="primary">
                {t.stock.apply}
              </button>
            </form>
            <Loadable loader={list}>
              {(page) => {
                const rows = movements.rows(page);
                if (rows.length === 0) return <p>{t.stock.noMovements}</p>;
                return (
                  <>
                    <ListTable
                      caption={t.stock.ledgerTitle}
                      class="ledger"
                      columns={[
                        t.stock.when,
                        t.stock.product,
                        t.stock.location,
                        { label: t.stock.delta, numeric: true },
                        t.stock.kindColumn,
                        t.stock.note,
                        t.stock.source,
                      ]}
                    >
                      {rows.map((m) => (
                        <tr key={m.id}>
                          <td>{formatDateTime(m.occurredAt, tz)}</td>
                          <td>{data.productName(m.sku)}</td>
                          <td>{data.locationName(m.locationId)}</td>
                          <td class="number">{m.delta > 0 ? `+${m.delta}` : m.delta}</td>
                          <td>{t.stock.reasons[m.reason] ?? m.reason}</td>
                          <td class="breakable">{m.note}</td>
                          <td>{m.source}</td>
                        </tr>
                      ))}
                    </ListTable>
                    <ShowMore paged={movements} label={t.stock.more} />
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
