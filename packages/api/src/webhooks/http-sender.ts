/**
 * @module Sending one webhook attempt over HTTP(S) with node:http — not `fetch`, because the
 * connection must go to the address the SSRF guard checked (a pinned `lookup`), not to whatever DNS
 * answers a moment later. Redirects are never followed (a 3xx is an answer like any other), the
 * whole attempt is bounded by a timeout, and only the first 4 KB of the answer's body is kept.
 * Connections are kept alive and reused per host.
 */
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { ResolvedAddress } from './url-guard.js';

export interface WebhookRequest {
  url: URL;
  /** The checked address to connect to; the host name still goes in `Host` and TLS SNI. */
  address: ResolvedAddress;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  signal?: AbortSignal;
}

export interface WebhookResponse {
  status: number;
  retryAfter: string | null;
  /** The first 4 KB of the body, as text. */
  body: string;
}

/** Sends one attempt; rejects with a short message when no answer came (timeout, refused, reset). */
export type WebhookSender = (request: WebhookRequest) => Promise<WebhookResponse>;

/** Bytes of an answer's body kept for the delivery log. */
export const KEPT_RESPONSE_BYTES = 4096;
/** Bytes read at most before the connection is dropped (a huge answer is not worth keeping alive). */
const MAX_READ_BYTES = 256 * 1024;

const agents = {
  http: new http.Agent({ keepAlive: true, maxSockets: 64 }),
  https: new https.Agent({ keepAlive: true, maxSockets: 64 }),
};

/** A `lookup` that answers the checked address, whichever form Node asks for. */
function pinnedLookup(address: ResolvedAddress): LookupFunction {
  return ((_hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options?.all) callback(null, [{ address: address.address, family: address.family }]);
    else callback(null, address.address, address.family);
  }) as LookupFunction;
}

/** The default sender. */
export const httpSender: WebhookSender = (request) =>
  new Promise<WebhookResponse>((resolve, reject) => {
    const secure = request.url.protocol === 'https:';
    const transport = secure ? https : http;
    let settled = false;
    const fail = (message: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(new Error(message));
    };
    const req = transport.request(request.url, {
      method: 'POST',
      headers: {
        ...request.headers,
        'content-length': String(Buffer.byteLength(request.body)),
        'user-agent': 'Frontdesk-Webhooks/1',
      },
      agent: secure ? agents.https : agents.http,
      lookup: pinnedLookup(request.address),
      ...(request.signal ? { signal: request.signal } : {}),
    });
    const timer = setTimeout(() => {
      req.destroy();
      fail(`timed out after ${Math.round(request.timeoutMs / 1000)} s`);
    }, request.timeoutMs);
    req.once('error', (error: NodeJS.ErrnoException) =>
      fail(error.code ? `${error.code}: ${error.message}` : error.message),
    );
    req.once('response', (res) => {
      const kept: Buffer[] = [];
      let keptBytes = 0;
      let readBytes = 0;
      res.on('data', (chunk: Buffer) => {
        readBytes += chunk.length;
        if (keptBytes < KEPT_RESPONSE_BYTES) {
          const part = chunk.subarray(0, KEPT_RESPONSE_BYTES - keptBytes);
          kept.push(part);
          keptBytes += part.length;
        }
        if (readBytes > MAX_READ_BYTES) res.destroy();
      });
      const finish = () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        const retryAfter = res.headers['retry-after'];
        resolve({
          status: res.statusCode ?? 0,
          retryAfter: typeof retryAfter === 'string' ? retryAfter : null,
          body: Buffer.concat(kept).toString('utf8'),
        });
      };
      res.once('end', finish);
      res.once('close', finish);
      res.once('error', finish);
    });
    req.end(request.body);
  });
