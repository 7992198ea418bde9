/**
 * @module The links between the integration screens (API keys, webhooks, calendar feeds, messages,
 * the embed snippet), shown under each one's heading; the current one is marked for screen readers too.
 */
import { t } from '../i18n/index.js';
import { link, place } from '../router.js';

const sections = [
  ['/integrations/keys', () => t.integrations.keys],
  ['/integrations/webhooks', () => t.integrations.webhooks],
  ['/integrations/feeds', () => t.integrations.feeds],
  ['/integrations/messages', () => t.integrations.messages],
  ['/integrations/embed', () => t.integrations.embed],
] as const;

export function IntegrationsNav() {
  const path = place.value.path.replace(/\/$/, '');
  return (
    <nav aria-label={t.integrations.sections} class="subnav">
      <ul>
        {sections.map(([to, label]) => (
          <li key={to}>
            <a {...link(to)} aria-current={path === to ? 'page' : undefined}>
              {label()}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
