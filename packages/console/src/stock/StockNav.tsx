/**
 * @module The links between the stock screens (levels, reservations to collect, the ledger, import,
 * and products and locations for owners), shown
 * under each one's heading; the current one is marked for screen readers too.
 */
import { t } from '../i18n/index.js';
import { link, place } from '../router.js';
import { isOwner } from '../state/session.js';

const sections = [
  ['/stock', () => t.stock.levels],
  ['/stock/collect', () => t.stock.toCollect],
  ['/stock/ledger', () => t.stock.ledger],
  ['/stock/import', () => t.stock.import],
] as const;
/** Changing products and locations is for owners; staff do not see the links (the API refuses them too). */
const ownerSections = [
  ...sections,
  ['/stock/products', () => t.stock.products] as const,
  ['/stock/locations', () => t.stock.locations] as const,
];

export function StockNav() {
  const path = place.value.path.replace(/\/$/, '');
  return (
    <nav aria-label={t.stock.sections} class="subnav">
      <ul>
        {(isOwner.value ? ownerSections : sections).map(([to, label]) => (
          <li key={to}>
            <a {...link(to)} aria-current={path === to ? 'page' : undefined}>
              {label()}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
