/**
 * @module drizzle-kit settings: `npx drizzle-kit generate` turns `src/db/schema.ts` into the SQL
 * migrations committed under `src/db/migrations/`.
 */
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: './src/db/schema.ts',
  out: './src/db/migrations',
});
