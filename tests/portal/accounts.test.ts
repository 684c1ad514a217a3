import type PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { rowsOf } from '@/db/client';
import { auditLog, customers, portalTokens } from '@/db/schema';
import { loadActor } from '@/server/auth/session';
import { workQueueOnce } from '@/server/jobs/worker';
import { getPortalTicket, listCustomerRequests } from '@/server/queries/portal';
import { requestPasswordReset, resetPassword, signUpAccount, verifyEmail } from '@/server/services/portal-accounts';
import { hashPortalToken } from '@/server/services/portal-tokens';
import { submitAccountRequest, submitGuestRequest } from '@/server/services/portal-requests';
import { verifyPassword } from '@/server/services/passwords';
import { startSession } from '@/server/services/sessions';
import { createTestDb, describeDb, type TestDbHandle } from '../helpers/db';
import { linkIn, outbox, sentMail, stopBoss, testBoss, tokenOf } from './jobs-helpers';

const request = { subject: 'Broken kettle', body: 'It leaks.', journeyStage: null, touchpoint: null, reference: null };

describe(`portal accounts: verification, reset, sessions (${describeDb})`, () => {
  let handle: TestDbHandle;
  let boss: PgBoss;
  beforeAll(async () => {
    handle = await createTestDb();
    boss = await testBoss(handle);
  });
  afterAll(async () => {
    await stopBoss(boss);
    await handle.close();
  });

  async function lastMailTo(to: string) {
    await workQueueOnce(boss, handle.db);
    const mail = (await outbox(handle)).find((m) => m.toAddress === to);
    if (!mail) throw new Error(`no mail to ${to}`);
    return mail;
  }

  it("a guest's requests reach an account with the same email only after the mailed verification", async () => {
    const guest = await submitGuestRequest(handle.db, { ...request, email: 'gwen@example.com', name: null });
    expect((await lastMailTo('gwen@example.com')).kind).toBe('guest_link');

    const account = await signUpAccount(handle.db, { name: 'Gwen', email: 'GWEN@example.com', password: 'long-password-1' });
    expect(account.emailVerifiedAt).toBeNull();
    const unverified = { customerId: account.id, verified: false };
    // Anyone could have signed up with that address: it sees nothing it did not submit itself.
    expect(await listCustomerRequests(handle.db, unverified)).toEqual([]);
    expect(await getPortalTicket(handle.db, unverified, guest.ticket.publicKey)).toBeNull();
    const own = await submitAccountRequest(handle.db, account.id, { ...request, subject: 'From my account' });
    expect((await listCustomerRequests(handle.db, unverified)).map((r) => r.publicKey)).toEqual([own.publicKey]);

    const mail = await lastMailTo('gwen@example.com');
    const token = tokenOf(linkIn(sentMail().find((m) => m.kind === 'email_verification' && m.toAddress === 'gwen@example.com')!.body, '/portal/verify/'));
    expect(mail).toBeDefined();
    // The link verifies only the account it was made for.
    const other = await signUpAccount(handle.db, { name: 'Mallory', email: 'mallory@example.com', password: 'long-password-2' });
    await expect(verifyEmail(handle.db, token, other.id)).rejects.toMatchObject({ code: 'not_found' });
    // It expires after 7 days.
    await expect(verifyEmail(handle.db, token, account.id, new Date(Date.now() + 8 * 24 * 3600_000))).rejects.toMatchObject({ code: 'not_found' });
    await verifyEmail(handle.db, token, account.id);
    const sid = await startSession(handle.db, { kind: 'customer', id: account.id });
    const actor = await loadActor(handle.db, { kind: 'customer', id: account.id, sid });
    expect(actor).toMatchObject({ emailVerified: true });
    const verified = { customerId: account.id, verified: true };
    expect((await listCustomerRequests(handle.db, verified)).map((r) => r.publicKey).sort()).toEqual([guest.ticket.publicKey, own.publicKey].sort());
    // Single use.
    await expect(verifyEmail(handle.db, token, account.id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('signing up with a registered address is a field error, and nothing changes', async () => {
    await signUpAccount(handle.db, { name: 'Ray', email: 'ray@example.com', password: 'long-password-1' });
    await expect(signUpAccount(handle.db, { name: 'Other', email: 'ray@example.com', password: 'another-pass-2' })).rejects.toMatchObject({
      code: 'conflict',
      details: { fieldErrors: { email: [expect.stringContaining('already exists')] } },
    });
    const [row] = await handle.db.select().from(customers).where(eq(customers.email, 'ray@example.com'));
    expect(await verifyPassword('long-password-1', row.passwordHash!)).toBe(true);
  });

  it('a reset link is hashed at rest, works once within the hour, verifies the address and ends older sessions', async () => {
    const account = await signUpAccount(handle.db, { name: 'Rita', email: 'rita@example.com', password: 'old-password-1' });
    await requestPasswordReset(handle.db, 'rita@example.com');
    await requestPasswordReset(handle.db, 'nobody@example.com'); // no account: no mail, and no error either
    await workQueueOnce(boss, handle.db);
    const mail = sentMail().find((m) => m.kind === 'password_reset' && m.toAddress === 'rita@example.com')!;
    const token = tokenOf(linkIn(mail.body, '/portal/reset/'));
    expect((await outbox(handle)).some((m) => m.toAddress === 'nobody@example.com')).toBe(false);

    const stored = await handle.db.select().from(portalTokens).where(eq(portalTokens.customerId, account.id));
    expect(stored.every((t) => t.tokenHash !== token && /^[0-9a-f]{64}$/.test(t.tokenHash))).toBe(true);
    expect(stored.some((t) => t.tokenHash === hashPortalToken(token))).toBe(true);
    expect(Buffer.from(token, 'base64url').length * 8).toBeGreaterThanOrEqual(128);

    const later = new Date(Date.now() + 61 * 60_000);
    await expect(resetPassword(handle.db, token, 'new-password-1', later)).rejects.toMatchObject({ code: 'not_found' });

    const sessionBefore = await startSession(handle.db, { kind: 'customer', id: account.id });
    const now = new Date();
    const updated = await resetPassword(handle.db, token, 'new-password-1', now);
    expect(await verifyPassword('new-password-1', updated.passwordHash!)).toBe(true);
    expect(updated.emailVerifiedAt).not.toBeNull();
    expect(await loadActor(handle.db, { kind: 'customer', id: account.id, sid: sessionBefore })).toBeNull();
    const sessionAfter = await startSession(handle.db, { kind: 'customer', id: account.id });
    expect(await loadActor(handle.db, { kind: 'customer', id: account.id, sid: sessionAfter })).not.toBeNull();
    const [audit] = await handle.db.select().from(auditLog).where(eq(auditLog.action, 'password.reset'));
    expect(audit).toMatchObject({ actorKind: 'customer', actorId: account.id, objectType: 'customer', objectId: String(account.id), after: { endedSessions: 1 } });
    await expect(resetPassword(handle.db, token, 'third-password', new Date())).rejects.toMatchObject({ code: 'not_found' });
    await expect(resetPassword(handle.db, 'A'.repeat(43), 'guessed-pass', new Date())).rejects.toMatchObject({ code: 'not_found' });
  });

  it('keeps every token as a sha256 hash only', async () => {
    const rows = rowsOf<{ bad: number }>(await handle.db.execute(sql`select count(*)::int as bad from portal_tokens where token_hash !~ '^[0-9a-f]{64}$'`));
    expect(rows[0].bad).toBe(0);
  });
});
