/**
 * @module A screen's `<h1>`: focusable by script, so that after a navigation the focus (and a
 * screen reader) lands on the new screen's title instead of staying on the link that was used.
 */
import type { ComponentChildren } from 'preact';

export function Heading({ children }: { children: ComponentChildren }) {
  return (
    <h1 tabIndex={-1} class="screen-title">
      {children}
    </h1>
  );
}
