/**
 * @module Starting a real business (`frontdesk init`): the business with its slug, its first
 * publishable and secret keys, and its owner, who either has a password already (`--password-stdin`)
 * or gets a one-time set-up link (24 h) to choose one in the console.
 */
import { Currency, Email, Locale, requiredText, TimeZone } from '@frontdesk/core';
import * as z from 'zod/mini';
import type { Database } from '../db/open.js';
import { issueAccountToken } from './account-tokens.js';
import { createBusiness } from './business.js';
import { createKey } from './keys.js';
import { checkNewPassword, hashPassword } from './passwords.js';
import { createUser } from './users.js';

export const InitInput = z.object({
  name: requiredText(200),
  timezone: TimeZone,
  locale: z._default(Locale, 'en'),
  currency: z._default(Currency, 'EUR'),
  ownerEmail: Email,
  ownerName: z._default(z.string().check(z.maxLength(200)), ''),
});
export type InitInput = z.input<typeof InitInput>;

export interface Initialized {
  businessId: string;
  slug: string;
  publishableKey: string;
  secretKey: string;
  consoleUrl: string;
  /** The owner's one-time link, when no password was given. */
  setupUrl?: string;
}

export async function initBusiness(
  database: Database,
  input: z.output<typeof InitInput>,
  options: { password?: string | undefined; consoleUrl: string; now: number },
): Promise<Initialized> {
  let passwordHash: string | null = null;
  if (options.password !== undefined) {
    checkNewPassword(options.password, 'password', input.ownerEmail);
    passwordHash = await hashPassword(options.password);
  }
  const { now, consoleUrl } = options;
  return database.write(async (tx) => {
    const business = await createBusiness(
      tx,
      { name: input.name, timezone: input.timezone, locale: input.locale, currency: input.currency },
      now,
    );
    // Any origin: the owner embeds the widget on their site before anyone knows its address.
    const pk = await createKey(
      tx,
      business.id,
      { kind: 'publishable', label: 'website', allowedOrigins: ['*'] },
      now,
    );
    const sk = await createKey(tx, business.id, { kind: 'secret', label: 'init', allowedOrigins: [] }, now);
    const owner = await createUser(
      tx,
      business.id,
      { email: input.ownerEmail, name: input.ownerName, role: 'owner', resourceIds: [], passwordHash },
      now,
    );
    const setup =
      passwordHash === null ? await issueAccountToken(tx, owner, 'setup', consoleUrl, now) : undefined;
    return {
      businessId: business.id,
      slug: business.slug ?? '',
      publishableKey: pk.secret,
      secretKey: sk.secret,
      consoleUrl: `${consoleUrl.replace(/\/+$/, '')}/`,
      ...(setup ? { setupUrl: setup.url } : {}),
    };
  });
}
