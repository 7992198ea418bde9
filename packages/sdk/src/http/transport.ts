/**
 * @module The one place requests leave the SDK: base URL, key, JSON, timeout, retries, and the
 * mapping of every failure to an SDK error class. Resources describe calls; this runs them.
 */
import ky, { HTTPError, TimeoutError as KyTimeoutError } from 'ky';
import type { ClientOptions } from '../client.js';
import { errorFromResponse } from '../errors/from-response.js';
import { FrontdeskError } from '../errors/frontdesk-error.js';
import { NetworkError } from '../errors/network-error.js';
import { TimeoutError } from '../errors/timeout-error.js';
import type { Page } from '../types.js';
import { PagePromise } from './page.js';
import { kyRetryOptions, retryReason } from './retry.js';

/**
 * Options every method accepts as its last argument.
 *
 * @example
 * ```ts
 * await client.services.list({}, { signal: AbortSignal.timeout(3000) });
 * ```
 */
export interface RequestOptions {
  /** Aborts the call and any pending retry; the call then rejects with the signal's reason. */
  signal?: AbortSignal | undefined;
}

/**
 * Options of create calls, which are safe to retry thanks to their idempotency key.
 *
 * @example
 * ```ts
 * await client.bookings.create(input, { idempotencyKey: `checkout-${cart.id}` });
 * ```
 */
export interface CreateOptions extends RequestOptions {
  /**
   * Sent as `Idempotency-Key`. The SDK makes a fresh one per call and reuses it for that call's
   * retries; pass your own to make a retry of your own (e.g. after a reload) safe as well.
   */
  idempotencyKey?: string | undefined;
}

/**
 * Options of the calls a customer makes on their own booking.
 *
 * @example
 * ```ts
 * await client.bookings.get(bookingId, { token: manageToken });
 * ```
 */
export interface ManageOptions extends RequestOptions {
  /** The booking's manage token: lets a publishable key see and change this one booking. */
  token?: string | undefined;
}

/**
 * Query parameters; `undefined` values are left out.
 *
 * @example
 * ```ts
 * const query: Query = { limit: 10, cursor: undefined };
 * ```
 */
export type Query = { [name: string]: string | number | boolean | undefined };

/**
 * One API call, as a resource describes it.
 *
 * @example
 * ```ts
 * const call: Call = { method: 'POST', path: 'closures', body: { startDate, endDate } };
 * ```
 */
export interface Call {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path below `/v1/`, ids already encoded. */
  path: string;
  query?: Query | undefined;
  body?: unknown;
  /** A body of raw bytes (a file) sent as is, instead of `body` as JSON. */
  upload?: { body: Blob | Uint8Array | string; contentType: string } | undefined;
  idempotencyKey?: string | undefined;
  signal?: AbortSignal | undefined;
  /**
   * How to read a 2xx answer. Default `json`. `response` hands back the unread `Response`, for
   * streams (e.g. server-sent events read with `response.body`); the timeout covers only the wait
   * for its headers.
   */
  read?: 'json' | 'text' | 'none' | 'response';
}

const defaultTimeout = 10_000;

/**
 * What a transport is made from: the client's options, where a console session (`session: true`,
 * the browser's cookie) may stand in for the key.
 *
 * @example
 * ```ts
 * const options: TransportOptions = { baseUrl: location.origin, session: true };
 * ```
 */
export type TransportOptions = Omit<ClientOptions, 'key'> & { key?: string; session?: boolean };

/**
 * Encodes one path segment (ids are opaque; never trust them to be URL-safe).
 *
 * @example
 * ```ts
 * `services/${segment(id)}`;
 * ```
 */
export const segment = (id: string): string => encodeURIComponent(id);

/**
 * Runs calls against one API with one key. Made by `createClient`; resources receive it.
 *
 * @example
 * ```ts
 * const transport = new Transport({ baseUrl: 'https://api.example.com', key: 'fd_pk_…' });
 * const business = await transport.request<Business>({ method: 'GET', path: 'business' });
 * ```
 */
export class Transport {
  readonly #base: string;
  readonly #options: TransportOptions;

