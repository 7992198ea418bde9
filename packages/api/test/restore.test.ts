/**
 * @module `frontdesk restore` and scheduled backups against real server processes: a backup taken
 * while a server writes bookings restores every booking acknowledged before it began; restore
 * refuses a missing, foreign, damaged or too-new backup and a database some process has open, and
 * then changes nothing; the replaced database is kept aside whole (its WAL folded in).
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createClient } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { migrate as drizzleMigrate } from 'drizzle-orm/libsql/migrator';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { checkBackupFile, knownMigrations } from '../src/backup/check.js';
import { restoreDatabase } from '../src/backup/restore.js';
import { migrationsFolder } from '../src/db/migrate.js';
import {
  book,
  removeSeededFiles,
  type SeededFile,
  type ServerProcess,
  seedFile,
  startServer,
  tomorrowAt,
} from './process-helpers.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the frontdesk CLI from source; resolves with its exit code and output, whatever the code. */
function frontdesk(args: string[], dbUrl: string): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--conditions=source', '--import', 'tsx', cli, ...args],
      { cwd: repoRoot, env: { ...process.env, FRONTDESK_DB_URL: dbUrl } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const servers: ServerProcess[] = [];
async function serve(dbUrl: string, env: Record<string, string> = {}) {
  const server = await startServer(dbUrl, env);
  servers.push(server);
  return server;
}
afterEach(async () => {
  for (const server of servers.splice(0)) {
    if (server.child.exitCode === null) server.child.kill('SIGKILL');
    await server.exited;
  }
});
afterAll(removeSeededFiles);

const dbFile = (seed: SeededFile) => fileURLToPath(seed.dbUrl);

/**
 * `seedFile`, moved to a file this process never opened: a libSQL connection closed in this
 * process keeps its lock until garbage-collected, and would be taken for a running server.
 */
async function seedElsewhere(classCapacity = 3): Promise<SeededFile> {
  const seed = await seedFile(classCapacity);
  for (const suffix of ['', '-wal']) {
    const from = join(seed.dir, `fd.db${suffix}`);
    if (existsSync(from)) cpSync(from, join(seed.dir, `live.db${suffix}`));
  }
  return { ...seed, dbUrl: pathToFileURL(join(seed.dir, 'live.db')).href };
}

/** The ids of the bookings stored in a database file. */
async function bookingIds(file: string): Promise<string[]> {
  const client = createClient({ url: pathToFileURL(file).href });
  try {
    return (await client.execute('SELECT id FROM bookings')).rows.map((row) => String(row.id));
  } finally {
    client.close();
  }
}
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

async function found(url: string, key: string, ids: string[]): Promise<string[]> {
  const missing: string[] = [];
  for (let i = 0; i < ids.length; i += 20) {
    await Promise.all(
      ids.slice(i, i + 20).map(async (id) => {
        const res = await fetch(`${url}/v1/bookings/${id}`, { headers: { Authorization: `Bearer ${key}` } });
        await res.body?.cancel();
        if (res.status !== 200) missing.push(id);
      }),
    );
  }
  return missing;
}

/**
 * A verified backup of the seeded file, by `frontdesk backup` (in another process: a libSQL
 * connection closed in this one keeps its lock until garbage-collected, as a server would).
 */
async function backupOf(seed: Pick<SeededFile, 'dir' | 'dbUrl'>, name: string): Promise<string> {
  const file = join(seed.dir, name);
  const answer = await frontdesk(['backup', file], seed.dbUrl);
  expect(answer).toMatchObject({ code: 0 });
  return file;
}

describe('restore under write load', () => {
  it('a backup taken while a server writes bookings restores every booking acknowledged before it', async () => {
    const seed = await seedElsewhere(100_000);
    const scheduled = join(seed.dir, 'scheduled');
    const server = await serve(seed.dbUrl, { FRONTDESK_BACKUP_DIR: scheduled, FRONTDESK_BACKUP_EVERY: '1d' });
    const acked: { id: string; at: number }[] = [];
    let stop = false;
    const writers = Array.from({ length: 6 }, async () => {
      while (!stop) {
        const answer = await book(server.url, seed.publishableKey, seed.classId, tomorrowAt(9));
        if (answer.status !== 201 || !answer.body.id) throw new Error(`booking answered ${answer.status}`);
        acked.push({ id: answer.body.id, at: performance.now() });
      }
    });
    while (acked.length < 30) await new Promise((resolve) => setTimeout(resolve, 50));
    const backupFile = join(seed.dir, 'under-load.db');
    const backupStarted = performance.now();
    const backup = await frontdesk(['backup', backupFile], seed.dbUrl);
    const backupEnded = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 200));
    stop = true;
    await Promise.all(writers);
    expect(backup).toMatchObject({ code: 0, stdout: expect.stringMatching(/Backed up to .*checked/) });
    const before = acked.filter((a) => a.at < backupStarted).map((a) => a.id);
    const during = acked.filter((a) => a.at >= backupStarted && a.at < backupEnded).length;
    expect(before.length).toBeGreaterThanOrEqual(30);
    expect(during).toBeGreaterThan(0); // the backup really ran under load

    // The serve process wrote its scheduled backup at start, verified.
    const scheduledFiles = readdirSync(scheduled);
    expect(scheduledFiles).toEqual([expect.stringMatching(/^frontdesk-\d{8}T000000Z\.db$/)]);
    expect((await checkBackupFile(join(scheduled, scheduledFiles[0]!))).state).toBe('current');

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    const restore = await frontdesk(['restore', backupFile], seed.dbUrl);
    expect(restore.stderr).toBe('');
    expect(restore).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/kept as .*live\.db\.replaced-\d{8}T\d{6}Z/),
    });

    const restored = await serve(seed.dbUrl);
    expect(await found(restored.url, seed.secretKey, before)).toEqual([]);
    // Bookings acknowledged after the backup are not in it; the replaced file still has them all.
    const after = acked.filter((a) => a.at >= backupEnded).map((a) => a.id);
    expect(after.length).toBeGreaterThan(0);
    expect((await found(restored.url, seed.secretKey, after)).length).toBe(after.length);
  }, 120_000);
});

