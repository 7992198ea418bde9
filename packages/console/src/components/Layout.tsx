/**
 * @module The frame of every signed-in screen: a skip link, the header with the business and the
 * navigation (a menu button on narrow screens), and the main region.
 */
import { useSignal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { desk } from '../api.js';
import { t } from '../i18n/index.js';
import { link, navigate, place } from '../router.js';
import { isOwner, session } from '../state/session.js';

const ownerLinks = [
  ['/agenda', () => t.nav.agenda],
  ['/bookings', () => t.nav.bookings],
  ['/customers', () => t.nav.customers],
  ['/services', () => t.nav.services],
  ['/resources', () => t.nav.resources],
  ['/closures', () => t.nav.closures],
  ['/users', () => t.nav.users],
  ['/stock', () => t.nav.stock],
  ['/reports', () => t.nav.reports],
  ['/integrations/keys', () => t.nav.integrations],
  ['/settings', () => t.nav.settings],
] as const;
/** Staff see their agenda, their bookings and the stock counter (the API refuses them the rest). */
const staffPaths: readonly string[] = ['/agenda', '/bookings', '/stock'];
const staffLinks = ownerLinks.filter(([path]) => staffPaths.includes(path));
/** The part of the console a link leads to: every `/integrations/*` screen marks the one Integrations link. */
const area = (to: string) => (to.startsWith('/integrations/') ? '/integrations' : to);

export function Layout({ children }: { children: ComponentChildren }) {
  const open = useSignal(false);
  const path = place.value.path;
  useEffect(() => {
    open.value = false;
  }, [path]);
  const links = isOwner.value ? ownerLinks : staffLinks;
  const signOut = async () => {
    await desk.session.signOut().catch(() => undefined);
    session.value = null;
    navigate('/sign-in');
  };
  return (
    <div class="shell">
      <a class="skip" href="#main">
        {t.skipToContent}
      </a>
      <header class="top">
        <p class="brand">
          <span>{t.appName}</span> <strong>{session.value?.business.name}</strong>
        </p>
        <button
          type="button"
          class="menu-button"
          aria-expanded={open.value ? 'true' : 'false'}
          aria-controls="nav"
          onClick={() => (open.value = !open.value)}
        >
          {t.nav.menu}
        </button>
        <nav id="nav" aria-label={t.nav.label} class={open.value ? 'nav nav--open' : 'nav'}>
          <ul>
            {links.map(([to, label]) => (
              <li key={to}>
                <a
                  {...link(to)}
                  aria-current={path === to || path.startsWith(`${area(to)}/`) ? 'page' : undefined}
                >
                  {label()}
                </a>
              </li>
            ))}
            <li>
              <a {...link('/account')} aria-current={path === '/account' ? 'page' : undefined}>
                {t.nav.account}
              </a>
            </li>
            <li>
              <button type="button" class="link" onClick={() => void signOut()}>
                {t.nav.signOut}
              </button>
            </li>
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
