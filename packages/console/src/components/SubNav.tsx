/**
 * @module The links between the screens of one part of the console (stock, integrations), shown
 * under each one's heading; the current one is marked for screen readers too.
 */
import { link, place } from '../router.js';

/** A screen's path below `/console` and its link's words (read when rendered: the language may change). */
export type Section = readonly [to: string, label: () => string];

export function SubNav({ label, sections }: { label: string; sections: readonly Section[] }) {
  const path = place.value.path.replace(/\/$/, '');
  return (
    <nav aria-label={label} class="subnav">
      <ul>
        {sections.map(([to, words]) => (
          <li key={to}>
            <a {...link(to)} aria-current={path === to ? 'page' : undefined}>
              {words()}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
