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
 */

export async function limitedSignUp(db: Db, input: { name: string; email: string; password: string }, ip: string) {
  await enforceLimits(db, 'sign-ups', [
    { key: `signup:ip:${ip}`, limit: 'signUpPerIp' },
    { key: `signup:email:${input.email}`, limit: 'signUpPerEmail' },
  ]);
  return signUpAccount(db, input);
}

export async function limitedResetRequest(db: Db, email: string, ip: string) {
  await enforceLimits(db, 'password reset requests', [
    { key: `reset:ip:${ip}`, limit: 'resetPerIp' },
    { key: `reset:email:${email}`, limit: 'resetPerEmail' },
  ]);
  await requestPasswordReset(db, email);
}

export async function limitedAccountSubmit(db: Db, customerId: number, input: PortalRequestInput, ip: string, attachments?: readonly StagedAttachment[]) {
  await enforceLimits(db, 'requests in a short time', [
    { key: `submit:customer:${customerId}`, limit: 'submitPerCustomer' },
    { key: `submit:ip:${ip}`, limit: 'submitPerIp' },
  ]);
  return submitAccountRequest(db, customerId, input, attachments);
}

/** A guest's submissions count per email address, with the same limit as a signed-in customer's. */
export async function limitedGuestSubmit(db: Db, input: GuestRequestInput, ip: string, attachments?: readonly StagedAttachment[]) {
  await enforceLimits(db, 'requests in a short time', [
    { key: `submit:email:${input.email}`, limit: 'submitPerCustomer' },
    { key: `submit:ip:${ip}`, limit: 'submitPerIp' },
  ]);
  return submitGuestRequest(db, input, attachments);
}
