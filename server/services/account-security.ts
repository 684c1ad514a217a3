import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { customers, users } from '@/db/schema';
import { ServiceError } from '@/lib/errors';
import type { PasswordChangeInput } from '@/lib/validation/auth';
import { recordAudit, type AuditOrigin } from '../audit/record';
import { hashPassword, verifyPassword } from './passwords';
import { endSessionsOf, type SessionOwner } from './sessions';

const WRONG_PASSWORD = 'That is not your current password. Check it and try again.';
const objectOf = (who: SessionOwner) => ({ type: who.kind === 'staff' ? 'user' : 'customer', id: who.id });

async function passwordHashOf(db: Db, who: SessionOwner): Promise<string | null> {
  const table = who.kind === 'staff' ? users : customers;
  const [row] = await db.select({ hash: table.passwordHash }).from(table).where(eq(table.id, who.id));
  return row?.hash ?? null;
}

/**
 * A signed-in person changes their password. The current one must match. Every other session of theirs
 * ends (a browser someone else signed in on is signed out); the one that made the change stays.
 */
export async function changePassword(db: Db, who: SessionOwner, input: PasswordChangeInput, keepSessionId: string | undefined, origin: AuditOrigin = {}): Promise<{ endedSessions: number }> {
  const current = await passwordHashOf(db, who);
  if (!current || !(await verifyPassword(input.currentPassword, current))) {
    throw new ServiceError('invalid', WRONG_PASSWORD, { fieldErrors: { currentPassword: [WRONG_PASSWORD] } });
  }
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const table = who.kind === 'staff' ? users : customers;
    // Compare-and-set on the hash: two changes racing with the same current password, only one wins.
    const changed = await tx
      .update(table)
      .set({ passwordHash })
      .where(sql`${table.id} = ${who.id} and ${table.passwordHash} = ${current}`)
      .returning({ id: table.id });
    if (changed.length === 0) throw new ServiceError('conflict', 'Your password was changed elsewhere just now. Sign in again with the new one.');
    const endedSessions = await endSessionsOf(tx, who, { keep: keepSessionId });
    await recordAudit(tx, { actor: who, action: 'password.changed', object: objectOf(who), after: { endedSessions }, origin });
    return { endedSessions };
  });
}

/** "Sign out everywhere": every session of this person ends, this browser's too. */
export async function signOutEverywhere(db: Db, who: SessionOwner, origin: AuditOrigin = {}): Promise<{ endedSessions: number }> {
  return db.transaction(async (tx) => {
    const endedSessions = await endSessionsOf(tx, who);
    await recordAudit(tx, { actor: who, action: 'sessions.signed_out_everywhere', object: objectOf(who), after: { endedSessions }, origin });
    return { endedSessions };
  });
}

/**
 * Ends every session of a staff member on someone else's authority: an admin (Settings → Staff) or the
 * system (the `sessions:revoke` CLI). Checking that the admin may do it is the caller's job.
 */
export async function revokeStaffSessions(
  db: Db,
  by: { kind: 'staff'; id: number } | { kind: 'system'; id: null },
  userId: number,
  origin: AuditOrigin = {},
): Promise<{ endedSessions: number; email: string }> {
  return db.transaction(async (tx) => {
    const [user] = await tx.select({ id: users.id, email: users.email }).from(users).where(eq(users.id, userId));
    if (!user) throw new ServiceError('not_found', 'That staff member does not exist.');
    const endedSessions = await endSessionsOf(tx, { kind: 'staff', id: user.id });
    await recordAudit(tx, { actor: by, action: 'sessions.revoked', object: { type: 'user', id: user.id }, after: { endedSessions }, origin });
    return { endedSessions, email: user.email };
  });
}

/** The CLI's `sessions:revoke --email E [--customer]`: ends every session of that person, audited as the system. */
export async function revokeSessionsByEmail(db: Db, kind: 'staff' | 'customer', email: string): Promise<{ endedSessions: number }> {
  const table = kind === 'staff' ? users : customers;
  const [row] = await db.select({ id: table.id }).from(table).where(eq(sql`lower(${table.email})`, email.toLowerCase()));
  if (!row) throw new ServiceError('not_found', `No ${kind === 'staff' ? 'staff member' : 'customer'} has the email ${email}.`);
  if (kind === 'staff') return revokeStaffSessions(db, { kind: 'system', id: null }, row.id);
  return db.transaction(async (tx) => {
    const endedSessions = await endSessionsOf(tx, { kind: 'customer', id: row.id });
    await recordAudit(tx, { actor: { kind: 'system', id: null }, action: 'sessions.revoked', object: { type: 'customer', id: row.id }, after: { endedSessions } });
    return { endedSessions };
  });
}
