/**
 * @module The "Show more" button of a paged list (`usePaged`), while there is more, and why the
 * last page could not be read.
 */
import type { Paged } from '../state/paged.js';
import { ErrorNote } from './Notice.js';

export function ShowMore<T>({ paged, label }: { paged: Paged<T>; label: string }) {
  return (
    <>
      {paged.cursor.value && (
        <button type="button" onClick={() => void paged.more()}>
          {label}
        </button>
      )}
      <ErrorNote message={paged.moreError.value} />
    </>
  );
}
