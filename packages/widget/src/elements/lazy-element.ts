/**
 * @module The light custom-element shell shared by the script-tag loader and `defineElements()`:
 * it opens a shadow root, reserves its height with a skeleton, and only then loads the real UI.
 * Keep it tiny: every byte here is paid by every page that carries the script tag.
 */

/** What a lazily loaded UI module hands back to its element. */
export interface MountedApp {
  /** An observed attribute changed; the UI re-reads what it needs. */
  update(): void;
  /** The element left the page for good. */
  destroy(): void;
}

/** A UI module: mounts into the element's shadow root. */
export interface UiModule {
  mount(host: HTMLElement, root: ShadowRoot): MountedApp;
}

/** Attributes every Frontdesk element reacts to after it has mounted. */
export const observedAttributes = [
  'api',
  'key',
  'service',
  'mode',
  'theme',
  'lang',
  'name',
  'email',
  'booking',
  'token',
  'manage-url',
  'sku',
  'location',
  'reserve',
];

// Plain CSS, adopted as a constructable stylesheet: allowed by `style-src 'self'`, unlike <style>.
const skeletonCss =
  ':host{display:block;min-height:var(--frontdesk-min-height,30rem);contain:layout}' +
  ':host([mode=popup]){min-height:2.75rem}' +
  ':host(frontdesk-stock){min-height:var(--frontdesk-min-height,3rem)}' +
  '.sk{display:grid;gap:.75rem;padding:1rem}' +
  '.sk i{display:block;height:2.5rem;border-radius:var(--frontdesk-radius,.5rem);' +
  'background:color-mix(in srgb,currentColor 10%,transparent)}' +
  '.sk i:first-child{height:1.5rem;width:60%}.sk i:nth-child(3){height:12rem}' +
  ':host([mode=popup]) .sk{padding:0}:host([mode=popup]) .sk i:not(:first-child){display:none}' +
  '@media (prefers-reduced-motion:no-preference){.sk i{animation:p 1.2s ease-in-out infinite alternate}}' +
  '@keyframes p{to{opacity:.45}}';

let sheet: CSSStyleSheet | undefined;

/**
 * Defines `tag` (once) as an element that shows a skeleton and mounts the module `load` resolves to.
 *
 * @example
 * defineLazyElement('frontdesk-booking', () => import('../elements/booking-mount.js'));
 */
export function defineLazyElement(
  tag: string,
  load: () => Promise<UiModule>,
  /** Work to start while the UI downloads (e.g. the first API requests). */
  early?: (el: HTMLElement) => void,
): void {
  if (customElements.get(tag)) return;
  customElements.define(
    tag,
    class extends HTMLElement {
      static observedAttributes = observedAttributes;
      app?: MountedApp;
      loading = false;

      // Prefill by property as well as attribute (`el.name = 'Ana'`), as frameworks like to.
      get name(): string | null {
        return this.getAttribute('name');
      }
      set name(value: string | null) {
        this.toggleAttribute('name', false);
        if (value != null) this.setAttribute('name', value);
      }
      get email(): string | null {
        return this.getAttribute('email');
      }
      set email(value: string | null) {
        this.toggleAttribute('email', false);
        if (value != null) this.setAttribute('email', value);
      }

      connectedCallback(): void {
        // A property set before the element was defined shadows the accessor: re-apply it.
        for (const p of ['name', 'email'] as const) {
          if (Object.hasOwn(this, p)) {
            const value = this[p];
            delete this[p];
            this[p] = value;
          }
        }
        const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
        if (this.app || this.loading) return;
        sheet ??= new CSSStyleSheet();
        if (!sheet.cssRules.length) sheet.replaceSync(skeletonCss);
        root.adoptedStyleSheets = [sheet];
        // Unquoted attribute values: the same DOM, a few bytes less for every page.
        root.innerHTML = '<div class=sk aria-hidden=true><i></i><i></i><i></i><i></i></div>';
        this.setAttribute('aria-busy', 'true');
        this.loading = true;
        early?.(this);
        load().then(
          (ui) => {
            this.loading = false;
            this.removeAttribute('aria-busy');
            if (this.isConnected && !this.app) this.app = ui.mount(this, root);
          },
          (error: unknown) => {
            this.loading = false;
            this.removeAttribute('aria-busy');
            root.textContent = 'Booking is unavailable right now. Please reload the page.';
            this.dispatchEvent(
              new CustomEvent('frontdesk:error', { bubbles: true, composed: true, detail: { error } }),
            );
          },
        );
      }

      disconnectedCallback(): void {
        // A move within the page disconnects and reconnects in one task: only tear down for good.
        queueMicrotask(() => {
          if (!this.isConnected && this.app) {
            this.app.destroy();
            this.app = undefined;
          }
        });
      }

      attributeChangedCallback(): void {
        this.app?.update();
      }
    },
  );
}
