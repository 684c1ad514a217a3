import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, request as playwrightRequest, test } from '@playwright/test';
import { startApp, type AppServer } from '../tests/fault/helpers/app-server';
import { freePort } from '../tests/helpers/throwaway-postgres';

/**
 * The per-IP sign-in limit against the built app, on servers of its own (the suite's server raises per-IP
 * limits for its many sign-ins): 3 failed sign-ins per IP, each with another email (so the per-email limit
 * never applies) and another made-up X-Forwarded-For.
 */
test.describe.configure({ mode: 'serial', timeout: 240_000 });

const LIMITS = JSON.stringify({ signInPerIp: { limit: 3, windowSeconds: 900 }, signInPerEmail: { limit: 100, windowSeconds: 900 } });
let work: string;
const servers: AppServer[] = [];

async function start(env: Record<string, string>): Promise<AppServer> {
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(work, 'app-'));
  const app = await startApp({
    port,
    logFile: path.join(dir, 'app.log'),
    env: {
      DATABASE_URL: '',
      PGLITE_DIR: path.join(dir, 'pglite'),
      TP_ATTACHMENTS_DIR: path.join(dir, 'files'),
      TP_DEMO_SEED: '0',
      TP_WORKER: '0',
      TP_RATE_LIMITS: LIMITS,
      NEXTAUTH_SECRET: 'client-ip-secret-0123456789abcdef0123',
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      TRUST_PROXY: '',
      ...env,
    },
  });
  servers.push(app);
  await expect.poll(async () => (await fetch(`${app.baseUrl}/api/health`).catch(() => null))?.status ?? 0, { timeout: 180_000, intervals: [500] }).toBe(200);
  return app;
}

/** One credentials sign-in through next-auth (CSRF token first), as the form's signIn() makes it. */
async function signInAttempt(baseUrl: string, email: string, forwardedFor: string): Promise<number> {
  const context = await playwrightRequest.newContext({ baseURL: baseUrl });
  try {
    const { csrfToken } = await (await context.get('/api/auth/csrf')).json();
    const res = await context.post('/api/auth/callback/staff', {
      headers: { 'x-forwarded-for': forwardedFor, 'x-auth-return-redirect': '1' },
      form: { email, password: 'wrong-password', csrfToken, callbackUrl: '/inbox', json: 'true' },
    });
    return res.status();
  } finally {
    await context.dispose();
  }
}

test.beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-client-ip-'));
});
test.afterAll(async () => {
  for (const app of servers) await app.stop();
  fs.rmSync(work, { recursive: true, force: true });
});

test('without TRUST_PROXY a made-up X-Forwarded-For does not escape the per-IP limit', async () => {
  const app = await start({});
  const statuses: number[] = [];
  for (let i = 0; i < 4; i++) statuses.push(await signInAttempt(app.baseUrl, `nobody${i}@example.com`, `203.0.113.${i + 1}`));
  expect(statuses.slice(0, 3).every((s) => s !== 429)).toBe(true);
  expect(statuses[3]).toBe(429);
});

test('with TRUST_PROXY=1 the right-most hop counts: a spoofed left part changes nothing, another client has its own count', async () => {
  const app = await start({ TRUST_PROXY: '1' });
  const statuses: number[] = [];
  // Our "proxy" appends the address it saw (198.51.100.7) to whatever the client sent.
  for (let i = 0; i < 4; i++) statuses.push(await signInAttempt(app.baseUrl, `someone${i}@example.com`, `10.9.9.${i}, 198.51.100.7`));
  expect(statuses.slice(0, 3).every((s) => s !== 429)).toBe(true);
  expect(statuses[3]).toBe(429);
  expect(await signInAttempt(app.baseUrl, 'other@example.com', '198.51.100.7, 198.51.100.8')).not.toBe(429);
});
