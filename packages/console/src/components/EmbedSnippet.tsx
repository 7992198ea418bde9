/**
 * @module "Put booking on your website": the script tag and element with this server's origin and
 * the business's publishable key (public by design), a copy button, a live preview of the widget
 * (loaded from this server's `/widget.js`), and the hosted booking page when the server has one.
 */
import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { desk } from '../api.js';
import { describeError } from '../errors.js';
import { t } from '../i18n/index.js';
import { useLoad } from '../state/load.js';
import { Loadable } from './Loadable.js';
import { DoneNote, ErrorNote } from './Notice.js';

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

function Preview({ apiOrigin, keyValue }: { apiOrigin: string; keyValue: string }) {
  const host = useRef<HTMLDivElement>(null);
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
    element.setAttribute('theme', 'auto');
    host.current?.replaceChildren(element);
    return () => element.remove();
  }, [apiOrigin, keyValue]);
  return <div ref={host} class="preview" />;
}

export function EmbedSnippet() {
  const origin = location.origin;
  const data = useLoad(async () => {
    const [key, page] = await Promise.all([publishableKey(), bookingPage()]);
    return { key, page };
  }, []);
  const copied = useSignal('');
  const error = useSignal('');
  return (
    <Loadable loader={data}>
      {({ key, page }) => {
        if (!key) return <ErrorNote message={t.setup.noKey} />;
        const snippet = `<script src="${origin}/widget.js" async></script>\n<frontdesk-booking api="${origin}" key="${key}"></frontdesk-booking>`;
        const copy = async () => {
          error.value = '';
          copied.value = '';
          try {
            await navigator.clipboard.writeText(snippet);
            copied.value = t.setup.copied;
          } catch (failure) {
            error.value =
              failure instanceof Error && failure.name === 'NotAllowedError'
                ? t.setup.copyFailed
                : describeError(failure).message;
          }
        };
        return (
          <div class="embed">
            <p>{t.setup.embedLead}</p>
            <pre class="snippet">
              <code>{snippet}</code>
            </pre>
            <button type="button" class="primary" onClick={() => void copy()}>
              {t.setup.copy}
            </button>
            <DoneNote message={copied.value} />
            <ErrorNote message={error.value} />
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
            <Preview apiOrigin={origin} keyValue={key} />
          </div>
        );
      }}
    </Loadable>
  );
}
