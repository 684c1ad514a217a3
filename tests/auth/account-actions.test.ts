import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog } from '@/db/schema';
import { changePasswordAction, revokeStaffSessionsAction, signOutEverywhereAction } from '@/server/actions/account';
import { countLiveSessions, startSession } from '@/server/services/sessions';
import { createStaffUser } from '@/server/services/staff';
import { seedPeople } from '../fixtures';
import { createTestDb, describeDb, type TestDbHandle } from '../helpers/db';
import { session } from '../idempotency/session-mock';

vi.mock('@/server/auth/session', async (importOriginal) => (await import('../idempotency/session-mock')).mockSession(importOriginal));
vi.mock('next/headers', async () => (await import('../idempotency/session-mock')).mockHeaders());
vi.mock('next/cache', async () => (await import('../idempotency/session-mock')).mockCache());

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};

describe(`account and session actions re-check who may act (${describeDb})`, () => {
  let handle: TestDbHandle;
  let people: Awaited<ReturnType<typeof seedPeople>>;
  let admin: { id: number; email: string };
  beforeAll(async () => {
    handle = await createTestDb();
    (globalThis as { __touchpointDb?: Promise<TestDbHandle> }).__touchpointDb = Promise.resolve(handle);
    people = await seedPeople(handle.db);
    ({ user: admin } = await createStaffUser(handle.db, { email: 'root@touchpoint.test', name: 'Root', role: 'admin', password: 'password123' }));
  });
  afterAll(() => handle.close());
  beforeEach(() => {
    session.actor = null;
    session.sid = undefined;
  });

  const asAgent = () => (session.actor = { kind: 'staff', id: people.agent.id, role: 'agent', teamId: null, name: 'Agnes', email: people.agent.email });
  const asAdmin = () => (session.actor = { kind: 'staff', id: admin.id, role: 'admin', teamId: null, name: 'Root', email: admin.email });

  it("only an admin may end another staff member's sessions; the admin's action is audited with the client IP", async () => {
    const target = { kind: 'staff' as const, id: people.agent.id };
    await startSession(handle.db, target);
    expect(await revokeStaffSessionsAction(form({ userId: String(people.agent.id) }))).toMatchObject({ ok: false, code: 'unauthenticated' });
    asAgent();
    expect(await revokeStaffSessionsAction(form({ userId: String(admin.id) }))).toMatchObject({ ok: false, code: 'forbidden' });
    asAdmin();
    expect(await revokeStaffSessionsAction(form({ userId: 'abc' }))).toMatchObject({ ok: false, code: 'invalid' });
    expect(await revokeStaffSessionsAction(form({ userId: '999999' }))).toMatchObject({ ok: false, code: 'not_found' });
    expect(await revokeStaffSessionsAction(form({ userId: String(people.agent.id) }))).toMatchObject({ ok: true, data: { endedSessions: 1 } });
    expect(await countLiveSessions(handle.db, target)).toBe(0);
    const [entry] = await handle.db.select().from(auditLog).where(eq(auditLog.action, 'sessions.revoked'));
    expect(entry).toMatchObject({ actorKind: 'staff', actorId: admin.id, objectId: String(people.agent.id), ip: session.ip });
  });

  it('sign out everywhere and password change need a signed-in person, and check their input', async () => {
    expect(await signOutEverywhereAction()).toMatchObject({ ok: false, code: 'unauthenticated' });
    expect(await changePasswordAction(form({ currentPassword: 'x', password: 'long-enough-1', confirm: 'long-enough-1' }))).toMatchObject({ ok: false, code: 'unauthenticated' });
    asAgent();
    expect(await changePasswordAction(form({ currentPassword: 'password123', password: 'long-enough-1', confirm: 'different-2' }))).toMatchObject({
      ok: false,
      code: 'invalid',
      fieldErrors: { confirm: ['The two passwords are different'] },
    });
    session.sid = await startSession(handle.db, { kind: 'staff', id: people.agent.id });
    await startSession(handle.db, { kind: 'staff', id: people.agent.id });
    expect(await changePasswordAction(form({ currentPassword: 'password123', password: 'long-enough-1', confirm: 'long-enough-1' }))).toMatchObject({ ok: true, data: { endedSessions: 1 } });
    expect(await countLiveSessions(handle.db, { kind: 'staff', id: people.agent.id })).toBe(1);
    expect(await signOutEverywhereAction()).toMatchObject({ ok: true, data: { endedSessions: 1 } });
  });
});
