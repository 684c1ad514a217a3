import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { customers } from '@/db/schema';
import { ServiceError } from '@/lib/errors';
import { recordAudit, type AuditOrigin } from '../audit/record';
import { enqueueMail } from '../mail/enqueue';
import { portalLinks } from '../mail/links';
import { findCustomerByEmail, type CustomerRow } from './customers';
import { hashPassword } from './passwords';
import { endSessionsOf } from './sessions';
import { consumeToken, findLiveToken, issuePortalToken, spendOutstandingTokens } from './portal-tokens';

const ALREADY_REGISTERED = 'An account with this email already exists. Sign in instead, or reset your password.';
const LINK_GONE = 'This link has expired or has already been used.';

async function mailVerification(tx: Db, customer: { id: number; email: string }) {
  const token = await issuePortalToken(tx, { kind: 'email_verification', customerId: customer.id });
  await enqueueMail(tx, customer.email, { kind: 'email_verification', link: portalLinks.verify(token) });
}

/**
 * Portal sign-up. An address we already know from a guest request (no password yet) can become an
 * account, but the account starts unverified: it sees nothing it did not submit itself until the
 * customer opens the verification link mailed to the address. Anyone could have typed that address.
 */
export async function signUpAccount(db: Db, input: { name: string; email: string; password: string }): Promise<CustomerRow> {
  const email = input.email.toLowerCase();
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const existing = await findCustomerByEmail(tx, email);
    if (existing?.passwordHash) throw new ServiceError('conflict', ALREADY_REGISTERED, { fieldErrors: { email: [ALREADY_REGISTERED] } });
    let account: CustomerRow | undefined;
    if (existing) {
      // The guard on password_hash makes two racing sign-ups for one guest address end with one account.
      [account] = await tx
        .update(customers)
        .set({ name: input.name, passwordHash, emailVerifiedAt: null })
        .where(sql`${customers.id} = ${existing.id} and ${customers.passwordHash} is null`)
        .returning();
    } else {
      [account] = await tx.insert(customers).values({ email, name: input.name, passwordHash }).onConflictDoNothing().returning();
    }
    if (!account) throw new ServiceError('conflict', ALREADY_REGISTERED, { fieldErrors: { email: [ALREADY_REGISTERED] } });
    await mailVerification(tx, account);
    return account;
  });
}

/** Sends a fresh verification link to a signed-in, unverified customer. */
export async function resendVerification(db: Db, customerId: number): Promise<void> {
  await db.transaction(async (tx) => {
    const [c] = await tx.select().from(customers).where(eq(customers.id, customerId));
    if (!c || c.emailVerifiedAt) return;
    await mailVerification(tx, c);
  });
}

/**
 * Confirms the address. The link must be opened by the signed-in account it was made for: a link that
 * reached the real owner of an address someone else signed up with verifies nothing for them.
 */
export async function verifyEmail(db: Db, token: string, customerId: number, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const live = await findLiveToken(tx, 'email_verification', token, now);
    if (!live || live.customerId !== customerId || !(await consumeToken(tx, live.id, now))) throw new ServiceError('not_found', LINK_GONE);
    await tx.update(customers).set({ emailVerifiedAt: now }).where(eq(customers.id, customerId));
  });
}

/** Mails a reset link when the address has an account; says nothing either way (no account probing). */
export async function requestPasswordReset(db: Db, email: string): Promise<void> {
  await db.transaction(async (tx) => {
    const customer = await findCustomerByEmail(tx, email);
    if (!customer?.passwordHash) return;
    const token = await issuePortalToken(tx, { kind: 'password_reset', customerId: customer.id });
    await enqueueMail(tx, customer.email, { kind: 'password_reset', link: portalLinks.reset(token) });
  });
}

/** Whether a reset link is live, for the page that asks for the new password. */
export async function isResetTokenLive(db: Db, token: string, now = new Date()): Promise<boolean> {
  return (await findLiveToken(db, 'password_reset', token, now)) !== null;
}

/**
 * Sets the new password from a reset link (single use, one hour). The link proves the address, so the
 * email counts as verified; every earlier session ends, and every other reset link is spent.
 */
export async function resetPassword(db: Db, token: string, password: string, now = new Date(), origin: AuditOrigin = {}): Promise<CustomerRow> {
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const live = await findLiveToken(tx, 'password_reset', token, now);
    if (!live || !(await consumeToken(tx, live.id, now))) throw new ServiceError('not_found', LINK_GONE);
    await spendOutstandingTokens(tx, live.customerId, 'password_reset', now);
    const [updated] = await tx
      .update(customers)
      .set({ passwordHash, emailVerifiedAt: sql`coalesce(${customers.emailVerifiedAt}, ${now.toISOString()}::timestamptz)` })
      .where(eq(customers.id, live.customerId))
      .returning();
    const who = { kind: 'customer' as const, id: live.customerId };
    const endedSessions = await endSessionsOf(tx, who, { now });
    await recordAudit(tx, { actor: who, action: 'password.reset', object: { type: 'customer', id: who.id }, after: { endedSessions }, origin });
    return updated;
  });
}
