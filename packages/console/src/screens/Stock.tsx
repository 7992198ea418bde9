/**
 * @module Stock at the counter: every product's stock at every location (on hand, reserved,
 * available; low and out marked in words, not colour alone), live from the stock stream, what is low
 * now, and the adjust form.
 * Owners and staff.
 */
import { Heading } from '../components/Heading.js';
import { ListTable } from '../components/ListTable.js';
import { Loadable } from '../components/Loadable.js';
import { t } from '../i18n/index.js';
import { useLoad } from '../state/load.js';
import { AdjustForm } from '../stock/AdjustForm.js';
import { useLiveStock } from '../stock/live.js';
import { StockNav } from '../stock/StockNav.js';
import { loadShop, type Shop } from '../stock/shop.js';

function LevelPill({ level }: { level: string }) {
  return <span class={`pill pill--stock-${level}`}>{t.stock.levelNames[level] ?? level}</span>;
}

function LevelsTable({ shop }: { shop: Shop }) {
  const rows = shop.products.flatMap((product) =>
    (shop.stock.get(product.sku)?.locations ?? []).map((at) => ({ product, at })),
  );
  if (rows.length === 0) return <p>{shop.products.length ? t.stock.noLocations : t.stock.noProducts}</p>;
  return (
    <ListTable
      caption={t.stock.levelsTitle}
      columns={[
        t.stock.product,
        t.stock.location,
        { label: t.stock.onHand, numeric: true },
        { label: t.stock.reserved, numeric: true },
        { label: t.stock.available, numeric: true },
        t.stock.level,
      ]}
    >
      {rows.map(({ product, at }) => (
        <tr key={`${product.sku} ${at.locationId}`}>
          <th scope="row">
            {product.name} <span class="sku">{product.sku}</span>
          </th>
          <td>{shop.locationName(at.locationId)}</td>
          <td class="number">{at.onHand}</td>
          <td class="number">{at.reserved}</td>
          <td class="number">{at.available}</td>
          <td>
            <LevelPill level={at.level} />
          </td>
        </tr>
      ))}
    </ListTable>
  );
}

function LowList({ shop }: { shop: Shop }) {
  const low = shop.products.filter((p) => {
    const level = shop.stock.get(p.sku)?.level;
    return level === 'low' || level === 'out';
  });
  return (
    <section class="card" aria-labelledby="low-title">
      <h2 id="low-title">{t.stock.lowList}</h2>
      {low.length === 0 ? (
        <p>{t.stock.nothingLow}</p>
      ) : (
        <ul>
          {low.map((p) => (
            <li key={p.sku}>
              {p.name}: {shop.stock.get(p.sku)?.available} {t.stock.available.toLowerCase()}{' '}
              <LevelPill level={shop.stock.get(p.sku)?.level ?? 'out'} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export default function Stock() {
  const shop = useLoad(loadShop, []);
  const live = useLiveStock(shop);
  return (
    <section>
      <Heading>{t.stock.title}</Heading>
      <StockNav />
      <Loadable loader={shop}>
        {(data) => (
          <>
            <AdjustForm shop={data} onAdjusted={() => void shop.reload()} />
            <section aria-labelledby="levels-title">
              <h2 id="levels-title">{t.stock.levelsTitle}</h2>
              {data.products.some((p) => p.active) && (
                <p class={`live live--${live.value}`} role="status">
                  {t.stock.live[live.value]}
                </p>
              )}
              <LevelsTable shop={data} />
            </section>
            <LowList shop={data} />
          </>
        )}
      </Loadable>
    </section>
  );
}
