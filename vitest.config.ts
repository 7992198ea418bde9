/**
 * @module One vitest run for the whole workspace: each package is a project, and every project
 * reads the packages' `src/` through the `source` export condition, so tests need no build.
 */
import { defineConfig } from 'vitest/config';

const conditions = ['source', 'module', 'node', 'import', 'default'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['source'] } },
  test: {
    projects: ['packages/*', 'examples/*'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
