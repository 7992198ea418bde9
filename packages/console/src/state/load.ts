/**
 * @module Loading data for a screen as a status union in a signal (`loading` | `ready` | `error`):
 * the screen renders each case, a failure shows in words with a retry, never a blank screen.
 */
import { type Signal, useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { describeError } from '../errors.js';

export type Loaded<T> =
  | { status: 'loading' }
  | { status: 'ready'; data: T }
  | { status: 'error'; message: string };

export interface Loader<T> {
  state: Signal<Loaded<T>>;
  /** Loads again (after a change elsewhere, or the retry button). */
  reload: () => Promise<void>;
  /** Replaces the data in place (optimistic updates, answers of writes). */
  set: (data: T) => void;
}

/** Runs `load` now and whenever `deps` change; a late answer for old deps is dropped. */
export function useLoad<T>(load: () => PromiseLike<T>, deps: unknown[]): Loader<T> {
  const state = useSignal<Loaded<T>>({ status: 'loading' });
  const generation = useSignal(0);
  const run = async () => {
    const mine = ++generation.value;
    if (state.peek().status !== 'ready') state.value = { status: 'loading' };
    try {
      const data = await load();
      if (mine === generation.peek()) state.value = { status: 'ready', data };
    } catch (error) {
      if (mine === generation.peek())
        state.value = { status: 'error', message: describeError(error).message };
    }
  };
  useEffect(() => {
    void run();
  }, deps);
  return { state, reload: run, set: (data) => (state.value = { status: 'ready', data }) };
}
