import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSignIn } from '@/server/auth/sign-in';
import { signUpCustomer } from '@/server/services/customers';
import { hitRateLimit } from '@/server/services/rate-limit';
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
    expect(third).toEqual({ allowed: false, retryAfterSeconds: 58 });
    expect((await hitRateLimit(handle.db, 'b', limit, new Date(t0.getTime() + 61_000))).allowed).toBe(true);
  });
});
