/**
 * @module The links between the stock screens: levels, reservations to collect, the ledger, import,
 * and products and locations for owners.
 */

import { type Section, SubNav } from '../components/SubNav.js';
import { t } from '../i18n/index.js';
import { isOwner } from '../state/session.js';

const sections = [
  ['/stock', () => t.stock.levels],
  ['/stock/collect', () => t.stock.toCollect],
  ['/stock/ledger', () => t.stock.ledger],
  ['/stock/import', () => t.stock.import],
] satisfies Section[];
/** Changing products and locations is for owners; staff do not see the links (the API refuses them too). */
const ownerSections: Section[] = [
  ...sections,
  ['/stock/products', () => t.stock.products],
  ['/stock/locations', () => t.stock.locations],
];

export function StockNav() {
  return <SubNav label={t.stock.sections} sections={isOwner.value ? ownerSections : sections} />;
}
