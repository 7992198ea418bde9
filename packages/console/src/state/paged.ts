/**
 * @module A list read page by page (`{ data, nextCursor }`): the first page loads like any screen
 * data (`useLoad`), later pages are appended on demand ("Show more"), and a failure of a later
 * page shows beside the button without losing the rows already shown.
 */
import { type Signal, useSignal } from '@preact/signals';
import { describeError } from '../errors.js';
import { type Loader, useLoad } from './load.js';

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export interface Paged<T> {
  /** The first page. */
  list: Loader<Page<T>>;
  /** Every row shown so far: the first page's, then those of the pages asked for since. */
  rows: (first: Page<T>) => T[];
  /** Where the next page starts; null when there is none. */
  cursor: Signal<string | null>;
  /** Why the last "Show more" failed, or ''. */
  moreError: Signal<string>;
  /** Appends the next page. */
  more: () => Promise<void>;
}

/** Reads `fetchPage()` (then `fetchPage(cursor)` on demand) whenever `deps` change. */
export function usePaged<T>(fetchPage: (cursor?: string) => PromiseLike<Page<T>>, deps: unknown[]): Paged<T> {
  const extra = useSignal<T[]>([]);
  const cursor = useSignal<string | null>(null);
  const moreError = useSignal('');
  const list = useLoad(async () => {
    const page = await fetchPage();
    extra.value = [];
    cursor.value = page.nextCursor;
    moreError.value = '';
    return page;
  }, deps);
  const more = async () => {
    if (!cursor.value) return;
    moreError.value = '';
    try {
      const page = await fetchPage(cursor.value);
      extra.value = [...extra.value, ...page.data];
      cursor.value = page.nextCursor;
    } catch (failure) {
      moreError.value = describeError(failure).message;
    }
  };
  return { list, rows: (first) => [...first.data, ...extra.value], cursor, moreError, more };
}
