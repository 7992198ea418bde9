/**
 * @module The widget's voice: a polite status region and an alert region, both always in the DOM
 * (empty when quiet) because screen readers only announce changes to regions they already know.
 */
import type { Notice as NoticeValue } from '../state/notice.js';

export function Notice({ notice }: { notice: NoticeValue }) {
  const error = notice?.tone === 'error';
  return (
    <>
      <div class="notice" role="status">
        {!error && notice ? notice.text : ''}
      </div>
      <div class="notice error" role="alert">
        {error ? notice.text : ''}
      </div>
    </>
  );
}
