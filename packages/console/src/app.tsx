/**
 * @module The console's shell: asks who is signed in, picks the screen for the URL, loads it
 * lazily (one chunk per screen), and sends signed-out people to sign in and owners of a business
 * without services to the first-run set-up.
 */
import { useSignal } from '@preact/signals';
import type { ComponentType } from 'preact';
import { useEffect } from 'preact/hooks';
import { desk } from './api.js';
import { Layout } from './components/Layout.js';
import { ErrorNote, Loading } from './components/Notice.js';
import { describeError } from './errors.js';
import { t } from './i18n/index.js';
import { match, moves, navigate, place } from './router.js';
import { isOwner, loadSession, session } from './state/session.js';

type ScreenModule = { default: ComponentType<{ params: Record<string, string> }> };

interface Route {
  pattern: string;
  load: () => Promise<ScreenModule>;
  /** Who may open it: anyone (signed out), any signed-in person, or owners only. */
  access: 'public' | 'signed-in' | 'owner';
}

const routes: Route[] = [
  { pattern: '/sign-in', load: () => import('./screens/SignIn.js'), access: 'public' },
  { pattern: '/setup', load: () => import('./screens/AcceptLink.js'), access: 'public' },
  { pattern: '/invite', load: () => import('./screens/AcceptLink.js'), access: 'public' },
  { pattern: '/start', load: () => import('./screens/FirstRun.js'), access: 'owner' },
  { pattern: '/agenda', load: () => import('./screens/Agenda.js'), access: 'signed-in' },
  { pattern: '/bookings', load: () => import('./screens/Bookings.js'), access: 'signed-in' },
  { pattern: '/bookings/new', load: () => import('./screens/NewBooking.js'), access: 'owner' },
  { pattern: '/bookings/:id', load: () => import('./screens/BookingDetail.js'), access: 'signed-in' },
  { pattern: '/customers', load: () => import('./screens/Customers.js'), access: 'owner' },
  { pattern: '/customers/:email', load: () => import('./screens/CustomerDetail.js'), access: 'owner' },
  { pattern: '/services', load: () => import('./screens/Services.js'), access: 'owner' },
  { pattern: '/services/:id', load: () => import('./screens/ServiceEditor.js'), access: 'owner' },
  { pattern: '/resources', load: () => import('./screens/Resources.js'), access: 'owner' },
  { pattern: '/resources/:id', load: () => import('./screens/ResourceEditor.js'), access: 'owner' },
  { pattern: '/closures', load: () => import('./screens/Closures.js'), access: 'owner' },
  { pattern: '/settings', load: () => import('./screens/Settings.js'), access: 'owner' },
  { pattern: '/users', load: () => import('./screens/Users.js'), access: 'owner' },
  { pattern: '/reports', load: () => import('./screens/Reports.js'), access: 'owner' },
  { pattern: '/stock', load: () => import('./screens/Stock.js'), access: 'signed-in' },
  { pattern: '/stock/collect', load: () => import('./screens/StockCollect.js'), access: 'signed-in' },
  { pattern: '/stock/ledger', load: () => import('./screens/StockLedger.js'), access: 'signed-in' },
  { pattern: '/stock/import', load: () => import('./screens/StockImport.js'), access: 'signed-in' },
  { pattern: '/stock/products', load: () => import('./screens/StockProducts.js'), access: 'owner' },
  { pattern: '/stock/locations', load: () => import('./screens/StockLocations.js'), access: 'owner' },
  { pattern: '/integrations/keys', load: () => import('./screens/IntegrationsKeys.js'), access: 'owner' },
  {
    pattern: '/integrations/webhooks',
    load: () => import('./screens/IntegrationsWebhooks.js'),
    access: 'owner',
  },
  {
    pattern: '/integrations/webhooks/:id',
    load: () => import('./screens/IntegrationsWebhook.js'),
    access: 'owner',
  },
  { pattern: '/integrations/feeds', load: () => import('./screens/Feeds.js'), access: 'owner' },
  { pattern: '/integrations/messages', load: () => import('./screens/Messages.js'), access: 'owner' },
  { pattern: '/integrations/embed', load: () => import('./screens/EmbedBuilder.js'), access: 'owner' },
  { pattern: '/account', load: () => import('./screens/Account.js'), access: 'signed-in' },
];

/** One screen, loaded on first use; its heading takes the focus after a navigation. */
function Screen({ route, params }: { route: Route; params: Record<string, string> }) {
  const loaded = useSignal<ScreenModule['default'] | null>(null);
  const failed = useSignal('');
  useEffect(() => {
    loaded.value = null;
    failed.value = '';
    route.load().then(
      (mod) => (loaded.value = mod.default),
      (error: unknown) => (failed.value = describeError(error).message),
    );
  }, [route]);
  useEffect(() => {
    if (loaded.value && moves.peek() > 0) document.querySelector<HTMLElement>('main h1')?.focus();
  }, [loaded.value, place.value.path]);
  if (failed.value) return <ErrorNote message={failed.value} />;
  const Component = loaded.value;
  return Component ? <Component params={params} /> : <Loading />;
}

/** Owners of a business with no service yet start with the set-up. */
async function landing(): Promise<string> {
  if (!isOwner.value) return '/agenda';
  const services = await desk.services.list({ limit: 1 }).catch(() => null);
  return services && services.data.length === 0 ? '/start' : '/agenda';
}

export function App() {
  const bootError = useSignal('');
  useEffect(() => {
    loadSession().catch((error: unknown) => (bootError.value = describeError(error).message));
  }, []);
  const who = session.value;
  const { path } = place.value;

  useEffect(() => {
    if (who === undefined) return;
    const found = routes.find((r) => match(r.pattern, path));
    if (who === null && found?.access !== 'public') {
      // Back to the page asked for after signing in (a deep link, a reload after the session ended).
      const wanted = path === '/' ? '' : `?next=${encodeURIComponent(path + (location.search || ''))}`;
      navigate(`/sign-in${wanted}`, { replace: true });
    } else if (who && (path === '/' || path === '/sign-in')) {
      const next = place.value.query.get('next') ?? '';
      // Only a path of this console: never another site (`//evil.example`).
      if (/^\/(?!\/)/.test(next) && !next.startsWith('/sign-in')) navigate(next, { replace: true });
      else void landing().then((to) => navigate(to, { replace: true }));
    }
  }, [who, path]);

  if (bootError.value) {
    return (
      <main id="main" class="center">
        <ErrorNote message={bootError.value} />
        <button type="button" onClick={() => location.reload()}>
          {t.retry}
        </button>
      </main>
    );
  }
  if (who === undefined) return <Loading />;

  let route: Route | undefined;
  let params: Record<string, string> = {};
  for (const candidate of routes) {
    const found = match(candidate.pattern, path);
    if (found) {
      route = candidate;
      params = found;
      break;
    }
  }
  if (route?.access === 'public') {
    return (
      <main id="main" class="center">
        <Screen route={route} params={params} />
      </main>
    );
  }
  if (!who) return <Loading />;
  let content = route ? <Screen route={route} params={params} /> : null;
  if (!route && path !== '/') content = <ErrorNote message={t.errors.pageNotFound} />;
  if (route?.access === 'owner' && !isOwner.value) content = <ErrorNote message={t.errors.forbidden} />;
  return <Layout>{content ?? <Loading />}</Layout>;
}
