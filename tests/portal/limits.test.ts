import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSignIn } from '@/server/auth/sign-in';
import { limitedAccountSubmit, limitedGuestSubmit, limitedResetRequest, limitedSignUp } from '@/server/services/portal-entry';
import { signUpCustomer } from '@/server/services/customers';
import { updateSettings } from '@/server/services/settings';
import { DEFAULT_SETTINGS, type WorkspaceSettings } from '@/lib/validation/settings';
import { createTestDb, describeDb, type TestDbHandle } from '../helpers/db';

type LimitName = keyof WorkspaceSettings['rateLimits'];
const request = { subject: 'Limit me', body: 'Counting.', journeyStage: null, touchpoint: null, reference: null };

/**
 * Each portal limit, proven by itself: every other limit is set high, this one to 2, so the third
 * attempt along its own dimension (an IP, an email, a customer) is refused while a fresh value of that
 * dimension still gets through.
 */
describe(`portal rate limits, each one (${describeDb})`, () => {
  let handle: TestDbHandle;
  let n = 0;
  const fresh = (what: string) => `${what}-${++n}`;
  beforeAll(async () => {
    handle = await createTestDb();
  });
  afterAll(() => handle.close());

  async function only(name: LimitName) {
    const high = Object.fromEntries(Object.keys(DEFAULT_SETTINGS.rateLimits).map((k) => [k, { limit: 1000, windowSeconds: 60 }]));
    await updateSettings(handle.db, { rateLimits: { ...(high as WorkspaceSettings['rateLimits']), [name]: { limit: 2, windowSeconds: 600 } } });
  }

  async function expectThirdRefused(attempt: (i: number) => Promise<unknown>, message: RegExp) {
    await attempt(0);
    await attempt(1);
    const refused = attempt(2);
    await expect(refused).rejects.toMatchObject({ code: 'rate_limited', message: expect.stringMatching(message) });
    const error = await refused.catch((e: { details: { retryAfterSeconds: number } }) => e);
    expect((error as { details: { retryAfterSeconds: number } }).details.retryAfterSeconds).toBeGreaterThan(590);
  }

  it('signUpPerIp: the third sign-up from one IP, whatever the emails', async () => {
    await only('signUpPerIp');
    const ip = fresh('ip');
    await expectThirdRefused((i) => limitedSignUp(handle.db, { name: 'N', email: `${fresh('su')}-${i}@example.com`, password: 'long-password' }, ip), /Too many sign-ups/);
    await expect(limitedSignUp(handle.db, { name: 'N', email: `${fresh('su')}@example.com`, password: 'long-password' }, fresh('ip'))).resolves.toBeDefined();
  });

  it('signUpPerEmail: the third sign-up attempt for one email, from any IP', async () => {
    await only('signUpPerEmail');
    const email = `${fresh('dup')}@example.com`;
    await limitedSignUp(handle.db, { name: 'N', email, password: 'long-password' }, fresh('ip'));
    await expect(limitedSignUp(handle.db, { name: 'N', email, password: 'long-password' }, fresh('ip'))).rejects.toMatchObject({ code: 'conflict' });
    await expect(limitedSignUp(handle.db, { name: 'N', email, password: 'long-password' }, fresh('ip'))).rejects.toMatchObject({ code: 'rate_limited' });
  });

  it('resetPerIp and resetPerEmail', async () => {
    await only('resetPerIp');
    const ip = fresh('ip');
    await expectThirdRefused((i) => limitedResetRequest(handle.db, `${fresh('r')}-${i}@example.com`, ip), /Too many password reset requests/);
    await only('resetPerEmail');
    const email = `${fresh('r')}@example.com`;
    await expectThirdRefused(() => limitedResetRequest(handle.db, email, fresh('ip')), /Too many password reset requests/);
    await expect(limitedResetRequest(handle.db, `${fresh('r')}@example.com`, fresh('ip'))).resolves.toBeUndefined();
  });

  it('submitPerCustomer: per signed-in customer, and per email for guests', async () => {
    await only('submitPerCustomer');
    const customer = await signUpCustomer(handle.db, { name: 'S', email: `${fresh('s')}@example.com`, password: 'long-password' });
    await expectThirdRefused(() => limitedAccountSubmit(handle.db, customer.id, request, fresh('ip')), /Too many requests in a short time/);
    const email = `${fresh('g')}@example.com`;
    await expectThirdRefused(() => limitedGuestSubmit(handle.db, { ...request, email, name: null }, fresh('ip')), /Too many requests/);
  });

  it('submitPerIp: guests with different emails from one IP', async () => {
    await only('submitPerIp');
    const ip = fresh('ip');
    await expectThirdRefused((i) => limitedGuestSubmit(handle.db, { ...request, email: `${fresh('g')}-${i}@example.com`, name: null }, ip), /Too many requests/);
  });

  it('signInPerIp: failed sign-ins from one IP across emails', async () => {
    await only('signInPerIp');
    const ip = fresh('ip');
    for (let i = 0; i < 2; i++) await checkSignIn(handle.db, 'customer', { email: `${fresh('x')}@example.com`, password: 'wrong' }, ip);
    const blocked = await checkSignIn(handle.db, 'customer', { email: `${fresh('x')}@example.com`, password: 'wrong' }, ip);
    expect(blocked).toMatchObject({ ok: false, message: expect.stringContaining('Too many sign-in attempts') });
  });

  it('refused attempts save nothing: a refused guest submission creates no request', async () => {
    await only('submitPerIp');
    const ip = fresh('ip');
    const emails = [0, 1, 2].map(() => `${fresh('nothing')}@example.com`);
    await limitedGuestSubmit(handle.db, { ...request, email: emails[0], name: null }, ip);
    await limitedGuestSubmit(handle.db, { ...request, email: emails[1], name: null }, ip);
    await expect(limitedGuestSubmit(handle.db, { ...request, email: emails[2], name: null }, ip)).rejects.toMatchObject({ code: 'rate_limited' });
    const { findCustomerByEmail } = await import('@/server/services/customers');
    expect(await findCustomerByEmail(handle.db, emails[2])).toBeUndefined();
  });
});