describe('restore refuses', () => {
  it('a missing, foreign, damaged or too-new backup, and changes nothing', async () => {
    // The database is made by another process: one opened in this process stays locked by it.
    const dir = mkdtempSync(join(tmpdir(), 'frontdesk-restore-'));
    const live = join(dir, 'fd.db');
    const seed = { dir, dbUrl: pathToFileURL(live).href };
    expect(await frontdesk(['seed', '--demo'], seed.dbUrl)).toMatchObject({ code: 0 });
    const good = await backupOf(seed, 'good.db');
    const files = () => readdirSync(seed.dir).sort();
    const liveHash = sha(live);
    const listing = files();

    const notSqlite = join(seed.dir, 'notes.txt');
    writeFileSync(notSqlite, 'name,email\nAna,ana@example.com\n'.repeat(200));
    const truncated = join(seed.dir, 'truncated.db');
    cpSync(good, truncated);
    truncateSync(truncated, Math.floor(readFileSync(good).length / 2));
    const foreign = join(seed.dir, 'foreign.db');
    const other = createClient({ url: pathToFileURL(foreign).href });
    await other.execute('CREATE TABLE notes (body TEXT)');
    other.close();
    const newer = join(seed.dir, 'newer.db');
    cpSync(good, newer);
    const newerClient = createClient({ url: pathToFileURL(newer).href });
    await newerClient.execute(
      "INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('future', 4102444800000)",
    );
    newerClient.close();
    const made = files();

    const cases: [string, RegExp][] = [
      [join(seed.dir, 'nope.db'), /^No backup file at .*nope\.db$/],
      [seed.dir, /is not a file$/],
      [notSqlite, /notes\.txt is not a SQLite database$/],
      [truncated, /truncated\.db is damaged or truncated|truncated\.db failed SQLite's integrity check/],
      [foreign, /foreign\.db is a SQLite database but not a Frontdesk one/],
      [newer, /newer\.db was written by a newer Frontdesk: .* Upgrade frontdesk, then restore it\.$/],
      [live, /is the database itself/],
    ];
    for (const [backup, message] of cases) {
      await expect(restoreDatabase(live, backup), backup).rejects.toThrow(message);
      expect(files()).toEqual(made);
    }
    expect(sha(live)).toBe(liveHash);

    // The CLI says it in one line, without a stack, and exits 1.
    const cliAnswer = await frontdesk(['restore', newer], seed.dbUrl);
    expect(cliAnswer.code).toBe(1);
    expect(cliAnswer.stderr).toMatch(/^frontdesk: .*newer\.db was written by a newer Frontdesk.*\n$/);
    expect(files()).toEqual(made);
    expect(sha(live)).toBe(liveHash);
    expect(listing.every((name) => made.includes(name))).toBe(true);
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('while a server uses the database; once stopped, restores and keeps the replaced file whole', async () => {
    const seed = await seedElsewhere();
    const server = await serve(seed.dbUrl);
    const kept = await book(server.url, seed.publishableKey, seed.serviceId, tomorrowAt(9));
    const backup = await backupOf(seed, 'backup.db');
    const later = await book(server.url, seed.publishableKey, seed.serviceId, tomorrowAt(10));
    expect([kept.status, later.status]).toEqual([201, 201]);

    await expect(restoreDatabase(dbFile(seed), backup)).rejects.toThrow(
      /live\.db is in use by another process \(a running frontdesk serve or worker\?\)/,
    );
    expect(readdirSync(seed.dir).filter((name) => /replaced|restoring/.test(name))).toEqual([]);
    expect(await found(server.url, seed.secretKey, [later.body.id!])).toEqual([]); // still serving

    // kill -9: the last commits are in the WAL, never checkpointed into the main file.
    server.child.kill('SIGKILL');
    await server.exited;
    const result = await restoreDatabase(dbFile(seed), backup, () => Date.parse('2026-03-01T12:00:00Z'));
    expect(result.replacedFile).toBe(`${dbFile(seed)}.replaced-20260301T120000Z`);
    expect(existsSync(`${result.replacedFile}-wal`)).toBe(false); // folded into the file itself
    expect(existsSync(`${dbFile(seed)}-wal`)).toBe(false);

    expect(await bookingIds(dbFile(seed))).toEqual([kept.body.id]);
    expect((await bookingIds(result.replacedFile!)).sort()).toEqual([kept.body.id, later.body.id].sort());
  }, 60_000);
});

describe('restore of an older backup', () => {
  it('migrates it to this release, into a new database file', async () => {
    const seed = await seedElsewhere();
    // A backup made by a release that had only the first two migrations.
    const oldMigrations = join(seed.dir, 'old-migrations');
    cpSync(migrationsFolder, oldMigrations, { recursive: true });
    const journalFile = join(oldMigrations, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalFile, 'utf8'));
    journal.entries = journal.entries.slice(0, 2);
    writeFileSync(journalFile, JSON.stringify(journal));
    const old = join(seed.dir, 'old.db');
    const client = createClient({ url: pathToFileURL(old).href });
    await drizzleMigrate(drizzle(client), { migrationsFolder: oldMigrations });
    client.close();

    const target = join(seed.dir, 'new-machine', 'data', 'frontdesk.db');
    mkdirSync(join(seed.dir, 'new-machine'));
    const result = await restoreDatabase(target, old);
    expect(result).toMatchObject({
      replacedFile: undefined,
      backupSchema: { applied: 2, known: knownMigrations().length, latestTag: '0001_stock', state: 'older' },
    });
    expect(await checkBackupFile(target)).toMatchObject({ state: 'current' });
    expect(existsSync(old)).toBe(true);
  });
});
