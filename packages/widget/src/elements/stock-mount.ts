/**
 * @module Mounts `<frontdesk-stock sku="…">` into its shadow root: the product's level (in stock,
 * only N left, out of stock) and, without a `location` attribute, the level per shop, kept live.
 * Each update is also announced as a `frontdesk:stock` DOM event (`detail: { sku, stock }`). With
 * the `reserve` attribute it also offers "Reserve for pickup" (`frontdesk:reserved` on success).
 *
 * Plain DOM rather than Preact: the view is a few lines of text, and sharing Preact with the
 * booking UI would make the bundler split it into a common chunk whose wrapper pushes the booking
 * flow over its 20 KB budget. All text goes in through `textContent`, never as HTML.
 */
import type { StockLevel } from '@frontdesk/core';
import { type StockMessages, stockLocale, stockMessages } from '../i18n/stock.js';
import { createStockFeed, type StockView } from '../state/stock-feed.js';
import { stockSheet } from '../styles/stock-css.js';
import type { MountedApp } from './lazy-element.js';
import { createReserve } from './stock-reserve.js';

/** Attributes whose change restarts the feed. */
const identity = ['api', 'key', 'sku', 'location', 'lang', 'reserve'];

function levelText(t: StockMessages, level: StockLevel, available: number): string {
  return level === 'out' ? t.out : level === 'low' ? t.low(available) : t.inStock;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The skeleton of the view: built once, so the live region stays the same node between updates. */
function createView(container: HTMLElement, reserve: ReturnType<typeof createReserve> | undefined) {
  const name = el('p', '');
  const status = el('p', 'lvl');
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  const list = el('ul', '');
  const note = el('p', 'muted');
  const panel = el('div', 'st');
  panel.append(name, status, list, note);
  if (reserve) panel.append(reserve.element);

  return (view: StockView, t: StockMessages, location: string | null) => {
    if (view.kind !== 'ready') {
      container.replaceChildren(el('p', 'muted', view.kind === 'loading' ? t.loading : t.unavailable));
      return;
    }
    if (!panel.isConnected) container.replaceChildren(panel);
    const one = location === null ? undefined : view.stock.locations.find((l) => l.locationId === location);
    const shown = one ?? view.stock;
    name.textContent = view.name;
    status.className = `lvl ${shown.level}`;
    const text = levelText(t, shown.level, shown.available);
    if (status.textContent !== text) status.textContent = text;
    const perShop = location === null && view.stock.locations.length > 1;
    list.hidden = !perShop;
    list.setAttribute('aria-label', t.byLocation);
    list.replaceChildren(
      ...(perShop
        ? view.stock.locations.map((l) => {
            const item = el('li', '');
            item.append(
              el('span', '', view.locationNames[l.locationId] ?? l.locationId),
              el('span', l.level, levelText(t, l.level, l.available)),
            );
            return item;
          })
        : []),
    );
    note.hidden = view.live;
    note.textContent = view.live ? '' : t.reconnecting;
    reserve?.update(view);
  };
}

/**
 * Mounts the stock UI into `root`, configured by `host`'s attributes.
 *
 * @example
 * const app = mount(el, el.attachShadow({ mode: 'open' }));
 * // later: app.destroy();
 */
export function mount(host: HTMLElement, root: ShadowRoot): MountedApp {
  const attr = (name: string) => host.getAttribute(name);
  const emit = (type: string, detail: unknown) =>
    host.dispatchEvent(new CustomEvent(`frontdesk:${type}`, { bubbles: true, composed: true, detail }));
  const container = document.createElement('div');
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, stockSheet()];
  root.replaceChildren(container);
  let signature = '';
  let stop = () => {};

  function start(): void {
    stop();
    signature = identity.map(attr).join('\n');
    const sku = attr('sku') ?? '';
    const lang = attr('lang') || host.ownerDocument.documentElement.lang || navigator.language || 'en';
    const t = stockMessages(lang);
    // (Not `new URL('..', import.meta.url)`: Vite would take that for an asset to bundle.)
    const api = attr('api') || new URL(import.meta.url).origin;
    const key = attr('key') ?? '';
    const reserve = host.hasAttribute('reserve')
      ? createReserve({
          base: `${api.replace(/\/+$/, '')}/v1`,
          key,
          sku,
          location: attr('location'),
          t,
          locale: stockLocale(lang),
          onReserved: (reservation) => emit('reserved', reservation),
        })
      : undefined;
    const render = createView(container, reserve);
    const feed = createStockFeed({
      api,
      key,
      sku,
      onChange: (stock) => emit('stock', { sku, stock }),
      onError: (reason) => emit('error', { error: reason }),
    });
    const unsubscribe = feed.subscribe((view) => render(view, t, attr('location')));
    stop = () => {
      unsubscribe();
      feed.close();
    };
  }

  start();
  return {
    update() {
      if (identity.map(attr).join('\n') !== signature) start();
    },
    destroy() {
      stop();
      container.replaceChildren();
    },
  };
}
