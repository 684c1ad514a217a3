import type { Db } from '@/db/client';
import { signInSchema } from '@/lib/validation/auth';
import { getSettings } from '../services/settings';
import { claimRateLimits, isRateLimited, returnRateLimitHits } from '../services/rate-limit';
import { DUMMY_HASH, verifyPassword } from '../services/passwords';
import { findStaffByEmail } from '../services/staff';
import { findCustomerByEmail } from '../services/customers';

export type AccountKind = 'staff' | 'customer';
export type SignInResult =
  | { ok: true; id: number }
  | { ok: false; message: string };

const BAD_CREDENTIALS = "That email and password don't match. Check them and try again.";

const minutes = (seconds: number) => Math.max(1, Math.ceil(seconds / 60));

async function signInBuckets(db: Db, kind: AccountKind, email: string, ip: string) {
  const { rateLimits } = await getSettings(db);
  return [
    { key: `signin:${kind}:email:${email.toLowerCase()}`, limit: rateLimits.signInPerEmail },
    { key: `signin:ip:${ip}`, limit: rateLimits.signInPerIp },
  ];
}

const tooMany = (retryAfterSeconds: number) => ({
  retryAfterSeconds,
  message: `Too many sign-in attempts. Wait ${minutes(retryAfterSeconds)} minute(s) and try again, or reset your password.`,
});

/**
 * Whether this email or IP is past its sign-in limit right now, without counting (the route answers 429
 * before next-auth runs). Only an early answer: checkSignIn counts and decides for itself.
 */
export async function signInLimitState(db: Db, kind: AccountKind, email: string, ip: string) {
  for (const bucket of await signInBuckets(db, kind, email, ip)) {
    const state = await isRateLimited(db, bucket.key, bucket.limit);
    if (!state.allowed) return tooMany(state.retryAfterSeconds);
  }
  return null;
}

/**
 * Checks a sign-in, rate-limited per email and per IP in Postgres (every app process shares the count). The
 * attempt is counted before the password is checked, so parallel attempts cannot all slip under the limit;
 * past it, the password is not checked at all. Only failures should lock a person out, so a successful
 * sign-in gives its hits back. The message never reveals whether the email has an account.
 */
export async function checkSignIn(db: Db, kind: AccountKind, raw: unknown, ip: string): Promise<SignInResult> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, message: 'Enter your email address and password.' };
  const { email, password } = parsed.data;

  const claim = await claimRateLimits(db, await signInBuckets(db, kind, email, ip));
  if (!claim.allowed) return { ok: false, message: tooMany(claim.retryAfterSeconds).message };

  const account =
    kind === 'staff' ? await findStaffByEmail(db, email) : await findCustomerByEmail(db, email);
  const active = account && !('deactivatedAt' in account && account.deactivatedAt);
  const hash = active && account.passwordHash ? account.passwordHash : DUMMY_HASH;
  const matches = await verifyPassword(password, hash);
  if (active && account.passwordHash && matches) {
    await returnRateLimitHits(db, claim.hits);
    return { ok: true, id: account.id };
  }
  return { ok: false, message: BAD_CREDENTIALS };
}
