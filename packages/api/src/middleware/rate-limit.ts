/**
 * @module Who a limit counts (the client address, behind trusted proxies), and token buckets in a
 * process's memory for limits that are per process by nature (the stock stream's connects: a
 * stream lives in one process). The write rate limit keeps its buckets in the database instead,
 * so that it holds across processes: see `write-limit.ts`.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { AppEnv } from '../env.js';
import { addressGroup } from './address-group.js';

export interface RateLimitOptions {
  /** Requests allowed per window (the sustained rate). Default 30. */
  limit?: number;
  /** Window in seconds. Default 60. */
  windowSeconds?: number;
  /** Bucket size: how many may come at once. Default 10. */
  burst?: number;
}

export interface ProxyOptions {
  /** `false`/`0`: use the socket address. `n`: trust `n` proxies, read X-Forwarded-For `n` hops from the right. */
  trustProxy?: boolean | number;
}

/**
 * The client's address — the socket peer, or the forwarded address when proxies are trusted — as
 * every per-address limit counts it: IPv4 per address, IPv6 per /64 (see `addressGroup`).
 */
export function clientAddress(c: Context<AppEnv>, trustProxy: boolean | number = false): string {
  return addressGroup(peerAddress(c, trustProxy));
}

function peerAddress(c: Context<AppEnv>, trustProxy: boolean | number): string {
  let socket = 'unknown';
  try {
    socket = getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // Not served by @hono/node-server (in-process tests, other runtimes): no socket to read.
  }
  const hops = trustProxy === true ? 1 : trustProxy === false ? 0 : Math.max(0, Math.floor(trustProxy));
  if (hops === 0) return socket;
  const forwarded = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  // The rightmost entries were added by our own proxies; the one `hops` from the right is the
  // address the outermost trusted proxy saw. Anything further left is client-supplied and forgeable.
  // Fewer entries than trusted hops: the request did not come through all our proxies, so no
  // entry is trustworthy (the leftmost is whatever the client wrote); count the socket peer.
  return forwarded.length >= hops ? (forwarded[forwarded.length - hops] ?? socket) : socket;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** The outcome of taking a token: allowed with what is left, or refused with when to retry. */
export type Take =
  | { allowed: true; remaining: number; resetSeconds: number }
  | { allowed: false; retryAfterSeconds: number };

/**
 * Token buckets by id, in this process's memory: `burst` at once, refilled at `limit` per
 * `windowSeconds`. Memory stays bounded by active clients (full buckets are forgotten). Used by the
 * stock stream's connect limit.
 */
export function tokenBuckets(options: RateLimitOptions): {
  take(id: string, now: number): Take;
  readonly limit: number;
  readonly windowSeconds: number;
} {
  const limit = options.limit ?? 30;
  const windowSeconds = options.windowSeconds ?? 60;
  const burst = options.burst ?? 10;
  const perMs = limit / (windowSeconds * 1000);
  const buckets = new Map<string, Bucket>();
  let lastSweep = 0;

  const sweep = (now: number) => {
    // A full bucket carries no information: forget it, so memory stays bounded by active clients.
    if (now - lastSweep < 60_000) return;
    lastSweep = now;
    for (const [id, bucket] of buckets) {
      if (bucket.tokens + (now - bucket.updatedAt) * perMs >= burst) buckets.delete(id);
    }
  };

  return {
    limit,
    windowSeconds,
    take(id, now) {
      sweep(now);
      const bucket = buckets.get(id) ?? { tokens: burst, updatedAt: now };
      bucket.tokens = Math.min(burst, bucket.tokens + Math.max(0, now - bucket.updatedAt) * perMs);
      bucket.updatedAt = now;
      buckets.set(id, bucket);
      if (bucket.tokens < 1) {
        return {
          allowed: false,
          retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)),
        };
      }
      bucket.tokens -= 1;
      return {
        allowed: true,
        remaining: Math.floor(bucket.tokens),
        resetSeconds: Math.ceil((burst - bucket.tokens) / perMs / 1000),
      };
    },
  };
}
