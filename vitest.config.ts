/**
 * @module One vitest run for the whole workspace: a project per package, each reading the other
 * packages' `src/` through the `source` export condition, so tests need no build.
 */
import { defineConfig } from 'vitest/config';

const conditions = ['source', 'module', 'node', 'import', 'default'];
const project = (name: string, include: string[]) => ({ extends: true, test: { name, include } });

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['source'] } },
  test: {
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // Two test files at a time, on every machine: vitest's default on 2 cores is one (cores − 1),
    // and most files spend their time waiting on Chromium, child servers and fsync, not on a core.
    maxWorkers: 2,
    projects: [
      project('core', ['packages/core/**/*.test.ts']),
      project('api', ['packages/api/**/*.test.ts']),
      {
        extends: true,
        test: {
          name: 'sdk',
          include: ['packages/sdk/**/*.test.ts'],
          // Type tests (*.test-d.ts) run in the same project: a wrong shape fails the run. The runs on
          // other Node versions (test/runtimes/node-versions.js) leave them to the main run: tsc
          // gives the same answer on any Node.
          typecheck: {
            enabled: !process.env.FRONTDESK_SKIP_TYPE_TESTS,
            include: ['packages/sdk/**/*.test-d.ts'],
            tsconfig: 'packages/sdk/tsconfig.json',
          },
        },
      },
      project('widget', ['packages/widget/**/*.test.ts']),
      project('console', ['packages/console/**/*.test.ts']),
      project('examples', ['examples/*/test/**/*.test.ts']),
      // These three need the built tree (the README's test command builds before vitest runs).
      project('packaging', ['test/packaging/**/*.test.ts']),
      project('runtimes', ['test/runtimes/**/*.test.ts']),
      project('torture', ['test/torture/**/*.test.ts']),
    ],
    typecheck: { enabled: false },
  },
});
