/**
 * @module Real `frontdesk serve` processes for the multi-process and crash tests: node running
 * `src/cli.ts` through tsx (no build needed), on 127.0.0.1 and a free port, on a given database.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { migrate } from '../src/db/migrate.js';
import { openDatabase } from '../src/db/open.js';
import { createBusiness } from '../src/services/business.js';
import { createService } from '../src/services/catalog.js';
import { createKey } from '../src/services/keys.js';
import { createResource } from '../src/services/resources.js';
import { testLogger } from './helpers.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Resolves when the process has exited. */
  exited: Promise<number | null>;
}

/**
 * Passes the server's JSON log lines to the test logger, so that a `level: "error"` line fails the
 * running test as it would for an in-process app (see helpers.ts).
 */
function forwardLogLines(child: ChildProcess): void {
  const logger = testLogger();
  let pending = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    const lines = (pending + chunk.toString()).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      let parsed: { level?: unknown; msg?: unknown } | undefined;
      try {
        parsed = JSON.parse(line);
      } catch {
        continue;
      }
      if (parsed?.level === 'error') logger.error(String(parsed.msg), parsed as Record<string, unknown>);
    }
  });
}

/** Starts `frontdesk serve` on `dbUrl` and resolves once it listens. */
export function startServer(dbUrl: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', cli, 'serve'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      FRONTDESK_DB_URL: dbUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      FRONTDESK_RATE_LIMIT: '0',
      FRONTDESK_SECRET_RATE_LIMIT: '0',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  forwardLogLines(child);
  return new Promise((resolve, reject) => {
    let log = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${log}`)), 30_000);
    const untilListening = (chunk: Buffer) => {
      log += chunk.toString();
      // {"level":"info","time":…,"url":"http://127.0.0.1:…","pid":…,"msg":"listening"}
      const match = /"url":"([^"]+)"[^\n]*"msg":"listening"/.exec(log);
      if (match) {
        clearTimeout(timer);
        // The request lines that follow are not kept (forwardLogLines still judges each one).
        child.stderr!.off('data', untilListening);
        resolve({ url: match[1]!, child, exited });
      }
    };
    child.stderr!.on('data', untilListening);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${log}`));
    });
  });
}

export interface SeededFile {
  dbUrl: string;
  /** The temp directory holding the file; remove it with `removeSeededFiles()`. */
  dir: string;
  secretKey: string;
  publishableKey: string;
  /** A 30-minute private service and a class of `classCapacity` seats, open every day 00:00–24:00. */
  serviceId: string;
  classId: string;
}

/** A fresh database file with one business, keys and two services, then closed. */
export async function seedFile(classCapacity: number): Promise<SeededFile> {
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-proc-'));
  seededDirs.push(dir);
  const dbUrl = pathToFileURL(join(dir, 'fd.db')).href;
  const database = await openDatabase(dbUrl);
  await migrate(database);
  const now = Date.now();
  const allDay = [{ start: '00:00', end: '24:00' }];
  const hours = { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay };
  const seeded = await database.write(async (tx) => {
    const business = await createBusiness(tx, { name: 'Proc test', timezone: 'UTC' }, now);
    const pk = await createKey(
      tx,
      business.id,
      { kind: 'publishable', label: 't', allowedOrigins: ['*'] },
      now,
    );
    const sk = await createKey(tx, business.id, { kind: 'secret', label: 't', allowedOrigins: [] }, now);
    const resource = await createResource(
      tx,
      business.id,
      { name: 'Room', kind: 'room', description: '', hours, active: true },
      now,
    );
    const base = {
      description: '',
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      slotIntervalMinutes: undefined,
      minNoticeMinutes: 0,
      horizonDays: 30,
      price: null,
      requiresConfirmation: false,
      cancellationCutoffMinutes: 0,
      rescheduleCutoffMinutes: 0,
      questions: [],
      active: true,
      resourceIds: [resource.id],
    };
    const service = await createService(
      tx,
      business.id,
      { ...base, name: 'Private', durationMinutes: 30, capacity: 1 },
      now,
    );
    const klass = await createService(
      tx,
      business.id,
      { ...base, name: 'Class', durationMinutes: 60, capacity: classCapacity },
      now,
    );
    return { secretKey: sk.secret, publishableKey: pk.secret, serviceId: service.id, classId: klass.id };
  });
  await database.close();
  return { dbUrl, dir, ...seeded };
}

const seededDirs: string[] = [];

/** Deletes every directory made by `seedFile` so far (call once the servers have exited). */
export function removeSeededFiles(): void {
  for (const dir of seededDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A start time tomorrow at `hour`:00 UTC, on every service's grid. */
export function tomorrowAt(hour: number): string {
  const d = new Date(Date.now() + 86_400_000);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString().replace('.000Z', 'Z');
}

export async function book(url: string, key: string, service: string, start: string) {
  const res = await fetch(`${url}/v1/bookings`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ service, start, customer: { name: 'Proc Test', email: 'proc@example.com' } }),
  });
  const body = (await res.json()) as { id?: string; code?: string };
  return { status: res.status, body };
}
