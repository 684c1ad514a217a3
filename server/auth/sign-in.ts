import type { Db } from '@/db/client';
import { signInSchema } from '@/lib/validation/auth';
import { getSettings } from '../services/settings';
import { hitRateLimit, isRateLimited } from '../services/rate-limit';
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

async function signInBlocked(db: Db, buckets: { key: string; limit: { limit: number; windowSeconds: number } }[]) {
  for (const bucket of buckets) {
    const state = await isRateLimited(db, bucket.key, bucket.limit);
    if (!state.allowed) {
      return {
        retryAfterSeconds: state.retryAfterSeconds,
        message: `Too many sign-in attempts. Wait ${minutes(state.retryAfterSeconds)} minute(s) and try again, or reset your password.`,
      };
    }
  }
  return null;
}

/** Whether this email or IP is past its sign-in limit right now (the route answers 429 before next-auth runs). */
export async function signInLimitState(db: Db, kind: AccountKind, email: string, ip: string) {
  return signInBlocked(db, await signInBuckets(db, kind, email, ip));
}

/**
 * Checks a sign-in, rate-limited per email and per IP (failed attempts only, in Postgres so every
 * app process shares the count). The message never reveals whether the email has an account.
 */
export async function checkSignIn(db: Db, kind: AccountKind, raw: unknown, ip: string): Promise<SignInResult> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, message: 'Enter your email address and password.' };
  const { email, password } = parsed.data;

  const buckets = await signInBuckets(db, kind, email, ip);
  const blocked = await signInBlocked(db, buckets);
  if (blocked) return { ok: false, message: blocked.message };

  const account =
    kind === 'staff' ? await findStaffByEmail(db, email) : await findCustomerByEmail(db, email);
  const active = account && !('deactivatedAt' in account && account.deactivatedAt);
  const hash = active && account.passwordHash ? account.passwordHash : DUMMY_HASH;
  const matches = await verifyPassword(password, hash);
  if (active && account.passwordHash && matches) return { ok: true, id: account.id };

  for (const bucket of buckets) await hitRateLimit(db, bucket.key, bucket.limit);
  return { ok: false, message: BAD_CREDENTIALS };
}
