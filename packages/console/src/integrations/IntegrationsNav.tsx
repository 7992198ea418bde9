/**
 * @module The links between the integrations screens (API keys, webhooks, calendar feeds, messages
 * and the embed snippet). Owners only, like the screens themselves.
 */

import { type Section, SubNav } from '../components/SubNav.js';
import { t } from '../i18n/index.js';

const sections = [
  ['/integrations/keys', () => t.integrations.keys],
  ['/integrations/webhooks', () => t.integrations.webhooks],
  ['/integrations/feeds', () => t.integrations.feeds],
  ['/integrations/messages', () => t.integrations.messages],
  ['/integrations/embed', () => t.integrations.embed],
] satisfies Section[];

export function IntegrationsNav() {
  return <SubNav label={t.integrations.sections} sections={sections} />;
}
