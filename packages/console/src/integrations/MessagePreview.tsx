/**
 * @module One message as it was written: to whom, its status, subject, plain text, and its HTML in
 * a sandboxed frame (`sandbox=""`: no scripts, no forms, no navigation of the console, an origin of
 * its own). The frame inherits the console's strict CSP, so the mail's inline styles do not apply:
 * it shows the content, the plain text shows the words exactly.
 */
import type { Message } from '@frontdesk/sdk/console';
import { useEffect, useRef } from 'preact/hooks';
import { formatDateTime } from '../format.js';
import { t } from '../i18n/index.js';
import { zone } from '../state/session.js';
import { statusText } from './message-words.js';

export function MessagePreview({ message }: { message: Message }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [message.id]);
  const tz = zone.value;
  const subject = message.subject ?? t.messages.kinds[message.kind] ?? message.kind;
  return (
    <section class="card" aria-labelledby="message-preview-title">
      <h2 id="message-preview-title" tabIndex={-1} ref={heading}>
        {t.messages.previewFor(subject)}
      </h2>
      <dl class="facts">
        <dt>{t.messages.to}</dt>
        <dd>{message.to.name ? `${message.to.name} <${message.to.email}>` : message.to.email}</dd>
        <dt>{t.messages.status}</dt>
        <dd>{statusText(message)}</dd>
        <dt>{t.messages.when}</dt>
        <dd>{formatDateTime(message.sentAt ?? message.dueAt, tz)}</dd>
        {message.smtpResponse && (
          <>
            <dt>{t.messages.smtpAnswer}</dt>
            <dd class="breakable">{message.smtpResponse}</dd>
          </>
        )}
        {message.subject && (
          <>
            <dt>{t.messages.subject}</dt>
            <dd>{message.subject}</dd>
          </>
        )}
      </dl>
      {message.text === null && message.html === null && <p>{t.messages.notRendered}</p>}
      {message.text !== null && (
        <>
          <h3>{t.messages.text}</h3>
          <pre class="snippet mail-text">{message.text}</pre>
        </>
      )}
      {message.html !== null && (
        <>
          <h3>{t.messages.html}</h3>
          <p class="hint">{t.messages.htmlHint}</p>
          <iframe class="mail-frame" sandbox="" srcdoc={message.html} title={t.messages.htmlFrame(subject)} />
        </>
      )}
    </section>
  );
}
