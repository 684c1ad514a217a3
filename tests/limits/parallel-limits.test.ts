import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { customers, rateLimits, tickets } from '@/db/schema';
import { DEFAULT_SETTINGS } from '@/lib/validation/settings';
import { updateSettings } from '@/server/services/settings';
import { createStaffUser } from '@/server/services/staff';
import { createTestDb, describeDb, requiresPostgres, type TestDbHandle } from '../helpers/db';
import { BURST_EMAIL, runLimitedAttempt, tally, type BurstAction, type Outcome } from '../helpers/limit-attempts';

// Counts every password comparison, so "refused without checking the password" is observed, not inferred.
const passwordChecks = vi.hoisted(() => ({ count: 0 }));
vi.mock('@/server/services/passwords', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/server/services/passwords')>();
  return {
    ...original,
    verifyPassword: (password: string, hash: string) => {
      passwordChecks.count += 1;
      return original.verifyPassword(password, hash);
    },
  };
});

const LIMIT = 5;
const ATTEMPTS = 20;

/** Every limit high except the one each burst runs into, which is LIMIT per 10 minutes. */
async function burstLimits(handle: TestDbHandle) {
  const high = { limit: 1000, windowSeconds: 600 };
  const low = { limit: LIMIT, windowSeconds: 600 };
  await updateSettings(handle.db, {
    rateLimits: {
      ...DEFAULT_SETTINGS.rateLimits,
      signInPerEmail: low,
      signInPerIp: high,
      signUpPerIp: low,
      signUpPerEmail: high,
      resetPerIp: low,
      resetPerEmail: high,
      submitPerCustomer: low, // per email for guests
      submitPerIp: high,
    },
  });
}

async function setUp() {
  const handle = await createTestDb();
  await burstLimits(handle);
  await createStaffUser(handle.db, { email: BURST_EMAIL, name: 'Burst Target', role: 'agent', team: 'Support', password: 'right-password' });
  return handle;
}

/** What the work left behind, so "exactly LIMIT got through" is checked in the database too. */
async function writesOf(handle: TestDbHandle, action: BurstAction): Promise<number | null> {
  const count = async (query: Promise<{ n: number }[]>) => (await query)[0].n;
  if (action === 'sign-up') return count(handle.db.select({ n: sql<number>`count(*)::int` }).from(customers).where(sql`${customers.email} like 'signup-%'`));
  if (action === 'guest-submit') {
    return count(handle.db.select({ n: sql<number>`count(*)::int` }).from(tickets).innerJoin(customers, eq(customers.id, tickets.customerId)).where(eq(customers.email, BURST_EMAIL)));
  }
  return null;
}

const ACTIONS: BurstAction[] = ['sign-in', 'sign-up', 'reset', 'guest-submit'];

describe(`limits count before the work: ${ATTEMPTS} parallel attempts in one process (${describeDb})`, () => {
  let handle: TestDbHandle;
  beforeAll(async () => {
    handle = await setUp();
  });
  afterAll(() => handle.close());
  beforeEach(async () => {
    await handle.db.delete(rateLimits);
    passwordChecks.count = 0;
  });

  it.each(ACTIONS)('%s: exactly the limit get through, the rest are refused', async (action) => {
    const outcomes = await Promise.all(Array.from({ length: ATTEMPTS }, (_, i) => runLimitedAttempt(handle.db, action, { ip: '10.1.0.1', n: `same-${i}` })));
    expect(tally(outcomes)).toEqual({ through: LIMIT, refused: ATTEMPTS - LIMIT });
    if (action === 'sign-in') expect(passwordChecks.count).toBe(LIMIT);
    const writes = await writesOf(handle, action);
    if (writes !== null) expect(writes).toBe(LIMIT);
  });
});

function startBurst(url: string, action: BurstAction, tag: string, count: number) {
  const tsx = path.join(process.cwd(), 'node_modules', '.bin', 'tsx');
  const child = spawn(tsx, [path.join('tests', 'helpers', 'limit-burst.ts'), JSON.stringify({ url, count, action, ip: '10.2.0.1', tag })], {
    cwd: process.cwd(),
    env: process.env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const ready = new Promise<void>((resolve, reject) => {
    const check = () => (out.includes('ready\n') ? resolve() : undefined);
    child.stdout.on('data', check);
    child.once('exit', (code) => reject(new Error(`burst process exited (${code}) before it was ready: ${err}`)));
  });
  const done = once(child, 'exit').then(([code]) => {
    if (code !== 0) throw new Error(`burst process failed (${code}): ${err}`);
    return JSON.parse(out.split('\n').filter(Boolean).at(-1)!) as Outcome[];
  });
  return { ready, go: () => child.stdin.end('go\n'), done };
}

// PGlite is one connection inside this process: two processes cannot share it, so this needs real Postgres.
describe.runIf(requiresPostgres)(`limits count before the work: ${ATTEMPTS} attempts across two processes (postgres only: PGlite cannot be shared between processes)`, () => {
  let handle: TestDbHandle;
  beforeAll(async () => {
    handle = await setUp();
  });
  afterAll(() => handle.close());
  beforeEach(async () => {
    await handle.db.delete(rateLimits);
  });

  it.each(ACTIONS)('%s: exactly the limit get through', async (action) => {
    if (!('url' in handle.queue)) throw new Error('expected a Postgres handle');
    const bursts = [startBurst(handle.queue.url, action, 'a', ATTEMPTS / 2), startBurst(handle.queue.url, action, 'b', ATTEMPTS / 2)];
    await Promise.all(bursts.map((b) => b.ready));
    bursts.forEach((b) => b.go());
    const outcomes = (await Promise.all(bursts.map((b) => b.done))).flat();
    // For sign-in "through" is a password check: the child's answer "don't match" comes only after one.
    expect(tally(outcomes)).toEqual({ through: LIMIT, refused: ATTEMPTS - LIMIT });
    const writes = await writesOf(handle, action);
    if (writes !== null) expect(writes).toBe(LIMIT);
  }, 60_000);
});
