/**
 * @module How this process sends mail: the SMTP transport (none: messages are rendered, stored and
 * marked `not_sent`), the sender address, and the public URL hosted-page links start with.
 */
import type { MailAddress, MailTransport } from './transport.js';

export interface MailSettings {
  /** Null: no SMTP configured. Nothing is sent; everything is still rendered and stored. */
  transport: MailTransport | null;
  /** `FRONTDESK_MAIL_FROM`; each business's name is shown as the display name. */
  from: MailAddress | null;
  /** The server's public origin, for manage links to `/book/{slug}`. */
  publicUrl: string | undefined;
}

/** The domain of `Message-ID`s: the sender's, else the public URL's host. */
export function messageIdDomain(settings: MailSettings): string {
  const fromDomain = settings.from?.address.split('@')[1];
  if (fromDomain) return fromDomain;
  try {
    return settings.publicUrl ? new URL(settings.publicUrl).hostname : 'frontdesk.invalid';
  } catch {
    return 'frontdesk.invalid';
  }
}
