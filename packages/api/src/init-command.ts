/**
 * @module `frontdesk init`: flags, or questions when run in a terminal without flags; the password
 * from standard input with `--password-stdin` (never a flag: flags end up in shell history and
 * `ps`), otherwise a one-time set-up link. `--json` prints the result for scripts.
 */
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import type { Database } from './db/open.js';
import { isApiError } from './errors.js';
import { parseWith } from './middleware/validate.js';
import { InitInput, type Initialized, initBusiness } from './services/init.js';

export class InitUsageError extends Error {}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  // One trailing newline is the shell's (`echo`), not part of the password.
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** Asks for what flags would give, with defaults in brackets. */
async function ask(): Promise<Record<string, string>> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const question = async (label: string, fallback = ''): Promise<string> => {
      const answer = (await rl.question(fallback ? `${label} [${fallback}]: ` : `${label}: `)).trim();
      return answer || fallback;
    };
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    return {
      name: await question('Business name'),
      timezone: await question('Time zone', zone),
      locale: await question('Locale', 'en'),
      currency: await question('Currency', 'EUR'),
      ownerEmail: await question("Owner's email"),
    };
  } finally {
    rl.close();
  }
}

export function publicConsoleUrl(): string {
  const base = process.env.FRONTDESK_PUBLIC_URL || `http://localhost:${process.env.PORT || 8787}`;
  return `${base.replace(/\/+$/, '')}/console`;
}

export async function runInit(args: string[], database: Database): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      name: { type: 'string' },
      timezone: { type: 'string' },
      locale: { type: 'string' },
      currency: { type: 'string' },
      'owner-email': { type: 'string' },
      'owner-name': { type: 'string' },
      'password-stdin': { type: 'boolean' },
      json: { type: 'boolean' },
    },
  });
  const given = {
    name: values.name,
    timezone: values.timezone,
    locale: values.locale,
    currency: values.currency,
    ownerEmail: values['owner-email'],
    ownerName: values['owner-name'],
  };
  const noFlags = Object.values(given).every((v) => v === undefined);
  const raw = noFlags && process.stdin.isTTY && !values['password-stdin'] ? await ask() : given;
  let input: ReturnType<typeof InitInput.parse>;
  try {
    input = parseWith(InitInput, Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)));
  } catch (error) {
    throw new InitUsageError(describe(error));
  }
  const password = values['password-stdin'] ? await readStdin() : undefined;
  let result: Initialized;
  try {
    result = await initBusiness(database, input, {
      password,
      consoleUrl: publicConsoleUrl(),
      now: Date.now(),
    });
  } catch (error) {
    throw new InitUsageError(describe(error));
  }
  if (values.json) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  process.stdout.write(
    `Created ${input.name} (${result.businessId}, /book/${result.slug})\n` +
      `  publishable key: ${result.publishableKey}\n` +
      `  secret key:      ${result.secretKey} (shown once; keep it on your server)\n` +
      `  console:         ${result.consoleUrl}\n` +
      (result.setupUrl
        ? `  set-up link:     ${result.setupUrl}\n                   (valid 24 hours: open it to choose the owner's password)\n`
        : `  sign in as ${input.ownerEmail} with the password you gave\n`),
  );
}

/** A validation failure in plain words: `--owner-email: Invalid email address`. */
function describe(error: unknown): string {
  if (isApiError(error)) {
    const fields = (error.errors ?? []).map((e) => `--${flagOf(e.path)}: ${e.message}`);
    return fields.length ? fields.join('\n') : (error.detail ?? error.message);
  }
  throw error;
}

const flagOf = (path: string) =>
  ({ ownerEmail: 'owner-email', email: 'owner-email', ownerName: 'owner-name', password: 'password-stdin' })[
    path
  ] ?? path;
