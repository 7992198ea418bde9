/**
 * @module Mounts the booking UI into a `<frontdesk-booking>` element's shadow root: reads its
 * attributes, picks the language, builds the flow (booking, or manage when the element or the
 * page URL names a booking) and renders it inline or behind a popup button.
 */
import type { Signal } from '@preact/signals-core';
import { type JSX, render } from 'preact';
import { BookingApp } from '../components/BookingApp.js';
import { EnvContext } from '../components/env.js';
import { Popup } from '../components/Popup.js';
import { en } from '../i18n/en.js';
import { loadMessages, type Messages, resolveLang } from '../i18n/index.js';
import { createApiClient } from '../state/api-client.js';
import { createBookingFlow } from '../state/booking-flow.js';
import { manageLink, tokenParam } from '../state/manage-link.js';
import type { Notice } from '../state/notice.js';
import { bookingSheet } from '../styles/booking-css.js';
import type { Prefetched } from './booking-prefetch.js';
import type { MountedApp } from './lazy-element.js';

/**
 * Whether the page was opened through a manage link. Kept for the page's life: the manage view
 * takes the link out of the address bar, and later rebuilds (or a second widget) must still know.
 */
let linked = false;

/** Attributes whose change rebuilds the whole flow (the others are read live). */
const identity = ['api', 'key', 'service', 'booking', 'token', 'mode', 'lang', 'manage-url'];

/**
 * Mounts the booking UI into `root`, configured by `host`'s attributes.
 *
 * @example
 * const root = el.attachShadow({ mode: 'open' });
 * const app = mount(el, root);
 * // later: app.destroy();
 */
export function mount(host: HTMLElement, root: ShadowRoot): MountedApp {
  let dispose = () => {};
  /** Re-reads `name`/`email` into the form; set by the booking flow, a no-op otherwise. */
  let prefill = () => {};
  let version = 0;
  let signature = '';
  const attr = (name: string) => host.getAttribute(name);
  const emit = (type: string, detail: unknown) =>
    host.dispatchEvent(new CustomEvent(`frontdesk:${type}`, { bubbles: true, composed: true, detail }));

  async function build(): Promise<void> {
    const mine = ++version;
    signature = identity.map(attr).join('\n');
    const own =
      attr('booking') && attr('token') ? { booking: attr('booking')!, token: attr('token')! } : null;
    linked ||= location.href.includes(tokenParam);
    let loaded: [Messages, typeof import('./manage-view.js') | null];
    try {
      loaded = await Promise.all([
        loadMessages(resolveLang(host)),
        own || linked ? import('./manage-view.js') : null,
      ]);
    } catch (error) {
      // Only the manage chunk can fail here (messages fall back to English by themselves).
      if (mine === version) {
        root.replaceChildren(en.offline);
        emit('error', { error });
      }
      return;
    }
    const [messages, manageView] = loaded;
    if (mine !== version) return;
    const manage = own ?? manageView?.takeManageParams();
    dispose();
    dispose = start(
      messages,
      manage && manageView ? { ...manage, create: manageView.createManageView } : null,
    );
  }

  function start(
    t: Messages,
    manage: {
      booking: string;
      token: string;
      create: typeof import('./manage-view.js').createManageView;
    } | null,
  ): () => void {
    const lang = resolveLang(host);
    const api = attr('api') || scriptOrigin();
    const key = attr('key') ?? '';
    let flowNotice: Signal<Notice> | undefined;
    const prefetched = (host as HTMLElement & { fdPrefetch?: Prefetched }).fdPrefetch;
    const client = createApiClient({
      api,
      key,
      ...(prefetched ? { prefetched } : {}),
      onRetry: () => {
        if (flowNotice) flowNotice.value = { tone: 'info', text: t.retrying };
      },
    });
    const container = document.createElement('div');
    // The widget may speak another language than the page (WCAG 3.1.2): say which.
    container.lang = t === en ? 'en' : lang;
    // Keep the loader's skeleton sheet (placeholders, reserved height) and add the UI's own.
    const sheet = bookingSheet();
    if (!root.adoptedStyleSheets.includes(sheet))
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    root.replaceChildren(container);
    let ui: JSX.Element;
    let stop = () => {};
    prefill = () => {};
    if (manage) {
      const view = manage.create({
        api: client,
        booking: manage.booking,
        token: manage.token,
        t: () => t,
        emit,
      });
      const flow = view.flow;
      flowNotice = flow.notice;
      ui = view.ui;
      void flow.load().then(() => emit('ready', { view: 'manage' }));
    } else {
      const flow = createBookingFlow({
        api: client,
        service: attr('service'),
        t: () => t,
        emit,
        locale: container.lang,
      });
      flowNotice = flow.notice;
      flow.values.value = { ...flow.values.value, name: attr('name') ?? '', email: attr('email') ?? '' };
      const manageUrl = (id: string, tok: string) => manageLink(id, tok, attr('manage-url'), location.href);
      ui = <BookingApp flow={flow} api={client} manageUrl={manageUrl} />;
      void flow.start().then(() => emit('ready', { view: 'booking' }));
      stop = flow.dispose;
      prefill = () => {
        const v = flow.values.value;
        // Only fill what the visitor has not typed themselves.
        flow.values.value = {
          ...v,
          name: v.name || (attr('name') ?? ''),
          email: v.email || (attr('email') ?? ''),
        };
      };
    }
    // A manage link opens the booking in place: a popup button in front of it would only hide it.
    render(
      <EnvContext.Provider value={{ t, lang }}>
        {attr('mode') === 'popup' && !manage ? <Popup>{ui}</Popup> : ui}
      </EnvContext.Provider>,
      container,
    );
    return () => {
      stop();
      render(null, container);
    };
  }

  void build();
  return {
    update() {
      if (identity.map(attr).join('\n') !== signature) void build();
      else prefill();
    },
    destroy() {
      version++;
      dispose();
    },
  };
}

/** Without an `api` attribute, the API is where the script came from (the usual script-tag case). */
function scriptOrigin(): string {
  // (Not `new URL('..', import.meta.url)`: Vite would take that for an asset to bundle.)
  return new URL(import.meta.url).origin;
}
