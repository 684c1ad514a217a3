import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSignIn } from '@/server/auth/sign-in';
import { signUpCustomer } from '@/server/services/customers';
import { eq } from 'drizzle-orm';
import { rateLimits } from '@/db/schema';
import { claimRateLimits, hitRateLimit, returnRateLimitHits } from '@/server/services/rate-limit';
import { updateSettings } from '@/server/services/settings';
import { DEFAULT_SETTINGS } from '@/lib/validation/settings';
import { createTestDb, describeDb, type TestDbHandle } from '../helpers/db';
import { seedPeople } from '../fixtures';

describe(`sign-in checks (${describeDb})`, () => {
  let handle: TestDbHandle;
  beforeAll(async () => {
    handle = await createTestDb();
    await seedPeople(handle.db);
    await signUpCustomer(handle.db, { name: 'Cy', email: 'Cy@Example.com', password: 'customer-pass' });
  });
  afterAll(() => handle.close());

  it('accepts the right password, with the email in any case', async () => {
    expect(await checkSignIn(handle.db, 'staff', { email: 'AGENT@touchpoint.test', password: 'password123' }, '10.0.0.1')).toMatchObject({ ok: true });
    expect(await checkSignIn(handle.db, 'customer', { email: 'cy@example.com', password: 'customer-pass' }, '10.0.0.1')).toMatchObject({ ok: true });
  });

  it('keeps staff and customer accounts apart', async () => {
    const result = await checkSignIn(handle.db, 'staff', { email: 'cy@example.com', password: 'customer-pass' }, '10.0.0.2');
    expect(result).toEqual({ ok: false, message: "That email and password don't match. Check them and try again." });
  });

  it('stops an email after the configured number of failures, even with the right password', async () => {
    await updateSettings(handle.db, { rateLimits: { ...DEFAULT_SETTINGS.rateLimits, signInPerEmail: { limit: 3, windowSeconds: 600 }, signInPerIp: { limit: 100, windowSeconds: 600 } } });
    for (let i = 0; i < 3; i++) {
      expect((await checkSignIn(handle.db, 'staff', { email: 'agent@touchpoint.test', password: 'nope' }, '10.0.0.3')).ok).toBe(false);
    }
    const blocked = await checkSignIn(handle.db, 'staff', { email: 'agent@touchpoint.test', password: 'password123' }, '10.0.0.3');
    expect(blocked).toMatchObject({ ok: false, message: expect.stringContaining('Too many sign-in attempts') });
  });

  it('rejects malformed input without touching the database', async () => {
    expect(await checkSignIn(handle.db, 'staff', { email: 'not-an-email' }, '10.0.0.4')).toEqual({ ok: false, message: 'Enter your email address and password.' });
  });
});

describe(`shared rate limits (${describeDb})`, () => {
  let handle: TestDbHandle;
  beforeAll(async () => {
    handle = await createTestDb();
  });
  afterAll(() => handle.close());

  it('allows the limit, refuses the next hit with a retry time, and resets after the window', async () => {
    const limit = { limit: 2, windowSeconds: 60 };
    const t0 = new Date('2026-01-01T00:00:00Z');
    expect((await hitRateLimit(handle.db, 'b', limit, t0)).allowed).toBe(true);
    expect((await hitRateLimit(handle.db, 'b', limit, new Date(t0.getTime() + 1000))).allowed).toBe(true);
    const third = await hitRateLimit(handle.db, 'b', limit, new Date(t0.getTime() + 2000));
    expect(third).toMatchObject({ allowed: false, retryAfterSeconds: 58, hits: 3 });
    expect((await hitRateLimit(handle.db, 'b', limit, new Date(t0.getTime() + 61_000))).allowed).toBe(true);
  });
});

describe(`sign-in limits count failures only (${describeDb})`, () => {
  let handle: TestDbHandle;
  const attempt = (password: string, ip: string) => checkSignIn(handle.db, 'staff', { email: 'agent@touchpoint.test', password }, ip);
  const hitsOf = async (bucket: string) => (await handle.db.select().from(rateLimits).where(eq(rateLimits.bucket, bucket)))[0]?.hits ?? 0;
  beforeAll(async () => {
    handle = await createTestDb();
    await seedPeople(handle.db);
    await updateSettings(handle.db, { rateLimits: { ...DEFAULT_SETTINGS.rateLimits, signInPerEmail: { limit: 3, windowSeconds: 600 }, signInPerIp: { limit: 2, windowSeconds: 600 } } });
  });
  afterAll(() => handle.close());

  it('a successful sign-in gives its hits back, so only failed attempts lock a person out', async () => {
    expect((await attempt('nope', '10.9.0.1')).ok).toBe(false);
    expect(await attempt('password123', '10.9.0.1')).toMatchObject({ ok: true });
    expect(await hitsOf('signin:staff:email:agent@touchpoint.test')).toBe(1);
    expect(await hitsOf('signin:ip:10.9.0.1')).toBe(1);
  });

  it('an attempt refused by one limit counts in none: a blocked IP cannot use up the email\'s allowance', async () => {
    expect(await attempt('nope', '10.9.0.1')).toMatchObject({ message: expect.stringContaining("don't match") }); // IP now at 2 of 2
    for (let i = 0; i < 3; i++) expect(await attempt('nope', '10.9.0.1')).toMatchObject({ message: expect.stringContaining('Too many') });
    expect(await hitsOf('signin:staff:email:agent@touchpoint.test')).toBe(2);
    expect(await hitsOf('signin:ip:10.9.0.1')).toBe(2);
    // From another IP the email has one failure left, then it is locked even with the right password.
    expect(await attempt('nope', '10.9.0.2')).toMatchObject({ message: expect.stringContaining("don't match") });
    expect(await attempt('password123', '10.9.0.2')).toMatchObject({ ok: false, message: expect.stringContaining('Too many') });
  });
});

describe(`giving hits back (${describeDb})`, () => {
  let handle: TestDbHandle;
  beforeAll(async () => {
    handle = await createTestDb();
  });
  afterAll(() => handle.close());

  it('returns a hit only to the window it was counted in', async () => {
    const limit = { limit: 5, windowSeconds: 60 };
    const t0 = new Date('2026-01-01T00:00:00Z');
    const old = await hitRateLimit(handle.db, 'w', limit, t0);
    await hitRateLimit(handle.db, 'w', limit, new Date(t0.getTime() + 61_000)); // a new window, at 1
    await returnRateLimitHits(handle.db, [old]);
    const [row] = await handle.db.select().from(rateLimits).where(eq(rateLimits.bucket, 'w'));
    expect(row.hits).toBe(1);
  });

  it('a refused claim leaves every bucket as it was; an allowed one keeps its hits', async () => {
    const t0 = new Date('2026-01-01T00:00:00Z');
    const buckets = [
      { key: 'roomy', limit: { limit: 10, windowSeconds: 60 } },
      { key: 'tight', limit: { limit: 1, windowSeconds: 60 } },
    ];
    expect(await claimRateLimits(handle.db, buckets, t0)).toMatchObject({ allowed: true });
    expect(await claimRateLimits(handle.db, buckets, new Date(t0.getTime() + 1000))).toMatchObject({ allowed: false, retryAfterSeconds: 59 });
    const rows = await handle.db.select().from(rateLimits);
    expect(Object.fromEntries(rows.map((r) => [r.bucket, r.hits]))).toMatchObject({ roomy: 1, tight: 1 });
  });
});
