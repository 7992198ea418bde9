/**
 * @module The stock screen's live numbers: once the shop is loaded, one stream per 50 active SKUs
 * (the API's limit per stream) over `fetch` with the session cookie; each change replaces that
 * product's stock in the loaded shop, so the levels and the low list move without a reload. The
 * streams reconnect by themselves (resuming from the last event) and close with the screen.
 */
import type { StockSubscription, StockSubscriptionStatus } from '@frontdesk/sdk/console';
import { type Signal, useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { desk } from '../api.js';
import type { Loader } from '../state/load.js';
import type { Shop } from './shop.js';

/** SKUs one stream may watch (the API's default `maxSkus`). */
const perStream = 50;

/** Keeps `shop` up to date from the stream; answers whether every stream is open now. */
export function useLiveStock(shop: Loader<Shop>): Signal<StockSubscriptionStatus> {
  const status = useSignal<StockSubscriptionStatus>('connecting');
  const loaded = shop.state.value;
  const skus =
    loaded.status === 'ready' ? loaded.data.products.filter((p) => p.active).map((p) => p.sku) : [];
  const watched = skus.join(',');
  useEffect(() => {
    if (skus.length === 0) return;
    const streams = Math.ceil(skus.length / perStream);
    const states = new Map<number, StockSubscriptionStatus>();
    const subscriptions: StockSubscription[] = [];
    for (let from = 0; from < skus.length; from += perStream) {
      subscriptions.push(
        desk.stock.subscribe(
          skus.slice(from, from + perStream),
          (stock) => {
            const now = shop.state.peek();
            if (now.status !== 'ready') return;
            shop.set({ ...now.data, stock: new Map(now.data.stock).set(stock.sku, stock) });
          },
          {
            onStatus: (state) => {
              states.set(from, state);
              const all = [...states.values()];
              status.value = all.includes('closed')
                ? 'closed'
                : all.length === streams && all.every((s) => s === 'open')
                  ? 'open'
                  : 'connecting';
            },
          },
        ),
      );
    }
    return () => {
      for (const subscription of subscriptions) subscription.close();
    };
  }, [watched]);
  return status;
}
