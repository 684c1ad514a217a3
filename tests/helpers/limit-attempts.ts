import type { Db } from '@/db/client';
import { checkSignIn } from '@/server/auth/sign-in';
import { limitedGuestSubmit, limitedResetRequest, limitedSignUp } from '@/server/services/portal-entry';

export type BurstAction = 'sign-in' | 'sign-up' | 'reset' | 'guest-submit';
/** `through`: the work ran (for sign-in: the password was checked); `refused`: stopped by the limit first. */
export type Outcome = 'through' | 'refused' | 'signed-in' | `error:${string}`;

export const BURST_EMAIL = 'burst@example.com';
const request = { subject: 'Burst', body: 'Counting.', journeyStage: null, touchpoint: null, reference: null };

function asOutcome(error: unknown): Outcome {
  const code = (error as { code?: string }).code;
  return code === 'rate_limited' ? 'refused' : `error:${code ?? String(error)}`;
}

/**
 * One limited attempt. Sign-in: a wrong password for BURST_EMAIL (a checked password answers "don't match",
 * a refused attempt "Too many"). Sign-up and reset: a fresh email per attempt, so only the per-IP limit can
 * stop them. Guest submit: BURST_EMAIL each time, so the per-email limit stops them.
 */
export async function runLimitedAttempt(db: Db, action: BurstAction, { ip, n }: { ip: string; n: string }): Promise<Outcome> {
  try {
    switch (action) {
      case 'sign-in': {
        const result = await checkSignIn(db, 'staff', { email: BURST_EMAIL, password: `wrong-${n}` }, ip);
        if (result.ok) return 'signed-in';
        return result.message.startsWith('Too many') ? 'refused' : 'through';
      }
      case 'sign-up':
        await limitedSignUp(db, { name: 'Burst', email: `signup-${n}@example.com`, password: 'long-password' }, ip);
        return 'through';
      case 'reset':
        await limitedResetRequest(db, `reset-${n}@example.com`, ip);
        return 'through';
      case 'guest-submit':
        await limitedGuestSubmit(db, { ...request, email: BURST_EMAIL, name: null }, ip);
        return 'through';
    }
  } catch (error) {
    return asOutcome(error);
  }
}

export const tally = (outcomes: readonly Outcome[]) =>
  outcomes.reduce<Record<string, number>>((acc, o) => ({ ...acc, [o]: (acc[o] ?? 0) + 1 }), {});
