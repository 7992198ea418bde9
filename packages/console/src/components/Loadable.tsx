/**
 * @module Renders a `Loaded<T>`: the loading line, the error in words with a retry, or the content.
 */
import type { ComponentChildren } from 'preact';
import { t } from '../i18n/index.js';
import type { Loader } from '../state/load.js';
import { Loading } from './Notice.js';

export function Loadable<T>({
  loader,
  children,
}: {
  loader: Loader<T>;
  children: (data: T) => ComponentChildren;
}) {
  const state = loader.state.value;
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') {
    return (
      <div class="notice notice--error" role="alert">
        <p>{state.message}</p>
        <button type="button" onClick={() => void loader.reload()}>
          {t.retry}
        </button>
      </div>
    );
  }
  return <>{children(state.data)}</>;
}
