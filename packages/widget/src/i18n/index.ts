/**
 * @module Picks the widget's language: the element's `lang`, else the page's `<html lang>`, else
 * English. English ships with the UI; the others are separate chunks fetched only when used.
 * Adding a language: one file beside this one (typed by `Messages`) and one line in `loaders`.
 */
import { en, type Messages } from './en.js';

export type { Messages };

const loaders: Record<string, () => Promise<Messages>> = {
  de: () => import('./de.js').then((m) => m.de),
  es: () => import('./es.js').then((m) => m.es),
  fr: () => import('./fr.js').then((m) => m.fr),
  pt: () => import('./pt.js').then((m) => m.pt),
};

/** The language tag the widget should speak, e.g. `es-MX`. */
export function resolveLang(host: HTMLElement): string {
  return host.getAttribute('lang') || host.ownerDocument.documentElement.lang || navigator.language || 'en';
}

/** Messages for `lang` (by its primary subtag); English when the language is not shipped. */
export async function loadMessages(lang: string): Promise<Messages> {
  const load = loaders[lang.toLowerCase().split('-')[0] ?? ''];
  if (!load) return en;
  try {
    return await load();
  } catch {
    // A chunk that failed to load should not block booking: English is better than nothing.
    return en;
  }
}
