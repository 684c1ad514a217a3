/**
 * The built app (`next start`) against a throwaway Postgres cluster that the test stops, crashes and
 * restarts under load over HTTP. Proves, each time: every acknowledged (201) write is still there; during
 * the outage the API answers 503 with Retry-After (never 500) within the timeouts, /api/health answers
 * 503 within 1 s and pages say "we'll be right back"; the app is healthy within 2 s of Postgres accepting
 * connections again, without a restart; the job worker resumes; nothing crashed the process.
 *
 * Needs a build (`next build`; scripts/test-all.mjs runs this after the e2e build) and the Postgres
 * binaries (tests/helpers/throwaway-postgres.ts). Run: `npx vitest run -c vitest.fault.config.ts`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { encode } from 'next-auth/jwt';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migratePostgresUrl, postgresHandle } from '@/db/client';
import { seedDemoIfEmpty } from '@/server/seed/demo';
import { createApiToken } from '@/server/services/api-tokens';
import { startSession } from '@/server/services/sessions';
import { onProcessEnd } from '../helpers/on-process-end';
import { createThrowawayPostgres, freePort, type ThrowawayPostgres } from '../helpers/throwaway-postgres';
import { builtAppPresent, startApp, type AppServer } from './helpers/app-server';
import { startHttpLoad, summarize, timedFetch } from './helpers/http-load';
import { timeUntil } from './helpers/load';

const SECRET = 'fault-suite-secret-not-for-production-0123456789';
/** What a browser sends for a page navigation. */
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let pg: ThrowawayPostgres;
let app: AppServer;
let work: string;
let token = '';
let sessionCookie = '';
let ticketIds: number[] = [];
const acknowledged: number[] = [];
const figures: string[] = [];

async function healthIsOk() {
  return (await timedFetch(`${app.baseUrl}/api/health`, {}, 1500)).status === 200;
}

/** Health, readiness, an API route, a portal route and a page while the database is down. */
async function expectOutageAnswers() {
  for (const probe of ['/api/health', '/api/health/ready']) {
    const r = await timedFetch(`${app.baseUrl}${probe}`, {}, 5000);
    expect(r.status, probe).toBe(503);
    expect(r.ms, `${probe} answers within 1 s`).toBeLessThan(1000);
  }
  const live = await timedFetch(`${app.baseUrl}/api/health/live`);
  expect(live.status, 'the process itself is live').toBe(200);

  const api = await timedFetch(`${app.baseUrl}/api/v1/tickets?limit=5`, { headers: { authorization: `Bearer ${token || 'tp_unknown'}` } }, 10_000);
  expect(api.status).toBe(503);
  expect(api.headers.get('retry-after')).toMatch(/^\d+$/);
  expect(JSON.parse(api.text)).toMatchObject({ error: { code: 'unavailable' } });
  expect(api.ms, 'an API route answers within 2 s').toBeLessThan(2000);

  const portal = await timedFetch(`${app.baseUrl}/api/portal/password-reset`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'someone@example.test' }),
  }, 10_000);
  expect(portal.status).toBe(503);
  expect(portal.headers.get('retry-after')).toMatch(/^\d+$/);

  if (sessionCookie) {
    const page = await timedFetch(`${app.baseUrl}/inbox`, { headers: { cookie: sessionCookie, accept: BROWSER_ACCEPT } }, 10_000);
    expect(page.text).toContain('be right back');
    expect(page.status).toBe(503);
    expect(page.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(page.ms, 'a page answers within 2 s').toBeLessThan(2000);
    figures.push(`page during outage: HTTP ${page.status} in ${Math.round(page.ms)} ms`);
  }
  return api.ms;
}

beforeAll(async () => {
  if (!builtAppPresent()) throw new Error('No build in .next: run `node_modules/.bin/next build` first.');
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-fault-app-'));
  const dir = work;
  onProcessEnd(() => fs.rmSync(dir, { recursive: true, force: true }));
  pg = await createThrowawayPostgres();

  // An existing workspace whose database is down when the app starts: migrated and seeded beforehand.
  await pg.start();
  await migratePostgresUrl(pg.url);
  const setup = postgresHandle(pg.url, { max: 2 });
  try {
    await seedDemoIfEmpty(setup.db);
    token = (await createApiToken(setup.db, { email: 'admin@touchpoint.test', name: 'fault suite' })).token;
    const sql = (setup.db as unknown as { $client: postgres.Sql }).$client;
    ticketIds = (await sql<{ id: number }[]>`select id from tickets where merged_into_id is null and status in ('new', 'open', 'pending', 'on_hold') order by id limit 8`).map((r) => r.id);
    const [admin] = await sql<{ id: number }[]>`select id from users where email = 'admin@touchpoint.test'`;
    const sid = await startSession(setup.db, { kind: 'staff', id: admin.id });
    const jwt = await encode({ token: { account: { kind: 'staff', id: admin.id, sid } }, secret: SECRET });
    sessionCookie = `next-auth.session-token=${jwt}`;
  } finally {
    await setup.close();
  }
  await pg.stop('fast');

  const port = await freePort();
  app = await startApp({
    port,
    logFile: path.join(work, 'app.log'),
    env: {
      DATABASE_URL: pg.url,
      NEXTAUTH_SECRET: SECRET,
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      TP_DEMO_SEED: '1',
      TP_JOB_POLL_SECONDS: '0.5',
      TP_ATTACHMENTS_DIR: path.join(work, 'attachments'),
      NODE_OPTIONS: '--max-old-space-size=384',
    },
  });
  await timeUntil(async () => (await timedFetch(`${app.baseUrl}/api/health/live`, {}, 2000)).status === 200, { limitMs: 90_000 });
});

