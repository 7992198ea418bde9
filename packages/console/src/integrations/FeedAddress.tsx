/**
 * @module The address of a feed just issued: shown this once (the server keeps only a hash of its
 * token), in a read-only field that the copy button selects when the browser will not copy.
 */
import type { CalendarFeed } from '@frontdesk/sdk/console';
import { useEffect, useRef } from 'preact/hooks';
import { CopyButton } from '../components/CopyButton.js';
import { t } from '../i18n/index.js';

export function FeedAddress({ feed, scope }: { feed: CalendarFeed; scope: string }) {
  const field = useRef<HTMLInputElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // Where the person's attention should go: the address they must copy now or never.
  useEffect(() => heading.current?.focus(), [feed.url]);
  const select = () => {
    field.current?.focus();
    field.current?.select();
  };
  return (
    <section class="card" aria-labelledby="feed-address-title">
      <h2 id="feed-address-title" tabIndex={-1} ref={heading}>
        {t.feeds.urlTitle}: {scope}
      </h2>
      <div class="field">
        <label for="feed-address">{t.feeds.url}</label>
        <input
          id="feed-address"
          ref={field}
          type="text"
          readOnly
          value={feed.url}
          aria-describedby="feed-address-hint"
          onFocus={(event) => event.currentTarget.select()}
        />
        <p class="hint" id="feed-address-hint">
          {t.feeds.urlHint}
        </p>
      </div>
      <CopyButton text={feed.url} label={t.feeds.copy} select={select} />
    </section>
  );
}
