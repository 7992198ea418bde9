/**
 * @module Placeholder blocks while something loads: they keep the layout still (no jump when the
 * content arrives) and tell assistive technology only "loading".
 */
import { useEnv } from './env.js';

export function Skeleton({ rows = 3 }: { rows?: number }) {
  const { t } = useEnv();
  return (
    <div class="sk" role="status">
      {Array.from({ length: rows }, (_, i) => (
        <i key={i} aria-hidden="true" />
      ))}
      {/* Last, so the loader's `.sk i:first-child` shapes apply here too. */}
      <span class="sr">{t.loading}</span>
    </div>
  );
}
