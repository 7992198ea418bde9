/**
 * @module The live stock of one product for `<frontdesk-stock>`: the product's name and the shop
 * names by plain GETs, then the numbers from the API's server-sent event stream, whose first message
 * is the current stock. `EventSource` reconnects by itself and resumes with `Last-Event-ID`; it
 * cannot send headers, so the stream takes the publishable key as `?key=`, and so do the GETs (a
 * cross-origin GET without an `Authorization` header needs no CORS preflight).
 * State is a status union the UI subscribes to; nothing here throws into the UI. (A plain callback
 * rather than a signal: importing signals here would split them into a chunk shared with the
 * booking UI, and that chunk's wrapper alone would push the booking flow over its size budget.)
 */
import type { ProductStock, StockEvent } from '@frontdesk/core';

export type StockView =
  | { kind: 'loading' }
  | {
      kind: 'ready';
      name: string;
      stock: ProductStock;
      /** Location id → shop name (the id when the name is unknown). */
      locationNames: Record<string, string>;
      /** False while the stream is reconnecting: the numbers may be stale. */
      live: boolean;
    }
  | { kind: 'unavailable'; reason: string };

export interface StockFeedOptions {
  /** API origin (and optional base path). */
  api: string;
  /** Publishable key. */
  key: string;
  sku: string;
  onChange?: (stock: ProductStock) => void;
  onError?: (reason: string) => void;
}

export interface StockFeed {
  /** The current state. */
  readonly view: StockView;
  /** Calls `listener` now and on every change; returns the unsubscribe. */
  subscribe(listener: (view: StockView) => void): () => void;
  close(): void;
}

export function createStockFeed(options: StockFeedOptions): StockFeed {
  let latest: StockView = { kind: 'loading' };
  const listeners = new Set<(view: StockView) => void>();
  const view = {
    get value(): StockView {
      return latest;
    },
    set value(next: StockView) {
      latest = next;
      for (const listener of listeners) listener(next);
    },
  };
  const base = `${options.api.replace(/\/+$/, '')}/v1`;
  const key = `key=${encodeURIComponent(options.key)}`;
  let name = options.sku;
  let locationNames: Record<string, string> = {};
  let closed = false;

  const getJson = async <T>(path: string): Promise<T | 'missing' | undefined> => {
    try {
      const res = await fetch(`${base}${path}${path.includes('?') ? '&' : '?'}${key}`);
      if (res.status === 404) return 'missing';
      return res.ok ? ((await res.json()) as T) : undefined;
    } catch {
      return undefined;
    }
  };
  const fail = (reason: string) => {
    view.value = { kind: 'unavailable', reason };
    options.onError?.(reason);
  };
  // Names only decorate the numbers: if they fail, the SKU and location ids are shown instead.
  void Promise.all([
    getJson<{ name: string }>(`/products/${encodeURIComponent(options.sku)}`),
    getJson<{ data: { id: string; name: string }[] }>('/locations?limit=100'),
  ]).then(([product, shops]) => {
    if (closed) return;
    if (product === 'missing') {
      // No such product (or not shown to the public): say so now rather than wait for the stream.
      source.close();
      fail('no such product');
      return;
    }
    if (product) name = product.name;
    if (shops && shops !== 'missing')
      locationNames = Object.fromEntries(shops.data.map((s) => [s.id, s.name]));
    const current = view.value;
    if (current.kind === 'ready') view.value = { ...current, name, locationNames };
  });

  const query = `skus=${encodeURIComponent(options.sku)}&${key}`;
  const source = new EventSource(`${base}/stock/stream?${query}`);
  source.addEventListener('stock', (message) => {
    let event: StockEvent;
    try {
      event = JSON.parse((message as MessageEvent<string>).data) as StockEvent;
    } catch {
      return;
    }
    if (event.sku !== options.sku) return;
    view.value = { kind: 'ready', name, stock: event.stock, locationNames, live: true };
    options.onChange?.(event.stock);
  });
  source.addEventListener('open', () => {
    const current = view.value;
    if (current.kind === 'ready' && !current.live) view.value = { ...current, live: true };
  });
  source.addEventListener('error', () => {
    if (closed) return;
    const current = view.value;
    if (source.readyState === EventSource.CLOSED) {
      // The API refused the stream (bad key, origin not allowed, unknown SKU format): final.
      fail('stream refused');
    } else if (current.kind === 'ready' && current.live) {
      view.value = { ...current, live: false };
    }
  });
  // A product that never gets a first message (unknown or inactive SKU) ends as unavailable.
  const firstMessageTimer = setTimeout(() => {
    if (view.value.kind === 'loading') fail('no stock for this product');
  }, 10_000);

  return {
    get view() {
      return latest;
    },
    subscribe(listener) {
      listeners.add(listener);
      listener(latest);
      return () => listeners.delete(listener);
    },
    close() {
      closed = true;
      clearTimeout(firstMessageTimer);
      source.close();
    },
  };
}
