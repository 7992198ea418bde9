/**
 * @module Fills the page template with the API's URL and the publishable key, from the
 * environment (`FRONTDESK_API_URL`, `FRONTDESK_KEY`) — the only two facts the page needs.
 */
import { readFileSync } from 'node:fs';

const template = readFileSync(new URL('./index.html', import.meta.url), 'utf8');

const escapeHtml = (s) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** The page with `%FRONTDESK_API_URL%` and `%FRONTDESK_KEY%` replaced (HTML-escaped). */
export function renderPage(env = process.env) {
  const api = (env.FRONTDESK_API_URL || 'http://localhost:8787').replace(/\/+$/, '');
  const key = env.FRONTDESK_KEY || 'fd_pk_replace_me';
  return template
    .replaceAll('%FRONTDESK_API_URL%', escapeHtml(api))
    .replaceAll('%FRONTDESK_KEY%', escapeHtml(key));
}
