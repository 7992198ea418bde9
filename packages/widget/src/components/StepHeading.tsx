/**
 * @module A step's heading. When the step changes it takes focus (tabindex -1), so keyboard and
 * screen-reader users land at the start of what just appeared instead of on a vanished button.
 * The first step does not: the widget must not steal focus from the host page on load.
 */
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';

export function StepHeading({ children, focus }: { children: ComponentChildren; focus: boolean }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  return (
    <h2 ref={ref} tabIndex={-1}>
      {children}
    </h2>
  );
}
