import type { Db } from '@/db/client';
import type { GuestRequestInput } from '@/lib/validation/portal';
import type { PortalRequestInput } from '@/lib/validation/tickets';
import type { StagedAttachment } from './attachments';
import { requestPasswordReset, signUpAccount } from './portal-accounts';
import { enforceLimits } from './portal-limits';
import { submitAccountRequest, submitGuestRequest } from './portal-requests';

/**
 * The portal's public doors with their rate limits, shared by the server actions (forms) and the JSON
 * routes, so both count the same attempts. Limits come from settings (TP_RATE_LIMITS presets them).
 * `portalLimits` counts an attempt by itself: an idempotent request counts it before its transaction (a
 * replay is not an attempt), then writes inside it; the `limited…` functions do both in one call.
 */
export const portalLimits = {
  signUp: (db: Db, email: string, ip: string) =>
    enforceLimits(db, 'sign-ups', [
      { key: `signup:ip:${ip}`, limit: 'signUpPerIp' },
      { key: `signup:email:${email}`, limit: 'signUpPerEmail' },
    ]),
  reset: (db: Db, email: string, ip: string) =>
    enforceLimits(db, 'password reset requests', [
      { key: `reset:ip:${ip}`, limit: 'resetPerIp' },
      { key: `reset:email:${email}`, limit: 'resetPerEmail' },
    ]),
  accountSubmit: (db: Db, customerId: number, ip: string) =>
    enforceLimits(db, 'requests in a short time', [
      { key: `submit:customer:${customerId}`, limit: 'submitPerCustomer' },
      { key: `submit:ip:${ip}`, limit: 'submitPerIp' },
    ]),
  /** A guest's submissions count per email address, with the same limit as a signed-in customer's. */
  guestSubmit: (db: Db, email: string, ip: string) =>
    enforceLimits(db, 'requests in a short time', [
      { key: `submit:email:${email}`, limit: 'submitPerCustomer' },
      { key: `submit:ip:${ip}`, limit: 'submitPerIp' },
    ]),
};

export async function limitedSignUp(db: Db, input: { name: string; email: string; password: string }, ip: string) {
  await portalLimits.signUp(db, input.email, ip);
  return signUpAccount(db, input);
}

export async function limitedResetRequest(db: Db, email: string, ip: string) {
  await portalLimits.reset(db, email, ip);
  await requestPasswordReset(db, email);
}

export async function limitedAccountSubmit(db: Db, customerId: number, input: PortalRequestInput, ip: string, attachments?: readonly StagedAttachment[]) {
  await portalLimits.accountSubmit(db, customerId, ip);
  return submitAccountRequest(db, customerId, input, attachments);
}

export async function limitedGuestSubmit(db: Db, input: GuestRequestInput, ip: string, attachments?: readonly StagedAttachment[]) {
  await portalLimits.guestSubmit(db, input.email, ip);
  return submitGuestRequest(db, input, attachments);
}
