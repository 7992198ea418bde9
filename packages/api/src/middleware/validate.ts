/**
 * @module Reading input through the core schemas: JSON bodies (415 for other content types, 400
 * for malformed JSON, 422 with field errors for invalid content) and query strings.
 */

import type { IncomingMessage } from 'node:http';
import type { FieldError } from '@frontdesk/core';
import type { Context } from 'hono';
import type * as z from 'zod/mini';
import type { AppEnv } from '../env.js';
import { ApiError, validationFailed } from '../errors.js';
import { markStage } from '../stage-probe.js';

/** zod issues → wire field errors with dotted paths (`customer.email`). */
export function toFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
    code: issue.code,
  }));
}

/** Parses `value` with `schema`, or throws 422 `validation_failed`. */
export function parseWith<S extends z.ZodMiniType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw validationFailed(toFieldErrors(result.error.issues));
  return result.data;
}

function isJsonContentType(value: string | undefined): boolean {
  if (!value) return false;
  const type = value.split(';')[0]!.trim().toLowerCase();
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'));
}

/**
 * The body as text. Under @hono/node-server, a body of declared length (already checked against
 * the size limit from its Content-Length, see app.ts) is read straight from the socket: going
 * through `c.req.text()` makes node-server build a WHATWG Request and a web stream for it, about a
 * tenth of the CPU of a booking. The text is put in Hono's body cache, so later reads still work.
 */
async function bodyText(c: Context<AppEnv>): Promise<string> {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  const direct =
    incoming !== undefined &&
    c.req.header('content-length') !== undefined &&
    c.req.header('transfer-encoding') === undefined &&
    Object.keys(c.req.bodyCache).length === 0 &&
    !incoming.readableDidRead;
  if (!direct) return c.req.text();
  const read = readIncoming(incoming);
  // Hono keeps the pending promise there (its type says the value).
  (c.req.bodyCache as Record<string, unknown>).text = read;
  return read;
}

/**
 * The whole body, from the stream's events. `for await` over the request would build an async
 * iterator, an end-of-stream watcher and a promise per chunk: about 30 µs a booking (CPU profile
 * of bench/bookings.bench.js), for a body that usually came in the same packet as its headers.
 */
function readIncoming(incoming: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let ended = false;
    const onData = (chunk: Buffer) => chunks.push(chunk);
    const stop = () => {
      incoming.off('data', onData);
      incoming.off('end', onEnd);
      incoming.off('error', onError);
      incoming.off('close', onClose);
    };
    const onEnd = () => {
      ended = true;
      stop();
      resolve(chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8'));
    };
    const onError = (error: Error) => {
      stop();
      reject(error);
    };
    // The client went away before the body was complete: nothing to answer it with.
    const onClose = () => {
      if (!ended) onError(new Error('The request body ended before its declared length'));
    };
    incoming.on('data', onData);
    incoming.on('end', onEnd);
    incoming.on('error', onError);
    incoming.on('close', onClose);
  });
}

/**
 * Reads and validates a JSON body. An empty body is read as `{}` so that bodiless actions
 * (`POST /bookings/{id}/cancel`) work without ceremony.
 */
export async function readJson<S extends z.ZodMiniType>(c: Context<AppEnv>, schema: S): Promise<z.output<S>> {
  const raw = await bodyText(c);
  if (raw.trim() === '') return parseWith(schema, {});
  if (!isJsonContentType(c.req.header('content-type'))) {
    throw new ApiError(415, 'unsupported_media_type', { detail: 'Send the body as application/json' });
  }
  markStage('read body');
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    throw new ApiError(400, 'invalid_json', {
      detail: error instanceof Error ? error.message : 'Malformed JSON',
    });
  }
  markStage('parse');
  const parsed = parseWith(schema, value);
  markStage('validate');
  return parsed;
}

/** Validates the query string (single values) with `schema`. */
export function readQuery<S extends z.ZodMiniType>(c: Context<AppEnv>, schema: S): z.output<S> {
  return parseWith(schema, c.req.query());
}

/** Parsed query strings per schema, for `readFrequentQuery`; past the cap a map starts over. */
const parsedQueries = new WeakMap<z.ZodMiniType, Map<string, unknown>>();
const maxParsedQueries = 1000;

/**
 * `readQuery` for a hot route whose clients ask the same few query strings over and over (every
 * widget on a page asks for the same week): the parse of each distinct query text is kept and
 * shared, so the caller must not modify it. Invalid queries are parsed (and refused) every time.
 */
export function readFrequentQuery<S extends z.ZodMiniType>(
  c: Context<AppEnv>,
  schema: S,
): Readonly<z.output<S>> {
  const url = c.req.url;
  const at = url.indexOf('?');
  const raw = at === -1 ? '' : url.slice(at + 1);
  let parsed = parsedQueries.get(schema);
  if (!parsed) {
    parsed = new Map();
    parsedQueries.set(schema, parsed);
  }
  const hit = parsed.get(raw) as z.output<S> | undefined;
  if (hit !== undefined) return hit;
  const query = readQuery(c, schema);
  if (parsed.size >= maxParsedQueries) parsed.clear();
  parsed.set(raw, query);
  return query;
}
