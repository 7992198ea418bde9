/**
 * @module One log line per request, written when the answer is ready (for the stock stream: when
 * the stream opens): `requestId`, `method`, `route` (the pattern, never the path: ids and manage
 * tokens stay out), `status`, `durationMs`, who asked (`keyId` or `userId`) and the query string
 * with secrets and personal data masked. Never a key, token, session id, email or phone: headers
 * and bodies are not logged at all. Health probes and metric scrapes log at `debug`, so that a load
 * balancer probing every few seconds does not fill the log.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.js';
import { methodOf, routePatternOf } from './route-pattern.js';

const probes = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * Query parameters whose values never reach a log: credentials and personal data (`q` searches
 * customers by name, email or phone).
 */
const secretName = /token|key|secret|password|email|phone|name|^q$/i;

/**
 * The query string with the value of every parameter that could carry a credential or personal
 * data replaced by `[redacted]`: by its name, or by its look (an `@`, a key's `fd_` prefix), so a
 * parameter added later is covered too.
 */
export function redactedQuery(url: string): string | undefined {
  const start = url.indexOf('?');
  if (start === -1 || start === url.length - 1) return undefined;
  const raw = url.slice(start + 1);
  // Most queries (availability's service, from, to) are plain `name=value` pairs that decode and
  // encode to themselves: when no name is a secret's, the text is already the answer, without a
  // URLSearchParams per request (~2 % of a cached availability answer's CPU).
  if (plainQuery.test(raw) && !secretInPlainQuery(raw)) return raw;
  const params = new URLSearchParams(raw);
  const kept: string[] = [];
  for (const [name, value] of params) {
    const secret = secretName.test(name) || value.includes('@') || keyLike.test(value);
    kept.push(`${encodeURIComponent(name)}=${secret ? '[redacted]' : encodeURIComponent(value)}`);
  }
  return kept.join('&');
}

/** `name=value&…` with nothing that URL decoding or encoding would change. */
const plainQuery = /^[\w.-]+=[\w.-]*(?:&[\w.-]+=[\w.-]*)*$/;

function secretInPlainQuery(raw: string): boolean {
  for (const pair of raw.split('&')) {
    const equals = pair.indexOf('=');
    if (secretName.test(pair.slice(0, equals)) || keyLike.test(pair.slice(equals + 1))) return true;
  }
  return false;
}

const keyLike = /fd_[a-z]{2}_/i;

/** Who made the request: the console user, or the key (its id; never the key itself). */
function callerOf(c: Context<AppEnv>): Record<string, string> {
  const auth = c.get('auth');
  if (auth === undefined) return {};
  return auth.user ? { userId: auth.user.id } : { keyId: auth.keyId };
}

export function requestLog(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const route = routePatternOf(c);
    const query = redactedQuery(c.req.url);
    const fields = {
      requestId: c.get('requestId'),
      method: methodOf(c),
      route,
      status: c.res.status,
      durationMs: Math.round((performance.now() - started) * 100) / 100,
      ...callerOf(c),
      ...(query !== undefined ? { query } : {}),
    };
    const { logger } = c.get('deps');
    if (probes.has(route)) logger.debug?.('request', fields);
    else logger.info('request', fields);
  };
}
