'use server';

import { headers } from 'next/headers';
import { getDb } from '@/db/client';
import type { ActionResult } from '@/lib/errors';
import { customerSignUpSchema } from '@/lib/validation/auth';
import { linkTokenFormSchema, passwordResetRequestSchema, passwordResetSchema } from '@/lib/validation/portal';
import { requireCustomer } from '../auth/session';
import { clientIp } from '../http/client-ip';
import { idempotencyScope } from '../http/idempotency';
import { resendVerification, resetPassword, signUpAccount, verifyEmail } from '../services/portal-accounts';
import { limitedResetRequest, portalLimits } from '../services/portal-entry';
import { enforceLimits } from '../services/portal-limits';
import { idempotentAction } from './idempotent-action';
import { formToObject, parseInput, runAction } from './run-action';

/**
 * Portal sign-up, limited per IP and per email. The client signs in afterwards; a verification mail is queued.
 * Under the form's per-submission key, so a resend gets "created" again rather than "already exists".
 */
export async function signUpAction(form: FormData): Promise<ActionResult<{ email: string }>> {
  return runAction(async () => {
    const input = parseInput(customerSignUpSchema, formToObject(form));
    const db = await getDb();
    const ip = clientIp(await headers());
    const claim = { scope: idempotencyScope.anonymous(ip, input.email), action: 'portal.sign-up', beforeWrite: () => portalLimits.signUp(db, input.email, ip) };
    return idempotentAction(form, claim, async (tx) => ({ email: (await signUpAccount(tx, input)).email }));
  });
}

/** "Forgot password": the same answer whether or not the address has an account. */
export async function requestResetAction(form: FormData): Promise<ActionResult<{ email: string }>> {
  return runAction(async () => {
    const { email } = parseInput(passwordResetRequestSchema, formToObject(form));
    await limitedResetRequest(await getDb(), email, clientIp(await headers()));
    return { email };
  });
}


export async function resetPasswordAction(form: FormData): Promise<ActionResult<{ email: string }>> {
  return runAction(async () => {
    const { token, ...rest } = formToObject(form);
    const input = parseInput(passwordResetSchema, rest);
    const customer = await resetPassword(await getDb(), parseInput(linkTokenFormSchema, { token }).token, input.password);
    return { email: customer.email };
  });
}

/** Confirms the signed-in customer's address from the mailed link. */
export async function verifyEmailAction(form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const customer = await requireCustomer();
    await verifyEmail(await getDb(), parseInput(linkTokenFormSchema, formToObject(form)).token, customer.id);
    return undefined;
  });
}

export async function resendVerificationAction(): Promise<ActionResult> {
  return runAction(async () => {
    const customer = await requireCustomer();
    const db = await getDb();
    await enforceLimits(db, 'verification mails', [{ key: `verify:customer:${customer.id}`, limit: 'resetPerEmail' }]);
    await resendVerification(db, customer.id);
    return undefined;
  });
}
