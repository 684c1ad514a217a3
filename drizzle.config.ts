import { defineConfig } from 'drizzle-kit';

// Migrations are generated from db/schema and committed; the app applies them at boot.
export default defineConfig({
  dialect: 'postgresql',
  casing: 'snake_case',
  schema: './db/schema/index.ts',
  out: './db/migrations',
});
