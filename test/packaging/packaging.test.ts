/**
 * @module The four publishable packages as npm users get them: `pnpm pack` each (workspace:*
 * ranges become versions), install the tarballs with plain `npm install` into a fresh project
 * outside the workspace (no links, third-party dependencies from the registry), then use them the
 * way the docs say: `npx frontdesk --help`; `frontdesk seed` and `serve` from the installed
 * @frontdesk/api, which also serves the installed widget's `/widget.js`; the installed SDK books
 * against it (the same smoke run as the other runtimes); the widget's ESM entry imports in Node;
 * and a TypeScript consumer type-checks against the installed declarations.
 * Needs the built tree (`pnpm build`; the README's test command builds first).
 */
import { execFile } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type DemoKeys,
  type FrontdeskServer,
  seedDemo,
  serveFrontdesk,
} from '../runtimes/frontdesk-process.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const packages = ['core', 'api', 'sdk', 'widget'] as const;
const builtFiles = [
  'packages/core/dist/index.js',
  'packages/api/dist/cli.js',
  'packages/sdk/dist/index.js',
  'packages/widget/dist/index.js',
  'packages/widget/dist/widget.js',
];

let work: string;
let app: string;

beforeAll(async () => {
  for (const file of builtFiles) {
    if (!existsSync(join(root, file))) {
      throw new Error(`${file} is missing: run \`pnpm build\` first (the README's test command does)`);
    }
  }
  work = mkdtempSync(join(tmpdir(), 'frontdesk-packaging-'));
  const tarballs = join(work, 'tarballs');
  app = join(work, 'app');
  mkdirSync(app);
  const filters = packages.flatMap((name) => ['--filter', `@frontdesk/${name}`]);
  await run('npx', ['-y', 'pnpm@10.34.8', '-r', ...filters, 'pack', '--pack-destination', tarballs], {
    cwd: root,
  });
  const dependencies: Record<string, string> = {};
  for (const name of packages) {
    const manifest = join(root, 'packages', name, 'package.json');
    const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
    dependencies[`@frontdesk/${name}`] = `file:${join(tarballs, `frontdesk-${name}-${version}.tgz`)}`;
  }
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({
      name: 'frontdesk-packaging-check',
      private: true,
      type: 'module',
      dependencies,
      // The packages depend on each other by version (`"@frontdesk/core": "0.1.0"`): take those
      // from the tarballs too, never from the registry.
      overrides: Object.fromEntries(packages.map((name) => [`@frontdesk/${name}`, `$@frontdesk/${name}`])),
    }),
  );
  await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: app,
    timeout: 300_000,
  });
}, 420_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packed packages, installed with npm outside the workspace', () => {
  it('are real copies, not links into the workspace', () => {
    for (const name of packages) {
      const installed = join(app, 'node_modules/@frontdesk', name);
      expect(existsSync(join(installed, 'package.json'))).toBe(true);
      const manifest = readFileSync(join(installed, 'package.json'), 'utf8');
      expect(manifest).not.toContain('workspace:');
    }
    // `frontdesk serve` serves the widget, so installing the API alone brings it.
    const api = JSON.parse(readFileSync(join(app, 'node_modules/@frontdesk/api/package.json'), 'utf8'));
    expect(api.dependencies['@frontdesk/widget']).toBe(
      JSON.parse(readFileSync(join(root, 'packages/widget/package.json'), 'utf8')).version,
    );
    // What the API reads at run time ships in its tarball.
    expect(existsSync(join(app, 'node_modules/@frontdesk/api/src/db/migrations/meta/_journal.json'))).toBe(
      true,
    );
    expect(existsSync(join(app, 'node_modules/@frontdesk/widget/dist/widget.js'))).toBe(true);
  });

  it('npx frontdesk --help runs from the installed @frontdesk/api', async () => {
    const { stdout } = await run('npx', ['frontdesk', '--help'], { cwd: app });
    expect(stdout).toMatch(/^Usage: frontdesk <command>/);
    expect(stdout).toContain('restore FILE');
  });

  describe('with a server started from the installed @frontdesk/api', () => {
    let server: FrontdeskServer;
    let keys: DemoKeys;
    beforeAll(async () => {
      const cli = join(app, 'node_modules/@frontdesk/api/dist/cli.js');
      const dbUrl = pathToFileURL(join(work, 'data', 'fd.db')).href;
      keys = await seedDemo(cli, dbUrl);
      server = await serveFrontdesk(cli, dbUrl);
    }, 120_000);
    afterAll(async () => {
      expect(await server?.stop()).toBe(0);
    });

    it('the installed SDK books, gets the typed 409 and streams stock', async () => {
      copyFileSync(join(root, 'test/runtimes/sdk-smoke.js'), join(app, 'sdk-smoke.js'));
      writeFileSync(
        join(app, 'smoke.js'),
        [
          "import * as sdk from '@frontdesk/sdk';",
          "import * as stock from '@frontdesk/sdk/stock';",
          "import { sdkSmoke } from './sdk-smoke.js';",
          'const [baseUrl, publishableKey, secretKey] = process.argv.slice(2);',
          'console.log(JSON.stringify(await sdkSmoke({ sdk, stock, baseUrl, publishableKey, secretKey })));',
        ].join('\n'),
      );
      const { stdout } = await run(
        process.execPath,
        ['smoke.js', server.url, keys.publishableKey, keys.secretKey],
        {
          cwd: app,
          timeout: 60_000,
        },
      );
      const result = JSON.parse(stdout.trim().split('\n').at(-1)!);
      expect(result).toMatchObject({
        services: 4,
        booking: { status: 'confirmed', hasManageToken: true },
        conflict: {
          name: 'SlotUnavailableError',
          status: 409,
          code: 'slot_unavailable',
          guard: true,
          instanceOf: true,
        },
      });
      expect(result.streamed[1]).toBe(result.streamed[0] - 1);
    }, 90_000);

    it('serves the installed widget at /widget.js', async () => {
      const res = await fetch(`${server.url}/widget.js`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/javascript/);
      expect(await res.text()).toBe(
        readFileSync(join(app, 'node_modules/@frontdesk/widget/dist/widget.js'), 'utf8'),
      );
    });
  });

  it("the widget's ESM entry imports in Node; the loader (a browser script) resolves", async () => {
    const script = [
      "const widget = await import('@frontdesk/widget');",
      "const loader = import.meta.resolve('@frontdesk/widget/loader');",
      'console.log(JSON.stringify({ exports: Object.keys(widget).sort(), loader }));',
    ].join('\n');
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: app });
    const result = JSON.parse(stdout);
    expect(result.exports).toEqual(['defineElements', 'mountBooking']);
    expect(fileURLToPath(result.loader)).toBe(join(app, 'node_modules/@frontdesk/widget/dist/loader.js'));
  });

  it('a TypeScript consumer type-checks against the installed declarations', async () => {
    writeFileSync(
      join(app, 'consumer.ts'),
      [
        "import { createClient, isSlotUnavailableError, type Booking } from '@frontdesk/sdk';",
        "import { createStockClient } from '@frontdesk/sdk/stock';",
        "import { mountBooking, type BookingOptions } from '@frontdesk/widget';",
        "import { BookingInput } from '@frontdesk/core';",
        "const client = createClient({ baseUrl: 'http://127.0.0.1:8787', key: 'fd_pk_x' });",
        "const booking: Promise<Booking> = client.bookings.create({ service: 's', start: '2030-01-01T10:00:00Z', customer: { name: 'A', email: 'a@example.com' } });",
        "const options: BookingOptions = { api: 'http://127.0.0.1:8787', key: 'fd_pk_x' };",
        'export const used = [booking, options, isSlotUnavailableError, createStockClient, mountBooking, BookingInput];',
        '// @ts-expect-error a booking needs a customer',
        "client.bookings.create({ service: 's', start: '2030-01-01T10:00:00Z' });",
      ].join('\n'),
    );
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          lib: ['ES2023', 'DOM'],
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          types: [],
        },
        files: ['consumer.ts'],
      }),
    );
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    await expect(run(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: app })).resolves.toBeDefined();
  }, 90_000);
});
