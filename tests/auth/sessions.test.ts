import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, authSessions, customers, users } from '@/db/schema';
import { loadActor } from '@/server/auth/session';
import { changePassword, revokeStaffSessions, signOutEverywhere } from '@/server/services/account-security';
import { hashPassword, verifyPassword } from '@/server/services/passwords';
import { countLiveSessions, endSession, startSession, type SessionOwner } from '@/server/services/sessions';
import { createStaffUser } from '@/server/services/staff';
import { seedPeople } from '../fixtures';
import { createTestDb, describeDb, type TestDbHandle } from '../helpers/db';

describe(`sessions are rows the actor lookup joins (${describeDb})`, () => {
  let handle: TestDbHandle;
  let people: Awaited<ReturnType<typeof seedPeople>>;
  beforeAll(async () => {
    handle = await createTestDb();
    people = await seedPeople(handle.db);
  });
  afterAll(() => handle.close());

  const staff = (): SessionOwner => ({ kind: 'staff', id: people.agent.id });
  const actorFor = (sid: string | undefined, who: SessionOwner = staff()) => loadActor(handle.db, { ...who, sid });
  const auditOf = async (action: string) => handle.db.select().from(auditLog).where(eq(auditLog.action, action));

  it('a live session is signed in; a missing, malformed, ended, expired or foreign session id is not', async () => {
    const sid = await startSession(handle.db, staff(), { ip: '203.0.113.7', userAgent: 'test' });
    expect(await actorFor(sid)).toMatchObject({ kind: 'staff', id: people.agent.id, role: 'agent' });
    expect(await actorFor(undefined)).toBeNull(); // a cookie from before sessions were rows
    expect(await actorFor('not-a-uuid')).toBeNull();
    expect(await actorFor('00000000-0000-4000-8000-000000000000')).toBeNull();

    // Someone else's session id does not make this person signed in, nor across kinds.
    const aliceSid = await startSession(handle.db, { kind: 'customer', id: people.alice.id });
    expect(await actorFor(aliceSid)).toBeNull();
    expect(await actorFor(sid, { kind: 'customer', id: people.alice.id })).toBeNull();
    expect(await actorFor(aliceSid, { kind: 'customer', id: people.alice.id })).toMatchObject({ kind: 'customer', id: people.alice.id });

    expect(await endSession(handle.db, sid)).toBe(true);
    expect(await actorFor(sid)).toBeNull();
    expect(await endSession(handle.db, 'nonsense')).toBe(false);

    const old = await startSession(handle.db, staff(), {}, new Date(Date.now() - 13 * 3600_000));
    expect(await actorFor(old)).toBeNull();
    // The next sign-in clears that person's expired rows.
    await startSession(handle.db, staff());
    expect(await handle.db.select().from(authSessions).where(eq(authSessions.id, old))).toEqual([]);
  });

  it('a deactivated staff member is signed out at once', async () => {
    const { user } = await createStaffUser(handle.db, { email: 'leaver@touchpoint.test', name: 'Leaver', role: 'agent', password: 'password123' });
    const sid = await startSession(handle.db, { kind: 'staff', id: user.id });
    expect(await actorFor(sid, { kind: 'staff', id: user.id })).not.toBeNull();
    await handle.db.update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, user.id));
    expect(await actorFor(sid, { kind: 'staff', id: user.id })).toBeNull();
  });

  it('sign out everywhere ends every session of that person only, and is audited', async () => {
    const mine = [await startSession(handle.db, staff()), await startSession(handle.db, staff())];
    const alice = await startSession(handle.db, { kind: 'customer', id: people.alice.id });
    const result = await signOutEverywhere(handle.db, staff(), { ip: '198.51.100.4', userAgent: 'Firefox' });
    expect(result.endedSessions).toBeGreaterThanOrEqual(2);
    for (const sid of mine) expect(await actorFor(sid)).toBeNull();
    expect(await countLiveSessions(handle.db, staff())).toBe(0);
    expect(await actorFor(alice, { kind: 'customer', id: people.alice.id })).not.toBeNull();
    const [entry] = await auditOf('sessions.signed_out_everywhere');
    expect(entry).toMatchObject({ actorKind: 'staff', actorId: people.agent.id, objectType: 'user', objectId: String(people.agent.id), ip: '198.51.100.4', userAgent: 'Firefox' });
    expect(entry.after).toEqual({ endedSessions: result.endedSessions });
  });

  it('a password change needs the current password, keeps this session and ends the others', async () => {
    const here = await startSession(handle.db, staff());
    const elsewhere = await startSession(handle.db, staff());
    const input = { currentPassword: 'wrong-one', password: 'a-new-password-1', confirm: 'a-new-password-1' };
    await expect(changePassword(handle.db, staff(), input, here)).rejects.toMatchObject({
      code: 'invalid',
      details: { fieldErrors: { currentPassword: [expect.stringContaining('not your current password')] } },
    });
    expect(await actorFor(elsewhere)).not.toBeNull();

    const result = await changePassword(handle.db, staff(), { ...input, currentPassword: 'password123' }, here);
    expect(result.endedSessions).toBe(1);
    expect(await actorFor(here)).not.toBeNull();
    expect(await actorFor(elsewhere)).toBeNull();
    const [row] = await handle.db.select().from(users).where(eq(users.id, people.agent.id));
    expect(await verifyPassword('a-new-password-1', row.passwordHash!)).toBe(true);
    const [entry] = await auditOf('password.changed');
    expect(entry).toMatchObject({ actorKind: 'staff', actorId: people.agent.id, after: { endedSessions: 1 } });
    expect(JSON.stringify(entry)).not.toContain('a-new-password-1');
  });

  it('a customer changes their password the same way', async () => {
    const customer = { kind: 'customer' as const, id: people.alice.id };
    await handle.db.update(customers).set({ passwordHash: await hashPassword('alice-pass-1') }).where(eq(customers.id, people.alice.id));
    const here = await startSession(handle.db, customer);
    const other = await startSession(handle.db, customer);
    await changePassword(handle.db, customer, { currentPassword: 'alice-pass-1', password: 'alice-pass-2', confirm: 'alice-pass-2' }, here);
    expect(await actorFor(here, customer)).not.toBeNull();
    expect(await actorFor(other, customer)).toBeNull();
  });

  it("an admin ends another staff member's sessions, audited as the admin", async () => {
    const { user: admin } = await createStaffUser(handle.db, { email: 'boss@touchpoint.test', name: 'Boss', role: 'admin', password: 'password123' });
    const adminSid = await startSession(handle.db, { kind: 'staff', id: admin.id });
    const agentSid = await startSession(handle.db, staff());
    const result = await revokeStaffSessions(handle.db, { kind: 'staff', id: admin.id }, people.agent.id, { ip: '192.0.2.1' });
    expect(result).toMatchObject({ email: people.agent.email });
    expect(result.endedSessions).toBeGreaterThanOrEqual(1);
    expect(await actorFor(agentSid)).toBeNull();
    expect(await actorFor(adminSid, { kind: 'staff', id: admin.id })).not.toBeNull();
    const [entry] = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'sessions.revoked'), eq(auditLog.actorId, admin.id)));
    expect(entry).toMatchObject({ actorKind: 'staff', objectType: 'user', objectId: String(people.agent.id), ip: '192.0.2.1' });
    await expect(revokeStaffSessions(handle.db, { kind: 'system', id: null }, 999_999)).rejects.toMatchObject({ code: 'not_found' });
  });
});
