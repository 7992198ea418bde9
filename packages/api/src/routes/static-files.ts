/**
 * @module Built front-end files served by the API (the widget, the console): read once, compressed
 * once per version (brotli and gzip), re-read when their mtime changes (a rebuild in place, a new
 * release), answered with a strong ETag so a revalidating browser gets a bodiless 304.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** A file as sent: its bytes in each encoding, and its validator. */
export interface Encoded {
  mtimeMs: number;
  etag: string;
  identity: Uint8Array<ArrayBuffer>;
  br: Uint8Array<ArrayBuffer>;
  gzip: Uint8Array<ArrayBuffer>;
}

async function encode(path: string): Promise<Encoded | null> {
  let mtimeMs: number;
  let identity: Buffer;
  try {
    mtimeMs = (await stat(path)).mtimeMs;
    identity = await readFile(path);
  } catch {
    return null;
  }
  const [br, gz] = await Promise.all([
    brotli(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    gzipAsync(identity, { level: 9 }),
  ]);
  const etag = `"${createHash('sha256').update(identity).digest('base64url').slice(0, 22)}"`;
  return {
    mtimeMs,
    etag,
    identity: new Uint8Array(identity),
    br: new Uint8Array(br),
    gzip: new Uint8Array(gz),
  };
}

/** A cache of encoded files; `immutable` files (content-hashed names) are never re-checked. */
export function fileCache() {
  const cache = new Map<string, Encoded>();
  return async function load(file: string, immutable: boolean): Promise<Encoded | null> {
    const cached = cache.get(file);
    if (cached && immutable) return cached;
    if (cached) {
      const mtimeMs = await stat(file).then(
        (s) => s.mtimeMs,
        () => -1,
      );
      if (mtimeMs === cached.mtimeMs) return cached;
    }
    const fresh = await encode(file);
    if (fresh) cache.set(file, fresh);
    else cache.delete(file);
    return fresh;
  };
}

/** Answers `file` in the best encoding the request accepts, or 304 when its ETag matches. */
export function sendEncoded(file: Encoded, request: Request, headers: Record<string, string>): Response {
  const acceptEncoding = request.headers.get('accept-encoding') ?? '';
  const encoding = /\bbr\b/.test(acceptEncoding) ? 'br' : /\bgzip\b/.test(acceptEncoding) ? 'gzip' : null;
  const all: Record<string, string> = { ...headers, Vary: 'Accept-Encoding', ETag: file.etag };
  if (request.headers.get('if-none-match') === file.etag)
    return new Response(null, { status: 304, headers: all });
  if (encoding) all['Content-Encoding'] = encoding;
  return new Response(encoding ? file[encoding] : file.identity, { headers: all });
}
