/**
 * @module Where the server is, as a browser sees it: its origin (for the same-origin check of
 * console requests and for the links it sends) and whether it is reached over https (for the
 * session cookie's `Secure`). Behind a proxy, `X-Forwarded-Proto` counts only when the proxy is
 * trusted (`FRONTDESK_TRUST_PROXY`); `FRONTDESK_PUBLIC_URL` settles both when set.
 */
import type { Context } from 'hono';
import type { AppEnv } from '../env.js';

export interface SiteOptions {
  /** Trust `X-Forwarded-*` from this many proxies (`true` = 1). */
  trustProxy: boolean | number;
  /** The public URL of this server, e.g. `https://book.example.com`. */
  publicUrl?: string | undefined;
}

const trusts = (site: SiteOptions) =>
  site.trustProxy === true || (typeof site.trustProxy === 'number' && site.trustProxy > 0);

/** `https` or `http`, as the browser used it. */
function protocolOf(c: Context<AppEnv>, site: SiteOptions): string {
  if (site.publicUrl) return new URL(site.publicUrl).protocol.slice(0, -1);
  if (trusts(site)) {
    // The proxy nearest to us writes the last value.
    const forwarded = c.req.header('x-forwarded-proto')?.split(',').at(-1)?.trim().toLowerCase();
    if (forwarded === 'https' || forwarded === 'http') return forwarded;
  }
  return new URL(c.req.url).protocol.slice(0, -1);
}

/** Whether the browser reached us over https (then the session cookie is `Secure`). */
export const isHttps = (c: Context<AppEnv>, site: SiteOptions) => protocolOf(c, site) === 'https';

/** This server's origin as the browser sees it, e.g. `https://book.example.com`. */
export function siteOrigin(c: Context<AppEnv>, site: SiteOptions): string {
  if (site.publicUrl) return new URL(site.publicUrl).origin;
  const host =
    (trusts(site) && c.req.header('x-forwarded-host')?.split(',').at(-1)?.trim()) ||
    c.req.header('host') ||
    new URL(c.req.url).host;
  return `${protocolOf(c, site)}://${host}`;
}

/** The console's address on this server (links to it go into invitations). */
export const consoleUrl = (c: Context<AppEnv>, site: SiteOptions) => `${siteOrigin(c, site)}/console`;
