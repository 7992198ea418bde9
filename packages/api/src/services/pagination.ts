/**
 * @module Cursor pages: `{ data, nextCursor }`. The cursor is the last id of a page, encoded so that
 * clients treat it as opaque; ids sort by creation time, so pages run oldest first.
 */

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export function encodeCursor(lastId: string): string {
  return Buffer.from(lastId, 'utf8').toString('base64url');
}

/** The id to continue after; a cursor that does not decode to an id is treated as "from the start". */
export function decodeCursor(cursor: string | undefined): string | undefined {
  if (!cursor) return undefined;
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  return /^[A-Za-z0-9_-]{1,64}$/.test(id) ? id : undefined;
}

/** Turns `limit + 1` fetched rows into a page (the extra row only says there is more). */
export function pageOf<R extends { id: string | number }, T>(
  rows: R[],
  limit: number,
  map: (row: R) => T,
): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    data: items.map(map),
    nextCursor: rows.length > limit && last ? encodeCursor(String(last.id)) : null,
  };
}
