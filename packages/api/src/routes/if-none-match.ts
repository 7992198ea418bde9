/**
 * @module `If-None-Match` against an answer's `ETag` (RFC 9110 §13.1.2), for the GET routes that
 * answer 304: calendar feeds and availability.
 */

/** Whether `If-None-Match` names `etag` (a list, weak or not, or `*`). */
export function ifNoneMatchHits(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === etag;
  });
}
