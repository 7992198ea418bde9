/**
 * @module Live stock: `subscribeStock` reads the API's server-sent events over `fetch` (so it works
 * in browsers, Node ≥ 20 and workers, and can send the key as a header), hands each change to a
 * callback, and reconnects by itself after a drop — resuming from the last event id it saw, with
 * backoff — until closed. Errors a retry cannot cure (bad key, bad SKUs) end the subscription.
 */
import type { Transport } from './http/transport.js';
import type { ProductStock, StockEvent } from './resources/stock.js';

/**
 * One parsed server-sent event.
 *
 * @example
 * ```ts
 * const message: SseMessage = { event: 'stock', id: '42', data: '{"sku":"HELMET-M"}' };
 * ```
 */
export interface SseMessage {
  event: string;
  id: string | undefined;
  data: string;
  retry: number | undefined;
}

/**
 * Splits a text/event-stream into messages as chunks arrive (any chunk boundary, LF or CRLF).
 *
 * @example
 * ```ts
 * const parse = sseParser((m) => console.log(m.event, m.data));
 * parse('event: stock\ndata: {}\n\n');
 * ```
 */
export function sseParser(onMessage: (message: SseMessage) => void): (chunk: string) => void {
  let buffer = '';
  let message: SseMessage = { event: 'message', id: undefined, data: '', retry: undefined };
  let hasData = false;
  return (chunk) => {
    buffer += chunk;
    const lines = buffer.split(/\r\n|\r|\n/);
    buffer = lines.pop() ?? '';
    for (const line of lines) {
      if (line === '') {
        if (hasData) onMessage(message);
        message = { event: 'message', id: undefined, data: '', retry: undefined };
        hasData = false;
        continue;
      }
      if (line.startsWith(':')) continue; // a comment: heartbeats
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') message.event = value;
      else if (field === 'id') message.id = value;
      else if (field === 'retry' && /^\d+$/.test(value)) message.retry = Number(value);
      else if (field === 'data') {
        message.data = hasData ? `${message.data}\n${value}` : value;
        hasData = true;
      }
    }
  };
}

/**
 * Where a subscription is: `connecting` (first time or after a drop), `open`, or `closed`.
 *
 * @example
 * ```ts
 * const status: StockSubscriptionStatus = 'open';
 * ```
 */
export type StockSubscriptionStatus = 'connecting' | 'open' | 'closed';

/**
 * Settings of `client.stock.subscribe`.
 *
 * @example
 * ```ts
 * const options: SubscribeOptions = { onStatus: (s) => badge.textContent = s, maxDelay: 10_000 };
 * ```
 */
export interface SubscribeOptions {
  /** Called when the connection opens, drops (then `connecting` again) or ends. */
  onStatus?: (status: StockSubscriptionStatus) => void;
  /**
   * Called with each failure. Connection drops, timeouts, 429 and 5xx are retried after it is
   * called; any other error (an invalid key, unknown SKUs) ends the subscription.
   */
  onError?: (error: unknown) => void;
  /** First reconnect delay in ms, doubled each failed attempt, jittered. Default 1000. */
  baseDelay?: number;
  /** Longest reconnect delay in ms. Default 30000. */
  maxDelay?: number;
  /** Ends the subscription when aborted (like calling `close()`). */
  signal?: AbortSignal;
}

/**
 * A running subscription.
 *
 * @example
 * ```ts
 * const subscription = client.stock.subscribe(['HELMET-M'], render);
 * window.addEventListener('pagehide', () => subscription.close());
 * ```
 */
export interface StockSubscription {
  /** Stops reading and never reconnects. */
  close(): void;
  /** Resolves when the subscription has ended (closed, aborted, or a non-retriable error). */
  readonly done: Promise<void>;
}

/** Whether a failure is worth reconnecting for (network, timeout, 408/429/5xx). */
function retriable(error: unknown): boolean {
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status !== 'number') return true;
  return status === 408 || status === 429 || status >= 500;
}

/**
 * Subscribes to the stock of `skus`; `onChange` gets each SKU's stock on connect and after each
 * change. Used by `client.stock.subscribe`.
 *
 * @example
 * ```ts
 * const sub = subscribeStock(transport, ['HELMET-M'], (stock) => console.log(stock.available));
 * ```
 */
export function subscribeStock(
  transport: Transport,
  skus: readonly string[],
  onChange: (stock: ProductStock, event: StockEvent) => void,
  options: SubscribeOptions = {},
): StockSubscription {
  const controller = new AbortController();
  const close = () => controller.abort();
  options.signal?.addEventListener('abort', close, { once: true });
  if (options.signal?.aborted) close();
  const baseDelay = options.baseDelay ?? 1000;
  const maxDelay = options.maxDelay ?? 30_000;
  let lastEventId: string | undefined;
  let serverRetry: number | undefined;

  const readOnce = async (): Promise<void> => {
    options.onStatus?.('connecting');
    const response = await transport.request<Response>({
      method: 'GET',
      path: 'stock/stream',
      query: { skus: skus.join(','), lastEventId },
      signal: controller.signal,
      read: 'response',
    });
    options.onStatus?.('open');
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    // Not every fetch ties the body to the signal (service workers, mocks): cancel it ourselves.
    const stop = () => void reader.cancel().catch(() => undefined);
    controller.signal.addEventListener('abort', stop, { once: true });
    const parse = sseParser((message) => {
      if (message.retry !== undefined) serverRetry = message.retry;
      if (message.event !== 'stock') return;
      const event = JSON.parse(message.data) as StockEvent;
      if (message.id !== undefined) lastEventId = message.id;
      onChange(event.stock, event);
    });
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        parse(value);
      }
    } finally {
      controller.signal.removeEventListener('abort', stop);
      await reader.cancel().catch(() => undefined);
    }
  };

  const done = (async () => {
    let failures = 0;
    while (!controller.signal.aborted) {
      try {
        await readOnce();
        failures = 0; // it was open: the next drop starts the backoff afresh
      } catch (error) {
        if (controller.signal.aborted) break;
        options.onError?.(error);
        if (!retriable(error)) break;
        failures++;
      }
      if (controller.signal.aborted) break;
      const backoff = Math.min(maxDelay, (serverRetry ?? baseDelay) * 2 ** Math.max(0, failures - 1));
      const delay = backoff / 2 + Math.random() * (backoff / 2);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        const wake = () => {
          clearTimeout(timer);
          resolve();
        };
        controller.signal.addEventListener('abort', wake, { once: true });
      });
    }
    options.onStatus?.('closed');
  })();

  return { close, done };
}
