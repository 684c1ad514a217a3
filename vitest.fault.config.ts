import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The fault suite (scripts/test-all.mjs stage "fault (postgres)"): tests that stop, crash and restart a
 * throwaway Postgres cluster of their own (tests/helpers/throwaway-postgres.ts). Their files end in
 * `.fault.ts`, so the normal `vitest run` (which takes `*.test.ts`) never picks them up. One file at a
 * time: each starts its own cluster and, for the app suite, a built `next start`, on a 2-core machine.
 */
export default defineConfig({
  resolve: {
    alias: { '@': root.replace(/\/$/, '') },
  },
  test: {
    environment: 'node',
    include: ['tests/fault/**/*.fault.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    env: { TZ: 'UTC' },
    pool: 'forks',
    fileParallelism: false,
  },
});
