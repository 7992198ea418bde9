/**
 * @module The console's routes: the path below `/console` and its query, in a signal; links and
 * `navigate()` use the History API, so every screen has a real URL that survives a reload (the API
 * answers `index.html` for any `/console/*` path).
 */
import { signal } from '@preact/signals';

export const BASE = '/console';

export interface Place {
  /** The path below `/console`, starting with `/` (`/bookings/bkg_1`). */
  path: string;
  query: URLSearchParams;
  /** The URL fragment without `#` (one-time links carry their token there). */
  hash: string;
}

function read(): Place {
  const { pathname, search, hash } = window.location;
  const path = pathname.startsWith(BASE) ? pathname.slice(BASE.length) || '/' : '/';
  return { path, query: new URLSearchParams(search), hash: hash.slice(1) };
}

export const place = signal<Place>(read());

/** How many times the person moved inside the console (0 on the page's first screen). */
export const moves = signal(0);

window.addEventListener('popstate', () => {
  place.value = read();
  moves.value++;
});

/** Goes to `to` (below `/console`, with an optional query), adding a history entry. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const url = BASE + to;
  if (options.replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  place.value = read();
  if (!options.replace) {
    moves.value++;
    // A new screen starts at its top; its heading takes the focus (see `Screen` in app.tsx).
    window.scrollTo(0, 0);
  }
}

/** Replaces the query of the current URL (filters, the agenda's day) without a new entry. */
export function setQuery(changes: Record<string, string | undefined>): void {
  const query = new URLSearchParams(place.value.query);
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined || value === '') query.delete(name);
    else query.set(name, value);
  }
  const search = query.toString();
  navigate(`${place.value.path}${search ? `?${search}` : ''}`, { replace: true });
}

/** Props of an `<a>` that navigates inside the console (a modified click still opens a new tab). */
export function link(to: string) {
  return {
    href: BASE + to,
    onClick: (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey)
        return;
      event.preventDefault();
      navigate(to);
    },
  };
}

/** Matches `/bookings/:id` against a path; the named parts, or null. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const names: string[] = [];
  const source = pattern.replace(/:(\w+)/g, (_m, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  const found = new RegExp(`^${source}/?$`).exec(path);
  if (!found) return null;
  return Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(found[i + 1]!)]));
}
