import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { auditLog } from '@/db/schema';
import { recordAudit, withoutSecrets } from '@/server/audit/record';
import { createTestDb, describeDb, type TestDbHandle } from '../helpers/db';

describe(`audit_log (${describeDb})`, () => {
  let handle: TestDbHandle;
  beforeAll(async () => {
    handle = await createTestDb();
  });
  afterAll(() => handle.close());

  it('records who did what to which object, from where, without secrets', async () => {
    await recordAudit(handle.db, {
      actor: { kind: 'staff', id: 3 },
      action: 'password.changed',
      object: { type: 'user', id: 3 },
      before: { passwordHash: 'x', role: 'agent' },
      after: { password: 'hunter2', nested: { resetToken: 't', ok: 1 }, ratingLink: 'https://x/portal/rate/abc' },
      origin: { ip: '203.0.113.9', userAgent: 'a'.repeat(600) },
    });
    const [row] = await handle.db.select().from(auditLog).where(eq(auditLog.action, 'password.changed'));
    expect(row).toMatchObject({ actorKind: 'staff', actorId: 3, objectType: 'user', objectId: '3', ip: '203.0.113.9' });
    expect(row.userAgent).toHaveLength(512);
    expect(row.before).toEqual({ role: 'agent' });
    expect(row.after).toEqual({ nested: { ok: 1 } });
    expect(row.at).toBeInstanceOf(Date);
  });

  it('refuses UPDATE, DELETE and TRUNCATE, even of no rows, and keeps every entry', async () => {
    await recordAudit(handle.db, { actor: { kind: 'system', id: null }, action: 'test.kept' });
    const attempts = [
      sql`update audit_log set action = 'test.rewritten' where action = 'test.kept'`,
      sql`update audit_log set action = 'x' where false`,
      sql`delete from audit_log where action = 'test.kept'`,
      sql`delete from audit_log where false`,
      sql`truncate audit_log`,
    ];
    for (const statement of attempts) {
      const error = await handle.db.execute(statement).then(() => null, (e: Error & { cause?: Error }) => e);
      expect(String(error?.cause?.message ?? error?.message)).toMatch(/audit_log is append-only/);
    }
    const kept = await handle.db.select().from(auditLog).where(eq(auditLog.action, 'test.kept'));
    expect(kept).toHaveLength(1);
  });

  it('accepts only the known actor kinds', async () => {
    await expect(
      handle.db.execute(sql`insert into audit_log (actor_kind, action) values ('robot', 'x')`),
    ).rejects.toThrow();
  });
});

describe('withoutSecrets', () => {
  it('drops secret-looking keys at any depth and keeps arrays and dates', () => {
    const at = new Date(0);
    expect(withoutSecrets({ a: [{ token: 1, b: 2 }], at, sessionId: 'x', sessions: 3 })).toEqual({ a: [{ b: 2 }], at, sessions: 3 });
  });
});
