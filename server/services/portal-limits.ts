import type { Db } from '@/db/client';
import { ServiceError } from '@/lib/errors';
import type { WorkspaceSettings } from '@/lib/validation/settings';
import { hitRateLimit, type Limit } from './rate-limit';
import { getSettings } from './settings';

type LimitName = keyof WorkspaceSettings['rateLimits'];

export function waitText(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

/**
 * Counts one attempt in each bucket (per IP, per email …), limits from settings. Past any of them:
 * a rate_limited error with a message a person can act on and the seconds to wait (Retry-After).
 */
export async function enforceLimits(
  db: Db,
  what: string,
  buckets: { key: string; limit: LimitName }[],
  now = new Date(),
): Promise<void> {
  const { rateLimits } = await getSettings(db);
  let wait = 0;
  for (const bucket of buckets) {
    const state = await hitRateLimit(db, bucket.key, rateLimits[bucket.limit] as Limit, now);
    if (!state.allowed) wait = Math.max(wait, state.retryAfterSeconds);
  }
  if (wait > 0) {
    throw new ServiceError('rate_limited', `Too many ${what}. Please wait ${waitText(wait)} and try again.`, { retryAfterSeconds: wait });
  }
}
