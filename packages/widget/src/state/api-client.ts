/**
 * @module The widget's line to the Frontdesk API. It never throws: every call resolves to a
 * result the UI can branch on. GETs, and POSTs carrying an Idempotency-Key, are retried on network
 * failures and on 408/429/5xx with backoff, and the caller is told so it can say "retrying".
 * GETs carry the publishable key as `?key=` and no header at all: a cross-origin GET is then a
 * "simple request", sent without a CORS preflight (one round trip less each, which on a slow phone
 * network is most of the wait). Writes send `Authorization: Bearer`; their JSON bodies need a
 * preflight anyway.
 *
 * Why not `@frontdesk/sdk`: the SDK (ky + every resource) would spend a third of the widget's
 * 20 KB budget on calls the widget never makes; this file is the eight calls it does make.
 */
import type { Availability, Booking, FieldError, Hold, Service } from '@frontdesk/core';

/** Why a call failed, in the terms the UI needs. */
export type ApiFailure =
  | { kind: 'network' }
  | {
      kind: 'http';
      status: number;
      /** The problem's stable `code` (`slot_unavailable`, `validation_failed`, …). */
      code: string;
      detail: string;
      fieldErrors: FieldError[];
    };

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiFailure };

export interface ApiClientOptions {
  /** The API origin (and optional base path), e.g. `https://book.example.com`. */
  api: string;
  /** A publishable key, `fd_pk_…`. */
  key: string;
  /** Called before each retry, so the UI can tell the visitor why it is waiting. */
  onRetry?: (attempt: number) => void;
  /** Retries after the first try (default 3). */
  retries?: number;
  /** First backoff in ms (default 400; doubled each time, with full jitter). */
  backoffMs?: number;
  /**
   * GET answers already on their way (started by the loader), by path without the key (e.g.
   * `/services?limit=100`); each is used once.
   */
  prefetched?: Map<string, Promise<Response>>;
}

export type ApiClient = ReturnType<typeof createApiClient>;

const retryStatuses = [408, 429, 500, 502, 503, 504];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A fresh idempotency key (128 random bits, hex). `getRandomValues` rather than `randomUUID`:
 * the latter exists only on HTTPS pages, and widgets also live on plain-HTTP sites.
 */
export const newIdempotencyKey = (): string =>
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

/**
 * Creates the client.
 *
 * @example
 * const api = createApiClient({ api: 'https://book.example.com', key: 'fd_pk_…' });
 * const result = await api.services();
 * if (result.ok) console.log(result.value.map((s) => s.name));
 */
export function createApiClient(options: ApiClientOptions) {
  const base = options.api.replace(/\/+$/, '') + '/v1';
  const retries = options.retries ?? 3;
  const backoff = options.backoffMs ?? 400;

  async function call<T>(
    method: string,
    path: string,
    body?: unknown,
    /** `true` for GETs (retry freely); a key for writes that may be retried; else no retry. */
    idempotent: boolean | string = method === 'GET',
    parse: (r: Response) => Promise<T> = (r) => r.json() as Promise<T>,
  ): Promise<ApiResult<T>> {
    const read = method === 'GET';
    const url = read
      ? `${base}${path}${path.includes('?') ? '&' : '?'}key=${encodeURIComponent(options.key)}`
      : base + path;
    const headers: Record<string, string> = read ? {} : { Authorization: `Bearer ${options.key}` };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (idempotent && !read) {
      headers['Idempotency-Key'] = typeof idempotent === 'string' ? idempotent : newIdempotencyKey();
    }
    for (let attempt = 0; ; attempt++) {
      let failure: ApiFailure;
      let wait = backoff * 2 ** attempt * Math.random();
      try {
        const early = read && attempt === 0 ? options.prefetched?.get(path) : undefined;
        options.prefetched?.delete(path);
        const response = await (early ??
          fetch(url, { method, headers, body: body === undefined ? null : JSON.stringify(body) }));
        if (response.ok) return { ok: true, value: await parse(response) };
        failure = await toFailure(response);
        const retryAfter = Number(response.headers.get('Retry-After'));
        if (retryAfter > 0) wait = Math.min(retryAfter, 10) * 1000;
        if (!retryStatuses.includes(response.status)) return { ok: false, error: failure };
      } catch {
        failure = { kind: 'network' };
      }
      if (!idempotent || attempt >= retries) return { ok: false, error: failure };
      options.onRetry?.(attempt + 1);
      await sleep(wait);
    }
  }

  const q = (token: string) => `?token=${encodeURIComponent(token)}`;
  const id = encodeURIComponent;

  return {
    services: () => call<{ data: Service[] }>('GET', '/services?limit=100'),
    service: (serviceId: string) => call<Service>('GET', `/services/${id(serviceId)}`),
    /** `from`/`to`: dates in the business's zone, inclusive. */
    availability: (service: string, from: string, to: string) =>
      call<Availability>('GET', `/availability?service=${id(service)}&from=${from}&to=${to}`),
    hold: (service: string, start: string) => call<Hold>('POST', '/holds', { service, start }, true),
    releaseHold: (holdId: string) =>
      call<null>('DELETE', `/holds/${id(holdId)}`, undefined, false, async () => null),
    /** `key`: the same for every attempt at the same booking, so a lost answer is replayed. */
    book: (
      input: {
        service: string;
        start: string;
        holdId?: string;
        customer: { name: string; email: string; phone?: string; timeZone?: string };
        answers: Record<string, string | boolean>;
        locale?: string | undefined;
      },
      key: string = newIdempotencyKey(),
    ) => call<Booking>('POST', '/bookings', input, key),
    booking: (bookingId: string, token: string) =>
      call<Booking>('GET', `/bookings/${id(bookingId)}${q(token)}`),
    cancel: (bookingId: string, token: string) =>
      call<Booking>('POST', `/bookings/${id(bookingId)}/cancel${q(token)}`, {}),
    reschedule: (bookingId: string, token: string, start: string) =>
      call<Booking>('POST', `/bookings/${id(bookingId)}/reschedule${q(token)}`, { start }),
    /** The booking as an iCalendar file (needs the key, so it is fetched, not linked). */
    ics: (bookingId: string, token: string) =>
      call<Blob>('GET', `/bookings/${id(bookingId)}/ics${q(token)}`, undefined, true, (r) => r.blob()),
  };
}

async function toFailure(response: Response): Promise<ApiFailure> {
  let problem: { code?: unknown; detail?: unknown; errors?: unknown } = {};
  try {
    problem = (await response.json()) as typeof problem;
  } catch {
    // Not problem+json (a proxy's HTML page, say): the status alone has to do.
  }
  return {
    kind: 'http',
    status: response.status,
    code: typeof problem.code === 'string' ? problem.code : 'http_' + response.status,
    detail: typeof problem.detail === 'string' ? problem.detail : '',
    fieldErrors: Array.isArray(problem.errors) ? (problem.errors as FieldError[]) : [],
  };
}
