import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

// TP_E2E_PORT lets several checkouts run their e2e suites side by side.
const PORT = Number(process.env.TP_E2E_PORT) || 3107;
const baseURL = `http://localhost:${PORT}`;

// This file is evaluated by the runner and again in every worker: pick the server's database directory
// once (workers inherit the runner's environment), so all of them agree on it.
process.env.TP_E2E_PGLITE_DIR ??= path.join(os.tmpdir(), `tp-e2e-${Date.now()}`);
const pgliteDir = process.env.TP_E2E_PGLITE_DIR;
// Mail as customers get it (private links included) for the specs to open: the outbox hides those links.
process.env.TP_E2E_MAIL_SINK ??= `${pgliteDir}-mail`;

// webServer.env is merged over process.env, so a DATABASE_URL here would reach the server and the e2e
// suite would run against that database. Drop it, and pass an empty one below so `next start` does not
// pick one up from a .env file either (Next only fills variables that are undefined).
delete process.env.DATABASE_URL;

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    baseURL,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
    screenshot: 'only-on-failure',
    trace: 'off',
  },
  webServer: {
    command: `node_modules/.bin/next start --port ${PORT}`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    // The first boot migrates and seeds the demo workspace: on a busy 2-core box that can pass two minutes.
    timeout: 240_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      NODE_ENV: 'production',
      NEXTAUTH_SECRET: 'e2e-secret-not-for-production-0123456789',
      NEXTAUTH_URL: baseURL,
      DATABASE_URL: '',
      PGLITE_DIR: pgliteDir,
      // Uploaded files live beside the throwaway database, never in the checkout's .data/.
      TP_ATTACHMENTS_DIR: `${pgliteDir}-attachments`,
      // The demo workspace gives e2e its staff sign-ins; specs create their own customers and tickets.
      TP_DEMO_SEED: '1',
      // Many sign-ups and sign-ins come from 127.0.0.1 in one run; the per-email sign-in limit stays at its
      // default, and e2e/authorization.spec.ts proves it.
      // Per-IP limits are raised for the same reason; per-email limits keep their defaults (e2e/portal-isolation.spec.ts proves one).
      TP_RATE_LIMITS: JSON.stringify({
        signUpPerIp: { limit: 1000, windowSeconds: 3600 },
        signInPerIp: { limit: 1000, windowSeconds: 900 },
        submitPerIp: { limit: 1000, windowSeconds: 60 },
        resetPerIp: { limit: 1000, windowSeconds: 3600 },
      }),
      // Mail reaches the outbox (and the test sink) within a second, so specs that read it wait less.
      TP_JOB_POLL_SECONDS: '0.5',
      // Test-only: every mail, whole, as a file the specs read (server/mail/test-sink.ts). Never in production.
      TP_TEST_MAIL_SINK: process.env.TP_E2E_MAIL_SINK,
      TP_E2E: '1',
      NEXT_TELEMETRY_DISABLED: '1',
    },
  },
});
