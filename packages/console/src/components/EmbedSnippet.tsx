/**
 * @module "Put booking on your website": the script tag and element with this server's origin and
 * the business's publishable key (public by design), a copy button, a live preview of the widget
 * (loaded from this server's `/widget.js`), and the hosted booking page when the server has one.
 * `snippetFor` and `WidgetPreview` also serve the embed builder (Integrations), with its options.
 */
import { useEffect, useRef } from 'preact/hooks';
import { desk } from '../api.js';
import { t } from '../i18n/index.js';
import { useLoad } from '../state/load.js';
import { CopyButton, selectContents } from './CopyButton.js';
import { Loadable } from './Loadable.js';
import { ErrorNote } from './Notice.js';

/** How the widget is configured beyond its API and key; empty or absent: the widget's default. */
export interface WidgetChoices {
  service?: string;
  /** `inline` (default) or `popup`. */
  mode?: string;
  /** `light` (default), `dark` or `auto`. */
  theme?: string;
  /** A language tag; none: the page's language. */
  lang?: string;
  /** `#rrggbb` for `--frontdesk-accent`. */
  accent?: string;
}

const attribute = (name: string, value: string) =>
  ` ${name}="${value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`;

/** The element's attributes, in the order the snippet shows them (defaults left out). */
function attributesOf(choices: WidgetChoices): [string, string][] {
  const list: [string, string][] = [];
  if (choices.service) list.push(['service', choices.service]);
  if (choices.mode && choices.mode !== 'inline') list.push(['mode', choices.mode]);
  if (choices.theme && choices.theme !== 'light') list.push(['theme', choices.theme]);
  if (choices.lang) list.push(['lang', choices.lang]);
  return list;
}

/** The snippet to paste into a page: the loader script and one `<frontdesk-booking>`. */
export function snippetFor(origin: string, key: string, choices: WidgetChoices = {}): string {
  const attrs = attributesOf(choices)
    .map(([name, value]) => attribute(name, value))
    .join('');
  const style = choices.accent ? attribute('style', `--frontdesk-accent:${choices.accent}`) : '';
  return (
    `<script src="${origin}/widget.js" async></script>\n` +
    `<frontdesk-booking${attribute('api', origin)}${attribute('key', key)}${attrs}${style}></frontdesk-booking>`
  );
}

async function publishableKey(): Promise<string | null> {
  for await (const key of desk.keys.list({ limit: 100 })) {
    if (key.kind === 'publishable' && key.revokedAt === null && key.publishableKey) return key.publishableKey;
  }
  return null;
}

/** Whether `/book/{slug}` answers on this server (the hosted page is an optional part). */
async function bookingPage(): Promise<string | null> {
  const business = await desk.business.get();
  if (!business.slug) return null;
  const url = `${location.origin}/book/${encodeURIComponent(business.slug)}`;
  const res = await fetch(url, { method: 'HEAD', credentials: 'omit' }).catch(() => null);
  return res?.ok ? url : null;
}

/** The real widget, on this page (the console's CSP allows this origin's `/widget.js`). */
export function WidgetPreview({
  apiOrigin,
  keyValue,
  choices = { theme: 'auto' },
}: {
  apiOrigin: string;
  keyValue: string;
  choices?: WidgetChoices;
}) {
  const host = useRef<HTMLDivElement>(null);
  const { service = '', mode = '', theme = '', lang = '', accent = '' } = choices;
  useEffect(() => {
    if (!document.querySelector('script[data-frontdesk-widget]')) {
      const script = document.createElement('script');
      script.src = `${apiOrigin}/widget.js`;
      script.async = true;
      script.dataset.frontdeskWidget = '';
      document.head.append(script);
    }
    // `key` is Preact's own prop name: the element is made by hand to carry the attribute.
    const element = document.createElement('frontdesk-booking');
    element.setAttribute('api', apiOrigin);
    element.setAttribute('key', keyValue);
    for (const [name, value] of attributesOf({ service, mode, theme, lang }))
      element.setAttribute(name, value);
    // Through the CSSOM, which the console's CSP allows (a style attribute it would refuse).
    if (accent) element.style.setProperty('--frontdesk-accent', accent);
    host.current?.replaceChildren(element);
    return () => element.remove();
  }, [apiOrigin, keyValue, service, mode, theme, lang, accent]);
  return <div ref={host} class="preview" />;
}

export function EmbedSnippet() {
  const origin = location.origin;
  const data = useLoad(async () => {
    const [key, page] = await Promise.all([publishableKey(), bookingPage()]);
    return { key, page };
  }, []);
  const code = useRef<HTMLElement>(null);
  return (
    <Loadable loader={data}>
      {({ key, page }) => {
        if (!key) return <ErrorNote message={t.setup.noKey} />;
        const snippet = snippetFor(origin, key);
        return (
          <div class="embed">
            <p>{t.setup.embedLead}</p>
            <pre class="snippet">
              <code ref={code}>{snippet}</code>
            </pre>
            <CopyButton text={snippet} label={t.setup.copy} select={() => selectContents(code.current)} />
            {page && (
              <p>
                {t.setup.bookingPageLead}{' '}
                <a href={page} target="_blank" rel="noopener">
                  {page}
                </a>
              </p>
            )}
            <h3>{t.setup.preview}</h3>
            <p class="hint">{t.setup.previewLead}</p>
            <WidgetPreview apiOrigin={origin} keyValue={key} />
          </div>
        );
      }}
    </Loadable>
  );
}
