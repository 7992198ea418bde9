/**
 * @module The SSRF guard: a webhook URL may only lead to the public internet. The host is resolved
 * and EVERY address must be global unicast — not loopback, private (RFC 1918, ULA), link-local
 * (incl. the 169.254.169.254 metadata address), unspecified, multicast, carrier-grade NAT,
 * reserved or a translation prefix that could reach them. Checked when an endpoint is saved and
 * again before every attempt, and the attempt connects to the address that was checked, so a DNS
 * answer that changes in between (rebinding) gains nothing. `allowPrivate` (the operator's
 * `FRONTDESK_WEBHOOK_ALLOW_PRIVATE=1`) lifts the address rule and allows `http:`.
 */
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to its addresses (injectable: tests answer without DNS). */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

/** The operating system's resolver (what the rest of the process would connect to). */
export const systemResolver: Resolver = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((a) => ({
    address: a.address,
    family: a.family === 6 ? 6 : 4,
  }));

export interface UrlGuardOptions {
  allowPrivate: boolean;
  resolver: Resolver;
}

export type GuardVerdict =
  | { ok: true; url: URL; addresses: ResolvedAddress[] }
  | { ok: false; reason: string };

/** Whether `address` is a global unicast address (IPv4-mapped IPv6 is judged as its IPv4). */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === 'unicast';
}

/** The URL's host as an address or name: `[::1]` → `::1`. */
function hostOf(url: URL): string {
  return url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
}

/**
 * Checks `raw`: scheme, then the addresses its host resolves to. The reason of a refusal names the
 * rule, never more of the URL than its host.
 */
export async function checkWebhookUrl(raw: string, options: UrlGuardOptions): Promise<GuardVerdict> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'Not a URL' };
  }
  if (url.protocol !== 'https:' && !(options.allowPrivate && url.protocol === 'http:')) {
    return {
      ok: false,
      reason: options.allowPrivate
        ? 'Only http: and https: URLs'
        : 'Only https: URLs (http: needs FRONTDESK_WEBHOOK_ALLOW_PRIVATE=1)',
    };
  }
  const host = hostOf(url);
  let addresses: ResolvedAddress[];
  if (isIP(host)) {
    addresses = [{ address: host, family: isIP(host) === 6 ? 6 : 4 }];
  } else {
    try {
      addresses = await options.resolver(host);
    } catch {
      return { ok: false, reason: `${host} does not resolve` };
    }
    if (addresses.length === 0) return { ok: false, reason: `${host} does not resolve` };
  }
  if (!options.allowPrivate) {
    const blocked = addresses.find((a) => !isPublicAddress(a.address));
    if (blocked) {
      return {
        ok: false,
        reason: `${host} resolves to ${blocked.address}, which is not a public address (loopback, private, link-local and the like are refused)`,
      };
    }
  }
  return { ok: true, url, addresses };
}