afterAll(async () => {
  if (app && (!app.alive() || process.env.TP_FAULT_LOG)) console.error(app.log().split('\n').slice(-60).join('\n'));
  await app?.stop();
  await pg?.remove();
  if (work) fs.rmSync(work, { recursive: true, force: true });
  if (figures.length) console.info(`[fault] app figures (load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}):\n  ${figures.join('\n  ')}`);
});

describe('the app against a Postgres that goes away', () => {
  it('started while Postgres is down: serves 503, then becomes healthy by itself within 2 s of Postgres starting', async () => {
    const apiMs = await expectOutageAnswers();
    await pg.start();
    const healthyMs = await timeUntil(healthIsOk, { limitMs: 15_000 });
    figures.push(`started with Postgres down: API 503 in ${Math.round(apiMs)} ms; healthy ${Math.round(healthyMs)} ms after Postgres accepted connections`);
    expect(healthyMs).toBeLessThan(2000);
    const page = await timedFetch(`${app.baseUrl}/inbox`, { headers: { cookie: sessionCookie, accept: BROWSER_ACCEPT } });
    expect(page.status).toBe(200);
  });

  const faults = [
    ['fast restart', () => pg.stop('fast')],
    ['immediate restart', () => pg.stop('immediate')],
    ['postmaster kill (kill -9)', () => pg.killPostmaster()],
  ] as const;

  for (const [name, fault] of faults) {
    it(`${name} under load: acknowledged writes kept, 503 + Retry-After meanwhile, healthy within 2 s`, async () => {
      const load = startHttpLoad(app.baseUrl, token, ticketIds);
      await sleep(1500);
      const stopStarted = performance.now();
      await fault();
      const stopMs = performance.now() - stopStarted;
      await sleep(300);
      await expectOutageAnswers();
      await sleep(1000); // the load keeps hitting the outage
      await pg.start();
      const healthyMs = await timeUntil(healthIsOk, { limitMs: 15_000 });
      const recoveredAt = Date.now();
      await sleep(1500);
      const { samples, acknowledged: acked } = await load.stop();
      acknowledged.push(...acked);

      const summary = summarize(samples);
      figures.push(
        `${name}: ${acked.length} writes acknowledged, ${summary.unavailable} answered 503 of ${summary.requests} requests; ` +
          `Postgres down in ${Math.round(stopMs)} ms; healthy ${Math.round(healthyMs)} ms after it accepted connections; ` +
          `slowest API ${Math.round(summary.slowestApiMs)} ms, slowest health ${Math.round(summary.slowestHealthMs)} ms`,
      );
      expect(summary.unexpected, 'only 2xx and 503: never a 500, never a hang').toEqual([]);
      expect(summary.unavailableWithoutRetryAfter).toBe(0);
      expect(summary.unavailable).toBeGreaterThan(0);
      expect(summary.slowestApiMs, 'no API request past connect_timeout (2 s) plus slack').toBeLessThan(3000);
      expect(healthyMs).toBeLessThan(2000);
      expect(samples.some((s) => s.kind === 'write' && s.status === 201 && s.at > recoveredAt), 'writes succeed again').toBe(true);
      if (name === 'fast restart') expect(stopMs, 'a fast stop does not wait on the app').toBeLessThan(5000);
    });
  }

  it('every acknowledged write is in the database, the job worker resumed, and nothing crashed the process', async () => {
    const sql = postgres(pg.url, { max: 1, onnotice: () => {} });
    try {
      const [{ present }] = await sql<{ present: number }[]>`
        select count(*)::int as present from messages where id = any(${`{${acknowledged.join(',')}}`}::int[])`;
      figures.push(`${acknowledged.length} acknowledged writes checked, ${present} present`);
      expect(acknowledged.length).toBeGreaterThan(50);
      expect(present).toBe(acknowledged.length);

      // A public reply queues a mail for the requester; the worker, started before the outages, delivers it.
      const [{ before }] = await sql<{ before: number }[]>`select count(*)::int as before from outbound_emails`;
      const [ticket] = await sql<{ id: number }[]>`
        select t.id from tickets t where t.customer_id is not null and t.merged_into_id is null and t.status in ('new', 'open', 'pending') order by t.id limit 1`;
      const reply = await timedFetch(`${app.baseUrl}/api/v1/tickets/${ticket.id}/messages`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ body: 'After the outage: we are on it.', visibility: 'public' }),
      });
      expect(reply.status).toBe(201);
      const deliveredMs = await timeUntil(async () => {
        const [{ after }] = await sql<{ after: number }[]>`select count(*)::int as after from outbound_emails`;
        return after > before;
      }, { limitMs: 20_000 });
      figures.push(`mail queued after the outages delivered by the worker in ${Math.round(deliveredMs)} ms`);
    } finally {
      await sql.end();
    }

    expect(app.alive(), 'the app process is still running').toBe(true);
    expect(app.log()).not.toMatch(/uncaughtException|unhandledRejection|Cannot read properties of null \(reading 'write'\)/);
  });
});