  constructor(options: TransportOptions) {
    let base: URL;
    try {
      base = new URL(String(options.baseUrl));
    } catch {
      throw new TypeError(`createClient: baseUrl must be an absolute URL, got "${String(options.baseUrl)}"`);
    }
    if (!options.session && (typeof options.key !== 'string' || options.key.trim() === '')) {
      throw new TypeError('createClient: key is required (fd_pk_… in a browser, fd_sk_… on a server)');
    }
    const { timeout } = options;
    if (timeout !== undefined && timeout !== false && !(timeout > 0 && timeout <= 2_147_483_647)) {
      throw new TypeError(
        `createClient: timeout must be a number of milliseconds > 0 or false, got ${timeout}`,
      );
    }
    // Accept the API origin with or without the `/v1` prefix (and without a query or fragment).
    base.search = '';
    base.hash = '';
    const root = base.href.replace(/\/+$/, '');
    this.#base = root.endsWith('/v1') ? `${root}/` : `${root}/v1/`;
    this.#options = options;
  }

  /**
   * Runs one call and returns its parsed answer, or throws an SDK error.
   *
   * @example
   * ```ts
   * await transport.request({ method: 'DELETE', path: `holds/${segment(id)}`, read: 'none' });
   * ```
   */
  async request<T>(call: Call): Promise<T> {
    const { key, headers: extraHeaders, timeout = defaultTimeout, retry, fetch } = this.#options;
    const headers = new Headers(extraHeaders);
    if (key) headers.set('authorization', `Bearer ${key}`);
    if (call.idempotencyKey !== undefined) headers.set('idempotency-key', call.idempotencyKey);
    if (call.upload) headers.set('content-type', call.upload.contentType);
    // Repeating is safe only for reads, and for creates the API deduplicates by idempotency key.
    const retriable = call.method === 'GET' || (call.method === 'POST' && call.idempotencyKey !== undefined);
    let response: Response;
    try {
      response = await ky(this.#base + call.path, {
        method: call.method,
        headers,
        ...(call.upload ? { body: call.upload.body as BodyInit } : { json: call.body }),
        // A console session rides on the cookie, which goes to this same origin only.
        credentials: 'same-origin',
        searchParams: call.query,
        signal: call.signal,
        timeout,
        retry: kyRetryOptions(retry, retriable, call.signal),
        hooks: {
          beforeRetry: [
            ({ error, retryCount }) => {
              if (retry) retry.onRetry?.({ attempt: retryCount, reason: retryReason(error) });
            },
          ],
        },
        ...(fetch ? { fetch } : {}),
      });
    } catch (error) {
      throw await this.#toSdkError(error, call.signal, timeout);
    }
    const read = call.read ?? 'json';
    if (read === 'response') return response as T;
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      // The connection broke while the body was arriving.
      throw call.signal?.aborted ? call.signal.reason : new NetworkError(error);
    }
    if (read !== 'json') return (read === 'text' ? text : undefined) as T;
    try {
      return (text === '' ? undefined : JSON.parse(text)) as T;
    } catch (error) {
      // A 2xx that is not JSON comes from something in between (a captive portal, a misrouted
      // proxy), not from the API: say so rather than fail later on a wrong shape.
      throw new FrontdeskError(`Expected JSON from the API, got ${response.headers.get('content-type')}`, {
        status: response.status,
        code: 'invalid_response',
        requestId: response.headers.get('x-request-id') ?? undefined,
        cause: error,
      });
    }
  }

  /**
   * Runs a list call as a {@link PagePromise}: the first page, iterable over all pages.
   *
   * @example
   * ```ts
   * return transport.list<Service>('services', { limit: 50 }, options);
   * ```
   */
  list<T>(path: string, query: Query | undefined, options: RequestOptions | undefined): PagePromise<T> {
    return new PagePromise(
      (cursor) =>
        this.request<Page<T>>({
          method: 'GET',
          path,
          query: cursor === undefined ? query : { ...query, cursor },
          signal: options?.signal,
        }),
      options?.signal,
    );
  }

  async #toSdkError(
    error: unknown,
    signal: AbortSignal | undefined,
    timeout: number | false,
  ): Promise<unknown> {
    if (error instanceof HTTPError) return errorFromResponse(error.response);
    if (error instanceof KyTimeoutError) return new TimeoutError(timeout === false ? 0 : timeout, error);
    // The caller's own abort is not a failure of the API: reject with their reason, like fetch.
    if (signal?.aborted) return signal.reason;
    return new NetworkError(error);
  }
}
