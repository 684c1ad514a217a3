import type { Db } from '@/db/client';
import { ServiceError } from '@/lib/errors';
import type { WorkspaceSettings } from '@/lib/validation/settings';
import { claimRateLimits, type Limit } from './rate-limit';
import { getSettings } from './settings';

type LimitName = keyof WorkspaceSettings['rateLimits'];

export function waitText(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

/**
 * Counts one attempt in each bucket (per IP, per email …) before the caller does the work, limits from
 * settings: N parallel attempts let at most each limit through (rate-limit.ts). Past any of them: a
 * rate_limited error with a message a person can act on and the seconds to wait (Retry-After); the refused
 * attempt gives its hits back, so it counts in no bucket. Attempts that went through stay counted even when
 * the work then fails (a sign-up for a taken address still counts).
 */
export async function enforceLimits(
  db: Db,
  what: string,
  buckets: { key: string; limit: LimitName }[],
  now = new Date(),
): Promise<void> {
  const { rateLimits } = await getSettings(db);
  const claim = await claimRateLimits(db, buckets.map((b) => ({ key: b.key, limit: rateLimits[b.limit] as Limit })), now);
  if (!claim.allowed) {
    const wait = claim.retryAfterSeconds;
    throw new ServiceError('rate_limited', `Too many ${what}. Please wait ${waitText(wait)} and try again.`, { retryAfterSeconds: wait });
  }
}
