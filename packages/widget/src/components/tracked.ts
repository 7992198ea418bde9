/**
 * @module Signals → Preact, in a few lines instead of @preact/signals' 2 KB render hooks (the
 * widget has a 20 KB budget): a `tracked` component re-renders when any signal it read while
 * rendering changes. Its render runs inside an `effect`, which records those reads; the first
 * change re-runs the effect, which only asks Preact for a new render — and that render starts a
 * fresh effect with this render's reads.
 */
import { effect } from '@preact/signals-core';
import type { FunctionComponent, JSX } from 'preact';
import { useEffect, useReducer, useRef } from 'preact/hooks';

/**
 * @example
 * const Counter = tracked(({ count }: { count: Signal<number> }) => <p>{count.value}</p>);
 */
export function tracked<P extends object>(render: (props: P) => JSX.Element | null): FunctionComponent<P> {
  return function Tracked(props: P) {
    const [, rerender] = useReducer((n: number) => n + 1, 0);
    const stop = useRef<(() => void) | null>(null);
    stop.current?.();
    let output: JSX.Element | null = null;
    let first = true;
    stop.current = effect(() => {
      if (first) output = render(props);
      else rerender(0);
      first = false;
    });
    useEffect(() => () => stop.current?.(), []);
    return output;
  };
}
