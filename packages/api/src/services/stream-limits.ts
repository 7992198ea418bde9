/**
 * @module Limits of the live stock stream. A stream holds a connection, a feed subscriber and a
 * heartbeat timer for as long as its client likes, and each connect reads the stock of every SKU
 * it watches: without limits, one client could hold hundreds of streams or open and drop them in a
 * loop to slow everyone's reads. So: at most `maxSkus` SKUs per stream (422), and 429 past
 * `perClient` open streams per (key, client address), past `perProcess` open streams in all, or
 * past the connect rate per (key, client address). Counted in memory: a stream lives in one
 * process, so these are per process (unlike the write rate limit, which is counted in the database).
 */
import { ApiError } from '../errors.js';
import { type RateLimitOptions, tokenBuckets } from '../middleware/rate-limit.js';

export interface StreamLimitOptions {
  /** Most SKUs one stream may watch. Default 50. */
  maxSkus?: number;
  /** Open streams per key and client address (IPv6: per /64); `false` = no cap. Default 10. */
  perClient?: number | false;
  /** Open streams in this process; `false` = no cap. Default 1000. */
  perProcess?: number | false;
  /** Connects per key and client address; `false` = no limit. Default 60 a minute, bursts of 20. */
  connectRate?: RateLimitOptions | false;
}

export interface StreamLimits {
  readonly maxSkus: number;
  /** Streams open in this process now (a metrics gauge). */
  readonly open: number;
  /**
   * Admits one stream of `client` (`key id|address`) or throws 429 `rate_limited`. Returns the
   * function that ends it: call it once, when the stream closes for any reason.
   */
  admit(client: string, now: number): () => void;
}

const refuse = (detail: string, retryAfter: number) =>
  new ApiError(429, 'rate_limited', {
    detail,
    headers: { 'Retry-After': String(retryAfter) },
    retryAfter,
  });

export function streamLimits(options: StreamLimitOptions = {}): StreamLimits {
  const perClient = options.perClient ?? 10;
  const perProcess = options.perProcess ?? 1000;
  const connects =
    options.connectRate === false
      ? undefined
      : tokenBuckets({ limit: 60, windowSeconds: 60, burst: 20, ...options.connectRate });
  const open = new Map<string, number>();
  let total = 0;

  return {
    maxSkus: options.maxSkus ?? 50,
    get open() {
      return total;
    },
    admit(client, now) {
      const taken = connects?.take(client, now);
      if (taken && !taken.allowed) {
        throw refuse(
          `Too many stream connects; retry in ${taken.retryAfterSeconds} s`,
          taken.retryAfterSeconds,
        );
      }
      if (perProcess !== false && total >= perProcess) {
        throw refuse('This server has as many live streams as it takes; retry later', 30);
      }
      const mine = open.get(client) ?? 0;
      if (perClient !== false && mine >= perClient) {
        throw refuse(
          `At most ${perClient} streams can be open at once from one client; close one, or watch several SKUs in one stream`,
          5,
        );
      }
      open.set(client, mine + 1);
      total++;
      let ended = false;
      return () => {
        if (ended) return;
        ended = true;
        total--;
        const left = (open.get(client) ?? 1) - 1;
        // Forget clients with nothing open, so memory stays bounded by active clients.
        if (left <= 0) open.delete(client);
        else open.set(client, left);
      };
    },
  };
}
